"""Parity: a translation has its Swedish page's structure, and adds no number or address.

Compared, in order: heading levels and {#ids}, fact placeholders, admonitions; as a multiset:
link targets. Phone numbers, e-mail and web addresses must all come from the Swedish page
(or, better, from placeholders); other numbers that the Swedish page lacks are warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from victiminfo.checks.links import ContentPage, all_links
from victiminfo.content.anchors import explicit_ids
from victiminfo.content.number_words import numbers_in_words
from victiminfo.content.text_literals import Literal, Literals, literals
from victiminfo.errors import Problem
from victiminfo.rules import Rule


@dataclass(frozen=True)
class Item:
    """One structural item of a page, with the key two pages must share and its line."""

    key: Hashable
    line: int
    shown: str


@dataclass(frozen=True)
class Pair:
    """The translation and its Swedish source."""

    translation: ContentPage
    source: ContentPage

    def source_line(self, line: int) -> str:
        """The text of a line of the Swedish file, for messages."""
        lines = self.source.text.text.split("\n")
        return lines[line - 1].strip() if 0 < line <= len(lines) else ""

    def problem(self, rule: Rule, line: int, message: str, hint: str) -> Problem:
        """A problem located in the translation."""
        return Problem(self.translation.text.path, message, rule=rule, line=line, hint=hint)


def parity_problems(translation: ContentPage, source: ContentPage) -> list[Problem]:
    """Everything in which a translation differs from its Swedish page."""
    pair = Pair(translation, source)
    headings = _headings(translation), _headings(source)
    near = _section_map(*headings, translation.text.body_line)
    problems = _sequence(pair, "heading", *headings, near, HEADING_HINT)
    problems += _sequence(
        pair, "placeholder", _placeholders(translation), _placeholders(source), near, FACT_HINT
    )
    problems += _sequence(
        pair, "admonition", _admonitions(translation), _admonitions(source), near, BLOCK_HINT
    )
    problems += _links(pair, near)
    problems += _other_ids(pair, near)
    problems += _literals(pair)
    return problems


HEADING_HINT = (
    "keep every heading of the Swedish page, at the same level (number of #) and with the "
    "same {#id}"
)
FACT_HINT = (
    "copy the placeholder exactly from the Swedish page; only the text around it is translated"
)
BLOCK_HINT = "keep each '!!! kind' block of the Swedish page with the same kind; translate its text"
LITERAL_SCHEMES = ("http://", "https://", "mailto:", "tel:")
ID_HINT = 'keep every {#id} and id="..." of the Swedish page exactly: links point to them'
LINK_HINT = "keep each link target exactly as in the Swedish page; translate only the link text"
SEQUENCE_RULES = {
    "heading": Rule.HEADING_MISMATCH,
    "placeholder": Rule.PLACEHOLDER_MISMATCH,
    "admonition": Rule.ADMONITION_MISMATCH,
}


def _headings(page: ContentPage) -> list[Item]:
    return [Item((h.level, h.explicit_id), h.line, h.shown) for h in page.outline.headings]


def _placeholders(page: ContentPage) -> list[Item]:
    return [Item(p.text, p.line, p.text) for p in page.outline.placeholders if not p.malformed]


def _admonitions(page: ContentPage) -> list[Item]:
    return [Item(a.kind, a.line, f"!!! {a.kind}") for a in page.outline.admonitions]


def _section_map(
    translation: Sequence[Item], source: Sequence[Item], first_line: int
) -> Callable[[int], int]:
    """For a Swedish line, the translation line of the same section's heading."""
    pairs: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, [i.key for i in source], [i.key for i in translation], False)
    for block in matcher.get_matching_blocks():
        pairs += [
            (source[block.a + k].line, translation[block.b + k].line) for k in range(block.size)
        ]

    def near(source_line: int) -> int:
        before = [t for s, t in pairs if s <= source_line]
        return before[-1] if before else first_line

    return near


def _sequence(
    pair: Pair,
    what: str,
    translation: Sequence[Item],
    source: Sequence[Item],
    near: Callable[[int], int],
    hint: str,
) -> list[Problem]:
    problems = []
    matcher = SequenceMatcher(None, [i.key for i in source], [i.key for i in translation], False)
    for op, s1, s2, t1, t2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = list(zip(source[s1:s2], translation[t1:t2], strict=False))
        for sv, tr in pairs:
            problems.append(_differs(pair, what, tr, sv, hint))
        for sv in source[s1 + len(pairs) : s2]:
            problems.append(_missing(pair, what, sv, near(sv.line), hint))
        for tr in translation[t1 + len(pairs) : t2]:
            problems.append(
                pair.problem(
                    SEQUENCE_RULES[what],
                    tr.line,
                    f"the {what} '{tr.shown}' is not in the Swedish page",
                    hint,
                )
            )
    return problems


