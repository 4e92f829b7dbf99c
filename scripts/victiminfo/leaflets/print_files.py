"""Where the files for office printers go: each A5 leaflet's A4 print file, each station's card."""

from __future__ import annotations

from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import PurePosixPath

from victiminfo.leaflets.plan import Leaflet, LeafletSettings

STATION_PAGES = "orter/*-polisstation*.md"


def has_print_files(settings: LeafletSettings) -> bool:
    """Only A5 leaflets without print-shop marks are imposed (A4 ones print as they are)."""
    return settings.paper == "A5" and not settings.print_shop


def print_file_path(a5: PurePosixPath) -> PurePosixPath:
    """The imposed print file beside an A5 leaflet: leaflets/sv/orter-solna.a4.pdf."""
    return a5.with_suffix(".a4.pdf")


def is_station(page: PurePosixPath) -> bool:
    """Whether a page is a police station's, which gets a language card."""
    return fnmatch(str(page), STATION_PAGES)


def station_pages(plan: Sequence[Leaflet]) -> list[PurePosixPath]:
    """The police stations among the leaflets' pages."""
    return sorted({leaflet.page for leaflet in plan if is_station(leaflet.page)})


def card_output(page: PurePosixPath) -> PurePosixPath:
    """Where a station's card goes: leaflets/cards/orter-solna-polisstation.pdf."""
    slug = page.with_suffix("").as_posix().replace("/", "-")
    return PurePosixPath("leaflets") / "cards" / f"{slug}.pdf"
