"""The real site on nginx in Chromium: headers, 404 per language, gzip, cache, the exit (#14)."""

from __future__ import annotations

import gzip
import re
import urllib.request
from pathlib import Path
from typing import Any

import brotli
import pytest
from browsing import CODES, DEFAULT, EXIT_URL, PHONE, TAGS, Chromium
from playwright.async_api import Page

from victiminfo.server.headers import security_headers
from webserver import Served

HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
SERVICE = "/tjanster/brottsofferjouren/"


def lang_prefix(code: str) -> str:
    """A language's folder on the site: '/' for the default language, '/en/' for English."""
    return "/" if code == DEFAULT else f"/{code}/"


def page_types(site: Path) -> dict[str, str]:
    """One address of every kind of file the site serves, found in the build."""
    hashed_js = next(p for p in (site / "assets").rglob("*.js") if HASHED.search(p.name))
    pdf = next((site / "leaflets").rglob("*.pdf"))
    return {
        "html": SERVICE,
        "css": "/assets/css/site.css",
        "js": "/" + hashed_js.relative_to(site).as_posix(),
        "search index": "/en/search/search_index.json",
        "pdf": "/" + pdf.relative_to(site).as_posix(),
        "404": "/en/no-such-page/",
    }


async def fetch(chromium: Chromium, path: str, **options: Any) -> tuple[int, dict[str, str]]:
    """The status and headers Chromium gets for one address (its own request, its own cache)."""
    context = await chromium.context(**options)
    try:
        page = await context.new_page()
        response = await page.goto(chromium.url(path))
        assert response is not None, path
        return response.status, await response.all_headers()
    finally:
        await context.close()


def test_every_kind_of_file_has_the_security_headers(chromium: Chromium, real_site: Path) -> None:
    """HTML, CSS, JS, search index, PDF and the 404 page all carry every header (issue #14)."""
    expected = {name.lower(): value for name, value in security_headers().items()}
    for kind, path in page_types(real_site).items():
        status, headers = chromium.run(fetch(chromium, path))
        assert status == (404 if kind == "404" else 200), (kind, path, status)
        missing = {n: v for n, v in expected.items() if headers.get(n) != v}
        assert not missing, f"{kind} {path} lacks {missing}"
        csp = headers["content-security-policy"]
        for directive in ("frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"):
            assert directive in csp


def test_caching_is_long_for_hashed_assets_and_short_for_the_rest(
    chromium: Chromium, real_site: Path
) -> None:
    """Material's hashed assets are immutable for a year; pages and the rest a few minutes (#14)."""
    for kind, path in page_types(real_site).items():
        _, headers = chromium.run(fetch(chromium, path))
        cache = headers.get("cache-control", "")
        if kind == "js":
            assert "immutable" in cache and "max-age=31536000" in cache, (path, cache)
        else:
            assert cache == "max-age=300", (kind, path, cache)


@pytest.mark.parametrize("kind", ["html", "css", "js", "search index"])
def test_text_is_sent_compressed(chromium: Chromium, real_site: Path, kind: str) -> None:
    """HTML, CSS, JS and JSON come precompressed by the build: Chromium takes brotli (it asks
    for it on https and on localhost) (brotli_static, gzip_static) (issue #14)."""
    path = page_types(real_site)[kind]
    status, headers = chromium.run(fetch(chromium, path))
    assert status == 200
    assert headers.get("content-encoding") == "br", (path, headers)
    assert "accept-encoding" in headers.get("vary", "").lower()


@pytest.mark.parametrize("kind", ["html", "css", "js", "search index"])
@pytest.mark.parametrize(("accepted", "sent"), [("br", "br"), ("gzip", "gzip")])
def test_each_compressed_copy_holds_the_files_bytes(
    web_server: Served, real_site: Path, kind: str, accepted: str, sent: str
) -> None:
    """Accept-Encoding: br gets the build's FILE.br, gzip alone FILE.gz: the file's very
    bytes either way (issue #14)."""
    path = page_types(real_site)[kind]
    request = urllib.request.Request(web_server.base + path, headers={"Accept-Encoding": accepted})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == sent, (path, dict(response.headers))
        data = response.read()
    body = brotli.decompress(data) if sent == "br" else gzip.decompress(data)
    file = real_site / path.lstrip("/")
    assert body == (file / "index.html" if file.is_dir() else file).read_bytes()


