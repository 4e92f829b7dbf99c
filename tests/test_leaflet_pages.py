"""Leaflets that fit their paper: 2-page service leaflets, 8-page station booklets (issue #12)."""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import pytest
import yaml
from pypdf import PdfReader

from support import REPO, run_cli
from victiminfo.leaflets.build import leaflet_jobs
from victiminfo.leaflets.fit import (
    BACK_END,
    BACK_START,
    FLOW_END,
    PAGE_BOTTOM,
    PAGE_TOP,
    SIZES,
    SLOT,
    Fitted,
    Layout,
    Remembered,
    TooLong,
    fit,
    html_digest,
    measure,
    notes,
    sizes_to_try,
)
from victiminfo.leaflets.paper import PaperExtension
from victiminfo.project import Project

WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
BIDI_MARKS = re.compile("[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FOOTER_BAND = 14 / 25.4 * 72  # the bottom margin, in points: the running footer's band


@dataclass(frozen=True)
class PrintedPage:
    """One page of a PDF as pdftotext -bbox reads it: its height and its words."""

    height: float
    words: tuple[tuple[float, str], ...]  # (bottom of the word, the word)

    def text(self) -> str:
        """The page's words, without the invisible marks of direction and joining."""
        return BIDI_MARKS.sub("", " ".join(word for _, word in self.words))

    def says(self, words: str) -> bool:
        """Whether the page has these words: in right-to-left scripts, -bbox gives each word's
        letters in the order they are drawn, so also reversed."""
        text, words = self.text(), BIDI_MARKS.sub("", words)
        return words in text or " ".join(w[::-1] for w in words.split()) in text

    def lowest_text(self, ignored: set[str]) -> float:
        """The bottom of the lowest word above the running footer, but ignored words."""
        body = [
            y
            for y, w in self.words
            if y < self.height - FOOTER_BAND + 1 and BIDI_MARKS.sub("", w) not in ignored
        ]
        return max(body, default=0.0)


def printed_pages(pdf: Path) -> list[PrintedPage]:
    """Every page of the PDF with the position of each word (poppler's pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        PrintedPage(
            float(height),
            tuple((float(y2), html.unescape(w)) for _, y2, w in WORD.findall(words)),
        )
        for height, words in PAGE.findall(out)
    ]


def ui(code: str, root: Path = REPO) -> dict[str, object]:
    data = yaml.safe_load((root / "docs/_data/ui" / f"{code}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def expected_pages(pdf: Path) -> int:
    return 8 if pdf.stem.startswith("orter-") else 2


def half_empty_pages(pdf: Path, code: str, root: Path = REPO) -> list[int]:
    """Pages less than half full that are not Notes pages (the DRAFT mark does not count)."""
    strings = ui(code, root)["leaflet"]
    assert isinstance(strings, dict)
    notes = str(strings["notes"])
    ignored = {"UTKAST", "/", "DRAFT", str(strings["draft"])}
    return [
        number
        for number, page in enumerate(printed_pages(pdf), start=1)
        if not page.says(notes) and page.lowest_text(ignored) < page.height / 2
    ]


def a5_leaflets(folder: Path) -> list[Path]:
    """The A5 leaflets of a built site: not their A4 print files, not the language cards."""
    return sorted(
        pdf
        for pdf in folder.rglob("*.pdf")
        if not pdf.name.endswith(".a4.pdf") and pdf.parent.name != "cards"
    )


# -- The real site: every leaflet in every language ------------------------------------------


def test_every_real_leaflet_has_its_pages(real_site: Path) -> None:
    """Every service leaflet is one sheet (2 pages), every station booklet two (8 pages)."""
    leaflets = a5_leaflets(real_site / "leaflets")
    assert len(leaflets) >= 100
    wrong = {
        str(pdf.relative_to(real_site)): len(PdfReader(pdf).pages)
        for pdf in leaflets
        if len(PdfReader(pdf).pages) != expected_pages(pdf)
    }
    assert wrong == {}


def test_no_real_page_is_half_empty_but_a_notes_page(real_site: Path) -> None:
    """Empty room becomes Notes, never a half-empty page in the middle (issue #12)."""
    found = {
        str(pdf.relative_to(real_site)): pages
        for pdf in a5_leaflets(real_site / "leaflets")
        if (pages := half_empty_pages(pdf, pdf.parent.name))
    }
    assert found == {}


BACK_AT_FOOT_MM = 6  # the slack fitting leaves (3 mm), and the box's padding and line gaps


def test_every_service_leaflets_back_part_is_at_the_foot_of_page_2(real_site: Path) -> None:
    """The QR code's address and the dates end page 2, in every language (issue #12)."""
    host = "brottsofferinfo.example.se/"  # mkdocs.yml's site_url, as the leaflet prints it
    wrong = {}
    for pdf in a5_leaflets(real_site / "leaflets"):
        if pdf.stem.startswith("tjanster-"):
            front, back = printed_pages(pdf)
            room = (back.height - FOOTER_BAND - back.lowest_text(set())) / 72 * 25.4
            if host in front.text() or host not in back.text() or room > BACK_AT_FOOT_MM:
                wrong[str(pdf.relative_to(real_site))] = round(room, 1)
    assert wrong == {}


def word_boxes(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """The words of one page (from 1) with their left edge and bottom, in points."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">', out)
    words = re.findall(r"<word [^>]*>([^<]*)</word>", out)
    return [(float(x), float(y), html.unescape(w)) for (x, y), w in zip(found, words, strict=True)]


@pytest.mark.parametrize(("code", "numbers_on_the_right"), [("sv", False), ("ar", True)])
def test_the_back_parts_numbers_are_on_the_side_a_reader_starts_on(
    real_site: Path, code: str, numbers_on_the_right: bool
) -> None:
    """The back part's two columns (numbers, QR code) are a grid, not flex, because WeasyPrint
    lays a flex item out several times; its grids do not follow the direction, so the CSS
    mirrors them right to left (issue #15)."""
    words = word_boxes(real_site / "leaflets" / code / "tjanster-brottsofferjouren.pdf", 2)
    emergency = max((y, x) for x, y, w in words if w.strip(".") == "112")[1]  # the lowest
    address = next(x for x, _, w in words if "brottsofferinfo.example.se" in w)
    assert (emergency > address) is numbers_on_the_right


def test_leaflet_css_lays_nothing_out_with_flex() -> None:
    """A flex row cost a third of a service leaflet's layout in WeasyPrint (issue #15)."""
    for sheet in (REPO / "overrides/leaflets").glob("*.css"):
        assert not re.search(r"display:\s*(inline-)?flex", sheet.read_text("utf-8")), sheet.name


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_a_station_booklet_has_cover_inside_and_back(real_site: Path, code: str) -> None:
    pages = printed_pages(real_site / "leaflets" / code / "orter-solna-polisstation.pdf")
    strings = ui(code)["leaflet"]
    assert isinstance(strings, dict)
    case = strings["case"]
    assert isinstance(case, dict)
    assert "112" in pages[0].text()
    assert "UTKAST" in pages[0].text()  # the placeholder site_url makes every leaflet a draft
    for label in case.values():  # the "Your case" box, on the back cover only
        assert pages[-1].says(str(label).split()[0]), label
    assert pages[-2].says(str(strings["notes"]))


def test_the_cover_names_every_language_in_its_own_script(real_site: Path) -> None:
    text = printed_pages(real_site / "leaflets/sv/orter-solna-polisstation.pdf")[0].text()
    for name in ("Svenska", "English", "Suomi", "Türkçe", "Українська"):
        assert name in text


def test_paper_has_no_link_lists_links_or_empty_cards() -> None:
    """On paper: no 'read more' lists, no link targets, a card without contact is a line (#12)."""
    documents, _ = leaflet_jobs(Project(REPO), REPO / "site")
    assert documents
    for doc in documents:
        cards = re.findall(r'<section class="vi-card.*?</section>', doc.html, re.S)
        text = re.sub(r'<section class="vi-card.*?</section>', "", doc.html, flags=re.S)
        targets = set(re.findall(r'href="([^"]+)"', text))  # a card's web address is its text
        assert {t for t in targets if not t.startswith(("tel:", "https://"))} == set()
        assert {t for t in targets if t.startswith("https://")} <= {_public_url(doc.html)}
        for card in cards:
            assert "vi-card__row" in card, (doc.leaflet.output, card)
        assert "vi-card__checked" not in doc.html
    swedish = {str(d.leaflet.output): d.html for d in documents if d.leaflet.code == "sv"}
    assert "Läs mer" not in swedish["leaflets/sv/orter-solna-polisstation.pdf"]
    assert "Läs mer" not in swedish["leaflets/sv/tjanster-polisen.pdf"]


def _public_url(document: str) -> str:
    match = re.search(r'class="vi-online__text">[^<]*<br><a href="(https://[^"]+)">', document)
    assert match, "no web address for the QR code"
    return match.group(1)


# -- The fixture site --------------------------------------------------------------------------


def test_every_fixture_booklet_has_8_pages_none_half_empty(small_site: Path) -> None:
    root = small_site.parent
    for pdf in a5_leaflets(small_site / "leaflets"):
        assert len(PdfReader(pdf).pages) == 8, pdf
        assert half_empty_pages(pdf, pdf.parent.name, root) == [], pdf


def test_a_leaflet_that_cannot_fit_fails_naming_it(small_project: Path) -> None:
    """Too long even at 9 pt: the leaflet, its language and by how much; site/ kept (#12)."""
    site = small_project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    page = small_project / "docs/sv/orter/testby.md"
    text = "Mycket lång text om stöd. " * 40
    filler = "\n\n".join(f"## Avsnitt {n}\n\n{text}" for n in range(40))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + filler + "\n", encoding="utf-8")
    result = run_cli("build", "--root", str(small_project))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    line = next(x for x in result.stderr.splitlines() if "VI516 leaflet-too-long" in x)
    assert line.startswith("docs/sv/orter/testby.md: error:"), line
    assert "leaflets/sv/orter-testby.pdf (Swedish)" in line
    assert re.search(r"at 9 pt, the smallest size, it needs \d+, \d+ more", line), line
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"


def test_the_size_that_fitted_is_kept_in_the_cache(small_project: Path) -> None:
    result = run_cli("build", "--root", str(small_project))
    assert result.returncode == 0, result.stderr
    kept = list((small_project / ".cache" / "leaflets" / "fit").glob("*.json"))
    assert len(kept) == 5
    fitted = [json.loads(path.read_text(encoding="ascii")) for path in kept]
    assert {entry["size"] for entry in fitted} <= set(SIZES)
    assert all(entry["layout"]["page_body"] > 0 and entry["pages"] >= 2 for entry in fitted)


# -- Fitting, with laid-out documents made up ----------------------------------------------------


@dataclass(frozen=True)
class FakePage:
    anchors: dict[str, tuple[float, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class FakeDocument:
    pages: Sequence[FakePage]
    html: str
    size: float


def fake_lay_out(pages_at: dict[float, int], calls: list[float]) -> object:
    """A layout in which the text takes pages_at[size] pages and ends half-way down."""

    def lay_out(html: str, size: float) -> FakeDocument:
        calls.append(size)
        frame = {PAGE_TOP: (0.0, 50.0), PAGE_BOTTOM: (0.0, 750.0)}
        pages = [FakePage(dict(frame)) for _ in range(pages_at[size])]
        pages[-2 if len(pages) > 1 else 0].anchors[FLOW_END] = (0.0, 400.0)
        return FakeDocument(pages, html, size)

    return lay_out


def test_fitting_takes_the_largest_size_that_fits() -> None:
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 9, 9.5: 8, 9.0: 7}, calls)
    result = fit(lay_out, f"<p>x</p>{SLOT}", 8, "<h2>Notes</h2>")  # type: ignore[arg-type]
    assert isinstance(result, Fitted) and result.size == 9.5
    assert calls == [10.0, 9.5, 9.5]  # 10 too long, 9.5 fits, 9.5 again with Notes
    assert "vi-notes-area" in result.document.html  # type: ignore[attr-defined]


def test_fitting_starts_from_the_size_that_fitted_last_time() -> None:
    assert sizes_to_try(None) == [10.0, 9.5, 9.0]
    assert sizes_to_try(9.5) == [9.5, 10.0, 9.0]
    assert sizes_to_try(9.0) == [9.0, 9.5, 10.0]
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 9, 9.5: 9, 9.0: 8}, calls)
    result = fit(lay_out, SLOT, 8, "", last=Remembered(9.0))  # type: ignore[arg-type]
    assert isinstance(result, Fitted) and result.size == 9.0
    assert calls[:2] == [9.0, 9.5]  # 9.5 does not fit: 10 is not tried


def test_a_leaflet_that_measures_as_last_time_is_laid_out_once() -> None:
    """Fitting must not double the work: last time's Notes are laid out at once, and kept
    when the leaflet measures as it did (issue #15)."""
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 6, 9.5: 6, 9.0: 6}, calls)
    first = fit(lay_out, SLOT, 8, "N")  # type: ignore[arg-type]
    assert isinstance(first, Fitted) and calls == [10.0, 10.0]
    calls.clear()
    again = fit(lay_out, SLOT, 8, "N", first.remembered(SLOT))  # type: ignore[arg-type]
    assert isinstance(again, Fitted) and calls == [10.0]
    assert again.document.html == first.document.html  # type: ignore[attr-defined]


