"""The translation matrix as text (terminal table, pull-request Markdown, JSON) or a table view."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from victiminfo.translation.meta import State
from victiminfo.translation.status import Matrix


@dataclass(frozen=True)
class Look:
    """How one state is shown: a symbol (works without colour), a colour, and words."""

    symbol: str
    ansi: str
    english: str
    swedish: str
    meaning: str


LOOKS = {
    State.missing: Look("✗", "31", "missing", "saknas", "no translation yet; readers see Swedish"),
    State.stale: Look(
        "!", "33", "stale", "inaktuell", "the Swedish page changed since it was translated"
    ),
    State.machine: Look("m", "35", "machine", "maskin", "machine-translated, not yet reviewed"),
    State.current: Look(
        "✓", "32", "up to date", "aktuell", "translated by a person from the current Swedish"
    ),
    State.reviewed: Look("R", "1;32", "reviewed", "granskad", "up to date and reviewed"),
}
ORDER = (State.missing, State.stale, State.machine, State.current, State.reviewed)


def paint(text: str, state: State, colour: bool) -> str:
    """text in the state's colour, when colour is wanted."""
    return f"\033[{LOOKS[state].ansi}m{text}\033[0m" if colour else text


def terminal(matrix: Matrix, colour: bool) -> str:
    """A table for the terminal: one row per page, one column per language, then counts."""
    width = max([len(WORDS_DONE), *(len(str(p)) for p in matrix.pages)])
    col = max([3, *(len(str(w.left)) for w in matrix.words.values())])
    head = "page".ljust(width) + "".join(f" {code:>{col}}" for code in matrix.codes)
    rows = [head]
    for page in matrix.pages:
        cells = "".join(
            " " + paint(f"{LOOKS[s].symbol:>{col}}", s, colour)
            for s in (matrix.state(page, code) for code in matrix.codes)
        )
        rows.append(str(page).ljust(width) + cells)
    rows.append("")
    for state in ORDER:
        label = f"{LOOKS[state].symbol} {LOOKS[state].english}".ljust(width)
        counts = "".join(f" {matrix.counts(code)[state]:>{col}}" for code in matrix.codes)
        rows.append(paint(label, state, colour) + counts)
    rows += _word_rows(matrix, (width, col))
    return "\n".join([_header(matrix), "", *rows, "", legend(), *_notes(matrix)]) + "\n"


WORDS_DONE = "% words by a person"  # translated or reviewed by a person, of the Swedish words
WORDS_LEFT = "words left"  # to translate or review: missing, machine, changed blocks


def _word_rows(matrix: Matrix, widths: tuple[int, int]) -> list[str]:
    """Per language: the share of Swedish words a person translated or reviewed, words left."""
    if not matrix.words:
        return []
    width, col = widths
    percent = "".join(f" {matrix.words[c].percent:>{col}}" for c in matrix.codes)
    left = "".join(f" {matrix.words[c].left:>{col}}" for c in matrix.codes)
    return ["", WORDS_DONE.ljust(width) + percent, WORDS_LEFT.ljust(width) + left]


def _header(matrix: Matrix) -> str:
    revision = matrix.revision or "no git history"
    return (
        f"Translations of {len(matrix.pages)} Swedish pages into {len(matrix.codes)} "
        f"languages (revision {revision})"
    )


WORDS_MEANING = (
    "Words are the Swedish words of the pages (links and placeholders not counted). Left: "
    "those of missing pages, of machine translations and of the changed blocks of stale pages."
)


def legend() -> str:
    """One line per state: symbol, name, meaning; then what the word counts mean."""
    lines = [f"  {LOOKS[s].symbol}  {LOOKS[s].english}: {LOOKS[s].meaning}" for s in ORDER]
    return "\n".join([*lines, f"  {WORDS_MEANING}"])


def _notes(matrix: Matrix) -> list[str]:
    notes = [str(problem) for problem in matrix.problems]
    if not matrix.has_history:
        notes.append(
            "note: this folder is not a git checkout, so no translation can be shown as "
            "up to date (every existing translation counts as stale)"
        )
    return ["", *notes] if notes else []


