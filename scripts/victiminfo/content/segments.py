"""Markdown to translatable segments and back: block units with protected inline codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# --- inline: text with codes (placeholders, links, formatting) ------------------------------

PROTECTED = {"fact", "code", "html", "attr", "link", "image", "autolink"}  # never editable
ATOMS = [
    ("fact", re.compile(r"\{\{.*?\}\}")),
    ("code", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),
    ("autolink", re.compile(r"<(?:https?://|mailto:)[^>\s]+>")),
    ("html", re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")),
    ("attr", re.compile(r"\{[:#.][^{}]*\}")),
]
PAIRS = [
    (
        "image",
        re.compile(r"!\[(?P<inner>(?:[^\[\]\\]|\\.)*)\](?P<end>\([^()\s]*(?:\s+\"[^\"]*\")?\))"),
    ),
    (
        "link",
        re.compile(r"\[(?P<inner>(?:[^\[\]\\]|\\.)*)\](?P<end>\([^()\s]*(?:\s+\"[^\"]*\")?\))"),
    ),
    ("strong", re.compile(r"\*\*(?P<inner>(?=\S).+?(?<=\S))\*\*")),
    ("strong", re.compile(r"(?<![\w_])__(?P<inner>(?=\S).+?(?<=\S))__(?![\w_])")),
    ("em", re.compile(r"(?<!\*)\*(?P<inner>(?=[^\s*]).+?(?<=[^\s*]))\*(?!\*)")),
    ("em", re.compile(r"(?<![\w_])_(?P<inner>(?=[^\s_]).+?(?<=[^\s_]))_(?![\w_])")),
]


@dataclass(frozen=True)
class Ph:
    """A standalone protected code, such as {{ card x }} or an HTML tag."""

    kind: str
    data: str


@dataclass(frozen=True)
class Pc:
    """A paired code around translatable text: a link, bold or italic."""

    kind: str
    start: str
    end: str
    children: tuple[Node, ...]


Node = str | Ph | Pc


def parse_inline(text: str) -> tuple[Node, ...]:
    """Split a unit's Markdown into text and codes (paired codes nest)."""
    out: list[Node] = []
    pos = 0
    while pos < len(text):
        found = _first_code(text, pos)
        if found is None:
            break
        start, stop, node = found
        if start > pos:
            out.append(text[pos:start])
        out.append(node)
        pos = stop
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def _first_code(text: str, pos: int) -> tuple[int, int, Node] | None:
    best: tuple[int, int, Node] | None = None
    for kind, pattern in ATOMS:
        m = pattern.search(text, pos)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), Ph(kind, m.group(0)))
    for kind, pattern in PAIRS:
        m = pattern.search(text, pos)
        if m and (best is None or m.start() < best[0]):
            inner_start, inner_end = m.span("inner")
            node = Pc(
                kind,
                text[m.start() : inner_start],
                text[inner_end : m.end()],
                parse_inline(m.group("inner")),
            )
            best = (m.start(), m.end(), node)
    return best


def to_markdown(nodes: tuple[Node, ...]) -> str:
    """The Markdown of a node list (the inverse of parse_inline)."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Ph):
            parts.append(node.data)
        else:
            parts.append(node.start + to_markdown(node.children) + node.end)
    return "".join(parts)


def codes(nodes: tuple[Node, ...]) -> Iterator[Ph | Pc]:
    """Every code in a node list, depth first, in reading order."""
    for node in nodes:
        if isinstance(node, Ph):
            yield node
        elif isinstance(node, Pc):
            yield node
            yield from codes(node.children)


def protected_parts(nodes: tuple[Node, ...]) -> list[str]:
    """The parts a translation must keep exactly: placeholders, link targets, code, HTML."""
    out = []
    for code in codes(nodes):
        if code.kind in PROTECTED:
            out.append(code.data if isinstance(code, Ph) else code.end)
    return sorted(out)


def match_codes(
    source: tuple[Node, ...], target: tuple[Node, ...]
) -> list[tuple[Ph | Pc, Ph | Pc]]:
    """Pairs (target code, source code) of the same kind and Markdown, each used once."""
    free = list(codes(source))
    pairs = []
    for code in codes(target):
        match = next((c for c in free if _same_code(code, c)), None)
        if match is not None:
            free.remove(match)
            pairs.append((code, match))
    return pairs


def codes_fit(source: tuple[Node, ...], target: tuple[Node, ...]) -> bool:
    """Whether every code of the target stands for a code of the source."""
    return len(match_codes(source, target)) == len(list(codes(target)))


def _same_code(a: Ph | Pc, b: Ph | Pc) -> bool:
    if isinstance(a, Ph) and isinstance(b, Ph):
        return a == b
    if isinstance(a, Pc) and isinstance(b, Pc):
        return (a.kind, a.start, a.end) == (b.kind, b.start, b.end)
    return False


def has_text(nodes: tuple[Node, ...]) -> bool:
    """Whether there is anything to translate (not just codes and white space)."""
    for node in nodes:
        if isinstance(node, str) and node.strip():
            return True
        if isinstance(node, Pc) and has_text(node.children):
            return True
    return False


# --- blocks: a page as literal skeleton and translatable units ------------------------------


@dataclass(frozen=True)
class Unit:
    """One translatable block (heading, paragraph, list item, table cell, title ...)."""

    id: str
    kind: str
    text: str
    line: int

    @property
    def nodes(self) -> tuple[Node, ...]:
        """The unit's text as inline nodes."""
        return parse_inline(self.text)


