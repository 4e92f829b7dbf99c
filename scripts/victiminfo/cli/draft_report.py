"""The build's UTKAST / DRAFT report: one line per reason, with how many leaflets and which."""

from __future__ import annotations

from collections.abc import Sequence

from victiminfo.cli.options import plural
from victiminfo.leaflets.build import LeafletReport
from victiminfo.leaflets.compose import LeafletDocument
from victiminfo.leaflets.plan import Leaflet

SHOWN_PAGES = 4  # pages named on a reason's line before "and N more pages"


def leaflet_report(report: LeafletReport, verbose: bool = False) -> list[str]:
    """How many leaflets were rendered, then why some are drafts (per leaflet with verbose)."""
    total = len(report.documents)
    lines = [counts_line(total, report.rendered)]
    drafts = report.drafts
    if not drafts:
        return lines
    grouped = reasons(drafts)
    lines.append(_heading(len(drafts), total, len(grouped), verbose))
    width = len(str(max(len(leaflets) for leaflets in grouped.values())))
    every = [doc.leaflet for doc in report.documents]
    existing = _codes_by_page(every)
    for reason, leaflets in grouped.items():
        named = which(leaflets, every, existing)
        lines.append(f"  {len(leaflets):>{width}} × {reason} — {named}")
    return lines + (per_leaflet(drafts) if verbose else [])


def counts_line(total: int, rendered: int) -> str:
    """How many leaflets there are, and how many of them were rendered."""
    return f"Leaflets: {total} ({rendered} rendered, {total - rendered} unchanged)"


def _heading(drafts: int, total: int, reasons: int, verbose: bool) -> str:
    verb = "is" if drafts == 1 else "are"
    more = ":" if verbose else " (--verbose lists each leaflet):"
    return (
        f"{drafts} of {plural(total, 'leaflet')} {verb} marked UTKAST / DRAFT, "
        f"for {plural(reasons, 'reason')}{more}"
    )


def reasons(drafts: Sequence[LeafletDocument]) -> dict[str, list[Leaflet]]:
    """Each reason for a draft, the most common first, with the leaflets it marks."""
    grouped: dict[str, list[Leaflet]] = {}
    for doc in drafts:
        for doubt in doc.doubts:
            grouped.setdefault(doubt, []).append(doc.leaflet)
    return dict(sorted(grouped.items(), key=lambda item: -len(item[1])))


def which(
    leaflets: Sequence[Leaflet],
    every: Sequence[Leaflet],
    existing: dict[str, list[str]] | None = None,
) -> str:
    """'every leaflet', or pages with their languages: 'orter-a, orter-b (all 10 languages)'.

    existing: every leaflet's languages by page, when the caller has them already."""
    if len(leaflets) >= len(every) and set(leaflets) >= set(every):
        return "every leaflet"
    existing = existing if existing is not None else _codes_by_page(every)
    found = _codes_by_page(leaflets)
    shown = list(found)[:SHOWN_PAGES]
    groups: dict[str, list[str]] = {}
    for slug in shown:
        groups.setdefault(_languages(found[slug], existing[slug]), []).append(slug)
    named = "; ".join(f"{', '.join(slugs)} ({codes})" for codes, slugs in groups.items())
    more = len(found) - len(shown)
    return named + (f" and {plural(more, 'more page')}" if more > 0 else "")


def _codes_by_page(leaflets: Sequence[Leaflet]) -> dict[str, list[str]]:
    pages: dict[str, list[str]] = {}
    for leaflet in leaflets:
        pages.setdefault(leaflet.slug, []).append(leaflet.code)
    return dict(sorted(pages.items()))


def _languages(found: list[str], existing: list[str]) -> str:
    if len(existing) > 1 and set(found) >= set(existing):
        return f"all {len(existing)} languages"
    return ", ".join(found)


def per_leaflet(drafts: Sequence[LeafletDocument]) -> list[str]:
    """Every draft leaflet with each of its reasons (build --verbose)."""
    lines = ["Draft leaflets:"]
    for doc in drafts:
        lines.append(f"  {doc.leaflet.output}:")
        lines += [f"    - {doubt}" for doubt in doc.doubts]
    return lines
