"""A Swedish page's `sources:` front matter: a list of keys, each of them in sources.yml."""

from __future__ import annotations

import re
from collections.abc import Mapping

from victiminfo.content.page_sources import KEY, cited_keys
from victiminfo.content.page_text import YAML_LINE, PageText
from victiminfo.errors import Problem
from victiminfo.model.facts import Source
from victiminfo.rules import Rule


def page_source_problems(page: PageText, sources: Mapping[str, Source]) -> list[Problem]:
    """A `sources:` that is not a list of names, and each name sources.yml does not list."""
    if KEY not in page.meta:
        return []
    keys = cited_keys(page)
    line = page.key_line(KEY) or YAML_LINE
    if keys is None:
        return [
            Problem(
                page.path,
                f"front matter: 'sources' must be a list of keys of sources.yml, not "
                f"{page.meta[KEY]!r}",
                rule=Rule.PAGE_SOURCES_NOT_A_LIST,
                line=line,
                field=KEY,
                hint="write e.g. 'sources: [polisen-se, e-justice-sweden]'",
            )
        ]
    return [_unknown(page, key, sources) for key in keys if key not in sources]


def _unknown(page: PageText, key: str, sources: Mapping[str, Source]) -> Problem:
    return Problem(
        page.path,
        f"front matter: the source '{key}' is not in docs/_data/sources.yml",
        rule=Rule.PAGE_SOURCE_UNKNOWN,
        line=item_line(page, key),
        field=KEY,
        hint="correct the key, or add the source to sources.yml with its title, url and note "
        f"(known: {', '.join(sorted(sources)[:8])}{' ...' if len(sources) > 8 else ''})",
    )


def item_line(page: PageText, key: str) -> int | None:
    """The file line that names key in the `sources:` list (the key's own line if flow style)."""
    start = page.key_line(KEY)
    if start is None:
        return None
    lines = page.text.split("\n")
    item = re.compile(rf"^\s*-\s*['\"]?{re.escape(key)}['\"]?\s*(#.*)?$")
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        if item.match(text):
            return number
        if not text.startswith((" ", "-", "\t")) and text.strip():
            break  # the next key, or the closing '---'
    return start
