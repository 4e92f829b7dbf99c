"""Impose A5 leaflets on A4 sheets for a duplex office printer: booklets in fold order, cut sheets.

A sheet is landscape A4 with two A5 halves, printed on both sides and flipped on the short
edge, so that the back of a sheet's left half is the right half of its back side.

A booklet of n pages (a multiple of 4; shorter ones get blank pages before the back cover)
takes n / 4 sheets, the outer sheet first. A left-to-right booklet is stapled on the left:
sheet k (from 0) carries pages n-2k | 2k+1 on its front and 2k+2 | n-2k-1 on its back; for
8 pages the outer sheet is 8|1 and 2|7, the inner sheet 6|3 and 4|5. A right-to-left booklet
(Arabic, Persian) opens from the other side, stapled on the right: every side is mirrored,
1|8 and 7|2, then 3|6 and 5|4. Fold the sheets in the middle, nest them, staple on the fold.

A leaflet of one or two pages is printed two to a side (1|1, then 2|2) and cut once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import pikepdf
from pikepdf import Name, Pdf

from victiminfo.leaflets.compose import LeafletDocument
from victiminfo.leaflets.plan import LeafletSettings
from victiminfo.leaflets.print_files import has_print_files, print_file_path
from victiminfo.site.state import SiteState

A4_LANDSCAPE = (841.89, 595.28)  # points
MM = 72 / 25.4
MARK_MM = (6.0, 11.0)  # the fold or cut mark: inside the printer's 5 mm margin, off the text
IMPOSITION_VERSION = "3"  # change it when the layout changes, so that cached sheets are redone

Side = tuple[
    int | None, int | None
]  # page numbers (from 1) on the left and right half; None: blank


@dataclass(frozen=True)
class PrintFile:
    """One A5 leaflet to impose: its PDF, the print file beside it, and its direction."""

    a5: Path
    output: Path
    rtl: bool


def print_files(
    documents: Sequence[LeafletDocument],
    out: Path,
    state: SiteState,
    settings: LeafletSettings | None = None,
) -> list[PrintFile]:
    """The print file of every leaflet, when the leaflets are A5 (the state's paper, or the
    settings a leaflet run was given)."""
    if not has_print_files(settings or state.leaflet_settings):
        return []
    return [
        PrintFile(
            out / doc.leaflet.output,
            out / print_file_path(doc.leaflet.output),
            state.language(doc.leaflet.code).dir == "rtl",
        )
        for doc in documents
    ]


def booklet_sides(pages: int, rtl: bool) -> list[Side]:
    """The sides of a booklet's sheets in print order (front, back, next sheet's front...)."""
    n = -(-pages // 4) * 4
    sides: list[tuple[int, int]] = []
    for k in range(n // 4):
        sides += [(n - 2 * k, 2 * k + 1), (2 * k + 2, n - 2 * k - 1)]
    shown = [(_page(left, pages, n), _page(right, pages, n)) for left, right in sides]
    return [(right, left) for left, right in shown] if rtl else shown


def _page(position: int, pages: int, padded: int) -> int | None:
    """Which page sits at a booklet position: the last page at the back, blanks before it."""
    if position == padded:
        return pages
    return position if position < pages else None


def two_up_sides(pages: int) -> list[Side]:
    """The sides of a cut sheet: each page twice, side by side."""
    return [(p, p) for p in range(1, pages + 1)]


def sides_for(pages: int, rtl: bool) -> list[Side]:
    """Two up for a one- or two-page leaflet, booklet order for anything longer."""
    return two_up_sides(pages) if pages <= 2 else booklet_sides(pages, rtl)


def impose(a5: Path, target: Path, rtl: bool) -> None:
    """Write the A4 print file for an A5 PDF (same bytes for the same input).

    With qpdf (pikepdf), which reads only the objects it needs: the A5 PDF's structure tree
    (PDF/UA) is never parsed, where pypdf parsed all of it, seven times as slow (issue #15).
    """
    with Pdf.open(a5) as source, Pdf.new() as sheets:
        forms: dict[int, pikepdf.Object] = {}
        for side in sides_for(len(source.pages), rtl):
            placed = {}
            for half, number in enumerate(side):
                if number is not None:
                    page = source.pages[number - 1]
                    if number not in forms:
                        forms[number] = sheets.copy_foreign(page.as_form_xobject())
                    placed[half] = (forms[number], _box(page.mediabox))
            _sheet(sheets, placed)
        sheets.docinfo[Name.Producer] = "brottsofferinfo leaflets"
        sheets.docinfo[Name.Title] = _title(source)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        sheets.save(
            tmp, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )
    tmp.replace(target)


Box = tuple[float, float, float, float]  # left, bottom, right, top (points)


def _box(mediabox: pikepdf.Array) -> Box:
    left, bottom, right, top = (float(v) for v in mediabox)
    return left, bottom, right, top


def _sheet(sheets: Pdf, placed: dict[int, tuple[pikepdf.Object, Box]]) -> None:
    """A landscape A4 page that draws each page (a form) against the fold, centred in height."""
    width, height = A4_LANDSCAPE
    sheet = sheets.add_blank_page(page_size=(width, height))
    ops = []
    for half, (form, (left, bottom, right, top)) in sorted(placed.items()):
        x = width / 2 - (right - left) if half == 0 else width / 2
        y = (height - (top - bottom)) / 2
        sheet.add_resource(form, Name.XObject, Name(f"/Half{half}"))
        ops.append(f"q 1 0 0 1 {x - left:.2f} {y - bottom:.2f} cm /Half{half} Do Q")
    ops.append(_fold_marks(width, height))
    sheet.obj.Contents = sheets.make_stream("\n".join(ops).encode("ascii"))


def _fold_marks(width: float, height: float) -> str:
    """Thin grey lines at the middle of the top and bottom edges: where to fold or cut."""
    x = width / 2
    near, far = (mm * MM for mm in MARK_MM)
    lines = [(near, far), (height - near, height - far)]
    strokes = " ".join(f"{x:.2f} {a:.2f} m {x:.2f} {b:.2f} l S" for a, b in lines)
    return f"q 0.45 G 0.5 w {strokes} Q"


def _title(source: Pdf) -> str:
    title = source.docinfo.get(Name.Title)
    return f"{title} (A4)" if title is not None and str(title) else "A4"


def impose_all(files: Sequence[PrintFile], cache_dir: Path) -> list[Path]:
    """Impose every leaflet (or copy it from the cache); returns the cached sheets used."""
    used = []
    for item in files:
        cached, _ = impose_cached(item.a5, item.rtl, cache_dir)
        used.append(cached)
        item.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, item.output)
    return used


def impose_cached(a5: Path, rtl: bool, cache_dir: Path) -> tuple[Path, bool]:
    """The print file of an A5 PDF in the cache, imposed first if it is not there (then True).

    A render worker calls it right after rendering the A5 PDF, so that a cold build does not
    read every PDF again afterwards, in one process (issue #15).
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"{_key(a5, rtl)}.a4.pdf"
    if cached.exists():
        return cached, False
    impose(a5, cached, rtl)
    return cached, True


def _key(a5: Path, rtl: bool) -> str:
    """A hash of what decides the print file: the A5 PDF's bytes, the direction, the layout."""
    digest = hashlib.sha256(a5.read_bytes())
    for part in (_imposer_version(), IMPOSITION_VERSION, "rtl" if rtl else "ltr"):
        digest.update(b"\0" + part.encode("ascii"))
    return digest.hexdigest()


@cache
def _imposer_version() -> str:
    """pikepdf's and qpdf's versions, looked up once per process."""
    return f"pikepdf {metadata.version('pikepdf')} qpdf {pikepdf.__libqpdf_version__}"
