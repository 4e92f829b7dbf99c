"""The print page's list of every leaflet, stations first, each language in its own script.

Each language links its A5 leaflet (for screens) and its A4 print file; a station also links
its language card. Above the lists: how to print them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from markupsafe import Markup

from victiminfo.content.page_text import read_page_text
from victiminfo.leaflets.plan import Leaflet, leaflet_output
from victiminfo.leaflets.print_files import card_output, is_station, print_file_path
from victiminfo.project import Project
from victiminfo.site.render import RenderContext

TEMPLATE = "components/leaflet-index/leaflet-index.html"


@dataclass(frozen=True)
class LeafletLink:
    """One language of a page's leaflet: its name in that language, and the PDF if it exists."""

    code: str
    tag: str  # its BCP 47 tag (hreflang)
    name: str
    href: str | None
    print_href: str | None = None


@dataclass(frozen=True)
class IndexEntry:
    """One page that has leaflets, and the languages it has them in."""

    page: PurePosixPath
    title: str
    links: tuple[LeafletLink, ...]
    card: str | None = None


def leaflet_index(
    project: Project,
    plan: list[Leaflet],
    code: str,
    ctx: RenderContext,
    url_prefix: str,
    print_files: bool = True,
) -> Markup:
    """HTML lists of leaflets, places (police stations first) before services.

    print_files: whether the A4 print files exist (they do for A5 leaflets without print-shop
    marks); every station's language card exists whatever the paper (issue #12).
    """
    pages = sorted({leaflet.page for leaflet in plan}, key=_order)
    built = {(leaflet.code, leaflet.page) for leaflet in plan}
    entries = [_entry(project, ctx, page, code, built, url_prefix) for page in pages]
    entries = [_with_card(entry, url_prefix) for entry in entries]
    if print_files:
        entries = [_with_print_files(entry) for entry in entries]
    places = [e for e in entries if e.page.parts[0] == "orter"]
    services = [e for e in entries if e.page.parts[0] != "orter"]
    groups = [
        (ctx.ui.t(heading), group)
        for heading, group in (("print.places", places), ("print.services", services))
        if group
    ]
    html = ctx.env.get_template(TEMPLATE).render(
        groups=groups,
        not_translated=ctx.ui.t("print.not_translated"),
        print_label=ctx.ui.t("print.print_file"),
        card_label=ctx.ui.t("print.card"),
        how_title=ctx.ui.t("print.how_title"),
        how=[ctx.ui.t(f"print.how.{step}") for step in how_to_print(print_files, entries)],
    )
    return Markup(html)


HOW_TO_PRINT = ("both_sides", "actual_size", "fold", "cut")
CARD_STEP = "card"


def how_to_print(print_files: bool, entries: list[IndexEntry]) -> list[str]:
    """The steps that apply: the print files' (when they exist), then the cards' (if any)."""
    steps = list(HOW_TO_PRINT) if print_files else []
    return [*steps, CARD_STEP] if any(entry.card for entry in entries) else steps


def _order(page: PurePosixPath) -> tuple[int, str]:
    return (0 if is_station(page) else 1 if page.parts[0] == "orter" else 2, str(page))


def _with_print_files(entry: IndexEntry) -> IndexEntry:
    """The entry with each leaflet's A4 print file."""
    links = tuple(
        replace(link, print_href=str(print_file_path(PurePosixPath(link.href))))
        if link.href
        else link
        for link in entry.links
    )
    return replace(entry, links=links)


def _with_card(entry: IndexEntry, prefix: str) -> IndexEntry:
    """The entry with a station's language card."""
    return (
        replace(entry, card=prefix + str(card_output(entry.page)))
        if is_station(entry.page)
        else entry
    )


def _entry(
    project: Project,
    ctx: RenderContext,
    page: PurePosixPath,
    code: str,
    built: set[tuple[str, PurePosixPath]],
    url_prefix: str,
) -> IndexEntry:
    source = ctx.catalog.languages.default.code
    shown = code if (code, page) in built else source
    meta = read_page_text(project.docs, shown, page).meta
    title = str(meta.get("title") or page.stem)
    links = tuple(
        LeafletLink(lang.code, lang.tag, lang.name, _href(lang.code, page, built, url_prefix))
        for lang in ctx.catalog.languages.languages
    )
    return IndexEntry(page, title, links)


def _href(
    code: str, page: PurePosixPath, built: set[tuple[str, PurePosixPath]], prefix: str
) -> str | None:
    """The link to the page's leaflet in a language, or None when there is none."""
    return prefix + str(leaflet_output(code, page)) if (code, page) in built else None
