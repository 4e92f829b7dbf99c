"""Render leaflet HTML to tagged PDF with WeasyPrint, fitted to its pages, cached, in workers."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from victiminfo.leaflets.fit import SIZES, Fitted, TooLong, fit

if TYPE_CHECKING:
    from weasyprint import Document

PDF_VARIANT = "pdf/ua-1"
OPTIONS: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}
FIT_VERSION = "fit-2"  # change when the fitting changes what a leaflet's bytes are


@dataclass(frozen=True)
class Job:
    """One PDF to render: the HTML, the stylesheets, and where the result goes."""

    html: str
    stylesheets: tuple[Path, ...]
    base_url: str
    output: Path
    pages: int = 2
    notes: str = ""

    def key(self, fonts: Sequence[Path]) -> str:
        """A hash of everything that decides the PDF's bytes."""
        stamps = tuple(
            _fingerprint(sheet) + str(sheet.stat().st_mtime_ns) for sheet in self.stylesheets
        )
        shared = _renderer_digest(tuple(fonts), self.stylesheets, stamps)
        digest = hashlib.sha256(shared.encode("ascii"))
        digest.update(repr((FIT_VERSION, SIZES, self.pages, self.notes)).encode("utf-8"))
        digest.update(self.html.encode("utf-8"))
        return digest.hexdigest()


@dataclass(frozen=True)
class Rendered:
    """What rendering one leaflet gave: the size it fitted at, or why it did not fit."""

    output: Path
    size: float | None
    too_long: TooLong | None = None


@dataclass(frozen=True)
class Overflow:
    """A leaflet that does not fit its pages even at the smallest size."""

    output: Path
    too_long: TooLong


@cache
def _renderer_digest(
    fonts: tuple[Path, ...], stylesheets: tuple[Path, ...], stamps: tuple[str, ...]
) -> str:
    """What every leaflet shares: WeasyPrint's version, the PDF variant, fonts, stylesheets.

    Computed once per build (stamps: the stylesheets' sizes and times, so an edited one is
    read again), without importing WeasyPrint: a build in which no leaflet changed does not
    pay for loading it (issue #7).
    """
    digest = hashlib.sha256()
    for part in (metadata.version("weasyprint"), PDF_VARIANT, *map(_fingerprint, fonts)):
        digest.update(part.encode("utf-8") + b"\0")
    for sheet in stylesheets:
        digest.update(sheet.read_bytes() + b"\0")
    return digest.hexdigest()


def render_all(
    jobs: list[Job], cache_dir: Path, fonts: Sequence[Path], progress: Callable[[int, int], None]
) -> tuple[int, list[Overflow]]:
    """Render every job (or copy it from the cache): how many were rendered anew, and the
    leaflets that do not fit (none of which is written)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = [cache_dir / f"{job.key(fonts)}.pdf" for job in jobs]
    todo = [(job, path) for job, path in zip(jobs, cached, strict=True) if not path.exists()]
    done = len(jobs) - len(todo)
    progress(done, len(jobs))
    overflows = []
    for result in _render(todo, cache_dir / "fit"):
        done += 1
        progress(done, len(jobs))
        if result.too_long is not None:
            overflows.append(Overflow(result.output, result.too_long))
    if overflows:
        return len(todo), overflows
    for job, path in zip(jobs, cached, strict=True):
        job.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, job.output)
    return len(todo), []


def _render(todo: list[tuple[Job, Path]], sizes: Path) -> Iterator[Rendered]:
    workers = min(len(todo), os.cpu_count() or 1)
    folders = [sizes] * len(todo)
    if workers <= 1 or len(todo) < 4:
        yield from (render_one(job, cached, sizes) for job, cached in todo)
        return
    import weasyprint  # noqa: F401  (loaded once here, shared by the forked workers)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs, targets = [j for j, _ in todo], [c for _, c in todo]
        yield from pool.map(render_one, jobs, targets, folders, chunksize=2)


def render_one(job: Job, target: Path, sizes: Path) -> Rendered:
    """Fit one leaflet to its pages and write it to target (a temporary file, then rename).

    sizes: the folder that keeps the size each leaflet fitted at last time.
    """
    remembered = sizes / (hashlib.sha256(str(job.output).encode("utf-8")).hexdigest() + ".txt")
    result = fit(_lay_out(job), job.html, job.pages, job.notes, _last_size(remembered))
    if isinstance(result, TooLong):
        return Rendered(job.output, None, result)
    _write(result, target)
    _remember(remembered, result.size)
    return Rendered(job.output, result.size)


def _lay_out(job: Job) -> Callable[[str, float], Document]:
    """Lay the job's HTML out at a base font size (in points)."""
    from weasyprint import CSS, HTML

    def lay_out(html: str, size: float) -> Document:
        sheets = [*(_stylesheet(s) for s in job.stylesheets), CSS(string=_base_size(size))]
        return HTML(string=html, base_url=job.base_url).render(stylesheets=sheets, **OPTIONS)

    return lay_out


def _base_size(size: float) -> str:
    return f"html {{ font-size: {size}pt; }}"


def _write(fitted: Fitted[Document], target: Path) -> None:
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    fitted.document.write_pdf(tmp, **OPTIONS)
    tmp.replace(target)


def _last_size(path: Path) -> float | None:
    try:
        return float(path.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def _remember(path: Path, size: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(str(size), encoding="ascii")
    tmp.replace(path)


@cache
def _stylesheet(path: Path) -> object:
    from weasyprint import CSS

    return CSS(filename=str(path))


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path.name}:{stat.st_size}"
