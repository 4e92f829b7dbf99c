"""Record a verification: write `verified: {date, by}` into a fact's mapping, and nothing else.

The file is edited as text at the positions yaml.compose gives, so that its comments, order and
quoting stay as they were: the result differs from the file only in the verified lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from victiminfo.model.yamlfile import Loc


class RefusedError(ValueError):
    """A verification that cannot be recorded; the message says why, in one line."""


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with new."""

    start: int
    end: int
    new: str


def checked_verifier(name: str | None) -> str:
    """The name of who verified, stripped; refused when missing or blank."""
    if name is None or not name.strip():
        raise RefusedError("say who verified the facts: --by NAME (a name or a team)")
    return name.strip()


def checked_day(day: date, today: date) -> date:
    """The day of the verification; refused when it has not come yet."""
    if day > today:
        raise RefusedError(f"--date {day.isoformat()} is in the future (today is {today})")
    return day


def verification_line(day: date, by: str) -> str:
    """The YAML of one verification, as a flow mapping on one line."""
    return f"verified: {{date: {day.isoformat()}, by: {json.dumps(by, ensure_ascii=False)}}}"


def with_verifications(text: str, locs: list[Loc], day: date, by: str) -> str:
    """text with a verification written into the mapping at each loc (refused: RefusedError)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits = [_edit(text, _node_at(root, loc), verification_line(day, by)) for loc in locs]
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


def _node_at(node: yaml.Node | None, loc: Loc) -> yaml.MappingNode:
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
    if not isinstance(node, yaml.MappingNode):
        raise RefusedError("this fact is not a mapping of its own in the file")
    return node


def _edit(text: str, fact: yaml.MappingNode, line: str) -> Edit:
    if fact.flow_style or not fact.value:
        raise RefusedError(
            f"line {fact.start_mark.line + 1}: the fact is written on one line ({{...}}); "
            "write it one key a line first"
        )
    for key, value in fact.value:
        if key.value == "verified":
            return Edit(key.start_mark.index, _content_end(text, value), line)
    indent = " " * fact.value[0][0].start_mark.column
    end = _content_end(text, fact.value[-1][1])
    newline = text.find("\n", end)
    at = len(text) if newline == -1 else newline
    return Edit(at, at, "\n" + indent + line)


def _content_end(text: str, node: yaml.Node) -> int:
    """Where a value's own text ends (a block collection's end mark lies past its comments)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(text, node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(text, node.value[-1])
    end = int(node.end_mark.index)
    while end > 0 and text[end - 1] in "\r\n":
        end -= 1
    return end


def record_verifications(path: Path, locs: list[Loc], day: date, by: str) -> None:
    """Write the verifications into the file: all of them, or (refused) none."""
    text = path.read_text(encoding="utf-8")
    path.write_text(with_verifications(text, locs, day, by), encoding="utf-8")
