"""Print quality (issue #12, item 9): ink inside the printer's 5 mm safe margin, and text that
still reads when an office printer prints in black and white."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from support import FIXTURES, REPO, copy_site, run_cli
from victiminfo.leaflets.fit import SIZES

DPI = 100
SAFE_MM = 5.0
PAPER = 250  # a grey level from 0 (black) to 255 (white): lighter than this is no ink
POINTS_PER_MM = 72 / 25.4
# Leaflets of every kind, script and direction, their A4 print files and a language card.
SAMPLE = (
    "sv/tjanster-polisen.pdf",
    "so/tjanster-polisen.pdf",
    "ar/tjanster-polisen.pdf",
    "ti/orter-solna-polisstation.pdf",
    "fa/orter-solna.pdf",
    "sv/orter-solna-polisstation.a4.pdf",
    "ar/orter-solna-polisstation.a4.pdf",
    "uk/tjanster-kvinnofridslinjen.a4.pdf",
    "cards/orter-solna-polisstation.pdf",
)
STYLESHEETS = ("leaflet.css", "card.css")
COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6}|rgba?\([^)]*\)|\w+)")
DRAFT_MARK = "rgba(177, 14, 30, .18)"  # the watermark; its words are also in the DRAFT band
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def grey_pages(pdf: Path, dpi: int = DPI) -> list[Image.Image]:
    """Every page of a PDF as poppler renders it in grey (pdftoppm -gray)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), "-png", str(pdf), f"{folder}/page"], check=True
        )
        return [Image.open(png).convert("L") for png in sorted(Path(folder).glob("page*.png"))]


def inked_edges(page: Image.Image, inset: tuple[float, ...] = (0, 0, 0, 0)) -> list[str]:
    """The edges (of the trimmed page: inset mm from each side) with ink within 5 mm of them."""
    px = DPI / 25.4
    left, top, right, bottom = (round(mm * px) for mm in inset)
    width, height = page.size
    band = round(SAFE_MM * px)
    x0, y0, x1, y1 = left, top, width - right, height - bottom
    bands = {
        "top": (x0, y0, x1, y0 + band),
        "bottom": (x0, y1 - band, x1, y1),
        "left": (x0, y0, x0 + band, y1),
        "right": (x1 - band, y0, x1, y1),
    }
    return [edge for edge, box in bands.items() if page.crop(box).getextrema()[0] < PAPER]


def test_no_ink_within_5_mm_of_the_edge(real_site: Path) -> None:
    """Every page of the sample is clear of ink 5 mm from its edges (issue #12, item 9)."""
    inked = {
        f"{name} page {number}": edges
        for name in SAMPLE
        for number, page in enumerate(grey_pages(real_site / "leaflets" / name), start=1)
        if (edges := inked_edges(page))
    }
    assert inked == {}


def test_the_safe_margin_check_sees_ink() -> None:
    """The check above would see a mark 4 mm from an edge (issue #12)."""
    page = Image.new("L", (round(148 / 25.4 * DPI), round(210 / 25.4 * DPI)), 255)
    page.putpixel((round(4 / 25.4 * DPI), 300), 0)
    assert inked_edges(page) == ["left"]


