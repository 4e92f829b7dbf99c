"""Leaflets as printed: fonts, every script, size, tags, drafts, same bytes twice (issue #3)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import FIXTURES, build, copy_site, run_cli
from victiminfo.leaflets.compose import cached_qr_code, qr_code

A5_POINTS = (419.5, 595.3)


def pdftotext(path: Path) -> str:
    """The text of a PDF as poppler extracts it (logical order)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdffonts(path: Path) -> list[list[str]]:
    """The font table rows of a PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


@pytest.fixture(scope="session")
def leaflets(small_site: Path) -> Path:
    return small_site / "leaflets"


def test_a_leaflet_per_translated_place_and_language(leaflets: Path) -> None:
    pdfs = [p for p in leaflets.rglob("*.pdf") if not p.name.endswith(".a4.pdf")]  # issue #12
    built = sorted(p.relative_to(leaflets).as_posix() for p in pdfs)
    assert built == [
        "ar/orter-testby.pdf",
        "en/orter-testby.pdf",
        "sv/orter-gammelby.pdf",
        "sv/orter-testby.pdf",
        "ti/orter-testby.pdf",
    ]


def test_fonts_are_embedded_as_subsets(leaflets: Path) -> None:
    for pdf in leaflets.rglob("*.pdf"):
        rows = pdffonts(pdf)
        assert rows, pdf
        for row in rows:
            emb, sub = row[-5], row[-4]
            assert (emb, sub) == ("yes", "yes"), (pdf, row)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("sv", ["Stöd i Testby", "Hjälplinjen", "Viktiga nummer"]),
        ("en", ["Support in Testby", "Important numbers", "Machine-translated"]),
        ("ar", ["الدعم في تيستبي"]),
        ("ti", ["ሓገዝ ኣብ ተስትቢ"]),
    ],
)
def test_text_and_numbers_in_every_script(leaflets: Path, code: str, words: list[str]) -> None:
    text = pdftotext(leaflets / code / "orter-testby.pdf")
    for expected in [*words, "020-50 50 50", "112", "stod.testkommun.se/"]:
        assert expected in text, (code, expected, text)


def test_numbers_keep_their_order_in_right_to_left_text(leaflets: Path) -> None:
    text = pdftotext(leaflets / "ar" / "orter-testby.pdf")
    assert "020-50 50 50" in text and "50 50 50-020" not in text


def test_page_size_count_tags_and_language(leaflets: Path) -> None:
    for code in ("sv", "ar", "ti"):
        reader = PdfReader(leaflets / code / "orter-testby.pdf")
        assert len(reader.pages) == 8  # a station booklet (issue #12)
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == A5_POINTS
        root = reader.trailer["/Root"]
        assert root["/Lang"] == code
        assert "/StructTreeRoot" in root, "not tagged"
        assert reader.metadata is not None and reader.metadata.title


def test_draft_mark_exactly_when_a_fact_is_old(leaflets: Path) -> None:
    assert "UTKAST / DRAFT" in pdftotext(leaflets / "sv" / "orter-gammelby.pdf")
    for code in ("sv", "en", "ar", "ti"):
        assert "UTKAST" not in pdftotext(leaflets / code / "orter-testby.pdf"), code


def test_web_page_links_to_its_leaflet(small_site: Path) -> None:
    html = (small_site / "ar" / "orter" / "testby" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../leaflets/ar/orter-testby.pdf"' in html


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    first = {
        p.name + p.parent.name: p.read_bytes() for p in (build(root) / "leaflets").rglob("*.pdf")
    }
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    second = {
        p.name + p.parent.name: p.read_bytes() for p in (build(root) / "leaflets").rglob("*.pdf")
    }
    assert first == second


def test_unchanged_leaflets_are_not_rendered_again(tmp_path: Path) -> None:
    """A file no leaflet reads builds the site again, but renders no leaflet (issue #15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    build(root)
    (root / "NOTES.txt").write_text("an editor's note, in no page", encoding="utf-8")
    result = run_cli("build", "--root", str(root))
    assert "Nothing changed" not in result.stdout, result.stdout
    assert "(0 rendered, 5 unchanged)" in result.stdout, result.stdout


def test_a_character_no_font_has_fails_the_build(tmp_path: Path) -> None:
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    site = build(root)
    before = (site / "leaflets/ti/orter-testby.pdf").read_bytes()
    page = root / "docs/ti/orter/testby.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n漢\n", encoding="utf-8")
    result = run_cli("build", "--root", str(root))
    assert result.returncode == 1
    assert "leaflets/ti/orter-testby.pdf (Tigrinya)" in result.stderr
    assert "U+6F22" in result.stderr and "Traceback" not in result.stderr
    assert (site / "leaflets/ti/orter-testby.pdf").read_bytes() == before


def test_a_cached_qr_code_is_the_one_drawn_for_its_address(tmp_path: Path) -> None:
    """The QR cache (.cache/qr) never hands one address's code out for another (issue #7)."""
    first, second = "https://example.se/tjanster/a/", "https://example.se/ar/tjanster/a/"
    for _ in range(2):  # drawn and stored, then read back from the folder
        assert cached_qr_code(first, tmp_path) == qr_code(first)
        assert cached_qr_code(second, tmp_path) == qr_code(second)
    assert qr_code(first) != qr_code(second)
    assert len(list(tmp_path.iterdir())) == 2
