"""The print page's list of every leaflet, by place and service, each language in its own script."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup, escape

from victiminfo.content.page_text import read_page_text
from victiminfo.leaflets.plan import Leaflet, leaflet_output
from victiminfo.model.catalog import Catalog
from victiminfo.model.strings import UiStrings
from victiminfo.project import Project


@dataclass(frozen=True)
class IndexEntry:
    """One page that has leaflets, and the languages it has them in."""

    page: PurePosixPath
    title: str
    languages: tuple[tuple[str, str, bool], ...]  # code, name, available


def leaflet_index(
    project: Project,
    catalog: Catalog,
    plan: list[Leaflet],
    code: str,
    ui: UiStrings,
    url_prefix: str,
) -> Markup:
    """HTML lists of leaflets, places (police stations first) before services."""
    pages = sorted({leaflet.page for leaflet in plan}, key=_order)
    built = {(leaflet.code, leaflet.page) for leaflet in plan}
    entries = [_entry(project, catalog, page, code, built) for page in pages]
    places = [e for e in entries if e.page.parts[0] == "orter"]
    services = [e for e in entries if e.page.parts[0] != "orter"]
    html = ""
    for heading, group in ((ui.t("print.places"), places), (ui.t("print.services"), services)):
        if group:
            html += f"<h2>{escape(heading)}</h2>\n" + "\n".join(
                _entry_html(e, ui, url_prefix) for e in group
            )
    return Markup(html)


def _order(page: PurePosixPath) -> tuple[int, str]:
    return (0 if page.parts[0] == "orter" else 1, str(page))


def _entry(
    project: Project,
    catalog: Catalog,
    page: PurePosixPath,
    code: str,
    built: set[tuple[str, PurePosixPath]],
) -> IndexEntry:
    source = catalog.languages.default.code
    shown = code if (code, page) in built else source
    meta = read_page_text(project.docs, shown, page).meta
    title = str(meta.get("title") or page.stem)
    languages = tuple(
        (lang.code, lang.name, (lang.code, page) in built) for lang in catalog.languages.languages
    )
    return IndexEntry(page, title, languages)


def _entry_html(entry: IndexEntry, ui: UiStrings, prefix: str) -> str:
    items = []
    for code, name, available in entry.languages:
        label = f'<span lang="{code}">{escape(name)}</span>'
        if available:
            href = escape(prefix + str(leaflet_output(code, entry.page)))
            items.append(
                f'<li><a href="{href}" hreflang="{code}" type="application/pdf">{label}</a></li>'
            )
        else:
            items.append(f"<li>{label} ({escape(ui.t('print.not_translated'))})</li>")
    return (
        f'<h3>{escape(entry.title)}</h3>\n<ul class="vi-leaflet-list">\n'
        + "\n".join(items)
        + "\n</ul>"
    )
