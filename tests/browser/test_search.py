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

from victiminfo.search_index import SEPARATOR

PAGES_PER_LANGUAGE = 3
MIN_LENGTH = 6


def words(html: str) -> set[str]:
    """The words of an index entry's text or title, split as the search splits them."""
    text = re.sub(r"<[^>]+>", " ", html).lower()
    return {w for w in re.split(SEPARATOR, text) if len(w) >= MIN_LENGTH and w.isalpha()}


def distinctive_words(index: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """For each page of an index, one word that no other page has (if it has one)."""
    by_page: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        by_page[doc["location"].split("#")[0]] |= words(doc["title"]) | words(doc["text"])
    pages_with: dict[str, int] = defaultdict(int)
    for found in by_page.values():
        for word in found:
            pages_with[word] += 1
    unique = {
        page: sorted(w for w in found if pages_with[w] == 1) for page, found in by_page.items()
    }
    return {page: found[0] for page, found in sorted(unique.items()) if found}


def search_cases(site: Path, code: str) -> list[tuple[str, str]]:
    """A few (page, word) pairs of one language, from its own built search index."""
    root = site if code == DEFAULT else site / code
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    return list(distinctive_words(index).items())[:PAGES_PER_LANGUAGE]


def search_check(base: str, code: str) -> Callable[[Page, tuple[str, str]], Awaitable[list[str]]]:
    """A check that types a word into the search field and looks for the page in the results."""
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
        except WaitedTooLong:
            pass
        else:
            return []
        found = await page.eval_on_selector_all(
            ".md-search-result__link", "links => links.map(a => a.href)"
        )
        return [f"{code}: searching {word!r} did not find {root}{location}; found {found}"]

    return check


@pytest.mark.parametrize("code", CODES)
def test_a_distinctive_word_finds_its_page(chromium: Chromium, real_site: Path, code: str) -> None:
    """Each language's search finds a page by a word only that page has (issue #6)."""
    cases = search_cases(real_site, code)
    assert cases, f"{code}: no page has a word of its own"
    problems = chromium.each(cases, search_check(chromium.base, code), viewport=DESKTOP)
    assert not problems, "\n".join(problems)
