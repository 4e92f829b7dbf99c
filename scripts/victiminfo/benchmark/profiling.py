"""Where the time goes: cProfile of a build or of leaflet renders, summed per package."""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from victiminfo.benchmark.measure import run_measured

Entry = dict[str, Any]


def area(filename: str) -> str:
    """The package a profiled function belongs to ('victiminfo.<module>' for ours)."""
    path = filename.replace("\\", "/")
    if "/victiminfo/" in path:
        module = path.rsplit("/victiminfo/", 1)[1].removesuffix(".py").replace("/", ".")
        return f"victiminfo.{module}"
    if "site-packages/" in path:
        parts = path.split("site-packages/", 1)[1].split("/")
        if parts[0] == "weasyprint" and len(parts) > 2:
            return f"weasyprint.{parts[1]}"
        return parts[0].removesuffix(".py")
    if filename.startswith("<") or filename == "~":
        return "builtins (C code: I/O, regex, compression, ...)"
    return "python standard library"


def by_area(stats: pstats.Stats, limit: int = 12) -> list[Entry]:
    """Own (self) time per package, largest first, with its share of the total."""
    table: dict[str, float] = {}
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, _) in raw.items():
        key = area(filename)
        table[key] = table.get(key, 0.0) + own
    total = sum(table.values()) or 1.0
    rows = sorted(table.items(), key=lambda kv: -kv[1])[:limit]
    return [{"area": k, "seconds": round(v, 3), "share": round(v / total, 3)} for k, v in rows]


def top_functions(stats: pstats.Stats, prefix: str, limit: int = 10) -> list[Entry]:
    """The functions of areas starting with prefix with the most cumulative time."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(own for (_, _, own, _, _) in raw.values()) or 1.0
    rows = [
        (f"{area(filename)}:{name}", cumulative)
        for (filename, _, name), (_, _, _, cumulative, _) in raw.items()
        if area(filename).startswith(prefix) and not name.startswith("<")
    ]
    rows.sort(key=lambda row: -row[1])
    return [
        {"function": f, "seconds": round(c, 3), "share": round(c / total, 3)}
        for f, c in rows[:limit]
    ]


def profile_command(
    module: str, args: Sequence[str], cwd: Path, out: Path, env: dict[str, str]
) -> Entry:
    """Profile `python -m MODULE ARGS` (the main process; workers are not included)."""
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", module, *args]
    run_measured(command, cwd, env)
    return summary(pstats.Stats(str(out)))


def profile_call(function: Callable[[], object]) -> Entry:
    """Profile one call in this process."""
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    return summary(pstats.Stats(profiler))


def summary(stats: pstats.Stats) -> Entry:
    """Total seconds, the per-package table and our own slowest functions."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    return {
        "seconds": round(sum(own for (_, _, own, _, _) in raw.values()), 3),
        "areas": by_area(stats),
        "ours": top_functions(stats, "victiminfo."),
    }
