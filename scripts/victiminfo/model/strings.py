"""Interface strings per language (docs/_data/ui/<code>.yml), checked against the Swedish set."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from victiminfo.errors import ContentError, Problem, fail
from victiminfo.model.languages import LanguageList
from victiminfo.model.yamlfile import LocatedData, load_yaml
from victiminfo.rules import Rule

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Keys of a ui file that are not interface strings compared with sv.yml: the machine flag, and
# Material's own strings for a language Material ships none for (site/theme_languages.py).
OWN_KEYS = ("machine_translated", "theme")
FSI, PDI = "\u2068", "\u2069"  # first strong isolate, pop directional isolate


@dataclass(frozen=True)
class UiStrings:
    """One language's interface strings, flattened to dotted keys."""

    code: str
    machine_translated: bool
    texts: dict[str, str]
    rtl: bool = False
    theme: dict[str, str] = field(default_factory=dict)  # Material's keys, e.g. "search"

    def t(self, key: str, **values: str) -> str:
        """The string for key, with {placeholders} filled in (isolated in right-to-left text)."""
        text = self.texts[key]
        return PLACEHOLDER.sub(
            lambda m: self.isolate(values[m.group(1)]) if m.group(1) in values else m.group(0),
            text,
        )

    def isolate(self, value: str) -> str:
        """A value as a unit of its own direction, so that a date or number in right-to-left
        text reads left to right ("2017-10-05", not "05-10-2017"), wherever it is drawn."""
        return f"{FSI}{value}{PDI}" if self.rtl else value


def load_strings(ui_dir: Path, languages: LanguageList) -> dict[str, UiStrings]:
    """Load every language's strings; each must have exactly the Swedish keys and placeholders."""
    loaded = {code: load_yaml(ui_dir / f"{code}.yml") for code in languages.codes}
    reference = _flatten(loaded[languages.default.code])
    problems: list[Problem] = []
    out = {}
    for code, data in loaded.items():
        texts = _flatten(data)
        problems += _compare(data, reference, texts)
        flag = data.value.get("machine_translated") if isinstance(data.value, dict) else None
        if not isinstance(flag, bool):
            problems.append(
                Problem(
                    data.path,
                    "say whether these strings are machine-translated",
                    rule=Rule.UI_MACHINE_FLAG_MISSING,
                    field="machine_translated",
                    hint="add 'machine_translated: true' or false",
                )
            )
        theme, wrong = _theme(data)
        problems += wrong
        rtl = languages.get(code).dir == "rtl"
        out[code] = UiStrings(code, bool(flag), texts, rtl=rtl, theme=theme)
    if problems:
        raise ContentError(problems)
    return out


def _theme(data: LocatedData) -> tuple[dict[str, str], list[Problem]]:
    """The file's `theme:` section (Material's string keys to texts), or what is wrong in it."""
    value = data.value.get("theme", {}) if isinstance(data.value, dict) else {}
    if isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return dict(value), []
    problem = Problem(
        data.path,
        "theme: must map Material's string keys to texts",
        rule=Rule.FILE_STRUCTURE_WRONG,
        field="theme",
        line=data.line_of(("theme",)),
        hint="write one line per key, e.g. `search.placeholder: Raadi`, or remove the section",
    )
    return {}, [problem]


def _flatten(data: LocatedData) -> dict[str, str]:
    if not isinstance(data.value, dict):
        raise fail(
            data.path, "the file must map keys to texts", rule=Rule.FILE_STRUCTURE_WRONG, line=1
        )
    out: dict[str, str] = {}
    _walk(data.value, "", out)
    return out


def _walk(value: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if prefix or key not in OWN_KEYS:  # own keys are top-level only
                _walk(item, f"{prefix}{key}." if isinstance(item, dict) else f"{prefix}{key}", out)
    else:
        out[prefix] = str(value)


def _compare(data: LocatedData, reference: dict[str, str], texts: dict[str, str]) -> list[Problem]:
    problems = []
    for key in sorted(reference.keys() - texts.keys()):
        problems.append(
            Problem(
                data.path,
                "this string is missing",
                rule=Rule.UI_STRING_MISSING,
                field=key,
                hint="copy the key from sv.yml and translate its text",
            )
        )
    for key in sorted(texts.keys() - reference.keys()):
        loc = tuple(key.split("."))
        problems.append(
            Problem(
                data.path,
                "this key is not in sv.yml (a typo?)",
                rule=Rule.UI_STRING_UNKNOWN,
                field=key,
                line=data.line_of(loc),
                hint="remove it or correct the key",
            )
        )
    for key in sorted(texts.keys() & reference.keys()):
        want, got = set(PLACEHOLDER.findall(reference[key])), set(PLACEHOLDER.findall(texts[key]))
        if want != got:
            problems.append(
                Problem(
                    data.path,
                    f"the text must contain {sorted(want)} in braces, it has {sorted(got)}",
                    rule=Rule.UI_BRACES_DIFFER,
                    field=key,
                    line=data.line_of(tuple(key.split("."))),
                    hint="keep the {braced} names exactly as in sv.yml; only move them",
                )
            )
    return problems
