"""scripts/translation updated/reviewed: front-matter edits that touch nothing else (issue #5)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from git_site import commit_all, git_site, run_tool
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.translation.meta import State
from victiminfo.translation.record import set_front_matter
from victiminfo.translation.status import build_matrix

PAGE = "docs/en/orter/testby.md"
TESTBY = PurePosixPath("orter/testby.md")


def _tool(root: Path, *args: str) -> tuple[int, str]:
    result = run_tool("translation", "--root", str(root), *args)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def _body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def test_set_front_matter_keeps_every_other_byte() -> None:
    text = "---\ntitle: A: b  # note\nmachine_translation: true\nx:\n  - 1\n---\n\n# H\r\n\n"
    out = set_front_matter(text, {"machine_translation": False, "source_revision": "abc1234"})
    assert out == (
        "---\ntitle: A: b  # note\nmachine_translation: false\nx:\n  - 1\n"
        "source_revision: 'abc1234'\n---\n\n# H\r\n\n"
    )
    assert set_front_matter(out, {"x": None}) == out.replace("x:\n  - 1\n", "")


def test_set_front_matter_adds_one_to_a_page_without() -> None:
    assert set_front_matter("# H\n", {"translated_by": "O'Brien"}) == (
        "---\ntranslated_by: 'O''Brien'\n---\n\n# H\n"
    )


def test_a_new_front_matter_goes_after_a_byte_order_mark() -> None:
    """MkDocs skips a BOM only at the very start of the file (issue #11)."""
    assert set_front_matter("\ufeff# H\r\n", {"translated_by": "A"}) == (
        "\ufeff---\r\ntranslated_by: 'A'\r\n---\r\n\r\n# H\r\n"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_set_front_matter_finds_the_front_matter_as_mkdocs_does(newline: str) -> None:
    """A '... ' fence, a BOM, CRLF lines: the key goes inside, no other byte changes (issue #11)."""
    n = newline
    text = f"\ufeff---{n}title: A{n}... {n}# H{n}---{n}x{n}"
    out = set_front_matter(text, {"translated_by": "B"})
    assert out == text.replace(f"title: A{n}", f"title: A{n}translated_by: 'B'{n}")


@pytest.mark.parametrize("text", ["---\ntitle: A\n# H\n---", "---\n---\n# H\n"])
def test_set_front_matter_refuses_a_front_matter_mkdocs_does_not_read(text: str) -> None:
    """No closing fence, or nothing inside: a new one above it would hide it (issue #11)."""
    with pytest.raises(ValueError, match="MkDocs reads no front matter there"):
        set_front_matter(text, {"translated_by": "B"})


def test_updated_records_the_swedish_revision_and_nothing_else(tmp_path: Path) -> None:
    root, first = git_site(tmp_path / "project")
    before = (root / PAGE).read_text("utf-8")
    code, out = _tool(root, "updated", "en", "orter/testby", "--by", "Anna Berg")
    assert code == 0, out
    after = (root / PAGE).read_text("utf-8")
    assert _body(after) == _body(before)
    assert after.startswith(
        "---\nmachine_translation: false\n"
        f"source_revision: '{first}'\ntranslated_by: 'Anna Berg'\n---\n"
    )
    assert build_matrix(Project(root)).state(TESTBY, "en") == State.current


def test_machine_then_reviewed(tmp_path: Path) -> None:
    root, first = git_site(tmp_path / "project")
    assert _tool(root, "updated", "en", "*", "--by", "MT", "--machine")[0] == 0
    assert build_matrix(Project(root)).state(TESTBY, "en") == State.machine
    code, out = _tool(root, "reviewed", "en", "orter/testby.md", "--by", "Ali")
    assert code == 0, out
    text = (root / PAGE).read_text("utf-8")
    assert "machine_translation: false\n" in text
    assert f"reviewed_by: 'Ali'\nreviewed_revision: '{first}'\n" in text
    assert build_matrix(Project(root)).state(TESTBY, "en") == State.reviewed
    # updating again clears the review: it does not cover the new text
    assert _tool(root, "updated", "en", "orter/testby.md", "--by", "Anna")[0] == 0
    assert "reviewed_by" not in (root / PAGE).read_text("utf-8")


def test_the_revision_is_the_last_change_of_the_swedish_page(tmp_path: Path) -> None:
    root, first = git_site(tmp_path / "project")
    (root / "docs/sv/andra.md").write_text("# Andra\n\nÄndrad.\n", "utf-8")
    commit_all(root, "another page changed")
    assert _tool(root, "updated", "en", "orter/testby.md", "--by", "A")[0] == 0
    assert f"source_revision: '{first}'" in (root / PAGE).read_text("utf-8")
    assert GitRepo(root).head() != first


def test_refuses_uncommitted_swedish_changes(tmp_path: Path) -> None:
    root, _ = git_site(tmp_path / "project")
    before = (root / PAGE).read_text("utf-8")
    swedish = root / "docs/sv/orter/testby.md"
    swedish.write_text(swedish.read_text("utf-8") + "\nMer.\n", "utf-8")
    code, out = _tool(root, "updated", "en", "orter/testby.md", "--by", "A")
    assert code == 1
    assert "docs/sv/orter/testby.md" in out and "not committed" in out and "how to fix:" in out
    assert (root / PAGE).read_text("utf-8") == before


def test_refuses_to_review_a_stale_translation(tmp_path: Path) -> None:
    root, _ = git_site(tmp_path / "project")
    assert _tool(root, "updated", "en", "orter/testby.md", "--by", "A")[0] == 0
    swedish = root / "docs/sv/orter/testby.md"
    swedish.write_text(swedish.read_text("utf-8") + "\nMer.\n", "utf-8")
    commit_all(root, "Swedish change")
    code, out = _tool(root, "reviewed", "en", "orter/testby.md", "--by", "B")
    assert code == 1 and "changed since this translation was made" in out
    assert "scripts/status --diff en orter/testby.md" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["updated", "en", "andra.md", "--by", "A"], "no translated page in docs/en/ matches"),
        (["reviewed", "en", "index.md", "--by", "A"], "does not say which Swedish revision"),
        (["updated", "en", "index.md", "--by", " "], "a name must be one line of text"),
        (["updated", "en", "index.md", "--by", "a\nb"], "a name must be one line of text"),
    ],
)
def test_clear_errors(tmp_path: Path, args: list[str], message: str) -> None:
    root, _ = git_site(tmp_path / "project")
    code, out = _tool(root, *args)
    assert code == 1 and message in out


def test_outside_git_nothing_is_recorded(small_project: Path) -> None:
    before = (small_project / PAGE).read_text("utf-8")
    code, out = _tool(small_project, "updated", "en", "orter/testby.md", "--by", "A")
    assert code == 1 and "not a git checkout" in out
    assert (small_project / PAGE).read_text("utf-8") == before


def test_a_translation_without_a_swedish_page_is_refused(tmp_path: Path) -> None:
    root, _ = git_site(tmp_path / "project")
    (root / "docs/en/extra.md").write_text("# Extra\n", "utf-8")
    code, out = _tool(root, "updated", "en", "extra.md", "--by", "A")
    assert code == 1 and "there is no Swedish page with this name" in out
