"""Phone numbers, e-mail addresses, web addresses and other numbers typed into a page's text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers

from victiminfo.content.markdown_lexer import ATTR_LIST, LINK, PLACEHOLDER, blank
from victiminfo.content.markdown_outline import Outline
from victiminfo.model.phones import parse_phone

URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DIGITS = re.compile(r"\+?\d(?:\d|[ \u00a0\u202f.\-–‑](?=\d))*")
SEPARATORS = re.compile(r"[ \u00a0\u202f.\-–‑]")


@dataclass(frozen=True)
class Literal:
    """One thing typed into the text: what it is, as written, and its line."""

    kind: str  # "phone", "email", "url" or "number"
    text: str
    line: int

    @property
    def key(self) -> str:
        """What two literals share when they are the same thing written differently."""
        if self.kind == "phone":
            return phone_key(self.text)
        if self.kind == "number":
            return ascii_digits(self.text)
        return self.text.lower().rstrip("/")


@dataclass
class Literals:
    """All literals of one page."""

    items: list[Literal] = field(default_factory=list)

    def keys(self, *kinds: str) -> set[str]:
        """The keys of the literals of these kinds."""
        return {item.key for item in self.items if item.kind in kinds}

    def number_pieces(self) -> set[str]:
        """Each group of digits (split at spaces and dashes) of every number and phone."""
        return {
            ascii_digits(piece)
            for item in self.items
            if item.kind in ("phone", "number")
            for piece in SEPARATORS.split(item.text)
        }


def ascii_digits(text: str) -> str:
    """The digits of text in ASCII (Arabic-Indic and Persian digits included), '+' kept."""
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() else ch
        for ch in text
        if ch.isdigit() or ch == "+"
    )


def literals(page: Outline, first_line: int) -> Literals:
    """Every phone number, e-mail, web address and number in the page's text and links."""
    found = Literals()
    text = ATTR_LIST.sub(_blank, PLACEHOLDER.sub(_blank, page.masked))
    for link in page.links:
        found.items += _from_link(link.target, link.line)
    for pattern, kind in ((URL, "url"), (EMAIL, "email")):
        for match in pattern.finditer(text):
            value = match.group(0).rstrip(".,;:!?")
            if kind == "url" or not _inside_url(text, match.start()):
                found.items.append(Literal(kind, value, _line(text, match.start(), first_line)))
        text = pattern.sub(_blank, text)
    text = _blank_link_targets(text)
    for match in DIGITS.finditer(text):
        kind = "phone" if is_phone(match.group(0)) else "number"
        found.items.append(Literal(kind, match.group(0), _line(text, match.start(), first_line)))
    unique = {(item.kind, item.key, item.line): item for item in found.items}
    return Literals(sorted(unique.values(), key=lambda item: item.line))


def phone_key(text: str) -> str:
    """The same key for every way of writing one number ('020-50 50 50', '+46 20 505050')."""
    digits = ascii_digits(text)
    try:
        return str(phonenumbers.national_significant_number(parse_phone(digits)))
    except ValueError:
        return digits


def is_phone(text: str) -> bool:
    """Whether text is a Swedish phone number (a full number or a service number like 112)."""
    digits = ascii_digits(text)
    if len(digits.lstrip("+")) < 3:
        return False
    try:
        parse_phone(digits)
    except ValueError:
        return False
    return True


def _from_link(target: str, line: int) -> list[Literal]:
    lowered = target.lower()
    if lowered.startswith("mailto:"):
        return [Literal("email", target[7:].split("?")[0], line)]
    if lowered.startswith("tel:"):
        return [Literal("phone", target[4:], line)]
    if lowered.startswith(("http://", "https://")):
        return [Literal("url", target, line)]
    return []


def _inside_url(text: str, offset: int) -> bool:
    return any(m.start() <= offset < m.end() for m in URL.finditer(text))


def _blank_link_targets(text: str) -> str:
    """Link targets are read from the links themselves (see _from_link), not as text."""
    return blank(text, [(m.end("text"), m.end()) for m in LINK.finditer(text)])


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _line(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)
