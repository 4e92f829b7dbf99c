"""The site's languages: one list, read from docs/_data/languages.yml by everything else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from victiminfo.errors import RuleViolation, fail
from victiminfo.model.yamlfile import load_yaml, validate
from victiminfo.rules import Rule


class SearchSettings(BaseModel):
    """How the site search tokenises one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    lang: str = Field(pattern=r"^[a-z]{2}$")
    stemming: bool


FAMILY = r"^[A-Za-z0-9][A-Za-z0-9 ]*$"  # a font family's name, safe to write into CSS
# A BCP 47 tag: an ISO 639 language (two letters, or three where it has no two-letter code:
# ckb, kmr, prs), then optionally a script and a region.
TAG = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$"
# An edition's code: a tag, or a word (5 to 8 letters) for an edition of a language that no tag
# names, such as easy Swedish, "lattlast", whose `lang` is then the tag of its language.
EDITION = r"^[a-z]{5,8}$"


class Language(BaseModel):
    """One language the site and the leaflets are published in."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(description="its folder and address prefix (and the pages' lang)")
    lang: str | None = Field(
        default=None,
        pattern=TAG,
        description="the BCP 47 tag of its text, when the code is not one (lattlast: sv)",
    )
    name: str = Field(min_length=1, description="the language's name in its own script")
    english_name: str = Field(min_length=1)
    dir: Literal["ltr", "rtl"]
    script: str = Field(default="Latn", pattern=r"^[A-Z][a-z]{3}$", description="ISO 15924")
    print_fonts: tuple[str, ...] = Field(
        default=("Noto Sans",),
        min_length=1,
        description="the font families its leaflets are printed in, first choice first",
    )
    default: bool = False
    search: SearchSettings

    @field_validator("code")
    @classmethod
    def _code(cls, code: str) -> str:
        if not (re.match(TAG, code) or re.match(EDITION, code)):
            raise ValueError(
                f"'{code}' is not a code the site can use: write a BCP 47 tag, an ISO 639 "
                "code (two letters, or three where there is no two-letter one: 'ckb' for "
                "Sorani) with a script or region if needed ('sr-Latn'), or, for an edition "
                "no tag names, a word of 5 to 8 letters with the tag as `lang` "
                "('lattlast' with lang: sv)"
            )
        return code

    @model_validator(mode="after")
    def _edition_has_lang(self) -> Language:
        if self.lang is None and not re.match(TAG, self.code):
            raise ValueError(
                f"'{self.code}' is not a language tag, so the edition needs `lang:`, the tag "
                "of the language it is written in (e.g. lang: sv)"
            )
        return self

    @property
    def tag(self) -> str:
        """The BCP 47 tag of its text: HTML lang and hreflang."""
        return self.lang or self.code

    @field_validator("print_fonts")
    @classmethod
    def _family_names(cls, families: tuple[str, ...]) -> tuple[str, ...]:
        bad = [f for f in families if not re.match(FAMILY, f)]
        if bad:
            raise ValueError(f"not a font family's name: {bad} (letters, digits and spaces)")
        return families


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

    @property
    def print_families(self) -> tuple[str, ...]:
        """Every language's print fonts, each once: the default language's first."""
        ordered = sorted(self.languages, key=lambda lang: not lang.default)
        return tuple(dict.fromkeys(f for lang in ordered for f in lang.print_fonts))

    def tag_of(self, code: str) -> str:
        """The BCP 47 tag of an edition's text (its code, or its lang: lattlast is sv)."""
        return next((lang.tag for lang in self.languages if lang.code == code), code)

    def font_stack(self, code: str) -> tuple[str, ...]:
        """The families a text in this language is printed in: its own first, then the rest
        (a booklet's cover names other languages in their own scripts)."""
        own = self.get(code).print_fonts
        return own + tuple(f for f in self.print_families if f not in own)

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
