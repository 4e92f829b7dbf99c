"""Checks on how the content folder is laid out: one folder per known language, plus _data."""

from __future__ import annotations

from pathlib import Path

from victiminfo.errors import Problem
from victiminfo.model.languages import LanguageList
from victiminfo.rules import Rule


def layout_problems(docs: Path, languages: LanguageList) -> list[Problem]:
    """Folders in docs/ that are not a known language, and a missing source-language folder."""
    problems = []
    known = set(languages.codes)
    for entry in sorted(docs.iterdir()):
        if entry.is_dir() and not entry.name.startswith(("_", ".")) and entry.name not in known:
            problems.append(
                Problem(
                    entry,
                    f"'{entry.name}' is not a language of this site "
                    f"(known: {', '.join(languages.codes)})",
                    rule=Rule.LANGUAGE_FOLDER_UNKNOWN,
                    hint="rename the folder to a language code, or add the language to "
                    "docs/_data/languages.yml",
                )
            )
    if not (docs / languages.default.code).is_dir():
        problems.append(
            Problem(
                docs,
                f"the source language folder '{languages.default.code}/' is missing",
                rule=Rule.SOURCE_LANGUAGE_FOLDER_MISSING,
            )
        )
    return problems
