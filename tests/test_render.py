"""Placeholders rendered: the HTML comes back with what rendering found (issue #11)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path, PurePosixPath

from victiminfo.leaflets.compose import compose
from victiminfo.leaflets.plan import Leaflet
from victiminfo.project import Project
from victiminfo.site.render import render_markdown
from victiminfo.site.state import load_state

STALE_PRESENCE = "Hjälplinjen: presence last verified 2020-01-01 (older than 365 days)"
UNVERIFIED_PHONE = "Hjälplinjen: phone 020-50 50 50 has no source"


def _without_phone_source(root: Path) -> None:
    path = root / "docs/_data/services/hjalplinjen.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("    source: test-source\n", "", 1), "utf-8")


def test_rendering_returns_doubts_and_dates_and_leaves_the_context_as_it_was(
    small_project: Path,
) -> None:
    """Doubts and dates went into lists on a 'frozen' context; now they are returned (issue #11)."""
    ctx = load_state(Project(small_project)).render_context("sv", "print")
    page = small_project / "docs/sv/orter/gammelby.md"
    first = render_markdown(page, "{{ services gammelby }}", ctx)
    again = render_markdown(page, "{{ services gammelby }}", ctx)
    assert first == again
    assert first.doubts == (STALE_PRESENCE,)
    assert min(d.verified_on for d in first.dates if d.verified_on) == date(2020, 1, 1)
    assert 'class="vi-card vi-card--unverified"' in first.html
    assert not [f.name for f in fields(ctx) if isinstance(getattr(ctx, f.name), list)]


def test_an_unverified_phone_in_running_text_is_a_doubt(small_project: Path) -> None:
    """A phone placeholder's doubt travels in the result, not in the context (issue #11)."""
    _without_phone_source(small_project)
    ctx = load_state(Project(small_project)).render_context("sv")
    page = small_project / "docs/sv/index.md"
    rendered = render_markdown(page, "Ring {{ phone hjalplinjen support_line }}.", ctx)
    assert rendered.doubts == (UNVERIFIED_PHONE,)
    assert rendered.dates == ()
    assert rendered.html.startswith('Ring <a class="vi-phone" href="tel:')
    assert rendered.html.endswith("</a>.")


def test_a_leaflet_gathers_the_doubts_of_its_cards_and_its_text(small_project: Path) -> None:
    """compose joins what the placeholders of the page and its appended pages found (issue #11)."""
    _without_phone_source(small_project)
    state = load_state(Project(small_project))
    leaflet = Leaflet(
        PurePosixPath("orter/testby.md"), "sv", appended=(PurePosixPath("orter/gammelby.md"),)
    )
    doc = compose(leaflet, state, "https://stod.testkommun.se/", "Testsajt")
    # In page order, each once: the same phone in Testby's text and on both cards is one
    # reason (issue #16: one wording for a fact, wherever it is shown).
    assert doc.doubts == (UNVERIFIED_PHONE, STALE_PRESENCE)
    assert "vi-draft-mark" in doc.html
    assert doc.html.count('<section class="vi-appended">') == 1
    back = doc.html.split('<section class="vi-back-cover">')[1]
    assert "bekräftades" not in back  # a fact has no source: no 'verified' line (issue #16)
