"""Does the rights page cover every item of the EU Victims' Rights Directive, art. 4(1)?"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from victiminfo.errors import Problem
from victiminfo.model.languages import LanguageList
from victiminfo.rules import Rule

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


def missing_items(markdown: str) -> list[str]:
    """The directive items (letters) that have no marked section {#ratt-X} in the page."""
    found = set(SECTION.findall(markdown))
    return [letter for letter in ITEMS if letter not in found]


def coverage_problems(docs: Path, languages: LanguageList) -> list[Problem]:
    """One problem per missing item, per language whose rights page exists."""
    problems = []
    for code in languages.codes:
        path = docs / code / RIGHTS_PAGE
        if not path.exists():
            continue
        for letter in missing_items(path.read_text(encoding="utf-8")):
            problems.append(
                Problem(
                    path,
                    f"the rights page does not cover art. 4(1)({letter}) of the EU directive: "
                    f"{ITEMS[letter]}",
                    rule=Rule.RIGHTS_ITEM_MISSING,
                    hint=f"add a section whose heading ends with {{#ratt-{letter}}} (see docs/sv/"
                    f"{RIGHTS_PAGE})",
                )
            )
    return problems


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
