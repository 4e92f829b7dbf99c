"""XLIFF 2.0 files for translation agencies: one <file> per page, one <unit> per block."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from victiminfo.content.segments import Node, Pc, Ph, codes, match_codes, parse_inline
from victiminfo.translation.exchange import PagePlan, Planned, Returned, ReturnedPage, ReturnedUnit
from victiminfo.translation.meta import State

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
CONFIRMED = {"translated", "reviewed", "final"}
FORMAT = {"strong": "xlf:b", "em": "xlf:i"}


# --- writing --------------------------------------------------------------------------------


def write_xliff(source_lang: str, target_lang: str, plans: list[PagePlan]) -> str:
    """The XLIFF document for these pages."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF}" xmlns:mda="{MDA}" version="2.0" '
        f"srcLang={quoteattr(source_lang)} trgLang={quoteattr(target_lang)}>",
    ]
    for number, plan in enumerate(plans, start=1):
        out += _file(number, plan)
    out.append("</xliff>")
    return "\n".join(out) + "\n"


def _file(number: int, plan: PagePlan) -> list[str]:
    lines = [
        f'  <file id="f{number}" original={quoteattr(plan.page.as_posix())}>',
        "    <mda:metadata>",
        '      <mda:metaGroup category="victiminfo">',
        f'        <mda:meta type="source_revision">{escape(plan.revision)}</mda:meta>',
        f'        <mda:meta type="state">{escape(plan.state.value)}</mda:meta>',
        "      </mda:metaGroup>",
        "    </mda:metadata>",
        "    <notes>",
        f"      <note>Swedish page docs/sv/{escape(plan.page.as_posix())} at revision "
        f"{escape(plan.revision)} ({escape(plan.state.value)} in this language). Codes are "
        "links, fact placeholders and formatting: keep every link and placeholder.</note>",
        "    </notes>",
    ]
    done = "reviewed" if plan.state == State.reviewed else "translated"
    for planned in plan.units:
        lines += _unit(planned, done)
    return [*lines, "  </file>"]


def _unit(planned: Planned, done: str) -> list[str]:
    """One block; a confirmed target is `done` (translated, or reviewed by a person)."""
    unit = planned.unit
    nodes = unit.nodes
    table = _code_table(nodes)
    lines = [f"    <unit id={quoteattr(unit.id)} type={quoteattr('vi:' + unit.kind)}>"]
    if planned.note:
        lines += ["      <notes>", f"        <note>{escape(planned.note)}</note>", "      </notes>"]
    if table:
        lines.append("      <originalData>")
        for code, number in table:
            if isinstance(code, Ph):
                lines.append(f'        <data id="d{number}">{escape(code.data)}</data>')
            else:
                lines.append(f'        <data id="d{number}s">{escape(code.start)}</data>')
                lines.append(f'        <data id="d{number}e">{escape(code.end)}</data>')
        lines.append("      </originalData>")
    state = done if planned.confirmed and planned.target else "initial"
    lines.append(f'      <segment state="{state}">')
    lines.append(f'        <source xml:space="preserve">{_inline(nodes, table)}</source>')
    if planned.target:
        target_nodes = parse_inline(planned.target)
        target = _inline(target_nodes, _target_table(nodes, target_nodes))
        lines.append(f'        <target xml:space="preserve">{target}</target>')
    return [*lines, "      </segment>", "    </unit>"]


Table = list[tuple[Ph | Pc, int]]  # codes and their ids, looked up by identity


def _code_table(nodes: tuple[Node, ...]) -> Table:
    return [(code, number) for number, code in enumerate(codes(nodes), start=1)]


def _id(table: Table, node: Ph | Pc) -> int:
    return next(number for code, number in table if code is node)


def _target_table(source: tuple[Node, ...], target: tuple[Node, ...]) -> Table:
    """Number the target's codes with the ids of the source codes they match."""
    ids = {id(code): number for code, number in _code_table(source)}
    return [(code, ids[id(match)]) for code, match in match_codes(source, target)]


def _inline(nodes: tuple[Node, ...], table: Table) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node))
        elif isinstance(node, Ph):
            n = _id(table, node)
            parts.append(
                f'<ph id="{n}" dataRef="d{n}" canCopy="no" canDelete="no" '
                f"disp={quoteattr(node.data)}/>"
            )
        else:
            n = _id(table, node)
            kind = (
                'type="link"'
                if node.kind in ("link", "image")
                else f'type="fmt" subType="{FORMAT[node.kind]}"'
            )
            lock = ' canCopy="no" canDelete="no"' if node.kind in ("link", "image") else ""
            parts.append(
                f'<pc id="{n}" dataRefStart="d{n}s" dataRefEnd="d{n}e" {kind}{lock}>'
                + _inline(node.children, table)
                + "</pc>"
            )
    return "".join(parts)


# --- reading --------------------------------------------------------------------------------