@dataclass
class Segmented:
    """A page body cut into literal pieces and units; joining them gives the body back."""

    pieces: list[str | Unit] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        """The translatable units, in reading order."""
        return [p for p in self.pieces if isinstance(p, Unit)]

    @property
    def skeleton(self) -> tuple[str, ...]:
        """The literal pieces with a marker per unit: equal skeletons mean equal structure."""
        return tuple(p if isinstance(p, str) else f"\0{p.kind}" for p in self.pieces)

    def join(self, texts: dict[str, str] | None = None) -> str:
        """The Markdown, with units replaced by texts where given."""
        texts = texts or {}
        return "".join(p if isinstance(p, str) else texts.get(p.id, p.text) for p in self.pieces)


FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(?P<pre>\s*#{1,6}\s+)(?P<text>.*?)(?P<post>(?:\s+\{[^{}]*\})?\s*#*\s*)$")
LIST_ITEM = re.compile(
    r"^(?P<pre>\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(?P<text>.*?)(?P<post>\s*)$"
)
QUOTE = re.compile(r"^(?P<pre>\s*(?:>\s?)+)(?P<text>.*?)(?P<post>\s*)$")
ADMONITION = re.compile(
    r'^(?P<pre>\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+")(?P<text>.*?)(?P<post>"\s*)$'
)
LITERAL_LINE = re.compile(
    r"^\s*$|^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*$|^\s*</?[A-Za-z!][^>]*>\s*$"
    r"|^\s*\{:[^}]*\}\s*$|^\s*([-*_])(\s*\1){2,}\s*$|^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$|^\s*=+\s*$"
)
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
INDENT = re.compile(r"^(?P<pre>\s*)(?P<text>.*?)(?P<post>\s*)$")


class _Builder:
    """Collects pieces while the page is read line by line."""

    def __init__(self) -> None:
        self.out = Segmented()
        self.count = 0

    def literal(self, text: str) -> None:
        if self.out.pieces and isinstance(self.out.pieces[-1], str):
            self.out.pieces[-1] += text
        elif text:
            self.out.pieces.append(text)

    def unit(self, kind: str, text: str, line: int) -> None:
        if not has_text(parse_inline(text)):
            self.literal(text)
            return
        self.count += 1
        self.out.pieces.append(Unit(f"u{self.count}", kind, text, line))

    def split(self, kind: str, match: re.Match[str], line: int, newline: str) -> None:
        self.literal(match.group("pre"))
        self.unit(kind, match.group("text"), line)
        self.literal(match.group("post") + newline)


def segment(body: str, first_line: int = 1) -> Segmented:
    """Cut a page body (Markdown without front matter) into skeleton and units."""
    b = _Builder()
    lines = body.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        i = _block(b, lines, i, first_line)
    return b.out


def _block(b: _Builder, lines: list[str], i: int, first_line: int) -> int:
    """Read one block starting at lines[i]; returns the index of the next line."""
    raw = lines[i]
    line = raw.rstrip("\r\n")
    newline = raw[len(line) :]
    number = first_line + i
    if FENCE.match(line):
        return _fenced(b, lines, i)
    if LITERAL_LINE.match(line):
        b.literal(raw)
        return i + 1
    for kind, pattern in (("heading", HEADING), ("admonition_title", ADMONITION)):
        m = pattern.match(line)
        if m:
            b.split(kind, m, number, newline)
            return i + 1
    if TABLE_ROW.match(line):
        _table_row(b, line, number, newline)
        return i + 1
    m = LIST_ITEM.match(line) or QUOTE.match(line)
    kind = "list_item" if LIST_ITEM.match(line) else "quote" if m else "paragraph"
    m = m or INDENT.match(line)
    assert m is not None
    stop = _paragraph_end(lines, i + 1)
    text = m.group("text") + m.group("post") + newline + "".join(lines[i + 1 : stop])
    core = text.rstrip()
    b.literal(m.group("pre"))
    b.unit(kind, core, number)
    b.literal(text[len(core) :])
    return stop


def _paragraph_end(lines: list[str], j: int) -> int:
    """Lines that continue a paragraph: not blank and not the start of another block."""
    while j < len(lines):
        line = lines[j].rstrip("\r\n")
        starts = (FENCE, LITERAL_LINE, HEADING, ADMONITION, TABLE_ROW, LIST_ITEM, QUOTE)
        if any(p.match(line) for p in starts):
            return j
        j += 1
    return j


def _fenced(b: _Builder, lines: list[str], i: int) -> int:
    fence = FENCE.match(lines[i])
    assert fence is not None
    b.literal(lines[i])
    j = i + 1
    while j < len(lines) and not lines[j].lstrip().startswith(fence.group(1)):
        b.literal(lines[j])
        j += 1
    if j < len(lines):
        b.literal(lines[j])
    return j + 1


CELL = re.compile(r"(?P<pre>\s*)(?P<text>(?:[^|\\]|\\.)*?)(?P<post>\s*)(?=\||$)")


def _table_row(b: _Builder, line: str, number: int, newline: str) -> None:
    """Each cell of a table row is a unit; the pipes and padding are literal."""
    start = line.index("|") + 1
    end = line.rindex("|")
    b.literal(line[:start])
    for k, cell in enumerate(_cells(line[start:end])):
        if k:
            b.literal("|")
        m = INDENT.match(cell)
        assert m is not None
        b.split("table_cell", m, number, "")
    b.literal(line[end:] + newline)


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row)
