"""The leaflet fonts: found through fontconfig, and checked to cover every character printed."""

from __future__ import annotations

import subprocess
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from victiminfo.errors import ContentError, Problem
from victiminfo.rules import Rule

# The families leaflet.css asks for, each in regular and bold (Debian's fonts-noto-core).
FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic")
STYLES = ("Regular", "Bold")
IGNORED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def font_files() -> list[Path]:
    """The font files fontconfig picks for our families; error if one is not installed."""
    files = []
    for family in FAMILIES:
        for style in STYLES:
            found, path = _match(f"{family}:style={style}")
            if found != family:
                raise ContentError(
                    [
                        Problem(
                            Path("overrides/leaflets/leaflet.css"),
                            f"the font '{family} {style}' is not installed "
                            f"(fontconfig offers '{found}')",
                            rule=Rule.FONT_NOT_INSTALLED,
                            hint="run scripts/build once as root, or: "
                            "sudo apt-get install fonts-noto-core",
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
