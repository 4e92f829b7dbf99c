"""The benchmark's generator, measurements and report, on the smallest cell (issue #7).

Correctness only: no figure is compared with a time limit (performance is measured by
scripts/bench, never by a test).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from support import FIXTURES, REPO, copy_site, parse_html, run_cli
from victiminfo.benchmark import content, leaflets, preview, report, weight
from victiminfo.benchmark.measure import Sample, run_measured, stats
from victiminfo.benchmark.notes import notes
from victiminfo.benchmark.runner import FULL, derive, paired_ratios, timed
from victiminfo.model.catalog import load_catalog
from victiminfo.model.languages import load_languages
from victiminfo.model.strings import load_strings
from victiminfo.project import Project
from victiminfo.site.languages import i18n_languages
from victiminfo.site.serve import plugins_by_name, with_plugin_options

SMALLEST = content.Cell(6, 1)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The smallest synthetic project (6 services, Swedish only)."""
    return content.write_project(SMALLEST, tmp_path_factory.mktemp("bench") / "project")


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    """The smallest synthetic project built by the real command line (web site only)."""
    out = project.parent / "site"
    result = run_cli("build", "--root", str(project), "--site-dir", str(out), "--no-leaflets")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_language_sets_follow_the_issue() -> None:
    assert content.language_codes(1) == ("sv",)
    assert content.language_codes(4) == ("sv", "ar", "ti", "uk")
    ten = content.language_codes(10)
    assert ten[0] == "sv" and len(set(ten)) == 10


def test_generated_facts_load_in_the_real_data_model(project: Path) -> None:
    catalog = load_catalog(project / "docs" / "_data")
    synthetic = sorted(k for k in catalog.services if k.startswith("tjanst-"))
    assert synthetic == [content.service_slug(i) for i in range(1, 7)]
    assert [lang.code for lang in catalog.languages.languages] == ["sv"]


