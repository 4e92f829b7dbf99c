"""Right-to-left in Chromium: Arabic and Persian pages mirrored, phone numbers read LTR (#6)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from browsing import CODES, DESKTOP, DIRS, PHONE, Chromium, SitePage
from playwright.async_api import Page

RTL = [c for c in CODES if DIRS[c] == "rtl"]

# For every phone link on screen: the left edges of its digits as drawn, line by line.
DIGIT_POSITIONS = """() => [...document.querySelectorAll('a[href^="tel:"]')]
  .filter(a => a.getClientRects().length > 0)
  .map(a => {
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    const digits = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (!/[0-9]/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        digits.push({digit: node.data[i], left: r.left, top: Math.round(r.top)});
      }
    }
    return {text: a.textContent.trim(), digits};
  })"""

# Where the page's parts are drawn: the layout is mirrored when they sit on the other side.
LAYOUT = r"""() => {
  const box = s => { const e = document.querySelector(s);
    return e && e.getClientRects().length ? e.getBoundingClientRect().toJSON() : null; };
  const range = document.createRange();
  range.selectNodeContents(document.querySelector("article.md-content__inner h1"));
  return {
    dir: getComputedStyle(document.body).direction,
    exit: box("[data-vi-exit]"),
    emergency: box(".vi-safety__emergency"),
    article: box("article.md-content__inner"),
    firstLineRight: Math.max(...[...range.getClientRects()]
      .filter(r => r.width > 0 && Math.round(r.top) === Math.round(range.getClientRects()[0].top))
      .map(r => r.right)),
    nav: box(".md-sidebar--primary"),
    content: box(".md-content"),
    menu: box('.md-header label[for="__drawer"]'),
    title: box(".md-header__title"),
  };
}"""


def misordered(link: dict[str, Any]) -> bool:
    """Whether any digit is drawn left of the one before it on the same line."""
    digits = link["digits"]
    return any(b["left"] <= a["left"] for a, b in pairwise(digits) if a["top"] == b["top"])


async def numbers_check(page: Page, item: tuple[str, SitePage]) -> list[str]:
    """Every phone number on a page is drawn left to right, digit after digit."""
    base, site_page = item
    await page.goto(base + site_page.path)
    links = await page.evaluate(DIGIT_POSITIONS)
    if not any(link["digits"] for link in links):  # the safety bar has the emergency number
        return [f"{site_page.path}: no phone number on screen"]
    return [
        f"{site_page.path}: {link['text']!r} is drawn in the order "
        + "".join(d["digit"] for d in sorted(link["digits"], key=lambda d: (d["top"], d["left"])))
        for link in links
        if misordered(link)
    ]


@pytest.mark.parametrize("code", RTL)
def test_phone_numbers_read_left_to_right_on_every_page(
    chromium: Chromium, pages: list[SitePage], code: str
) -> None:
    """On every right-to-left page, each number's digits are drawn left to right (#6)."""
    mine = [(chromium.base, p) for p in pages if p.lang == code]
    assert mine, f"no pages found for {code}"
    problems = chromium.each(mine, numbers_check, viewport=PHONE)
    assert not problems, "\n".join(problems)


def mirroring_problems(layout: dict[str, Any], wide: bool) -> list[str]:
    """What in a right-to-left layout is still on the left-to-right side."""
    problems = []
    if layout["dir"] != "rtl":
        problems.append(f"the body's direction is {layout['dir']}")
    if not layout["exit"]["right"] <= layout["emergency"]["left"]:
        problems.append("the exit control is not at the bar's left (inline end)")
    if not layout["firstLineRight"] > layout["article"]["right"] - 40:
        problems.append("the heading does not start at the right")
    if wide and not layout["nav"]["left"] >= layout["content"]["right"] - 1:
        problems.append("the navigation is not right of the text")
    if not wide and not layout["menu"]["left"] >= layout["title"]["right"] - 1:
        problems.append("the menu button is not right of the title")
    return problems


@pytest.mark.parametrize("code", RTL)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_right_to_left_pages_are_mirrored(
    chromium: Chromium, code: str, size: dict[str, int]
) -> None:
    """Text from the right, exit at the left, navigation and menu on the right (#6)."""

    async def check(page: Page, path: str) -> list[str]:
        await page.goto(chromium.url(path))
        layout = await page.evaluate(LAYOUT)
        wide = size["width"] >= DESKTOP["width"]
        return [f"{path}: {p}" for p in mirroring_problems(layout, wide)]

    paths = [f"/{code}/", f"/{code}/tjanster/polisen/", f"/{code}/orter/solna/"]
    problems = chromium.each(paths, check, viewport=size)
    assert not problems, "\n".join(problems)


# For every element whose own text has a date: the left edges of its digits as drawn.
DATE_DIGIT_POSITIONS = r"""() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\d{4}-\d\d-\d\d/g)) {
      if (!node.parentElement.getClientRects().length) continue;
      const digits = [];
      for (let i = m.index; i < m.index + m[0].length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        digits.push({digit: node.data[i], left: r.left, top: Math.round(r.top)});
      }
      out.push({text: m[0], digits});
    }
  }
  return out;
}"""


@pytest.mark.parametrize("code", RTL)
def test_dates_in_translated_sentences_read_left_to_right(chromium: Chromium, code: str) -> None:
    """The presence note's date on the Solna pages is drawn 2017-10-05 (issue #12)."""

    async def check(page: Page, path: str) -> list[str]:
        await page.goto(chromium.url(path))
        dates = await page.evaluate(DATE_DIGIT_POSITIONS)
        if not any(d["text"] == "2017-10-05" for d in dates):
            return [f"{path}: the presence date is not on screen"]
        return [f"{path}: {d['text']} is drawn out of order" for d in dates if misordered(d)]

    paths = [f"/{code}/orter/solna/", f"/{code}/orter/solna-polisstation/"]
    problems = chromium.each(paths, check, viewport=PHONE)
    assert not problems, "\n".join(problems)
