"""Render fact placeholders in a page's Markdown to HTML, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
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
from victiminfo.site.cards import Card, service_card
from victiminfo.site.templating import compact


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs for one language and one medium."""

    catalog: Catalog
    ui: UiStrings
    policy: Policy
    env: Environment
    doubts: list[str] = field(default_factory=list)
    checked: list[date] = field(default_factory=list)
    leaflet_index: Markup | None = None


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


def render_card(card: Card, ctx: RenderContext, suffix: str = "") -> str:
    """The HTML of one contact card (its doubts are noted in the context)."""
    ctx.doubts.extend(card.doubts)
    if card.checked:
        ctx.checked.append(card.checked)
    checked = (
        fill(ctx.ui, "card.checked", ctx.env, date=card.checked.isoformat()) if card.checked else ""
    )
    template = ctx.env.get_template("components/contact-card/contact-card.html")
    return template.render(card=card, checked_text=checked, suffix=suffix)


def render_markdown(path: Path, markdown: str, ctx: RenderContext, first_line: int = 1) -> str:
    """Replace every placeholder; raise ContentError naming file and line for any bad one.

    first_line is the line of the file on which markdown starts (after the front matter).
    """
    found = find_placeholders(markdown, first_line)
    problems = placeholder_problems(path, found, ctx.catalog)
    if problems:
        raise ContentError(problems)
    out, last = [], 0
    for ph in found:
        out += [markdown[last : ph.start], _render_one(path, ph, ctx, problems)]
        last = ph.end
    if problems:
        raise ContentError(problems)
    return "".join([*out, markdown[last:]])


def _render_one(path: Path, ph: Placeholder, ctx: RenderContext, problems: list[Problem]) -> str:
    catalog = ctx.catalog
    if ph.kind == "card":
        card = service_card(ph.args[0], catalog.services[ph.args[0]], ctx.ui, ctx.policy)
        return _block(render_card(card, ctx))
    if ph.kind == "services":
        return _block(_place_cards(ph.args[0], ctx))
    if ph.kind == "leaflets":
        if ctx.leaflet_index is None:
            problems.append(Problem(path, f"'{ph.text}' only works on web pages", line=ph.line))
            return ""
        return _block(ctx.leaflet_index)
    return _phone(ph, ctx)


def _place_cards(place_key: str, ctx: RenderContext) -> str:
    place = ctx.catalog.places[place_key]
    cards = [
        service_card(link.service, ctx.catalog.services[link.service], ctx.ui, ctx.policy, place)
        for link in place.services
    ]
    return "\n".join(render_card(card, ctx) for card in cards)


def _phone(ph: Placeholder, ctx: RenderContext) -> str:
    service_key, label = ph.args
    phone = labelled_phones(ctx.catalog, service_key, label)[0]
    if ctx.policy.status(phone) is not Status.verified:
        ctx.doubts.append(f"{service_key}: phone {phone.number} is not verified")
    return phone_html(phone.number, ctx)


def _block(html: str) -> str:
    return "\n\n" + compact(html) + "\n\n"
