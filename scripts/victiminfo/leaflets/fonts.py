"""The leaflet fonts: found through fontconfig, and checked to cover every character printed."""

from __future__ import annotations

import subprocess
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from victiminfo.errors import ContentError, Problem
from victiminfo.rules import Rule

# Each family of the languages' print_fonts (docs/_data/languages.yml), regular and bold.
STYLES = ("Regular", "Bold")
IGNORED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
LANGUAGES = Path("docs/_data/languages.yml")


def css_families(families: tuple[str, ...]) -> str:
    """A CSS font-family value: these families (names checked in the model), then sans-serif."""
    return ", ".join([*(f'"{family}"' for family in families), "sans-serif"])


def font_files(families: tuple[str, ...]) -> list[Path]:
    """The font files fontconfig picks for these families; error if one is not installed."""
    files = []
    for family in families:
        for style in STYLES:
            found, path = _match(f"{family}:style={style}")
            if found != family:
                raise ContentError(
                    [
                        Problem(
                            LANGUAGES,
                            f"the font '{family} {style}' (a language's print_fonts) is not "
                            f"installed (fontconfig offers '{found}')",
                            rule=Rule.FONT_NOT_INSTALLED,
                            field="print_fonts",
                            hint="run scripts/build once as root, or: sudo apt-get install "
                            "fonts-noto-core (add a font's Debian package to BUILD_PACKAGES "
                            "in scripts/bootstrap.sh)",
                        )
                    ]
                )
            files.append(Path(path))
    return files


@cache
def covered_characters(files: tuple[Path, ...]) -> frozenset[int]:
    """Every code point that at least one of the fonts has a glyph for."""
    points: set[int] = set()
    for path in files:
        with TTFont(path, lazy=True) as font:
            points.update(font.getBestCmap() or {})
    return frozenset(points)


def missing_characters(text: str, covered: frozenset[int]) -> list[str]:
    """Printable characters of text that no font has, in order of first appearance."""
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) not in covered and unicodedata.category(char) not in IGNORED_CATEGORIES:
            seen.setdefault(char, None)
    return list(seen)


def describe(char: str) -> str:
    """A character as people and editors can find it: 'ሀ' (U+1200 ETHIOPIC SYLLABLE HA)."""
    return f"'{char}' (U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')})"


@cache  # fontconfig is asked once per pattern and process: the build key asks first
def _match(pattern: str) -> tuple[str, str]:
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{family[0]}\n%{file}", pattern],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "nothing (fc-match did not run)", ""
    family, _, path = out.partition("\n")
    return family, path
