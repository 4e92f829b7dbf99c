"""Export a language's pages for a translation agency, and import the file it sends back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from victiminfo.content.page_text import read_page_text, split_front_matter
from victiminfo.content.segments import parse_inline, protected_parts, segment
from victiminfo.errors import ContentError, Problem, fail
from victiminfo.gitrepo import GitRepo
from victiminfo.model.languages import load_languages
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.translation.exchange import (
    TITLE,
    PagePlan,
    Planned,
    Returned,
    ReturnedPage,
    cut_page,
    for_review,
    plan_units,
    untouched,
)
from victiminfo.translation.meta import State
from victiminfo.translation.po import PoError, read_po, write_po
from victiminfo.translation.record import (
    Value,
    Work,
    checked_name,
    review_values,
    rewritten,
    swedish_revision,
    updated_values,
)
from victiminfo.translation.status import build_matrix, read_meta
from victiminfo.translation.xliff import XliffError, read_xliff, write_xliff

TO_DO = (State.missing, State.stale, State.machine)  # what a person still has to do


def export_plans(project: Project, repo: GitRepo, code: str, every: bool = False) -> list[PagePlan]:
    """A plan for each missing, stale and machine-translated page (every page with every=True)."""
    languages = load_languages(project.data / "languages.yml")
    source = languages.default.code
    if code not in languages.codes or code == source:
        others = ", ".join(c for c in languages.codes if c != source)
        raise fail(
            project.data / "languages.yml",
            f"'{code}' is not a language to translate into (use one of: {others})",
            rule=Rule.LANGUAGE_UNKNOWN,
        )
    matrix = build_matrix(project, repo)
    plans, problems = [], []
    for page in matrix.pages:
        state = matrix.state(page, code)
        if every or state in TO_DO:
            try:
                plans.append(_plan(project, repo, (source, code), page, state))
            except ContentError as exc:
                problems += exc.problems
    if problems:
        raise ContentError(problems)
    return plans


def _plan(
    project: Project, repo: GitRepo, langs: tuple[str, str], page: PurePosixPath, state: State
) -> PagePlan:
    source, code = langs
    sv = project.docs / source / page
    revision = swedish_revision(repo, sv)
    read_page_text(project.docs, source, page)  # front matter that is not YAML, with its line
    existing = existing_translation(project, repo, sv, code, page)
    return PagePlan(page, revision, state, offered(sv.read_text("utf-8"), existing))


@dataclass(frozen=True)
class Existing:
    """A translation as it is: its text, the Swedish it was made from, whether a machine made it.

    text is None when the page is not translated; then when the source revision is unknown.
    """

    text: str | None = None
    then: str | None = None
    machine: bool = False


def existing_translation(
    project: Project, repo: GitRepo, sv: Path, code: str, page: PurePosixPath
) -> Existing:
    """The translation of the Swedish page sv into code, as it is in the work tree."""
    target = project.docs / code / page
    if not target.is_file():
        return Existing()
    meta = read_meta(project, code, page)
    then = repo.file_at(meta.source_revision, sv) if meta and meta.source_revision else None
    return Existing(target.read_text("utf-8"), then, bool(meta and meta.machine_translation))


def offered(now: str, existing: Existing) -> list[Planned]:
    """The units of the Swedish text now, with the targets offered; machine text awaits review."""
    planned = plan_units(now, existing.text, existing.then)
    return for_review(planned) if existing.machine else planned


def export_text(
    project: Project, repo: GitRepo, code: str, fmt: str, every: bool = False
) -> tuple[str, int]:
    """The export file's text and the number of pages in it."""
    plans = export_plans(project, repo, code, every)
    source = load_languages(project.data / "languages.yml").default.code
    writer = write_xliff if fmt == "xliff" else write_po
    return writer(source, code, plans), len(plans)


# --- import ---------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: pages written, pages left as they were (and why)."""

    language: str = ""
    written: list[Path] = field(default_factory=list)
    unchanged: list[PurePosixPath] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    reviewed: list[PurePosixPath] = field(default_factory=list)  # machine text a person confirmed
    still_machine: list[PurePosixPath] = field(default_factory=list)  # not every block confirmed


