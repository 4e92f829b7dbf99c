"""The site's languages: one list, read from docs/_data/languages.yml by everything else."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from victiminfo.errors import RuleViolation, fail
from victiminfo.model.yamlfile import load_yaml, validate
from victiminfo.rules import Rule


class SearchSettings(BaseModel):
    """How the site search tokenises one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    lang: str = Field(pattern=r"^[a-z]{2}$")
    stemming: bool


class Language(BaseModel):
    """One language the site and the leaflets are published in."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str = Field(min_length=1, description="the language's name in its own script")
    english_name: str = Field(min_length=1)
    dir: Literal["ltr", "rtl"]
    default: bool = False
    search: SearchSettings


class LanguageList(BaseModel):
    """All languages; exactly one is the default (the source language)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    languages: tuple[Language, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_default_and_unique(self) -> LanguageList:
        defaults = [lang.code for lang in self.languages if lang.default]
        if len(defaults) != 1:
            raise RuleViolation(
                Rule.LANGUAGE_LIST_INVALID,
                f"exactly one language must have 'default: true', found {defaults}",
            )
        codes = [lang.code for lang in self.languages]
        if len(set(codes)) != len(codes):
            raise RuleViolation(
                Rule.LANGUAGE_LIST_INVALID, f"a language code is listed twice: {codes}"
            )
        return self

    @property
    def default(self) -> Language:
        """The source language (Swedish)."""
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> list[str]:
        """Every language code, default first as listed."""
        return [lang.code for lang in self.languages]

    def get(self, code: str) -> Language:
        """The language with this code (KeyError if unknown)."""
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)


def load_languages(path: Path) -> LanguageList:
    """Read and validate the language list."""
    data = load_yaml(path)
    if not isinstance(data.value, list):
        raise fail(
            path, "the file must be a list of languages", rule=Rule.FILE_STRUCTURE_WRONG, line=1
        )
    return validate(data, LanguageList, {"languages": data.value}, drop=1)
