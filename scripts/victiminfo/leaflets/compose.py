"""Compose a leaflet's HTML from the same Markdown and facts as its web page."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import markdown as md
import segno
from jinja2 import Template
from markupsafe import Markup

from victiminfo.content.markdown_lexer import lex
from victiminfo.content.markdown_outline import headings
from victiminfo.content.page_text import PageText, read_page_text
from victiminfo.content.pages import page_url, resolve_link
from victiminfo.leaflets.plan import Leaflet
from victiminfo.model.phones import tel_uri
from victiminfo.site.render import RenderContext, Rendered, fill, joined, render_markdown
from victiminfo.site.state import SiteState
from victiminfo.site.templating import environment

PLACEHOLDER_HOSTS = ("example.se", "example.com", "example.org", "localhost")
HREF = re.compile(r'href="([^"]+)"')
HEADING = re.compile(r"<(/?)h([1-5])\b")


@dataclass(frozen=True)
class LeafletDocument:
    """A leaflet ready to print: its HTML, and why it is a draft (empty when it is not)."""

    leaflet: Leaflet
    title: str
    html: str
    text: str
    doubts: tuple[str, ...]


def compose(leaflet: Leaflet, state: SiteState, site_url: str, site_name: str) -> LeafletDocument:
    """The leaflet's full HTML document."""
    ctx = state.render_context(leaflet.code, "print")
    lang = state.language(leaflet.code)
    page = read_page_text(state.project.docs, leaflet.code, leaflet.page)
    url = public_url(site_url, state.lang_root(leaflet.code), leaflet.page)
    extras = [read_page_text(state.project.docs, leaflet.code, extra) for extra in leaflet.appended]
    body, *appended = [_page_html(p, ctx, site_url, state, leaflet.code) for p in [page, *extras]]
    found = joined([body, *appended])
    doubts = list(dict.fromkeys(found.doubts))
    if is_placeholder_url(site_url):
        doubts.append(
            f"site_url '{site_url}' in mkdocs.yml is a placeholder: the QR code leads nowhere"
        )
    title = str(page.meta.get("title") or _first_heading(page.body) or leaflet.slug)
    html = _template(state).render(
        lang=lang,
        title=title,
        site_name=site_name,
        body=Markup(body.html),
        appended=[Markup(_demote(section.html)) for section in appended],
        url=url,
        qr=cached_qr_code(url, state.project.qr_cache),
        edition=state.policy.edition.isoformat(),
        edition_text=fill(
            ctx.ui, "leaflet.edition", ctx.env, date=state.policy.edition.isoformat()
        ),
        checked_text=_checked_text(ctx, found.checked),
        online_text=ctx.ui.t("leaflet.online"),
        numbers_title=ctx.ui.t("leaflet.numbers"),
        numbers=_numbers(state, ctx),
        machine_translated=bool(page.meta.get("machine_translation")),
        machine_notice=ctx.ui.t("leaflet.machine_translation"),
        draft=bool(doubts),
        draft_label=_draft_label(ctx),
        draft_notice=ctx.ui.t("leaflet.draft_notice"),
    )
    return LeafletDocument(leaflet, title, html, _visible_text(html), tuple(doubts))


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
    path = folder / f"{key}.txt"
    try:
        return path.read_text(encoding="ascii")
    except OSError:
        pass
    code = qr_code(url)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(code, encoding="ascii")
    tmp.replace(path)
    return code


def _page_html(
    page: PageText, ctx: RenderContext, site_url: str, state: SiteState, code: str
) -> Rendered:
    """A page's HTML for print, its links made absolute, with what rendering its facts found."""
    rendered = render_markdown(page.path, page.body, ctx, first_line=page.body_line)
    settings = state.markdown  # the site's own extensions: print renders as the web page does
    html = md.markdown(
        rendered.html,
        extensions=list(settings.extensions),
        extension_configs={k: dict(v) for k, v in settings.configs.items()},
        output_format="html",
    )
    root = site_url.rstrip("/") + "/" + state.lang_root(code)

    def absolute(match: re.Match[str]) -> str:
        target = resolve_link(page.rel, match.group(1))
        if target is None:
            return match.group(0)
        anchor = match.group(1).partition("#")[2]
        return f'href="{root}{page_url(target)}{"#" + anchor if anchor else ""}"'

    return replace(rendered, html=HREF.sub(absolute, html))


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


def _checked_text(ctx: RenderContext, checked: tuple[date, ...]) -> Markup | str:
    if not checked:
        return ""
    return fill(ctx.ui, "leaflet.checked", ctx.env, date=min(checked).isoformat())


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


def _template(state: SiteState) -> Template:
    return environment(state.project.templates, "print").get_template("leaflets/leaflet.html")
