"""PO files for translation agencies: one entry per block, msgctxt = page#unit."""

from __future__ import annotations

from pathlib import PurePosixPath

import polib  # type: ignore[import-untyped]

from victiminfo.content.segments import protected_parts
from victiminfo.translation.exchange import PagePlan, Planned, Returned, ReturnedPage, ReturnedUnit

REVISIONS = "X-Source-Revisions"


class PoError(Exception):
    """A problem in the returned file, with its line."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def write_po(source_lang: str, target_lang: str, plans: list[PagePlan]) -> str:
    """The PO document for these pages."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "brottsofferinfo",
        "Language": target_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
        REVISIONS: " ".join(f"{p.page.as_posix()}={p.revision}" for p in plans),
    }
    po.header = (
        "Translations of the crime-victim information site. Translate msgid into msgstr.\n"
        "Keep every {{ placeholder }} and every link target ](...) exactly as it is; they\n"
        "are listed in the comment above each entry. Remove 'fuzzy' when an entry is done."
    )
    for plan in plans:
        for planned in plan.units:
            po.append(_entry(plan, planned))
    return str(po.__unicode__()) + "\n"


def _entry(plan: PagePlan, planned: Planned) -> polib.POEntry:
    unit = planned.unit
    keep = protected_parts(unit.nodes)
    comment = f"{unit.kind} of docs/sv/{plan.page.as_posix()} (revision {plan.revision})"
    if keep:
        comment += "\nKeep exactly: " + "  ".join(keep)
    if planned.note and planned.was is None:
        comment += "\n" + planned.note
    fuzzy = bool(planned.target) and not planned.confirmed
    return polib.POEntry(
        msgctxt=f"{plan.page.as_posix()}#{unit.id}",
        msgid=unit.text,
        msgstr=planned.target or "",
        comment=comment,
        occurrences=[(f"docs/sv/{plan.page.as_posix()}", str(unit.line))],
        flags=["fuzzy"] if fuzzy else [],
        previous_msgid=planned.was,
    )


def read_po(text: str) -> Returned:
    """The pages and units of a returned PO file."""
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:
        raise PoError(None, f"the file is not a PO file: {exc}") from None
    revisions = _revisions(str(po.metadata.get(REVISIONS, "")))
    pages: dict[PurePosixPath, ReturnedPage] = {}
    for entry in po:
        page, _, ident = str(entry.msgctxt or "").partition("#")
        if not ident:
            raise PoError(
                entry.linenum, "the entry has no msgctxt 'page#unit': keep msgctxt as it was"
            )
        path = PurePosixPath(page)
        if path not in revisions:
            raise PoError(entry.linenum, f"the page {page} is not listed in the header {REVISIONS}")
        returned = pages.setdefault(path, ReturnedPage(path, revisions[path], {}, entry.linenum))
        target = str(entry.msgstr) or None
        confirmed = target is not None and "fuzzy" not in entry.flags and not entry.obsolete
        returned.units[ident] = ReturnedUnit(
            ident, str(entry.msgid), target, confirmed, entry.linenum
        )
    translator = str(po.metadata.get("Last-Translator", "")).split("<", 1)[0].strip()
    by = translator if translator and translator != "FULL NAME" else None
    lang = str(po.metadata.get("Language", ""))
    return Returned(str(po.metadata.get("X-Source-Language", "")), lang, list(pages.values()), by)


def _revisions(header: str) -> dict[PurePosixPath, str]:
    out = {}
    for item in header.split():
        page, _, revision = item.partition("=")
        out[PurePosixPath(page)] = revision
    return out
