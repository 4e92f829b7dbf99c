"""Record translation work in a page's front matter, leaving every other byte of the file alone."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from victiminfo.content.page_text import (
    BOM,
    split_front_matter,
    split_lines,
    unclosed_front_matter,
)
from victiminfo.content.pages import source_pages
from victiminfo.errors import ContentError, Problem, fail
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.translation.meta import KEYS, is_stale
from victiminfo.translation.status import read_meta, source_code

Value = str | bool | None  # None removes the key

FENCE = "---"


def yaml_scalar(value: str | bool) -> str:
    """A value as YAML: true/false, or a string in single quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "'" + value.replace("'", "''") + "'"


def set_front_matter(text: str, values: Mapping[str, Value]) -> str:
    """text with these top-level front-matter keys set (or removed); nothing else changes.

    The front matter is found as MkDocs finds it. A text that starts with a '---' line that
    MkDocs does not read as front matter raises ValueError: a key added there would be lost.
    """
    split = split_front_matter(text)
    first = split_lines(text)[:1]
    newline = "\r\n" if first and first[0].endswith("\r\n") else "\n"
    if not split.front:
        if unclosed_front_matter(text):
            raise ValueError(UNCLOSED)
        added = [f"{k}: {yaml_scalar(v)}{newline}" for k, v in values.items() if v is not None]
        bom = BOM if text.startswith(BOM) else ""  # stays the first character of the file
        front = "".join([bom, FENCE + newline, *added, FENCE + newline, newline])
        return front + text.removeprefix(bom) if added else text
    lines = split_lines(split.front)
    head = lines[1:-1]
    for key, value in values.items():
        head = _set_key(head, key, value, newline)
    return "".join([lines[0], *head, lines[-1], split.body])


UNCLOSED = (
    "the page starts with a '---' line, but MkDocs reads no front matter there: "
    "it has no closing '---' line, or nothing between the two"
)


