"""Thin MkDocs hooks: each event hands over to the plain Python modules beside this file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from victiminfo.leaflets.plan import parse_settings, plan_leaflets
from victiminfo.project import Project
from victiminfo.site import page_view
from victiminfo.site.search_index import write_language_indexes
from victiminfo.site.state import SiteState, load_state
from victiminfo.site.status_page import STATUS_PAGE, status_page_markdown

_state: SiteState | None = None


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def _current(config: MkDocsConfig) -> str:
    return str(_i18n(config).current_language)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load facts and strings once, at the start of the outer (default-language) build."""
    global _state
    if _state is None or not _i18n(config).building:
        max_age = int(config.extra.get("facts_max_age_days", 365))
        project = Project(Path(config.config_file_path).parent)
        _state = load_state(project, max_age)
        settings = parse_settings(project.config_file, dict(config.extra))
        _state.leaflets = plan_leaflets(project.docs, _state.catalog.languages, settings)
    return config


def _loaded() -> SiteState:
    assert _state is not None, "on_config has not run"
    return _state


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace fact placeholders with contact cards and phone links in the page's language."""
    return page_view.page_markdown(
        _loaded(), _current(config), Path(page.file.abs_src_path or "?"), page.url, markdown
    )


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give templates the page's language, strings and safety links."""
    state = _loaded()
    code = _current(config)
    file_locale = getattr(page.file, "locale", code)
    rel = page_view.page_rel(page.file.src_uri, state.catalog.languages.codes)
    view = page_view.for_page(state, code, file_locale, page.meta, rel)
    if view.is_fallback:
        state.fallbacks.setdefault(code, set()).add(page.url)
    context["vi"] = view
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep each language's 404 page: MkDocs would leave only the last one built."""
    if template_name == "404.html":
        _loaded().not_found[_current(config)] = output
    return output


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The 404 page has no Page: give it the language view too."""
    if template_name == "404.html":
        context["vi"] = page_view.for_page(_loaded(), _current(config), _current(config), {})
    return context


@event_priority(-150)  # after the i18n plugin has chosen each language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Drop the leaflet templates (not part of the web site); add the editors' status page."""
    for file in [f for f in files if f.src_uri.startswith("leaflets/")]:
        files.remove(file)
    if _current(config) == _loaded().catalog.languages.default.code:
        markdown = status_page_markdown(_loaded().project)
        files.append(File.generated(config, STATUS_PAGE, content=markdown))
    return files


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: one search index and one 404 page per language."""
    if _i18n(config).building:
        return
    state = _loaded()
    site = Path(config.site_dir)
    write_language_indexes(site, state.catalog.languages, state.fallbacks)
    page_view.write_not_found_pages(site, state)
