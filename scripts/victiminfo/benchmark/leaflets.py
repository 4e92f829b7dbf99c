"""Leaflet figures: one WeasyPrint command per leaflet (the baseline), warm renders, file sizes."""

from __future__ import annotations

import multiprocessing
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from victiminfo.benchmark.measure import Sample, run_measured, stats
from victiminfo.leaflets.build import leaflet_jobs
from victiminfo.leaflets.impose import impose
from victiminfo.leaflets.pdf import PDF_VARIANT, Job, render_one
from victiminfo.project import Project

SAMPLE_SEED = 7


@dataclass(frozen=True)
class LeafletInput:
    """A leaflet's HTML exactly as our build feeds it to WeasyPrint, saved to a file."""

    job: Job
    html_file: Path

    @property
    def name(self) -> str:
        """The leaflet's path in the site, e.g. 'leaflets/ar/tjanster-tjanst-01.pdf'."""
        parts = self.job.output.parts
        return "/".join(parts[parts.index("leaflets") :])


def save_inputs(project: Project, folder: Path) -> list[LeafletInput]:
    """Compose every leaflet as the build does and save each HTML input into folder."""
    _, jobs = leaflet_jobs(project, folder / "out")
    inputs = []
    for job in jobs:
        html_file = folder / "html" / job.output.parent.name / f"{job.output.stem}.html"
        html_file.parent.mkdir(parents=True, exist_ok=True)
        html_file.write_text(job.html, encoding="utf-8")
        inputs.append(LeafletInput(job, html_file))
    return inputs


def sample(inputs: list[LeafletInput], size: int, seed: int = SAMPLE_SEED) -> list[LeafletInput]:
    """A fixed random sample (the same leaflets on every run with the same content), as many
    of each format (2-page leaflets, 8-page booklets) as there are, up to an equal share."""
    if size >= len(inputs):
        return list(inputs)
    formats = sorted({item.job.pages for item in inputs})
    chosen: list[LeafletInput] = []
    for pages in formats:
        mine = [item for item in inputs if item.job.pages == pages]
        share = max(1, size // len(formats))
        chosen += random.Random(seed).sample(mine, min(share, len(mine)))
    return chosen


def weasyprint_command(item: LeafletInput, pdf: Path) -> list[str]:
    """The `weasyprint` command a user would run for one leaflet, with our options."""
    command = [str(Path(sys.executable).with_name("weasyprint"))]
    for sheet in item.job.stylesheets:
        command += ["-s", str(sheet)]
    command += ["-u", item.job.base_url, "--pdf-variant", PDF_VARIANT, "--pdf-tags"]
    return [*command, str(item.html_file), str(pdf)]


def time_commands(items: list[LeafletInput], folder: Path) -> list[Sample]:
    """Run one `weasyprint` process per leaflet, one after the other, measuring each."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        run_measured(weasyprint_command(item, folder / f"{n}.pdf"), folder)
        for n, item in enumerate(items)
    ]


def time_warm_renders(items: list[LeafletInput], folder: Path) -> list[float]:
    """Seconds per leaflet rendered in this (warm) process, as a build worker renders it."""
    folder.mkdir(parents=True, exist_ok=True)
    render_one(items[0].job, folder / "warm-up.pdf", folder / "fit")
    times = []
    for n, item in enumerate(items):
        started = time.perf_counter()
        render_one(item.job, folder / f"{n}.pdf", folder / "fit")
        times.append(time.perf_counter() - started)
    return times


def by_format(items: list[LeafletInput], times: list[float]) -> dict[str, dict[str, float]]:
    """Warm render seconds per leaflet format ('2 pages', '8 pages')."""
    out = {}
    for pages in sorted({item.job.pages for item in items}):
        mine = [t for item, t in zip(items, times, strict=True) if item.job.pages == pages]
        out[f"{pages} pages"] = stats(mine).as_dict()
    return out


def parallel_speedup(items: list[LeafletInput], folder: Path, rounds: int = 2) -> dict[str, float]:
    """How much faster two render loops at once finish twice the work of one, on this
    machine now: the speed-up the build's two workers can have at most (issue #15).

    Each loop is a forked process that renders one leaflet to warm up, waits until every
    loop is ready, then renders the sample; one and two loops alternate, rounds times each.
    """
    one: list[float] = []
    two: list[float] = []
    for n in range(rounds):
        for count in (1, 2) if n % 2 == 0 else (2, 1):
            seconds = _concurrent_loops(items, folder / f"{n}-{count}", count)
            (one if count == 1 else two).append(seconds)
    single, double = statistics.median(one), statistics.median(two)
    return {"one_loop_s": single, "two_loops_s": double, "speedup": 2 * single / double}


def _concurrent_loops(items: list[LeafletInput], folder: Path, count: int) -> float:
    context = multiprocessing.get_context("fork")
    ready = context.Barrier(count + 1)
    loops = [
        context.Process(target=_render_loop, args=(items, folder / str(n), ready))
        for n in range(count)
    ]
    for loop in loops:
        loop.start()
    ready.wait()
    started = time.perf_counter()
    for loop in loops:
        loop.join()
    if any(loop.exitcode != 0 for loop in loops):
        raise RuntimeError("a render loop of the speed-up measurement failed")
    return time.perf_counter() - started


def _render_loop(items: list[LeafletInput], folder: Path, ready: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    render_one(items[0].job, folder / "warm-up.pdf", folder / "fit")
    ready.wait()
    for n, item in enumerate(items):
        render_one(item.job, folder / f"{n}.pdf", folder / "fit")


def time_impositions(site: Path, names: list[str]) -> list[float]:
    """Seconds to impose each sampled leaflet's A4 print file from its PDF in the site."""
    times = []
    for name in names:
        a5 = site / name
        started = time.perf_counter()
        impose(a5, a5.with_name(a5.stem + ".bench.a4.pdf"), rtl=False)
        times.append(time.perf_counter() - started)
    return times


@dataclass(frozen=True)
class PdfSize:
    """One built leaflet: its language, bytes and pages."""

    code: str
    size: int
    pages: int


def pdf_sizes(site: Path) -> list[PdfSize]:
    """Every leaflet of a built site with its size and page count."""
    out = []
    for pdf in sorted((site / "leaflets").glob("*/*.pdf")):
        pages = len(PdfReader(pdf).pages)
        out.append(PdfSize(pdf.parent.name, pdf.stat().st_size, pages))
    return out


def sizes_by_language(sizes: list[PdfSize]) -> dict[str, dict[str, float]]:
    """Per language: count, min, median and max bytes, the most pages of one leaflet, and the
    most bytes a page (an 8-page booklet is judged by its pages, issue #15)."""
    out: dict[str, dict[str, float]] = {}
    for code in dict.fromkeys(s.code for s in sizes):
        mine = [s for s in sizes if s.code == code]
        values = [s.size for s in mine]
        out[code] = {
            "leaflets": len(mine),
            "min": min(values),
            "median": statistics.median(values),
            "max": max(values),
            "max_pages": max(s.pages for s in mine),
            "max_per_page": max(s.size / max(1, s.pages) for s in mine),
        }
    return out
