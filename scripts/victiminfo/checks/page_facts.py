"""Fact placeholders in pages must name services, places and phone labels that exist."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from victiminfo.content.page_text import PageText
from victiminfo.content.placeholders import (
    ARITY,
    KINDS,
    Placeholder,
    find_placeholders,
    placeholder_problems,
)
from victiminfo.errors import Problem
from victiminfo.model.catalog import Catalog
from victiminfo.rules import Rule


def placeholder_fact_problems(page: PageText, catalog: Catalog | None) -> list[Problem]:
    """Unknown kinds, wrong arity, and (with a catalog) names that are not in the data."""
    offset = page.body_line - 1
    problems = [
        replace(p, line=(p.line or 1) + offset) for p in placeholder_problems(page.path, page.body)
    ]
    if catalog is None:
        return problems
    for ph in find_placeholders(page.body):
        if ph.kind in KINDS and len(ph.args) == ARITY[ph.kind]:
            problem = _unknown_name(page.path, ph, catalog)
            if problem is not None:
                problems.append(replace(problem, line=ph.line + offset))
    return problems


def _unknown_name(path: Path, ph: Placeholder, catalog: Catalog) -> Problem | None:
    name = ph.args[0]
    if ph.kind in ("card", "phone") and name not in catalog.services:
        return _unknown(path, ph, "service", sorted(catalog.services))
    if ph.kind == "services" and name not in catalog.places:
        return _unknown(path, ph, "place", sorted(catalog.places))
    if ph.kind == "phone":
        labels = sorted({p.label.value for p in catalog.services[name].phones})
        if ph.args[1] not in labels:
            return Problem(
                path,
                f"'{name}' has no phone labelled '{ph.args[1]}'",
                rule=Rule.PHONE_LABEL_UNKNOWN,
                hint=f"use one of: {', '.join(labels) or 'none (add a phone to the data first)'}",
            )
    return None


def _unknown(path: Path, ph: Placeholder, what: str, known: list[str]) -> Problem:
    return Problem(
        path,
        f"'{ph.text}' names a {what} that does not exist",
        rule=Rule.PLACEHOLDER_NAME_UNKNOWN,
        hint=f"known {what}s: {', '.join(known)}",
    )