@pytest.mark.parametrize("code", CODES)
def test_a_missing_address_shows_its_languages_404_page(chromium: Chromium, code: str) -> None:
    """A missing address under a language's folder answers 404 in that language (issue #14)."""

    async def visit() -> tuple[int, str | None]:
        context = await chromium.context()
        try:
            page = await context.new_page()
            response = await page.goto(chromium.url(lang_prefix(code) + "finns/inte/"))
            assert response is not None
            return response.status, await page.get_attribute("html", "lang")
        finally:
            await context.close()

    status, lang = chromium.run(visit())
    assert status == 404
    assert lang == TAGS[code]


async def cached_by_the_browser(page: Page, paths: list[str], base: str) -> dict[str, bool]:
    """Load each address in the page; whether the browser took it from its own disk cache."""
    client = await page.context.new_cdp_session(page)
    from_cache: dict[str, bool] = {}

    def received(event: dict[str, Any]) -> None:
        if event["type"] == "Document":  # the address itself, not what its page loads
            response = event["response"]
            from_cache[response["url"].removeprefix(base)] = bool(response.get("fromDiskCache"))

    client.on("Network.responseReceived", received)
    await client.send("Network.enable")
    for path in paths:
        await page.goto(base + path)
    await client.detach()
    return {path: from_cache.get(path, False) for path in paths}


async def exit_and_return(chromium: Chromium, real_site: Path, leave: bool) -> dict[str, bool]:
    """Browse, (leave by the exit control, or just go elsewhere), come back: what was cached."""
    context = await chromium.context(viewport=PHONE)  # no routes: they turn the cache off
    try:
        page = await context.new_page()
        paths = [page_types(real_site)["js"], SERVICE]
        before = await cached_by_the_browser(page, paths + paths, chromium.base)
        assert all(before.values()), f"the browser cached nothing to begin with: {before}"
        await page.goto(chromium.url(SERVICE))
        if leave:
            await page.click("[data-vi-exit]")
        else:
            await page.goto(chromium.url("/om-webbplatsen/"))
        await page.wait_for_timeout(1000)
        return await cached_by_the_browser(page, paths, chromium.base)
    finally:
        await context.close()


def test_leaving_by_the_exit_control_empties_the_browsers_cache(
    chromium: Chromium, real_site: Path
) -> None:
    """After the exit (nginx's Clear-Site-Data), no page or asset comes from the cache (#14)."""
    stayed = chromium.run(exit_and_return(chromium, real_site, leave=False))
    assert all(stayed.values()), f"without the exit, the cache should still serve: {stayed}"
    after = chromium.run(exit_and_return(chromium, real_site, leave=True))
    assert not any(after.values()), f"cached after the exit: {after}"


def test_the_exit_route_redirects_to_the_neutral_site(chromium: Chromium) -> None:
    """The exit route answers 303 to extra.exit_url with Clear-Site-Data: "cache" (#14)."""

    async def exit_response() -> tuple[int, dict[str, str]]:
        context = await chromium.context()
        try:
            page = await context.new_page()
            async with page.expect_response(lambda r: r.url.endswith("/lamna/")) as caught:
                await page.goto(chromium.url(SERVICE))
                await page.click("[data-vi-exit]")
            response = await caught.value
            return response.status, await response.all_headers()
        finally:
            await context.close()

    status, headers = chromium.run(exit_response())
    assert status == 303
    assert headers.get("location") == EXIT_URL
    assert headers.get("clear-site-data") == '"cache"'


def test_no_visitor_address_in_the_server_logs(chromium: Chromium, web_server: Served) -> None:
    """After pages, a 404 and a 403, nginx's logs hold no client address (issue #14)."""
    for path in ("/", "/finns-inte/", "/assets/", "/.hidden"):
        chromium.run(fetch(chromium, path))
    logs = web_server.error_logs()
    assert "127.0.0.1" not in logs and "client:" not in logs, logs
    assert not list(web_server.prefix.glob("*access*")), "an access log was written"
