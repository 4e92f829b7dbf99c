"""HTML in Markdown: where the build passes raw HTML on, and every tag as a browser reads it.

Part of the one lexer (markdown_lexer): the lexer asks here which lines are raw HTML (no
Markdown, so no code spans) and where the tags of a text are.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

TAG_NAME = re.compile(r"[a-z][a-z0-9-]*")
BLOCK_TAG = re.compile(r" {0,3}<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)(?P<rest>.*)$")
MARKDOWN_ATTR = re.compile(r"""\smarkdown(?:\s*=\s*["']?(?P<value>[^"'\s>]*))?""")


@dataclass(frozen=True)
class HtmlTag:
    """An HTML start tag, end tag or comment, read as a browser reads it."""

    kind: str  # start, end or comment
    name: str
    attrs: tuple[tuple[str, str], ...]
    start: int
    end: int
    line: int


VOID = {"hr"}


def raw_html_lines(bare: list[str], fences: dict[int, int]) -> set[int]:
    """Lines the build passes on as raw HTML: from a block-level tag to its closing tag.

    Reaching further than the build does is safe (code spans there are then read as text).
    """
    out: set[int] = set()
    i = 0
    while i < len(bare):
        if i in fences:
            i = fences[i]
            continue
        match = BLOCK_TAG.match(bare[i])
        name = match.group("name").lower() if match else ""
        if match is None or name not in _block_level() or _markdown_inside(match.group("rest")):
            i += 1
            continue
        stop = i + 1 if name in VOID else _closing_line(bare, i, name, fences) + 1
        out.update(range(i, stop))
        i = stop
    return out


@functools.cache
def _block_level() -> frozenset[str]:
    """The elements Python-Markdown passes on as raw HTML blocks (its own list)."""
    return frozenset(markdown.Markdown().block_level_elements)


def _markdown_inside(rest: str) -> bool:
    """Whether a tag asks md_in_html to read its content as Markdown (markdown, ="1" ...)."""
    match = MARKDOWN_ATTR.search(" " + rest.split(">", 1)[0])
    return match is not None and (match.group("value") or "1") in ("1", "block", "span")


def _closing_line(bare: list[str], i: int, name: str, fences: dict[int, int]) -> int:
    """The line that closes the element opened on line i (the last line if none does)."""
    opening = re.compile(rf"<{name}(?=[\s/>]|$)", re.I)
    closing = re.compile(rf"</{name}\s*>", re.I)
    depth = 0
    j = i
    while j < len(bare):
        if j in fences:
            j = fences[j]
            continue
        depth += len(opening.findall(bare[j])) - len(closing.findall(bare[j]))
        if depth <= 0:
            return j
        j += 1
    return len(bare) - 1


class _TagReader(HTMLParser):
    """Every tag and comment with its place; reads on after <script> and <style>."""

    def __init__(self, text: str, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.first_line = first_line
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.found: list[HtmlTag] = []

    def _here(self) -> tuple[int, int]:
        line, column = self.getpos()
        return self.starts[line - 1] + column, line - 1 + self.first_line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start, line = self._here()
        end = start + len(self.get_starttag_text() or "")
        pairs = tuple((name, value or "") for name, value in attrs)
        self.found.append(HtmlTag("start", tag, pairs, start, end, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start, line = self._here()
        end = self.text.find(">", start) + 1 or len(self.text)
        self.found.append(HtmlTag("end", tag, (), start, end, line))

    def handle_comment(self, data: str) -> None:
        start, line = self._here()
        if self.text.startswith("<!--", start):
            end = start + len(data) + 7
        else:
            end = self.text.find(">", start) + 1 or len(self.text)
        self.found.append(HtmlTag("comment", "", (), start, min(end, len(self.text)), line))

    def set_cdata_mode(self, *args: Any, **kwargs: Any) -> None:
        """Read on after <script> or <style>: tags inside or after them are found too."""


def html_tags(text: str, first_line: int = 1) -> list[HtmlTag]:
    """Every HTML tag and comment in text, parsed as a browser would (first_line: its line)."""
    reader = _TagReader(text, first_line)
    reader.feed(text)
    reader.close()
    return [t for t in reader.found if t.kind == "comment" or TAG_NAME.fullmatch(t.name)]
