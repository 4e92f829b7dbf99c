"""`victiminfo check`: validate all content and data; one line per problem, then a summary.

Exit status: 0 when there are no errors (warnings are only printed), 1 when there are errors.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from victiminfo.checks.runner import CheckReport, run_checks
from victiminfo.cli.options import plural, root_option, shown_path
from victiminfo.errors import Problem
from victiminfo.project import Project


class DateType(click.ParamType[date]):
    """A day written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        """The date, or a usage error that says what a date looks like."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a date (YYYY-MM-DD)", param, ctx)


@click.command()
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: annotations for GitHub Actions.",
)
@click.option("--today", type=DateType(), help="Count fact ages from this day [default: today].")
@click.option("--no-git", is_flag=True, help="Do not check the translations' source revisions.")
def check(project: Project, fmt: str, today: date | None, no_git: bool) -> int:
    """Check all content and data without building.

    Facts, pages, links, translations and markup: one line per problem, then a summary.
    Exit status 1 when there are errors (warnings are only printed).
    """
    report = run_checks(project, today or date.today(), use_git=not no_git)
    print_report(report, project.root, fmt)
    return 1 if report.errors else 0


def print_report(report: CheckReport, root: Path, fmt: str) -> None:
    """Every problem, then the summary, on standard output."""
    for problem in report.problems:
        shown = shown_path(problem.path, root)
        click.echo(github_line(problem, shown) if fmt == "github" else problem.format(shown))
    click.echo(summary(report))


def github_line(problem: Problem, shown: str) -> str:
    """A GitHub Actions annotation: ::error file=F,line=L::CODE name: [field] message."""
    where = f"file={_escape(shown, True)}"
    if problem.line:
        where += f",line={problem.line}"
    hint = f"\nhow to fix: {problem.hint}" if problem.hint else ""
    return f"::{problem.severity} {where}::{_escape(problem.headline() + hint, False)}"


def _escape(text: str, in_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def summary(report: CheckReport) -> str:
    """'check: 2 errors, 1 warning in 214 files'."""
    return (
        f"check: {plural(len(report.errors), 'error')}, "
        f"{plural(len(report.warnings), 'warning')} in {report.files} files"
    )
