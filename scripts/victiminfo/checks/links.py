"""Internal links and #anchors in every language: each must lead to a page and a heading."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from victiminfo.content.anchors import TocSettings, anchor_ids
from victiminfo.content.markdown_outline import Link, Outline
from victiminfo.content.page_text import PageText
from victiminfo.errors import Problem
from victiminfo.rules import Rule

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
LINK_ATTRS = {"a": "href", "img": "src", "area": "href"}


@dataclass(frozen=True)
class ContentPage:
    """A page with its outline, as the checks see it."""

    text: PageText
    outline: Outline


@dataclass
class SitePages:
    """Every page of every language, and how to find a link's target page."""

    docs: Path
    default: str
    pages: dict[tuple[str, PurePosixPath], ContentPage]
    toc: TocSettings
    _ids: dict[tuple[str, PurePosixPath], dict[str, int]] = field(default_factory=dict)

    def shown(self, code: str, rel: PurePosixPath) -> ContentPage | None:
        """The page a reader of language code gets: the translation, else the Swedish page."""
        return self.pages.get((code, rel)) or self.pages.get((self.default, rel))

    def ids(self, page: ContentPage) -> dict[str, int]:
        """The anchor ids of a page (computed once)."""
        key = (page.text.code, page.text.rel)
        if key not in self._ids:
            self._ids[key] = anchor_ids(page.outline, self.toc)
        return self._ids[key]


def all_links(page: Outline) -> list[Link]:
    """Markdown links and images, and href/src of raw HTML links and images, in line order."""
    found = list(page.links)
    for tag in page.tags:
        wanted = LINK_ATTRS.get(tag.name)
        for name, value in tag.attrs:
            if name == wanted:
                found.append(Link(value.strip(), tag.line, image=tag.name == "img"))
    return sorted(found, key=lambda link: link.line)


def link_problems(site: SitePages) -> list[Problem]:
    """Every internal link that leads nowhere, in every page of every language."""
    problems: list[Problem] = []
    for page in site.pages.values():
        for link in all_links(page.outline):
            problems += _check_link(site, page, link)
    return problems


def _check_link(site: SitePages, page: ContentPage, link: Link) -> Iterator[Problem]:
    target = link.target
    where = page.text.path
    if not target:
        yield Problem(
            where,
            "this link has no target",
            rule=Rule.LINK_WITHOUT_TARGET,
            line=link.line,
            hint="write [text](page.md)",
        )
        return
    if SCHEME.match(target) or target.startswith("//"):
        return  # other sites, mail and phone links: see the safety and parity checks
    if target.startswith("/"):
        yield Problem(
            where,
            f"the link '{target}' starts with '/': it breaks in every language but Swedish",
            rule=Rule.LINK_ABSOLUTE,
            line=link.line,
            hint="link to the Markdown file relative to this page, e.g. [Solna](orter/solna.md)",
        )
        return
    path, _, fragment = target.partition("#")
    if not path:
        yield from _check_anchor(site, page, page, fragment, link)
        return
    yield from _check_path(site, page, link, path, fragment)


def _check_path(
    site: SitePages, page: ContentPage, link: Link, path: str, fragment: str
) -> Iterator[Problem]:
    code, rel = page.text.code, page.text.rel
    joined = posixpath.normpath(posixpath.join(rel.parent.as_posix(), path))
    if joined.startswith(".."):
        yield Problem(
            page.text.path,
            f"the link '{link.target}' goes above the language folder",
            rule=Rule.LINK_ABOVE_LANGUAGE_FOLDER,
            line=link.line,
            hint="remove a '../': links stay inside docs/<language>/",
        )
        return
    target = PurePosixPath(joined)
    if target.suffix == ".md":
        shown = site.shown(code, target)
        if shown is None:
            yield _no_page(site, page, link, target)
        elif fragment:
            yield from _check_anchor(site, page, shown, fragment, link)
        return
    yield from _check_file(site, page, link, target)


def _no_page(site: SitePages, page: ContentPage, link: Link, target: PurePosixPath) -> Problem:
    return Problem(
        page.text.path,
        f"the link '{link.target}' leads to no page: there is no docs/{site.default}/{target}"
        + (f" nor docs/{page.text.code}/{target}" if page.text.code != site.default else ""),
        rule=Rule.LINK_TO_MISSING_PAGE,
        line=link.line,
        hint="correct the file name (links name the .md file, relative to this page), "
        "or create the page",
    )


def _check_file(
    site: SitePages, page: ContentPage, link: Link, target: PurePosixPath
) -> Iterator[Problem]:
    for code in (page.text.code, site.default):
        if (site.docs / code / target).is_file():
            return
    as_page = target.with_suffix(".md") if target.name else None
    page_like = [p for p in (as_page, target / "index.md") if p is not None]
    known = [p for p in page_like if site.shown(page.text.code, p) is not None]
    hint = (
        f"link to the Markdown file instead: ({_relative(page.text.rel, known[0])})"
        if known
        else "correct the path, or add the file"
    )
    folder = any((site.docs / code / target).is_dir() for code in (page.text.code, site.default))
    inside = sorted(
        rel for code, rel in site.pages if code == site.default and rel.parent == target
    )
    if folder and inside and not known:
        hint = f"link to one of its pages, e.g. ({_relative(page.text.rel, inside[0])})"
    what = "a folder, not a page" if folder else f"nothing in docs/{page.text.code}/"
    yield Problem(
        page.text.path,
        f"the link '{link.target}' leads to {what}",
        rule=Rule.LINK_NOT_TO_A_PAGE,
        line=link.line,
        hint=hint,
    )


def _relative(page: PurePosixPath, target: PurePosixPath) -> str:
    return posixpath.relpath(target.as_posix(), page.parent.as_posix() or ".")


def _check_anchor(
    site: SitePages, page: ContentPage, target: ContentPage, fragment: str, link: Link
) -> Iterator[Problem]:
    if not fragment:
        return
    ids = site.ids(target)
    if fragment in ids:
        return
    same = target is page
    where = "this page" if same else str(target.text.path.relative_to(site.docs.parent))
    known = ", ".join(f"#{i}" for i in sorted(ids)) or "none"
    yield Problem(
        page.text.path,
        f"the link '{link.target}' points to #{fragment}, but {where} has no heading with that id",
        rule=Rule.LINK_TO_MISSING_ANCHOR,
        line=link.line,
        hint=f"use one of the page's ids: {known}",
    )
