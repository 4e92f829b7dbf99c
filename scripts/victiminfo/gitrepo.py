"""Every question this project asks git (read-only): revisions, dates, files as they were then."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

REVISION = r"^[0-9a-f]{7,40}$"


@dataclass
class GitRepo:
    """The git checkout that holds a project (answers are cached for one run)."""

    root: Path
    _cache: dict[tuple[str, ...], str | None] = field(default_factory=dict, repr=False)

    def _run(self, *args: str) -> str | None:
        """Output of `git ARGS`, or None when git fails or is not there."""
        if args not in self._cache:
            try:
                done = subprocess.run(
                    ["git", *args], cwd=self.root, capture_output=True, timeout=60, check=False
                )
                out = done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None
            except (OSError, subprocess.SubprocessError):
                out = None
            self._cache[args] = out
        return self._cache[args]

    def is_repo(self) -> bool:
        """Whether root is inside a git work tree with at least one commit."""
        return self._run("rev-parse", "--verify", "-q", "HEAD") is not None

    def head(self, length: int = 12) -> str | None:
        """The current commit, abbreviated to length characters."""
        out = self._run("rev-parse", "HEAD")
        return out.strip()[:length] if out else None

    def revision_exists(self, revision: str) -> bool:
        """Whether revision names a commit in this repository."""
        return self._run("rev-parse", "--verify", "-q", f"{revision}^{{commit}}") is not None

    def file_at(self, revision: str, path: Path) -> str | None:
        """The text of path (a file in the work tree) as it was at revision, or None."""
        rel = self.relative(path)
        return None if rel is None else self._run("show", f"{revision}:{rel.as_posix()}")

    def relative(self, path: Path) -> PurePosixPath | None:
        """path relative to the top of the work tree, or None if it is outside."""
        top = self._run("rev-parse", "--show-toplevel")
        if top is None:
            return None
        try:
            return PurePosixPath(path.resolve().relative_to(Path(top.strip())).as_posix())
        except ValueError:
            return None

    def last_change(self, path: Path, length: int = 12) -> str | None:
        """The last commit that changed path, abbreviated, or None if it was never committed."""
        rel = self.relative(path)
        out = self._run("log", "-1", "--format=%H", "--", rel.as_posix()) if rel else None
        return out.strip()[:length] if out and out.strip() else None

    def last_commit_date(self) -> date | None:
        """The committer date of the current commit, or None outside a checkout with history."""
        out = self._run("log", "-1", "--format=%cs")
        try:
            return date.fromisoformat(out.strip()) if out and out.strip() else None
        except ValueError:
            return None

    def changed_files(self, base: str, under: str) -> list[str] | None:
        """Files below under/ that differ between base and the work tree (None if git cannot)."""
        out = self._run("diff", "--name-only", base, "--", under)
        return out.splitlines() if out is not None else None
