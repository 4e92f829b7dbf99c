"""Every git question goes through GitRepo: dates, changed files, files as they were (issue #11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from git_site import commit_all, git, git_site
from victiminfo.gitrepo import GitRepo
from victiminfo.project import edition_date


def test_the_edition_date_is_the_last_commit_s_date(tmp_path: Path) -> None:
    """The edition is dated from git, never the clock (issue #11)."""
    root, _ = git_site(tmp_path / "project")
    committed = date.fromisoformat(git(root, "log", "-1", "--format=%cs").strip())
    assert GitRepo(root).last_commit_date() == committed
    assert edition_date(root, date.min) == committed


def test_outside_a_checkout_the_fallback_date_is_used(tmp_path: Path) -> None:
    """No git history: no date from git, and the caller's fallback stands (issue #11)."""
    assert GitRepo(tmp_path).last_commit_date() is None
    assert edition_date(tmp_path, date(2020, 1, 2)) == date(2020, 1, 2)


def test_changed_files_lists_what_differs_from_a_revision(tmp_path: Path) -> None:
    """Only files below the folder asked about, changed since base (issue #11)."""
    root, first = git_site(tmp_path / "project")
    page = root / "docs/sv/andra.md"
    page.write_text(page.read_text("utf-8") + "\nMer.\n", "utf-8")
    (root / "notes.txt").write_text("not content\n", "utf-8")
    commit_all(root, "a change")
    assert GitRepo(root).changed_files(first, "docs") == ["docs/sv/andra.md"]
    assert GitRepo(root).changed_files("no-such-revision", "docs") is None
