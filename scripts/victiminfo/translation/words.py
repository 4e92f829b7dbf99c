"""Words left per language: the Swedish words a person must still translate or review."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from victiminfo.content.segments import Node, Pc, Unit
from victiminfo.errors import ContentError
from victiminfo.gitrepo import GitRepo
from victiminfo.keptfiles import kept
from victiminfo.project import Project
from victiminfo.translation.agency import Existing, existing_translation, offered
from victiminfo.translation.exchange import Planned, cut_page
from victiminfo.translation.meta import State
from victiminfo.translation.status import Matrix, WordCount, source_code

WORD = re.compile(r"\w+")
DONE = (State.current, State.reviewed)
WORDS_VERSION = "words-1"  # change when counting changes what a count is


def unit_words(unit: Unit) -> int:
    """The words of a block's text, as a translation tool counts them (codes are not words)."""
    return sum(len(WORD.findall(text)) for text in _texts(unit.nodes))


def _texts(nodes: tuple[Node, ...]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, str):
            yield node
        elif isinstance(node, Pc):
            yield from _texts(node.children)


def words_left(planned: list[Planned]) -> int:
    """The words of the blocks that have no confirmed translation (new, changed, machine)."""
    return sum(unit_words(p.unit) for p in planned if not (p.target and p.confirmed))


def left_in(
    project: Project,
    repo: GitRepo,
    langs: tuple[str, str],
    page: PurePosixPath,
    seen: tuple[State, int],
) -> int:
    """How many of the Swedish page's words are left in its translation (seen: state, total)."""
    (source, code), (state, total) = langs, seen
    if state in DONE:
        return 0
    if state in (State.missing, State.machine):  # every block waits for a person
        return total
    sv = project.docs / source / page
    try:
        existing = existing_translation(project, repo, sv, code, page)
    except ContentError:  # a broken front matter: reported by the matrix, counted as to do
        return total
    return counted_left(project.words_cache, sv.read_text("utf-8"), existing)


def counted_left(cache: Path, now: str, existing: Existing) -> int:
    """The words left in a translation of the Swedish text now, counted once for these texts
    and kept in cache (every build of the source language makes the status page, issue #15)."""
    parts = [WORDS_VERSION, now, existing.text, existing.then, existing.machine]
    path = cache / (hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest() + ".txt")
    count = kept(path, lambda: str(words_left(offered(now, existing))).encode("ascii"))
    return int(count) if count.isdigit() else words_left(offered(now, existing))


def with_words(project: Project, repo: GitRepo, matrix: Matrix) -> Matrix:
    """The matrix with each language's words counted (the Swedish words, and those left)."""
    source = source_code(project)
    total, left = dict.fromkeys(matrix.codes, 0), dict.fromkeys(matrix.codes, 0)
    for page in matrix.pages:
        text = (project.docs / source / page).read_text("utf-8")
        words = sum(unit_words(u) for u in cut_page(text).units)
        for code in matrix.codes:
            seen = (matrix.state(page, code), words)
            total[code] += words
            left[code] += left_in(project, repo, (source, code), page, seen)
    counts = {code: WordCount(total[code], left[code]) for code in matrix.codes}
    return dataclasses.replace(matrix, words=counts)
