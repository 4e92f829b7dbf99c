"""What a translated page records in its front matter, and whether it is still up to date."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from victiminfo.content.page_text import PageText
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import REVISION, GitRepo
from victiminfo.rules import Rule

# The front-matter keys this module owns; a page's other keys (title, ...) are left alone.
KEYS = (
    "machine_translation",
    "source_revision",
    "translated_by",
    "reviewed_by",
    "reviewed_revision",
)


class TranslationMeta(BaseModel):
    """A translation's record of itself, kept in the page's front matter."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    machine_translation: bool = False
    source_revision: str | None = Field(default=None, pattern=REVISION)
    translated_by: str | None = Field(default=None, min_length=1)
    reviewed_by: str | None = Field(default=None, min_length=1)
    reviewed_revision: str | None = Field(default=None, pattern=REVISION)


class State(StrEnum):
    """A translation's state, as the status matrix shows it."""

    missing = "missing"
    stale = "stale"
    machine = "machine"
    reviewed = "reviewed"
    current = "up to date"


def parse_meta(page: PageText) -> TranslationMeta:
    """Validate a page's translation keys; errors name the file, line and key."""
    try:
        return TranslationMeta.model_validate(dict(page.meta))
    except ValidationError as exc:
        raise ContentError([_problem(page, err) for err in exc.errors()]) from None


def _problem(page: PageText, err: Any) -> Problem:
    key = str(err["loc"][0]) if err["loc"] else None
    hint = "write a git commit id in quotes, e.g. source_revision: '4e73c1f5951a'"
    if key == "machine_translation":
        hint = "write machine_translation: true or false"
    elif key in ("translated_by", "reviewed_by"):
        hint = "write the person's name (or team), or remove the line"
    return Problem(
        page.path,
        f"front matter: {err['msg']}",
        rule=Rule.TRANSLATION_RECORD_INVALID,
        line=page.key_line(key) if key else None,
        field=key,
        hint=hint,
    )


def is_stale(repo: GitRepo, source: Path, meta: TranslationMeta) -> bool:
    """Whether the source page changed since the revision the translation was made from."""
    if meta.source_revision is None:
        return True
    then = repo.file_at(meta.source_revision, source)
    return then is None or then != source.read_text(encoding="utf-8")


def translation_state(repo: GitRepo, source: Path, meta: TranslationMeta | None) -> State:
    """The state of one translation (meta is None when the page does not exist)."""
    if meta is None:
        return State.missing
    if is_stale(repo, source, meta):
        return State.stale
    if meta.machine_translation:
        return State.machine
    return State.reviewed if meta.reviewed_by else State.current
