"""The structure of a Markdown page: headings, links, raw HTML tags, admonitions, attribute lists.

Code (fenced blocks and inline code spans) is masked first: it shows text, not structure.
Every item carries its line in the file.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from victiminfo.content.page_text import PageText

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
TRAILING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*([^{}\n]*?)[ \t]*\}[ \t]*$")
INLINE_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\([ \t]*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)"
)
REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
ADMONITION = re.compile(r"^[ \t]*(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)", re.M)


@dataclass(frozen=True)
class Heading:
    """A heading: its level, text (without an attribute list), explicit {#id} and line."""

    level: int
    title: str
    explicit_id: str | None
    line: int

    @property
    def shown(self) -> str:
        """The heading as an editor writes it, for messages."""
        anchor = f" {{#{self.explicit_id}}}" if self.explicit_id else ""
        return f"{'#' * self.level} {self.title}{anchor}"


@dataclass(frozen=True)
class Link:
    """A Markdown or HTML link or image, with its target as written."""

    target: str
    line: int
    image: bool = False


@dataclass(frozen=True)
class Tag:
    """A raw HTML start tag written in the page."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True)
class Admonition:
    """An admonition block such as '!!! warning'."""

    kind: str
    line: int


@dataclass(frozen=True)
class AttrList:
    """An attribute list such as '{: #id .class key=value }' (the attr_list extension)."""

    content: str
    line: int


@dataclass(frozen=True)
class Outline:
    """Everything structural in one page."""

    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    attr_lists: list[AttrList] = field(default_factory=list)
    masked: str = ""


class _Lines:
    """Map character offsets of a text to 1-based file lines."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.first = first_line

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1 + self.first


def outline(page: PageText) -> Outline:
    """The outline of a page's body."""
    masked = mask_code(page.body)
    lines = _Lines(masked, page.body_line)
    return Outline(
        headings=headings(masked, page.body_line),
        links=links(masked, lines),
        tags=tags(masked, page.body_line),
        admonitions=[
            Admonition(m.group("kind"), lines.line(m.start())) for m in ADMONITION.finditer(masked)
        ],
        attr_lists=[
            AttrList(m.group(1), lines.line(m.start()))
            for m in ATTR_LIST.finditer(PLACEHOLDER.sub(_blank, masked))
        ],
        masked=masked,
    )


def mask_code(body: str) -> str:
    """The body with fenced code blocks and inline code spans blanked (newlines kept)."""
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append("")
        elif fence is not None:
            if match and _closes(fence, match.group(1), line):
                fence = None
            out.append("")
        else:
            out.append(CODE_SPAN.sub(_blank, line))
    return "\n".join(out)


def _closes(fence: str, marker: str, line: str) -> bool:
    same = marker[0] == fence[0] and len(marker) >= len(fence)
    return same and not line.strip()[len(marker) :].strip()


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def headings(masked: str, first_line: int) -> list[Heading]:
    """ATX ('## Title') and setext (underlined) headings, in order."""
    found = []
    lines = masked.split("\n")
    for i, line in enumerate(lines):
        atx = ATX.match(line)
        if atx:
            found.append(_heading(len(atx.group(1)), atx.group(2) or "", first_line + i))
        elif i > 0 and SETEXT.match(line) and _paragraph_line(lines[i - 1]):
            if i > 1 and lines[i - 2].strip():
                continue  # a multi-line paragraph: rare in this content, not treated
            level = 1 if line.strip()[0] == "=" else 2
            found.append(_heading(level, lines[i - 1].strip(), first_line + i - 1))
    return found


def _paragraph_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and not ATX.match(line) and not text.startswith(("-", "*", ">", "<", "|"))


def _heading(level: int, raw: str, line: int) -> Heading:
    attrs = TRAILING_ATTRS.search(raw)
    explicit = None
    if attrs and not raw.rstrip().endswith("}}"):
        explicit = attr_id(attrs.group(1))
        raw = raw[: attrs.start()]
    return Heading(level, raw.strip(), explicit, line)


def attr_id(content: str) -> str | None:
    """The id an attribute list sets: '#name' or 'id=name'."""
    for token in content.split():
        if token.startswith("#") and len(token) > 1:
            return token[1:]
        if token.startswith("id="):
            return token[3:].strip("\"'") or None
    return None


def plain_text(title: str) -> str:
    """A heading's text as the toc extension sees it: no markup, entities decoded."""
    text = INLINE_LINK.sub(lambda m: "" if m.group("image") else m.group("text"), title)
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"(\*{1,3}|_{1,3}|`+)", "", text)
    return html.unescape(text)


def links(masked: str, lines: _Lines) -> list[Link]:
    """Markdown inline links and images, reference definitions and <autolinks>, in order."""
    found = [
        Link(_unbracket(m.group("target")), lines.line(m.start()), bool(m.group("image")))
        for m in INLINE_LINK.finditer(masked)
    ]
    found += [
        Link(_unbracket(m.group("target")), lines.line(m.start()))
        for m in REFERENCE.finditer(masked)
    ]
    found += [Link(m.group("target"), lines.line(m.start())) for m in AUTOLINK.finditer(masked)]
    return sorted(found, key=lambda link: link.line)


def _unbracket(target: str) -> str:
    return target[1:-1] if target.startswith("<") and target.endswith(">") else target


class _TagCollector(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.found: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = tuple((name, value or "") for name, value in attrs)
        self.found.append(Tag(tag, pairs, self.getpos()[0] - 1 + self.first_line))

    def set_cdata_mode(self, *args: Any, **kwargs: Any) -> None:
        """Read on after <script> or <style>: tags inside or after them are checked too."""


def tags(masked: str, first_line: int) -> list[Tag]:
    """Every raw HTML start tag in the (code-masked) body, parsed as a browser would."""
    collector = _TagCollector(first_line)
    collector.feed(AUTOLINK.sub(_blank, masked))
    collector.close()
    return [tag for tag in collector.found if re.fullmatch(r"[a-z][a-z0-9-]*", tag.name)]