def test_generated_numbers_are_from_the_fictional_range() -> None:
    biggest = max(cell.services for cell in FULL.cells)
    numbers = [
        p["number"] for i in range(1, biggest + 1) for p in content.service_data(i)["phones"]
    ]
    assert all(n.startswith(("08-465 004 ", "031-390 06 ")) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_every_language_gets_a_page_per_service_with_its_placeholders(tmp_path: Path) -> None:
    root = content.write_project(content.Cell(6, 4), tmp_path / "p")
    for code in ("sv", "ar", "ti", "uk"):
        pages = sorted((root / "docs" / code / "tjanster").glob("*.md"))
        assert len(pages) == 6
        text = pages[0].read_text(encoding="utf-8")
        assert "{{ card tjanst-01 }}" in text and "](" not in text
        printing = (root / "docs" / code / content.PRINT_PAGE).read_text(encoding="utf-8")
        assert printing == content.real_page(code, content.PRINT_PAGE)
        assert "{{ leaflets all }}" in printing
    ti = (root / "docs" / "ti" / "tjanster" / "tjanst-01.md").read_text(encoding="utf-8")
    assert any("\u1200" <= c <= "\u137f" for c in ti)  # the real Tigrinya text, in Ethiopic


def test_the_generated_site_builds_with_cards_and_nav(site: Path) -> None:
    page = parse_html(site / "tjanster" / "tjanst-03" / "index.html")
    assert page.find("a", href="tel:+46846500403")
    assert "Exempeltjänsten 03" in "".join(page.text)


def test_the_plain_baseline_builds_without_our_plugin(project: Path, tmp_path: Path) -> None:
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    out = tmp_path / "plain"
    sample = run_measured(
        [mkdocs, "build", "-q", "-f", str(project / "plain.yml"), "-d", str(out)],
        project,
        {"NO_MKDOCS_2_WARNING": "1"},
    )
    text = (out / "tjanster" / "tjanst-01" / "index.html").read_text(encoding="utf-8")
    assert "{{ card tjanst-01 }}" in text  # no plugin: placeholders stay as text
    assert sample.wall > 0 and sample.cpu > 0 and sample.peak_rss > 0


def test_first_visit_counts_html_css_js_and_the_search_index(site: Path) -> None:
    assets = weight.first_visit(site, "tjanster/tjanst-01/index.html")
    kinds = {a.kind for a in assets}
    assert {"html", "css", "js", "search"} <= kinds
    assert len({a.path for a in assets}) == len(assets)
    totals = weight.totals(assets)
    assert totals["total"]["raw"] == sum(a.raw for a in assets)
    assert 0 < totals["total"]["gzipped"] < totals["total"]["raw"]


def test_the_weasyprint_baseline_gets_our_html_and_options(project: Path, tmp_path: Path) -> None:
    inputs = leaflets.save_inputs(Project(project), tmp_path)
    assert len(inputs) == 7  # 6 service leaflets and a station's booklet (issue #15)
    chosen = leaflets.sample(inputs, 3)
    assert sorted(i.job.pages for i in chosen) == [2, 8]  # one of each format
    assert [i.name for i in chosen] == [i.name for i in leaflets.sample(inputs, 3)]
    command = leaflets.weasyprint_command(chosen[0], tmp_path / "x.pdf")
    assert command[-2] == str(chosen[0].html_file) and "--pdf-tags" in command
    assert chosen[0].html_file.read_text(encoding="utf-8") == chosen[0].job.html


def test_stats_are_median_min_max() -> None:
    summary = stats([3.0, 1.0, 2.0, 10.0])
    assert (summary.median, summary.low, summary.high, summary.runs) == (2.5, 1.0, 10.0, 4)


def _result() -> dict[str, Any]:
    builds = {
        "plain": [Sample(4.0, 4.0, 50), Sample(8.0, 4.0, 50)],
        "full": [Sample(30.0, 40.0, 300), Sample(60.0, 40.0, 300)],
        "unchanged": [Sample(4.2, 4.2, 90), Sample(8.4, 4.2, 90)],
        "site": [Sample(4.4, 4.4, 90), Sample(8.8, 4.4, 90)],
        "changed": [Sample(5.0, 5.0, 90), Sample(10.0, 5.0, 90)],
    }
    result: dict[str, Any] = {
        "cell": "24x10",
        "pages": 240,
        "leaflets": 240,
        "languages": ["sv", "ar"],
        **{name: timed(found) for name, found in builds.items()},
        "paired": paired_ratios(builds),
        "weasyprint_cli": timed([Sample(0.8, 0.8, 60)]),
        "warm_render": {"median": 0.1, "min": 0.1, "max": 0.2, "runs": 3},
        "leaflet_sample": ["leaflets/sv/a.pdf"],
        "parallel": {"one_loop_s": 10.0, "two_loops_s": 12.5, "speedup": 1.6},
        "leaflet_sizes": {
            "sv": {"leaflets": 1, "min": 1, "median": 2, "max": 61_000, "max_pages": 2}
        },
        "preview": {"start": 1.0, "save": {"median": 0.5, "min": 0.4, "max": 0.6, "runs": 3}},
        "first_visit": {"sv": {"total": {"raw": 300_000, "gzipped": 80_000, "files": 9}}},
        "first_visit_plain": {"total": {"raw": 300_000, "gzipped": 79_000, "files": 5}},
    }
    result["derived"] = derive(result)
    return result


def test_ratios_to_plain_pair_the_runs_made_under_the_same_load() -> None:
    result = _result()
    assert result["full"]["wall"]["median"] == 45.0  # 30 and 60: the load doubled
    assert result["derived"]["wall"]["full_vs_plain"] == pytest.approx(7.5)
    assert result["derived"]["cpu"]["full_vs_plain"] == pytest.approx(10.0)
    assert result["derived"]["wall"]["unchanged_vs_plain"] == pytest.approx(1.05)


def test_targets_are_judged_on_the_ratios() -> None:
    result = _result()
    assert result["derived"]["wall"]["plain_plus_weasyprint_commands"] == pytest.approx(198.0)
    judged = {t["target"]: t for t in report.targets([result])}
    assert not judged["full build vs plain mkdocs build"]["met"]  # 7.5x
    assert not judged["rebuild, nothing changed, vs plain mkdocs build"]["met"]  # 1.05x > 0.7x
    assert not judged["full build vs the machine's limit"]["met"]  # 1.8x
    page_size = "leaflet PDF size a page (largest, every script: 60 KB for a 2-page leaflet)"
    assert not judged[page_size]["met"]  # 61 KB in 2 pages, no max_per_page: an older result
    assert judged["preview: save a Swedish page until it is rebuilt"]["met"]


def test_the_leaflet_made_on_request_in_the_preview_is_judged_when_measured() -> None:
    """Under 2 s from asking for the saved page's leaflet to its PDF; results from before
    it was measured have no such row (issue #15)."""
    name = "preview: the saved page's leaflet, made on request"
    result = _result()
    assert name not in {t["target"] for t in report.targets([result])}
    result["preview"]["leaflet"] = {"median": 0.9, "min": 0.6, "max": 2.4, "runs": 3}
    judged = {t["target"]: t for t in report.targets([result])}
    assert judged[name]["met"]
    assert judged[name]["shown"] == "0.90 s (slowest 2.40 s)"


def test_the_report_is_written_as_markdown_and_json(tmp_path: Path) -> None:
    result = _result()
    data: dict[str, Any] = {
        "mode": "quick",
        "started": "2026-12-01T09:00:00+00:00",
        "duration_s": 60.0,
        "machine": {
            "cpu": "Test CPU",
            "usable_cores": 2,
            "memory_bytes": 2**33,
            "system": "Linux",
            "python": "3.11",
            "packages": {"weasyprint": "70.0"},
        },
        "load_average": {"start": [9.0, 1, 1], "end": [1.0, 1, 1]},
        "results": [result],
    }
    data["targets"] = report.targets([result])
    data["notes"] = notes(data)
    json_file, md_file = report.write_reports(data, tmp_path)
    assert json.loads(json_file.read_text(encoding="utf-8"))["results"][0]["cell"] == "24x10"
    text = md_file.read_text(encoding="utf-8")
    row = "| full build vs plain mkdocs build | <= 3.0x | 7.50x (CPU 10.00x) | **no** | 24x10 |"
    assert row in text
    assert "The machine was busy" in text
    assert "Full build vs plain: 7.50x, not 3.0x." in text
    assert "| full build vs the machine's limit | <= 1.05x | 1.80x" in text


def test_preview_builds_only_the_language_looked_at(tmp_path: Path) -> None:
    """scripts/serve builds the source language only, or --lang's (issue #7)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    assert _served(root, [], "en/") is None
    assert _served(root, ["--lang", "en"], "en/") is not None


def _served(root: Path, args: list[str], path: str) -> str | None:
    port = preview.free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "victiminfo", "serve", "--root", str(root)]
    with subprocess.Popen(
        [*command, "--address", f"127.0.0.1:{port}", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as server:
        try:
            preview.wait_for(f"http://127.0.0.1:{port}/", "</html>", time.perf_counter() + 120)
            return preview.fetch(f"http://127.0.0.1:{port}/{path}")
        finally:
            server.terminate()


def test_preview_builds_the_source_language_beside_the_one_looked_at() -> None:
    """--lang ar gives the plugin build_languages [ar]; the source language is built too (#11)."""
    listed = ["search", {"victiminfo": {"facts_max_age_days": 9}}, "i18n"]
    plugins = with_plugin_options(plugins_by_name(listed), build_languages=["ar"])
    assert plugins == {
        "search": {},
        "victiminfo": {"facts_max_age_days": 9, "build_languages": ["ar"]},
        "i18n": {},
    }
    assert listed[1] == {"victiminfo": {"facts_max_age_days": 9}}  # MkDocs may empty it
    languages = load_languages(REPO / "docs/_data/languages.yml")
    strings = load_strings(REPO / "docs/_data/ui", languages)
    built = [lang["locale"] for lang in i18n_languages(languages, strings, ["ar"]) if lang["build"]]
    assert built == ["sv", "ar"]


def test_the_limit_is_the_build_cpu_over_the_measured_speedup() -> None:
    """The physical limit: full-build CPU over the speed-up of two render loops at once, in
    the same run; per leaflet, the CPU the leaflets add (issue #15)."""
    limit = _result()["derived"]["limit"]
    assert limit["limit_s"] == pytest.approx(40.0 / 1.6)
    assert limit["full_vs_limit"] == pytest.approx(45.0 / 25.0)
    assert limit["leaflet_cpu_s"] == pytest.approx((40.0 - 4.4) / 240)


def test_each_cell_has_station_booklets_and_cards(tmp_path: Path) -> None:
    """The benchmark measures the new formats: a police station per 8 services, so 8-page
    booklets in every language and a language card (issue #15)."""
    root = content.write_project(content.Cell(8, 4), tmp_path / "p")
    for code in ("sv", "ar", "ti", "uk"):
        (station,) = (root / "docs" / code / "orter").glob("*.md")
        assert station.name == "ort-01-polisstation.md"
        assert "{{ services ort-01-polisstation }}" in station.read_text(encoding="utf-8")
    catalog = load_catalog(root / "docs" / "_data")
    assert catalog.places["ort-01-polisstation"].kind == "police_station"


def test_cells_can_be_chosen_on_the_command_line() -> None:
    """`scripts/bench --cells 8x10` runs a small grid on a busy machine (issue #15)."""
    from victiminfo.benchmark.__main__ import _cells

    assert _cells("8x10,24x4") == (content.Cell(8, 10), content.Cell(24, 4))
