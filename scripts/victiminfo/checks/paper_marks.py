"""The editors' paper marks: `{: .web-only }` and `{: .print-only }` belong on a heading."""

from __future__ import annotations

import re

from victiminfo.content.markdown_outline import mask_code
from victiminfo.content.page_text import PageText
from victiminfo.errors import Problem
from victiminfo.leaflets.paper import MARKS
from victiminfo.rules import Rule

ATTR_LIST = re.compile(r"\{:?([^}]*)\}")
HEADING = re.compile(r"^#{1,6}\s")


def paper_mark_problems(page: PageText) -> list[Problem]:
    """One error per line that marks something other than a heading web-only or print-only.

    A mark says what a whole section is (issue #12); on a paragraph or a list item it would
    be shown or left out on its own, which an editor cannot see on either medium.
    """
    problems = []
    for number, line in enumerate(mask_code(page.text).splitlines(), start=1):
        marks = [mark for mark in _marks(line) if mark in MARKS]
        if marks and not HEADING.match(line):
            problems.append(_problem(page, number, marks[0]))
    return problems


def _marks(line: str) -> list[str]:
    """The classes set by the attribute lists of a line: '{: .web-only }' gives 'web-only'."""
    return [
        word[1:] for group in ATTR_LIST.findall(line) for word in group.split() if word[:1] == "."
    ]


def _problem(page: PageText, line: int, mark: str) -> Problem:
    return Problem(
        page.path,
        f"the mark '.{mark}' is not on a heading: it marks a whole section, from its heading "
        "to the next heading of the same level",
        rule=Rule.PAPER_MARK_NOT_ON_HEADING,
        line=line,
        hint=f"put '{{: .{mark} }}' at the end of the section's heading line, e.g. "
        f"'## Läs mer {{: .{mark} }}'",
    )
