"""How much prose a piece of Markdown has: its words, outside links, placeholders and markup.

A word is a run of letters and their marks (any script: Latin, Arabic with its vowel marks,
Ethiopic, Cyrillic ...), so the count means the same in every language. A link counts for
nothing, text and target: a list of links is a pointer, not an explanation. So does a
{{ placeholder }}, code, HTML and an attribute list.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
NOT_PROSE = [
    re.compile(r"\{\{.*?\}\}"),  # a placeholder
    re.compile(r"!?\[[^\]]*\]\([^)]*\)"),  # a link or an image, its text with it
    re.compile(r"<https?://[^>]*>"),  # an autolink
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\{[:#][^}]*\}"),  # an attribute list or a heading id
    re.compile(r"<[^>]+>"),  # an HTML tag
]


def prose_text(markdown: str) -> str:
    """The text of markdown with everything that is not prose taken out."""
    text = FENCE.sub(" ", markdown)
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


def prose_words(markdown: str) -> int:
    """How many words of prose markdown has (links, placeholders and markup count for none)."""
    return sum(1 for letters, _ in groupby(prose_text(markdown), is_letter) if letters)


def is_letter(char: str) -> bool:
    """A letter of any script, or a mark on one (an Arabic shadda, an accent)."""
    return unicodedata.category(char)[0] in "LM"
