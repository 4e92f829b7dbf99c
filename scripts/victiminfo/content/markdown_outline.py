"""The structure of a Markdown page: headings, links, raw HTML tags, admonitions, attribute lists.

Read from the one lexer (markdown_lexer): code (fences the build closes, code spans) shows
text, not structure, and is masked. Every item carries its line in the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from victiminfo.content.markdown_html import html_tags
from victiminfo.content.markdown_lexer import (
    ADMONITION,
    ADMONITION_TITLE,
    ATTR_LIST,
    AUTOLINK,
    HEADING,
    LINK,
    REFERENCE,
    Lexed,
    blank,
    lex,
    setext_level,
)
from victiminfo.content.page_text import PageText
from victiminfo.content.placeholders import Placeholder, placeholders_of

TRAILING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*([^{}\n]*?)[ \t]*\}[ \t]*$")


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
    placeholders: list[Placeholder] = field(default_factory=list)
    masked: str = ""


def outline(page: PageText) -> Outline:
    """The outline of a page's body."""
    lexed = lex(page.body)
    masked = lexed.masked
    first = page.body_line
    return Outline(
        headings=headings(lexed, first),
        links=links(lexed, masked, first),
        tags=tags(masked, first),
        admonitions=admonitions(lexed, first),
        attr_lists=[
            AttrList(_attr_content(t.text), lexed.line_of(t.start) + first)
            for t in lexed.tokens
            if t.kind == "attr"
        ],
        placeholders=placeholders_of(lexed, first),
        masked=masked,
    )


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans blanked (line endings kept)."""
    return lex(text).masked


def _attr_content(text: str) -> str:
    match = ATTR_LIST.fullmatch(text)
    return match.group("content") if match else ""


def headings(lexed: Lexed, first_line: int) -> list[Heading]:
    """ATX ('## Title') and setext (underlined) headings, in order."""
    found = []
    for block in lexed.blocks:
        line = lexed.lines[block.start].rstrip("\r\n")
        if block.kind == "heading":
            match = HEADING.match(line)
            assert match is not None
            explicit = _explicit_id(match.group("post"))
            level = len(match.group("marks"))
            found.append(
                Heading(level, match.group("text").strip(), explicit, block.start + first_line)
            )
        elif block.kind == "setext_heading":
            level = setext_level(lexed.lines[block.stop])
            found.append(_setext(level, line.strip(), block.start + first_line))
    return found


def _explicit_id(post: str) -> str | None:
    attrs = ATTR_LIST.search(post)
    return attr_id(attrs.group("content")) if attrs else None


def _setext(level: int, raw: str, line: int) -> Heading:
    attrs = TRAILING_ATTRS.search(raw)
    explicit = None
    if attrs and not raw.rstrip().endswith("}}"):
        explicit = attr_id(attrs.group(1))
        raw = raw[: attrs.start()]
    return Heading(level, raw.strip(), explicit, line)


def admonitions(lexed: Lexed, first_line: int) -> list[Admonition]:
    """Every '!!! kind' (or '??? kind') line, in order."""
    found = []
    for block in lexed.blocks:
        if block.kind in ("admonition", "admonition_title"):
            pattern = ADMONITION if block.kind == "admonition" else ADMONITION_TITLE
            match = pattern.match(lexed.lines[block.start].rstrip("\r\n"))
            assert match is not None
            found.append(Admonition(match.group("kind"), block.start + first_line))
    return found


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
    text = LINK.sub(lambda m: "" if m.group("image") else m.group("text"), title)
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"(\*{1,3}|_{1,3}|`+)", "", text)
    return html.unescape(text)


def links(lexed: Lexed, masked: str, first_line: int) -> list[Link]:
    """Markdown inline links and images, reference definitions and <autolinks>, in order.

    Each is looked for inside one block (a link never spans two), with code masked.
    """
    found = []
    for block in lexed.blocks:
        if block.kind != "fence":
            start = lexed.offsets[block.start]
            text = masked[start : start + len(lexed.block_text(block))]
            found += _block_links(text, block.start + first_line)
    return sorted(found, key=lambda link: link.line)


def _block_links(text: str, first_line: int) -> list[Link]:
    def line(match: re.Match[str]) -> int:
        return first_line + text.count("\n", 0, match.start())

    found = [
        Link(_unbracket(m.group("target")), line(m), bool(m.group("image")))
        for m in LINK.finditer(text)
    ]
    found += [Link(_unbracket(m.group("target")), line(m)) for m in REFERENCE.finditer(text)]
    return found + [Link(m.group("target"), line(m)) for m in AUTOLINK.finditer(text)]


def _unbracket(target: str) -> str:
    return target[1:-1] if target.startswith("<") and target.endswith(">") else target


def tags(masked: str, first_line: int) -> list[Tag]:
    """Every raw HTML start tag in the (code-masked) body, parsed as a browser would."""
    text = blank(masked, [m.span() for m in AUTOLINK.finditer(masked)])  # autolinks are links
    return [
        Tag(tag.name, tag.attrs, tag.line)
        for tag in html_tags(text, first_line)
        if tag.kind == "start"
    ]
