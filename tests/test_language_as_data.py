"""A language is data: one added with no Python or template edit is built everywhere (#13).

The test follows CONTRIBUTING.md's "Add a language": an entry in docs/_data/languages.yml,
an interface-strings file docs/_data/ui/<code>.yml (with `theme:` for Material's own strings,
which Material has none of for these codes) and a page folder docs/<code>/. The fixture has
neither Kurmanji (kmr, Latin script) nor Sorani (ckb, Arabic script, right to left, with its
own letters ڕ ۆ ێ ە): three-letter codes, which mkdocs-static-i18n's own check would refuse.
The third is an edition that no language tag names, easy Swedish: its code is a word
(lattlast), its text's tag is sv.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support import FIXTURES, build, copy_site, parse_html, run_cli

NEW = {
    "kmr": {
        "tag": "kmr",
        "entry": "- code: kmr\n  name: Kurmancî\n  english_name: Kurmanji Kurdish\n"
        "  dir: ltr\n  script: Latn\n  search: {lang: en, stemming: false}\n",
        "exit": "Ji vê rûpelê derkeve",
        "search": "Lê bigere",
        "title": "Piştgirî li Testby",
        "text": "Heke hûn dixwazin biaxivin, li {{ phone hjalplinjen support_line }} "
        "telefon bikin.",
        "word": "Piştgirî",
        "dir": "ltr",
    },
    "ckb": {
        "tag": "ckb",
        "entry": "- code: ckb\n  name: کوردیی ناوەندی\n  english_name: Sorani Kurdish\n"
        "  dir: rtl\n  script: Arab\n  print_fonts: [Noto Naskh Arabic, Noto Sans]\n"
        "  search: {lang: en, stemming: false}\n",
        "exit": "ئەم پەڕەیە بەجێبهێڵە",
        "search": "گەڕان",
        "title": "پشتگیری لە تێستبی",
        "text": "ئەگەر دەتەوێت قسە بکەیت، تەلەفۆن بکە بۆ {{ phone hjalplinjen support_line }}. "
        "ئەم پەڕەیە وەرگێڕانی ئامێرە.",
        "word": "پشتگیری",
        "dir": "rtl",
    },
    "lattlast": {
        "tag": "sv",
        "entry": "- code: lattlast\n  lang: sv\n  name: Lättläst\n  english_name: Easy Swedish\n"
        "  dir: ltr\n  script: Latn\n  search: {lang: sv, stemming: false}\n",
        "exit": "Gå bort från sidan",
        "search": "Sök här",
        "title": "Hjälp i Testby",
        "text": "Vill du prata med någon? Ring {{ phone hjalplinjen support_line }}. "
        "Det är lätt att ringa.",
        "word": "lätt",
        "dir": "ltr",
    },
}


def _add_language(root: Path, code: str, new: dict[str, str]) -> None:
    """Only data: the language's entry, its interface strings, and one translated page."""
    data = root / "docs/_data"
    with (data / "languages.yml").open("a", encoding="utf-8") as languages:
        languages.write(new["entry"])
    english = (data / "ui/en.yml").read_text("utf-8")
    strings = english.replace("label: Exit this page", f"label: {new['exit']}")
    theme = f"theme:\n  search.placeholder: {new['search']}\n  search: {new['search']}\n"
    (data / f"ui/{code}.yml").write_text(strings + theme, "utf-8")
    page = root / "docs" / code / "orter/testby.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        f"---\nmachine_translation: true\n---\n\n# {new['title']}\n\n{new['text']}\n\n"
        "{{ services testby }}\n",
        "utf-8",
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_site(FIXTURES / "small-site", tmp_path_factory.mktemp("data") / "project")
    for code, new in NEW.items():
        _add_language(root, code, new)
    return build(root)


@pytest.mark.parametrize("code", NEW)
def test_the_switcher_names_it_in_its_own_script(site: Path, code: str) -> None:
    """Every page's language switcher links to the new language, named in its script (#13)."""
    name = NEW[code]["entry"].split("name: ", 1)[1].split("\n", 1)[0]
    tag = NEW[code]["tag"]
    for page in (site / "index.html", site / "en/index.html", site / code / "index.html"):
        doc = parse_html(page)
        links = doc.find("a", hreflang=tag, lang=tag)
        assert any(link.attrs["href"].rstrip("/").endswith(code) for link in links), (page, code)
    assert f">\n              {name}\n" in (site / "index.html").read_text("utf-8")


@pytest.mark.parametrize("code", NEW)
def test_its_pages_have_lang_dir_and_its_own_strings(site: Path, code: str) -> None:
    """lang and dir come from languages.yml; Material's strings from the ui file (#13)."""
    new = NEW[code]
    for page in ("orter/testby/index.html", "index.html"):  # translated; Swedish fallback
        path = site / code / page
        doc = parse_html(path)
        assert doc.find("html")[0].attrs["lang"] == new["tag"]
        assert doc.find("body")[0].attrs["dir"] == new["dir"]
        html = path.read_text("utf-8")
        assert f'placeholder="{new["search"]}"' in html and new["exit"] in html
    assert new["title"] in (site / code / "orter/testby/index.html").read_text("utf-8")


@pytest.mark.parametrize("code", NEW)
def test_search_has_its_own_index(site: Path, code: str) -> None:
    """Its pages, and only its, are in its search index, tokenised as languages.yml says (#13)."""
    index = json.loads((site / code / "search/search_index.json").read_text("utf-8"))
    search_lang = "sv" if NEW[code]["tag"] == "sv" else "en"
    assert index["config"]["lang"] == [search_lang] and index["config"]["pipeline"] == []
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert NEW[code]["word"] in texts
    swedish = (site / "search/search_index.json").read_text("utf-8")
    assert NEW[code]["word"] not in swedish


@pytest.mark.parametrize("code", NEW)
def test_its_leaflet_prints_every_letter(site: Path, code: str) -> None:
    """The leaflet is built (the missing-glyph check passed) with its text and fonts (#13)."""
    pdf = site / "leaflets" / code / "orter-testby.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert NEW[code]["word"] in text and "020-50 50 50" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    want = "+Noto-Naskh-Arabic " if NEW[code]["dir"] == "rtl" else "+Noto-Sans "
    assert want in fonts.stdout, fonts.stdout


def test_the_sitemap_names_each_alternate_by_its_tag_once(site: Path) -> None:
    """hreflang is a tag; an edition sharing its language's tag is no alternate (#13)."""
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert 'hreflang="ckb"' in sitemap and 'hreflang="kmr"' in sitemap
    assert 'hreflang="lattlast"' not in sitemap and "/lattlast/orter/testby/</loc>" in sitemap
    assert sitemap.count('hreflang="sv"') == sitemap.count("<url>")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("Sorani", "'Sorani' is not a code the site can use"),
        ("ku_IQ", "'ku_IQ' is not a code the site can use"),
        ("lattlast", "needs `lang:`"),
    ],
)
def test_a_code_that_is_no_tag_is_named_with_what_to_write(
    tmp_path: Path, code: str, said: str
) -> None:
    """A code that is neither a BCP 47 tag nor an edition's word with its lang is refused (#13)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    entry = NEW["ckb"]["entry"].replace("code: ckb", f"code: {code}")
    with (root / "docs/_data/languages.yml").open("a", encoding="utf-8") as languages:
        languages.write(entry)
    result = run_cli("check", "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = result.stdout + result.stderr
    assert "languages.yml" in out and said in out, out