def test_a_leaflet_that_measures_otherwise_is_fitted_again() -> None:
    """Text that now ends elsewhere, or a larger size that now fits: fitted from the start."""
    calls: list[float] = []
    moved = Layout(6, 100.0, 700.0, end_page=5)
    lay_out = fake_lay_out({10.0: 6, 9.5: 6, 9.0: 6}, calls)
    result = fit(lay_out, SLOT, 8, "N", Remembered(10.0, moved, 8, html_digest(SLOT)))  # type: ignore[arg-type]
    assert isinstance(result, Fitted) and calls == [10.0, 10.0, 10.0]
    assert result.layout == Layout(6, 350.0, 700.0, end_page=5)
    calls.clear()
    last = Remembered(9.5, result.layout, 8, html_digest(SLOT))
    shorter = fit(lay_out, SLOT, 8, "N", last)  # type: ignore[arg-type]
    assert isinstance(shorter, Fitted) and shorter.size == 10.0


def test_a_leaflet_whose_text_changed_is_fitted_without_a_try_at_last_times_notes() -> None:
    """A changed text is measured first, as without a memory: two layouts, not three (#15)."""
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 6, 9.5: 6, 9.0: 6}, calls)
    first = fit(lay_out, SLOT, 8, "N")  # type: ignore[arg-type]
    assert isinstance(first, Fitted)
    calls.clear()
    edited = "<p>Ny text.</p>" + SLOT
    again = fit(lay_out, edited, 8, "N", first.remembered(SLOT))  # type: ignore[arg-type]
    assert isinstance(again, Fitted) and calls == [10.0, 10.0]


