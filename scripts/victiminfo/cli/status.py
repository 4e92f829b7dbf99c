"""`victiminfo status`: the translation matrix, or what changed in a Swedish page since."""

from __future__ import annotations

import os
import sys

import click

from victiminfo.cli.options import root_option
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.translation.source_diff import changed_files, normalise_page, source_diff
from victiminfo.translation.status import build_matrix
from victiminfo.translation.status_render import as_json, markdown, terminal
from victiminfo.translation.words import with_words


def wants_colour() -> bool:
    """ANSI colours only on a terminal, and never when NO_COLOR is set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@click.command()
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "markdown", "json"]),
    default="terminal",
    show_default=True,
    help="How to print the matrix.",
)
@click.option(
    "--base",
    metavar="REVISION",
    help="With --format markdown: also list the files changed since this revision.",
)
@click.option(
    "--diff",
    nargs=2,
    metavar="LANG PAGE",
    help="What changed in the Swedish page since that translation was made.",
)
def status(project: Project, fmt: str, base: str | None, diff: tuple[str, str] | None) -> int:
    """The translation status of every page in every language.

    Or, with --diff, what changed in the Swedish page since a translation. Always exit 0.
    """
    repo = GitRepo(project.root)
    if diff:
        code, page = diff
        rel = normalise_page(page)
        text = source_diff(project, repo, code, rel)
        click.echo(text or f"The Swedish page has not changed since docs/{code}/{rel} was made.")
        return 0
    matrix = with_words(project, repo, build_matrix(project, repo))
    if fmt == "markdown":
        sys.stdout.write(markdown(matrix, changed_files(project.root, base) if base else None))
    elif fmt == "json":
        sys.stdout.write(as_json(matrix))
    else:
        sys.stdout.write(terminal(matrix, wants_colour()))
    return 0
