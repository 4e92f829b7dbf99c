"""Run a command and measure it: wall time, CPU time and peak memory of its process tree."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped]

POLL_SECONDS = 0.02


@dataclass(frozen=True)
class Sample:
    """One run: seconds on the wall clock, CPU seconds (user + system), peak tree RSS bytes."""

    wall: float
    cpu: float
    peak_rss: int


@dataclass(frozen=True)
class Stats:
    """The median, min and max of several runs of one figure."""

    median: float
    low: float
    high: float
    runs: int

    def as_dict(self) -> dict[str, float | int]:
        """For the JSON report."""
        return {"median": self.median, "min": self.low, "max": self.high, "runs": self.runs}


class CommandFailed(RuntimeError):
    """A measured command exited with an error."""


def stats(values: Sequence[float]) -> Stats:
    """Median, min and max of at least one value."""
    if not values:
        raise ValueError("no values to summarise")
    return Stats(statistics.median(values), min(values), max(values), len(values))


def tree_rss(process: psutil.Process) -> int:
    """The resident memory of a process and all its descendants, summed (bytes)."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900
) -> Sample:
    """Run command to its end, polling its process tree; CommandFailed with its output."""
    cpu_before = _children_cpu()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        started = time.perf_counter()
        with subprocess.Popen(
            list(command),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        ) as proc:
            try:
                peak = _poll_until_done(proc, started + timeout)
            except BaseException:
                proc.kill()  # stopped (Ctrl-C, SIGTERM): do not wait for the build to end
                raise
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            log.seek(0)
            raise CommandFailed(f"{' '.join(command)} exited with {proc.returncode}:\n{log.read()}")
    return Sample(wall, _children_cpu() - cpu_before, peak)


def _poll_until_done(proc: subprocess.Popen[bytes], deadline: float) -> int:
    tree = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(tree))
        if time.perf_counter() > deadline:
            proc.kill()
            proc.wait()
            raise CommandFailed(f"timed out: {proc.args!r}")
        time.sleep(POLL_SECONDS)
    return peak
