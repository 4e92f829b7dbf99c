"""Everything a site build needs, loaded once per build: facts, strings, policy, renderers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from victiminfo.checks.coverage import coverage_problems
from victiminfo.checks.file_size import file_size_problems
from victiminfo.checks.layout import layout_problems
from victiminfo.checks.symlinks import symlink_problems
from victiminfo.errors import ContentError
from victiminfo.gitrepo import GitRepo
from victiminfo.leaflets.plan import Leaflet, LeafletSettings
from victiminfo.model.catalog import Catalog, facts_of, load_catalog
from victiminfo.model.freshness import DEFAULT_MAX_AGE_DAYS, Policy
from victiminfo.model.languages import Language
from victiminfo.model.strings import UiStrings, load_strings
from victiminfo.project import Project, edition_date
from victiminfo.site.render import RenderContext
from victiminfo.site.templating import environment


@dataclass(frozen=True)
class MarkdownSettings:
    """The site's Markdown extensions (mkdocs.yml), so that a leaflet renders as its page does."""

    extensions: tuple[str, ...] = ()
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass
class SiteState:
    """Loaded data for one build, plus what the build learns page by page."""

    project: Project
    catalog: Catalog
    strings: dict[str, UiStrings]
    policy: Policy
    markdown: MarkdownSettings = field(default_factory=MarkdownSettings)
    leaflet_settings: LeafletSettings = field(default_factory=LeafletSettings)
    site_url: str = ""
    leaflets: list[Leaflet] = field(default_factory=list)
    fallbacks: dict[str, set[str]] = field(default_factory=dict)
    not_found: dict[str, str] = field(default_factory=dict)

    def language(self, code: str) -> Language:
        """The language with this code."""
        return self.catalog.languages.get(code)

    def render_context(self, code: str, medium: str = "web") -> RenderContext:
        """What the placeholder renderer needs for one language."""
        return RenderContext(
            self.catalog,
            self.strings[code],
            self.policy,
            environment(self.project.templates, medium),
        )

    def lang_root(self, code: str) -> str:
        """The URL prefix of a language's pages ('' for the default language)."""
        return "" if code == self.catalog.languages.default.code else f"{code}/"


def load_state(
    project: Project,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    markdown: MarkdownSettings | None = None,
) -> SiteState:
    """Load and check all data of a project."""
    refused = symlink_problems(project) + file_size_problems(project.docs)
    if refused:  # before reading anything a link could point to
        raise ContentError(refused)
    catalog = load_catalog(project.data)
    problems = layout_problems(project.docs, catalog.languages)
    problems += coverage_problems(project.docs, catalog.languages, _git(project))
    if problems:
        raise ContentError(problems)
    strings = load_strings(project.data / "ui", catalog.languages)
    edition = edition_date(project.root, fallback=_newest_check(catalog))
    policy = Policy(max_age_days, edition)
    return SiteState(project, catalog, strings, policy, markdown or MarkdownSettings())


def _git(project: Project) -> GitRepo | None:
    """The project's git checkout, if it is one (a downloaded copy is not)."""
    repo = GitRepo(project.root)
    return repo if repo.is_repo() else None


def _newest_check(catalog: Catalog) -> date:
    dates = [
        day
        for model in [*catalog.services.values(), *catalog.places.values()]
        for _, fact in facts_of(model)
        for day in (fact.seen, fact.verified.date if fact.verified else None)
        if day is not None
    ]
    return max(dates, default=date(2000, 1, 1))
