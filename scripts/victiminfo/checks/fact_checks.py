"""Each fact's source, seen date and verification; how its phone and web address are written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import phonenumbers
from pydantic import BaseModel

from victiminfo.errors import Problem
from victiminfo.model.catalog import Catalog, facts_of
from victiminfo.model.facts import Phone, Source, Sourced, Web
from victiminfo.model.phones import is_short_number, parse_phone
from victiminfo.model.yamlfile import Loc, LocatedData, load_yaml
from victiminfo.rules import Rule

SOURCE_HINT = (
    "add 'source: KEY' (a key in docs/_data/sources.yml) and 'seen: YYYY-MM-DD', the day you "
    "saw the value there"
)


@dataclass(frozen=True)
class AgeRule:
    """How old a verification may be, counted from today (the build counts from the edition)."""

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
            problems += _web_host_problems(model, data, catalog.sources)
    return problems + _source_problems(catalog) + _not_verified(catalog)


def _not_verified(catalog: Catalog) -> list[Problem]:
    """One line for every fact that was seen on a source but never verified (issue #16)."""
    count = sum(
        1
        for model in [*catalog.services.values(), *catalog.places.values()]
        for _, fact in facts_of(model)
        if fact.source is not None and fact.seen is not None and fact.verified is None
    )
    if not count:
        return []
    return [
        Problem(
            catalog.data_dir,
            f"{count} fact(s) were seen on a source but no person has verified them on the "
            "live source: readers see them as not yet verified and their leaflets are drafts",
            rule=Rule.FACTS_NOT_VERIFIED,
            hint="run scripts/facts list --state seen; confirm each on its live page and "
            "record it with scripts/facts verify FILE FACT --by NAME",
        )
    ]


def _source_problems(catalog: Catalog) -> list[Problem]:
    insecure = {
        key: source.url
        for key, source in catalog.sources.items()
        if source.url is not None and source.url.scheme != "https"
    }
    if not insecure:
        return []
    data = load_yaml(catalog.data_dir / "sources.yml")
    return [
        _at(
            data,
            (key, "url"),
            f"the source '{key}' has a web address that is not https: {url}",
            "write the https:// address if the site has one",
            Rule.SOURCE_NOT_HTTPS,
        )
        for key, url in insecure.items()
    ]


def _model_problems(model: BaseModel, data: LocatedData, rule: AgeRule) -> list[Problem]:
    problems: list[Problem] = []
    for loc, fact in facts_of(model):
        problems += _dated(fact, data, loc, rule)
        if isinstance(fact, Phone):
            problems += _phone_format(fact, data, (*loc, "number"))
        if isinstance(fact, Web):
            problems += _web(fact, data, (*loc, "url"))
    return problems


def _dated(fact: Sourced, data: LocatedData, loc: Loc, rule: AgeRule) -> Iterator[Problem]:
    if fact.source is None or fact.seen is None:
        missing = " and ".join(
            name
            for name, value in (("source", fact.source), ("seen date", fact.seen))
            if value is None
        )
        yield _at(
            data,
            loc,
            f"this fact has no {missing}: it is shown as unverified and its leaflets are drafts",
            SOURCE_HINT,
            Rule.FACT_UNSOURCED,
        )
    if fact.seen is not None and fact.seen > rule.today:
        yield _future(data, (*loc, "seen"), f"seen {fact.seen.isoformat()}", rule)
    if fact.verified is not None:
        yield from _verification(fact.verified.date, data, (*loc, "verified"), rule)


def _verification(day: date, data: LocatedData, loc: Loc, rule: AgeRule) -> Iterator[Problem]:
    age = (rule.today - day).days
    if age < 0:
        yield _future(data, loc, f"verified {day.isoformat()}", rule)
    elif age > rule.max_age_days:
        yield _at(
            data,
            loc,
            f"verified {day.isoformat()}, {age} days before today: older than "
            f"facts_max_age_days ({rule.max_age_days}, mkdocs.yml). The build counts from the "
            "edition date (the last commit) and shows it as possibly out of date",
            "confirm the fact on its live source again and record it: "
            "scripts/facts verify FILE FACT --by NAME",
            Rule.VERIFIED_LONG_AGO,
        )


def _future(data: LocatedData, loc: Loc, what: str, rule: AgeRule) -> Problem:
    return _at(
        data,
        loc,
        f"{what} is in the future (today is {rule.today.isoformat()})",
        "write the day it really happened, as YYYY-MM-DD",
        Rule.SEEN_IN_FUTURE,
    )


def _phone_format(phone: Phone, data: LocatedData, loc: Loc) -> Iterator[Problem]:
    if is_short_number(phone.number):
        return
    usual = phonenumbers.format_number(
        parse_phone(phone.number), phonenumbers.PhoneNumberFormat.NATIONAL
    )
    if usual != phone.number:
        yield _at(
            data,
            loc,
            f"the number '{phone.number}' is usually written '{usual}'",
            f'write number: "{usual}", so that every page writes it the same way',
            Rule.PHONE_WRITTEN_UNUSUALLY,
        )


def _web(web: Web, data: LocatedData, loc: Loc) -> Iterator[Problem]:
    url = str(web.url)
    if web.url.scheme != "https":
        yield _at(
            data,
            loc,
            f"the web address '{url}' is not https: readers' visits could be seen or changed",
            "write the https:// address (open it in a browser to check that it works)",
            Rule.WEB_NOT_HTTPS,
        )
    elif "." not in (urlsplit(url).hostname or ""):
        yield _at(
            data,
            loc,
            f"the web address '{url}' has no domain such as '.se'",
            "write the whole address, e.g. https://www.brottsofferjouren.se/",
            Rule.WEB_NO_DOMAIN,
        )


def _web_host_problems(
    model: BaseModel, data: LocatedData, sources: dict[str, Source]
) -> list[Problem]:
    """A web address must be on the host of the source that vouches for it (or under it)."""
    return [
        _at(
            data,
            (*loc, "url"),
            f"the web address '{fact.url}' is not on the host of its source "
            f"'{fact.source}' ({source_host}): readers could be sent to a look-alike site",
            "write the address the source gives; a new host needs its own source in "
            "sources.yml, which the fact checkers review",
            Rule.WEB_NOT_ON_SOURCE_HOST,
        )
        for loc, fact in facts_of(model)
        if isinstance(fact, Web) and fact.source in sources and "." in _host(fact.url)
        for source_host in [_host(sources[fact.source].url)]
        if source_host and not _same_site(_host(fact.url), source_host)
    ]


def _host(url: object) -> str:
    host = (urlsplit(str(url)).hostname or "") if url is not None else ""
    return host.lower().removeprefix("www.")


def _same_site(host: str, source_host: str) -> bool:
    return host == source_host or host.endswith("." + source_host)


def _at(data: LocatedData, loc: Loc, message: str, hint: str, rule: Rule) -> Problem:
    """A problem at a value of a data file, its field named by the value's dotted path."""
    field = ".".join(str(part) for part in loc) or None
    return Problem(data.path, message, rule=rule, line=data.line_of(loc), field=field, hint=hint)
