"""Leaflets made fast without changing a byte: shared fonts, input hashes, overlap (issue #15)."""

from __future__ import annotations

from pathlib import Path

from weasyprint.text.fonts import FontConfiguration

from support import FIXTURES, copy_site
from victiminfo.leaflets.build import leaflet_jobs
from victiminfo.leaflets.pdf import render_one
from victiminfo.project import Project


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