def read_returned(path: Path) -> Returned:
    """Read an XLIFF (.xlf, .xliff) or PO (.po) file; errors name the file and line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(
            path, f"cannot read the file: {exc.strerror}", rule=Rule.FILE_UNREADABLE
        ) from None
    try:
        if path.suffix == ".po":
            return read_po(data.decode("utf-8"))
        return read_xliff(data)
    except (XliffError, PoError) as exc:
        hint = "correct the file, or ask for it to be saved again from the exported one"
        raise fail(
            path, str(exc), rule=Rule.EXCHANGE_FILE_INVALID, line=exc.line, hint=hint
        ) from None
    except UnicodeDecodeError:
        raise fail(
            path, "the file is not UTF-8 text", rule=Rule.FILE_UNREADABLE, hint="save it as UTF-8"
        ) from None


def import_file(project: Project, repo: GitRepo, path: Path, by: str | None) -> ImportReport:
    """Write the returned translations into docs/<lang>/; nothing is written if any is broken."""
    returned = read_returned(path)
    langs = _check_language(project, path, returned)
    try:
        name = checked_name(by or returned.translated_by or "")
    except ValueError:
        raise fail(
            path,
            "the file does not say who translated it",
            rule=Rule.EXCHANGE_TRANSLATOR_UNKNOWN,
            hint="add --by 'NAME' (a person or the agency), one line of text",
        ) from None
    report = ImportReport(langs[1])
    writes: dict[Path, str] = {}
    problems: list[Problem] = []
    for page in returned.pages:
        try:
            text = _import_page(project, repo, path, langs, page, Work(name), report)
        except ContentError as exc:
            problems += exc.problems
            continue
        if text is not None:
            writes[project.docs / langs[1] / page.page] = text
    if problems:
        raise ContentError(problems)
    for target, text in writes.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        report.written.append(target)
    return report


def _check_language(project: Project, path: Path, returned: Returned) -> tuple[str, str]:
    """(source, target) language codes of a returned file, when both belong to the site."""
    languages = load_languages(project.data / "languages.yml")
    code = returned.target_lang
    if code not in languages.codes or code == languages.default.code:
        raise fail(
            path,
            f"the file's target language '{code}' is not a language of this site",
            rule=Rule.EXCHANGE_LANGUAGE_WRONG,
            line=2,
        )
    if returned.source_lang and returned.source_lang != languages.default.code:
        raise fail(
            path,
            f"the file's source language is '{returned.source_lang}', "
            f"not '{languages.default.code}'",
            rule=Rule.EXCHANGE_LANGUAGE_WRONG,
            line=2,
        )
    return languages.default.code, code


def _import_page(
    project: Project,
    repo: GitRepo,
    path: Path,
    langs: tuple[str, str],
    page: ReturnedPage,
    work: Work,
    report: ImportReport,
) -> str | None:
    """The new text of one translated page, or None when there is nothing to write."""
    _check_page_path(path, page)
    source_code, code = langs
    sv = project.docs / source_code / page.page
    then = repo.file_at(page.revision, sv) if repo.revision_exists(page.revision) else None
    if then is None:
        raise fail(
            path,
            f"docs/{source_code}/{page.page} at revision '{page.revision}' "
            "is not in this repository",
            rule=Rule.REVISION_UNKNOWN,
            line=page.line,
            hint="import the file into the repository it was exported from",
        )
    existing = existing_translation(project, repo, sv, code, page.page)
    planned = offered(then, existing)
    targets = _targets(path, then, planned, page)
    if untouched(planned, {i: (u.target, u.confirmed) for i, u in page.units.items()}):
        report.unchanged.append(page.page)
        report.still_machine += [page.page] if existing.machine else []
        return None
    waiting = [
        p for p in planned if not targets.get(p.unit.id) or not page.units[p.unit.id].confirmed
    ]
    if waiting:
        report.skipped += [_waiting(path, page, p) for p in waiting]
        report.still_machine += [page.page] if existing.machine else []
        return None
    text, retitled = _rebuild(then, existing.text, targets)
    if existing.machine:
        report.reviewed.append(page.page)
        values = retitled | review_values(page.revision, work)
    else:
        values = retitled | updated_values(page.revision, work)
    return rewritten(project.docs / code / page.page, text, values)


def _check_page_path(path: Path, page: ReturnedPage) -> None:
    """A page must be a .md file inside the language folder: never '..' or an absolute path."""
    rel = page.page
    if rel.is_absolute() or ".." in rel.parts or rel.suffix != ".md" or not rel.parts:
        raise fail(
            path,
            f"'{rel}' is not a page of this site",
            rule=Rule.EXCHANGE_PAGE_INVALID,
            line=page.line,
            hint="keep the page names (original= or msgctxt) as they were exported",
        )


def _targets(path: Path, then: str, planned: list[Planned], page: ReturnedPage) -> dict[str, str]:
    """Each unit's returned target, after checking its source and its protected parts."""
    problems, targets = [], {}
    for p in planned:
        unit = page.units.get(p.unit.id)
        if unit is None:
            continue
        if unit.source != p.unit.text:
            problems.append(
                Problem(
                    path,
                    f"{page.page}, unit {unit.id}: the source text is not the Swedish text "
                    f"at revision {page.revision}",
                    rule=Rule.EXCHANGE_SOURCE_EDITED,
                    line=unit.line,
                    hint="do not edit the source; export the page again",
                )
            )
        elif unit.target:
            want, got = protected_parts(p.unit.nodes), protected_parts(parse_inline(unit.target))
            if want != got:
                problems.append(_lost(path, page, unit.id, unit.line, want, got))
            else:
                targets[p.unit.id] = unit.target
    for ident in structure_breakers(then, targets):
        problems.append(_breaks(path, page, ident, page.units[ident].line))
    if problems:
        raise ContentError(problems)
    return targets


