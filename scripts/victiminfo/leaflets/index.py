"""The print page's list of every leaflet, by place and service, each language in its own script."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup

from victiminfo.content.page_text import read_page_text
from victiminfo.leaflets.plan import Leaflet, leaflet_output
from victiminfo.project import Project
from victiminfo.site.render import RenderContext

TEMPLATE = "components/leaflet-index/leaflet-index.html"


@dataclass(frozen=True)
class LeafletLink:
    """One language of a page's leaflet: its name in that language, and the PDF if it exists."""

    code: str
    name: str
    href: str | None


@dataclass(frozen=True)
class IndexEntry:
    """One page that has leaflets, and the languages it has them in."""

    page: PurePosixPath
    title: str
    links: tuple[LeafletLink, ...]


def leaflet_index(
    project: Project, plan: list[Leaflet], code: str, ctx: RenderContext, url_prefix: str
) -> Markup:
    """HTML lists of leaflets, places (police stations first) before services."""
    pages = sorted({leaflet.page for leaflet in plan}, key=_order)
    built = {(leaflet.code, leaflet.page) for leaflet in plan}
    entries = [_entry(project, ctx, page, code, built, url_prefix) for page in pages]
    places = [e for e in entries if e.page.parts[0] == "orter"]
    services = [e for e in entries if e.page.parts[0] != "orter"]
    groups = [
        (ctx.ui.t(heading), group)
        for heading, group in (("print.places", places), ("print.services", services))
        if group
    ]
    html = ctx.env.get_template(TEMPLATE).render(
        groups=groups, not_translated=ctx.ui.t("print.not_translated")
    )
    return Markup(html)


def _order(page: PurePosixPath) -> tuple[int, str]:
    return (0 if page.parts[0] == "orter" else 1, str(page))


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
        LeafletLink(lang.code, lang.name, _href(lang.code, page, built, url_prefix))
        for lang in ctx.catalog.languages.languages
    )
    return IndexEntry(page, title, links)


def _href(
    code: str, page: PurePosixPath, built: set[tuple[str, PurePosixPath]], prefix: str
) -> str | None:
    """The link to the page's leaflet in a language, or None when there is none."""
    return prefix + str(leaflet_output(code, page)) if (code, page) in built else None
