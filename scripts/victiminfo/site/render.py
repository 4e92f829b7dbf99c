"""Render fact placeholders in a page's Markdown to HTML, in the page's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from victiminfo.content.placeholders import (
    Placeholder,
    find_placeholders,
    labelled_phones,
    placeholder_problems,
)
from victiminfo.errors import ContentError, Problem
from victiminfo.model.catalog import Catalog
from victiminfo.model.freshness import Policy, Status
from victiminfo.model.phones import tel_uri
from victiminfo.model.strings import UiStrings
from victiminfo.rules import Rule
from victiminfo.site.cards import Card, FactDates, doubt, service_card
from victiminfo.site.templating import compact


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs for one language and one medium; rendering never changes it."""

    catalog: Catalog
    ui: UiStrings
    policy: Policy
    env: Environment
    leaflet_index: Markup | None = None


@dataclass(frozen=True)
class Rendered:
    """HTML, and what rendering it found: doubts about its facts, what their cards say of checks."""

    html: str
    doubts: tuple[str, ...] = ()
    dates: tuple[FactDates, ...] = ()


def joined(parts: Iterable[Rendered], separator: str = "") -> Rendered:
    """The parts' HTML joined by separator, with everything each part found, in order."""
    parts = list(parts)
    return Rendered(
        separator.join(part.html for part in parts),
        tuple(doubt for part in parts for doubt in part.doubts),
        tuple(dates for part in parts for dates in part.dates),
    )


def fill(ui: UiStrings, key: str, env: Environment, **values: str) -> Markup:
    """A translated string with {placeholders} filled: text isolated left-to-right, Markup as is."""
    ltr = env.filters["ltr"]
    text = str(escape(ui.texts[key]))
    for name, value in values.items():
        html = value if isinstance(value, Markup) else ltr(value)
        text = text.replace("{" + name + "}", str(html))
    return Markup(text)


def phone_html(number: str, ctx: RenderContext) -> Markup:
    """One phone number as an inline tel: link."""
    template = ctx.env.get_template("components/phone-link/phone-link.html")
    return Markup(template.render(number=number, href=tel_uri(number)))


def render_card(card: Card, ctx: RenderContext, suffix: str = "") -> Rendered:
    """The HTML of one contact card, with the card's doubts and what it says of checks."""
    template = ctx.env.get_template("components/contact-card/contact-card.html")
    html = template.render(
        card=card, checked_text=dates_text(card.dates, ctx, "card"), suffix=suffix
    )
    return Rendered(html, card.doubts, (card.dates,))


def dates_text(dates: FactDates, ctx: RenderContext, where: str) -> Markup | str:
    """'Verified on … by …' when every fact is, else where and when the others were seen.

    where is 'card' or 'leaflet' (their strings differ); '' when there is nothing to say.
    """
    if dates.all_verified and dates.verified_on is not None:
        by = ", ".join(dates.verified_by)
        return fill(ctx.ui, f"{where}.verified", ctx.env, date=dates.verified_on.isoformat(), by=by)
    if dates.seen_on is not None:
        source = ", ".join(dates.seen_in)
        return fill(ctx.ui, f"{where}.seen", ctx.env, date=dates.seen_on.isoformat(), source=source)
    return ""


def render_markdown(path: Path, markdown: str, ctx: RenderContext, first_line: int = 1) -> Rendered:
    """Replace every placeholder; raise ContentError naming file and line for any bad one.

    first_line is the line of the file on which markdown starts (after the front matter).
    """
    found = find_placeholders(markdown, first_line)
    problems = placeholder_problems(path, found, ctx.catalog)
    if problems:
        raise ContentError(problems)
    parts: list[Rendered | Problem] = []
    last = 0
    for ph in found:
        parts += [Rendered(markdown[last : ph.start]), _render_one(path, ph, ctx)]
        last = ph.end
    problems = [part for part in parts if isinstance(part, Problem)]
    if problems:
        raise ContentError(problems)
    rendered = [part for part in parts if isinstance(part, Rendered)]
    return joined([*rendered, Rendered(markdown[last:])])


def _render_one(path: Path, ph: Placeholder, ctx: RenderContext) -> Rendered | Problem:
    """One well-formed placeholder whose names exist (placeholder_problems checked them)."""
    catalog = ctx.catalog
    if ph.kind == "card":
        service = catalog.services[ph.args[0]]
        card = service_card(ph.args[0], service, ctx.ui, ctx.policy, sources=catalog.sources)
        return _block(render_card(card, ctx))
    if ph.kind == "services":
        return _block(_place_cards(ph.args[0], ctx))
    if ph.kind == "leaflets":
        if ctx.leaflet_index is None:
            return Problem(
                path,
                f"'{ph.text}' only works on web pages",
                rule=Rule.PLACEHOLDER_ONLY_ON_WEB,
                line=ph.line,
            )
        return _block(Rendered(ctx.leaflet_index))
    return _phone(ph, ctx)


def _place_cards(place_key: str, ctx: RenderContext) -> Rendered:
    place = ctx.catalog.places[place_key]
    cards = [
        service_card(
            link.service,
            ctx.catalog.services[link.service],
            ctx.ui,
            ctx.policy,
            place,
            ctx.catalog.sources,
        )
        for link in place.services
    ]
    return joined((render_card(card, ctx) for card in cards), "\n")


def _phone(ph: Placeholder, ctx: RenderContext) -> Rendered:
    service_key, label = ph.args
    phone = labelled_phones(ctx.catalog, service_key, label)[0]
    verified = ctx.policy.status(phone) is Status.verified
    name = ctx.catalog.services[service_key].name
    doubts = () if verified else (doubt(name, phone, ctx.policy),)
    return Rendered(phone_html(phone.number, ctx), doubts)


def _block(rendered: Rendered) -> Rendered:
    return replace(rendered, html="\n\n" + compact(rendered.html) + "\n\n")
