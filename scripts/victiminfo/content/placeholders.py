"""Fact placeholders such as {{ card brottsofferjouren }}: where they are, and what they name.

Found by the one lexer (outside code, which shows them as text), and checked in one place for
the check and the build alike: their kind, their number of names, and the names in the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from victiminfo.content.markdown_lexer import PLACEHOLDER, Lexed, lex
from victiminfo.errors import Problem
from victiminfo.model.catalog import Catalog
from victiminfo.model.facts import Phone
from victiminfo.rules import Rule

KINDS = {
    "card": "{{ card SERVICE }}: the contact card of a service",
    "services": "{{ services PLACE }}: the cards of every service that serves a place",
    "phone": "{{ phone SERVICE LABEL }}: one number as a link, e.g. {{ phone polisen emergency }}",
    "leaflets": "{{ leaflets all }}: every leaflet by place, service and language (print page)",
}
ARITY = {"card": 1, "services": 1, "phone": 2, "leaflets": 1}
# What is left of a placeholder or a template tag outside the placeholders, attribute lists
# and code the lexer found: '{{ card' broken over two lines, '{%', '{#', a lone '}}'.
STRAY_MARK = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder in a page: what it asks for and where it stands."""

    kind: str
    args: tuple[str, ...]
    line: int
    start: int
    end: int
    written: str = ""  # as the page has it
    malformed: bool = False  # a stray '{{', '{%' or '{#': looks like a placeholder, is none

    @property
    def text(self) -> str:
        """The placeholder in its canonical spelling."""
        return "{{ " + " ".join((self.kind, *self.args)) + " }}"


def find_placeholders(markdown: str, first_line: int = 1) -> list[Placeholder]:
    """Every placeholder in a Markdown text, in order; first_line is the text's line in its file."""
    return placeholders_of(lex(markdown), first_line)


def placeholders_of(lexed: Lexed, first_line: int) -> list[Placeholder]:
    """The placeholders among a lexed text's tokens, with their lines in the file."""
    found = []
    for token in lexed.tokens:
        if token.kind == "placeholder":
            match = PLACEHOLDER.fullmatch(token.text)
            words = tuple(match.group("inner").split()) if match else ()
            kind, args = (words[0], words[1:]) if words else ("", ())
            line = lexed.line_of(token.start) + first_line
            found.append(Placeholder(kind, args, line, token.start, token.end, token.text))
    return sorted([*found, *_stray_marks(lexed, first_line)], key=lambda ph: ph.start)


def _stray_marks(lexed: Lexed, first_line: int) -> list[Placeholder]:
    """Template marks outside code, placeholders and attribute lists: readers would see them."""
    chars = list(lexed.masked)
    for token in lexed.tokens:
        if token.kind == "placeholder" or (token.kind == "attr" and not _is_template(token.text)):
            chars[token.start : token.end] = " " * (token.end - token.start)
    return [
        Placeholder(
            "",
            (),
            lexed.line_of(m.start()) + first_line,
            m.start(),
            m.end(),
            _line_at(lexed, m.start()),
            malformed=True,
        )
        for m in STRAY_MARK.finditer("".join(chars))
    ]


def _is_template(attr: str) -> bool:
    """An 'attribute list' that is a template tag or comment: {% include x %}, {# note #}."""
    return attr.startswith("{%") or attr.endswith(("%}", "#}"))


def _line_at(lexed: Lexed, offset: int) -> str:
    return lexed.lines[lexed.line_of(offset)].strip()


def placeholder_problems(
    path: Path, placeholders: list[Placeholder], catalog: Catalog | None
) -> list[Problem]:
    """Unknown kinds, wrong numbers of names, and (with a catalog) names not in the data."""
    problems = []
    for ph in placeholders:
        problem = _form_problem(path, ph)
        if problem is None and catalog is not None:
            problem = name_problem(path, ph, catalog)
        if problem is not None:
            problems.append(problem)
    return problems


def _form_problem(path: Path, ph: Placeholder) -> Problem | None:
    if ph.malformed:
        return Problem(
            path,
            f"'{ph.written}' looks like a placeholder but is none: readers would see it as is",
            Rule.PLACEHOLDER_MALFORMED,
            line=ph.line,
            hint="write a placeholder on one line, e.g. {{ card brottsofferjouren }}, "
            "or remove the braces; {% and {# are not used here",
        )
    if ph.kind not in KINDS:
        known = "; ".join(KINDS.values())
        return Problem(
            path,
            f"unknown placeholder '{ph.written}'",
            Rule.PLACEHOLDER_KIND_UNKNOWN,
            line=ph.line,
            hint=f"use one of: {known}",
        )
    if len(ph.args) != ARITY[ph.kind]:
        return Problem(
            path,
            f"'{ph.text}' needs {ARITY[ph.kind]} name(s)",
            Rule.PLACEHOLDER_WRONG_NUMBER_OF_NAMES,
            line=ph.line,
            hint=KINDS[ph.kind],
        )
    return None


def name_problem(path: Path, ph: Placeholder, catalog: Catalog) -> Problem | None:
    """What a well-formed placeholder names that is not in the data: service, place, label."""
    name = ph.args[0]
    if ph.kind in ("card", "phone") and name not in catalog.services:
        return _unknown(path, ph, "service", sorted(catalog.services))
    if ph.kind == "services" and name not in catalog.places:
        return _unknown(path, ph, "place", sorted(catalog.places))
    if ph.kind == "phone" and not labelled_phones(catalog, name, ph.args[1]):
        labels = sorted({p.label.value for p in catalog.services[name].phones})
        return Problem(
            path,
            f"'{name}' has no phone labelled '{ph.args[1]}'",
            Rule.PHONE_LABEL_UNKNOWN,
            line=ph.line,
            hint=f"use one of: {', '.join(labels) or 'none (add a phone to the data first)'}",
        )
    return None


def labelled_phones(catalog: Catalog, service: str, label: str) -> list[Phone]:
    """A service's phones with this label, in the data's order."""
    return [p for p in catalog.services[service].phones if p.label.value == label]


def _unknown(path: Path, ph: Placeholder, what: str, known: list[str]) -> Problem:
    return Problem(
        path,
        f"'{ph.text}' names a {what} that does not exist",
        Rule.PLACEHOLDER_NAME_UNKNOWN,
        line=ph.line,
        hint=f"known {what}s: {', '.join(known)}",
    )
