"""The benchmark report: targets met or missed, tables in Markdown, everything in JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Figure = dict[str, Any]
KB = 1000
MIB = 2**20
GIB = 2**30
HIGH_LOAD = 1.5  # load average per core above which wall-clock figures are unreliable


def find(results: list[Figure], name: str) -> Figure | None:
    """The result of the cell called name ('24x10'), if it ran."""
    return next((r for r in results if r["cell"] == name), None)


def target_cell(results: list[Figure]) -> Figure:
    """The cell the targets are judged on: 24x10, or the largest that ran (quick mode)."""
    return find(results, "24x10") or max(results, key=lambda r: r["pages"])


def _check(name: str, limit: str, value: float, met: bool, shown: str, cell: str) -> Figure:
    return {
        "target": name,
        "limit": limit,
        "value": value,
        "shown": shown,
        "met": met,
        "cell": cell,
    }


def targets(results: list[Figure]) -> list[Figure]:
    """Each target of issues #7 and #15, judged on the wall clock (CPU-time ratios beside)."""
    cell = target_cell(results)
    d, cpu, c = cell["derived"]["wall"], cell["derived"]["cpu"], cell["cell"]
    worst_page = max(p["total"]["gzipped"] for p in cell["first_visit"].values())
    worst_pdf = max(s["max"] for s in cell["leaflet_sizes"].values())
    per_page = max(_per_page(s) for s in cell["leaflet_sizes"].values())
    preview = cell["preview"]["save"]["median"]
    out = [
        _ratio_check("full build vs plain mkdocs build", 3.0, "full_vs_plain", d, cpu, c),
        *_limit_check(cell),
        _check(
            "full build vs plain build + one weasyprint command per leaflet",
            ">= 10x faster",
            d["baseline_vs_full"],
            d["baseline_vs_full"] >= 10,
            f"{d['baseline_vs_full']:.1f}x faster (CPU {cpu['baseline_vs_full']:.1f}x)",
            c,
        ),
        _ratio_check(
            "rebuild, nothing changed, vs plain mkdocs build", 0.7, "unchanged_vs_plain", d, cpu, c
        ),
        _ratio_check(
            "rebuild, one Swedish page changed, vs plain mkdocs build",
            0.8,
            "changed_vs_plain",
            d,
            cpu,
            c,
        ),
        _check(
            "preview: save a Swedish page until it is rebuilt",
            "< 1 s",
            preview,
            preview < 1,
            f"{preview:.2f} s",
            c,
        ),
        *_leaflet_preview_check(cell),
        _check(
            "service page, first visit, gzipped (worst language)",
            "< 120 KB",
            worst_page,
            worst_page < 120 * KB,
            f"{worst_page / KB:.1f} KB",
            c,
        ),
        _check(
            "leaflet PDF size a page (largest, every script: 60 KB for a 2-page leaflet)",
            "< 30 KB a page",
            per_page,
            per_page < 30 * KB,
            f"{per_page / KB:.1f} KB a page (largest file {worst_pdf / KB:.1f} KB)",
            c,
        ),
    ]
    return out + _scale_targets(results)


def _leaflet_preview_check(cell: Figure) -> list[Figure]:
    """The changed page's leaflet made on request in the preview (older results: none)."""
    leaflet = cell["preview"].get("leaflet")
    if not leaflet:
        return []
    median, worst = leaflet["median"], leaflet["max"]
    shown = f"{median:.2f} s (slowest {worst:.2f} s)"
    name = "preview: the saved page's leaflet, made on request"
    return [_check(name, "< 2 s", median, median < 2, shown, cell["cell"])]


def _per_page(sizes: dict[str, float]) -> float:
    """The most bytes a page of one language's leaflets (older results: the largest file)."""
    if "max_per_page" in sizes:
        return sizes["max_per_page"]
    return sizes["max"] / max(1.0, sizes.get("max_pages", 1.0))


def _ratio_check(name: str, limit: float, key: str, d: Figure, cpu: Figure, cell: str) -> Figure:
    value = d[key]
    shown = f"{value:.2f}x (CPU {cpu[key]:.2f}x)"
    return _check(name, f"<= {limit:.1f}x", value, value <= limit, shown, cell)


