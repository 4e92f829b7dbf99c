"""Fact placeholders in Markdown, such as {{ card brottsofferjouren }}, found with their line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from victiminfo.errors import Problem
from victiminfo.rules import Rule

PATTERN = re.compile(r"\{\{\s*(?P<kind>[a-z]+)\s+(?P<args>[a-z0-9_ -]+?)\s*\}\}")
KINDS = {
    "card": "{{ card SERVICE }}: the contact card of a service",
    "services": "{{ services PLACE }}: the cards of every service that serves a place",
    "phone": "{{ phone SERVICE LABEL }}: one number as a link, e.g. {{ phone polisen emergency }}",
    "leaflets": "{{ leaflets all }}: every leaflet by place, service and language (print page)",
}
ARITY = {"card": 1, "services": 1, "phone": 2, "leaflets": 1}


@dataclass(frozen=True)
class Placeholder:
    """One placeholder in a page: what it asks for and where it stands."""

    kind: str
    args: tuple[str, ...]
    line: int
    start: int
    end: int

    @property
    def text(self) -> str:
        """The placeholder in its canonical spelling."""
        return "{{ " + " ".join((self.kind, *self.args)) + " }}"


def find_placeholders(markdown: str) -> list[Placeholder]:
    """Every placeholder in the text, in order."""
    found = []
    for match in PATTERN.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        args = tuple(match.group("args").split())
        found.append(Placeholder(match.group("kind"), args, line, match.start(), match.end()))
    return found


def placeholder_problems(path: Path, markdown: str) -> list[Problem]:
    """Placeholders of an unknown kind or with the wrong number of arguments."""
    problems = []
    for ph in find_placeholders(markdown):
        if ph.kind not in KINDS:
            known = "; ".join(KINDS.values())
            problems.append(
                Problem(
                    path,
                    f"unknown placeholder '{ph.text}'",
                    rule=Rule.PLACEHOLDER_KIND_UNKNOWN,
                    line=ph.line,
                    hint=f"use one of: {known}",
                )
            )
        elif len(ph.args) != ARITY[ph.kind]:
            problems.append(
                Problem(
                    path,
                    f"'{ph.text}' needs {ARITY[ph.kind]} name(s)",
                    rule=Rule.PLACEHOLDER_WRONG_NUMBER_OF_NAMES,
                    line=ph.line,
                    hint=KINDS[ph.kind],
                )
            )
    return problems
