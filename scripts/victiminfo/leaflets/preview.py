"""One leaflet made on request, for the live preview: from the cache when its inputs are
unchanged, else composed, checked and rendered in this process (issue #15)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from victiminfo.errors import Problem
from victiminfo.leaflets.build import effective_settings, languages_by_page
from victiminfo.leaflets.cache import pdf_path, read_record
from victiminfo.leaflets.fonts import font_files
from victiminfo.leaflets.inputs import leaflet_keys
from victiminfo.leaflets.make import Context, Task, make_leaflet
from victiminfo.leaflets.plan import plan_leaflets
from victiminfo.site.state import SiteState


@dataclass(frozen=True)
class Preview:
    """The PDF of one leaflet, or why there is none (no such leaflet: both empty)."""

    pdf: bytes | None
    problems: tuple[Problem, ...] = ()


def preview_leaflet(state: SiteState, output: PurePosixPath) -> Preview:
    """The leaflet the site publishes at output (leaflets/sv/tjanster-polisen.pdf)."""
    settings = effective_settings(state, None, None)
    plan = plan_leaflets(state.project.docs, state.catalog.languages, settings)
    wanted = [leaflet for leaflet in plan if leaflet.output == output]
    if not wanted:
        return Preview(None)
    leaflet, languages = wanted[0], languages_by_page(plan)
    fonts = tuple(font_files(state.catalog.languages.print_families))
    key = leaflet_keys(state, [leaflet], settings, fonts, languages)[leaflet]
    cache = state.project.cache
    if read_record(cache, key) is None:  # as the build: a PDF without its record is not done
        cache.mkdir(parents=True, exist_ok=True)
        rtl = state.language(leaflet.code).dir == "rtl"
        task = Task(leaflet, key, languages[leaflet.page], settings, False, rtl)
        made = make_leaflet(Context(state, fonts), task)
        if made.record is None:
            return Preview(None, made.problems)
    return Preview(pdf_path(cache, key).read_bytes())
