"""Browser fixtures: the real site served on localhost and one headless Chromium (#6)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Chromium, SitePage, serve, site_pages


@pytest.fixture(scope="session")
def site_url(real_site: Path) -> Iterator[str]:
    """The base URL of the real site, served from its build folder."""
    with serve(real_site) as base:
        yield base


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
