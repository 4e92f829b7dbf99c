"""A build whose inputs and output are unchanged is kept; a change to any one builds (issue #15)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from git_site import commit_all, git
from support import FIXTURES, build, copy_site, run_cli
from victiminfo.project import Project
from victiminfo.site.up_to_date import build_key, input_files, listing

KEPT = "Nothing changed since the last build"
OPTIONS: dict[str, object] = {"paper": None, "print_shop": None, "leaflets": True, "shard": None}


def _key(root: Path, font: Path, **options: object) -> str:
    return build_key(Project(root), root / "site", {**OPTIONS, **options}, (font,))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _phone(root: Path) -> None:
    path = root / "docs/_data/services/polisen.yml"
    text = path.read_text(encoding="utf-8")
    assert 'number: "112"' in text
    path.write_text(text.replace('number: "112"', 'number: "113"'), encoding="utf-8")


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "a Swedish page": lambda root, font: _append(root / "docs/sv/andra.md", "\nMer.\n"),
    "a phone number in a data file": lambda root, font: _phone(root),
    "mkdocs.yml": lambda root, font: _append(root / "mkdocs.yml", "\n# a comment\n"),
    "a new file": lambda root, font: (root / "docs/sv/ny.md").write_text("# Ny\n", "utf-8"),
    "a removed file": lambda root, font: (root / "docs/sv/andra.md").unlink(),
    "a font file": lambda root, font: font.write_bytes(b"another font, a longer one"),
}


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the fixture site, and a stand-in for a font file fontconfig resolved."""
    font = tmp_path / "font.ttf"
    font.write_bytes(b"a font")
    return copy_site(FIXTURES / "small-site", tmp_path / "project"), font


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_to_any_input_changes_the_key(change: str, project: tuple[Path, Path]) -> None:
    """Pages, facts, config, files added or removed, fonts: each one is in the key (#15)."""
    root, font = project
    before = _key(root, font)
    CHANGES[change](root, font)
    assert _key(root, font) != before


def test_options_environment_and_commits_are_in_the_key(project: tuple[Path, Path]) -> None:
    """The command's options, our variables, the date variable and the commit (#15)."""
    root, font = project
    before = _key(root, font)
    assert _key(root, font, paper="A4") != before
    assert _key(root, font, shard=["sv"]) != before
    for name in ("VICTIMINFO_I18N_ALTERNATES", "SOURCE_DATE_EPOCH"):
        os.environ[name] = "0"
        try:
            assert _key(root, font) != before, name
        finally:
            del os.environ[name]
    git(root, "init", "-q")
    first = commit_all(root, "first")
    after_first = _key(root, font)
    git(root, "commit", "-q", "--allow-empty", "-m", "second")
    assert len({before, after_first, _key(root, font)}) == 3, first


def test_what_builds_write_is_not_an_input(project: tuple[Path, Path]) -> None:
    """The site, its nginx file, the cache, swap folders and byte code leave the key, and the
    default site/ when the build goes elsewhere (#15)."""
    root, font = project
    before = _key(root, font)
    elsewhere = build_key(Project(root), root / "public", OPTIONS, (font,))
    for written in ("site/index.html", ".cache/x", ".site-new-1/a", "scripts2/__pycache__/a.pyc"):
        (root / written).parent.mkdir(parents=True, exist_ok=True)
        (root / written).write_text("written by a build", encoding="utf-8")
    (root / "site.nginx.conf").write_text("server {}", encoding="utf-8")
    assert _key(root, font) == before
    assert build_key(Project(root), root / "public", OPTIONS, (font,)) == elsewhere


def test_the_package_and_templates_are_read_through_links(project: tuple[Path, Path]) -> None:
    """A copied site links scripts/ and overrides/: their files are inputs, each once (#15)."""
    root, _ = project
    paths = [Path(path).resolve() for path, _ in input_files(Project(root), root / "site")]
    assert len(paths) == len(set(paths))
    names = {path.as_posix() for path in paths}
    assert any(name.endswith("victiminfo/site/up_to_date.py") for name in names)
    assert any(name.endswith("overrides/leaflets/leaflet.css") for name in names)


def test_a_build_with_nothing_changed_keeps_the_site(project: tuple[Path, Path]) -> None:
    """The second build keeps every file as it was and says so, with the leaflet report;
    an edited page, or a site changed by hand, builds again (issue #15)."""
    root, _ = project
    site = build(root)
    written = listing(site)
    kept = run_cli("build", "--root", str(root))
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert KEPT in kept.stdout and "(0 rendered, 5 unchanged)" in kept.stdout, kept.stdout
    assert listing(site) == written
    verbose = run_cli("build", "--root", str(root), "--verbose")  # the kept report, --verbose
    assert KEPT in verbose.stdout and "lists each leaflet" not in verbose.stdout, verbose.stdout
    (site / "index.html").write_text("changed by hand", encoding="utf-8")
    again = run_cli("build", "--root", str(root))
    assert KEPT not in again.stdout and "Built" in again.stdout, again.stdout
    assert "changed by hand" not in (site / "index.html").read_text(encoding="utf-8")
    _append(root / "docs/sv/andra.md", "\nEn ny mening om stödet.\n")
    edited = run_cli("build", "--root", str(root))
    assert KEPT not in edited.stdout, edited.stdout
    assert "En ny mening om stödet." in (site / "andra/index.html").read_text(encoding="utf-8")
