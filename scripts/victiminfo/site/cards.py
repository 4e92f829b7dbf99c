"""Turn facts into view models for the contact-card component, in one language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from victiminfo.model.facts import Phone, Place, Presence, Service, Source, Sourced
from victiminfo.model.freshness import Policy, Status
from victiminfo.model.phones import tel_uri
from victiminfo.model.strings import UiStrings

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Row:
    """One line of a card: a translated label and a value, with the value's status."""

    label: str
    value: str
    href: str | None = None
    ltr: bool = False
    status: Status = Status.verified
    note: str = ""


@dataclass(frozen=True)
class FactDates:
    """What the facts of a card or leaflet say of their checks, for its footer line."""

    verified_on: date | None = None  # the oldest verification, when every fact is verified
    verified_by: tuple[str, ...] = ()
    seen_on: date | None = None  # the oldest day a fact not verified was seen on its source
    seen_in: tuple[str, ...] = ()  # those facts' sources, as readers know them
    doubtful: bool = False  # some fact is neither verified nor overdue (seen or unsourced)

    @property
    def all_verified(self) -> bool:
        """True when there are verifications and no fact is only seen."""
        return self.verified_on is not None and self.seen_on is None


def combined(parts: list[FactDates]) -> FactDates:
    """The dates of several cards together, as one leaflet's footer says them."""
    verified = [p.verified_on for p in parts if p.verified_on is not None]
    seen = [p.seen_on for p in parts if p.seen_on is not None]
    doubtful = any(p.doubtful for p in parts)
    return FactDates(
        None if seen or doubtful else min(verified, default=None),
        tuple(dict.fromkeys(by for p in parts for by in p.verified_by)),
        min(seen, default=None),
        tuple(dict.fromkeys(where for p in parts for where in p.seen_in)),
        doubtful,
    )


@dataclass(frozen=True)
class Card:
    """Everything the contact-card template shows for one service."""

    key: str
    name: str
    organisation: str
    rows: tuple[Row, ...]
    flags: tuple[Row, ...] = ()
    notes: tuple[str, ...] = ()
    dates: FactDates = FactDates()
    doubts: tuple[str, ...] = ()

    @property
    def has_unverified(self) -> bool:
        """True when any fact on the card is not verified (only seen, overdue or unsourced)."""
        return bool(self.doubts)


def service_card(
    key: str,
    service: Service,
    ui: UiStrings,
    policy: Policy,
    place: Place | None = None,
    sources: Mapping[str, Source] | None = None,
) -> Card:
    """The card for a service; with a place, also the service's presence there."""
    facts: list[Sourced] = []
    rows = [_phone_row(p, ui, policy) for p in service.phones]
    facts += service.phones
    if service.email:
        rows.append(
            _row(
                ui.t("card.email"),
                service.email.address,
                service.email,
                ui,
                policy,
                href=f"mailto:{service.email.address}",
            )
        )
        facts.append(service.email)
    if service.web:
        url = str(service.web.url)
        rows.append(_row(ui.t("card.web"), _short_url(url), service.web, ui, policy, href=url))
        facts.append(service.web)
    if service.address:
        a = service.address
        rows.append(_row(ui.t("card.address"), f"{a.street}, {a.postcode} {a.city}", a, ui, policy))
        facts.append(a)
    flags = []
    for flag, label in (
        (service.free_of_charge, "card.free_of_charge"),
        (service.anonymous, "card.anonymous"),
    ):
        if flag is not None and flag.value:
            if not _said_on_every_number(service, label):
                flags.append(_row(ui.t(label), "", flag, ui, policy))
            facts.append(flag)
    notes = _presence_notes(key, service, place, ui, policy, facts, sources or {})
    doubts = tuple(
        doubt(service.name, f, policy) for f in facts if policy.status(f) is not Status.verified
    )
    return Card(
        key,
        service.name,
        service.organisation,
        tuple(rows),
        tuple(flags),
        notes,
        fact_dates(facts, policy, sources or {}),
        doubts,
    )


def _said_on_every_number(service: Service, label: str) -> bool:
    """Whether every number already says 'free of charge', so the flag would only repeat it."""
    return (
        label == "card.free_of_charge"
        and bool(service.phones)
        and all(phone.free_of_charge for phone in service.phones)
    )


