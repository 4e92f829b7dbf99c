"""Browser fixtures: the real site served by nginx on localhost, one headless Chromium (#6, #14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Chromium, SitePage, site_pages

from webserver import Served, nginx


@pytest.fixture(scope="session")
def web_server(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real site, served by nginx with the configuration the project generates."""
    with nginx(real_site, tmp_path_factory.mktemp("nginx")) as served:
        yield served


@pytest.fixture(scope="session")
def site_url(web_server: Served) -> str:
    """The base URL of the real site on nginx."""
    return web_server.base


@pytest.fixture(scope="session")
def chromium(site_url: str) -> Iterator[Chromium]:
    """Debian's headless Chromium, started once for every browser test."""
    browser = Chromium(site_url)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def pages(real_site: Path) -> list[SitePage]:
    """Every page of the built site, every language."""
    return site_pages(real_site)
