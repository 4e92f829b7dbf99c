"""Pages still holding the TODO text that scripts/new writes: unfinished, never to be published."""

from __future__ import annotations

import re

from .errors import Problem
from .page_text import PageText

TODO = re.compile(r"\bTODO\b")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def _masked(text: str) -> str:
    """The text with code blocks and code spans blanked out (same length, same lines)."""
    return CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def unfinished_problems(page: PageText) -> list[Problem]:
    """One error per line of the page (front matter included) that still says TODO."""
    problems = []
    for number, line in enumerate(_masked(page.text).splitlines(), start=1):
        if TODO.search(line):
            problems.append(
                Problem(
                    page.path,
                    "this line still says TODO: the page is not finished",
                    line=number,
                    hint="write the text in plain language (scripts/new left TODO where "
                    "something is missing), or remove the line",
                )
            )
    return problems
