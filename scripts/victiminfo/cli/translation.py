"""`victiminfo translation`: record translation work, and exchange files with agencies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

import click

from victiminfo.cli.options import root_option, shown_path
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.translation.agency import export_text, import_file
from victiminfo.translation.record import (
    Work,
    checked_name,
    record_reviewed,
    record_updated,
    select_pages,
)

Record = Callable[[Project, GitRepo, str, PurePosixPath, Work], str]
LANG = click.argument("lang")
PAGES = click.argument("pages", nargs=-1, required=True, metavar="PAGE...")
BY = click.option("--by", required=True, metavar="NAME", help="Who did it (a name or a team).")


@click.group()
@root_option
@click.pass_context
def translation(ctx: click.Context, project: Project) -> None:
    """Record translation work; exchange files with translation agencies.

    LANG is a language code (e.g. fi); PAGE a page under docs/LANG/, or a pattern: '*'.
    """
    ctx.obj = project


@translation.command()
@LANG
@PAGES
@BY
@click.option("--machine", is_flag=True, help="A machine made it (no person has reviewed it).")
@click.pass_obj
def updated(project: Project, lang: str, pages: tuple[str, ...], by: str, machine: bool) -> int:
    """A translation now matches the current (committed) Swedish page."""
    return record_work(project, record_updated, "updated", lang, pages, by, machine)


@translation.command()
@LANG
@PAGES
@BY
@click.pass_obj
def reviewed(project: Project, lang: str, pages: tuple[str, ...], by: str) -> int:
    """A person has reviewed the translation."""
    return record_work(project, record_reviewed, "reviewed", lang, pages, by, False)


def record_work(
    project: Project,
    record: Record,
    action: str,
    lang: str,
    pages: tuple[str, ...],
    by: str,
    machine: bool,
) -> int:
    """Record the work on every chosen page; the problems of all of them are raised together."""
    try:
        work = Work(checked_name(by), machine=machine)
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    repo = GitRepo(project.root)
    problems: list[Problem] = []
    for page in select_pages(project, lang, list(pages)):
        try:
            revision = record(project, repo, lang, page, work)
            click.echo(f"docs/{lang}/{page}: {action} (Swedish revision {revision})")
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return 0


@translation.command()
@LANG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xliff", "po"]),
    default="xliff",
    show_default=True,
    help="The file format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Where to write it [default: translation-LANG-REVISION.xlf or .po].",
)
@click.option(
    "--all", "every", is_flag=True, help="Every page, not only missing, stale and machine ones."
)
@click.pass_obj
def export(project: Project, lang: str, fmt: str, output: Path | None, every: bool) -> int:
    """A file for a translation agency or a reviewer: the pages of LANG a person must work on.

    Missing and stale pages, and machine translations (offered as fuzzy / state initial: a
    reviewer corrects and confirms them).
    """
    repo = GitRepo(project.root)
    text, count = export_text(project, repo, lang, fmt, every=every)
    if count == 0:
        click.echo(
            f"Nothing to translate or review: every page of '{lang}' is translated by a "
            "person from the current Swedish."
        )
        return 0
    suffix = "xlf" if fmt == "xliff" else "po"
    out = output or Path(f"translation-{lang}-{repo.head() or 'work'}.{suffix}")
    out.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out}: {count} page(s) to translate or review.")
    return 0


@translation.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--by", metavar="NAME", help="Who translated it [default: the file's translator].")
@click.pass_obj
def import_(project: Project, file: Path, by: str | None) -> int:
    """Write an agency's returned .xlf or .po file into docs/LANG/."""
    report = import_file(project, GitRepo(project.root), file, by)
    for path in report.written:
        click.echo(f"wrote {path.relative_to(project.root)}")
    for page in report.reviewed:
        click.echo(f"docs/{report.language}/{page}: review recorded")
    for problem in report.skipped:  # the rest is written: a warning rule (VI427)
        click.echo(problem.format(shown_path(problem.path, project.root)), err=True)
    for page in report.still_machine:
        click.echo(
            f"docs/{report.language}/{page}: still a machine translation (not every block is "
            "marked done)",
            err=True,
        )
    click.echo(
        f"{len(report.written)} page(s) written, {len(report.unchanged)} unchanged, "
        f"{len({p.message.split(',')[0] for p in report.skipped})} not complete "
        "(left as they were)."
    )
    return 0
