"""The real site in every language: pages, lang/dir, exit, facts, privacy, search, 404 (#2)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from support import REPO, parse_html

LANGUAGES = yaml.safe_load((REPO / "docs/_data/languages.yml").read_text(encoding="utf-8"))
CODES = [lang["code"] for lang in LANGUAGES]
DEFAULT = next(lang["code"] for lang in LANGUAGES if lang.get("default"))
DIRS = {lang["code"]: lang["dir"] for lang in LANGUAGES}
TAGS = {lang["code"]: lang.get("lang", lang["code"]) for lang in LANGUAGES}  # lattlast: sv
SOURCE_PAGES = sorted(
    p.relative_to(REPO / "docs" / DEFAULT) for p in (REPO / "docs" / DEFAULT).rglob("*.md")
)


def built_path(site: Path, code: str, page: Path) -> Path:
    """Where a source page lands in the built site for a language."""
    root = site if code == DEFAULT else site / code
    stem = page.with_suffix("")
    return root / (
        "index.html"
        if stem.name == "index" and stem.parent == Path()
        else stem.parent / ("" if stem.name == "index" else stem.name) / "index.html"
    )


def all_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site."""
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


@pytest.mark.parametrize("code", CODES)
def test_every_page_exists_in_every_language(real_site: Path, code: str) -> None:
    for page in SOURCE_PAGES:
        assert built_path(real_site, code, page).is_file(), f"{code}: {page} missing"


@pytest.mark.parametrize("code", CODES)
def test_lang_and_dir_are_right(real_site: Path, code: str) -> None:
    for page in SOURCE_PAGES:
        doc = parse_html(built_path(real_site, code, page))
        assert doc.find("html")[0].attrs["lang"] == TAGS[code]
        assert doc.find("body")[0].attrs["dir"] == DIRS[code]


def test_untranslated_pages_fall_back_marked_as_swedish(real_site: Path) -> None:
    fallbacks = 0
    for code in CODES:
        for page in SOURCE_PAGES:
            if code == DEFAULT or (REPO / "docs" / code / page).exists():
                continue
            fallbacks += 1
            doc = parse_html(built_path(real_site, code, page))
            assert doc.find("div", lang=DEFAULT, dir="ltr"), f"{code}/{page} not marked Swedish"
            assert doc.find("div", class_="vi-notice--fallback"), f"{code}/{page} has no notice"
    assert fallbacks > 0 or all(
        (REPO / "docs" / c / p).exists() for c in CODES for p in SOURCE_PAGES
    )


def test_exit_control_and_emergency_number_on_every_page(real_site: Path) -> None:
    for path in all_pages(real_site):
        doc = parse_html(path)
        exits = [e for e in doc.find("a", class_="vi-exit") if "data-vi-exit" in e.attrs]
        assert len(exits) == 1, path
        # server: nginx: through the exit route, which clears the cache (issue #14)
        assert exits[0].attrs["href"] == "/lamna/", path
        assert doc.find("a", href="tel:112"), path


def test_language_switcher_leads_to_the_same_page(real_site: Path) -> None:
    page = Path("tjanster/brottsofferjouren.md")
    for code in CODES:
        path = built_path(real_site, code, page)
        links = [
            (e.attrs["hreflang"], e.attrs["href"])
            for e in parse_html(path).find("a", class_="md-select__link")
        ]
        assert len(links) == len(CODES), links  # in languages.yml's order
        for other, (hreflang, href) in zip(CODES, links, strict=True):
            target = (path.parent / href).resolve() / "index.html"
            assert target == built_path(real_site, other, page).resolve(), (code, other, href)
            assert hreflang == TAGS[other]  # easy Swedish is sv too (issue #13)


RESOURCE_ATTRS = {"script": "src", "img": "src", "link": "href", "source": "src", "iframe": "src"}


def test_no_resource_from_another_host(real_site: Path) -> None:
    for path in all_pages(real_site):
        doc = parse_html(path)
        for element in doc.elements:
            attr = RESOURCE_ATTRS.get(element.tag)
            if element.tag == "link" and element.attrs.get("rel") in {
                "alternate",
                "canonical",
                "prev",
                "next",
            }:
                continue
            url = element.attrs.get(attr or "", "")
            assert not urlparse(url).netloc and not url.startswith("//"), f"{path}: {element}"
        assert not doc.inline_scripts, f"{path}: inline script (blocked by the CSP)"
    for css in real_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(
            r"@import\s+['\"]([^'\"]+)", text
        ):
            assert not re.match(r"(https?:)?//", url), f"{css}: {url}"


def test_content_security_policy_allows_only_own_origin(real_site: Path) -> None:
    for path in all_pages(real_site):
        metas = parse_html(path).find("meta", **{"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        policy = metas[0].attrs["content"]
        assert "default-src 'self'" in policy and "script-src 'self';" in policy
        assert "http" not in policy and "*" not in policy


def test_facts_on_translated_pages_equal_the_data(real_site: Path) -> None:
    data = yaml.safe_load(
        (REPO / "docs/_data/services/brottsofferjouren.yml").read_text(encoding="utf-8")
    )
    numbers = {re.sub(r"\D", "", p["number"]) for p in data["phones"]}
    for code in CODES:
        doc = parse_html(built_path(real_site, code, Path("tjanster/brottsofferjouren.md")))
        tels = {
            e.attrs["href"].removeprefix("tel:")
            for e in doc.find("a")
            if e.attrs.get("href", "").startswith("tel:")
        }
        assert numbers <= tels, code
        assert doc.find("section", class_="vi-card"), code


def test_phone_numbers_are_isolated_left_to_right(real_site: Path) -> None:
    for code in (c for c in CODES if DIRS[c] == "rtl"):
        html = built_path(real_site, code, Path("index.md")).read_text(encoding="utf-8")
        for number in ("116 006", "112"):
            assert f'<span dir="ltr" class="vi-ltr">{number}</span>' in html, (code, number)


@pytest.mark.parametrize("code", CODES)
def test_search_index_per_language_without_fallbacks(real_site: Path, code: str) -> None:
    root = real_site if code == DEFAULT else real_site / code
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for page in SOURCE_PAGES:
        translated = code == DEFAULT or (REPO / "docs" / code / page).exists()
        url = built_path(Path(), DEFAULT, page).parent.as_posix().removeprefix(".") + "/"
        url = url.lstrip("/")
        assert (url in locations) == translated, (code, page, sorted(locations))
    assert all(not d["location"].startswith(f"{code}/") for d in index["docs"])


@pytest.mark.parametrize("code", CODES)
def test_404_page_in_every_language(real_site: Path, code: str) -> None:
    path = real_site / ("404.html" if code == DEFAULT else f"{code}/404.html")
    doc = parse_html(path)
    assert doc.find("html")[0].attrs["lang"] == TAGS[code]
    assert len(doc.find("a", class_="md-select__link")) == len(CODES)
    # Each language's home, not the last page built before it (issue #15).
    homes = [e.attrs["href"] for e in doc.find("a", class_="md-select__link")]
    assert homes == [f"/{'' if other == DEFAULT else other + '/'}" for other in CODES]
