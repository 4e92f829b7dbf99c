"""The one Markdown lexer: blocks, fences, code spans, placeholders, attribute lists, links, HTML.

Read as the build reads a page (Python-Markdown with SuperFences). Code is only what the build
surely shows as code: a fence that SuperFences itself closes, and a code span in a block that
the build reads as Markdown (not raw HTML). Anything else is read as text, so that the check
sees all markup that could reach a reader: a false alarm at worst, never a missed <script>.
Indented code blocks are read as text too. Raw HTML and tags are read by markdown_html.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import markdown
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from pymdownx.superfences import SuperFencesBlockPreprocessor  # type: ignore[import-untyped]

from victiminfo.content.markdown_html import html_tags, raw_html_lines

# --- inline patterns: one of each -----------------------------------------------------------

PLACEHOLDER = re.compile(r"\{\{(?P<inner>.*?)\}\}")
AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<content>[^{}\n]*?)[ \t]*\}")
LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]\\\n]|\n(?![ \t]*(?:\n|$))|\\.|\[[^\[\]\n]*\])*)\]"
    r"\([ \t]*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)",
    re.S,
)
REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
_BACKTICK = re.compile(BACKTICK_RE, re.DOTALL | re.UNICODE)  # compiled as Python-Markdown does

# --- block patterns: one of each, matched on a line without its line ending -----------------

HEADING = re.compile(
    r"(?P<pre>(?:    |\t)*(?P<marks>#{1,6})[ \t]*)(?P<text>.*?)"
    r"(?P<post>(?:[ \t]+\{[^{}\n]*\})?[ \t]*#*[ \t]*)$"
)
ADMONITION = re.compile(r"[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*[ \t]*$")
ADMONITION_TITLE = re.compile(
    r'(?P<pre>[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*[ \t]+")'
    r'(?P<text>.*?)(?P<post>"[ \t]*)$'
)
LIST_ITEM = re.compile(
    r"(?P<pre>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(?P<text>.*?)(?P<post>[ \t]*)$"
)
QUOTE = re.compile(r"(?P<pre>[ \t]*(?:>[ \t]?)+)(?P<text>.*?)(?P<post>[ \t]*)$")
TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
LITERAL = re.compile(
    r"[ \t]*$|[ \t]*</?[A-Za-z!][^>]*>[ \t]*$|[ \t]*\{:[^}]*\}[ \t]*$"
    r"|[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$|[ \t]*\|?[ \t:|-]*-[ \t:|-]*\|?[ \t]*$|[ \t]*=+[ \t]*$"
)
SETEXT = re.compile(r"[=-]+ *$")  # as Python-Markdown's setext headings
INDENT = re.compile(r"(?P<pre>[ \t]*)(?P<text>.*?)(?P<post>[ \t]*)$")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

# Each kind of line that starts a new block (and so ends a paragraph), in the order tried.
STARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("literal", LITERAL),
    ("admonition", ADMONITION),
    ("heading", HEADING),
    ("admonition_title", ADMONITION_TITLE),
    ("table_row", TABLE_ROW),
    ("list_item", LIST_ITEM),
    ("quote", QUOTE),
)


@dataclass(frozen=True)
class Block:
    """Lines start..stop (stop excluded) of a text, and what they are to the build."""

    kind: str  # fence, literal, admonition, heading, setext_heading, admonition_title, ...
    start: int
    stop: int
    raw: bool = False  # inside raw HTML: the build shows it as it is, no Markdown


@dataclass(frozen=True)
class Token:
    """A piece of inline Markdown: its kind, where it is in the text, and its text."""

    kind: str  # code, placeholder, autolink, html, attr
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Lexed:
    """A whole text: its lines, its blocks, and the inline tokens of every block."""

    text: str
    lines: list[str]
    blocks: list[Block]
    tokens: list[Token]
    offsets: list[int] = field(default_factory=list)  # where each line starts in text

    def line_of(self, offset: int) -> int:
        """The 0-based line of a character offset."""
        return bisect.bisect_right(self.offsets, offset) - 1

    def block_text(self, block: Block) -> str:
        """The text of a block's lines, line endings included."""
        return "".join(self.lines[block.start : block.stop])

    @property
    def masked(self) -> str:
        """The text with fenced code and code spans blanked (line endings kept)."""
        chars = list(self.text)
        for block in self.blocks:
            if block.kind == "fence":
                _blank_span(chars, self.offsets[block.start], self._end(block))
        for token in self.tokens:
            if token.kind == "code":
                _blank_span(chars, token.start, token.end)
        return "".join(chars)

    def _end(self, block: Block) -> int:
        return self.offsets[block.stop] if block.stop < len(self.lines) else len(self.text)


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """text with these spans made spaces (line endings kept), so offsets stay the same."""
    chars = list(text)
    for start, end in spans:
        _blank_span(chars, start, end)
    return "".join(chars)


