"""Build every leaflet: plan, compose, check glyphs, render (cached), and report drafts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from victiminfo.errors import ContentError, Problem
from victiminfo.leaflets.card import card_jobs
from victiminfo.leaflets.compose import LeafletDocument, compose
from victiminfo.leaflets.fonts import covered_characters, describe, font_files, missing_characters
from victiminfo.leaflets.impose import impose_all, print_files
from victiminfo.leaflets.pdf import Job, Overflow, render_all
from victiminfo.leaflets.plan import Leaflet, plan_leaflets
from victiminfo.model.languages import Language
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.site.loading import load_site_state
from victiminfo.site.state import SiteState

Progress = Callable[[int, int], None]  # (leaflets done, leaflets in all)


@dataclass(frozen=True)
class LeafletReport:
    """What the leaflet step did."""

    documents: tuple[LeafletDocument, ...]
    rendered: int

    @property
    def drafts(self) -> list[LeafletDocument]:
        """Leaflets printed with the DRAFT mark."""
        return [d for d in self.documents if d.doubts]


def build_leaflets(
    project: Project,
    out: Path,
    *,
    state: SiteState | None = None,
    progress: Progress | None = None,
) -> LeafletReport:
    """Render every planned leaflet into out/leaflets/, telling progress how far it is.

    The site build's state is used when given, so that facts are loaded once per build and
    the leaflets are made on the paper its pages link (issue #12).
    """
    state = state or load_site_state(project)
    documents, jobs = leaflet_jobs(project, out, state=state)
    jobs += card_jobs([doc.leaflet for doc in documents], out, state)
    rendered, overflows = render_all(
        jobs, state.project.cache, font_files(), progress or _no_progress
    )
    if overflows:
        raise ContentError(_overflow_problems(overflows, documents, out, state))
    impose_all(print_files(documents, out, state), state.project.cache / "a4")
    return LeafletReport(tuple(documents), rendered)


def leaflet_jobs(
    project: Project, out: Path, *, state: SiteState | None = None
) -> tuple[list[LeafletDocument], list[Job]]:
    """Every planned leaflet composed and checked, with the WeasyPrint job that renders it."""
    state = state or load_site_state(project)
    plan = plan_leaflets(project.docs, state.catalog.languages, state.leaflet_settings)
    documents = [
        compose(
            leaflet,
            state,
            state.site_url,
            state.strings[leaflet.code].t("site_name"),
            _languages_of(leaflet.page, plan, state),
        )
        for leaflet in plan
    ]
    _check_glyphs(documents, font_files(), state)
    return documents, [_job(doc, out, state) for doc in documents]


def _job(doc: LeafletDocument, out: Path, state: SiteState) -> Job:
    settings = state.leaflet_settings
    folder = state.project.templates / "leaflets"
    sheets = [folder / "leaflet.css", folder / f"paper-{settings.paper}.css"]
    if settings.print_shop:
        sheets.append(folder / "print-shop.css")
    output = out / doc.leaflet.output
    return Job(doc.html, tuple(sheets), folder.as_uri() + "/", output, doc.leaflet.pages, doc.notes)


def _languages_of(
    page: PurePosixPath, plan: list[Leaflet], state: SiteState
) -> tuple[Language, ...]:
    """The languages a page's leaflet exists in, in the site's order (for a booklet's cover)."""
    codes = {leaflet.code for leaflet in plan if leaflet.page == page}
    return tuple(lang for lang in state.catalog.languages.languages if lang.code in codes)


def _overflow_problems(
    overflows: list[Overflow], documents: list[LeafletDocument], out: Path, state: SiteState
) -> list[Problem]:
    """One problem per leaflet that does not fit: which, in what language, and by how much."""
    by_output = {out / doc.leaflet.output: doc.leaflet for doc in documents}
    problems = []
    for overflow in overflows:
        leaflet = by_output[overflow.output]
        lang = state.language(leaflet.code)
        long = overflow.too_long
        problems.append(
            Problem(
                state.project.docs / leaflet.code / leaflet.page,
                f"leaflet {leaflet.output} ({lang.english_name}) does not fit its "
                f"{long.target} pages: at {long.size:g} pt, the smallest size, it needs "
                f"{long.pages}, {long.pages - long.target} more",
                rule=Rule.LEAFLET_TOO_LONG,
                hint="shorten the page (or a page appended to it), or mark a section web-only "
                "with {: .web-only } on its heading",
            )
        )
    return problems


def _check_glyphs(documents: list[LeafletDocument], fonts: list[Path], state: SiteState) -> None:
    covered = covered_characters(tuple(fonts))
    problems = []
    for doc in documents:
        missing = missing_characters(doc.text, covered)
        if missing:
            lang = state.language(doc.leaflet.code)
            problems.append(
                Problem(
                    state.project.docs / doc.leaflet.code / doc.leaflet.page,
                    f"leaflet {doc.leaflet.output} ({lang.english_name}): no font has "
                    + ", ".join(describe(c) for c in missing[:5]),
                    rule=Rule.FONT_LACKS_CHARACTER,
                    hint="replace the character, or add a font that has it to overrides/leaflets/"
                    "leaflet.css and scripts/victiminfo/leaflets/fonts.py",
                )
            )
    if problems:
        raise ContentError(problems)


def _no_progress(done: int, total: int) -> None:
    """Progress nobody watches."""
