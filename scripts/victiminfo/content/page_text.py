"""A page's text split into front matter (parsed, with lines) and body, as MkDocs splits it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils.meta import YAML_RE  # MkDocs's own front-matter pattern: split as it splits

from victiminfo.errors import ContentError, Problem, fail
from victiminfo.model.yamlfile import parse_yaml
from victiminfo.rules import Rule


@dataclass(frozen=True)
class PageText:
    """One page of one language: its whole text, its front matter and its body."""

    path: Path
    code: str
    rel: PurePosixPath
    text: str
    meta: dict[str, Any]
    body: str
    body_line: int


def read_page_text(docs: Path, code: str, rel: PurePosixPath) -> PageText:
    """Read a page; unreadable text or front matter that is not YAML raises ContentError."""
    path = docs / code / rel
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(
            path,
            f"cannot read the page: {exc}",
            rule=Rule.FILE_UNREADABLE,
            hint="save it as UTF-8 text",
        ) from None
    return split_page(path, code, rel, text.replace("\r\n", "\n"))


def split_page(path: Path, code: str, rel: PurePosixPath, text: str) -> PageText:
    """Split a page's text; front matter must be a YAML mapping."""
    match = YAML_RE.match(text)
    if match is None:
        return PageText(path, code, rel, text, {}, text, 1)
    try:
        data = parse_yaml(path, match.group(1), first_line=2)
    except ContentError as exc:
        raise ContentError([_front_matter(p) for p in exc.problems]) from None
    if data.value is not None and not isinstance(data.value, dict):
        raise fail(
            path,
            "the front matter must be 'key: value' lines",
            rule=Rule.FRONT_MATTER_NOT_KEY_VALUE,
            line=2,
            hint="write e.g. 'title: Dina rättigheter' between the two '---' lines",
        )
    body_line = text.count("\n", 0, match.end()) + 1
    return PageText(path, code, rel, text, data.value or {}, text[match.end() :], body_line)


def _front_matter(problem: Problem) -> Problem:
    return replace(
        problem,
        message=f"front matter: {problem.message} (MkDocs would show it as text on the page)",
        rule=Rule.FRONT_MATTER_NOT_YAML,
    )
