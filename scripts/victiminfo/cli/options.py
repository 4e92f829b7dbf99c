"""Options and output helpers shared by every subcommand: --root, shown paths, plurals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from victiminfo.errors import ContentError, Problem
from victiminfo.project import REPO, Project
from victiminfo.rules import Rule

F = TypeVar("F", bound=Callable[..., Any])
ROOT_KEY = "victiminfo.root"


def root_option(function: F) -> F:
    """--root: the project folder (default: this checkout), handed to the command as `project`."""
    return click.option(
        "--root",
        "project",
        type=click.Path(path_type=Path, file_okay=False),
        default=REPO,
        callback=_project,
        metavar="FOLDER",
        help="The project folder, with mkdocs.yml [default: this checkout].",
    )(function)


def _project(ctx: click.Context, param: click.Parameter, value: Path) -> Project:
    root = value.resolve()
    ctx.meta[ROOT_KEY] = root
    if not (root / "mkdocs.yml").is_file():
        raise ContentError(
            [
                Problem(
                    root,
                    "this folder has no mkdocs.yml: is it the project folder?",
                    Rule.NOT_A_PROJECT_FOLDER,
                    hint="run the command in the project folder, or name it with --root FOLDER",
                )
            ]
        )
    return Project(root)


def project_root(ctx: click.Context) -> Path:
    """The --root a command was given (the current folder before it is known)."""
    root = ctx.meta.get(ROOT_KEY)
    return root if isinstance(root, Path) else Path.cwd()


def shown_path(path: Path, root: Path) -> str:
    """A problem's path relative to the current folder, else to the project root, else whole."""
    resolved = without_following(path)
    for base in (Path.cwd(), root.resolve()):
        if resolved != base and resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return str(resolved)


def without_following(path: Path) -> Path:
    """A path made absolute without following a symbolic link at its end (it is shown as is)."""
    return path.parent.resolve() / path.name if path.name else path.resolve()


def plural(count: int, word: str) -> str:
    """'1 leaflet', '2 leaflets'."""
    return f"{count} {word}{'s' * (count != 1)}"
