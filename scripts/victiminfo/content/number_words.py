"""Numbers the Swedish source writes as words ("tre gånger"), which a translation may write
as digits: easy Swedish must (issue #13). "en"/"ett" are left out: they are also articles."""

from __future__ import annotations

import re

SWEDISH = {
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "tjugo": 20, "trettio": 30, "fyrtio": 40,
    "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100,
}  # fmt: skip
WORD = re.compile(r"\b(" + "|".join(sorted(SWEDISH, key=len, reverse=True)) + r")(tal)?\b")


def numbers_in_words(text: str) -> set[str]:
    """The numbers a Swedish text writes as words, as digits ("ett sextiotal" gives 60)."""
    return {str(SWEDISH[match[1]]) for match in WORD.finditer(text.lower())}
