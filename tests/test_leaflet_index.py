"""The print page's list of leaflets (the leaflet-index component), from a real plan (issue #11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import Document, parse_html, run_cli
from victiminfo.leaflets.index import leaflet_index
from victiminfo.leaflets.plan import LeafletSettings, plan_leaflets
from victiminfo.project import Project
from victiminfo.site.state import load_state


def _index(root: Path, code: str) -> Document:
    project = Project(root)
    state = load_state(project)
    plan = plan_leaflets(project.docs, state.catalog.languages, LeafletSettings())
    doc = Document()
    doc.feed(leaflet_index(project, plan, code, state.render_context(code), url_prefix="../"))
    return doc


def test_each_language_is_linked_to_its_pdf_or_said_to_be_missing(small_project: Path) -> None:
    """Testby has a leaflet in every language, Gammelby only in Swedish (issue #11)."""
    doc = _index(small_project, "en")
    headings = [e.tag for e in doc.elements if e.tag in ("h2", "h3")]
    assert headings == ["h2", "h2", "h3", "h3"]  # how to print, then the places
    links = [a for a in doc.find("a", type="application/pdf") if "class" not in a.attrs]
    assert [a.attrs["href"] for a in links] == [
        "../leaflets/sv/orter-gammelby.pdf",
        *(f"../leaflets/{code}/orter-testby.pdf" for code in ("sv", "en", "ar", "ti")),
    ]
    assert all(a.attrs["hreflang"] == a.attrs["href"].split("/")[2] for a in links)
    names = doc.find("span")
    assert len(names) == 2 * 4 and all(span.attrs["lang"] for span in names)
    assert "".join(doc.text).count("(not translated yet)") == 3


def test_a_title_is_text_not_markup(small_project: Path) -> None:
    """Autoescaping stays on in the component: a page title cannot add elements (issue #11)."""
    page = small_project / "docs/sv/orter/gammelby.md"
    page.write_text('---\ntitle: "Gammelby <b>& co</b>"\n---\n' + page.read_text("utf-8"), "utf-8")
    doc = _index(small_project, "sv")
    assert not doc.find("b")
    assert "Gammelby <b>& co</b>" in doc.text


def test_each_leaflet_has_its_print_file_and_a_station_its_card(small_project: Path) -> None:
    """Stations first, with the language card; every leaflet with its A4 file (issue #12)."""
    places = small_project / "docs/sv/orter"
    station = places / "testby-polisstation.md"
    station.write_text(
        (places / "testby.md").read_text("utf-8").replace("Testby", "Testby polisstation"), "utf-8"
    )
    doc = _index(small_project, "sv")
    assert [a.attrs["href"] for a in doc.find("a", type="application/pdf")][:3] == [
        "../leaflets/cards/orter-testby-polisstation.pdf",
        "../leaflets/sv/orter-testby-polisstation.pdf",
        "../leaflets/sv/orter-testby-polisstation.a4.pdf",
    ]
    a4 = doc.find("a", class_="vi-leaflet-a4")
    assert len(a4) == 2 + 4  # the station and Gammelby in Swedish, Testby in four languages
    text = " ".join(doc.text)
    for words in ("Så skriver du ut", "vänd längs kortsidan", "verklig storlek", "häfta"):
        assert words in text


def _with_station_and_print_page(root: Path) -> None:
    """Give the fixture a police station (which gets a language card) and the print page."""
    places = root / "docs/sv/orter"
    station = (places / "testby.md").read_text("utf-8").replace("Testby", "Testby polisstation")
    (places / "testby-polisstation.md").write_text(station, "utf-8")
    (root / "docs/sv/skriv-ut.md").write_text("# Skriv ut\n\n{{ leaflets all }}\n", "utf-8")


def _linked_pdfs(site: Path) -> dict[str, Path]:
    """Every PDF a built page links, as written in the page and as the file it names."""
    return {
        f"{page.relative_to(site)}: {a.attrs['href']}": (page.parent / a.attrs["href"]).resolve()
        for page in site.rglob("*.html")
        for a in parse_html(page).find("a")
        if a.attrs.get("href", "").endswith(".pdf")
    }


A4_BY_CONFIG = ("      facts_max_age_days: 365\n", "      leaflets: {paper: A4}\n")


@pytest.mark.parametrize(
    ("how", "args", "print_files"),
    [
        ("A5", (), True),
        ("--paper A4", ("--paper", "A4"), False),
        ("mkdocs.yml paper: A4", (), False),
        ("--print-shop", ("--print-shop",), False),
    ],
)
def test_every_linked_pdf_exists(
    small_project: Path, how: str, args: tuple[str, ...], print_files: bool
) -> None:
    """--paper A4 (or mkdocs.yml's) makes no A4 print files and so links none (issue #12)."""
    _with_station_and_print_page(small_project)
    if how.startswith("mkdocs.yml"):
        config = small_project / "mkdocs.yml"
        text = config.read_text("utf-8")
        assert A4_BY_CONFIG[0] in text
        config.write_text(text.replace(A4_BY_CONFIG[0], "".join(A4_BY_CONFIG)), "utf-8")
    result = run_cli("build", "--root", str(small_project), *args)
    assert result.returncode == 0, result.stderr
    linked = _linked_pdfs(small_project / "site")
    assert {link for link, path in linked.items() if not path.is_file()} == set()
    names = {path.name for path in linked.values()}
    assert "orter-testby-polisstation.pdf" in names  # the card and the leaflets stay linked
    assert any(name.endswith(".a4.pdf") for name in names) == print_files
