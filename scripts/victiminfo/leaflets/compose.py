"""Compose a leaflet's HTML from the same Markdown and facts as its web page."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import markdown as md
import segno
from jinja2 import Template
from markupsafe import Markup

from victiminfo.content.markdown_lexer import lex
from victiminfo.content.markdown_outline import headings
from victiminfo.content.page_text import PageText, read_page_text
from victiminfo.content.pages import page_url
from victiminfo.keptfiles import kept
from victiminfo.leaflets.fonts import css_families
from victiminfo.leaflets.paper import MORE, PaperExtension
from victiminfo.leaflets.plan import Leaflet
from victiminfo.model.languages import Language
from victiminfo.model.phones import tel_uri
from victiminfo.site.cards import combined
from victiminfo.site.render import (
    RenderContext,
    Rendered,
    dates_text,
    fill,
    joined,
    render_markdown,
)
from victiminfo.site.state import SiteState
from victiminfo.site.templating import environment

PLACEHOLDER_HOSTS = ("example.se", "example.com", "example.org", "localhost")
HEADING = re.compile(r"<(/?)h([1-5])\b")


@dataclass(frozen=True)
class LeafletDocument:
    """A leaflet ready to print: its HTML, and why it is a draft (empty when it is not)."""

    leaflet: Leaflet
    title: str
    html: str
    text: str
    doubts: tuple[str, ...]
    notes: str = ""  # one Notes area's HTML, for the fitting to place where a page is empty


def compose(
    leaflet: Leaflet,
    state: SiteState,
    site_url: str,
    site_name: str,
    languages: tuple[Language, ...] = (),
) -> LeafletDocument:
    """The leaflet's full HTML document; `languages`: those its leaflet exists in (the cover)."""
    ctx = state.render_context(leaflet.code, "print")
    lang = state.language(leaflet.code)
    page = read_page_text(state.project.docs, leaflet.code, leaflet.page)
    url = public_url(site_url, state.lang_root(leaflet.code), leaflet.page)
    extras = [read_page_text(state.project.docs, leaflet.code, extra) for extra in leaflet.appended]
    split = leaflet.kind == "service"
    body = _page_html(page, ctx, state, PaperExtension(split=split))
    appended = [_page_html(p, ctx, state, PaperExtension(brief=True)) for p in extras]
    found = joined([body, *appended])
    doubts = list(dict.fromkeys(found.doubts))
    if is_placeholder_url(site_url):
        doubts.append(
            f"site_url '{site_url}' in mkdocs.yml is a placeholder: the QR code leads nowhere"
        )
    title = str(page.meta.get("title") or _first_heading(page.body) or leaflet.slug)
    lead, more = split_body(body.html) if split else ("", body.html)
    numbers = _numbers(state, ctx)
    own = _own_numbers(state, leaflet)
    others = [item for item in numbers if item["number"] not in own]
    html = _template(state, leaflet).render(
        lang=lang,
        font_family=css_families(state.catalog.languages.font_stack(lang.code)),
        title=title,
        site_name=site_name,
        lead=Markup(lead),
        body=Markup(more),
        appended=[Markup(_demote(section.html)) for section in appended],
        languages=languages,
        url=url,
        short_url=_short_address(url),
        qr=cached_qr_code(url, state.project.qr_cache),
        edition=state.policy.edition.isoformat(),
        edition_text=fill(
            ctx.ui, "leaflet.edition", ctx.env, date=state.policy.edition.isoformat()
        ),
        checked_text=dates_text(combined(list(found.dates)), ctx, "leaflet"),
        online_text=ctx.ui.t("leaflet.online"),
        numbers_title=ctx.ui.t("leaflet.numbers"),
        numbers=numbers if leaflet.kind == "booklet" else others,
        danger_text=_danger_text(ctx, numbers),
        notes_title=ctx.ui.t("leaflet.notes"),
        case=_case_labels(ctx),
        machine_translated=bool(page.meta.get("machine_translation")),
        machine_notice=ctx.ui.t("leaflet.machine_translation"),
        draft=bool(doubts),
        draft_label=_draft_label(ctx),
        draft_notice=ctx.ui.t("leaflet.draft_notice"),
    )
    env = environment(state.project.templates, "print")
    notes = env.get_template("leaflets/notes.html").render(notes_title=ctx.ui.t("leaflet.notes"))
    text = _visible_text(html + notes)
    return LeafletDocument(leaflet, title, html, text, tuple(doubts), notes)