# --- blocks ---------------------------------------------------------------------------------


def lex(text: str) -> Lexed:
    """Cut a Markdown text (a page's body) into blocks, and each block into inline tokens."""
    lines = LINE.findall(text)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    found = blocks(lines)
    code = sure_code_spans(lines, found, offsets)
    tokens = []
    for b in found:
        if b.kind != "fence":
            start, end = offsets[b.start], offsets[b.stop]
            spans = [(s - start, e - start) for s, e in code if start <= s < end]
            block_tokens = inline_tokens(text[start:end], code=spans)
            tokens += [Token(t.kind, t.start + start, t.end + start, t.text) for t in block_tokens]
    return Lexed(text, lines, found, tokens, offsets[:-1] or [0])


def sure_code_spans(
    lines: list[str], found: list[Block], offsets: list[int]
) -> list[tuple[int, int]]:
    """The code spans the build surely makes, as offsets in the whole text.

    The build reads a span in one element's text: never more than the lines up to a blank
    line or raw HTML (a fence counting as one line), never less than the block. A span is
    code for sure when it is code in both.
    """
    in_blocks = {
        (offsets[b.start] + s, offsets[b.start] + e)
        for b in found
        if b.kind != "fence" and not b.raw
        for s, e in code_spans("".join(lines[b.start : b.stop]))
    }
    in_runs: set[tuple[int, int]] = set()
    for run in _runs(lines, found):
        text, origin = "", list[int]()
        for b in run:
            piece = "\x02\n" if b.kind == "fence" else "".join(lines[b.start : b.stop])
            start = offsets[b.start]
            origin += [-1] * len(piece) if b.kind == "fence" else range(start, start + len(piece))
            text += piece
        in_runs |= {(origin[s], origin[e - 1] + 1) for s, e in code_spans(text)}
    return sorted(in_blocks & in_runs)


def _runs(lines: list[str], found: list[Block]) -> Iterator[list[Block]]:
    """Blocks the build may read as one text: those between two splits it surely makes.

    It splits at blank lines and raw HTML, around headings (a '#' line, a setext heading),
    and between the items of a list.
    """
    run: list[Block] = []
    for b in found:
        first = lines[b.start]
        heading = b.kind == "setext_heading" or (b.kind == "heading" and first.startswith("#"))
        if b.raw or (b.kind == "literal" and not first.strip()) or heading:
            if run:
                yield run
            if heading:
                yield [b]
            run = []
        elif b.kind == "list_item" and run and _marker(first) == _marker(lines[run[0].start]) != "":
            yield run
            run = [b]
        else:
            run.append(b)
    if run:
        yield run


def _marker(line: str) -> str:
    """The kind of an unindented list item's marker ('-', '*', '+' or '1.'), else ''."""
    match = re.match(r"([-*+]|\d{1,9}[.)])[ \t]", line)
    return "" if match is None else "1." if match.group(1)[0].isdigit() else match.group(1)


def blocks(lines: list[str]) -> list[Block]:
    """Every line in exactly one block, in order."""
    bare = [line.rstrip("\r\n") for line in lines]
    fences = dict(fenced_ranges(bare))
    raw = raw_html_lines(bare, fences)
    out: list[Block] = []
    i = 0
    while i < len(bare):
        if i in fences:
            out.append(Block("fence", i, fences[i]))
            i = fences[i]
            continue
        block = _block(bare, i, fences, raw)
        out.append(_setext(bare, out, block))
        i = block.stop
    return out


def _block(bare: list[str], i: int, fences: dict[int, int], raw: set[int]) -> Block:
    """The block that starts at line i (not a fence)."""
    kind = _start_kind(bare[i], i in raw)
    if kind in ("literal", "admonition", "heading", "admonition_title", "table_row"):
        return Block(kind, i, i + 1, i in raw)
    stop = i + 1
    while stop < len(bare) and stop not in fences and (stop in raw) == (i in raw):
        if _start_kind(bare[stop], stop in raw) != "paragraph":
            break
        stop += 1
    return Block(kind, i, stop, i in raw)


