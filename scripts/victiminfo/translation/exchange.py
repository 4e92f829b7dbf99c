"""Pages for a translation agency: what to translate, aligned with what is already translated."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from victiminfo.content.page_text import YAML_LINE, parse_front_matter, split_front_matter
from victiminfo.content.segments import (
    Segmented,
    Unit,
    codes_fit,
    parse_inline,
    protected_parts,
    segment,
)
from victiminfo.errors import ContentError
from victiminfo.translation.meta import State

TITLE = "title"


@dataclass(frozen=True)
class Page:
    """A page's text cut into front matter, its title, and the segmented body."""

    front: str
    title: str | None
    body: Segmented
    title_line: int = YAML_LINE

    @property
    def units(self) -> list[Unit]:
        """The title (if any) and the body's units."""
        head = [Unit(TITLE, TITLE, self.title, self.title_line)] if self.title else []
        return head + self.body.units


def cut_page(text: str) -> Page:
    """Cut a page's text into its parts, keeping the front matter's bytes for the rebuild.

    The text may come from git history: a page on disk is checked with page_text first, and a
    version whose front matter MkDocs could not read has no title to translate.
    """
    split = split_front_matter(text)
    try:
        meta, lines = parse_front_matter(Path(), split)
    except ContentError:
        meta, lines = {}, {}
    title = meta.get(TITLE) if isinstance(meta.get(TITLE), str) else None
    body = segment(split.body, first_line=split.body_line)
    return Page(split.front, title, body, lines.get(TITLE, YAML_LINE))


@dataclass(frozen=True)
class Planned:
    """A unit to translate: its Swedish source and the target offered to the translator."""

    unit: Unit
    target: str | None = None
    confirmed: bool = False  # the target still fits the source (nothing changed there)
    note: str | None = None
    was: str | None = None  # the Swedish text the target was made from, when it changed


@dataclass(frozen=True)
class PagePlan:
    """One page to translate, from the Swedish at revision."""

    page: PurePosixPath
    revision: str
    state: State
    units: list[Planned]


def plan_units(now: str, translation: str | None, then: str | None) -> list[Planned]:
    """Each unit of the Swedish page, with the existing translation's text where it aligns.

    now: the Swedish page; translation: the translated page (None when missing); then: the
    Swedish page the translation was made from (None when unknown). Units whose Swedish
    text is unchanged since then are offered as confirmed; changed ones as needing work.
    """
    source = cut_page(now)
    if translation is None:
        return [Planned(u) for u in source.units]
    target = cut_page(translation)
    old = cut_page(then) if then is not None else None
    if old is not None and _aligned(old, target):
        return _by_history(source, old, target)
    if _aligned(source, target):
        return [
            _offer(u, t, confirmed=False) for u, t in zip(source.units, target.units, strict=True)
        ]
    note = "The current translation does not follow the Swedish page's structure."
    return [Planned(u, note=note) for u in source.units]


MACHINE_NOTE = (
    "Machine translation: compare it with the Swedish, correct it, and mark it done "
    "(remove 'fuzzy'; XLIFF: state translated or reviewed)."
)


def for_review(planned: list[Planned]) -> list[Planned]:
    """A machine translation's units: every offered target waits for a person (not confirmed)."""
    return [
        replace(p, confirmed=False, note=p.note or MACHINE_NOTE) if p.target else p for p in planned
    ]


def _aligned(a: Page, b: Page) -> bool:
    return a.body.skeleton == b.body.skeleton and (a.title is None) == (b.title is None)


def _offer(unit: Unit, translated: Unit, confirmed: bool, was: str | None = None) -> Planned:
    """Offer the existing translation as the target, unless it lost a protected part."""
    nodes = parse_inline(translated.text)
    if protected_parts(nodes) != protected_parts(unit.nodes) or not codes_fit(unit.nodes, nodes):
        differs = (
            f"The current translation's links, placeholders or formatting differ: {translated.text}"
        )
        return Planned(unit, note=differs)
    note = f"The Swedish text changed. It was: {was}" if was is not None else None
    return Planned(unit, translated.text, confirmed, note, was)


def _by_history(source: Page, old: Page, target: Page) -> list[Planned]:
    """Map the translation onto the current Swedish through the Swedish it was made from."""
    now_units, old_units = source.units, old.units
    offers = [Planned(u) for u in now_units]
    matcher = difflib.SequenceMatcher(
        a=[(u.kind, u.text) for u in old_units],
        b=[(u.kind, u.text) for u in now_units],
        autojunk=False,
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for k in range(min(a1 - a0, b1 - b0)):
            was, unit, translated = old_units[a0 + k], now_units[b0 + k], target.units[a0 + k]
            if tag == "equal":
                offers[b0 + k] = _offer(unit, translated, confirmed=True)
            elif tag == "replace" and was.kind == unit.kind:
                offers[b0 + k] = _offer(unit, translated, confirmed=False, was=was.text)
    return offers


def untouched(planned: list[Planned], returned: dict[str, tuple[str | None, bool]]) -> bool:
    """Whether every returned target and its state are what the export offered."""
    return all(
        returned.get(p.unit.id, (None, False)) == (p.target or None, p.confirmed and bool(p.target))
        for p in planned
    )


@dataclass(frozen=True)
class ReturnedUnit:
    """A unit as the agency returned it; source and target as Markdown."""

    id: str
    source: str
    target: str | None
    confirmed: bool
    line: int


@dataclass(frozen=True)
class ReturnedPage:
    """A page as returned: which Swedish revision it was translated from, and its units."""

    page: PurePosixPath
    revision: str
    units: dict[str, ReturnedUnit]
    line: int


@dataclass(frozen=True)
class Returned:
    """A whole returned file (XLIFF or PO)."""

    source_lang: str
    target_lang: str
    pages: list[ReturnedPage]
    translated_by: str | None = None
