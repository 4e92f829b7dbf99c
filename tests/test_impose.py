"""A4 print files: booklets in fold order, mirrored right to left, leaflets two up (issue #12)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from victiminfo.leaflets.impose import booklet_sides, impose, sides_for

A4_LANDSCAPE = (841.9, 595.3)


def text(pdf: Path, page: int, box: tuple[float, float, float, float] | None = None) -> str:
    """The words of one page of a PDF (or of a box on it: x, y, width, height in points)."""
    crop = zip([f"-{k}" for k in "xyWH"], map(str, map(round, box)), strict=True) if box else []
    args = [a for pair in crop for a in pair]
    command = ["pdftotext", "-nodiag", "-r", "72", "-f", str(page), "-l", str(page), *args]
    out = subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def words(extracted: str) -> list[str]:
    """The letters of a text in any order: pdftotext orders right-to-left lines differently in
    a cropped box than on the whole page; a page's identity is in what it prints (#12)."""
    return sorted(c for c in extracted if not c.isspace() and c not in BIDI_CONTROLS)


def halves(pdf: Path, side: int) -> tuple[str, str]:
    """The text on the left and right half of one side of an imposed sheet."""
    w, h = A4_LANDSCAPE
    return text(pdf, side, (0, 0, w / 2, h)), text(pdf, side, (w / 2, 0, w / 2, h))


def test_an_eight_page_booklet_is_in_fold_order_and_mirrored_for_rtl() -> None:
    """Outer sheet 8|1 and 2|7, inner 6|3 and 4|5; right to left 1|8, 7|2, 3|6, 5|4 (#12)."""
    assert booklet_sides(8, rtl=False) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert booklet_sides(8, rtl=True) == [(1, 8), (7, 2), (3, 6), (5, 4)]
    assert booklet_sides(6, rtl=False) == [(6, 1), (2, None), (None, 3), (4, 5)]
    assert sides_for(2, rtl=True) == [(1, 1), (2, 2)]


@pytest.mark.parametrize(
    ("leaflet", "rtl"),
    [("sv/orter-solna", False), ("ar/orter-solna", True), ("sv/tjanster-polisen", False)],
)
def test_each_half_sheet_carries_its_page(real_site: Path, leaflet: str, rtl: bool) -> None:
    """Every half of every A4 side shows the A5 page the fold order puts there (#12)."""
    a5 = real_site / "leaflets" / f"{leaflet}.pdf"
    a4 = a5.with_suffix(".a4.pdf")
    pages = len(PdfReader(a5).pages)
    sheets = PdfReader(a4).pages
    assert all(
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) == A4_LANDSCAPE
        for p in sheets
    )
    expected = sides_for(pages, rtl)
    assert len(sheets) == len(expected)
    for number, side in enumerate(expected, start=1):
        want = tuple(words(text(a5, page)) if page else [] for page in side)
        got = tuple(words(half) for half in halves(a4, number))
        assert got == want, (leaflet, number, side)
    cover_half = 0 if rtl else 1
    assert expected[0][cover_half] == 1 or pages <= 2


def test_print_files_are_reproducible(real_site: Path, tmp_path: Path) -> None:
    """Imposing the same A5 PDF again gives the bytes of the built print file (#12)."""
    for leaflet, rtl in (("sv/orter-solna", False), ("ar/orter-solna", True)):
        a5 = real_site / "leaflets" / f"{leaflet}.pdf"
        again = tmp_path / "again.pdf"
        impose(a5, again, rtl)
        assert again.read_bytes() == a5.with_suffix(".a4.pdf").read_bytes(), leaflet


def test_every_leaflet_has_a_print_file_beside_it(real_site: Path) -> None:
    """leaflets/<code>/<slug>.pdf stays for screens, with <slug>.a4.pdf beside it (#12)."""
    folder = real_site / "leaflets"
    a5 = {p for p in folder.rglob("*.pdf") if not p.name.endswith(".a4.pdf")}
    a5 -= set(folder.glob("cards/*.pdf"))
    assert a5
    assert {p.with_suffix(".a4.pdf") for p in a5} == set(folder.rglob("*.a4.pdf"))


def test_a_print_file_draws_each_page_once_and_is_smaller_than_its_a5_pdf(real_site: Path) -> None:
    """Each A5 page is one form, drawn wherever it goes, and the print file is smaller than
    the tagged A5 PDF it is imposed from (pypdf's were larger: issue #15, qpdf now)."""
    for leaflet in ("sv/orter-solna", "ar/orter-solna", "sv/tjanster-polisen"):
        a5 = real_site / "leaflets" / f"{leaflet}.pdf"
        a4 = a5.with_suffix(".a4.pdf")
        assert a4.stat().st_size < a5.stat().st_size, leaflet
        sheets = PdfReader(a4)
        forms = {
            id(form.get_object())
            for page in sheets.pages
            for form in page["/Resources"]["/XObject"].values()
        }
        assert len(forms) == len(PdfReader(a5).pages), leaflet
