"""Build every leaflet: plan, key by inputs, make what changed in workers, report drafts.

A leaflet whose inputs (inputs.py) are unchanged is copied from the cache without being
composed or rendered. The rest are made by render workers (workers.py) that start as soon as
the plan is known, so that they render while the site is built (issue #15).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from victiminfo.errors import ContentError, Problem
from victiminfo.leaflets.cache import Record, mark_used, pdf_path, prune, read_record
from victiminfo.leaflets.card import card_jobs
from victiminfo.leaflets.compose import LeafletDocument
from victiminfo.leaflets.fonts import font_files
from victiminfo.leaflets.impose import impose_all, print_files
from victiminfo.leaflets.inputs import leaflet_keys
from victiminfo.leaflets.make import (
    Context,
    Task,
    compose_leaflet,
    glyph_problems,
    leaflet_job,
    make_card,
    make_leaflet,
)
from victiminfo.leaflets.pdf import Job
from victiminfo.leaflets.plan import Leaflet, LeafletSettings, plan_leaflets
from victiminfo.leaflets.print_files import has_print_files
from victiminfo.leaflets.workers import Workers, cores
from victiminfo.project import Project
from victiminfo.site.loading import load_site_state
from victiminfo.site.state import SiteState

Progress = Callable[[int, int], None]  # (leaflets done, leaflets in all)


@dataclass(frozen=True)
class LeafletReport:
    """What the leaflet step did (an unchanged leaflet's document has only title and doubts)."""

    documents: tuple[LeafletDocument, ...]
    rendered: int

    @property
    def drafts(self) -> list[LeafletDocument]:
        """Leaflets printed with the DRAFT mark."""
        return [d for d in self.documents if d.doubts]


class LeafletRun:
    """The leaflets of one build, from the plan to the files in the site.

    Started before the site build (its workers render meanwhile), finished after it; as a
    context manager it stops the workers when the site build fails.
    """

    def __init__(
        self,
        state: SiteState,
        settings: LeafletSettings,
        fonts: tuple[Path, ...],
        only: frozenset[str] | None = None,
    ) -> None:
        """only: the languages whose leaflets this build makes (a shard's); None: every one.
        The language cards go with the source language."""
        self.state, self.settings = state, settings
        whole = plan_leaflets(state.project.docs, state.catalog.languages, settings)
        self.languages = languages_by_page(whole)  # a booklet's cover names every language
        self.plan = [leaflet for leaflet in whole if only is None or leaflet.code in only]
        self.keys = leaflet_keys(state, self.plan, settings, fonts, self.languages)
        cache = state.project.cache
        cache.mkdir(parents=True, exist_ok=True)
        self.records: dict[PurePosixPath, Record] = {}
        todo = []
        for leaflet in self.plan:
            record = read_record(cache, self.keys[leaflet])
            if record is None:
                todo.append(leaflet)
            else:
                self.records[leaflet.output] = record
        with_cards = only is None or state.catalog.languages.default.code in only
        cards = card_jobs(whole, Path(), state) if with_cards else []
        self.cards = [(job, job.key(fonts)) for job in cards]
        new_cards = [(job, key) for job, key in self.cards if not pdf_path(cache, key).exists()]
        self.rendered = len(todo)  # leaflets (the report counts them, not the cards)
        self.pending = len(todo) + len(new_cards)
        self.workers = Workers(Context(state, fonts), self.pending)
        for leaflet in todo:
            self.workers.submit(make_leaflet, self._task(leaflet))
        for job, key in new_cards:
            self.workers.submit(make_card, job, key)

    @property
    def busy(self) -> bool:
        """Whether its workers take every core (the site is then built in one process)."""
        return self.workers.processes >= cores()

    def _task(self, leaflet: Leaflet) -> Task:
        rtl = self.state.language(leaflet.code).dir == "rtl"
        languages, key = self.languages[leaflet.page], self.keys[leaflet]
        return Task(leaflet, key, languages, self.settings, has_print_files(self.settings), rtl)

    def finish(self, out: Path, progress: Progress) -> LeafletReport:
        """Wait for the workers, then write every leaflet, card and print file into out."""
        total = len(self.plan) + len(self.cards)
        done = total - self.pending
        progress(done, total)
        problems: list[Problem] = []
        try:
            for made in self.workers.results():
                done += 1
                progress(done, total)
                problems += made.problems
                if made.record is not None:
                    self.records[made.output] = made.record
        finally:
            self.close()
        if problems:
            raise ContentError(sorted(problems, key=lambda p: (str(p.path), p.message)))
        return self._write(out)

    def _write(self, out: Path) -> LeafletReport:
        cache = self.state.project.cache
        copies = [(self.keys[leaflet], leaflet.output) for leaflet in self.plan]
        copies += [(key, PurePosixPath(job.output.as_posix())) for job, key in self.cards]
        for key, output in copies:
            (out / output).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf_path(cache, key), out / output)
        documents = [self._document(leaflet) for leaflet in self.plan]
        files = print_files(documents, out, self.state, self.settings)
        sheets = impose_all(files, cache / "a4")  # imposed by the workers: copies from the cache
        used = [pdf_path(cache, key) for key, _ in copies]
        mark_used([*used, *(p.with_suffix(".json") for p in used), *sheets])
        prune(cache)
        return LeafletReport(tuple(documents), self.rendered)

    def _document(self, leaflet: Leaflet) -> LeafletDocument:
        record = self.records[leaflet.output]
        return LeafletDocument(leaflet, record.title, "", "", record.doubts)

    def close(self) -> None:
        """Stop the workers (work not started is dropped)."""
        self.workers.close()

    def __enter__(self) -> LeafletRun:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def start_leaflets(
    state: SiteState,
    *,
    paper: str | None = None,
    print_shop: bool | None = None,
    only: frozenset[str] | None = None,
) -> LeafletRun:
    """Plan the leaflets, find the changed ones by their inputs and start making them
    (only: the languages of a shard)."""
    settings = effective_settings(state, paper, print_shop)
    fonts = tuple(font_files(state.catalog.languages.print_families))
    return LeafletRun(state, settings, fonts, only)


