"""A translation's front matter: known keys, and a source revision that exists and is current."""

from __future__ import annotations

from collections.abc import Iterator

from victiminfo.content.page_sources import KEY as SOURCES_KEY
from victiminfo.content.page_text import PageText
from victiminfo.errors import ContentError, Problem
from victiminfo.gitrepo import GitRepo
from victiminfo.rules import Rule
from victiminfo.translation.meta import KEYS, TranslationMeta, is_stale, parse_meta

# Keys MkDocs and the Material theme read, besides the translation keys.
PAGE_KEYS = {"title", "description", "template", "hide", "search", "icon", "status", "subtitle"}
PAGE_KEYS |= {"tags", "comments", "robots"}
SOURCE_PAGE_KEYS = PAGE_KEYS | {SOURCES_KEY}  # a Swedish page lists its sources


def front_matter_problems(
    page: PageText, translation: bool, swedish: PageText | None = None
) -> list[Problem]:
    """Front-matter keys that nothing reads (typos, usually).

    swedish: a translation's Swedish page. A copy of its `sources:` (an agency's import starts
    a new translation from the Swedish front matter) is not read either, but misleads nobody.
    """
    known = PAGE_KEYS | set(KEYS) if translation else SOURCE_PAGE_KEYS
    problems = []
    for key in page.meta:
        if str(key) not in known and not _copied_sources(page, str(key), swedish):
            problems.append(_unread(page, str(key), known))
    return problems


def _copied_sources(page: PageText, key: str, swedish: PageText | None) -> bool:
    return key == SOURCES_KEY and swedish is not None and page.meta[key] == swedish.meta.get(key)


def _unread(page: PageText, key: str, known: set[str]) -> Problem:
    message = f"front matter: '{key}' is not a key this site reads (a typo?)"
    hint = f"use one of: {', '.join(sorted(known))}"
    if key == SOURCES_KEY:
        message = "front matter: a translation shows its Swedish page's sources, not its own"
        hint = "remove 'sources' here; list the sources in the Swedish page's front matter"
    return Problem(
        page.path,
        message,
        rule=Rule.FRONT_MATTER_KEY_UNKNOWN,
        line=page.key_line(key),
        field=key,
        hint=hint,
    )


def revision_problems(page: PageText, source: PageText, repo: GitRepo | None) -> list[Problem]:
    """The translation's metadata is valid, names a commit that exists, and is not stale."""
    try:
        meta = parse_meta(page)
    except ContentError as exc:
        return exc.problems
    return list(_revision(page, source, meta, repo))


def _revision(
    page: PageText, source: PageText, meta: TranslationMeta, repo: GitRepo | None
) -> Iterator[Problem]:
    rel = page.rel.as_posix()
    shown = f"docs/{source.code}/{rel}"
    if meta.source_revision is None:
        yield Problem(
            page.path,
            "this translation does not say which version of the Swedish page it was made from",
            rule=Rule.SOURCE_REVISION_MISSING,
            line=1,
            field="source_revision",
            hint="add 'source_revision: COMMIT' to the front matter, the commit of the Swedish "
            f"page you translated (git log -1 --format=%h -- {shown})",
        )
        return
    if repo is None:
        return
    for key in ("source_revision", "reviewed_revision"):
        revision = getattr(meta, key)
        if revision is not None and not repo.revision_exists(revision):
            yield Problem(
                page.path,
                f"the commit '{revision}' does not exist: was the history rewritten, "
                "or is it a typo?",
                rule=Rule.REVISION_UNKNOWN,
                line=page.key_line(key),
                field=key,
                hint="find the commit the translation was made from with "
                f"'git log --format=%h -- {shown}' and write it here",
            )
            return
    if is_stale(repo, source.path, meta):
        yield Problem(
            page.path,
            f"the Swedish page changed since {meta.source_revision}, when this translation "
            "was made: it may be out of date",
            rule=Rule.TRANSLATION_STALE,
            line=page.key_line("source_revision"),
            field="source_revision",
            hint=f"see what changed with 'scripts/status --diff {page.code} {rel}', update the "
            "translation, then record the new source revision",
        )