def test_fitting_says_by_how_much_it_does_not_fit() -> None:
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 12, 9.5: 11, 9.0: 10}, calls)
    assert fit(lay_out, SLOT, 8, "") == TooLong(9.0, 10, 8)  # type: ignore[arg-type]
    assert calls == [10.0, 9.5, 9.0]


def test_notes_fill_the_rest_of_the_page_and_whole_pages() -> None:
    calls: list[float] = []
    lay_out = fake_lay_out({10.0: 6, 9.5: 6, 9.0: 6}, calls)
    result = fit(lay_out, SLOT, 8, "N")  # type: ignore[arg-type]
    assert isinstance(result, Fitted)
    filled = result.document.html  # type: ignore[attr-defined]
    assert filled.count('class="vi-notes-area"') == 1  # the rest of the last page of text
    assert filled.count("vi-notes-area--page") == 2  # and two whole pages


def test_a_back_part_is_measured_with_the_page_the_text_ends_on() -> None:
    """A service leaflet's back part follows its text; fitting measures both (issue #12)."""
    frame = {PAGE_TOP: (0.0, 50.0), PAGE_BOTTOM: (0.0, 750.0)}
    first = FakePage({**frame, FLOW_END: (0.0, 500.0)})
    second = FakePage({**frame, BACK_START: (0.0, 50.0), BACK_END: (0.0, 250.0)})
    layout = measure(FakeDocument([first, second], "", 10.0))
    assert layout == Layout(2, 250.0, 700.0, end_page=1, back=200.0)
    assert layout.last_text_page(2) == 2  # the back part is on the last page, with the text
    assert Layout(7, 0.0, 700.0, end_page=6).last_text_page(8) == 7  # a back cover follows


