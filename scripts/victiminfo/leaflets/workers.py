"""Render workers: processes forked with the build's state, started before the site is built.

The parent loads the state, imports WeasyPrint and forks one worker per core; the workers
compose and render while the parent builds the site, so both cores work from the start
(issue #15). A few leaflets are made in the parent instead, when their results are asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any

from victiminfo.leaflets.fonts import covered_characters
from victiminfo.leaflets.make import Context, Made

MIN_PARALLEL = 4  # fewer leaflets than this get one worker, which loads WeasyPrint itself
Work = Callable[..., Made]  # make_leaflet or make_card: (context, *arguments) -> Made

_context: list[Context] = []  # a worker's context, inherited through fork


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _adopt(ctx: Context) -> None:
    """A new worker's initializer: keep the context it was forked with."""
    _context[:] = [ctx]


def _call(work: Work, *args: Any) -> Made:
    """Run one piece of work in a worker, with its context."""
    return work(_context[0], *args)


class Workers:
    """The render processes of one build (this process alone on a single core).

    Many leaflets: one worker per core, forked after WeasyPrint and the fonts are loaded here
    once. A handful (a page changed): one worker, which loads them itself while this process
    builds the site, so that the site build does not wait for WeasyPrint (issue #15).
    """

    def __init__(self, ctx: Context, count: int) -> None:
        self.ctx = ctx
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[Made]] = []
        self.later: list[tuple[Work, tuple[Any, ...]]] = []
        self.processes = 0  # render processes started
        if count == 0 or cores() == 1:
            return
        workers = min(count, cores()) if count >= MIN_PARALLEL else 1
        self.processes = workers
        if workers > 1:
            import weasyprint  # noqa: F401  (loaded once here, shared by the forked workers)

            covered_characters(ctx.fonts)  # read once here too
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt,
            initargs=(ctx,),
        )

    def submit(self, work: Work, *args: Any) -> None:
        """Start a piece of work now in a worker (or keep it for this process)."""
        if self.pool is None:
            self.later.append((work, args))
        else:
            self.futures.append(self.pool.submit(_call, work, *args))

    def results(self) -> Iterator[Made]:
        """Every result, as it is ready."""
        for work, args in self.later:
            yield work(self.ctx, *args)
        for future in as_completed(self.futures):
            yield future.result()

    def close(self) -> None:
        """Stop the workers; work not started yet is cancelled (after a failed site build)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