def _set_key(head: list[str], key: str, value: Value, newline: str) -> list[str]:
    """Replace, add or remove one key (with any indented continuation lines it has)."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    new = [] if value is None else [f"{key}: {yaml_scalar(value)}{newline}"]
    for start, line in enumerate(head):
        if pattern.match(line):
            stop = start + 1
            while stop < len(head) and head[stop][:1] in (" ", "\t"):
                stop += 1
            return [*head[:start], *new, *head[stop:]]
    return [*head, *new]


@dataclass(frozen=True)
class Work:
    """What to record: who did it, and whether a machine made the translation."""

    name: str
    machine: bool = False


def updated_values(revision: str, work: Work) -> dict[str, Value]:
    """Keys for a translation made (or brought up to date) from the Swedish at revision."""
    return {
        "machine_translation": work.machine,
        "source_revision": revision,
        "translated_by": work.name,
        "reviewed_by": None,  # a review of the old text does not cover the new one
        "reviewed_revision": None,
    }


def reviewed_values(revision: str, work: Work) -> dict[str, Value]:
    """Keys for a translation a person has reviewed against the Swedish at revision."""
    return {"machine_translation": False, "reviewed_by": work.name, "reviewed_revision": revision}


def review_values(revision: str, work: Work) -> dict[str, Value]:
    """Keys for a machine translation a person corrected and confirmed against revision."""
    return {"source_revision": revision} | reviewed_values(revision, work)


def select_pages(project: Project, code: str, patterns: list[str]) -> list[PurePosixPath]:
    """The translated pages matching patterns ('*', 'orter/*', 'index.md' or 'index')."""
    pages = source_pages(project.docs, code) if (project.docs / code).is_dir() else []
    chosen = []
    for pattern in patterns:
        want = pattern.strip("/")
        found = [p for p in pages if fnmatch(str(p), want) or fnmatch(str(p), want + ".md")]
        if not found:
            raise fail(
                project.docs / code / want,
                f"no translated page in docs/{code}/ matches '{pattern}'",
                rule=Rule.PAGE_NOT_FOUND,
                hint="give a page's path under docs/sv/ (e.g. tjanster/polisen.md), or '*'; "
                f"a page must be translated (copied into docs/{code}/) before it is recorded",
            )
        chosen += [p for p in found if p not in chosen]
    return chosen


def checked_name(name: str) -> str:
    """A person's or team's name for the front matter: one line of text."""
    clean = name.strip()
    if not clean or any(ord(c) < 32 for c in clean):
        raise ValueError("a name must be one line of text, e.g. --by 'Anna Berg'")
    return clean


def swedish_revision(repo: GitRepo, source: Path) -> str:
    """The commit that last changed the Swedish page; refuses uncommitted Swedish changes."""
    if not source.is_file():
        raise fail(
            source,
            "there is no Swedish page with this name",
            rule=Rule.PAGE_NOT_FOUND,
            hint="translate only pages that exist in docs/sv/",
        )
    if not repo.is_repo():
        raise fail(
            source,
            "this folder is not a git checkout, so no revision can be recorded",
            rule=Rule.RECORDING_NEEDS_GIT,
        )
    committed = repo.file_at("HEAD", source)
    if committed is None or committed != source.read_text(encoding="utf-8"):
        raise fail(
            source,
            "the Swedish page has changes that are not committed, so no revision describes "
            "the text that was translated",
            rule=Rule.SOURCE_UNCOMMITTED,
            hint="commit the Swedish change first, then record the translation",
        )
    revision = repo.last_change(source)
    assert revision is not None  # committed at HEAD, so some commit changed it
    return revision


def record_updated(
    project: Project, repo: GitRepo, code: str, page: PurePosixPath, work: Work
) -> str:
    """Mark a translation as made from the current Swedish page; returns the revision."""
    source = project.docs / source_code(project) / page
    revision = swedish_revision(repo, source)
    read_meta(project, code, page)  # refuse a broken front matter with its line
    _rewrite(project.docs / code / page, updated_values(revision, work))
    return revision


def record_reviewed(
    project: Project, repo: GitRepo, code: str, page: PurePosixPath, work: Work
) -> str:
    """Mark a translation as reviewed by a person; refuses a stale one."""
    source = project.docs / source_code(project) / page
    target = project.docs / code / page
    meta = read_meta(project, code, page)
    if meta is None or meta.source_revision is None:
        raise fail(
            target,
            "the translation does not say which Swedish revision it was made from",
            rule=Rule.SOURCE_REVISION_MISSING,
            field="source_revision",
            hint=f"record it first: scripts/translation updated {code} {page} --by NAME",
        )
    if is_stale(repo, source, meta):
        raise fail(
            target,
            f"the Swedish page changed since this translation was made ({meta.source_revision})",
            rule=Rule.STALE_TRANSLATION_REVIEWED,
            field="source_revision",
            hint=f"see what changed with scripts/status --diff {code} {page}, update the "
            "translation and record it with 'scripts/translation updated', then review it",
        )
    _rewrite(target, reviewed_values(meta.source_revision, work))
    return meta.source_revision


def _rewrite(path: Path, values: Mapping[str, Value]) -> None:
    assert set(values) <= set(KEYS)
    text = path.read_bytes().decode("utf-8")
    new = rewritten(path, text, values)
    if new != text:
        path.write_bytes(new.encode("utf-8"))


def rewritten(path: Path, text: str, values: Mapping[str, Value]) -> str:
    """set_front_matter on the text of the page at path; a page it cannot edit is named."""
    try:
        return set_front_matter(text, values)
    except ValueError as exc:
        raise ContentError(
            [
                Problem(
                    path,
                    str(exc),
                    rule=Rule.FRONT_MATTER_NOT_CLOSED,
                    line=1,
                    hint="end the front matter with a line '---', with 'key: value' lines "
                    "between the two",
                )
            ]
        ) from None
