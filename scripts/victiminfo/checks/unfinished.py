"""Pages still holding the TODO text that scripts/new writes: unfinished, never to be published."""

from __future__ import annotations

import re

from victiminfo.content.markdown_outline import mask_code
from victiminfo.content.page_text import PageText
from victiminfo.errors import Problem
from victiminfo.rules import Rule

TODO = re.compile(r"\bTODO\b")


def unfinished_problems(page: PageText) -> list[Problem]:
    """One error per line of the page (front matter included) that still says TODO."""
    problems = []
    for number, line in enumerate(mask_code(page.text).splitlines(), start=1):
        if TODO.search(line):
            problems.append(
                Problem(
                    page.path,
                    "this line still says TODO: the page is not finished",
                    rule=Rule.PAGE_SAYS_TODO,
                    line=number,
                    hint="write the text in plain language (scripts/new left TODO where "
                    "something is missing), or remove the line",
                )
            )
    return problems
