"""Each fact's source and checked date, and how its phone number and web address are written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import phonenumbers
from pydantic import BaseModel

from .catalog import Catalog, facts_of
from .errors import Problem
from .facts import Phone, Sourced, Web
from .phones import is_short_number, parse_phone
from .yamlfile import Loc, LocatedData, load_yaml

SOURCE_HINT = "add 'source: KEY' (a key in docs/_data/sources.yml) and 'checked: YYYY-MM-DD'"


@dataclass(frozen=True)
class AgeRule:
    """How old a check may be, counted from today (the build counts from the edition date)."""

    max_age_days: int
    today: date


def fact_problems(catalog: Catalog, rule: AgeRule) -> list[Problem]:
    """Problems with the facts of every service and place, located in their files."""
    problems: list[Problem] = []
    folders = (("services", catalog.services), ("places", catalog.places))
    for folder, models in folders:
        for key, model in models.items():
            data = load_yaml(catalog.data_dir / folder / f"{key}.yml")
            problems += _model_problems(model, data, rule)
    for key, source in catalog.sources.items():
        if source.url is not None and source.url.scheme != "https":
            problems.append(
                Problem(
                    catalog.data_dir / "sources.yml",
                    f"the source '{key}' has a web address that is not https: {source.url}",
                    line=_line(load_yaml(catalog.data_dir / "sources.yml"), (key, "url")),
                    field=f"{key}.url",
                    hint="write the https:// address if the site has one",
                    severity="warning",
                )
            )
    return problems


def _model_problems(model: BaseModel, data: LocatedData, rule: AgeRule) -> list[Problem]:
    problems: list[Problem] = []
    for dotted, fact in facts_of(model):
        loc: Loc = tuple(int(p) if p.isdigit() else p for p in dotted.split(".") if p)
        problems += _dated(fact, data, loc, dotted, rule)
        if isinstance(fact, Phone):
            problems += _phone_format(fact, data, (*loc, "number"), dotted)
        if isinstance(fact, Web):
            problems += _web(fact, data, (*loc, "url"), dotted)
    return problems


def _dated(
    fact: Sourced, data: LocatedData, loc: Loc, dotted: str, rule: AgeRule
) -> Iterator[Problem]:
    field = dotted or None
    if fact.source is None or fact.checked is None:
        missing = " and ".join(
            name
            for name, value in (("source", fact.source), ("checked date", fact.checked))
            if value is None
        )
        yield Problem(
            data.path,
            f"this fact has no {missing}: it is shown as unverified and its leaflets are drafts",
            line=_line(data, loc),
            field=field,
            hint=SOURCE_HINT + " when you have confirmed it on the source",
            severity="warning",
        )
    if fact.checked is None:
        return
    line = _line(data, (*loc, "checked"))
    age = (rule.today - fact.checked).days
    if age < 0:
        yield Problem(
            data.path,
            f"checked {fact.checked.isoformat()} is in the future (today is "
            f"{rule.today.isoformat()})",
            line=line,
            field=f"{dotted}.checked" if dotted else "checked",
            hint="write the day you confirmed the fact on its source, as YYYY-MM-DD",
        )
    elif age > rule.max_age_days:
        yield Problem(
            data.path,
            f"checked {fact.checked.isoformat()}, {age} days before today: older than "
            f"facts_max_age_days ({rule.max_age_days}, mkdocs.yml). The build counts from the "
            "edition date (the last commit) and shows it as possibly out of date",
            line=line,
            field=f"{dotted}.checked" if dotted else "checked",
            hint="confirm the fact on its source again and write today's date in 'checked:'",
            severity="warning",
        )


def _phone_format(phone: Phone, data: LocatedData, loc: Loc, dotted: str) -> Iterator[Problem]:
    if is_short_number(phone.number):
        return
    usual = phonenumbers.format_number(
        parse_phone(phone.number), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    if usual != phone.number:
        yield Problem(
            data.path,
            f"the number '{phone.number}' is usually written '{usual}'",
            line=_line(data, loc),
            field=f"{dotted}.number",
            hint=f'write number: "{usual}", so that every page writes it the same way',
            severity="warning",
        )


def _web(web: Web, data: LocatedData, loc: Loc, dotted: str) -> Iterator[Problem]:
    url = str(web.url)
    host = urlsplit(url).hostname or ""
    if web.url.scheme != "https":
        yield Problem(
            data.path,
            f"the web address '{url}' is not https: readers' visits could be seen or changed",
            line=_line(data, loc),
            field=f"{dotted}.url",
            hint="write the https:// address (open it in a browser to check that it works)",
        )
    elif "." not in host:
        yield Problem(
            data.path,
            f"the web address '{url}' has no domain such as '.se'",
            line=_line(data, loc),
            field=f"{dotted}.url",
            hint="write the whole address, e.g. https://www.brottsofferjouren.se/",
        )


def _line(data: LocatedData, loc: Loc) -> int | None:
    return data.line_of(loc)
