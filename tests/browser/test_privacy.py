"""Privacy in Chromium: no other host, no cookies, no stored trace, no console errors (#6)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from browsing import CODES, PHONE, Chromium, SitePage, is_local
from playwright.async_api import ConsoleMessage, Page, Request, Response, Route

TRACES = """async () => ({
  cookie: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  databases: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  hints: [...document.querySelectorAll("link[href]")]
    .filter(l => /\b(preconnect|dns-prefetch|prefetch|prerender|preload|modulepreload)\b/
      .test(l.rel))
    .map(l => l.href),
})"""


@dataclass
class Log:
    """What one page did while it loaded: requests to other hosts, errors."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def take(self) -> tuple[list[str], list[str]]:
        """The log so far, emptied for the next page."""
        taken = (self.outside[:], self.errors[:])
        self.outside.clear()
        self.errors.clear()
        return taken


class Recorder:
    """Logs every request and error of the pages it is attached to; blocks other hosts."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.logs: dict[int, Log] = {}

    async def attach(self, page: Page) -> None:
        """Start logging a page (once, before its first load)."""
        log = self.logs.setdefault(id(page), Log())

        async def route(route: Route) -> None:
            if is_local(route.request.url, self.base):
                await route.continue_()
            else:
                log.outside.append(route.request.url)
                await route.abort("blockedbyclient")

        def console(message: ConsoleMessage) -> None:
            # Chromium reports a Content-Security-Policy or Permissions-Policy violation as
            # an error or a warning: none may appear (issue #14).
            if message.type in {"error", "warning"}:
                log.errors.append(f"console {message.type}: {message.text}")

        def failed(request: Request) -> None:
            # ERR_ABORTED: the browser itself dropped a request of a page it was leaving
            # (nginx answers fast enough for the next page to start first) (issue #14).
            if is_local(request.url, self.base) and request.failure != "net::ERR_ABORTED":
                log.errors.append(f"request failed: {request.url} {request.failure}")

        def response(answer: Response) -> None:
            if answer.status >= 400:
                log.errors.append(f"HTTP {answer.status}: {answer.url}")

        await page.context.route("**/*", route)
        page.on("console", console)
        page.on("pageerror", lambda error: log.errors.append(f"script error: {error}"))
        page.on("requestfailed", failed)
        page.on("response", response)

    async def check(self, page: Page, site_page: SitePage) -> list[str]:
        """Load a page, let it settle, and list what it sent, stored or complained about."""
        await page.goto(self.base + site_page.path, wait_until="networkidle")
        traces = await page.evaluate(TRACES)
        cookies = await page.context.cookies()
        outside, errors = self.logs[id(page)].take()
        problems = [f"request to another host: {url}" for url in outside] + errors
        # A connection hint opens a connection the request log above never sees.
        hinted = [url for url in traces["hints"] if not is_local(url, self.base)]
        problems += [f"connection hint to another host: {url}" for url in hinted]
        if cookies or traces["cookie"]:
            problems.append(f"cookies: {cookies or traces['cookie']}")
        for where in ("local", "session", "databases", "caches"):
            if traces[where]:
                problems.append(f"browser storage ({where}): {traces[where]}")
        if traces["workers"]:
            problems.append(f"{traces['workers']} service worker(s) registered")
        return [f"{site_page.path}: {problem}" for problem in problems]


@pytest.mark.parametrize("code", CODES)
def test_pages_reach_no_other_host_and_leave_no_trace(
    chromium: Chromium, pages: list[SitePage], code: str
) -> None:
    """Every page: only the local server is asked, no cookie, nothing stored, no console
    error or warning, so no Content-Security-Policy complaint (issues #6, #14)."""
    mine = [p for p in pages if p.lang == code]
    assert mine, f"no pages found for {code}"
    recorder = Recorder(chromium.base)
    problems = chromium.each(mine, recorder.check, prepare=recorder.attach, viewport=PHONE)
    assert not problems, "\n".join(problems)