def test_with_print_shop_marks_the_ink_stays_5_mm_inside_the_trim(tmp_path: Path) -> None:
    """With bleed and crop marks, the trimmed page is clear 5 mm from its edges; the bleed
    and the marks outside it are the print shop's (issue #12, item 9)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    result = run_cli("build", "--root", str(root), "--print-shop")
    assert result.returncode == 0, result.stderr
    pdfs = sorted((root / "site/leaflets").glob("*/orter-*.pdf"))
    assert pdfs
    inked = {}
    for pdf in pdfs:
        first = PdfReader(pdf).pages[0]
        media, trim = first.mediabox, first.trimbox
        inset = (
            float(trim.left - media.left),
            float(media.top - trim.top),
            float(media.right - trim.right),
            float(trim.bottom - media.bottom),
        )
        assert min(inset) > 0, f"{pdf.name}: no bleed"  # so the test tests the trim edge
        for number, page in enumerate(grey_pages(pdf), start=1):
            edges = inked_edges(page, tuple(points / POINTS_PER_MM for points in inset))
            if edges:
                inked[f"{pdf.relative_to(root)} page {number}"] = edges
    assert inked == {}


FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)(pt|r?em)\b")
HIDDEN = ".vi-running-title"  # the running header's source: no space, transparent, 1 pt


def test_nothing_is_printed_under_9_pt() -> None:
    """Sizes in pt are at least 9; in em and rem at least 1, as the smallest base size the
    fitting lays a leaflet out at is 9 pt (issue #12, item 9)."""
    assert min(SIZES) == 9.0
    small = {}
    for name in STYLESHEETS:
        css = REPO / "overrides/leaflets" / name
        for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), start=1):
            for value, unit in FONT_SIZE.findall(line):
                if HIDDEN not in line and float(value) < (9 if unit == "pt" else 1):
                    small[f"{name}:{number}"] = value + unit
    assert small == {}


# -- Black and white -------------------------------------------------------------------------


def grey(colour: str) -> float:
    """The grey level (0-255) an office printer's driver gives a colour (ITU-R BT.601 luma)."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def contrast(a: float, b: float) -> float:
    """WCAG's contrast ratio of two grey levels."""

    def luminance(level: float) -> float:
        c = level / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    dark, light = sorted((luminance(a), luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def text_colours() -> dict[str, str]:
    """Every text colour the print style sheets set, with where (file:line)."""
    found = {}
    for name in STYLESHEETS:
        css = REPO / "overrides/leaflets" / name
        for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), start=1):
            for colour in COLOUR.findall(line):
                found[f"{name}:{number}"] = colour
    return found


UNDER_DRAFT_MARK = 0.82 * 255 + 0.18 * grey("#b10e1e")  # the paper under the watermark


def test_every_text_colour_reads_in_black_and_white() -> None:
    """Each text colour of the print CSS, turned grey, keeps a contrast of at least 4.5 with
    the paper, and with the paper under the DRAFT watermark (issue #12, item 9)."""
    colours = text_colours()
    assert "#b10e1e" in colours.values()  # the red of 112 and of the numbers box
    weak = {}
    for where, colour in colours.items():
        if colour in ("inherit", "transparent") or colour.replace(" ", "") == DRAFT_MARK.replace(
            " ", ""
        ):
            continue  # the hidden running strings, and the watermark (its words are in the band)
        assert colour.startswith("#"), f"{where}: {colour} (write colours as #rrggbb)"
        worst = min(contrast(grey(colour), paper) for paper in (255, UNDER_DRAFT_MARK))
        if worst < 4.5:
            weak[where] = f"{colour}: {worst:.1f}"
    assert weak == {}


def number_boxes(pdf: Path, page: int, word: str) -> list[tuple[float, float, float, float]]:
    """Where a word is drawn on a page of a PDF, in points (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = WORD.findall(PAGE.findall(out)[0])
    return [
        (float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in words
        if html.unescape(text).strip(".") == word
    ]


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_the_red_112_reads_in_black_and_white(real_site: Path, code: str) -> None:
    """Printed grey, 112 in the red numbers box of the booklet's cover, and in the danger box
    on its back, is dark on light: contrast at least 4.5 (issue #12, item 9)."""
    pdf = real_site / "leaflets" / code / "orter-solna-polisstation.pdf"
    dpi = 200
    pages = grey_pages(pdf, dpi)
    scale = dpi / 72
    for number in (1, len(pages)):
        boxes = number_boxes(pdf, number, "112")
        assert boxes, f"no 112 on page {number}"
        for x0, y0, x1, y1 in boxes:
            box = (int(x0 * scale), int(y0 * scale), int(x1 * scale) + 1, int(y1 * scale) + 1)
            ink, paper = pages[number - 1].crop(box).getextrema()
            assert contrast(ink, paper) >= 4.5, (code, number, ink, paper)
