"""The one error boundary: bad content, MkDocs errors and bugs become short messages and statuses.

Exit status: 0 ok, 1 content problems (or a MkDocs error), 2 an internal error or a usage
error (click's own). Never a traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import click
from mkdocs.exceptions import MkDocsException

from victiminfo.cli.options import plural, project_root, shown_path
from victiminfo.errors import ContentError

CONTENT_PROBLEMS = 1
INTERNAL_ERROR = 2
# What a failed command leaves behind, when users need to know it.
LEFT_AS_IT_WAS = {"build": "site/ was left as it was."}


class ErrorBoundaryGroup(click.Group):
    """A click group whose subcommands return their exit status and never show a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; turn what it raises into a message on stderr and a status."""
        try:
            status = super().invoke(ctx)
        except MkDocsException as exc:  # a ClickException too, so before click's own
            status = _report(_mkdocs_failure(exc, ctx.invoked_subcommand), CONTENT_PROBLEMS)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ContentError as exc:
            text = content_failure(exc, project_root(ctx), ctx.invoked_subcommand)
            status = _report(text, CONTENT_PROBLEMS)
        except Exception as exc:
            status = _report(internal_failure(exc, ctx.invoked_subcommand), INTERNAL_ERROR)
        ctx.exit(status if isinstance(status, int) else 0)


def _report(text: str, status: int) -> int:
    click.echo(text, err=True)
    return status


def content_failure(exc: ContentError, root: Path, command: str | None) -> str:
    """Every problem as file:line (as the check shows it), then one line: what stopped."""
    lines = [problem.format(shown_path(problem.path, root)) for problem in exc.problems]
    lines.append("\n" + stopped(command, plural(len(exc.problems), "problem")))
    return "\n".join(lines)


def _mkdocs_failure(exc: MkDocsException, command: str | None) -> str:
    return f"error: {exc.format_message()}\n{stopped(command)}"


def internal_failure(exc: Exception, command: str | None) -> str:
    """A bug, not bad content: what and where, briefly, and that it is ours to fix."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"\n  at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return (
        f"internal error: {type(exc).__name__}: {exc}{where}\n"
        "This is a bug in victiminfo, not in the content; please report it with the command "
        f"you ran.\n{stopped(command)}"
    )


def stopped(command: str | None, why: str = "") -> str:
    """'The build stopped: 2 problems. site/ was left as it was.'"""
    name = "The build" if command == "build" else f"The {command or 'victiminfo'} command"
    after = LEFT_AS_IT_WAS.get(command or "")
    return f"{name} stopped{': ' + why if why else ''}." + (f" {after}" if after else "")