def markdown(matrix: Matrix, changed: list[str] | None = None) -> str:
    """A pull-request comment: what changed, the matrix with a legend."""
    head = "| page | " + " | ".join(matrix.codes) + " |"
    rule = "|---|" + "---|" * len(matrix.codes)
    rows = [
        f"| `{page}` | "
        + " | ".join(LOOKS[matrix.state(page, code)].symbol for code in matrix.codes)
        + " |"
        for page in matrix.pages
    ]
    parts = ["### Translation status", "", *summary(matrix, changed), "", head, rule, *rows]
    if matrix.words:
        parts += [
            f"| **{WORDS_DONE}** | "
            + " | ".join(f"{matrix.words[c].percent} %" for c in matrix.codes)
            + " |",
            f"| **{WORDS_LEFT}** | "
            + " | ".join(str(matrix.words[c].left) for c in matrix.codes)
            + " |",
        ]
    keys = " · ".join(f"{LOOKS[s].symbol} {LOOKS[s].english}" for s in ORDER)
    parts += [
        "",
        f"Legend: {keys}. {WORDS_MEANING}",
        "",
        f"Revision: `{matrix.revision or 'none'}`.",
    ]
    parts += [f"- problem: `{p.path.name}`: {p.headline()}" for p in matrix.problems]
    return "\n".join(parts) + "\n"


def summary(matrix: Matrix, changed: list[str] | None = None) -> list[str]:
    """Short bullet points: changed files, pages whose translations are stale or missing."""
    lines = changes(changed) if changed is not None else []
    for page in matrix.pages:
        stale = _codes_in(matrix, page, State.stale)
        missing = _codes_in(matrix, page, State.missing)
        if stale:
            lines.append(f"- `{page}` changed since it was translated into {stale}")
        if missing:
            lines.append(f"- `{page}` is not translated into {missing}")
    machine = [c for c in matrix.codes if matrix.counts(c)[State.machine]]
    if machine:
        lines.append(
            "- Machine translations no person has reviewed: "
            + ", ".join(f"{c} ({matrix.counts(c)[State.machine]})" for c in machine)
        )
    return lines or ["- Every page is translated by a person from the current Swedish text."]


def changes(changed: list[str]) -> list[str]:
    """Changed files under docs/, grouped: Swedish pages, translations per language, data."""
    groups: dict[str, list[str]] = {}
    for name in changed:
        parts = PurePosixPath(name).parts
        key = parts[1] if len(parts) > 2 else "other"
        groups.setdefault(key, []).append(PurePosixPath(*parts[2:]).as_posix())
    if not groups:
        return ["- No file under docs/ changed."]
    lines = []
    if "sv" in groups:
        lines.append("- Swedish pages changed: " + ", ".join(f"`{p}`" for p in groups.pop("sv")))
    if "_data" in groups:
        lines.append("- Data changed: " + ", ".join(f"`{p}`" for p in groups.pop("_data")))
    others = ", ".join(f"{code} ({len(files)})" for code, files in sorted(groups.items()))
    if others:
        lines.append(f"- Translated pages changed: {others}")
    return lines


def _codes_in(matrix: Matrix, page: PurePosixPath, state: State) -> str:
    return ", ".join(c for c in matrix.codes if matrix.state(page, c) == state)


def as_json(matrix: Matrix) -> str:
    """The matrix as JSON: revision, languages, state per page and language, counts."""
    data = {
        "revision": matrix.revision,
        "languages": matrix.codes,
        "pages": {
            str(page): {code: matrix.state(page, code).value for code in matrix.codes}
            for page in matrix.pages
        },
        "counts": {
            code: {s.value: n for s, n in matrix.counts(code).items()} for code in matrix.codes
        },
        "words": {
            code: {"source": w.source, "left": w.left, "percent": w.percent}
            for code, w in matrix.words.items()
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class TableRow:
    """One page in the site's status table: its link, and its state in words per language."""

    page: PurePosixPath
    url: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """What the translation-matrix component shows: languages, pages, translations done."""

    codes: tuple[str, ...]
    rows: tuple[TableRow, ...]
    done: tuple[int, ...]
    total: int
    percent: tuple[int, ...] = ()  # of the Swedish words, translated or reviewed by a person
    left: tuple[int, ...] = ()  # words a person must still translate or review


def site_table(matrix: Matrix, page_url: dict[PurePosixPath, str]) -> Table:
    """The matrix for the site's status page, each state in Swedish words, counts per language."""
    rows = tuple(
        TableRow(
            page,
            page_url[page],
            tuple(LOOKS[matrix.state(page, code)].swedish for code in matrix.codes),
        )
        for page in matrix.pages
    )
    done = tuple(_done(matrix, code) for code in matrix.codes)
    words = [matrix.words[code] for code in matrix.codes if code in matrix.words]
    return Table(
        tuple(matrix.codes),
        rows,
        done,
        len(matrix.pages),
        tuple(w.percent for w in words),
        tuple(w.left for w in words),
    )


def _done(matrix: Matrix, code: str) -> int:
    counts = matrix.counts(code)
    return counts[State.current] + counts[State.reviewed]