def doubt(name: str, fact: Sourced, policy: Policy) -> str:
    """Why a fact is not verified, for the build log (in English, for editors)."""
    what = type(fact).__name__.lower()
    if isinstance(fact, Phone):
        what = f"phone {fact.number}"
    status = policy.status(fact)
    if status is Status.overdue and fact.verified is not None:
        return (
            f"{name}: {what} last verified {fact.verified.date} "
            f"(older than {policy.max_age_days} days)"
        )
    if status is Status.seen:
        return f"{name}: {what} seen {fact.seen} on its source, not yet verified"
    return f"{name}: {what} has no {'source' if fact.source is None else 'seen date'}"


def _phone_row(phone: Phone, ui: UiStrings, policy: Policy) -> Row:
    extras = [ui.t("card.free_of_charge")] if phone.free_of_charge else []
    if phone.always_open:
        extras.append(ui.t("card.always_open"))
    row = _row(
        ui.t(f"phone_label.{phone.label.value}"),
        phone.number,
        phone,
        ui,
        policy,
        href=tel_uri(phone.number),
        ltr=True,
    )
    return Row(
        row.label,
        row.value,
        row.href,
        True,
        row.status,
        " · ".join([*extras, row.note] if row.note else extras),
    )


def _row(
    label: str,
    value: str,
    fact: Sourced,
    ui: UiStrings,
    policy: Policy,
    href: str | None = None,
    ltr: bool = False,
) -> Row:
    status = policy.status(fact)
    return Row(label, value, href, ltr or href is not None, status, status_note(fact, ui, policy))


def status_note(fact: Sourced, ui: UiStrings, policy: Policy) -> str:
    """What readers are told of a fact that is not verified ('' for one that is)."""
    status = policy.status(fact)
    if status is Status.overdue and fact.verified is not None:
        return ui.t("card.overdue", date=fact.verified.date.isoformat())
    if status is Status.seen:
        return ui.t("card.not_verified")
    if status is Status.unsourced:
        return ui.t("card.unsourced")
    return ""


def _presence_notes(
    key: str,
    service: Service,
    place: Place | None,
    ui: UiStrings,
    policy: Policy,
    facts: list[Sourced],
    sources: Mapping[str, Source],
) -> tuple[str, ...]:
    if place is None:
        return ()
    notes = []
    for link in place.services:
        if link.service == key and link.presence is not None:
            text = presence_text(link.presence, service.name, ui, sources)
            note = status_note(link.presence, ui, policy)
            notes.append(f"{text} ({note})" if note else text)
            facts.append(link.presence)
    return tuple(notes)


def presence_text(
    presence: Presence, service: str, ui: UiStrings, sources: Mapping[str, Source]
) -> str:
    """The presence in a sentence; a planned one as the plan of its year (issue #16)."""
    key = f"{presence.where}.{presence.how_often}"
    if not presence.planned:
        return ui.t(f"presence.{key}", service=service)
    year = year_of(presence, sources)
    return ui.t(f"planned.{key}", service=service, year=str(year) if year else "?")


def year_of(presence: Presence, sources: Mapping[str, Source]) -> int | None:
    """The year of a plan: its source's publication, the day it was seen, or the year its
    source's title names (sources.yml: "... (nyhet, 2017)")."""
    source = sources.get(presence.source or "")
    day = (source.published if source is not None else None) or presence.seen
    if day is not None:
        return day.year
    years = YEAR.findall(source.title) if source is not None else []
    return int(years[-1]) if years else None


def fact_dates(facts: list[Sourced], policy: Policy, sources: Mapping[str, Source]) -> FactDates:
    """The oldest verification (and who made them), or the oldest day a fact was only seen."""
    checked = (Status.verified, Status.overdue)
    verified = [f.verified for f in facts if f.verified and policy.status(f) in checked]
    seen = [f for f in facts if policy.status(f) is Status.seen and f.seen is not None]
    doubtful = len(verified) < len(facts)
    if seen:
        names = (source_label(sources.get(f.source or ""), f.source or "") for f in seen)
        first = min(f.seen for f in seen if f.seen)
        return FactDates(None, (), first, tuple(dict.fromkeys(names)), doubtful)
    if not verified or doubtful:
        return FactDates(doubtful=doubtful)
    return FactDates(min(v.date for v in verified), tuple(dict.fromkeys(v.by for v in verified)))


def source_label(source: Source | None, key: str) -> str:
    """A source as readers know it: its site's address, else its title (else its key)."""
    if source is None:
        return key
    if source.url is not None:
        return _site_of(str(source.url))
    return source.title


def _site_of(url: str) -> str:
    """The site of an address, 'sodersjukhuset.se': paper and cards need no page path."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _short_url(url: str) -> str:
    text = url.split("://", 1)[-1].removeprefix("www.")
    return text.rstrip("/")
