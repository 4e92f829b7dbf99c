"""Content pages on disk: which exist per language, their front matter, their public URL."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils.meta import get_data

from victiminfo.errors import fail
from victiminfo.rules import Rule


@dataclass(frozen=True)
class SourcePage:
    """One Markdown page of one language, read from disk."""

    path: Path
    rel: PurePosixPath
    meta: dict[str, Any]
    markdown: str


def read_page(docs: Path, code: str, rel: PurePosixPath) -> SourcePage:
    """Read a page and split off its front matter."""
    path = docs / code / rel
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(path, f"cannot read the page: {exc}", rule=Rule.FILE_UNREADABLE) from None
    markdown, meta = get_data(text)
    if not isinstance(meta, dict):
        raise fail(
            path,
            "the front matter at the top must be key: value lines",
            rule=Rule.FRONT_MATTER_NOT_KEY_VALUE,
            line=1,
        )
    return SourcePage(path, rel, meta, markdown)


def source_pages(docs: Path, code: str) -> list[PurePosixPath]:
    """Every page of a language, as paths relative to its folder."""
    root = docs / code
    return sorted(PurePosixPath(p.relative_to(root).as_posix()) for p in root.rglob("*.md"))


def page_url(rel: PurePosixPath) -> str:
    """The page's URL below its language root, as MkDocs makes it (directory URLs)."""
    if rel.name == "index.md":
        parent = rel.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return rel.with_suffix("").as_posix() + "/"


def resolve_link(page: PurePosixPath, href: str) -> PurePosixPath | None:
    """The page a relative .md link points to, or None if it is not such a link."""
    target = href.split("#", 1)[0]
    if not target.endswith(".md") or "://" in target or target.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(page.parent.as_posix(), target))
    return None if joined.startswith("..") else PurePosixPath(joined)
