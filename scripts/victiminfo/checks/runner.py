"""Run every content check on a project and collect all problems (never stop at the first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import PurePosixPath
from typing import Any, TypeVar

from victiminfo.checks.config_safety import config_safety_problems
from victiminfo.checks.coverage import coverage_problems
from victiminfo.checks.fact_checks import AgeRule, fact_problems
from victiminfo.checks.file_size import file_size_problems
from victiminfo.checks.layout import layout_problems
from victiminfo.checks.links import ContentPage, SitePages, link_problems
from victiminfo.checks.markup_safety import markup_problems
from victiminfo.checks.navigation import nav_problems
from victiminfo.checks.page_facts import placeholder_fact_problems
from victiminfo.checks.page_safety import page_safety_problems
from victiminfo.checks.page_sources import page_source_problems
from victiminfo.checks.paper_marks import paper_mark_problems
from victiminfo.checks.parity import parity_problems
from victiminfo.checks.revisions import front_matter_problems, revision_problems
from victiminfo.checks.symlinks import symlink_problems
from victiminfo.checks.typed_facts import data_phones, typed_phone_problems
from victiminfo.checks.unfinished import unfinished_problems
from victiminfo.content.anchors import TocSettings, toc_settings
from victiminfo.content.markdown_outline import outline
from victiminfo.content.page_text import read_page_text
from victiminfo.content.pages import source_pages
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import GitRepo
from victiminfo.model.catalog import Catalog, load_catalog
from victiminfo.model.freshness import DEFAULT_MAX_AGE_DAYS
from victiminfo.model.languages import LanguageList, load_languages
from victiminfo.model.strings import load_strings
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.site.config import plugin_entry, validate_options
from victiminfo.site.mkdocs_config import read_raw_config

T = TypeVar("T")


@dataclass
class CheckReport:
    """What one run of the checks found, and how many files it read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def collect(self, step: Callable[[], T]) -> T | None:
        """Run a step; keep the problems of a ContentError and go on."""
        try:
            return step()
        except ContentError as exc:
            self.problems += exc.problems
            return None

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail the check."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are only reported."""
        return [p for p in self.problems if p.severity == "warning"]


def run_checks(project: Project, today: date, use_git: bool = True) -> CheckReport:
    """Check the data, the strings and every page of every language."""
    report = CheckReport(problems=symlink_problems(project))
    if report.problems:  # read nothing a link could point to (and the log would show)
        return report
    raw = report.collect(partial(read_raw_config, project.config_file)) or {}
    report.problems += config_safety_problems(project.config_file, raw)
    report.problems += file_size_problems(project.docs)
    catalog, languages = _check_data(project, raw, today, report)
    if languages is not None:  # without the language list, pages cannot be found
        _check_content(project, raw, languages, catalog, use_git, report)
    report.problems.sort(key=_order)
    return report


def _check_data(
    project: Project, raw: dict[str, Any], today: date, report: CheckReport
) -> tuple[Catalog | None, LanguageList | None]:
    """The data files, their cross-references and their facts' sources and dates."""
    report.files += 1 + sum(1 for _ in project.data.rglob("*.yml"))
    catalog = report.collect(partial(load_catalog, project.data))
    if catalog is None:
        return None, _languages_alone(project)
    rule = AgeRule(_max_age(project, raw, report), today)
    report.problems += report.collect(partial(fact_problems, catalog, rule)) or []
    return catalog, catalog.languages


def _check_content(
    project: Project,
    raw: dict[str, Any],
    languages: LanguageList,
    catalog: Catalog | None,
    use_git: bool,
    report: CheckReport,
) -> None:
    """The folders, strings, nav and pages of every language, and each translation."""
    repo = _repo(project, use_git, report)
    report.problems += layout_problems(project.docs, languages)
    report.problems += coverage_problems(project.docs, languages, repo)
    report.collect(partial(load_strings, project.data / "ui", languages))
    site = _read_pages(project, languages, toc_settings(raw), report)
    swedish = set(source_pages(project.docs, site.default))
    report.problems += nav_problems(project.config_file, raw, site.default, swedish)
    _check_pages(site, catalog, report)
    _check_translations(site, repo, report)


def _order(problem: Problem) -> tuple[str, int]:
    return (str(problem.path), problem.line or 0)


def _languages_alone(project: Project) -> LanguageList | None:
    """The language list when the rest of the data is broken (its problems are reported)."""
    try:
        return load_languages(project.data / "languages.yml")
    except ContentError:
        return None


def _max_age(project: Project, raw: dict[str, Any], report: CheckReport) -> int:
    """The plugin's facts_max_age_days (its options are checked as the build checks them)."""
    entry = report.collect(partial(plugin_entry, raw, project.config_file)) or {}
    options = report.collect(partial(validate_options, project.config_file, entry))
    return options.facts_max_age_days if options is not None else DEFAULT_MAX_AGE_DAYS


def _read_pages(
    project: Project, languages: LanguageList, toc: TocSettings, report: CheckReport
) -> SitePages:
    pages: dict[tuple[str, PurePosixPath], ContentPage] = {}
    for code in languages.codes:
        if not (project.docs / code).is_dir():
            continue
        for rel in source_pages(project.docs, code):
            report.files += 1
            text = report.collect(partial(read_page_text, project.docs, code, rel))
            if text is not None:
                pages[(code, rel)] = ContentPage(text, outline(text))
    return SitePages(project.docs, languages.default.code, pages, toc)


def _check_pages(site: SitePages, catalog: Catalog | None, report: CheckReport) -> None:
    phones = data_phones(catalog)
    for (code, rel), page in site.pages.items():
        report.problems += markup_problems(page.text.path, page.outline)
        report.problems += placeholder_fact_problems(page, catalog)
        source = site.pages.get((site.default, rel)) if code != site.default else None
        report.problems += front_matter_problems(
            page.text, translation=code != site.default, swedish=source.text if source else None
        )
        report.problems += unfinished_problems(page.text)
        report.problems += page_safety_problems(page.text)
        report.problems += paper_mark_problems(page.text)
        if code == site.default:  # a translation's numbers are compared with its source
            report.problems += typed_phone_problems(page, phones)
            if catalog is not None:
                report.problems += page_source_problems(page.text, catalog.sources)
    report.problems += link_problems(site)


def _repo(project: Project, use_git: bool, report: CheckReport) -> GitRepo | None:
    repo = GitRepo(project.root) if use_git else None
    if repo is not None and repo.is_repo():
        return repo
    report.problems.append(
        Problem(
            project.docs,
            "this is not a git checkout: the translations' source revisions cannot be checked",
            rule=Rule.NO_GIT_HISTORY,
            hint="run the check in a clone of the project's repository",
        )
    )
    return None


def _check_translations(site: SitePages, repo: GitRepo | None, report: CheckReport) -> None:
    for (code, rel), page in site.pages.items():
        if code == site.default:
            continue
        source = site.pages.get((site.default, rel))
        if source is None:
            if not (site.docs / site.default / rel).exists():
                report.problems.append(_no_source(site, page))
            continue
        report.problems += parity_problems(page, source)
        report.problems += revision_problems(page.text, source.text, repo)


def _no_source(site: SitePages, page: ContentPage) -> Problem:
    rel = page.text.rel.as_posix()
    return Problem(
        page.text.path,
        f"there is no Swedish page docs/{site.default}/{rel} for this translation",
        rule=Rule.TRANSLATION_WITHOUT_SOURCE,
        line=1,
        hint="a translation has the same path as its Swedish page: rename the file, "
        "or write the Swedish page first",
    )
