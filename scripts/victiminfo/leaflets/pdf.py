"""Render leaflet HTML to tagged PDF with WeasyPrint, fitted to its pages, one font set a worker."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from victiminfo.keptfiles import write_whole
from victiminfo.leaflets.fit import SIZES, Fitted, Layout, Remembered, TooLong, fit

if TYPE_CHECKING:
    from weasyprint import CSS, Document
    from weasyprint.text.fonts import FontConfiguration

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


@cache
def _renderer_digest(
    fonts: tuple[Path, ...], stylesheets: tuple[Path, ...], stamps: tuple[str, ...]
) -> str:
    """What every card shares: the libraries' versions, the PDF variant, fonts, stylesheets.

    Computed once per build (stamps: the stylesheets' sizes and times, so an edited one is
    read again), without importing WeasyPrint: a build in which no leaflet changed does not
    pay for loading it (issue #7).
    """
    digest = hashlib.sha256()
    from victiminfo.leaflets.renderer_versions import library_versions, native_versions

    versions = (*library_versions(), *native_versions())
    for part in (*versions, PDF_VARIANT, *map(_fingerprint, fonts)):
        digest.update(part.encode("utf-8") + b"\0")
    for sheet in stylesheets:
        digest.update(sheet.read_bytes() + b"\0")
    return digest.hexdigest()


def render_one(
    job: Job, target: Path, sizes: Path, font_config: FontConfiguration | None = None
) -> Rendered:
    """Fit one leaflet to its pages and write it to target (a temporary file, then rename).

    sizes: the folder that keeps how each leaflet fitted last time. font_config: the
    process's own by default (one per render worker, issue #15).
    """
    remembered = sizes / (hashlib.sha256(str(job.output).encode("utf-8")).hexdigest() + ".json")
    fonts = font_config or worker_fonts(os.getpid())
    result = fit(_lay_out(job, fonts), job.html, job.pages, job.notes, _last_fit(remembered))
    if isinstance(result, TooLong):
        return Rendered(job.output, None, result)
    _write(result, target)
    _remember(remembered, result.remembered(job.html))
    return Rendered(job.output, result.size)


def _lay_out(job: Job, fonts: FontConfiguration) -> Callable[[str, float], Document]:
    """Lay the job's HTML out at a base font size (in points)."""
    from weasyprint import HTML

    def lay_out(html: str, size: float) -> Document:
        sheets = [*(_stylesheet(s, _stamp(s), fonts) for s in job.stylesheets)]
        sheets.append(_base_size(size, fonts))
        document = HTML(string=html, base_url=job.base_url)
        return document.render(stylesheets=sheets, font_config=fonts, **OPTIONS)

    return lay_out


@cache
def worker_fonts(pid: int) -> FontConfiguration:
    """One WeasyPrint font configuration per process (pid: never one inherited from a fork).

    Building it (fontconfig's font set, Pango's font map, the faces it loads) cost a third of
    each leaflet when every leaflet had its own; the PDFs are the same bytes (issue #15).
    """
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _base_size(size: float, fonts: FontConfiguration) -> CSS:
    from weasyprint import CSS

    return CSS(string=f"html {{ font-size: {size}pt; }}", font_config=fonts)


def _write(fitted: Fitted[Document], target: Path) -> None:
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    fitted.document.write_pdf(tmp, **OPTIONS)
    tmp.replace(target)


def _last_fit(path: Path) -> Remembered | None:
    """How the leaflet fitted last time, if that was written down (and is readable)."""
    try:
        data = json.loads(path.read_text(encoding="ascii"))
        layout = Layout(**data["layout"]) if data["layout"] else None
        return Remembered(float(data["size"]), layout, int(data["pages"]), str(data["html"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember(path: Path, remembered: Remembered) -> None:
    write_whole(path, json.dumps(asdict(remembered)).encode("ascii"))


@cache
def _stylesheet(path: Path, stamp: tuple[int, int], fonts: FontConfiguration) -> CSS:
    """A stylesheet parsed once per process and font configuration, again when it changed."""
    from weasyprint import CSS

    return CSS(filename=str(path), font_config=fonts)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path.name}:{stat.st_size}"
