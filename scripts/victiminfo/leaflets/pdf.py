"""Render leaflet HTML to tagged PDF with WeasyPrint: cached by content hash, in warm workers."""

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

PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class Job:
    """One PDF to render: the HTML, the stylesheets, and where the result goes."""

    html: str
    stylesheets: tuple[Path, ...]
    base_url: str
    output: Path

    def key(self, fonts: Sequence[Path]) -> str:
        """A hash of everything that decides the PDF's bytes."""
        stamps = tuple(
            _fingerprint(sheet) + str(sheet.stat().st_mtime_ns) for sheet in self.stylesheets
        )
        shared = _renderer_digest(tuple(fonts), self.stylesheets, stamps)
        digest = hashlib.sha256(shared.encode("ascii"))
        digest.update(self.html.encode("utf-8"))
        return digest.hexdigest()


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
) -> int:
    """Render every job (or copy it from the cache); returns how many were rendered anew."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = [cache_dir / f"{job.key(fonts)}.pdf" for job in jobs]
    todo = [(job, path) for job, path in zip(jobs, cached, strict=True) if not path.exists()]
    done = len(jobs) - len(todo)
    progress(done, len(jobs))
    for _ in _render(todo):
        done += 1
        progress(done, len(jobs))
    for job, path in zip(jobs, cached, strict=True):
        job.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, job.output)
    return len(todo)


def _render(todo: list[tuple[Job, Path]]) -> Iterator[Path]:
    workers = min(len(todo), os.cpu_count() or 1)
    if workers <= 1 or len(todo) < 4:
        yield from (render_one(job, cached) for job, cached in todo)
        return
    import weasyprint  # noqa: F401  (loaded once here, shared by the forked workers)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(render_one, [j for j, _ in todo], [c for _, c in todo], chunksize=2)


def render_one(job: Job, target: Path) -> Path:
    """Render one PDF to target (atomically: a temporary file, then rename)."""
    from weasyprint import HTML

    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    HTML(string=job.html, base_url=job.base_url).write_pdf(
        tmp,
        stylesheets=[_stylesheet(s) for s in job.stylesheets],
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        uncompressed_pdf=False,
    )
    tmp.replace(target)
    return target


@cache
def _stylesheet(path: Path) -> object:
    from weasyprint import CSS

    return CSS(filename=str(path))


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path.name}:{stat.st_size}"
