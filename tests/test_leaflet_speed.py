"""Leaflets made fast without changing a byte: shared fonts, input hashes, overlap (issue #15)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from weasyprint import Document
from weasyprint.text.fonts import FontConfiguration

from support import FIXTURES, REPO, build, copy_site, run_cli
from victiminfo.leaflets import pdf
from victiminfo.leaflets.build import languages_by_page, leaflet_jobs
from victiminfo.leaflets.fonts import font_files
from victiminfo.leaflets.inputs import leaflet_keys
from victiminfo.leaflets.pdf import Job, render_one
from victiminfo.leaflets.plan import plan_leaflets
from victiminfo.project import Project
from victiminfo.site.loading import load_site_state
from victiminfo.site.templating import NO_SHARED_TEMPLATES


def test_one_font_configuration_per_worker_gives_the_same_bytes(tmp_path: Path) -> None:
    """A leaflet rendered after others with the worker's shared font configuration has the
    bytes of the same leaflet rendered with a font configuration of its own (issue #15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    _, jobs = leaflet_jobs(Project(root), tmp_path / "out")
    by_name = {f"{job.output.parent.name}/{job.output.name}": job for job in jobs}
    arabic, tigrinya = by_name["ar/orter-testby.pdf"], by_name["ti/orter-testby.pdf"]
    sizes = tmp_path / "fit"
    render_one(by_name["sv/orter-testby.pdf"], tmp_path / "warm.pdf", sizes)
    for job in (arabic, tigrinya):
        render_one(job, tmp_path / "shared.pdf", sizes)
        render_one(job, tmp_path / "own.pdf", sizes, FontConfiguration())
        assert (tmp_path / "shared.pdf").read_bytes() == (tmp_path / "own.pdf").read_bytes()


LOCAL_SERVICE = """name: Lokala jouren
organisation: Testorganisationen
area: local
audience:
  source: test-source
  seen: 2026-01-10
phones:
  - number: "08-123 456 78"
    label: main
    source: test-source
    seen: 2026-01-10
"""


class CopiedTemplates(Project):
    """A project whose overrides/ is a copy the test may edit (the real one is shared)."""

    @property
    def templates(self) -> Path:
        return self.root / "overrides-copy"


def _project_with_a_local_service(tmp_path: Path) -> Path:
    """The fixture plus a local service, with its own leaflet, that only Gammelby lists."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    (root / "docs/_data/services/lokal.yml").write_text(LOCAL_SERVICE, encoding="utf-8")
    place = root / "docs/_data/places/gammelby.yml"
    place.write_text(place.read_text(encoding="utf-8") + "  - service: lokal\n", "utf-8")
    page = root / "docs/sv/tjanster/lokal.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Lokala jouren\n\nVi hjälper dig.\n\n{{ card lokal }}\n", encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides-copy")
    return root


def _keys(root: Path) -> dict[str, str]:
    state = load_site_state(Project(root))
    state = replace(state, project=CopiedTemplates(root))
    plan = plan_leaflets(state.project.docs, state.catalog.languages, state.leaflet_settings)
    fonts = tuple(font_files(state.catalog.languages.print_families))
    keys = leaflet_keys(state, plan, state.leaflet_settings, fonts, languages_by_page(plan))
    return {f"{leaflet.code}/{leaflet.slug}": key for leaflet, key in keys.items()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BOOKLETS = {"sv/orter-testby", "en/orter-testby", "ar/orter-testby", "ti/orter-testby"}
ALL = {*BOOKLETS, "sv/orter-gammelby", "sv/tjanster-lokal"}


@pytest.mark.parametrize(
    ("file", "old", "new", "changed"),
    [
        (
            "docs/_data/services/lokal.yml",
            "08-123 456 78",
            "08-123 456 79",
            {"sv/tjanster-lokal", "sv/orter-gammelby"},
        ),
        ("docs/_data/services/hjalplinjen.yml", "020-50 50 50", "020-50 50 51", ALL),
        ("docs/_data/places/testby.yml", "name: Testby", "name: Testbyn", BOOKLETS),
        ("docs/_data/ui/en.yml", "notes: Notes", "notes: Your notes", {"en/orter-testby"}),
        ("docs/ti/orter/testby.md", "\n", "\n\n", {"ti/orter-testby"}),
        ("overrides-copy/leaflets/leaflet.css", "html {", "html { color: #000;", ALL),
        ("overrides-copy/leaflets/paper-A4.css", "", "/* A4 */", set()),
        ("overrides-copy/leaflets/card.css", "", "/* card */", set()),
        ("overrides-copy/leaflets/service.html", "", "{# changed #}", {"sv/tjanster-lokal"}),
        ("overrides-copy/leaflets/booklet.html", "", "{# changed #}", ALL - {"sv/tjanster-lokal"}),
        ("overrides-copy/leaflets/base.html", "", "{# changed #}", ALL),
        ("overrides-copy/components/contact-card/contact-card.html", "", "{# c #}", ALL),
    ],
)
def test_one_changed_input_changes_exactly_the_leaflets_that_show_it(
    tmp_path: Path, file: str, old: str, new: str, changed: set[str]
) -> None:
    """An input's change gives a new key to every leaflet that shows it and to no other, so
    that a stale number never reaches print and nothing else is rendered again (issue #15)."""
    root = _project_with_a_local_service(tmp_path)
    before = _keys(root)
    assert set(before) == ALL
    if old:
        _edit(root / file, old, new)
    else:
        (root / file).write_text(new + (root / file).read_text(encoding="utf-8"), "utf-8")
    after = _keys(root)
    assert {name for name in before if before[name] != after[name]} == changed


def test_a_changed_number_renders_its_leaflets_again_and_reaches_print(tmp_path: Path) -> None:
    """A phone number changed in a data file: exactly its two leaflets are rendered again, and
    the PDF in the site has the new number; nothing else is composed or rendered (issue #15)."""
    root = _project_with_a_local_service(tmp_path)
    site = build(root)
    _edit(root / "docs/_data/services/lokal.yml", "08-123 456 78", "08-123 456 79")
    result = run_cli("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert "(2 rendered, 4 unchanged)" in result.stdout, result.stdout
    for name in ("sv/tjanster-lokal.pdf", "sv/orter-gammelby.pdf"):
        text = subprocess.run(
            ["pdftotext", str(site / "leaflets" / name), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "08-123 456 79" in text and "08-123 456 78" not in text, name


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_compiled_templates_shared_across_languages_give_the_same_site(tmp_path: Path) -> None:
    """The theme's templates compiled once for every language's build give the site the bytes
    of one compiled again for each language (issue #15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    command = ["build", "--root", str(root), "--no-leaflets", "--site-dir"]
    shared = run_cli(*command, str(tmp_path / "shared"))
    alone = run_cli(*command, str(tmp_path / "own"), env={NO_SHARED_TEMPLATES: "1"})
    assert shared.returncode == alone.returncode == 0, shared.stderr + alone.stderr
    files = _files(tmp_path / "shared")
    assert len([name for name in files if name.endswith("index.html")]) > 5
    assert files == _files(tmp_path / "own")


def test_a_leaflet_fitted_as_last_time_is_laid_out_once_with_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every fixture leaflet and booklet rendered again with last time's fit is laid out once,
    and has the bytes of its first render; another leaflet under the same name (its text now
    ends elsewhere) is fitted from the start, with the bytes of a render that knew nothing
    (issue #15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    _, jobs = leaflet_jobs(Project(root), tmp_path / "out")
    layouts = count_layouts(monkeypatch)
    for n, job in enumerate(jobs):
        render_one(job, tmp_path / "first.pdf", tmp_path / f"fit-{n}")
        layouts.clear()
        render_one(job, tmp_path / "again.pdf", tmp_path / f"fit-{n}")
        assert len(layouts) == 1, job.output
        assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()
    first, second = [job for job in jobs if job.pages == 8][:2]
    other = replace(second, output=first.output)
    assert n >= 4 and first.html != second.html
    layouts.clear()
    render_one(other, tmp_path / "other.pdf", tmp_path / f"fit-{jobs.index(first)}")
    assert len(layouts) > 1  # last time's fit did not hold
    render_one(other, tmp_path / "fresh.pdf", tmp_path / "fit-fresh")
    assert (tmp_path / "other.pdf").read_bytes() == (tmp_path / "fresh.pdf").read_bytes()


def count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The size of every layout WeasyPrint makes of a leaflet from now on."""
    sizes: list[float] = []
    original = pdf._lay_out

    def counting(job: Job, fonts: FontConfiguration) -> Callable[[str, float], Document]:
        lay_out = original(job, fonts)

        def counted(html: str, size: float) -> Document:
            sizes.append(size)
            return lay_out(html, size)

        return counted

    monkeypatch.setattr(pdf, "_lay_out", counting)
    return sizes