@dataclass
class Element:
    """An XML element with its line, attributes (local names) and mixed content."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | str] = field(default_factory=list)

    def find(self, tag: str) -> list[Element]:
        """Child elements with this (local) tag name."""
        return [c for c in self.children if isinstance(c, Element) and c.tag == tag]

    def text(self) -> str:
        """The text content of the element and its descendants."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class XliffError(Exception):
    """A problem in the returned file, with its line."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_xml(data: bytes) -> Element:
    """Parse XML (no DTD, no entities) into Elements that know their lines."""
    parser = expat.ParserCreate(namespace_separator=" ")
    root = Element("#document", {}, 1)
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = {k.rsplit(" ", 1)[-1]: v for k, v in attrs.items()}
        element = Element(name.rsplit(" ", 1)[-1], local, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].children.append(data)

    def doctype(*args: object) -> None:
        raise XliffError(parser.CurrentLineNumber, "a DOCTYPE is not allowed in the file")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise XliffError(
            exc.lineno, f"the file is not well-formed XML: {expat.errors.messages[exc.code]}"
        ) from None
    return root


def read_xliff(data: bytes) -> Returned:
    """The pages and units of a returned XLIFF 2.0 file."""
    roots = parse_xml(data).find("xliff")
    if not roots or roots[0].attrs.get("version") != "2.0":
        raise XliffError(1, 'this is not an XLIFF 2.0 file (<xliff version="2.0">)')
    root = roots[0]
    pages = [_page(f) for f in root.find("file")]
    names = [
        m.text().strip()
        for m in _descendants(root, "meta")
        if m.attrs.get("type") == "translated_by"
    ]
    by = next((name for name in names if name), None)
    return Returned(root.attrs.get("srcLang", ""), root.attrs.get("trgLang", ""), pages, by)


def _page(file: Element) -> ReturnedPage:
    original = file.attrs.get("original")
    if not original:
        raise XliffError(file.line, "a <file> has no original= (the page it belongs to)")
    meta = {m.attrs.get("type"): m.text().strip() for m in _descendants(file, "meta")}
    revision = meta.get("source_revision")
    if not revision:
        raise XliffError(file.line, f"the page {original} does not say its source_revision")
    units = [_unit_returned(u) for u in _descendants(file, "unit")]
    return ReturnedPage(PurePosixPath(original), revision, {u.id: u for u in units}, file.line)


def _descendants(element: Element, tag: str) -> list[Element]:
    out = []
    for child in element.children:
        if isinstance(child, Element):
            out += [child] if child.tag == tag else _descendants(child, tag)
    return out


def _unit_returned(unit: Element) -> ReturnedUnit:
    data = {d.attrs.get("id", ""): d.text() for d in _descendants(unit, "data")}
    parts = [
        c for c in unit.children if isinstance(c, Element) and c.tag in ("segment", "ignorable")
    ]
    sources, targets, states = [], [], []
    for part in parts:
        source = part.find("source")
        target = part.find("target")
        codes_of = _source_codes(source[0]) if source else {}
        sources.append(_markdown(source[0], data, codes_of) if source else "")
        if part.tag == "ignorable":
            targets.append(_markdown(target[0], data, codes_of) if target else sources[-1])
            continue
        targets.append(_markdown(target[0], data, codes_of) if target else "")
        states.append(part.attrs.get("state", "initial"))
    target_text = "".join(targets)
    confirmed = bool(states) and all(s in CONFIRMED for s in states)
    return ReturnedUnit(
        unit.attrs.get("id", ""), "".join(sources), target_text or None, confirmed, unit.line
    )


def _source_codes(source: Element) -> dict[str, Element]:
    return {
        e.attrs.get("id", ""): e for e in _descendants(source, "ph") + _descendants(source, "pc")
    }


def _markdown(element: Element, data: dict[str, str], source_codes: dict[str, Element]) -> str:
    """Inline content back to Markdown; each code's Markdown comes from the source's data."""
    parts = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "mrk":
            parts.append(_markdown(child, data, source_codes))
        elif child.tag in ("ph", "pc"):
            parts.append(_code_markdown(child, data, source_codes))
        elif child.tag == "cp":
            parts.append(chr(int(child.attrs.get("hex", "20"), 16)))
        else:
            raise XliffError(
                child.line,
                f"<{child.tag}> is not supported here; use <ph> and <pc> as in the source",
            )
    return "".join(parts)


def _code_markdown(code: Element, data: dict[str, str], source_codes: dict[str, Element]) -> str:
    ident = code.attrs.get("id", "")
    source = source_codes.get(ident)
    if source is None or source.tag != code.tag:
        raise XliffError(
            code.line,
            f'<{code.tag} id="{ident}"> is not in the unit\'s source: keep the codes of the source',
        )
    if code.tag == "ph":
        return data.get(source.attrs.get("dataRef", ""), "")
    start = data.get(source.attrs.get("dataRefStart", ""), "")
    end = data.get(source.attrs.get("dataRefEnd", ""), "")
    return start + _markdown(code, data, source_codes) + end
