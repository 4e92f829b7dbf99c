"""Fact placeholders in pages must name services, places and phone labels that exist."""

from __future__ import annotations

from victiminfo.checks.links import ContentPage
from victiminfo.content.placeholders import placeholder_problems
from victiminfo.errors import Problem
from victiminfo.model.catalog import Catalog


def placeholder_fact_problems(page: ContentPage, catalog: Catalog | None) -> list[Problem]:
    """Unknown kinds, wrong arity, and (with a catalog) names that are not in the data."""
    return placeholder_problems(page.text.path, page.outline.placeholders, catalog)
