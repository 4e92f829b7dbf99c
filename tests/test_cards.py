"""Contact cards built from the real data: what a reader sees on the card (issue #4)."""

from __future__ import annotations

from datetime import date

from support import REPO
from victiminfo.model.catalog import load_catalog
from victiminfo.model.freshness import Policy
from victiminfo.model.strings import load_strings
from victiminfo.site.cards import service_card

DATA = REPO / "docs/_data"


def test_free_of_charge_is_said_once_when_every_number_is_free() -> None:
    """Brottsofferjouren's card said 'Kostnadsfritt' beside 116 006 and again as a flag."""
    catalog = load_catalog(DATA)
    ui = load_strings(DATA / "ui", catalog.languages)["sv"]
    service = catalog.services["brottsofferjouren"]
    assert service.free_of_charge is not None and service.free_of_charge.value
    assert all(phone.free_of_charge for phone in service.phones)

    card = service_card("brottsofferjouren", service, ui, Policy(365, date(2026, 12, 1)))

    free = ui.t("card.free_of_charge")
    labels = [flag.label for flag in card.flags]
    notes = [row.note for row in card.rows]
    assert free not in labels, labels
    assert sum(free in (note or "") for note in notes) == 1, notes
    assert ui.t("card.anonymous") in labels