def areas(html: str) -> list[tuple[str, float]]:
    """The Notes areas and spacers that fitting made: their classes and heights."""
    found = re.findall(r'<div class="([^"]+)" style="height: ([\d.]+)px">', html)
    return [(classes, float(height)) for classes, height in found]


def test_the_back_part_is_pinned_to_the_foot_of_the_last_page() -> None:
    """Text ending on page 1: its rest is Notes, page 2 Notes above the back part (#12)."""
    slack = 3 * 96 / 25.4
    short = areas(notes(Layout(2, 250.0, 700.0, end_page=1, back=200.0), 2, "N"))
    assert short == [
        ("vi-notes-area", pytest.approx(250.0 - slack, abs=0.1)),
        ("vi-notes-area vi-notes-area--page", pytest.approx(700.0 - 200.0 - slack, abs=0.1)),
    ]
    ending_on_2 = areas(notes(Layout(2, 400.0, 700.0, end_page=2, back=200.0), 2, "N"))
    assert ending_on_2 == [("vi-notes-area", pytest.approx(200.0 - slack, abs=0.1))]
    tight = areas(notes(Layout(2, 230.0, 700.0, end_page=2, back=200.0), 2, "N"))
    assert tight == [("vi-spacer", pytest.approx(30.0 - slack, abs=0.1))]  # too small to write on
    booklet = areas(notes(Layout(8, 30.0, 700.0, end_page=7), 8, "N"))
    assert booklet == []  # the text ends on the last page before the back cover, nearly full


