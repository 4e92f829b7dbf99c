"""No symbolic links where a pull request writes and the build reads: docs/, overrides/, mkdocs.yml.

A link can point anywhere (/etc/passwd, ~/.ssh) and MkDocs copies what it points to into site/.
The overrides/ folder itself may be a link (the test fixtures link the project's), its content not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from victiminfo.errors import Problem
from victiminfo.project import Project
from victiminfo.rules import Rule


def symlink_problems(project: Project) -> list[Problem]:
    """Every symbolic link under docs/ (docs/ itself included), inside overrides/, mkdocs.yml."""
    found = [path for path in (project.docs, project.config_file) if path.is_symlink()]
    found += linked_entries(project.docs)
    found += linked_entries(project.root / "overrides")
    return [_problem(path) for path in sorted(found)]


def linked_entries(folder: Path) -> Iterator[Path]:
    """The symbolic links among a folder's files and folders, at any depth (never followed)."""
    for top, dirs, files in os.walk(folder):
        for name in sorted([*dirs, *files]):
            if (Path(top) / name).is_symlink():
                yield Path(top) / name


def _problem(path: Path) -> Problem:
    return Problem(
        path,
        f"this is a symbolic link (to '{path.readlink()}'): the build would publish "
        "whatever it points to",
        rule=Rule.SYMBOLIC_LINK,
        hint="replace the link with the file itself (git add the real file), or remove it",
    )
