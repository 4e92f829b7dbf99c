"""Dates and numbers filled into right-to-left strings read left to right (issue #12, item 8)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from victiminfo.model.strings import FSI, PDI, UiStrings

DATE_WORD = re.compile(r">(\d+-\d+-\d+)</word>")


def drawn_dates(pdf: Path) -> list[str]:
    """Every date-like word of a PDF as drawn, left to right (poppler's word boxes)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return DATE_WORD.findall(boxes)


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_presence_date_is_drawn_left_to_right_in_leaflets(real_site: Path, code: str) -> None:
    """The 2017 presence note in Arabic and Persian is drawn 2017-10-05, not 05-10-2017 (#12)."""
    dates = drawn_dates(real_site / "leaflets" / code / "orter-solna.pdf")
    assert "2017-10-05" in dates
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in dates), dates


def test_every_placeholder_is_isolated_in_right_to_left_strings() -> None:
    """Any value filled into an RTL string is isolated, whatever the key (#12)."""
    texts = {"a": "قبل {date} و {service}", "b": "{number}"}
    rtl = UiStrings("ar", True, texts, rtl=True)
    assert rtl.t("a", date="2017-10-05", service="Origo") == (
        f"قبل {FSI}2017-10-05{PDI} و {FSI}Origo{PDI}"
    )
    assert rtl.t("b", number="112") == f"{FSI}112{PDI}"
    assert UiStrings("sv", False, texts).t("b", number="112") == "112"
