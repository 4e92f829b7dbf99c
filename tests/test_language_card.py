"""The "point to your language" card: one A4 page, each QR code to its own language (issue #12)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from support import REPO
from victiminfo.leaflets.card import tile_height
from victiminfo.model.languages import load_languages

CARD = Path("leaflets/cards/orter-solna-polisstation.pdf")
SITE_URL = "https://brottsofferinfo.example.se/"
CODES = load_languages(REPO / "docs/_data/languages.yml").codes


def decoded(pdf: Path, tmp_path: Path) -> list[str]:
    """Every QR code on the card, read by zbarimg from a 150 dpi rendering."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "card")], check=True)
    [png] = tmp_path.glob("card*.png")
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return out.stdout.split()


def test_the_station_card_is_one_a4_page(real_site: Path) -> None:
    """Every language (sixteen) on exactly one portrait A4 page (#12, #13)."""
    [page] = PdfReader(real_site / CARD).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_each_qr_code_leads_to_its_own_language(real_site: Path, tmp_path: Path) -> None:
    """zbarimg finds one QR code per language, each the station page in that language (#12)."""
    urls = decoded(real_site / CARD, tmp_path)
    want = {SITE_URL + ("" if c == "sv" else f"{c}/") + "orter/solna-polisstation/" for c in CODES}
    assert sorted(urls) == sorted(want)


def test_each_tile_names_its_language_and_the_station_in_it(real_site: Path) -> None:
    """Every language's own name, its title of the station and its line are on the card (#12)."""
    text = subprocess.run(
        ["pdftotext", "-nodiag", str(real_site / CARD), "-"], capture_output=True, text=True
    ).stdout
    for words in ("Svenska", "Polisstationen i Solna", "English", "The police station in Solna"):
        assert words in text
    for words in ("Українська", "Türkçe", "Suomi", "Soomaali", "Polski", "ትግርኛ"):
        assert words in text


def test_tiles_shrink_so_that_every_language_fits() -> None:
    """More languages make smaller tiles, never a second page (#12)."""
    assert tile_height(10) == 49.0
    assert 6 * tile_height(12) + 2 * 5 <= 258.0 + 0.01
    assert 8 * tile_height(16) + 2 * 7 <= 258.0 + 0.01
