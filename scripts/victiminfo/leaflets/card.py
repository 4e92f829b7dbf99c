"""A police station's "point to your language" card: one A4 page, a tile and QR code a language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from victiminfo.content.page_text import read_page_text
from victiminfo.leaflets.compose import cached_qr_code, is_placeholder_url, public_url
from victiminfo.leaflets.fonts import css_families
from victiminfo.leaflets.pdf import Job
from victiminfo.leaflets.plan import Leaflet
from victiminfo.leaflets.print_files import card_output, station_pages
from victiminfo.site.state import SiteState
from victiminfo.site.templating import environment

TILES_HEIGHT_MM = 258.0  # A4's 297 mm less the margins (2 x 9 mm) and the heading (21 mm)
TILE_GAP_MM = 2.0
TILE_MAX_MM = 49.0
TILE_PADDING_MM = 2.5  # card.css: .vi-tile's padding
QR_MAX_MM = 30.0  # a QR code as large as a tile allows, up to this (20 mm scan from a desk)
DENSE_BELOW_MM = 40.0  # tiles lower than this get the smaller type (card.css, 9 pt at least)
TEMPLATE = "leaflets/card.html"


@dataclass(frozen=True)
class Tile:
    """One language on the card: its name, the station's name and one line in it, a QR code."""

    code: str
    tag: str  # its BCP 47 tag (lang)
    dir: str
    name: str
    station: str
    line: str
    url: str
    qr: str
    font_family: str  # its language's print fonts first (CSS)


def card_jobs(plan: Sequence[Leaflet], out: Path, state: SiteState) -> list[Job]:
    """The WeasyPrint job of every station's card, in the languages its leaflet exists in."""
    folder = state.project.templates / "leaflets"
    return [
        Job(
            card_html(page, plan, state),
            (folder / "card.css",),
            folder.as_uri() + "/",
            out / card_output(page),
            pages=1,  # exactly one page: the build fails if a card does not fit
        )
        for page in station_pages(plan)
    ]


def card_html(page: PurePosixPath, plan: Sequence[Leaflet], state: SiteState) -> str:
    """The card's HTML document: the source language around tiles in every language."""
    source = state.catalog.languages.default.code
    ui = state.strings[source]
    tiles = [_tile(page, leaflet.code, state) for leaflet in plan if leaflet.page == page]
    station = next((t.station for t in tiles if t.code == source), page.stem)
    template = environment(state.project.templates, "print").get_template(TEMPLATE)
    height = tile_height(len(tiles))
    return template.render(
        lang=state.language(source),
        font_family=css_families(state.catalog.languages.font_stack(source)),
        title=f"{station}: {ui.t('print.card_title')}",
        station=station,
        card_title=ui.t("print.card_title"),
        tiles=tiles,
        tile_height=f"{height:.1f}mm",
        qr_size=f"{qr_size(height):.1f}mm",
        dense=height < DENSE_BELOW_MM,
        draft=is_placeholder_url(state.site_url),
        draft_label="UTKAST / DRAFT",
        draft_notice=ui.t("leaflet.draft_notice"),
        edition=state.policy.edition.isoformat(),
    )


def qr_size(height: float) -> float:
    """The QR code's side in a tile of this height: the tile less its padding, at most 30 mm."""
    return min(QR_MAX_MM, height - 2 * TILE_PADDING_MM - 0.5)


def tile_height(tiles: int) -> float:
    """How tall a tile may be so that every language fits on the one page, two to a row."""
    rows = max(1, -(-tiles // 2))
    return min(TILE_MAX_MM, (TILES_HEIGHT_MM - TILE_GAP_MM * (rows - 1)) / rows)


def _tile(page: PurePosixPath, code: str, state: SiteState) -> Tile:
    lang = state.language(code)
    meta = read_page_text(state.project.docs, code, page).meta
    url = public_url(state.site_url, state.lang_root(code), page)
    return Tile(
        code,
        lang.tag,
        lang.dir,
        lang.name,
        str(meta.get("title") or page.stem),
        state.strings[code].t("print.card_line"),
        url,
        cached_qr_code(url, state.project.qr_cache),
        css_families(state.catalog.languages.font_stack(code)),
    )
