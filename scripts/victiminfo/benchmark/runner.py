"""Run the benchmark: for each cell of the grid, our build, its baselines, and every figure."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from victiminfo.benchmark.content import Cell, language_codes, station_count, write_project
from victiminfo.benchmark.machine import load_average
from victiminfo.benchmark.measure import Sample, stats
from victiminfo.benchmark.measure import run_measured as _run
from victiminfo.benchmark.profiling import profile_call, profile_command
from victiminfo.benchmark.progress import Progress
from victiminfo.leaflets.plan import leaflet_output
from victiminfo.project import REPO, Project

from . import leaflets, preview, weight

SERVICE_PAGE = "tjanster/tjanst-01"
BIG_CELL = 240  # cells with more pages than this run fewer repeats, to fit the time budget
TARGET_CELL = Cell(24, 10)
SCALE_CELL = Cell(96, 10)
ENV = {"PYTHONPATH": str(REPO / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
Figure = dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """What to run: the cells, how many runs of each figure, how many leaflets to sample."""

    cells: tuple[Cell, ...]
    runs: int
    sample: int
    quick: bool

    def runs_for(self, cell: Cell, figure: str) -> int:
        """Runs of a figure in a cell: fewer for the biggest cells (one full build)."""
        if cell.services * cell.languages <= BIG_CELL:
            return self.runs
        return 1 if figure == "full" else min(self.runs, 2)

    def steps(self) -> int:
        """How many progress steps the plan has."""
        return sum(self.runs_for(cell, "") + len(STEPS) for cell in self.cells)


QUICK = Plan(cells=(Cell(6, 1), Cell(6, 4)), runs=3, sample=6, quick=True)
# The full grid: the target cell and the scale cell, under 20 minutes on the 2-core machine
# (the nine cells of 6, 24 and 96 services in 1, 4 and 10 languages took over an hour).
FULL = Plan(cells=(TARGET_CELL, SCALE_CELL), runs=3, sample=12, quick=False)
BUILDS = ("plain", "full", "unchanged", "site", "changed")
NOTE = "NOTES.txt"  # a file in the project that no page or leaflet shows
STEPS = ("leaflets", "preview", "weight")


def timed(samples: Sequence[Sample]) -> Figure:
    """Wall and CPU seconds (median, min, max) and the peak memory of several runs."""
    return {
        "wall": stats([s.wall for s in samples]).as_dict(),
        "cpu": stats([s.cpu for s in samples]).as_dict(),
        "peak_rss": max(s.peak_rss for s in samples),
    }


def paired_ratios(samples: dict[str, list[Sample]]) -> Figure:
    """Each build over the plain build of the same run (same load), median over runs."""
    out: Figure = {}
    for clock in ("wall", "cpu"):
        out[clock] = {}
        for name in ("full", "unchanged", "site", "changed"):
            pairs = zip(samples[name], samples["plain"], strict=False)
            ratios = [getattr(ours, clock) / getattr(plain, clock) for ours, plain in pairs]
            out[clock][f"{name}_vs_plain"] = stats(ratios).as_dict()
    return out


class CellBench:
    """Every measurement of one cell, on one generated project."""

    def __init__(self, cell: Cell, plan: Plan, work: Path, progress: Progress) -> None:
        self.cell, self.plan, self.progress = cell, plan, progress
        self.work = work / cell.name
        self.root = write_project(cell, self.work / "project")
        self.site = self.work / "site"
        self.page = self.root / "docs" / "sv" / f"{SERVICE_PAGE}.md"
        self.original = self.page.read_text(encoding="utf-8")
        self.result: Figure = {
            "cell": cell.name,
            "services": cell.services,
            "languages": list(language_codes(cell.languages)),
            "pages": (cell.services + station_count(cell.services)) * cell.languages,
            "leaflets": (cell.services + station_count(cell.services)) * cell.languages,
            "booklets": station_count(cell.services) * cell.languages,
            "cards": station_count(cell.services),
        }

    def ours(self) -> list[str]:
        """The build command (site and every leaflet)."""
        root, site = str(self.root), str(self.site)
        return [
            sys.executable,
            "-m",
            "victiminfo",
            "build",
            "--root",
            root,
            "--site-dir",
            site,
        ]

    def run(self) -> Figure:
        """All steps, in order: the build runs interleaved, then the other figures."""
        runs = self.plan.runs_for(self.cell, "")
        samples: dict[str, list[Sample]] = {name: [] for name in BUILDS}
        for n in range(runs):
            label = f"{self.cell.name}: builds, run {n + 1} of {runs}"
            self.progress.step(label)
            self.builds(n, samples)
            self.progress.finish(label)
        self.result.update({name: timed(found) for name, found in samples.items()})
        self.result["paired"] = paired_ratios(samples)
        for name in STEPS:
            self.progress.step(f"{self.cell.name}: {name}")
            getattr(self, f"step_{name}")()
            self.progress.finish(f"{self.cell.name}: {name}")
        return self.result

    def builds(self, n: int, samples: dict[str, list[Sample]]) -> None:
        """One run of each build, back to back, so that all of them share the same load.

        plain: `mkdocs build` with mkdocs-static-i18n and not our plugin; full: ours from nothing
        (no leaflet cache); unchanged: ours again (the site is kept); site: ours after a file
        no page shows changed (the web site is built, no leaflet rendered); changed: ours after
        one Swedish page was edited (its leaflets are rendered again). The biggest cells build
        from nothing once; their later runs first build the page as it was again, unmeasured,
        so that nothing changed means nothing changed.
        """
        mkdocs = str(Path(sys.executable).with_name("mkdocs"))
        plain = [mkdocs, "build", "-q", "-f", str(self.root / "plain.yml")]
        samples["plain"].append(_run([*plain, "-d", str(self.work / "plain-site")], self.root, ENV))
        if n < self.plan.runs_for(self.cell, "full"):
            shutil.rmtree(self.root / ".cache", ignore_errors=True)
            shutil.rmtree(self.site, ignore_errors=True)
            samples["full"].append(_run(self.ours(), self.root, ENV))
        else:  # the last build was of the changed page: build its restored text, unmeasured
            _run(self.ours(), self.root, ENV)
        samples["unchanged"].append(_run(self.ours(), self.root, ENV))
        (self.root / NOTE).write_text(f"Run {n}.\n", encoding="utf-8")
        samples["site"].append(_run(self.ours(), self.root, ENV))
        self.page.write_text(self.original + f"\nÄndring {n}.\n", encoding="utf-8")
        try:
            samples["changed"].append(_run(self.ours(), self.root, ENV))
        finally:
            self.page.write_text(self.original, encoding="utf-8")

    def step_leaflets(self) -> None:
        """Leaflet sizes, warm render times, and one `weasyprint` command per sampled leaflet."""
        sizes = leaflets.pdf_sizes(self.site)
        self.result["leaflet_sizes"] = leaflets.sizes_by_language(sizes)
        inputs = leaflets.save_inputs(Project(self.root), self.work / "leaflet-inputs")
        chosen = leaflets.sample(inputs, self.plan.sample)
        commands = leaflets.time_commands(chosen, self.work / "weasyprint-cli")
        warm = leaflets.time_warm_renders(chosen, self.work / "warm")
        self.result["leaflet_sample"] = [item.name for item in chosen]
        self.result["weasyprint_cli"] = timed(commands)
        self.result["warm_render"] = stats(warm).as_dict()
        self.result["warm_render_by_format"] = leaflets.by_format(chosen, warm)
        self.result["parallel"] = leaflets.parallel_speedup(chosen, self.work / "parallel")
        imposed = leaflets.time_impositions(self.site, [item.name for item in chosen])
        self.result["impose"] = stats(imposed).as_dict()
        if self.profiled():
            self.result["profile_render"] = profile_call(
                lambda: leaflets.time_warm_renders(chosen[:4], self.work / "profiled")
            )

    def profiled(self) -> bool:
        """Profiles are taken in the target cell (the largest cell in quick mode)."""
        return self.cell == (self.plan.cells[-1] if self.plan.quick else TARGET_CELL)

    def step_preview(self) -> None:
        """Save a Swedish page in the preview; seconds until its rebuilt page is served."""
        runs = self.plan.runs_for(self.cell, "")
        url = f"{SERVICE_PAGE}/"
        leaflet = leaflet_output("sv", PurePosixPath(f"{SERVICE_PAGE}.md")).as_posix()
        times = preview.measure_preview(self.root, self.page, url, runs, leaflet_path=leaflet)
        self.result["preview"] = {
            "start": times.start,
            "save": stats(times.saves).as_dict(),
            "leaflet": stats(times.leaflets).as_dict(),
        }
        if self.cell.languages > 1 and self.result["pages"] <= BIG_CELL:
            every = preview.measure_preview(self.root, self.page, url, 1, ["--lang", "all"])
            self.result["preview_all_languages"] = {
                "start": every.start,
                "save": stats(every.saves).as_dict(),
            }

    def step_weight(self) -> None:
        """First-visit bytes of a service page in every language, and of the plain build's."""
        pages = {}
        for code in self.result["languages"]:
            prefix = "" if code == self.result["languages"][0] else f"{code}/"
            assets = weight.first_visit(self.site, f"{prefix}{SERVICE_PAGE}/index.html")
            pages[code] = weight.totals(assets)
        self.result["first_visit"] = pages
        plain = weight.first_visit(self.work / "plain-site", f"{SERVICE_PAGE}/index.html")
        self.result["first_visit_plain"] = weight.totals(plain)
        if self.profiled():
            self.profile_builds()

    def profile_builds(self) -> None:
        """Profiles of our site rebuild (no leaflet to render) and of the plain build."""
        args = ["build", "--root", str(self.root), "--site-dir", str(self.site)]
        out = self.work / "site.prof"
        (self.root / NOTE).write_text("Profiled.\n", encoding="utf-8")
        self.result["profile_site"] = profile_command("victiminfo", args, self.root, out, ENV)
        plain = ["build", "-q", "-f", str(self.root / "plain.yml"), "-d", str(self.work / "p")]
        out = self.work / "plain.prof"
        self.result["profile_plain"] = profile_command("mkdocs", plain, self.root, out, ENV)


