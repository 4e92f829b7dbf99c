"""The victiminfo MkDocs plugin: a thin layer that hands each event to the plain Python stages."""

from __future__ import annotations

import os
from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from victiminfo.errors import ContentError
from victiminfo.server.headers import meta_policy
from victiminfo.server.routes import exit_href
from victiminfo.site import page_view
from victiminfo.site.alternates import install_alternates
from victiminfo.site.config import VictimInfoConfig
from victiminfo.site.language_split import build_others, may_split
from victiminfo.site.languages import fill_languages, i18n_plugin
from victiminfo.site.leaflet_route import with_leaflets
from victiminfo.site.loading import state_from_config
from victiminfo.site.search_index import write_language_indexes
from victiminfo.site.state import SiteState
from victiminfo.site.status_page import STATUS_PAGE, status_page_markdown
from victiminfo.site.templating import share_compiled_templates
from victiminfo.site.theme_files import Listing, list_theme_once
from victiminfo.site.theme_languages import add_language_partials


def as_plugin_error(exc: ContentError) -> PluginError:
    """A content error as MkDocs reports a plugin's: every problem as `file:line: ...`."""
    return PluginError("\n".join(str(problem) for problem in exc.problems))


def pin_build_date(edition: date) -> None:
    """Date the build by the edition (the last commit), not the clock, unless the caller did:
    MkDocs reads SOURCE_DATE_EPOCH for the sitemap and templates, so two builds are alike."""
    midnight = datetime.combine(edition, time(), tzinfo=UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))


