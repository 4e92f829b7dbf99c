"""The report's notes: how each figure was measured, and where missed targets lose their time."""

from __future__ import annotations

from typing import Any

from victiminfo.benchmark.report import find, target_cell
from victiminfo.benchmark.runner import BIG_CELL

Figure = dict[str, Any]


def method_notes(report: Figure) -> list[str]:
    """How each figure is measured, with the sample sizes of this run."""
    results: list[Figure] = report["results"]
    samples = ", ".join(f"{r['cell']}: {len(r['leaflet_sample'])}" for r in results)
    return [
        "Full build: `python -m victiminfo build` (what `scripts/build` runs) "
        "into a fresh "
        "folder with an empty leaflet cache. Nothing changed: the same command again (it keeps "
        "the site: every input and output file is as the last build left it). Site rebuilt: "
        "after a file that no page shows changed (`NOTES.txt`), so the web site is built and "
        "no leaflet rendered. One page changed: a line appended to "
        "`docs/sv/tjanster/tjanst-01.md` before each run, so its leaflets are rendered again.",
        "Plain baseline: `mkdocs build -f plain.yml`, Material with mkdocs-static-i18n "
        "(same languages) and the search plugin; not our plugin, none of the project's templates "
        "(only Material's missing theme strings for Somali and Tigrinya, which any user of "
        "Material would have to add). Placeholders stay as text.",
        "WeasyPrint baseline: one `weasyprint` process per leaflet, one after the other, on the "
        "very HTML our build gives WeasyPrint (saved to files), with the same stylesheets and "
        "`--pdf-variant pdf/ua-1 --pdf-tags`. Each cell times a fixed random sample of its "
        f"leaflets (seed 7; sample sizes {samples}) and the baseline is extrapolated as plain "
        "build + leaflets × median seconds per command; the spread of the sample is in the "
        "leaflet table. Run two at a time (`xargs -P 2`), the commands would take about half.",
        "Warm render: one leaflet rendered by `victiminfo.leaflets.pdf.render_one` in a "
        "process that has "
        "already rendered one (as a build worker does). Leaflet step per leaflet: (full build "
        "− site rebuilt) / leaflets, on the wall clock with the build's workers.",
        "Peak memory: psutil polling (every 20 ms) of the command's whole process tree, RSS "
        "summed over the processes (pages shared between workers count once per process, so "
        "this overstates; a peak shorter than 20 ms can be missed).",
        "Preview: `victiminfo serve` (what `scripts/serve` runs) on a free port; a Swedish page "
        "is saved and its URL polled every 20 ms until the new text is served (the file "
        "watcher's delay included). By default the preview builds only the source language; "
        "'--lang all' is the whole site, as the preview did before this benchmark. After each "
        "save, the page's leaflet is asked for and timed until its whole PDF has come: the "
        "preview makes it then (the first request in a preview process also loads WeasyPrint "
        "and the fonts).",
        "First visit: the HTML and every file it makes a phone fetch with an empty cache: "
        "stylesheets, scripts, the icon, fonts named in the CSS (none: the theme uses system "
        "fonts), and Material's search, which starts on load (its worker, the language's index "
        "and lunr language scripts). gzip level 6, as web servers use.",
        f"Cells with more than {BIG_CELL} pages run the full build once and the other figures "
        "twice, to keep the full grid under 20 minutes.",
    ]


