"""Seen, verified, overdue: what readers are told of a fact, on the page and paper (issue #16)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from markupsafe import escape

from support import REPO, build, run_cli
from test_leaflets import pdftotext
from victiminfo.leaflets.compose import compose
from victiminfo.leaflets.plan import Leaflet
from victiminfo.model.facts import Audience, Phone, Service, Verification
from victiminfo.project import Project
from victiminfo.site.cards import service_card
from victiminfo.site.render import render_card
from victiminfo.site.state import SiteState, load_state

SEEN = Phone(number="112", label="emergency", source="polisen-se", seen=date(2026, 11, 22))
VERIFIED = SEEN.model_copy(
    update={"verified": Verification(date=date(2026, 11, 30), by="Anna Andersson")}
)


@pytest.fixture(scope="module")
def real_state() -> SiteState:
    return load_state(Project(REPO))


def _service(phone: Phone) -> Service:
    return Service(
        name="Polisen",
        organisation="Polismyndigheten",
        area="national",
        audience=Audience(),
        phones=(phone,),
    )


def _card_html(state: SiteState, code: str, phone: Phone) -> str:
    ctx = state.render_context(code, "web")
    card = service_card("polisen", _service(phone), ctx.ui, ctx.policy, None, state.catalog.sources)
    return render_card(card, ctx).html


def test_a_seen_fact_is_not_yet_verified_in_every_language(real_state: SiteState) -> None:
    """Only seen on its source: the row and the card's last line say so (issue #16)."""
    for code in real_state.catalog.languages.codes:
        ui = real_state.strings[code]
        html = _card_html(real_state, code, SEEN)
        assert str(escape(ui.t("card.not_verified"))) in html, code
        said = ui.texts["card.seen"].split("{")[0].strip()
        assert str(escape(said)) in html, code
        assert "polisen.se" in html and "2026-11-22" in html, code
        assert "Anna Andersson" not in html, code


def test_a_verified_fact_says_when_and_by_whom_in_every_language(real_state: SiteState) -> None:
    """Verified on the live source: no warning, and the card says who verified it (issue #16)."""
    for code in real_state.catalog.languages.codes:
        ui = real_state.strings[code]
        html = _card_html(real_state, code, VERIFIED)
        assert str(escape(ui.t("card.not_verified"))) not in html, code
        assert "Anna Andersson" in html and "2026-11-30" in html, code
        assert 'class="vi-card__checked"' in html, code


def test_a_planned_presence_is_a_plan_of_its_year_in_every_language(
    real_state: SiteState,
) -> None:
    """Solna's 2017 plan is a plan on the card and the leaflet, never 'is there' (issue #16)."""
    for code in real_state.catalog.languages.codes:
        ui = real_state.strings[code]
        plan = ui.t(
            "planned.police_station.half_day_weekly", service="Brottsofferjouren", year="2017"
        )
        now = ui.t("presence.police_station.half_day_weekly", service="Brottsofferjouren")
        leaflet = Leaflet(PurePosixPath("orter/solna.md"), code, ())
        doc = compose(leaflet, real_state, "https://stod.testkommun.se/", "Stöd")
        assert str(escape(plan)) in doc.html, code
        assert str(escape(now)) not in doc.html, code
        assert doc.doubts, code  # the plan is only seen on a 2017 article: a draft


def _one_line(text: str) -> str:
    """Text as compared: one line, without marks and bidi controls (pdftotext may drop them)."""
    bare = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    return re.sub(r"\s+", " ", bare)


def test_a_seen_fact_drafts_the_printed_leaflet_and_says_so(built_small_project: Path) -> None:
    """Read back from the PDF in every language of the fixture; verified ones are clean (#16).
    Built over the good build: the leaflets showing the fact are made again (issue #15)."""
    small_project = built_small_project
    data = small_project / "docs/_data/services/hjalplinjen.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    verified: {date: 2026-01-10, by: Test Testsson}\n", ""))
    site = build(small_project)
    state = load_state(Project(small_project))
    for pdf in sorted((site / "leaflets").glob("*/orter-testby.pdf")):
        code = pdf.parent.name
        printed = _one_line(pdftotext(pdf))
        assert "UTKAST" in printed, code
        assert _one_line(state.strings[code].t("card.not_verified")) in printed, code


def test_an_overdue_verification_warns_and_drafts(small_project: Path) -> None:
    """Verified in 2020: the check warns, and the build marks the leaflet a draft (issue #16)."""
    result = run_cli("check", "--root", str(small_project), "--no-git", "--today", "2026-06-01")
    assert (
        "docs/_data/places/gammelby.yml:10: warning: VI210 verified-long-ago: "
        "[services.0.presence.verified] verified 2020-01-01"
    ) in result.stdout + result.stderr
    state = load_state(Project(small_project))
    doc = compose(
        Leaflet(PurePosixPath("orter/gammelby.md"), "sv", ()), state, "https://a.se/", "S"
    )
    assert "Hjälplinjen: presence last verified 2020-01-01 (older than 365 days)" in doc.doubts
    assert "vi-draft-mark" in doc.html