def _differs(pair: Pair, what: str, tr: Item, sv: Item, hint: str) -> Problem:
    return pair.problem(
        SEQUENCE_RULES[what],
        tr.line,
        f"this {what} is '{tr.shown}', but the Swedish page has '{sv.shown}' here "
        f"(Swedish line {sv.line}: {pair.source_line(sv.line)})",
        hint,
    )


def _missing(pair: Pair, what: str, sv: Item, line: int, hint: str) -> Problem:
    return pair.problem(
        SEQUENCE_RULES[what],
        line,
        f"the {what} '{sv.shown}' of the Swedish page is missing in this section "
        f"(Swedish line {sv.line}: {pair.source_line(sv.line)})",
        hint,
    )


def _links(pair: Pair, near: Callable[[int], int]) -> list[Problem]:
    tr_links = all_links(pair.translation.outline)
    sv_links = all_links(pair.source.outline)
    tr_count = Counter(link.target for link in tr_links)
    sv_count = Counter(link.target for link in sv_links)
    extra, missing = tr_count - sv_count, sv_count - tr_count
    problems = []
    for link in reversed(tr_links):
        if link.target.lower().startswith(LITERAL_SCHEMES):
            continue  # a new address or number: reported (more plainly) by _literals
        if extra[link.target] > 0:
            extra[link.target] -= 1
            problems.append(
                pair.problem(
                    Rule.LINK_MISMATCH,
                    link.line,
                    f"the link '{link.target}' is not in the Swedish page "
                    "(or it is there fewer times)",
                    LINK_HINT,
                )
            )
    for link in sv_links:
        if missing[link.target] > 0:
            missing[link.target] -= 1
            problems.append(
                pair.problem(
                    Rule.LINK_MISMATCH,
                    near(link.line),
                    f"the link '{link.target}' of the Swedish page is missing in this section "
                    f"(Swedish line {link.line}: {pair.source_line(link.line)})",
                    LINK_HINT,
                )
            )
    return sorted(problems, key=lambda p: p.line or 0)


def _ids_outside_headings(page: ContentPage) -> dict[str, int]:
    """Explicit ids on anything but a heading ({: #id } lists, HTML id attributes)."""
    ids = explicit_ids(page.outline)
    for heading in page.outline.headings:
        ids.pop(heading.explicit_id or "", None)
    return ids


def _other_ids(pair: Pair, near: Callable[[int], int]) -> list[Problem]:
    tr, sv = _ids_outside_headings(pair.translation), _ids_outside_headings(pair.source)
    problems = [
        pair.problem(Rule.ID_MISMATCH, line, f"the id '#{key}' is not in the Swedish page", ID_HINT)
        for key, line in tr.items()
        if key not in sv
    ]
    problems += [
        pair.problem(
            Rule.ID_MISMATCH,
            near(line),
            f"the id '#{key}' of the Swedish page is missing in this section "
            f"(Swedish line {line}: {pair.source_line(line)})",
            ID_HINT,
        )
        for key, line in sv.items()
        if key not in tr
    ]
    return problems


def _literals(pair: Pair) -> list[Problem]:
    tr = literals(pair.translation.outline, pair.translation.text.body_line)
    sv = literals(pair.source.outline, pair.source.text.body_line)
    in_words = numbers_in_words(pair.source.text.body)
    problems = []
    for item in tr.items:
        if not (_in_source(item, sv) or (item.kind == "number" and item.key in in_words)):
            problems.append(_literal_problem(pair, item))
    return problems


def _in_source(item: Literal, sv: Literals) -> bool:
    if item.kind in ("phone", "number"):
        numbers = sv.keys("phone", "number") | sv.number_pieces()
        if item.key in numbers or item.key.lstrip("+") in numbers:
            return True
        pieces = Literals([Literal("number", item.text, item.line)]).number_pieces()
        return item.kind == "number" and pieces <= numbers
    return item.key in sv.keys(item.kind)


NOUNS = {"phone": "phone number", "email": "e-mail address", "url": "web address"}
LITERAL_RULES = {
    "phone": Rule.PHONE_NOT_IN_SOURCE,
    "email": Rule.EMAIL_NOT_IN_SOURCE,
    "url": Rule.WEB_ADDRESS_NOT_IN_SOURCE,
}


def _literal_problem(pair: Pair, item: Literal) -> Problem:
    if item.kind == "number":
        return pair.problem(
            Rule.NUMBER_NOT_IN_SOURCE,
            item.line,
            f"the number '{item.text}' is not in the Swedish page: check it against the source",
            "write the same number as the Swedish page (a date, an age, a law's number)",
        )
    how = (
        "use a placeholder such as {{ phone SERVICE LABEL }}, as the Swedish page does"
        if item.kind == "phone"
        else "use exactly the address of the Swedish page, or add it there first"
    )
    return pair.problem(
        LITERAL_RULES[item.kind],
        item.line,
        f"the {NOUNS[item.kind]} '{item.text}' is not in the Swedish page: a reader "
        "could be sent to a wrong number or address",
        how,
    )
