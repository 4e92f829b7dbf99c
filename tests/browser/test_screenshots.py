"""Screenshots at phone width, kept as test artefacts for a person to look at (#6)."""

from __future__ import annotations

from pathlib import Path

from browsing import PHONE, Chromium
from PIL import Image
from playwright.async_api import Page

from support import REPO

ARTIFACTS = REPO / "test-artifacts" / "screenshots"
LANGUAGES = ["sv", "ar", "ti"]
PAGES = {"start": "", "service": "tjanster/brottsofferjouren/"}


def shots() -> list[tuple[str, Path]]:
    """(URL path, file) for the start page and a service page in each language."""
    return [
        (("/" if code == "sv" else f"/{code}/") + path, ARTIFACTS / f"{code}-{name}-phone.png")
        for code in LANGUAGES
        for name, path in PAGES.items()
    ]


def test_screenshots_at_phone_width_are_written(chromium: Chromium) -> None:
    """sv, ar and ti, start and service page, 360 px wide, whole page (issue #6)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    async def take(page: Page, item: tuple[str, Path]) -> list[str]:
        path, file = item
        await page.goto(chromium.url(path))
        await page.screenshot(path=str(file), full_page=True)
        return []

    chromium.each(shots(), take, viewport=PHONE)
    for _, file in shots():
        with Image.open(file) as image:
            assert image.width == PHONE["width"], file
            assert image.height > PHONE["height"], f"{file}: shorter than one screen"
            colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
            assert len(colours) > 50, f"{file}: nearly blank"
