"""The #anchors a page offers, made as the toc extension makes them from mkdocs.yml's settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique

from victiminfo.content.markdown_outline import Outline, attr_id, plain_text

Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class TocSettings:
    """How heading ids are made: the slugify function and word separator."""

    slugify: Slugify = default_slugify
    separator: str = "-"


def toc_settings(raw_config: dict[str, Any]) -> TocSettings:
    """The toc extension's settings from mkdocs.yml's markdown_extensions (defaults if absent)."""
    for entry in raw_config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and "toc" in entry and isinstance(entry["toc"], dict):
            options = entry["toc"]
            slug = options.get("slugify")
            separator = options.get("separator")
            return TocSettings(
                slug if callable(slug) else default_slugify,
                separator if isinstance(separator, str) else "-",
            )
    return TocSettings()


def anchor_ids(page: Outline, toc: TocSettings) -> dict[str, int]:
    """Every id in the page (explicit or made from heading text), with its line."""
    ids = explicit_ids(page)
    for heading, made in zip(page.headings, heading_ids(page, toc, set(ids)), strict=True):
        ids.setdefault(made, heading.line)
    return ids


def explicit_ids(page: Outline) -> dict[str, int]:
    """The ids written in the page (HTML id="...", {#id} and {: #id }), each with its first line."""
    ids: dict[str, int] = {}
    for tag in page.tags:
        for name, value in tag.attrs:
            if name == "id" and value:
                ids.setdefault(value, tag.line)
    for attrs in page.attr_lists:
        found = attr_id(attrs.content)
        if found:
            ids.setdefault(found, attrs.line)
    return ids


def heading_ids(page: Outline, toc: TocSettings, used: set[str] | None = None) -> list[str]:
    """The id of each heading, in order: its {#id}, else its text slugified and made unique."""
    taken = set(used or ()) | {h.explicit_id for h in page.headings if h.explicit_id}
    return [
        heading.explicit_id or unique(toc.slugify(plain_text(heading.title), toc.separator), taken)
        for heading in page.headings
    ]
