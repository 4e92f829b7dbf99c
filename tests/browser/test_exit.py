"""The exit control in Chromium: click, Shift three times, Back, no JavaScript, print (#6)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from browsing import DESKTOP, EXIT_URL, PHONE, Chromium
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request, Route

# The neutral site is not reachable from the test machine: the browser gets this stand-in.
NEUTRAL = "<!doctype html><html lang=sv><title>Väder</title><h1>Väder</h1></html>"
START = "/"
SERVICE = "/tjanster/brottsofferjouren/"
SETTLE_MS = 1000
SHOWS_OUR_TEXT = (
    "() => getComputedStyle(document.body).visibility !== 'hidden'"
    " && !!document.querySelector('[data-vi-exit]')"
)


@asynccontextmanager
async def browsing(chromium: Chromium, **options: Any) -> AsyncIterator[tuple[Page, list[str]]]:
    """A fresh page whose visits to the exit URL get the stand-in; and those visits.

    A visit is counted when the browser asks for the neutral site. Playwright routes only the
    first address of a redirect, so after nginx's exit route (303) the browser's own request
    may fail to resolve (the test machine has no network): that still is leaving (#14).
    """
    context = await chromium.context(**options)
    arrivals: list[str] = []

    async def neutral(route: Route) -> None:
        await route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL)

    def asked(request: Request) -> None:
        if request.is_navigation_request() and request.url.startswith(EXIT_URL):
            arrivals.append(request.url)

    await context.route(f"{EXIT_URL}**", neutral)
    context.on("request", asked)
    try:
        yield await context.new_page(), arrivals
    finally:
        await context.close()


async def left(page: Page) -> bool:
    """Whether the page goes on to the neutral site within a few seconds."""
    for _ in range(50):
        if page.url.startswith(EXIT_URL):
            await settle(page)
            return True
        await page.wait_for_timeout(100)
    return False


async def settle(page: Page) -> None:
    """Wait until the page that is arriving has loaded, if it is still attached."""
    try:
        await page.wait_for_load_state("load")
    except PlaywrightError:  # the renderer is being swapped for the other site's
        await page.wait_for_timeout(SETTLE_MS)


async def shows_our_text(page: Page) -> bool:
    """Whether the page on screen is one of ours with its content visible."""
    for _ in range(3):
        if page.url.startswith(EXIT_URL) or page.url == "about:blank":
            return False
        try:
            return bool(await page.evaluate(SHOWS_OUR_TEXT))
        except PlaywrightError:  # the page is leaving (again) just now: ask where it lands
            await page.wait_for_load_state("load")
    return True


async def go_back(page: Page) -> bool:
    """Press Back once; whether there was somewhere to go back to.

    Leaving for another site swaps Chromium's renderer process; a Back pressed during the swap
    finds no page attached, so it waits for the page to settle and presses again (CI, stop 18).
    """
    for attempt in range(3):
        try:
            return await page.go_back(wait_until="load") is not None or page.url != "about:blank"
        except PlaywrightError:
            if attempt == 2:
                raise
            await page.wait_for_timeout(SETTLE_MS)
    return False


async def back_shows_our_text(page: Page) -> list[str]:
    """Press Back until the history is used up; each of our pages that showed its text."""
    shown = []
    for _ in range(4):
        if not await go_back(page):
            break
        await page.wait_for_timeout(SETTLE_MS)
        if await shows_our_text(page):
            shown.append(page.url)
    return shown


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_clicking_the_exit_control_leaves_and_back_does_not_return(
    chromium: Chromium, size: dict[str, int]
) -> None:
    """Click: the neutral page replaces ours; Back never shows our text again (issue #6)."""

    async def scenario() -> tuple[bool, list[str], bool, list[str]]:
        async with browsing(chromium, viewport=size) as (page, arrivals):
            await page.goto(chromium.url(START))
            await page.goto(chromium.url(SERVICE))
            await page.click("[data-vi-exit]")
            gone = await left(page)
            ours = await shows_our_text(page)
            return gone, arrivals, ours, await back_shows_our_text(page)

    gone, arrivals, ours, shown = chromium.run(scenario())
    assert gone, f"clicking the exit control did not lead to {EXIT_URL}"
    assert arrivals[:1] == [EXIT_URL], arrivals
    assert not ours, "our page is still on screen after the exit"
    assert not shown, f"Back showed our page again: {shown}"


def test_pressing_shift_three_times_leaves(chromium: Chromium) -> None:
    """Shift three times leaves; twice, or broken by another key, does not (issue #6)."""

    async def scenario() -> tuple[list[str], bool, list[str], list[str]]:
        async with browsing(chromium, viewport=PHONE) as (page, arrivals):
            await page.goto(chromium.url(SERVICE))
            for key in ("Shift", "Shift", "a", "Shift"):
                await page.keyboard.press(key)
            await page.wait_for_timeout(SETTLE_MS)
            stayed = arrivals[:]
            await page.keyboard.press("a")  # forget the lone Shift: three presses, not four, leave
            for _ in range(3):
                await page.keyboard.press("Shift")
            gone = await left(page)
            return stayed, gone, arrivals, await back_shows_our_text(page)

    stayed, gone, arrivals, shown = chromium.run(scenario())
    assert not stayed, "left after Shift, Shift, a, Shift"
    assert gone, f"pressing Shift three times did not lead to {EXIT_URL}"
    assert arrivals[:1] == [EXIT_URL]
    assert not shown, f"Back showed our page again: {shown}"


def test_without_javascript_the_exit_control_is_a_plain_link(chromium: Chromium) -> None:
    """With JavaScript off, clicking the exit control still leaves for the neutral page (#6)."""

    async def scenario() -> tuple[bool, list[str]]:
        async with browsing(chromium, viewport=PHONE, java_script_enabled=False) as (
            page,
            arrivals,
        ):
            await page.goto(chromium.url(SERVICE))
            await page.click("[data-vi-exit]")
            return await left(page), arrivals

    gone, arrivals = chromium.run(scenario())
    assert gone, f"without JavaScript, the exit link did not lead to {EXIT_URL}"
    assert arrivals[:1] == [EXIT_URL], arrivals


def test_the_exit_control_is_hidden_in_print(chromium: Chromium) -> None:
    """Printed, a page shows no exit control (nor the safety bar) (issue #6)."""

    async def scenario() -> tuple[bool, bool]:
        async with browsing(chromium, viewport=DESKTOP) as (page, _):
            await page.goto(chromium.url(SERVICE))
            on_screen = await page.locator("[data-vi-exit]").is_visible()
            await page.emulate_media(media="print")
            return on_screen, await page.locator("[data-vi-exit]").is_visible()

    on_screen, in_print = chromium.run(scenario())
    assert on_screen, "the exit control is not visible on screen"
    assert not in_print, "the exit control is visible in print"
