"""Load a site's state from its MkDocs configuration: once per build, for the pages and leaflets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from victiminfo.leaflets.plan import plan_leaflets
from victiminfo.project import Project
from victiminfo.site.config import (
    VictimInfoConfig,
    choose_paper,
    leaflet_settings,
    read_options,
)
from victiminfo.site.mkdocs_config import load_site_config
from victiminfo.site.state import MarkdownSettings, SiteState, load_state


def markdown_settings(config: MkDocsConfig) -> MarkdownSettings:
    """The Markdown extensions and their options, as MkDocs renders the site's pages with."""
    extensions = tuple(str(name) for name in config.markdown_extensions)
    return MarkdownSettings(extensions, dict(config.mdx_configs))


def state_from_config(config: MkDocsConfig, options: VictimInfoConfig) -> SiteState:
    """Facts, strings and the leaflet plan for one build of this configuration."""
    project = Project(Path(config.config_file_path).parent, cache_dir=options.cache_dir)
    state = load_state(project, options.facts_max_age_days, markdown_settings(config))
    settings = leaflet_settings(options)
    state = replace(state, leaflet_settings=settings, site_url=str(config.site_url or ""))
    state.leaflets = plan_leaflets(project.docs, state.catalog.languages, settings)
    return state


def load_site_state(
    project: Project, paper: str | None = None, print_shop: bool | None = None
) -> SiteState:
    """The state a build would load, without building (for leaflets alone, the benchmark)."""
    options = read_options(project.config_file)
    choose_paper(options, paper, print_shop)
    return state_from_config(load_site_config(project.config_file), options)