def build_leaflets(
    project: Project,
    out: Path,
    *,
    paper: str | None = None,
    print_shop: bool | None = None,
    state: SiteState | None = None,
    progress: Progress | None = None,
) -> LeafletReport:
    """Make every planned leaflet into out/leaflets/, telling progress how far it is.

    The site build's state is used when given, so that facts are loaded once per build.
    """
    state = state or load_site_state(project)
    with start_leaflets(state, paper=paper, print_shop=print_shop) as run:
        return run.finish(out, progress or _no_progress)


def leaflet_jobs(
    project: Project,
    out: Path,
    *,
    paper: str | None = None,
    print_shop: bool | None = None,
    state: SiteState | None = None,
) -> tuple[list[LeafletDocument], list[Job]]:
    """Every planned leaflet composed and checked, with the WeasyPrint job that renders it
    (in this process: for the benchmark and tests, which look at the HTML)."""
    state = state or load_site_state(project)
    settings = effective_settings(state, paper, print_shop)
    plan = plan_leaflets(project.docs, state.catalog.languages, settings)
    languages = languages_by_page(plan)
    documents = [compose_leaflet(leaflet, state, languages[leaflet.page]) for leaflet in plan]
    problems = glyph_problems(documents, font_files(state.catalog.languages.print_families), state)
    if problems:
        raise ContentError(problems)
    jobs = [leaflet_job(doc, out / doc.leaflet.output, settings, state) for doc in documents]
    return documents, jobs


def effective_settings(
    state: SiteState, paper: str | None, print_shop: bool | None
) -> LeafletSettings:
    """mkdocs.yml's leaflet settings, with the command line's --paper and --print-shop."""
    overrides = {"paper": paper, "print_shop": print_shop}
    return state.leaflet_settings.model_copy(
        update={k: v for k, v in overrides.items() if v is not None}
    )


def languages_by_page(plan: list[Leaflet]) -> dict[PurePosixPath, tuple[str, ...]]:
    """The codes each page's leaflet exists in, in the plan's (the site's) order."""
    found: dict[PurePosixPath, list[str]] = {}
    for leaflet in plan:
        found.setdefault(leaflet.page, []).append(leaflet.code)
    return {page: tuple(codes) for page, codes in found.items()}


def _no_progress(done: int, total: int) -> None:
    """Progress nobody watches."""
