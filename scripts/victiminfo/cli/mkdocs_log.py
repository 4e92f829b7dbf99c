"""MkDocs' warnings and errors as short lines on stderr, and bad content reported only once."""

from __future__ import annotations

import logging
import sys

import click

from victiminfo.errors import ContentError


class MkDocsToStderr(logging.Handler):
    """'warning: ...' lines; a record logged while a ContentError unwinds is left out.

    MkDocs logs "Error reading page 'x.md': <the error>" and raises the error again; the error
    boundary prints its problems with file and line, so the log line would say it twice.
    """

    def emit(self, record: logging.LogRecord) -> None:
        """Print the record unless it only repeats a content error on its way out."""
        if isinstance(sys.exc_info()[1], ContentError):
            return
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def log_mkdocs_to_stderr() -> None:
    """Route MkDocs' warnings and errors through MkDocsToStderr (and nowhere else)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, MkDocsToStderr) for h in logger.handlers):
        logger.addHandler(MkDocsToStderr(level=logging.WARNING))
    logger.propagate = False
