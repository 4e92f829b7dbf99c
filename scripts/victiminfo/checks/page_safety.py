"""What a page must not carry to readers: markup in its front matter, invisible characters.

Material writes front-matter values such as the title into every page's navigation and into
attributes without escaping them, so a value may hold no tag, quote or character reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from victiminfo.content.page_text import PageText, read_markdown, split_page
from victiminfo.errors import ContentError, Problem
from victiminfo.model.invisible import invisible_problems
from victiminfo.rules import Rule

MARKUP = re.compile(r"[<>\"]|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


def page_safety_problems(page: PageText) -> list[Problem]:
    """Markup in any front-matter value, and invisible characters anywhere in the page."""
    return [*_markup_problems(page), *invisible_problems(page.path, page.text)]


def refuse_unsafe_page(path: Path) -> None:
    """For the build: raise ContentError if the page file at path is unsafe to publish."""
    if not path.is_file():  # a generated page, such as the status page
        return
    page = split_page(path, "", PurePosixPath(path.name), read_markdown(path))
    problems = page_safety_problems(page)
    if problems:
        raise ContentError(problems)


def _markup_problems(page: PageText) -> Iterator[Problem]:
    for key, value in page.meta.items():
        for text in _texts(value):
            found = MARKUP.search(text)
            if found is not None:
                yield _markup_problem(page, str(key), text, found.group())
                break


def _texts(value: Any) -> Iterator[str]:
    """Every text in a front-matter value, however deeply it is nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)


def _markup_problem(page: PageText, key: str, text: str, mark: str) -> Problem:
    return Problem(
        page.path,
        f"front matter: '{text}' has markup ({mark}), which the site would write "
        "unescaped into every page's navigation",
        rule=Rule.MARKUP_IN_FRONT_MATTER,
        line=page.key_line(key),
        field=key,
        hint='write plain text: no < > " or &...; (use typographic quotes ” ”)',
    )
