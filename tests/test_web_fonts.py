"""The web pages' fonts have every letter of every language the site is in (issue #13).

The site names its fonts in overrides/assets/css/site.css (system fonts only: nothing is
fetched). Phones and computers have their own; the Noto families the stylesheet names are the
ones Debian and Android ship, so this checks with those: every character of every language's
search index (the text of all its pages) and interface strings is in one of them. Print has
its own check (VI510, leaflets/fonts.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import REPO
from victiminfo.leaflets.fonts import covered_characters, describe, font_files, missing_characters
from victiminfo.model.languages import load_languages

STYLESHEET = REPO / "overrides/assets/css/site.css"
LANGUAGES = load_languages(REPO / "docs/_data/languages.yml")


def web_noto_families() -> tuple[str, ...]:
    """The Noto families of the site's text font stack, in its order."""
    css = STYLESHEET.read_text("utf-8")
    stack = re.search(r"--md-text-font-family:([^;]+);", css)
    assert stack, "site.css names no --md-text-font-family"
    return tuple(re.findall(r'"(Noto [^"]+)"', stack[1]))


def test_the_web_font_stack_names_a_noto_family_for_every_script() -> None:
    """Latin, Cyrillic, Arabic and Ethiopic each have a named Noto family (issue #13)."""
    families = web_noto_families()
    assert {"Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"} <= set(families), families


@pytest.mark.parametrize("code", LANGUAGES.codes)
def test_every_letter_of_its_pages_is_in_the_web_fonts(real_site: Path, code: str) -> None:
    """Every character of the language's pages and strings has a glyph (issue #13)."""
    covered = covered_characters(tuple(font_files(web_noto_families())))
    folder = real_site if code == LANGUAGES.default.code else real_site / code
    index = json.loads((folder / "search/search_index.json").read_text("utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    text += (REPO / f"docs/_data/ui/{code}.yml").read_text("utf-8")
    missing = missing_characters(text, covered)
    assert not missing, [describe(char) for char in missing]
