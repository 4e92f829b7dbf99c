"""Content pages on disk: which exist per language, their public URL, where their links lead."""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath


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
