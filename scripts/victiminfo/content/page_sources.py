"""The sources a page cites: its front matter's `sources: [key, ...]`, keys of sources.yml.

Only Swedish pages cite sources: a translation states the same facts and shows its Swedish
page's sources (checks/revisions.py warns about a translation's own `sources:`, unread);
checks/page_sources.py checks the keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from victiminfo.content.page_text import PageText
from victiminfo.model.facts import Source

KEY = "sources"


@dataclass(frozen=True)
class CitedSource:
    """One source as a page's list shows it: its title, linked to its address if it has one."""

    title: str
    url: str | None


def cited_keys(page: PageText) -> list[str] | None:
    """The keys the page cites, in order; None when `sources:` is not a list of names."""
    value = page.meta.get(KEY, [])
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        return None
    return list(dict.fromkeys(value))


def cited_sources(page: PageText, sources: Mapping[str, Source]) -> tuple[CitedSource, ...]:
    """The sources the page cites that sources.yml lists, in the page's order."""
    return tuple(
        CitedSource(sources[key].title, str(sources[key].url) if sources[key].url else None)
        for key in cited_keys(page) or []
        if key in sources
    )
