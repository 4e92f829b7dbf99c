"""What a long step is doing, on stderr: a line before it, or click's progress bar on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

import click

from victiminfo.leaflets.build import Progress

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


def announce(text: str) -> None:
    """One line on stderr saying what comes next (stdout keeps the results)."""
    click.echo(text, err=True)


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A (done, total) callback: click's bar on a terminal, else one line before the step."""
    if not sys.stderr.isatty():
        announce(f"{label} ...")
        yield _unwatched
        return
    with ExitStack() as stack:
        bar: ProgressBar[int] | None = None

        def update(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True)
                stack.enter_context(bar)
            bar.update(done - bar.pos)

        yield update


def _unwatched(done: int, total: int) -> None:
    """No terminal: a bar would only fill a log with carriage returns."""