def _lost(
    path: Path, page: ReturnedPage, ident: str, line: int, want: list[str], got: list[str]
) -> Problem:
    missing = [x for x in want if x not in got]
    extra = [x for x in got if x not in want]
    said = "; ".join(
        [
            f"lost {' '.join(missing)}" if missing else "",
            f"added or changed {' '.join(extra)}" if extra else "",
        ]
    ).strip("; ")
    return Problem(
        path,
        f"{page.page}, unit {ident}: the translation {said}",
        rule=Rule.EXCHANGE_PROTECTED_PART_CHANGED,
        line=line,
        hint="keep every link target and {{ placeholder }} of the source exactly once, unchanged",
    )


def _breaks(path: Path, page: ReturnedPage, ident: str, line: int) -> Problem:
    return Problem(
        path,
        f"{page.page}, unit {ident}: the translation changes the page's structure",
        rule=Rule.EXCHANGE_STRUCTURE_BROKEN,
        line=line,
        hint="write it as one block: no empty line, and no line that starts with #, -, > or |",
    )


def _waiting(path: Path, page: ReturnedPage, planned: Planned) -> Problem:
    unit = page.units.get(planned.unit.id)
    why = (
        "has no translation"
        if not (unit and unit.target)
        else "is not marked as translated (state initial, or fuzzy)"
    )
    return Problem(
        path,
        f"{page.page}, unit {planned.unit.id} ({planned.unit.kind}) {why}: "
        "the page was not imported",
        rule=Rule.EXCHANGE_UNIT_UNFINISHED,
        line=unit.line if unit else page.line,
    )


def _rebuild(
    then: str, translation: str | None, targets: dict[str, str]
) -> tuple[str, dict[str, Value]]:
    """The translated page's text (the Swedish structure with the targets) and its new title."""
    body = cut_page(then).body.join(targets)
    base = translation if translation is not None else then
    title = targets.get(TITLE)
    retitled: dict[str, Value] = {TITLE: title} if title not in (None, cut_page(base).title) else {}
    return split_front_matter(base).front + body, retitled


def structure_breakers(then: str, targets: dict[str, str]) -> list[str]:
    """The units whose target would change the page's blocks (a blank line, a leading #, -)."""
    source = cut_page(then).body
    bad = [i for i in targets if i == TITLE and "\n" in targets[i]]
    body = {i: t for i, t in targets.items() if i != TITLE}
    if segment(source.join(body)).skeleton == source.skeleton:
        return bad
    return bad + [
        i for i, t in body.items() if segment(source.join({i: t})).skeleton != source.skeleton
    ]
