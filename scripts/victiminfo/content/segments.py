"""Markdown to translatable segments and back: block units with protected inline codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from victiminfo.content.markdown_lexer import (
    ADMONITION_TITLE,
    HEADING,
    INDENT,
    LINK,
    LIST_ITEM,
    QUOTE,
    Block,
    Lexed,
    Token,
    inline_tokens,
    lex,
)

# --- inline: text with codes (placeholders, links, formatting) ------------------------------

PROTECTED = {"placeholder", "code", "html", "attr", "link", "image", "autolink"}  # never edited
PAIRS = [
    ("strong", re.compile(r"\*\*(?P<text>(?=\S).+?(?<=\S))\*\*")),
    ("strong", re.compile(r"(?<![\w_])__(?P<text>(?=\S).+?(?<=\S))__(?![\w_])")),
    ("em", re.compile(r"(?<!\*)\*(?P<text>(?=[^\s*]).+?(?<=[^\s*]))\*(?!\*)")),
    ("em", re.compile(r"(?<![\w_])_(?P<text>(?=[^\s_]).+?(?<=[^\s_]))_(?![\w_])")),
]
HIDDEN = "\x1a"  # stands for a code while pairs are looked for: a pair never cuts one


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
    atoms = inline_tokens(text)
    hidden = _hide(text, atoms)
    out: list[Node] = []
    pos = 0
    while pos < len(text):
        found = _first_code(text, hidden, atoms, pos)
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


def _hide(text: str, atoms: list[Token]) -> str:
    """text with every code (atom) replaced by HIDDEN, so that no pair is found inside one."""
    chars = list(text)
    for atom in atoms:
        chars[atom.start : atom.end] = HIDDEN * (atom.end - atom.start)
    return "".join(chars)


def _first_code(
    text: str, hidden: str, atoms: list[Token], pos: int
) -> tuple[int, int, Node] | None:
    """The first code at or after pos: a standalone one wins a tie with a pair."""
    atom = next((t for t in atoms if t.start >= pos), None)
    best: tuple[int, int, Node] | None = None
    if atom is not None:
        best = (atom.start, atom.end, Ph(atom.kind, atom.text))
    for kind, pattern in (("link", LINK), *PAIRS):
        m = pattern.search(hidden, pos)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), _pair(kind, text, m))
    return best


def _pair(kind: str, text: str, m: re.Match[str]) -> Pc:
    inner_start, inner_end = m.span("text")
    return Pc(
        "image" if kind == "link" and m.group("image") else kind,
        text[m.start() : inner_start],
        text[inner_end : m.end()],
        parse_inline(text[inner_start:inner_end]),
    )


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
    lexed = lex(body)
    for block in lexed.blocks:
        _block(b, lexed, block, first_line + block.start)
    return b.out


UNIT_LINES = {"list_item": LIST_ITEM, "quote": QUOTE, "paragraph": INDENT, "setext_heading": INDENT}
ONE_LINE = {"heading": HEADING, "admonition_title": ADMONITION_TITLE}


def _block(b: _Builder, lexed: Lexed, block: Block, number: int) -> None:
    """The pieces of one block: literal, or its markers around a unit (or a unit per cell)."""
    raw = lexed.lines[block.start]
    line = raw.rstrip("\r\n")
    newline = raw[len(line) :]
    if block.kind in ONE_LINE:
        m = ONE_LINE[block.kind].match(line)
        assert m is not None
        b.split(block.kind, m, number, newline)
    elif block.kind == "table_row":
        _table_row(b, line, number, newline)
    elif block.kind in UNIT_LINES:
        m = UNIT_LINES[block.kind].match(line)
        assert m is not None
        kind = "heading" if block.kind == "setext_heading" else block.kind
        text = (
            m.group("text")
            + m.group("post")
            + newline
            + "".join(lexed.lines[block.start + 1 : block.stop])
        )
        core = text.rstrip()
        b.literal(m.group("pre"))
        b.unit(kind, core, number)
        b.literal(text[len(core) :])
    else:
        b.literal(lexed.block_text(block))


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
