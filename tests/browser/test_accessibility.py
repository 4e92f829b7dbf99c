"""Accessibility in Chromium: axe-core at WCAG 2.1 AA on every page, and the keyboard (#6)."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import AXE_JS, CODES, DESKTOP, DIRS, PHONE, Chromium, SitePage
from playwright.async_api import Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# WCAG 1.4.10 (reflow): nothing makes the page wider than the screen, so that it never
# scrolls sideways (a list wider than a phone did, once it named sixteen languages, #13).
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
AXE_RUN = """tags => axe.run(document, {
  runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
})"""


def describe(violation: dict[str, Any]) -> str:
    """One axe violation as a line: rule, impact, where, and axe's advice."""
    node = violation["nodes"][0]
    summary = " ".join(node.get("failureSummary", "").split())
    return (
        f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} element(s)),"
        f" first {node['target']}: {summary} [{violation['helpUrl']}]"
    )


def axe_check(base: str) -> Any:
    """A check that runs axe on one page at one width and lists its violations."""

    axe = AXE_JS.read_text(encoding="utf-8")

    async def check(page: Page, item: tuple[SitePage, dict[str, int]]) -> list[str]:
        site_page, size = item
        await page.set_viewport_size(size)
        await page.goto(base + site_page.path)
        await page.evaluate(axe)
        result = await page.evaluate(AXE_RUN, AXE_TAGS)
        where = f"{site_page.path} at {size['width']} px"
        wider = await page.evaluate(SIDEWAYS)
        sideways = [f"{where}: scrolls sideways by {wider} px (WCAG 1.4.10)"] if wider > 0 else []
        return [f"{where}: {describe(v)}" for v in result["violations"]] + sideways

    return check


def one_of_each_kind(pages: list[SitePage]) -> list[SitePage]:
    """The first page of each folder (the start page, a service, a place ...): a page's
    layout at a width comes from its kind's template; its words are checked at phone width."""
    first: dict[str, SitePage] = {}
    for page in sorted(pages, key=lambda p: (p.path.count("/"), p.path)):
        first.setdefault(page.path.rstrip("/").rpartition("/")[0], page)
    return list(first.values())


@pytest.mark.parametrize("code", CODES)
def test_axe_finds_no_violation_at_phone_and_desktop_width(
    chromium: Chromium, pages: list[SitePage], code: str
) -> None:
    """WCAG 2.1 A and AA, and no page scrolls sideways: every page of the language at 360 px,
    where most readers are, and one page of each kind at 1280 px (issues #6, #13)."""
    mine = [p for p in pages if p.lang == code]
    assert mine, f"no pages found for {code}"
    items = [(p, PHONE) for p in mine] + [(p, DESKTOP) for p in one_of_each_kind(mine)]
    problems = chromium.each(items, axe_check(chromium.base))
    assert not problems, "axe-core found:\n" + "\n".join(problems)


FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    what: `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${
      (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40)}"`,
    inView: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight,
    uncovered: !!top && (e.contains(top) || top.contains(e)),
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
      || s.boxShadow !== "none",
    exit: e.hasAttribute("data-vi-exit"),
    skip: e.getAttribute("href") === "#vi-content",
  };
}"""


async def tab_stops(page: Page, most: int) -> list[dict[str, Any] | None]:
    """Press Tab until focus wraps to the exit control again (at most most times); each stop.

    A stop where nothing has focus is kept only if the next Tab does not wrap around: at
    the end of the page the focus leaves for the browser, then starts again at the top.
    """
    stops: list[dict[str, Any] | None] = []
    for _ in range(most):
        await page.keyboard.press("Tab")
        await page.wait_for_timeout(450)  # let Material's menus and search open or close
        stop = await page.evaluate(FOCUSED)
        if stops and stop and stop["exit"]:
            if stops[-1] is None:
                stops.pop()
            break
        stops.append(stop)
    return stops


def keyboard_check(base: str) -> Any:
    """A check of the first Tab stops of a page: exit first, skip link next, focus seen."""

    async def check(page: Page, item: tuple[str, dict[str, int]]) -> list[str]:
        path, size = item
        await page.set_viewport_size(size)
        await page.goto(base + path)
        stops = await tab_stops(page, 40)
        where = f"{path} at {size['width']} px"
        problems = []
        if not stops[0] or not stops[0]["exit"]:
            problems.append(f"{where}: the first Tab stop is {stops[0]}, not the exit control")
        if not stops[1] or not stops[1]["skip"]:
            problems.append(f"{where}: the second Tab stop is {stops[1]}, not the skip link")
        for number, stop in enumerate(stops, 1):
            if stop is None:
                problems.append(f"{where}: Tab {number} left the focus nowhere")
                continue
            unseen = [k for k in ("inView", "uncovered", "ring") if not stop[k]]
            if unseen:
                problems.append(f"{where}: Tab {number} on {stop['what']} fails {unseen}")
        return problems

    return check


def keyboard_pages() -> list[str]:
    """The start page and a service page, in the default and a right-to-left language."""
    rtl = next(c for c in CODES if DIRS[c] == "rtl")
    return [f"{root}{page}" for root in ("/", f"/{rtl}/") for page in ("", "tjanster/polisen/")]


def test_keyboard_exit_first_then_skip_link_and_focus_always_visible(chromium: Chromium) -> None:
    """Tab reaches the exit control first, then the skip link; every focus is seen (#6)."""
    items = [(path, size) for path in keyboard_pages() for size in (PHONE, DESKTOP)]
    problems = chromium.each(items, keyboard_check(chromium.base))
    assert not problems, "\n".join(problems)


def test_skip_link_moves_focus_to_the_text(chromium: Chromium) -> None:
    """Enter on the skip link moves the keyboard to the page's own text (issue #6)."""

    async def check(page: Page, size: dict[str, int]) -> list[str]:
        await page.set_viewport_size(size)
        await page.goto(chromium.url("/tjanster/polisen/"))
        await page.keyboard.press("Tab")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")
        focused = await page.evaluate("() => document.activeElement.id")
        await page.keyboard.press("Tab")
        inside = await page.evaluate(
            "() => !!document.activeElement.closest('article.md-content__inner')"
        )
        if focused == "vi-content" and inside:
            return []
        width = size["width"]
        return [f"at {width} px: after the skip link, focus on #{focused}, in the text: {inside}"]

    problems = chromium.each([PHONE, DESKTOP], check)
    assert not problems, "\n".join(problems)


def test_menu_button_opens_the_navigation_from_the_keyboard(chromium: Chromium) -> None:
    """At phone width, Tab reaches the menu button; Enter opens the drawer, Escape closes it.

    Material's menu button is a label the keyboard never reached (issue #6).
    """

    async def check(page: Page, path: str) -> list[str]:
        await page.goto(chromium.url(path))
        for _ in range(10):
            await page.keyboard.press("Tab")
            if await page.evaluate("() => document.activeElement.matches('label[for=__drawer]')"):
                break
        else:
            return [f"{path}: no Tab stop on the menu button"]
        problems = []
        await page.keyboard.press("Enter")
        await page.wait_for_timeout(450)
        opened = await page.evaluate(FOCUSED)
        in_drawer = await page.evaluate(
            "() => document.getElementById('__drawer').checked"
            " && !!document.activeElement.closest('.md-nav--primary')"
        )
        if not (in_drawer and opened and opened["inView"] and opened["uncovered"]):
            problems.append(f"{path}: after Enter, focus on {opened}, not in the open drawer")
        await page.keyboard.press("Escape")
        await page.wait_for_timeout(450)
        closed = await page.evaluate(
            "() => !document.getElementById('__drawer').checked"
            " && document.activeElement.matches('label[for=__drawer]')"
        )
        if not closed:
            problems.append(f"{path}: Escape did not close the drawer and return to the button")
        return problems

    problems = chromium.each(["/", "/ar/tjanster/polisen/"], check, viewport=PHONE)
    assert not problems, "\n".join(problems)
