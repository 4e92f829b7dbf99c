"""scripts/bench: build speed, memory and weight against plain MkDocs and WeasyPrint (issue #7)."""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from victiminfo.benchmark.content import Cell
from victiminfo.benchmark.machine import load_average, machine
from victiminfo.benchmark.measure import CommandFailed
from victiminfo.benchmark.notes import notes
from victiminfo.benchmark.preview import PreviewFailed
from victiminfo.benchmark.progress import Progress
from victiminfo.benchmark.report import targets, write_reports
from victiminfo.benchmark.runner import FULL, QUICK, Plan, run_plan
from victiminfo.project import REPO

RESULTS = REPO / "scripts" / "bench-results"


def _stop(signum: int, frame: object) -> None:
    """On SIGTERM, stop like on Ctrl-C: preview servers and temporary folders are cleaned up."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the grid (or --quick), print the results, write results.md and results.json."""
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="only the smallest cells (< 2 min)")
    parser.add_argument(
        "--out",
        type=Path,
        help=f"where results go (default: {RESULTS}, --quick: {RESULTS / 'quick'}, --cells: "
        f"{RESULTS / 'cells'})",
    )
    parser.add_argument(
        "--cells",
        type=_cells,
        metavar="SxL,...",
        help="only these cells, e.g. 8x10 (S services, L languages), for a quick look",
    )
    parser.add_argument("--runs", type=int, default=None, help="runs of each build per cell")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument(
        "--report-from",
        type=Path,
        metavar="JSON",
        help="run nothing: write the report again from a results.json",
    )
    args = parser.parse_args(argv)
    default = RESULTS / "cells" if args.cells else RESULTS / "quick" if args.quick else RESULTS
    args.out = args.out or default
    if args.report_from:
        return _report(json.loads(args.report_from.read_text(encoding="utf-8")), args.out)
    signal.signal(signal.SIGTERM, _stop)
    plan = QUICK if args.quick else FULL
    if args.cells:
        plan = Plan(cells=args.cells, runs=plan.runs, sample=QUICK.sample, quick=True)
    if args.runs:
        plan = replace(plan, runs=args.runs)
    work = Path(tempfile.mkdtemp(prefix="victiminfo-bench-"))
    started, clock, load_start = datetime.now(UTC), time.monotonic(), load_average()
    progress = Progress(plan.steps())
    results: list[dict[str, Any]] = []
    status = 0
    try:
        run_plan(plan, work, progress, results)
    except (CommandFailed, PreviewFailed) as exc:
        print(f"error: a measured command failed:\n{exc}", file=sys.stderr)
        status = 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        status = 130
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not results:
        return status or 1
    mode = "quick" if plan.quick else "full grid"
    if args.cells:
        mode = "cells " + ", ".join(cell.name for cell in plan.cells)
    report: dict[str, Any] = {
        "mode": mode if not status else f"{mode}, stopped after {len(results)} cell(s)",
        "started": started.isoformat(timespec="seconds"),
        "duration_s": time.monotonic() - clock,
        "machine": machine(),
        "load_average": {"start": load_start, "end": load_average()},
        "results": results,
    }
    if args.keep:
        print(f"The generated projects are kept in {work}")
    return _report(report, args.out) or status


def _cells(text: str) -> tuple[Cell, ...]:
    """'8x10,24x4' as cells."""
    try:
        return tuple(Cell(*(int(n) for n in part.split("x"))) for part in text.split(","))
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"'{text}': write cells as SxL, e.g. 8x10") from None


def _report(report: dict[str, Any], out: Path) -> int:
    """Judge the targets, write the notes and both files, print the verdicts."""
    report["targets"] = targets(report["results"])
    report["notes"] = notes(report)
    json_file, md_file = write_reports(report, out)
    for target in report["targets"]:
        mark = "ok  " if target["met"] else "MISS"
        print(f"{mark} {target['target']}: {target['shown']} (limit {target['limit']})")
    print(f"Wrote {md_file} and {json_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