def _limit_check(cell: Figure) -> list[Figure]:
    """The full build against the machine's limit, when the run measured the speed-up."""
    limit = cell["derived"].get("limit")
    if limit is None:
        return []
    value = limit["full_vs_limit"]
    shown = (
        f"{value:.2f}x ({cell['full']['wall']['median']:.1f} s against {limit['limit_s']:.1f} s:"
        f" {cell['full']['cpu']['median']:.1f} CPU s over a speed-up of {limit['speedup']:.2f})"
    )
    return [
        _check(
            "full build vs the machine's limit",
            "<= 1.05x",
            value,
            value <= 1.05,
            shown,
            cell["cell"],
        )
    ]


def _scale_targets(results: list[Figure]) -> list[Figure]:
    big, base = find(results, "96x10"), find(results, "24x10")
    if big is None or base is None:
        return []
    ratio = (
        big["derived"]["wall"]["full_per_page_and_leaflet"]
        / base["derived"]["wall"]["full_per_page_and_leaflet"]
    )
    peak = max(big[k]["peak_rss"] for k in ("full", "unchanged", "site", "changed"))
    return [
        _check(
            "time per page and leaflet, 96x10 vs 24x10",
            "<= 1.0x",
            ratio,
            ratio <= 1.0,
            f"{ratio:.2f}x",
            "96x10",
        ),
        _check(
            "peak memory of the build's process tree at 96x10",
            "< 1 GiB",
            peak,
            peak < GIB,
            f"{peak / MIB:.0f} MiB",
            "96x10",
        ),
    ]


