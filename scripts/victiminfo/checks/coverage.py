"""Does the rights page explain every item of the EU Victims' Rights Directive's art. 4(1)?

An item is covered by a section whose heading ends with {#ratt-X}. It has substance when it
explains the right in prose of its own (issue #16): a section that only points elsewhere
("ask the police", a list of links, "you have the right to know ...") fails. Substance is
measured in words of prose (content/prose.py: links and placeholders count for nothing), so
the measure is the same in every script:

- the Swedish section has at least MIN_WORDS words;
- a translated section has at least MIN_SHARE of the words of the Swedish section it was
  translated from (the Swedish page at the translation's source_revision), so that a stale
  translation is measured against the text it translates, not against a newer, longer one.
  Without git, or without a known revision, only the items are checked for a translation.

The share leaves room for languages that say the same in fewer words: the translations of
2026-12 have from 0.65 (Turkish) to 1.4 (Persian) of the Swedish words, section by section.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from victiminfo.content.markdown_outline import outline
from victiminfo.content.page_text import PageText, read_page_text, split_page
from victiminfo.content.prose import prose_words
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import GitRepo
from victiminfo.model.languages import LanguageList
from victiminfo.rules import Rule
from victiminfo.translation.meta import parse_meta

RIGHTS_PAGE = PurePosixPath("dina-rattigheter.md")
ITEMS = {
    "a": "the support available and from whom",
    "b": "how to report a crime and the victim's role",
    "c": "how to get protection",
    "d": "legal advice and legal aid",
    "e": "compensation",
    "f": "interpretation and translation",
    "g": "special measures for residents of another EU state",
    "h": "how to complain if rights are not respected",
    "i": "contact details for communications about the case",
    "j": "restorative justice (medling)",
    "k": "reimbursement of expenses",
}
SECTION = re.compile(r"\{#ratt-([a-z])\}")
SECTION_ID = re.compile(r"ratt-([a-z])")
MIN_WORDS = 40  # a pointer sentence and a "you have the right to know" sentence are 20-37
MIN_SHARE = 0.5


@dataclass(frozen=True)
class Section:
    """One item's section of a rights page: its heading's line and its words of prose."""

    letter: str
    line: int
    words: int


def missing_items(markdown: str) -> list[str]:
    """The directive items (letters) that have no marked section {#ratt-X} in the page."""
    found = set(SECTION.findall(markdown))
    return [letter for letter in ITEMS if letter not in found]


def rights_sections(page: PageText) -> dict[str, Section]:
    """Each item's section: from its {#ratt-X} heading to the next heading of its level."""
    headings = outline(page).headings
    lines = page.text.split("\n")
    sections = {}
    for n, heading in enumerate(headings):
        match = SECTION_ID.fullmatch(heading.explicit_id or "")
        if match is None or match.group(1) not in ITEMS:
            continue
        end = next((h.line for h in headings[n + 1 :] if h.level <= heading.level), len(lines) + 1)
        text = "\n".join(lines[heading.line : end - 1])
        sections[match.group(1)] = Section(match.group(1), heading.line, prose_words(text))
    return sections


def words_needed(letter: str, reference: Mapping[str, Section] | None) -> int:
    """The words a section needs: MIN_WORDS, or MIN_SHARE of its Swedish section's."""
    if reference is None:
        return MIN_WORDS
    source = reference.get(letter)
    return math.ceil(MIN_SHARE * source.words) if source else 0


def thin_sections(
    sections: Mapping[str, Section], reference: Mapping[str, Section] | None
) -> list[tuple[Section, int]]:
    """The sections with fewer words of prose than they need, each with what it needs."""
    return [
        (section, needed)
        for section in sections.values()
        if section.words < (needed := words_needed(section.letter, reference))
    ]


def coverage_problems(
    docs: Path, languages: LanguageList, repo: GitRepo | None = None
) -> list[Problem]:
    """Per language whose rights page exists: each missing item, each section without substance.

    repo: the git checkout, to read the Swedish page each translation was made from.
    """
    problems = []
    for code in languages.codes:
        path = docs / code / RIGHTS_PAGE
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        problems += [_missing(path, letter) for letter in missing_items(text)]
        problems += _substance(docs, code, languages.default.code, repo)
    return problems


def _substance(docs: Path, code: str, default: str, repo: GitRepo | None) -> list[Problem]:
    """The sections of one language's rights page that have too little prose."""
    try:
        page = read_page_text(docs, code, RIGHTS_PAGE)
    except ContentError:
        return []  # the page checks report a page that cannot be read
    revision, reference = None, None
    if code != default:
        known = _source_sections(docs / default / RIGHTS_PAGE, page, repo)
        if known is None:
            return []
        revision, reference = known
    thin = thin_sections(rights_sections(page), reference)
    return [_thin(page, section, needed, revision) for section, needed in thin]


def _source_sections(
    source: Path, page: PageText, repo: GitRepo | None
) -> tuple[str, dict[str, Section]] | None:
    """The revision and sections of the Swedish page a translation was made from, if known."""
    try:
        revision = parse_meta(page).source_revision
    except ContentError:
        return None  # reported by the translation checks
    text = repo.file_at(revision, source) if repo and revision else None
    if revision is None or text is None:
        return None
    then = split_page(source, "", RIGHTS_PAGE, text.replace("\r\n", "\n"))
    return revision, rights_sections(then)


def _missing(path: Path, letter: str) -> Problem:
    return Problem(
        path,
        f"the rights page does not cover art. 4(1)({letter}) of the EU directive: {ITEMS[letter]}",
        rule=Rule.RIGHTS_ITEM_MISSING,
        hint=f"add a section whose heading ends with {{#ratt-{letter}}} (see docs/sv/"
        f"{RIGHTS_PAGE})",
    )


def _thin(page: PageText, section: Section, needed: int, revision: str | None = None) -> Problem:
    what = f"art. 4(1)({section.letter}) ({ITEMS[section.letter]})"
    if revision is None:
        measure = f"at least {needed} are needed"
        hint = (
            "say what the right is and how to use it, with a concrete next step, in sentences "
            "of your own: links, phone numbers and 'ask the police' do not explain a right"
        )
    else:
        measure = f"at least {needed} are needed: half of the Swedish section's, at {revision[:12]}"
        hint = (
            "translate the whole Swedish section (scripts/status --diff shows it); "
            "do not shorten it to a pointer"
        )
    return Problem(
        page.path,
        f"the section on {what} has {section.words} words of prose, {measure}: it points "
        "elsewhere instead of explaining the right",
        rule=Rule.RIGHTS_ITEM_WITHOUT_SUBSTANCE,
        line=section.line,
        hint=hint,
    )


def coverage_summary(docs: Path, languages: LanguageList) -> dict[str, str]:
    """Per language: 'complete', 'missing (a, c)', or 'not translated' (Swedish is shown)."""
    out = {}
    for code in languages.codes:
        path = docs / code / RIGHTS_PAGE
        if not path.exists():
            out[code] = "not translated (the Swedish page is shown)"
            continue
        missing = missing_items(path.read_text(encoding="utf-8"))
        out[code] = "complete" if not missing else f"missing ({', '.join(missing)})"
    return out
