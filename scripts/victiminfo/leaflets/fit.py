"""Fit a leaflet to its pages: a step smaller until it fits, then Notes on what is left over.

A leaflet has a fixed number of pages (2 or 8). It is laid out at the largest base size of
SIZES that fits, starting from the size that fitted last time (so that a rebuild seldom lays
out twice); what stays empty becomes Notes: the rest of the page where the text ends, and
whole Notes pages before the back cover, never a half-empty page in the middle (issue #12).
The template marks where the text ends (#vi-flow-end), the page area (#vi-page-top and
#vi-page-bottom, fixed, on every page) and where Notes go (.vi-notes-slot).

A service leaflet's back part (the other numbers, the QR code, the dates) follows the slot,
between #vi-back-start and #vi-back-end: the Notes (or, when the room is too small for
them, a blank spacer) push it to the foot of the last page, whatever the language. A
booklet's back cover is a page of its own after the flow, so its text ends a page earlier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, Protocol, TypeVar

SIZES = (10.0, 9.5, 9.0)  # points; never under 9 pt
SLOT = '<div class="vi-notes-slot"></div>'
FLOW_END, PAGE_TOP, PAGE_BOTTOM = "vi-flow-end", "vi-page-top", "vi-page-bottom"
BACK_START, BACK_END = "vi-back-start", "vi-back-end"
PX_PER_MM = 96 / 25.4
MIN_NOTES_MM = 30  # less room than this at the end of the text is left blank
SLACK_MM = 3  # what a Notes area leaves free, so that rounding never adds a page


class Page(Protocol):
    """What fitting needs of a laid-out page (WeasyPrint's Page has it)."""

    @property
    def anchors(self) -> Mapping[str, tuple[float, ...]]: ...


class Laid(Protocol):
    """What fitting needs of a laid-out document (WeasyPrint's Document has it)."""

    @property
    def pages(self) -> Sequence[Page]: ...


@dataclass(frozen=True)
class Layout:
    """A laid-out leaflet: its pages, the page its text ends on, and the room left after it."""

    pages: int
    free: float  # CSS px, after the text on the page it ends on
    page_body: float  # CSS px: the height of a full page's text area
    end_page: int = 0  # from 1; 0: no marks (the language card)
    back: float = 0.0  # CSS px: the height of a back part that follows the text (0: none)

    def last_text_page(self, target: int) -> int:
        """The page the text may reach: the last, unless a back cover follows the text."""
        return target if self.back else target - (self.pages - self.end_page)


D = TypeVar("D", bound=Laid)


@dataclass(frozen=True)
class Remembered:
    """What fitting a leaflet gave last time: its size, how it measured before Notes went in,
    its pages with them, and a digest of its HTML (layout None: only the size is known)."""

    size: float
    layout: Layout | None = None
    pages: int = 0
    html: str = ""


def html_digest(html: str) -> str:
    """What tells whether a leaflet's HTML is the one fitted last time."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fitted(Generic[D]):
    """The laid-out document that fits, at what size, and how it measured before Notes."""

    document: D
    size: float
    layout: Layout | None = None

    def remembered(self, html: str) -> Remembered:
        """What the next fitting of this leaflet (html, before Notes) may start from."""
        return Remembered(self.size, self.layout, len(self.document.pages), html_digest(html))


@dataclass(frozen=True)
class TooLong:
    """A leaflet that does not fit even at the smallest size."""

    size: float
    pages: int
    target: int


def measure(document: Laid) -> Layout:
    """How many pages, where the text ends and the room after it, and the back part's height
    (from the template's marks). A document without them (the language card) only has its
    pages counted."""
    pages = document.pages
    first = pages[0].anchors
    if PAGE_TOP not in first or PAGE_BOTTOM not in first:
        return Layout(len(pages), 0.0, 0.0)
    top, bottom = first[PAGE_TOP][1], first[PAGE_BOTTOM][1]
    ends = [(n, p.anchors[FLOW_END][1]) for n, p in enumerate(pages, 1) if FLOW_END in p.anchors]
    end_page, end = ends[0] if ends else (len(pages), bottom)
    return Layout(len(pages), max(bottom - end, 0.0), bottom - top, end_page, _back(pages))


def _back(pages: Sequence[Page]) -> float:
    """The height of the back part (kept on one page), or 0 when there is none."""
    for page in pages:
        if BACK_START in page.anchors and BACK_END in page.anchors:
            return page.anchors[BACK_END][1] - page.anchors[BACK_START][1]
    return 0.0


def sizes_to_try(last: float | None) -> list[float]:
    """SIZES from the one that fitted last time: first it, then the larger, then the smaller."""
    start = SIZES.index(last) if last in SIZES else 0
    return [*SIZES[start::-1], *SIZES[start + 1 :]]


def notes(layout: Layout, target: int, fragment: str) -> str:
    """Notes areas for what would stay empty: the rest of the page the text ends on, whole
    pages up to the last page of text, and on that page the room above the back part."""
    last, slack = layout.last_text_page(target), SLACK_MM * PX_PER_MM
    if layout.end_page >= last:
        return _filler(layout.free - layout.back - slack, fragment, layout.back > 0)
    areas = [_area(layout.free - slack, fragment)] if layout.free >= _MIN_NOTES else []
    areas += [_area(layout.page_body - slack, fragment, "page")] * (last - layout.end_page - 1)
    rest = layout.page_body - layout.back - slack
    return "".join(areas) + _filler(rest, fragment, True, "page")


_MIN_NOTES = MIN_NOTES_MM * PX_PER_MM


def _filler(height: float, fragment: str, pin: bool, kind: str = "") -> str:
    """Room to write on if there is enough, else (to pin a back part down) blank room."""
    if height >= _MIN_NOTES:
        return _area(height, fragment, kind)
    return _area(max(height, 0.0), "", kind, "vi-spacer") if pin else ""


def _area(height: float, fragment: str, kind: str = "", base: str = "vi-notes-area") -> str:
    classes = f"{base} {base}--{kind}" if kind else base
    return f'<div class="{classes}" style="height: {height:.1f}px">{fragment}</div>'


def fit(
    lay_out: Callable[[str, float], D],
    html: str,
    target: int,
    fragment: str,
    last: Remembered | None = None,
) -> Fitted[D] | TooLong:
    """The leaflet at the largest size that fits its target pages, with Notes where empty."""
    reused = reuse(lay_out, html, target, fragment, last) if last else None
    if reused is not None and not _larger_fits(lay_out, html, target, reused.size):
        return reused
    return _fit(lay_out, html, target, fragment, last.size if last else None)


def reuse(
    lay_out: Callable[[str, float], D], html: str, target: int, fragment: str, last: Remembered
) -> Fitted[D] | None:
    """One layout, not two: the leaflet with the Notes that last time's measure gives, kept if
    it measures as it did then (the text ends where it ended, the back part is as high, the
    pages as many), so that they are the Notes measuring it again would give (issue #15).

    Tried only for the HTML fitted last time (a new stylesheet, code or library version): a
    changed text seldom ends where it ended, and the try would be a third layout."""
    if last.layout is None or last.html != html_digest(html):
        return None
    filled = notes(last.layout, target, fragment)
    document = lay_out(html.replace(SLOT, filled, 1) if filled else html, last.size)
    again = measure(document)
    if filled:  # the Notes add pages: the rest must measure alike
        again = replace(again, pages=last.layout.pages)
    if not _alike(again, last.layout) or len(document.pages) != last.pages:
        return None
    if notes(again, target, fragment) != filled:
        return None
    return Fitted(document, last.size, last.layout)


def _alike(one: Layout, other: Layout) -> bool:
    """The same pages and places, to a millionth of a pixel: a part moved down by the Notes
    measures its height with another rounding of the last digits."""
    return (one.pages, one.end_page) == (other.pages, other.end_page) and all(
        abs(a - b) < 1e-6
        for a, b in (
            (one.free, other.free),
            (one.page_body, other.page_body),
            (one.back, other.back),
        )
    )


def _larger_fits(lay_out: Callable[[str, float], D], html: str, target: int, size: float) -> bool:
    """Whether the next larger size fits now (the text may have become shorter)."""
    larger = [s for s in SIZES if s > size]
    return bool(larger) and measure(lay_out(html, larger[-1])).pages <= target


def _fit(
    lay_out: Callable[[str, float], D], html: str, target: int, fragment: str, last: float | None
) -> Fitted[D] | TooLong:
    """Lay out at each size from the last one until the largest that fits; then its Notes."""
    best: tuple[float, D] | None = None
    smallest: Layout | None = None
    failed = SIZES[0] + 1
    for size in sizes_to_try(last):
        if best is not None and size < best[0]:
            break  # a larger size fitted: the smaller ones would too
        if size > failed:
            continue  # a smaller size did not fit: a larger one would not either
        document = lay_out(html, size)
        layout = measure(document)
        if layout.pages <= target:
            best = (size, document) if best is None or size > best[0] else best
        elif best is not None:
            break  # the size above this one fitted
        else:
            failed, smallest = size, layout
    if best is None:
        assert smallest is not None
        return TooLong(SIZES[-1], smallest.pages, target)
    size, document = best
    layout = measure(document)
    filled = notes(layout, target, fragment)
    if filled:
        document = lay_out(html.replace(SLOT, filled, 1), size)
    return Fitted(document, size, layout)