class VictimInfoPlugin(BasePlugin[VictimInfoConfig]):  # type: ignore[no-untyped-call]
    """Facts, languages, contact cards and per-language search for the crime-victim site.

    One instance serves one `mkdocs build` (or, with `on_startup`, every rebuild of one
    `mkdocs serve`): its state is loaded at the start of each build and belongs to it alone.
    """

    def __init__(self) -> None:
        self.state: SiteState | None = None
        self.serving = False
        # Under plain `mkdocs`, a content error is a PluginError (MkDocs prints it and stops);
        # the victiminfo command line sets this to False to receive the ContentError itself.
        self.errors_to_mkdocs = True
        # The state our command line loaded before the build (its leaflets start from it).
        self.preloaded: SiteState | None = None
        self.theme_listing: Listing = {}  # the theme's files, for every language of a build
        # The other languages are built in two processes (our command line turns it off when
        # the leaflets already use every core); claimed: the languages taken from the i18n
        # plugin's loop; last_build: the environment, files and nav of the last language.
        self.split_languages = True
        self.claimed: list[str] | None = None
        self.last_build: tuple[Any, Any, Any] = (None, None, None)

    def content_error(self, exc: ContentError) -> Exception:
        """The error to raise for bad content: MkDocs' kind, or ours for our command line."""
        return as_plugin_error(exc) if self.errors_to_mkdocs else exc

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember that we serve a preview (its templates then allow the reload script)."""
        self.serving = command == "serve"

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """In the preview, a leaflet is made when it is asked for (issue #15)."""
        app = server.get_app()
        if app is not None:
            server.set_app(with_leaflets(app, lambda: self.loaded, server.mount_path))
        return server

    @event_priority(100)  # ahead of the i18n plugin, which reads its languages in on_config
    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """At the start of a build: load facts and strings, give the i18n plugin our languages."""
        if self.state is None or not i18n_plugin(config).building:
            self.state = self.preloaded or self._load(config)
            self.preloaded = None
            self.theme_listing.clear()
            fill_languages(config, self.state, self.config.build_languages)
            install_alternates(i18n_plugin(config))
            add_language_partials(config.theme.dirs, self.state.project.theme_cache, self.state)
            pin_build_date(self.state.policy.edition)
        config.extra["preview"] = self.serving
        config.extra["content_security_policy"] = meta_policy(preview=self.serving)
        config.extra["exit_href"] = exit_href(
            str(config.site_url or "/"),
            str(config.extra.get("exit_url", "")),
            self.config.exit_route,
            through_server=self.config.server == "nginx" and not self.serving,
        )
        return config

    @event_priority(-150)  # after the i18n plugin has set up the language's theme
    def _list_theme_once(self, config: MkDocsConfig) -> MkDocsConfig:
        """The theme's files are listed once per build, not once per language (issue #15)."""
        list_theme_once(config.theme, self.theme_listing)
        return config

    on_config = CombinedEvent(_configure, _list_theme_once)

    def preload(self, config: MkDocsConfig) -> SiteState:
        """Load the next build's state now, so that the leaflets can start before the site."""
        self.preloaded = self._load(config)
        return self.preloaded

    def _load(self, config: MkDocsConfig) -> SiteState:
        try:
            return state_from_config(config, self.config)
        except ContentError as exc:
            raise self.content_error(exc) from None

    @property
    def loaded(self) -> SiteState:
        """The state of the build under way."""
        if self.state is None:
            raise PluginError("the victiminfo plugin's on_config has not run")
        return self.state

    def _current(self, config: MkDocsConfig) -> str:
        return str(i18n_plugin(config).current_language)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Compile the theme's templates once per process, not once per language (issue #15);
        templates write an edition's language tag, not its code (lattlast: sv, issue #13)."""
        env.filters["lang_tag"] = self.loaded.catalog.languages.tag_of
        self.last_build = (env, files, self.last_build[2])
        return share_compiled_templates(env)

    @event_priority(-150)  # after the i18n plugin has made the language's navigation
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep this language's navigation: the sitemap is written again after the last."""
        self.last_build = (None, files, nav)
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Replace fact placeholders with contact cards and phone links in the page's language."""
        path = Path(page.file.abs_src_path or "?")
        try:
            return page_view.page_markdown(
                self.loaded, self._current(config), path, page.url, markdown
            )
        except ContentError as exc:
            raise self.content_error(exc) from None

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give templates the page's language, strings and safety links."""
        state, code = self.loaded, self._current(config)
        file_locale = getattr(page.file, "locale", code)
        rel = page_view.page_rel(page.file.src_uri, state.catalog.languages.codes)
        try:
            view = page_view.for_page(state, code, file_locale, page.meta, rel)
        except ContentError as exc:
            raise self.content_error(exc) from None
        if view.is_fallback:
            state.fallbacks.setdefault(code, set()).add(page.url)
        context["vi"] = view  # type: ignore[typeddict-unknown-key]
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """The 404 page has no Page: give it the language view too, and a language switcher
        to each language's home. (It linked the last page built of the language before: the
        i18n plugin leaves that page's links in the configuration, issue #15.)"""
        if template_name == "404.html":
            homes = i18n_plugin(config).extra_alternate
            if homes:  # as an attribute, as that plugin sets it (it hides the item)
                setattr(config.extra, "alternate", deepcopy(homes))  # noqa: B010
            code = self._current(config)
            context["vi"] = page_view.for_page(self.loaded, code, code, {})  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Keep each language's 404 page: MkDocs would leave only the last one built."""
        if template_name == "404.html":
            self.loaded.not_found[self._current(config)] = output_content
        return output_content

    @event_priority(-50)  # before the i18n plugin's
    def _drop_excluded(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Drop what exclude_docs excludes (docs/_data/) before the i18n plugin gives every file
        its alternates in every language: nothing is built from them (issue #15)."""
        for file in [f for f in files if f.inclusion is InclusionLevel.EXCLUDED]:
            files.remove(file)
        return files

    @event_priority(-150)  # after the i18n plugin has chosen each language's files
    def _add_status_page(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Drop the leaflet templates (not part of the web site); add the editors' status page."""
        for file in [f for f in files if f.src_uri.startswith("leaflets/")]:
            files.remove(file)
        if self._current(config) == self.loaded.catalog.languages.default.code:
            state = self.loaded
            markdown = status_page_markdown(state.project, state.catalog, state.policy)
            files.append(File.generated(config, STATUS_PAGE, content=markdown))
        return files

    on_files = CombinedEvent(_drop_excluded, _add_status_page)

    @event_priority(-90)  # before the i18n plugin builds the other languages one by one
    def _claim_languages(self, *, config: MkDocsConfig) -> None:
        """After the source language: take the other languages, to build them in two
        processes (issue #15); the i18n plugin then indexes the source language only."""
        i18n = i18n_plugin(config)
        if i18n.building or not self.split_languages:
            return
        others = [code for code in i18n.build_languages if code != i18n.current_language]
        if may_split(others, self.serving):
            self.claimed = others
            i18n.building = True

    @event_priority(-200)
    def _after_languages(self, *, config: MkDocsConfig) -> None:
        """After the last language: one search index and one 404 page per language."""
        i18n = i18n_plugin(config)
        claimed, self.claimed = self.claimed, None
        if claimed is not None:
            build_others(i18n, config, self.loaded, claimed, lambda: self.last_build)
        elif i18n.building:
            return
        state = self.loaded
        site = Path(config.site_dir)
        write_language_indexes(site, state.catalog.languages, state.fallbacks)
        page_view.write_not_found_pages(site, state)

    on_post_build = CombinedEvent(_claim_languages, _after_languages)
