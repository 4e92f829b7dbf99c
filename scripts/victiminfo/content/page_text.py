"""The one front-matter reader: a page split as MkDocs splits it, every key with its file line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils.meta import YAML_RE  # MkDocs's own front-matter pattern: split as it splits

from victiminfo.errors import ContentError, Problem, fail
from victiminfo.model.yamlfile import parse_yaml
from victiminfo.rules import Rule

NEWLINE = re.compile(r"\r\n|\r|\n")  # every line ending MkDocs reads as one (universal newlines)
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
BOM = "\ufeff"  # MkDocs reads pages as utf-8-sig: a byte-order mark is not part of the text
YAML_LINE = 2  # the front matter's first line in the file, after the opening '---'


@dataclass(frozen=True)
class FrontMatter:
    """A page's text cut where MkDocs cuts it, every byte kept: front + body is the text."""

    front: str  # the front matter with both fences, exactly as written; '' when there is none
    body: str  # everything after it, exactly as written
    yaml: str  # the YAML between the fences, with the line endings MkDocs reads
    body_line: int  # the file line on which the body starts


def split_front_matter(text: str) -> FrontMatter:
    """Split text with MkDocs's pattern, whatever its line endings; nothing is changed."""
    bom = BOM if text.startswith(BOM) else ""
    match = YAML_RE.match(NEWLINE.sub("\n", text[len(bom) :]))
    if match is None:
        return FrontMatter("", text, "", 1)
    lines = match.group(0).count("\n")
    end = len(bom) + sum(len(line) for line in split_lines(text[len(bom) :])[:lines])
    return FrontMatter(text[:end], text[end:], match.group(1), lines + 1)


def split_lines(text: str) -> list[str]:
    """The lines of text, each with its line ending (\\r\\n, \\r or \\n), as MkDocs counts them."""
    return LINE.findall(text)


def unclosed_front_matter(text: str) -> bool:
    """Whether text starts with a '---' line that MkDocs does not read as a front matter."""
    first = split_lines(text.removeprefix(BOM))[:1]
    opens = bool(first) and re.fullmatch(r"-{3}[ \t]*", first[0].rstrip("\r\n")) is not None
    return opens and not split_front_matter(text).front


def parse_front_matter(path: Path, split: FrontMatter) -> tuple[dict[Any, Any], dict[Any, int]]:
    """The front matter's keys and values, and each top-level key's line in the file.

    YAML that is not valid, or not 'key: value' lines, raises ContentError with the line.
    """
    if not split.front:
        return {}, {}
    try:
        data = parse_yaml(path, split.yaml, first_line=YAML_LINE)
    except ContentError as exc:
        raise ContentError([_front_matter(p) for p in exc.problems]) from None
    if not isinstance(data.value, dict):
        raise fail(
            path,
            "the front matter must be 'key: value' lines "
            "(MkDocs would show it as text on the page)",
            rule=Rule.FRONT_MATTER_NOT_KEY_VALUE,
            line=YAML_LINE,
            hint="write e.g. 'title: Dina rättigheter' between the two '---' lines",
        )
    lines = {loc[0]: line for loc, line in data.lines.items() if len(loc) == 1}
    return data.value, lines


def _front_matter(problem: Problem) -> Problem:
    if problem.rule is Rule.YAML_KEY_TWICE:  # valid YAML to MkDocs, which takes the last
        return replace(problem, message=f"front matter: {problem.message}")
    return replace(
        problem,
        message=f"front matter: {problem.message} (MkDocs would show it as text on the page)",
        rule=Rule.FRONT_MATTER_NOT_YAML,
    )


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
    key_lines: Mapping[Any, int] = field(default_factory=dict)

    def key_line(self, key: object) -> int | None:
        """The file line of a top-level front-matter key, if the page has it."""
        return self.key_lines.get(key)


def read_page_text(docs: Path, code: str, rel: PurePosixPath) -> PageText:
    """Read a page as MkDocs reads it; unreadable text or bad front matter raises ContentError."""
    path = docs / code / rel
    return split_page(path, code, rel, read_markdown(path))


def read_markdown(path: Path) -> str:
    """A Markdown file's text as MkDocs reads it: UTF-8, no byte-order mark, '\\n' line endings."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(
            path,
            f"cannot read the page: {exc}",
            rule=Rule.FILE_UNREADABLE,
            hint="save it as UTF-8 text",
        ) from None
    return NEWLINE.sub("\n", text)


def split_page(path: Path, code: str, rel: PurePosixPath, text: str) -> PageText:
    """Split a page's text; front matter must be a YAML mapping."""
    split = split_front_matter(text)
    meta, lines = parse_front_matter(path, split)
    return PageText(path, code, rel, text, meta, split.body, split.body_line, lines)


def markdown_line(path: Path) -> int:
    """The line of the page file at path on which the Markdown MkDocs hands to plugins starts.

    MkDocs drops the front matter and the blank lines after it; plugins before ours may rewrite
    the rest line by line, so the text is not compared. 1 for a file that cannot be read
    (a generated page).
    """
    try:
        split = split_front_matter(read_markdown(path))
    except ContentError:
        return 1
    if not split.front:
        return 1
    return split.body_line + len(split.body) - len(split.body.lstrip("\n"))
