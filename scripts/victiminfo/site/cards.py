"""Turn facts into view models for the contact-card component, in one language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from victiminfo.model.facts import Phone, Place, Service, Sourced
from victiminfo.model.freshness import Policy, Status
from victiminfo.model.phones import tel_uri
from victiminfo.model.strings import UiStrings


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
class Card:
    """Everything the contact-card template shows for one service."""

    key: str
    name: str
    organisation: str
    rows: tuple[Row, ...]
    flags: tuple[Row, ...] = ()
    notes: tuple[str, ...] = ()
    checked: date | None = None
    doubts: tuple[str, ...] = ()

    @property
    def has_unverified(self) -> bool:
        """True when any fact on the card is unverified or stale."""
        return bool(self.doubts)


def service_card(
    key: str, service: Service, ui: UiStrings, policy: Policy, place: Place | None = None
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
    notes = _presence_notes(key, service, place, ui, policy, facts)
    doubts = tuple(
        _doubt(service.name, f, policy) for f in facts if policy.status(f) is not Status.verified
    )
    return Card(
        key,
        service.name,
        service.organisation,
        tuple(rows),
        tuple(flags),
        notes,
        _oldest(facts),
        doubts,
    )


def _said_on_every_number(service: Service, label: str) -> bool:
    """Whether every number already says 'free of charge', so the flag would only repeat it."""
    return (
        label == "card.free_of_charge"
        and bool(service.phones)
        and all(phone.free_of_charge for phone in service.phones)
    )


def _doubt(name: str, fact: Sourced, policy: Policy) -> str:
    """Why a fact is not verified, for the build log (in English, for editors)."""
    what = type(fact).__name__.lower()
    if policy.status(fact) is Status.stale:
        return f"{name}: {what} last checked {fact.checked} (older than {policy.max_age_days} days)"
    return f"{name}: {what} has no {'source' if fact.source is None else 'checked date'}"


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
    note = ""
    if status is Status.unverified:
        note = ui.t("card.unverified")
    elif status is Status.stale and fact.checked is not None:
        note = ui.t("card.stale", date=fact.checked.isoformat())
    return Row(label, value, href, ltr or href is not None, status, note)


def _presence_notes(
    key: str,
    service: Service,
    place: Place | None,
    ui: UiStrings,
    policy: Policy,
    facts: list[Sourced],
) -> tuple[str, ...]:
    if place is None:
        return ()
    notes = []
    for link in place.services:
        if link.service == key and link.presence is not None:
            p = link.presence
            text = ui.t(f"presence.{p.where}.{p.how_often}", service=service.name)
            status = policy.status(p)
            if status is Status.stale and p.checked is not None:
                text += f" ({ui.t('card.stale', date=p.checked.isoformat())})"
            elif status is Status.unverified:
                text += f" ({ui.t('card.unverified')})"
            notes.append(text)
            facts.append(p)
    return tuple(notes)


def _oldest(facts: list[Sourced]) -> date | None:
    dates = [f.checked for f in facts if f.checked is not None]
    return min(dates) if dates else None


def _short_url(url: str) -> str:
    text = url.split("://", 1)[-1].removeprefix("www.")
    return text.rstrip("/")
