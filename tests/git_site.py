"""A fixture site copied into a fresh git repository, for tests of history-based tools."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import FIXTURES, REPO, copy_site

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(root: Path, *args: str) -> str:
    """Run git in root and return its output (the test fails if git fails)."""
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit_all(root: Path, message: str) -> str:
    """Commit everything in root; returns the abbreviated (12) commit id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()[:12]


def git_site(target: Path) -> tuple[Path, str]:
    """The small fixture site in a new git repository with one commit; (root, revision)."""
    root = copy_site(FIXTURES / "small-site", target)
    git(root, "init", "-q", "-b", "main")
    (root / ".gitignore").write_text("overrides\nscripts\nsite/\n", encoding="utf-8")
    return root, commit_all(root, "initial content")


def run_tool(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run `python -m victiminfo ARGS` as scripts/status etc. do."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), **GIT_ENV}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "victiminfo", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
