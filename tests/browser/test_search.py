"""Search in Chromium: in every language, a word only one page has finds that page (#6)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from browsing import CODES, DEFAULT, DESKTOP, Chromium
from playwright.async_api import Page
from playwright.async_api import TimeoutError as WaitedTooLong

from victiminfo.site.search_index import SEPARATOR

PAGES_PER_LANGUAGE = 3
MIN_LENGTH = 6


def words(html: str) -> set[str]:
    """The words of an index entry's text or title, split as the search splits them."""
    text = re.sub(r"<[^>]+>", " ", html).lower()
    return set(re.split(SEPARATOR, text)) - {""}


def page_words(index: dict[str, list[dict[str, str]]]) -> dict[str, set[str]]:
    """Every page of an index (its location without the #part) and all its words."""
    by_page: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        by_page[doc["location"].split("#")[0]] |= words(doc["title"]) | words(doc["text"])
    return by_page


def distinctive_words(by_page: dict[str, set[str]]) -> dict[str, str]:
    """For each page, one long word that no other page has (if it has one)."""
    long = {
        page: {w for w in found if len(w) >= MIN_LENGTH and w.isalpha()}
        for page, found in by_page.items()
    }
    pages_with: dict[str, int] = defaultdict(int)
    for found in long.values():
        for word in found:
            pages_with[word] += 1
    unique = {page: sorted(w for w in found if pages_with[w] == 1) for page, found in long.items()}
    return {page: found[0] for page, found in sorted(unique.items()) if found}


def index_words(site: Path, code: str) -> dict[str, set[str]]:
    """The words of every page of one language, from its own built search index."""
    root = site if code == DEFAULT else site / code
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    return page_words(index)


def search_cases(by_page: dict[str, set[str]]) -> list[tuple[str, str]]:
    """A few (page, word) pairs of one language."""
    return list(distinctive_words(by_page).items())[:PAGES_PER_LANGUAGE]


def search_check(
    base: str, code: str, by_page: dict[str, set[str]]
) -> Callable[[Page, tuple[str, str]], Awaitable[list[str]]]:
    """A check that types a word into the search field and looks for the page in the results.

    Every other result must be a page of the language with a word that starts with the
    typed one (the search adds a trailing wildcard): a search that lists every page fails.
    """
    root = "/" if code == DEFAULT else f"/{code}/"

    async def check(page: Page, case: tuple[str, str]) -> list[str]:
        location, word = case
        await page.goto(base + root)
        field = page.locator(".md-search__input")
        await field.press_sequentially(word)
        # Material searches on keyup. Playwright types letters that are not on its keyboard
        # (Cyrillic, Arabic, Ethiopic) as text input, without key events, where a phone's
        # keyboard sends them; one key press makes the keyup a person's typing makes.
        await field.press("End")
        want = base + root + location
        try:
            await page.wait_for_function(
                """want => [...document.querySelectorAll(".md-search-result__link")]
                     .some(a => a.href.split("#")[0] === want)""",
                arg=want,
                timeout=10_000,
            )
            hit = True
        except WaitedTooLong:
            hit = False
        found = await page.eval_on_selector_all(
            ".md-search-result__link", "links => links.map(a => a.href)"
        )
        if not hit:
            return [f"{code}: searching {word!r} did not find {root}{location}; found {found}"]
        strays = [
            url
            for url in found
            if not any(
                w.startswith(word)
                for w in by_page.get(url.split("#")[0].removeprefix(base + root), ())
            )
        ]
        return [f"{code}: searching {word!r} also found {url}" for url in strays]

    return check


@pytest.mark.parametrize("code", CODES)
def test_a_distinctive_word_finds_its_page(chromium: Chromium, real_site: Path, code: str) -> None:
    """Each language's search finds a page by a word only that page has (issue #6)."""
    by_page = index_words(real_site, code)
    cases = search_cases(by_page)
    assert cases, f"{code}: no page has a word of its own"
    check = search_check(chromium.base, code, by_page)
    problems = chromium.each(cases, check, viewport=DESKTOP)
    assert not problems, "\n".join(problems)
