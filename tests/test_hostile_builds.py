"""The build refuses what a hostile pull request could publish, not only the check (issue #14).

Each case breaks a fresh copy of the fixture site as a pull request could; the build must exit
1 with the check's message and leave the previous site/ exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import run_cli
from victiminfo.checks.symlinks import symlink_problems
from victiminfo.project import Project
from victiminfo.rules import Rule

PREVIOUS = "<p>the site as it was before this build</p>\n"


def _link_a_page_to_passwd(root: Path) -> None:
    (root / "docs/sv/losenord.md").symlink_to("/etc/passwd")


def _markup_title(root: Path) -> None:
    (root / "docs/sv/andra.md").write_text(
        "---\ntitle: <b>x</b>\n---\n# Andra sidan\n\nBara på svenska.\n", encoding="utf-8"
    )


def _stray_template_tag(root: Path) -> None:
    (root / "docs/sv/andra.md").write_text("# Andra sidan\n\n{% include 'x' %}\n", encoding="utf-8")


def _bidi_override(root: Path) -> None:
    (root / "docs/sv/andra.md").write_text(
        "# Andra sidan\n\nRing \u202e211\u202c.\n", encoding="utf-8"
    )


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "symlink": (
        _link_a_page_to_passwd,
        "docs/sv/losenord.md: error: VI513 symbolic-link: this is a symbolic link "
        "(to '/etc/passwd')",
    ),
    "markup-title": (
        _markup_title,
        "docs/sv/andra.md:2: error: VI326 markup-in-front-matter: [title] front matter: "
        "'<b>x</b>' has markup (<)",
    ),
    "template-tag": (_stray_template_tag, "docs/sv/andra.md:3: error: VI325 placeholder"),
    "bidi-override": (_bidi_override, "docs/sv/andra.md:3: error: VI118 invisible-character"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_build_refuses_it_and_keeps_the_previous_site(name: str, small_project: Path) -> None:
    """Exit 1, the check's message, and site/ untouched (issue #14)."""
    break_site, expected = CASES[name]
    site = small_project / "site"
    site.mkdir()
    (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
    break_site(small_project)

    result = run_cli("build", "--root", str(small_project), "--no-leaflets")

    assert result.returncode == 1, result.stdout + result.stderr
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert "site/ was left as it was" in result.stderr
    assert "Traceback" not in result.stderr and "root:x:0:0" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS


def test_a_linked_overrides_folder_is_fine_a_link_inside_it_is_not(tmp_path: Path) -> None:
    """The fixtures link overrides/ itself to the project's; a link in it is refused (issue #14)."""
    real = tmp_path / "real-overrides"
    (real / "partials").mkdir(parents=True)
    (tmp_path / "docs/sv").mkdir(parents=True)
    (tmp_path / "overrides").symlink_to(real)
    project = Project(tmp_path)
    assert symlink_problems(project) == []

    (real / "partials/footer.html").symlink_to(Path.home() / ".ssh/id_rsa")

    problems = symlink_problems(project)
    assert [(p.rule, p.path.name) for p in problems] == [(Rule.SYMBOLIC_LINK, "footer.html")]


def test_a_linked_docs_folder_is_refused(tmp_path: Path) -> None:
    """docs/ itself may not be a link to content elsewhere on the machine (issue #14)."""
    (tmp_path / "elsewhere/sv").mkdir(parents=True)
    (tmp_path / "docs").symlink_to(tmp_path / "elsewhere")
    problems = symlink_problems(Project(tmp_path))
    assert [p.path.name for p in problems] == ["docs"]
