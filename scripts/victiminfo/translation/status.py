"""The translation matrix: for every Swedish page and every other language, the State."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from victiminfo.content.page_text import read_page_text
from victiminfo.content.pages import source_pages
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import GitRepo
from victiminfo.model.languages import LanguageList, load_languages
from victiminfo.project import Project
from victiminfo.translation.meta import State, TranslationMeta, parse_meta, translation_state


@dataclass(frozen=True)
class WordCount:
    """A language's Swedish words: all of them, and those a person must still work on."""

    source: int
    left: int  # in missing pages, machine text, and the changed blocks of stale pages

    @property
    def percent(self) -> int:
        """The share of Swedish words translated or reviewed by a person, rounded down."""
        return (self.source - self.left) * 100 // self.source if self.source else 100


@dataclass(frozen=True)
class Matrix:
    """States by (page, language), plus where they were computed from."""

    pages: list[PurePosixPath]
    codes: list[str]
    cells: dict[tuple[PurePosixPath, str], State]
    revision: str | None
    has_history: bool
    problems: list[Problem] = field(default_factory=list)
    words: dict[str, WordCount] = field(default_factory=dict)  # by language, once counted

    def state(self, page: PurePosixPath, code: str) -> State:
        """The state of one translation."""
        return self.cells[(page, code)]

    def counts(self, code: str) -> dict[State, int]:
        """How many pages of a language are in each state (every state listed)."""
        out = dict.fromkeys(State, 0)
        for page in self.pages:
            out[self.state(page, code)] += 1
        return out


def read_meta(project: Project, code: str, page: PurePosixPath) -> TranslationMeta | None:
    """A translation's metadata, or None when the page does not exist in that language.

    Front matter that is not YAML raises ContentError with its line, as invalid keys do.
    """
    if not (project.docs / code / page).is_file():
        return None
    return parse_meta(read_page_text(project.docs, code, page))


def build_matrix(project: Project, repo: GitRepo | None = None) -> Matrix:
    """The state of every translation of every Swedish page."""
    repo = repo or GitRepo(project.root)
    languages = load_languages(project.data / "languages.yml")
    source = languages.default.code
    pages = source_pages(project.docs, source)
    codes = other_codes(languages)
    cells: dict[tuple[PurePosixPath, str], State] = {}
    problems: list[Problem] = []
    for page in pages:
        for code in codes:
            cells[(page, code)] = _cell(project, repo, (source, code), page, problems)
    return Matrix(pages, codes, cells, repo.head(), repo.is_repo(), problems)


def source_code(project: Project) -> str:
    """The code of the source language (Swedish)."""
    return load_languages(project.data / "languages.yml").default.code


def other_codes(languages: LanguageList) -> list[str]:
    """Every language but the source language, in the listed order."""
    return [code for code in languages.codes if code != languages.default.code]


def _cell(
    project: Project,
    repo: GitRepo,
    langs: tuple[str, str],
    page: PurePosixPath,
    problems: list[Problem],
) -> State:
    """One cell; a translation whose front matter is broken counts as stale (and is reported)."""
    source, code = langs
    try:
        meta = read_meta(project, code, page)
    except ContentError as exc:
        problems += exc.problems
        return State.stale
    return translation_state(repo, project.docs / source / page, meta)
