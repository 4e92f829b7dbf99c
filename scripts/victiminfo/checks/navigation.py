"""The nav of mkdocs.yml: every entry names a Swedish page, and every Swedish page is in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from victiminfo.errors import Problem
from victiminfo.rules import Rule

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def nav_pages(nav: Any) -> Iterator[str]:
    """Every page path in a nav tree (other sites' addresses left out)."""
    if isinstance(nav, str):
        if not SCHEME.match(nav):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def nav_problems(
    config_file: Path, raw: dict[str, Any], default: str, pages: set[PurePosixPath]
) -> list[Problem]:
    """Entries without a page (errors) and Swedish pages missing from the nav (warnings)."""
    if "nav" not in raw:
        return []  # MkDocs makes the nav from the folders
    listed = list(nav_pages(raw["nav"]))
    text = config_file.read_text(encoding="utf-8").split("\n")
    problems = [
        Problem(
            config_file,
            f"the nav lists '{entry}', but there is no docs/{default}/{entry}",
            rule=Rule.NAV_PAGE_MISSING,
            line=_line_of(text, entry),
            field="nav",
            hint="correct the file name, or remove the entry",
        )
        for entry in listed
        if PurePosixPath(entry) not in pages
    ]
    for page in sorted(pages - {PurePosixPath(entry) for entry in listed}):
        problems.append(
            Problem(
                config_file,
                f"the page docs/{default}/{page} is not in the nav: readers only find it "
                "through links",
                rule=Rule.PAGE_NOT_IN_NAV,
                field="nav",
                hint=f"add '- {page}' under nav: where it belongs (or ignore this if that is "
                "what you want)",
            )
        )
    return problems


def _line_of(lines: list[str], entry: str) -> int | None:
    for number, line in enumerate(lines, start=1):
        if entry in line and not line.lstrip().startswith("#"):
            return number
    return None