def analysis(report: Figure) -> list[str]:
    """For each missed target: by how much, where the time goes, and what would close it."""
    missed = {t["target"]: t for t in report["targets"] if not t["met"]}
    cell = target_cell(report["results"])
    out = []
    d = cell["derived"]["wall"]
    limit = cell["derived"].get("limit")
    render = cell["warm_render"]["median"]
    formats = ", ".join(
        f"{k} {v['median']:.2f} s" for k, v in cell.get("warm_render_by_format", {}).items()
    )
    if "full build vs plain mkdocs build" in missed:
        at = (
            f" The build is {limit['full_vs_limit']:.2f}x its limit on this machine "
            f"({limit['limit_s']:.1f} s: its {cell['full']['cpu']['median']:.1f} CPU seconds "
            f"over the {limit['speedup']:.2f}x that two render loops at once gave in this "
            "run), so the gap is CPU, not waiting."
            if limit
            else ""
        )
        out.append(
            f"Full build vs plain: {d['full_vs_plain']:.2f}x, not 3.0x. The leaflets are the "
            f"cost: a warm WeasyPrint render takes {render:.2f} s (median; {formats}), and "
            f"the leaflets add {limit['leaflet_cpu_s'] * 1000 if limit else 0:.0f} CPU ms each "
            "to the build (full against the site rebuilt). The render profile below puts most "
            "of it in WeasyPrint's styles, layout and PDF writing." + at
        )
    if "full build vs the machine's limit" in missed and limit:
        out.append(
            f"Full build vs its limit: {limit['full_vs_limit']:.2f}x, not 1.05x. The time "
            "above CPU / speed-up is time when a core had nothing to do: loading the state "
            "and forking before the workers start, the last leaflets when one worker is done "
            "and the other is not, and the serial end (copying, print files, precompressing)."
        )
    if "full build vs plain build + one weasyprint command per leaflet" in missed:
        cli = cell["weasyprint_cli"]["wall"]["median"]
        speedup = f"{limit['speedup']:.2f}x" if limit else "unmeasured"
        out.append(
            f"Against one weasyprint command per leaflet: {d['baseline_vs_full']:.1f}x faster, "
            f"not 10x. A command costs {cli:.2f} s, of which {render:.2f} s is the render and "
            "the rest Python start-up, imports and font loading, which our build pays once "
            f"per worker. Two cores gave a speed-up of {speedup} in this run; ten times "
            "would need a faster render or more cores."
        )
    if "rebuild, nothing changed, vs plain mkdocs build" in missed:
        out.append(
            f"Rebuild, nothing changed: {d['unchanged_vs_plain']:.2f}x. The build hashes its "
            "inputs and lists its output; what remains is Python starting and importing."
        )
    if "rebuild, one Swedish page changed, vs plain mkdocs build" in missed:
        out.append(
            f"Rebuild, one Swedish page changed: {d['changed_vs_plain']:.2f}x; the site "
            f"rebuilt with no leaflet to render alone is {d['site_vs_plain']:.2f}x. Only that "
            "page's leaflets are composed and rendered (every leaflet's inputs are hashed); "
            "what remains is the MkDocs build of every language with our plugin and templates, "
            "which MkDocs cannot do for one page." + _site_split(cell)
        )
    if "preview: save a Swedish page until it is rebuilt" in missed:
        out.append(
            "Preview over 1 s: MkDocs rebuilds the whole language on every save; MkDocs' "
            "--dirty rebuild would build only the changed page, but mkdocs-static-i18n does "
            "not support it."
        )
    big, base = find(report["results"], "96x10"), find(report["results"], "24x10")
    if big and base and "time per page and leaflet, 96x10 vs 24x10" in missed:
        out.append(_scale_note(big, base))
    return out


def _scale_note(big: Figure, base: Figure) -> str:
    """Which part of the build grows faster than the content from 24x10 to 96x10."""

    def per(result: Figure, figure: str) -> float:
        return float(result[figure]["wall"]["median"]) / int(result["pages"])

    def growth(figure: str) -> str:
        return f"{per(big, figure) / per(base, figure):.2f}x"

    step = big["derived"]["wall"]["leaflet_step_per_leaflet"]
    step_base = base["derived"]["wall"]["leaflet_step_per_leaflet"]
    pages = [max(int(v["max_pages"]) for v in r["leaflet_sizes"].values()) for r in (base, big)]
    return (
        "Scale, per page from 24x10 to 96x10: the plain build "
        f"{growth('plain')}, our site rebuild (no leaflet to render) {growth('site')}, "
        f"the leaflet step {step / step_base:.2f}x per leaflet, warm render "
        f"{big['warm_render']['median'] / base['warm_render']['median']:.2f}x (leaflets of at "
        f"most {pages[0]} and {pages[1]} pages). Where the leaflet step grows, the cause is "
        "WeasyPrint's time per leaflet; where the site grows, MkDocs renders the whole nav on "
        "every page (work that grows with the square of the pages of a language)."
    )


def _cumulative(profile: Figure, function: str) -> float:
    return float(next((f["seconds"] for f in profile["ours"] if f["function"] == function), 0.0))


def _site_split(cell: Figure) -> str:
    """Where the profiled site rebuild spends its time, beside the plain build."""
    ours, plain = cell.get("profile_site"), cell.get("profile_plain")
    if not ours or not plain:
        return ""
    site = _cumulative(ours, "victiminfo.site.build:run")
    keys = _cumulative(ours, "victiminfo.leaflets.inputs:leaflet_keys")
    return (
        " Profiled (cProfile slows everything down alike), our rebuild takes"
        f" {ours['seconds']:.1f} s:"
        f" {site:.1f} s in the MkDocs build with our plugin, against {plain['seconds']:.1f} s for"
        f" the whole plain build, and {keys:.2f} s hashing the leaflets' inputs."
    )


def notes(report: Figure) -> list[str]:
    """Every note of the report."""
    return [*analysis(report), *method_notes(report)]