def _start_kind(line: str, raw: bool) -> str:
    """What a line starts: 'paragraph' when it only continues one (inside raw HTML: no Markdown)."""
    starts = STARTS[:1] if raw else STARTS
    return next((kind for kind, pattern in starts if pattern.match(line)), "paragraph")


def _setext(bare: list[str], before: list[Block], block: Block) -> Block:
    """A one-line paragraph underlined with === or --- is a heading (as the build reads it)."""
    i = block.start
    if block.kind != "paragraph" or block.raw or block.stop != i + 1 or i + 1 >= len(bare):
        return block
    after_blank = not before or (before[-1].kind == "literal" and not bare[i - 1].strip())
    text = bare[i].strip()
    if after_blank and SETEXT.match(bare[i + 1]) and not text.startswith(("-", "*", ">", "<", "|")):
        return Block("setext_heading", i, i + 1)
    return block


def setext_level(underline: str) -> int:
    """1 for a === underline, 2 for ---."""
    return 1 if underline.strip()[0] == "=" else 2


# --- fences: found by SuperFences itself ----------------------------------------------------


class _FenceFinder(SuperFencesBlockPreprocessor):  # type: ignore[misc]
    """SuperFences's own search for fenced blocks, keeping where each starts and ends."""

    found: list[tuple[int, int]]

    def reassemble(self, lines: list[str]) -> list[str]:
        self.found = sorted((start, end) for _, start, end in self.stack)
        return lines


@functools.cache
def _superfences() -> tuple[markdown.Markdown, _FenceFinder]:
    md = markdown.Markdown(extensions=["attr_list", "pymdownx.superfences"])
    site = md.preprocessors["fenced_code_block"]
    finder = _FenceFinder(md)
    finder.config, finder.extension = site.config, site.extension
    return md, finder


def fenced_ranges(bare: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the closing fence) of every fenced block SuperFences closes."""
    if not any("```" in line or "~~~" in line for line in bare):
        return []
    md, finder = _superfences()
    md.reset()
    finder.run([_normal_whitespace(line, md.tab_length) for line in bare])
    return [(start, min(end, len(bare))) for start, end in finder.found]


def _normal_whitespace(line: str, tab_length: int) -> str:
    """A line as Python-Markdown hands it to SuperFences (tabs expanded, blank lines empty)."""
    line = line.expandtabs(tab_length)
    return "" if not line.strip(" ") else line


# --- inline tokens --------------------------------------------------------------------------


def inline_tokens(text: str, code: list[tuple[int, int]] | None = None) -> list[Token]:
    """Code spans, then placeholders, autolinks, HTML and attribute lists outside them.

    Each kind is looked for where no earlier kind was found, as the build does (code first).
    code: the code spans, when known (lex gives the sure ones; [] in raw HTML).
    """
    found = [
        Token("code", s, e, text[s:e]) for s, e in (code_spans(text) if code is None else code)
    ]
    rest = blank(text, [(t.start, t.end) for t in found])
    finders: list[tuple[str, Callable[[str], Iterator[tuple[int, int]]]]] = [
        ("placeholder", _regex(PLACEHOLDER)),
        ("autolink", _regex(AUTOLINK)),
        ("html", _html_spans),
        ("attr", _regex(ATTR_LIST)),
    ]
    for kind, finder in finders:
        spans = list(finder(rest))
        found += [Token(kind, start, end, text[start:end]) for start, end in spans]
        rest = blank(rest, spans)
    return sorted(found, key=lambda token: token.start)


def _regex(pattern: re.Pattern[str]) -> Callable[[str], Iterator[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        for match in pattern.finditer(text):
            yield match.span()

    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """Every code span, found as Python-Markdown finds it (its own pattern and pairing)."""
    found = []
    work, pos = text, 0
    while (match := _BACKTICK.search(work, pos)) is not None:
        if match.group(1):  # escaped backslashes: text, and the backtick after them is free
            work = work[: match.start()] + "\0" * len(match.group(1)) + work[match.end() :]
            pos = match.end()
            continue
        start, end = _backticks().find_code_spans(match.start(), work)
        if end is None:
            pos = start
            continue
        pos = end + (start - match.start())
        found.append((match.start(), pos))
    return found


@functools.cache
def _backticks() -> BacktickInlineProcessor:
    return BacktickInlineProcessor(BACKTICK_RE)


def _html_spans(text: str) -> Iterator[tuple[int, int]]:
    for tag in html_tags(text):
        yield tag.start, tag.end
