"""Headless Chromium for the browser tests: the built site on localhost, one browser (#6)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import axe_playwright_python
import yaml
from playwright.async_api import Browser, BrowserContext, Page, Playwright, async_playwright

from support import REPO

CHROMIUM = "/usr/bin/chromium"
# The machine may have no network at all: nothing in the browser may try to reach it.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
LANGUAGES: list[dict[str, Any]] = yaml.safe_load(
    (REPO / "docs/_data/languages.yml").read_text(encoding="utf-8")
)
CODES = [lang["code"] for lang in LANGUAGES]
DEFAULT = next(lang["code"] for lang in LANGUAGES if lang.get("default"))
DIRS = {lang["code"]: lang["dir"] for lang in LANGUAGES}
TAGS = {lang["code"]: lang.get("lang", lang["code"]) for lang in LANGUAGES}  # lattlast: sv
EXIT_URL: str = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"][
    "exit_url"
]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
WORKERS = 4
T = TypeVar("T")
Item = TypeVar("Item")


@dataclass(frozen=True)
class SitePage:
    """One built HTML page: its language and its path on the server."""

    lang: str
    path: str


def page_path(site: Path, file: Path) -> str:
    """The URL path a built file is served at (directory URLs end in /)."""
    rel = file.relative_to(site).as_posix()
    return "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def page_language(path: str) -> str:
    """The language of a served path: its first folder, or the default language."""
    first = path.strip("/").split("/")[0]
    return first if first in CODES and first != DEFAULT else DEFAULT


def site_pages(site: Path) -> list[SitePage]:
    """Every HTML page of the built site, found on disk (pages added later are included)."""
    files = (p for p in site.rglob("*.html") if not {"assets", "leaflets"} & set(p.parts))
    paths = sorted(page_path(site, f) for f in files)
    return [SitePage(page_language(p), p) for p in paths]


def is_local(url: str, base: str) -> bool:
    """Whether a request goes to the test server (data: and blob: URLs never leave)."""
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.netloc == urlparse(base).netloc


class Chromium:
    """One headless Chromium for the whole test run, driven from its own event loop."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.loop = asyncio.new_event_loop()
        self.playwright: Playwright = self.run(async_playwright().start())
        self.browser: Browser = self.run(
            self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        )

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the browser's loop and return its result."""
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        """Close the browser, Playwright and the loop."""
        self.run(self.browser.close())
        self.run(self.playwright.stop())
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()

    def url(self, path: str) -> str:
        """The full URL of a path on the test server."""
        return self.base + path

    async def context(self, **options: Any) -> BrowserContext:
        """A fresh browser context (its own cookies and storage)."""
        return await self.browser.new_context(**options)

    def each(
        self,
        items: Sequence[Item],
        check: Callable[[Page, Item], Awaitable[list[str]]],
        workers: int = WORKERS,
        prepare: Callable[[Page], Awaitable[None]] | None = None,
        **options: Any,
    ) -> list[str]:
        """Run check on every item, a few pages at a time; the problems found, in order.

        Each worker has its own context and page (prepared once with prepare, if given)
        and checks one item after another in it, so cookies and storage carry over.
        """
        return self.run(self._each(items, check, workers, prepare, options))

    async def _each(
        self,
        items: Sequence[Item],
        check: Callable[[Page, Item], Awaitable[list[str]]],
        workers: int,
        prepare: Callable[[Page], Awaitable[None]] | None,
        options: dict[str, Any],
    ) -> list[str]:
        queue: asyncio.Queue[tuple[int, Item]] = asyncio.Queue()
        for numbered in enumerate(items):
            queue.put_nowait(numbered)
        found: dict[int, list[str]] = {}

        async def worker() -> None:
            context = await self.context(**options)
            page = await context.new_page()
            if prepare:
                await prepare(page)
            try:
                while not queue.empty():
                    index, item = queue.get_nowait()
                    found[index] = await check(page, item)
            finally:
                await context.close()

        await asyncio.gather(*(worker() for _ in range(min(workers, len(items)))))
        return [problem for index in sorted(found) for problem in found[index]]
