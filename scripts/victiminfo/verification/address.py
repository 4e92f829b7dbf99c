"""How a fact is named on the command line: its path in its data file, e.g. 'phones[0]'."""

from __future__ import annotations

import re

from victiminfo.model.yamlfile import Loc


def address_of(loc: Loc) -> str:
    """'phones[0]' for ('phones', 0); 'services[1].presence'; '(the file)' for ()."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def parse_address(text: str) -> Loc | None:
    """The path a written address names ('phones[0]', 'phones.0', 'web'); None if malformed."""
    parts: list[str | int] = []
    rest = text.strip()
    for piece in rest.split("."):
        match = re.fullmatch(r"([A-Za-z_]+)((?:\[\d+\])*)", piece)
        if piece.isdigit() and parts:
            parts.append(int(piece))
            continue
        if match is None:
            return None
        parts.append(match.group(1))
        parts += [int(i) for i in re.findall(r"\[(\d+)\]", match.group(2))]
    return tuple(parts) if parts else None
