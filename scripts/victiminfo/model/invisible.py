"""Characters that make text read otherwise than it is: bidi controls, zero-width characters."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from victiminfo.errors import Problem
from victiminfo.rules import Rule

# Bidi embeddings, overrides and isolates (U+202E turns '112' into '211' on screen), the
# zero-width space, word joiner and a byte-order mark inside the text; the zero-width
# (non-)joiner only next to a digit: Persian and other scripts need it between letters.
INVISIBLE = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
    "|(?<=[0-9])[\u200c\u200d]|[\u200c\u200d](?=[0-9])"
)


def invisible_problems(path: Path, text: str, first_line: int = 1) -> list[Problem]:
    """One problem for each line of text with an invisible character, naming it."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        found = INVISIBLE.search(line)
        if found is not None:
            problems.append(invisible_problem(path, found.group(), number))
    return problems


def invisible_problem(path: Path, char: str, line: int | None) -> Problem:
    """The problem for one invisible character on a line."""
    name = unicodedata.name(char, "UNKNOWN")
    return Problem(
        path,
        f"the text has an invisible character U+{ord(char):04X} {name}, "
        "which makes it read otherwise than it is",
        rule=Rule.INVISIBLE_CHARACTER,
        line=line,
        hint="delete it (retype the line if you cannot see where it is)",
    )
