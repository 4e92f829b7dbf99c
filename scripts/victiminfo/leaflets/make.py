"""Make one leaflet: compose it, check its glyphs, render it and its print file into the cache."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from victiminfo.errors import ContentError, Problem
from victiminfo.leaflets.cache import Record, pdf_path, write_record
from victiminfo.leaflets.compose import LeafletDocument, compose
from victiminfo.leaflets.fit import TooLong
from victiminfo.leaflets.fonts import covered_characters, describe, missing_characters
from victiminfo.leaflets.impose import impose_cached
from victiminfo.leaflets.inputs import LEAFLETS, stylesheet_names
from victiminfo.leaflets.pdf import Job, render_one
from victiminfo.leaflets.plan import Leaflet, LeafletSettings
from victiminfo.rules import Rule
from victiminfo.site.state import SiteState


@dataclass(frozen=True)
class Context:
    """What every leaflet of a build is made with: the loaded state and the fonts."""

    state: SiteState
    fonts: tuple[Path, ...]


@dataclass(frozen=True)
class Task:
    """One leaflet to make: which, under what key, in which languages its page exists."""

    leaflet: Leaflet
    key: str
    languages: tuple[str, ...]
    settings: LeafletSettings
    print_file: bool  # whether an A4 print file is imposed from it
    rtl: bool


@dataclass(frozen=True)
class Made:
    """What making a leaflet (or a card) gave: its record, or the problems that stop the build."""

    output: PurePosixPath
    record: Record | None
    problems: tuple[Problem, ...] = ()


def make_leaflet(ctx: Context, task: Task) -> Made:
    """Compose, check and render one leaflet into the cache under its key (nothing on a problem).

    The record is written last: a leaflet in the cache passed every check of its inputs.
    """
    state, leaflet = ctx.state, task.leaflet
    try:
        doc = compose_leaflet(leaflet, state, task.languages)
    except ContentError as exc:
        return Made(leaflet.output, None, tuple(exc.problems))
    problems = glyph_problems([doc], ctx.fonts, state)
    if problems:
        return Made(leaflet.output, None, tuple(problems))
    cache = state.project.cache
    target = pdf_path(cache, task.key)
    rendered = render_one(
        leaflet_job(doc, Path(leaflet.output), task.settings, state), target, cache / "fit"
    )
    if rendered.too_long is not None:
        return Made(leaflet.output, None, (too_long_problem(leaflet, rendered.too_long, state),))
    if task.print_file:
        impose_cached(target, task.rtl, cache / "a4")
    record = Record(doc.title, doc.doubts)
    write_record(cache, task.key, record)
    return Made(leaflet.output, record)


def make_card(ctx: Context, job: Job, key: str) -> Made:
    """Render one station's language card into the cache (its HTML is its key).

    job.output: the card's place in the site (relative), e.g. leaflets/cards/orter-x.pdf.
    """
    cache, output = ctx.state.project.cache, PurePosixPath(job.output.as_posix())
    rendered = render_one(job, pdf_path(cache, key), cache / "fit")
    if rendered.too_long is None:
        return Made(output, Record(output.stem, ()))
    problem = Problem(
        ctx.state.project.config_file,
        f"the language card {output} does not fit its one page: it needs {rendered.too_long.pages}",
        rule=Rule.LEAFLET_TOO_LONG,
        hint="shorten the station page's title in the languages with the longest ones",
    )
    return Made(output, None, (problem,))


def compose_leaflet(
    leaflet: Leaflet, state: SiteState, languages: Sequence[str]
) -> LeafletDocument:
    """A leaflet's document; languages: the codes its page exists in (a booklet's cover)."""
    shown = tuple(lang for lang in state.catalog.languages.languages if lang.code in languages)
    site_name = state.strings[leaflet.code].t("site_name")
    return compose(leaflet, state, state.site_url, site_name, shown)


def leaflet_job(
    doc: LeafletDocument, output: Path, settings: LeafletSettings, state: SiteState
) -> Job:
    """The WeasyPrint job of a composed leaflet: its stylesheets for the paper, where it goes."""
    folder = state.project.templates / LEAFLETS
    sheets = tuple(folder / name for name in stylesheet_names(settings))
    return Job(doc.html, sheets, folder.as_uri() + "/", output, doc.leaflet.pages, doc.notes)


def glyph_problems(
    documents: Sequence[LeafletDocument], fonts: Sequence[Path], state: SiteState
) -> list[Problem]:
    """One problem per leaflet with a character no font has (it would print an empty box)."""
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
                    hint="replace the character, or add a font that has it to the language's "
                    "print_fonts in docs/_data/languages.yml",
                )
            )
    return problems


def too_long_problem(leaflet: Leaflet, long: TooLong, state: SiteState) -> Problem:
    """A leaflet that does not fit its pages: which, in what language, and by how much."""
    lang = state.language(leaflet.code)
    return Problem(
        state.project.docs / leaflet.code / leaflet.page,
        f"leaflet {leaflet.output} ({lang.english_name}) does not fit its "
        f"{long.target} pages: at {long.size:g} pt, the smallest size, it needs "
        f"{long.pages}, {long.pages - long.target} more",
        rule=Rule.LEAFLET_TOO_LONG,
        hint="shorten the page (or a page appended to it), or mark a section web-only "
        "with {: .web-only } on its heading",
    )