def write_reports(report: Figure, folder: Path) -> tuple[Path, Path]:
    """Write results.json and results.md into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    data, text = folder / "results.json", folder / "results.md"
    data.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text.write_text(markdown(report), encoding="utf-8")
    return data, text


def _s(figure: Figure, clock: str = "wall") -> str:
    f = figure[clock]
    return f"{f['median']:.2f} ({f['min']:.2f}–{f['max']:.2f}, n={f['runs']})"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]


def markdown(report: Figure) -> str:
    """The whole report as Markdown."""
    results: list[Figure] = report["results"]
    lines = [f"# Benchmark results ({report['mode']})", ""]
    lines += _intro(report)
    lines += ["## Targets", ""]
    lines += _table(
        ["target", "limit", "measured", "met", "cell"],
        [
            [t["target"], t["limit"], t["shown"], "yes" if t["met"] else "**no**", t["cell"]]
            for t in report["targets"]
        ],
    )
    for section in (_times, _cpu, _ratios, _limit_table, _leaflet_table, _weight, _memory):
        lines += section(results)
    lines += _profiles(results)
    lines += _notes(report)
    return "\n".join(lines)


def _intro(report: Figure) -> list[str]:
    m = report["machine"]
    load = report["load_average"]
    lines = [
        f"Run {report['started']} for {report['duration_s']:.0f} s on {m['cpu']}, "
        f"{m['usable_cores']} cores, {m['memory_bytes'] / GIB:.1f} GiB, {m['system']}, "
        f"Python {m['python']}, " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + ".",
        "",
        f"Load average (1 min) at start {load['start'][0]}, at end {load['end'][0]} "
        f"({m['usable_cores']} cores).",
        "",
    ]
    during = [r["load_average_after"][0] for r in report["results"] if "load_average_after" in r]
    during += [reading["load"] for reading in load.get("observed", [])]
    if during:
        lines += [f"Highest 1-minute load average seen during the run: {max(during)}.", ""]
    if max([load["start"][0], load["end"][0], *during]) > HIGH_LOAD * m["usable_cores"]:
        lines += [
            "**The machine was busy** (other work shared the CPU): wall-clock seconds are "
            "noisy and too high, for our build and the baselines alike. CPU seconds (user + "
            "system, whole process tree) are given beside them and are steadier: on an idle "
            "machine a one-process figure (plain build, rebuilds, one weasyprint command) "
            "takes as long on the wall as on the CPU, while the full build renders leaflets on "
            "both cores, so its CPU time is up to twice its idle wall time and its CPU ratios "
            "are pessimistic for it. Each build's ratio to plain is taken run by run (the "
            "builds of one run follow each other), which cancels most of the load.",
            "",
        ]
    lines += [
        "Times are the median of several runs, with (min–max, n = runs). Every figure of a "
        "cell comes from the same synthetic content: S fake services in L languages, written "
        "from the real page template, data model and interface strings "
        "(`scripts/victiminfo/benchmark/content.py`).",
        "",
    ]
    return lines


def _times(results: list[Figure]) -> list[str]:
    rows = [
        [
            r["cell"],
            str(r["pages"]),
            _s(r["plain"]),
            _s(r["full"]),
            _s(r["unchanged"]),
            _s(r["site"]),
            _s(r["changed"]),
            f"{r['preview']['save']['median']:.2f} ({r['preview']['save']['min']:.2f}–"
            f"{r['preview']['save']['max']:.2f})",
            _preview_all(r),
        ]
        for r in results
    ]
    head = [
        "cell (SxL)",
        "pages = leaflets",
        "plain mkdocs",
        "full build",
        "nothing changed",
        "site rebuilt, no leaflet",
        "one page changed",
        "preview (sv only)",
        "preview, --lang all",
    ]
    return ["## Wall-clock seconds", "", *_table(head, rows)]


def _preview_all(r: Figure) -> str:
    every = r.get("preview_all_languages")
    return f"{every['save']['median']:.2f}" if every else "–"


def _cpu(results: list[Figure]) -> list[str]:
    rows = [
        [
            r["cell"],
            _s(r["plain"], "cpu"),
            _s(r["full"], "cpu"),
            _s(r["unchanged"], "cpu"),
            _s(r["site"], "cpu"),
            _s(r["changed"], "cpu"),
        ]
        for r in results
    ]
    head = [
        "cell",
        "plain mkdocs",
        "full build",
        "nothing changed",
        "site rebuilt, no leaflet",
        "one page changed",
    ]
    return ["## CPU seconds (user + system, whole process tree)", "", *_table(head, rows)]


def _ratios(results: list[Figure]) -> list[str]:
    def pair(r: Figure, key: str, fmt: Callable[[float], str]) -> str:
        return f"{fmt(r['derived']['wall'][key])} ({fmt(r['derived']['cpu'][key])})"

    x: Callable[[float], str] = lambda v: f"{v:.2f}x"  # noqa: E731
    ms: Callable[[float], str] = lambda v: f"{v * 1000:.0f}"  # noqa: E731
    rows = [
        [
            r["cell"],
            pair(r, "full_vs_plain", x),
            f"{r['derived']['wall']['plain_plus_weasyprint_commands']:.1f} s",
            pair(r, "baseline_vs_full", x),
            pair(r, "unchanged_vs_plain", x),
            pair(r, "site_vs_plain", x),
            pair(r, "changed_vs_plain", x),
            pair(r, "full_per_page_and_leaflet", ms),
        ]
        for r in results
    ]
    head = [
        "cell",
        "full / plain",
        "plain + weasyprint commands (est.)",
        "(plain + commands) / full",
        "nothing changed / plain",
        "site rebuilt / plain",
        "one changed / plain",
        "full build ms per page+leaflet",
    ]
    return ["## Ratios to the baselines: wall clock (CPU)", "", *_table(head, rows)]


def _limit_table(results: list[Figure]) -> list[str]:
    rows = []
    for r in results:
        limit, parallel = r["derived"].get("limit"), r.get("parallel")
        if limit is None or parallel is None:
            continue
        rows.append(
            [
                r["cell"],
                f"{parallel['one_loop_s']:.2f} / {parallel['two_loops_s']:.2f}",
                f"{limit['speedup']:.2f}",
                f"{r['full']['cpu']['median']:.1f}",
                f"{limit['limit_s']:.1f}",
                f"{r['full']['wall']['median']:.1f}",
                f"{limit['full_vs_limit']:.2f}x",
                f"{limit['leaflet_cpu_s'] * 1000:.0f} / {limit['leaflet_at_limit_s'] * 1000:.0f}",
            ]
        )
    head = [
        "cell",
        "one loop / two loops at once (s)",
        "speed-up of two cores",
        "full build CPU s",
        "limit: CPU / speed-up (s)",
        "full build wall s",
        "full / limit",
        "leaflet ms: CPU / at the limit",
    ]
    if not rows:
        return []
    return ["## The machine's limit (issue #15)", "", *_table(head, rows)]


def _leaflet_table(results: list[Figure]) -> list[str]:
    rows = []
    for r in results:
        cli, warm = r["weasyprint_cli"], r["warm_render"]
        sizes = r["leaflet_sizes"]
        rows.append(
            [
                r["cell"],
                f"{len(r['leaflet_sample'])} of {r['leaflets']}",
                _s(cli),
                f"{warm['median']:.3f} ({warm['min']:.3f}–{warm['max']:.3f})",
                f"{r['derived']['wall']['leaflet_step_per_leaflet']:.3f}",
                _formats(r),
                _impose(r),
                ", ".join(f"{k} {v['median'] / KB:.0f}" for k, v in sizes.items()),
                str(max(int(v["max_pages"]) for v in sizes.values())),
            ]
        )
    head = [
        "cell",
        "sampled",
        "one weasyprint command (s)",
        "warm render in a worker (s)",
        "leaflet step in our build, s per leaflet (wall; overlapped, see the limit)",
        "warm render by format (s)",
        "imposing an A4 print file (s)",
        "median PDF KB per language",
        "most pages",
    ]
    return ["## Leaflets", "", *_table(head, rows)]


def _formats(r: Figure) -> str:
    found = r.get("warm_render_by_format", {})
    return ", ".join(f"{k}: {v['median']:.3f} (n={v['runs']})" for k, v in found.items()) or "–"


def _impose(r: Figure) -> str:
    found = r.get("impose")
    return f"{found['median']:.3f}" if found else "–"


def _weight(results: list[Figure]) -> list[str]:
    rows = []
    for r in results:
        for code, page in r["first_visit"].items():
            t = page["total"]
            kinds = ", ".join(
                f"{k} {v['gzipped'] / KB:.1f}" for k, v in page.items() if k != "total"
            )
            rows.append(
                [
                    r["cell"],
                    code,
                    f"{t['raw'] / KB:.1f}",
                    f"{t['gzipped'] / KB:.1f}",
                    str(t["files"]),
                    kinds,
                ]
            )
        plain = r["first_visit_plain"]["total"]
        rows.append(
            [
                r["cell"],
                "plain mkdocs (sv)",
                f"{plain['raw'] / KB:.1f}",
                f"{plain['gzipped'] / KB:.1f}",
                str(plain["files"]),
                "",
            ]
        )
    head = ["cell", "language", "raw KB", "gzipped KB", "files", "gzipped KB by kind"]
    return [
        "## A service page's first visit (HTML, CSS, JS, fonts, icon)",
        "",
        *_table(head, rows[-12:] if len(rows) > 12 else rows),
    ]


def _memory(results: list[Figure]) -> list[str]:
    rows = [
        [
            r["cell"],
            f"{r['plain']['peak_rss'] / MIB:.0f}",
            f"{r['full']['peak_rss'] / MIB:.0f}",
            f"{r['site']['peak_rss'] / MIB:.0f}",
            f"{r['weasyprint_cli']['peak_rss'] / MIB:.0f}",
        ]
        for r in results
    ]
    head = ["cell", "plain mkdocs", "full build", "site rebuilt", "one weasyprint command"]
    return [
        "## Peak memory, MiB (sum of RSS over the whole process tree, polled every 20 ms)",
        "",
        *_table(head, rows),
    ]


def _profiles(results: list[Figure]) -> list[str]:
    lines: list[str] = []
    for r in results:
        for key, title in (
            ("profile_site", "our site rebuild with no leaflet to render (main process)"),
            ("profile_plain", "the plain mkdocs build"),
            ("profile_render", "four warm leaflet renders"),
        ):
            if key in r:
                lines += _profile(r[key], f"Profile of {title}, {r['cell']}")
    return lines


def _profile(profile: Figure, title: str) -> list[str]:
    lines = [f"## {title}: {profile['seconds']:.2f} s", ""]
    lines += _table(
        ["where (own time)", "s", "share"],
        [[a["area"], f"{a['seconds']:.2f}", f"{a['share']:.0%}"] for a in profile["areas"]],
    )
    if profile["ours"]:
        lines += _table(
            ["our function (cumulative)", "s", "share"],
            [[f["function"], f"{f['seconds']:.2f}", f"{f['share']:.0%}"] for f in profile["ours"]],
        )
    return lines


def _notes(report: Figure) -> list[str]:
    notes: list[str] = report.get("notes", [])
    return ["## Notes", "", *(f"- {n}" for n in notes), ""] if notes else []