def split_body(html: str) -> tuple[str, str]:
    """A service page's lead (for its front) and the rest (for its back), as paper.py wraps them."""
    lead, marker, more = html.partition(f'<div class="{MORE}">')
    return lead, marker + more


def is_placeholder_url(url: str) -> bool:
    """True for an address that cannot be the real site (example domains, localhost, none)."""
    host = urlsplit(url).hostname
    return host is None or host.endswith(PLACEHOLDER_HOSTS)


def public_url(site_url: str, lang_root: str, page: PurePosixPath) -> str:
    """The page's address online, for links and the QR code."""
    return site_url.rstrip("/") + "/" + lang_root + page_url(page)


QR_ERROR_LEVEL = "m"
QR_SCALE = 4
QR_BORDER = 2


def qr_code(url: str) -> str:
    """A QR code for url, as an SVG data URI."""
    return str(segno.make(url, error=QR_ERROR_LEVEL).svg_data_uri(scale=QR_SCALE, border=QR_BORDER))


def cached_qr_code(url: str, folder: Path) -> str:
    """qr_code(url), kept in folder: choosing the QR mask is slow, and URLs rarely change."""
    settings = repr((segno.__version__, QR_ERROR_LEVEL, QR_SCALE, QR_BORDER, url))
    key = hashlib.sha256(settings.encode("utf-8")).hexdigest()
    return kept(folder / f"{key}.txt", lambda: qr_code(url).encode("ascii")).decode("ascii")


def _page_html(
    page: PageText, ctx: RenderContext, state: SiteState, paper: PaperExtension
) -> Rendered:
    """A page's HTML for paper (paper.py), with what rendering its facts found."""
    rendered = render_markdown(page.path, page.body, ctx, first_line=page.body_line)
    settings = state.markdown  # the site's own extensions: print renders as the web page does
    html = md.markdown(
        rendered.html,
        extensions=[*settings.extensions, paper],
        extension_configs={k: dict(v) for k, v in settings.configs.items()},
        output_format="html",
    )
    return replace(rendered, html=html)


def _demote(html: str) -> str:
    return HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _numbers(state: SiteState, ctx: RenderContext) -> list[dict[str, str]]:
    wanted = ("emergency", "non_emergency", "support_line")
    out = []
    for service in state.catalog.services.values():
        if service.area != "national":
            continue
        for phone in service.phones:
            if phone.label.value in wanted:
                label = (
                    f"{service.name}"
                    if phone.label.value == "support_line"
                    else ctx.ui.t(f"phone_label.{phone.label.value}")
                )
                out.append(
                    {
                        "label": label,
                        "number": phone.number,
                        "href": tel_uri(phone.number),
                        "order": str(wanted.index(phone.label.value)),
                    }
                )
    return sorted(out, key=lambda item: (item["order"], item["label"]))


def _own_numbers(state: SiteState, leaflet: Leaflet) -> set[str]:
    """The numbers of the service a service leaflet is about (its front shows them)."""
    service = state.catalog.services.get(leaflet.page.stem) if leaflet.kind == "service" else None
    return {phone.number for phone in service.phones} if service else set()


def _danger_text(ctx: RenderContext, numbers: list[dict[str, str]]) -> Markup:
    """'In danger now? Call 112.', with the emergency number from the facts."""
    emergency = next(item["number"] for item in numbers if item["order"] == "0")
    return fill(ctx.ui, "emergency.text", ctx.env, number=emergency)


CASE_FIELDS = ("case_number", "officer", "phone", "date")


def _case_labels(ctx: RenderContext) -> dict[str, str]:
    """The labels of the "Your case" box the officer fills in by hand."""
    return {"title": ctx.ui.t("leaflet.case.title")} | {
        field: ctx.ui.t(f"leaflet.case.{field}") for field in CASE_FIELDS
    }


def _short_address(url: str) -> str:
    """The address as people type it: without https:// and www."""
    return url.split("://", 1)[-1].removeprefix("www.")


def _draft_label(ctx: RenderContext) -> str:
    word = ctx.ui.t("leaflet.draft")
    return "UTKAST / DRAFT" if word.upper() in ("UTKAST", "DRAFT") else f"UTKAST / DRAFT / {word}"


def _first_heading(markdown: str) -> str | None:
    found = next((h for h in headings(lex(markdown), 1) if h.level == 1), None)
    return found.title if found else None


def _visible_text(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"&[a-z]+;|&#\d+;", " ", text)


def _template(state: SiteState, leaflet: Leaflet) -> Template:
    env = environment(state.project.templates, "print")
    return env.get_template(f"leaflets/{leaflet.kind}.html")