def derive(result: Figure) -> Figure:
    """Per-leaflet figures and every ratio to the baselines (to plain: paired by run)."""
    n = result["leaflets"]
    out: Figure = {}
    for clock in ("wall", "cpu"):
        plain = result["plain"][clock]["median"]
        cli = result["weasyprint_cli"][clock]["median"]
        baseline = plain + n * cli
        full = result["full"][clock]["median"]
        paired = result["paired"][clock]
        out[clock] = {
            "plain_plus_weasyprint_commands": baseline,
            "full_vs_plain": paired["full_vs_plain"]["median"],
            "baseline_vs_full": baseline / full,
            "unchanged_vs_plain": paired["unchanged_vs_plain"]["median"],
            "site_vs_plain": paired["site_vs_plain"]["median"],
            "changed_vs_plain": paired["changed_vs_plain"]["median"],
            "full_per_page_and_leaflet": full / n,
            "leaflet_step_per_leaflet": (full - result["site"][clock]["median"]) / n,
        }
    if "parallel" in result:
        out["limit"] = physical_limit(result)
    return out


def physical_limit(result: Figure) -> Figure:
    """The full build's floor on this machine: its CPU time spread over the speed-up two
    concurrent render loops really had in the same run, and how far the build is from it
    (issue #15). Per leaflet: the CPU the leaflets added to the build (full against the site
    rebuilt with no leaflet to render, leaflets and cards), and that spread over the same
    speed-up."""
    speedup = result["parallel"]["speedup"]
    full = result["full"]
    limit = full["cpu"]["median"] / speedup
    made = result["leaflets"] + result.get("cards", 0)
    per_leaflet = (full["cpu"]["median"] - result["site"]["cpu"]["median"]) / made
    return {
        "speedup": speedup,
        "limit_s": limit,
        "full_vs_limit": full["wall"]["median"] / limit,
        "leaflet_cpu_s": per_leaflet,
        "leaflet_at_limit_s": per_leaflet / speedup,
    }


def run_plan(plan: Plan, work: Path, progress: Progress, results: list[Figure]) -> None:
    """Every cell of the plan, each with its derived ratios, appended to results as it ends."""
    for cell in plan.cells:
        result = CellBench(cell, plan, work, progress).run()
        result["derived"] = derive(result)
        result["load_average_after"] = load_average()
        progress.line(summary_line(result))
        results.append(result)


def summary_line(result: Figure) -> str:
    """One line per finished cell, for the terminal."""
    d = result["derived"]["wall"]
    return (
        f"{result['cell']:>6}: full {result['full']['wall']['median']:6.1f} s "
        f"({d['full_vs_plain']:.1f}x plain, {d['baseline_vs_full']:.1f}x faster than weasyprint "
        f"commands), unchanged {d['unchanged_vs_plain']:.2f}x plain, preview "
        f"{result['preview']['save']['median']:.2f} s, "
        f"peak {result['full']['peak_rss'] / 2**20:.0f} MiB"
    )
