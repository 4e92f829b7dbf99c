"""Fit a leaflet to its pages: a step smaller until it fits, then Notes on what is left over.

A leaflet has a fixed number of pages (2 or 8). It is laid out at the largest base size of
SIZES that fits, starting from the size that fitted last time (so that a rebuild seldom lays
out twice); what stays empty becomes Notes: the rest of the page where the text ends, and
whole Notes pages before the back cover, never a half-empty page in the middle (issue #12).
The template marks where the text ends (#vi-flow-end), the page area (#vi-page-top and
#vi-page-bottom, fixed, on every page) and where Notes go (.vi-notes-slot).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

SIZES = (10.0, 9.5, 9.0)  # points; never under 9 pt
SLOT = '<div class="vi-notes-slot"></div>'
FLOW_END, PAGE_TOP, PAGE_BOTTOM = "vi-flow-end", "vi-page-top", "vi-page-bottom"
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
    """A laid-out leaflet: its pages, and the room left after the text on the page it ends on."""

    pages: int
    free: float  # CSS px
    page_body: float  # CSS px: the height of a full page's text area


D = TypeVar("D", bound=Laid)


@dataclass(frozen=True)
class Fitted(Generic[D]):
    """The laid-out document that fits, and at what size."""

    document: D
    size: float


@dataclass(frozen=True)
class TooLong:
    """A leaflet that does not fit even at the smallest size."""

    size: float
    pages: int
    target: int


def measure(document: Laid) -> Layout:
    """How many pages, and how much room is left after the text (from the template's marks).

    A document without the marks (the language card) only has its pages counted.
    """
    pages = document.pages
    first = pages[0].anchors
    if PAGE_TOP not in first or PAGE_BOTTOM not in first:
        return Layout(len(pages), 0.0, 0.0)
    top, bottom = first[PAGE_TOP][1], first[PAGE_BOTTOM][1]
    end = next((p.anchors[FLOW_END][1] for p in pages if FLOW_END in p.anchors), bottom)
    return Layout(len(pages), max(bottom - end, 0.0), bottom - top)


def sizes_to_try(last: float | None) -> list[float]:
    """SIZES from the one that fitted last time: first it, then the larger, then the smaller."""
    start = SIZES.index(last) if last in SIZES else 0
    return [*SIZES[start::-1], *SIZES[start + 1 :]]


def notes(layout: Layout, target: int, fragment: str) -> str:
    """Notes areas for what would stay empty: the rest of the last page of text, whole pages."""
    slack = SLACK_MM * PX_PER_MM
    areas = []
    if layout.free >= MIN_NOTES_MM * PX_PER_MM:
        areas.append(_area(layout.free - slack, fragment, whole_page=False))
    areas += [_area(layout.page_body - slack, fragment, True)] * (target - layout.pages)
    return "".join(areas)


def _area(height: float, fragment: str, whole_page: bool) -> str:
    kind = "vi-notes-area vi-notes-area--page" if whole_page else "vi-notes-area"
    return f'<div class="{kind}" style="height: {height:.1f}px">{fragment}</div>'


def fit(
    lay_out: Callable[[str, float], D],
    html: str,
    target: int,
    fragment: str,
    last: float | None = None,
) -> Fitted[D] | TooLong:
    """The leaflet at the largest size that fits its target pages, with Notes where empty."""
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
    return Fitted(document, size)
