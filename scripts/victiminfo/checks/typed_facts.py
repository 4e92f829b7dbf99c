"""Phone numbers typed into a Swedish page instead of a placeholder (facts live in the data)."""

from __future__ import annotations

import phonenumbers

from victiminfo.checks.links import ContentPage
from victiminfo.content.text_literals import literals, phone_key
from victiminfo.errors import Problem
from victiminfo.model.catalog import Catalog
from victiminfo.model.phones import parse_phone
from victiminfo.rules import Rule


def data_phones(catalog: Catalog | None) -> dict[str, str]:
    """Each number in the data (by key) and the placeholder that shows it."""
    if catalog is None:
        return {}
    found: dict[str, str] = {}
    for key, service in catalog.services.items():
        for phone in service.phones:
            found.setdefault(phone_key(phone.number), f"{{{{ phone {key} {phone.label.value} }}}}")
    return found


def typed_phone_problems(page: ContentPage, known: dict[str, str]) -> list[Problem]:
    """A full phone number, or a number from the data, written as text in the page."""
    problems = []
    for item in literals(page.outline, page.text.body_line).items:
        if item.kind != "phone" or not (item.key in known or _full_number(item.text)):
            continue
        placeholder = known.get(item.key)
        problems.append(
            Problem(
                page.text.path,
                f"the phone number '{item.text}' is typed into the page: it would not be "
                "checked, nor updated when the data changes",
                rule=Rule.PHONE_TYPED_INTO_PAGE,
                line=item.line,
                hint=f"write {placeholder} instead"
                if placeholder
                else "add the number to the service's data file (with its source), then "
                "write {{ phone SERVICE LABEL }}",
            )
        )
    return problems


def _full_number(text: str) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(parse_phone(text)))
    except ValueError:
        return False
