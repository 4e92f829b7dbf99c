"""What the page templates show around the content: language, notices, exit control, 112,
and the sources the page's facts of law and procedure come from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

from victiminfo.checks.page_safety import refuse_unsafe_page
from victiminfo.checks.page_sources import page_source_problems
from victiminfo.content.page_sources import CitedSource, cited_sources
from victiminfo.content.page_text import markdown_line, read_page_text
from victiminfo.errors import ContentError, fail
from victiminfo.leaflets.index import leaflet_index
from victiminfo.leaflets.print_files import has_print_files
from victiminfo.model.languages import Language
from victiminfo.model.strings import UiStrings
from victiminfo.rules import Rule
from victiminfo.site.render import fill, phone_html, render_markdown
from victiminfo.site.state import SiteState

SAFETY_PAGE = "sakerhet-pa-natet/"


@dataclass(frozen=True)
class PageView:
    """The template-facing view of one page in one language."""

    lang: Language
    ui: UiStrings
    is_fallback: bool
    machine_translated: bool
    emergency: Markup
    lang_root: str
    safety_url: str
    source_lang: Language
    leaflet_url: str | None = None
    sources: tuple[CitedSource, ...] = ()

    def t(self, key: str) -> str:
        """An interface string of the page's language."""
        return self.ui.t(key)


def for_page(
    state: SiteState,
    code: str,
    file_locale: str,
    meta: Mapping[str, Any],
    rel: PurePosixPath | None = None,
) -> PageView:
    """The view for a page built in language code from a file written in file_locale."""
    default = state.catalog.languages.default
    is_fallback = file_locale != code and code != default.code
    machine = bool(meta.get("machine_translation")) and not is_fallback
    root = state.lang_root(code)
    return PageView(
        lang=state.language(code),
        ui=state.strings[code],
        is_fallback=is_fallback,
        machine_translated=machine,
        emergency=_emergency(state, code),
        lang_root=root,
        safety_url=root + SAFETY_PAGE,
        source_lang=default,
        leaflet_url=_leaflet_url(state, code, rel),
        sources=page_sources(state, rel) if rel is not None else (),
    )


def page_sources(state: SiteState, rel: PurePosixPath) -> tuple[CitedSource, ...]:
    """The sources the Swedish page at rel cites: every language shows them (its facts).

    A key that sources.yml does not list stops the build, as the check reports it.
    """
    default = state.catalog.languages.default.code
    if not (state.project.docs / default / rel).is_file():
        return ()  # a generated page (the status page)
    page = read_page_text(state.project.docs, default, rel)
    problems = page_source_problems(page, state.catalog.sources)
    if problems:
        raise ContentError(problems)
    return cited_sources(page, state.catalog.sources)


def _leaflet_url(state: SiteState, code: str, rel: PurePosixPath | None) -> str | None:
    for leaflet in state.leaflets:
        if leaflet.code == code and leaflet.page == rel:
            return str(leaflet.output)
    return None


def page_rel(src_uri: str, codes: list[str]) -> PurePosixPath:
    """A page's path inside its language folder ('en/orter/solna.md' -> 'orter/solna.md')."""
    path = PurePosixPath(src_uri)
    return PurePosixPath(*path.parts[1:]) if path.parts and path.parts[0] in codes else path


def page_markdown(state: SiteState, code: str, path: Path, url: str, markdown: str) -> str:
    """A page's Markdown with every placeholder rendered for the web (an unsafe page fails)."""
    refuse_unsafe_page(path)
    ctx = state.render_context(code)
    if "{{ leaflets" in markdown:
        prefix = "../" * url.count("/")
        a4 = has_print_files(state.leaflet_settings)
        index = leaflet_index(state.project, state.leaflets, code, ctx, prefix, print_files=a4)
        ctx = replace(ctx, leaflet_index=index)
    return render_markdown(path, markdown, ctx, first_line=markdown_line(path)).html


def _emergency(state: SiteState, code: str) -> Markup:
    numbers = [
        phone.number
        for service in state.catalog.services.values()
        for phone in service.phones
        if phone.label.value == "emergency"
    ]
    if not numbers:
        raise fail(
            state.project.data / "services",
            "no service has a phone labelled 'emergency'",
            rule=Rule.EMERGENCY_NUMBER_MISSING,
            hint="every page shows the emergency number: add 112 to services/polisen.yml",
        )
    ctx = state.render_context(code)
    return fill(ctx.ui, "emergency.text", ctx.env, number=phone_html(numbers[0], ctx))


def write_not_found_pages(site: Path, state: SiteState) -> None:
    """site/404.html in the default language; site/<code>/404.html for each other language."""
    for code, html in state.not_found.items():
        target = site / state.lang_root(code) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
