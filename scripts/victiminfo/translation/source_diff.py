"""What changed in a Swedish page since a translation was made from it, as a unified diff."""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from victiminfo.errors import fail
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.translation.status import read_meta, source_code


def normalise_page(page: str) -> PurePosixPath:
    """A page argument as a path in a language folder: 'orter/solna' -> 'orter/solna.md'."""
    rel = PurePosixPath(page.strip().strip("/"))
    if rel.parts and rel.parts[0] == "docs":
        rel = PurePosixPath(*rel.parts[2:])
    return rel if rel.suffix == ".md" else rel.with_name(rel.name + ".md")


def source_diff(project: Project, repo: GitRepo, code: str, page: PurePosixPath) -> str:
    """The diff of the Swedish page from the translation's source revision to the work tree."""
    source = project.docs / source_code(project) / page
    if not source.is_file():
        raise fail(
            source,
            f"there is no Swedish page '{page}'",
            rule=Rule.PAGE_NOT_FOUND,
            hint=_page_hint(),
        )
    meta = read_meta(project, code, page)
    target = project.docs / code / page
    if meta is None:
        raise fail(
            target,
            "this page is not translated yet, so there is nothing to compare",
            rule=Rule.PAGE_NOT_TRANSLATED,
            hint="translate the whole Swedish page, docs/sv/" + str(page),
        )
    revision = meta.source_revision
    if revision is None:
        raise fail(
            target,
            "the translation does not say which Swedish revision it was made from",
            rule=Rule.SOURCE_REVISION_MISSING,
            field="source_revision",
            hint="compare it with the whole Swedish page, then record it with "
            f"scripts/translation updated {code} {page} --by NAME",
        )
    then = repo.file_at(revision, source) if repo.revision_exists(revision) else None
    if then is None:
        raise fail(
            target,
            f"revision '{revision}' is not in this repository's history"
            if not repo.revision_exists(revision)
            else f"the Swedish page did not exist at revision '{revision}'",
            rule=Rule.REVISION_UNKNOWN,
            field="source_revision",
            hint="fetch the full history (git fetch --unshallow), or check the revision",
        )
    return unified(then, source.read_text(encoding="utf-8"), f"sv/{page}", revision)


def unified(then: str, now: str, name: str, revision: str) -> str:
    """A unified diff of two versions of a page (empty when they are the same)."""
    lines = difflib.unified_diff(
        then.splitlines(keepends=True),
        now.splitlines(keepends=True),
        fromfile=f"{name} @ {revision}",
        tofile=f"{name} (now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _page_hint() -> str:
    return "give the page as its path under docs/sv/, e.g. tjanster/polisen.md"


def changed_files(root: Path, base: str) -> list[str] | None:
    """Files under docs/ that differ between base and the work tree (None if git cannot tell)."""
    return GitRepo(root).changed_files(base, "docs")
