"""Load YAML data files into plain values, remembering the line of every key for error messages."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from victiminfo.errors import ContentError, Problem, RuleViolation, fail
from victiminfo.model.invisible import invisible_problems
from victiminfo.rules import Rule

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class LocatedData:
    """A parsed YAML document and the line on which each value starts."""

    path: Path
    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest known ancestor of loc (1-based)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


def parse_yaml(path: Path, text: str, first_line: int = 1) -> LocatedData:
    """Parse YAML text; malformed YAML raises a ContentError with the line."""
    try:
        node = _compose(text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise fail(
            path,
            f"this is not valid YAML: {problem}",
            rule=Rule.YAML_INVALID,
            line=line,
            hint="check the indentation and that text with ':' or '#' is in quotes",
        ) from None
    data = LocatedData(path, None)
    loader = yaml.SafeLoader("")
    data.value = _convert(node, (), data.lines, first_line, loader) if node is not None else None
    return data


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The document's node tree, by libyaml where it is built in (ten times as fast, the
    same nodes); any error comes from PyYAML's own parser, whose messages we show."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(_named(text, path), Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(_named(text, path), Loader=yaml.SafeLoader)


def _named(text: str, path: Path) -> Any:
    stream = io.StringIO(text)
    stream.name = str(path)
    return stream


def load_yaml(path: Path) -> LocatedData:
    """Read and parse a YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(path, f"cannot read the file: {exc}", rule=Rule.FILE_UNREADABLE) from None
    hidden = invisible_problems(path, text)
    if hidden:
        raise ContentError(hidden)
    return parse_yaml(path, text)


def validate(data: LocatedData, model: type[M], value: Any = None, drop: int = 0) -> M:
    """Validate data against a pydantic model, locating every error.

    value replaces the parsed document (say, a list wrapped in a dict); drop is how many
    leading parts of an error's location that wrapping added.
    """
    problems: list[Problem] = []
    result = None
    try:
        result = model.model_validate(data.value if value is None else value)
    except ValidationError as exc:
        problems = [_problem(data, drop, err) for err in exc.errors()]
    reported = {problem.field for problem in problems}
    problems += [p for p in _todo_problems(data) if p.field not in reported]
    if problems or result is None:
        raise ContentError(problems)
    return result


def _todo_problems(data: LocatedData) -> list[Problem]:
    """A TODO left in any text value (scripts/new writes them): never a real fact."""
    return [
        Problem(
            data.path,
            "this is still a placeholder (TODO or ~): it was never filled in",
            rule=Rule.VALUE_NOT_FILLED_IN,
            line=data.line_of(loc),
            field=".".join(str(part) for part in loc),
            hint="write the value from a source you can point to, or remove the line or block",
        )
        for loc in _todo_locations(data.value, ())
    ]


def _todo_locations(value: Any, loc: Loc) -> list[Loc]:
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _todo_locations(v, (*loc, k))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _todo_locations(v, (*loc, i))]
    return [loc] if isinstance(value, str) and _is_unfilled(value) else []


def _problem(data: LocatedData, drop: int, err: Any) -> Problem:
    loc: Loc = tuple(err["loc"])[drop:]
    dotted = ".".join(str(part) for part in loc) or None
    message = str(err["msg"]).removeprefix("Value error, ")
    hint = _HINTS.get(err["type"])
    rule = _validation_rule(err)
    if _is_unfilled(err.get("input")):
        message = "this is still a placeholder (TODO or ~): it was never filled in"
        hint = "write the value from a source you can point to, or remove the line or block"
        rule = Rule.VALUE_NOT_FILLED_IN
    elif err["type"] == "missing":
        message = "this required field is missing"
    elif err["type"] == "extra_forbidden":
        message = "this field is not known (a typo?)"
    line = data.line_of(loc if err["type"] != "missing" else loc[:-1])
    return Problem(data.path, message, rule=rule, line=line, field=dotted, hint=hint)


def _validation_rule(err: Any) -> Rule:
    """The rule a pydantic error breaks: a validator's own, else the one for its type."""
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, RuleViolation):
        return cause.rule
    kind = str(err["type"])
    if kind in _TYPE_RULES:
        return _TYPE_RULES[kind]
    if kind.endswith(("_type", "_parsing")) or kind.startswith("url_"):
        return Rule.WRONG_TYPE
    return Rule.VALUE_NOT_ALLOWED


def _is_unfilled(value: Any) -> bool:
    """A value left as scripts/new wrote it: TODO, or empty (~) where a value is required."""
    return value is None or (isinstance(value, str) and value.strip().upper() == "TODO")


_HINTS = {
    "missing": "add the field; see CONTRIBUTING.md for what each field means",
    "extra_forbidden": "remove it, or correct its spelling",
    "date_from_datetime_parsing": "write dates as YYYY-MM-DD",
    "date_parsing": "write dates as YYYY-MM-DD",
    "date_type": "write dates as YYYY-MM-DD",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "url_parsing": "write the whole address, starting with https://",
    "url_scheme": "write the whole address, starting with https://",
    "string_type": "write text (put it in quotes if it looks like a number or a date)",
    "int_parsing": "write a whole number",
    "literal_error": "use one of the values the message lists",
}

_TYPE_RULES = {
    "missing": Rule.REQUIRED_FIELD_MISSING,
    "extra_forbidden": Rule.UNKNOWN_FIELD,
}


def _convert(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], first: int, loader: yaml.SafeLoader
) -> Any:
    lines[loc] = node.start_mark.line + first
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, loader, first)
            if key in out:
                raise _key_twice(key_node, key, lines[(*loc, key)], first)
            out[key] = _convert(value_node, (*loc, key), lines, first, loader)
            lines[(*loc, key)] = key_node.start_mark.line + first
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), lines, first, loader) for i, item in enumerate(node.value)
        ]
    return _scalar(node, loader, first)


def _key(node: yaml.Node, loader: yaml.SafeLoader, first: int) -> Any:
    """A mapping's key: a plain scalar, never a list or a mapping."""
    if not isinstance(node, yaml.ScalarNode):
        raise fail(
            Path(node.start_mark.name),
            "a key must be a plain name, not a list or a mapping",
            rule=Rule.YAML_KEY_NOT_PLAIN,
            line=node.start_mark.line + first,
            hint="write 'name: value'; put text with [ ] or { } in quotes",
        )
    return _scalar(node, loader, first)


def _key_twice(node: yaml.Node, key: Any, earlier: int, first: int) -> ContentError:
    """A key written a second time: YAML readers would silently take the last value."""
    line = node.start_mark.line + first
    return fail(
        Path(node.start_mark.name),
        f"'{key}' is written twice, on line {earlier} and on line {line} "
        "(only the last would count)",
        rule=Rule.YAML_KEY_TWICE,
        line=line,
        hint="keep one of the two and delete the other",
    )


def _scalar(node: yaml.Node, loader: yaml.SafeLoader, first: int) -> Any:
    try:
        return loader.construct_object(node)
    except (ValueError, yaml.YAMLError) as exc:
        raise fail(
            Path(node.start_mark.name),
            f"'{node.value}' cannot be read: {exc}",
            rule=Rule.VALUE_UNREADABLE,
            line=node.start_mark.line + first,
            hint="write dates as YYYY-MM-DD with a real month and day; quote other text",
        ) from None
