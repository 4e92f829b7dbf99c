"""Which leaflets exist: pages matched by the configured patterns, in every translated language."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from victiminfo.content.pages import source_pages
from victiminfo.model.languages import LanguageList

LeafletKind = Literal["service", "booklet"]
PLACES_FOLDER = "orter"
PAGES: dict[LeafletKind, int] = {"service": 2, "booklet": 8}


class LeafletSettings(BaseModel):
    """mkdocs.yml `extra.leaflets`: what becomes a leaflet, and on what paper."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    paper: Literal["A5", "A4"] = "A5"
    print_shop: bool = False
    pages: tuple[str, ...] = ("tjanster/*.md", "orter/*.md")
    append: dict[str, tuple[str, ...]] = Field(default_factory=dict)


@dataclass(frozen=True)
class Leaflet:
    """One leaflet: a page in one language, plus the pages appended to it."""

    page: PurePosixPath
    code: str
    appended: tuple[PurePosixPath, ...]

    @cached_property
    def slug(self) -> str:
        """A file name for the page: 'orter/solna.md' becomes 'orter-solna'."""
        return self.page.with_suffix("").as_posix().replace("/", "-")

    @property
    def kind(self) -> LeafletKind:
        """A place's page (orter/) is a station booklet; every other page a service leaflet."""
        return "booklet" if self.page.parts[0] == PLACES_FOLDER else "service"

    @property
    def pages(self) -> int:
        """How many A5 pages it has, exactly: one sheet, or two sheets folded (issue #12)."""
        return PAGES[self.kind]

    @property
    def output(self) -> PurePosixPath:
        """Where the PDF goes, relative to the site root."""
        return leaflet_output(self.code, self.page)


def leaflet_output(code: str, page: PurePosixPath) -> PurePosixPath:
    """The PDF path for a page in a language: leaflets/<code>/<slug>.pdf."""
    slug = page.with_suffix("").as_posix().replace("/", "-")
    return PurePosixPath("leaflets") / code / f"{slug}.pdf"


def plan_leaflets(docs: Path, languages: LanguageList, settings: LeafletSettings) -> list[Leaflet]:
    """Every leaflet to build: each matching Swedish page, in each language that has all of it.

    A leaflet is never half-translated: if its page or an appended page is missing in a
    language, that language's leaflet is left out (and the print page says so).
    """
    source = languages.default.code
    existing = set(source_pages(docs, source))
    pages = [p for p in sorted(existing) if any(fnmatch(str(p), g) for g in settings.pages)]
    plan = []
    for code in languages.codes:
        translated = set(source_pages(docs, code))
        for page in pages:
            appended = tuple(p for p in _appended(page, settings) if p in existing)
            if page in translated and set(appended) <= translated:
                plan.append(Leaflet(page, code, appended))
    return plan


def _appended(page: PurePosixPath, settings: LeafletSettings) -> list[PurePosixPath]:
    out: list[PurePosixPath] = []
    for pattern, extra_pages in settings.append.items():
        if fnmatch(str(page), pattern):
            out += [PurePosixPath(p) for p in extra_pages]
    return out