# -- What paper leaves out -------------------------------------------------------------------


def paper(source: str, **options: bool) -> str:
    return markdown.markdown(source, extensions=["attr_list", PaperExtension(**options)])


def test_paper_leaves_out_link_lists_read_more_lines_and_targets() -> None:
    page = """# Titel

Ring oss. Läs om [skydd](skydd.md) här.

Läs mer: [Polisen](polisen.md).

- [Brottsofferjouren](bo.md)
- Stöd där du bor: [Solna](solna.md)

Text.

- Vård
- Hjälp av [Origo](origo.md)

## Läs mer

- [Rättigheter](r.md)
"""
    out = paper(page)
    assert "<a" not in out and "Läs mer" not in out and "Brottsofferjouren" not in out
    assert "Läs om skydd här." in out
    assert "<li>Hjälp av Origo</li>" in out  # a list with text in it stays, as text


def test_paper_keeps_phone_links() -> None:
    assert '<a href="tel:112">112</a>' in paper("Ring [112](tel:112) nu.")


def test_a_web_only_section_is_left_out_and_a_print_only_one_kept() -> None:
    page = """# T

## På webben {: .web-only }

Bara här.

### Under

Också bara här.

## På papper {: .print-only }

Skriv här.
"""
    out = paper(page)
    assert "webben" not in out and "Bara här" not in out and "Också" not in out
    assert "Skriv här." in out


def test_brief_keeps_each_sections_heading_and_first_paragraph() -> None:
    page = """# Rättigheter

Inledning.

## Stöd {#ratt-a}

Du har rätt till stöd:

- vård
- boende

Mer text som bara finns på webben.

## Skydd {#ratt-c}

Du har rätt till skydd.

Mer.
"""
    out = paper(page, brief=True)
    assert out.startswith("<h1>Rättigheter</h1>")
    assert "Inledning" not in out and "Mer" not in out
    assert out.count("<li><h2") == 2 and "<li>boende</li>" in out
