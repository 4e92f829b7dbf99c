"""A site whose other languages are built in two processes is the site one process builds
(issue #15)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, run_cli
from victiminfo.benchmark import content
from victiminfo.model.languages import load_languages
from victiminfo.site.language_split import SWITCH, halves

SPLIT = "in a second process"


def _mkdocs(root: Path, site: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """MkDocs' own `mkdocs build --verbose` of root's mkdocs.yml into site."""
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    command = [mkdocs, "build", "--verbose", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def four_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's generated site: 4 services in 4 languages (3 after the source one)."""
    return content.write_project(content.Cell(4, 4), tmp_path_factory.mktemp("split") / "p")


def test_the_other_languages_are_shared_out_in_turn() -> None:
    assert halves(["ar", "en", "fa", "fi", "so"]) == (["ar", "fa", "so"], ["en", "fi"])


@pytest.mark.parametrize("which", ["generated", "real"])
def test_two_processes_build_the_bytes_of_one(
    which: str, four_languages: Path, tmp_path: Path
) -> None:
    """Every file, search indexes, 404 pages and sitemap included, is the same (#15)."""
    root = four_languages if which == "generated" else REPO
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    split = _mkdocs(root, tmp_path / "split", env)
    assert SPLIT in split.stderr, split.stderr
    one = _mkdocs(root, tmp_path / "one", {**env, SWITCH: "1"})
    assert SPLIT not in one.stderr
    assert _tree(tmp_path / "split") == _tree(tmp_path / "one")


def test_bad_content_in_a_language_of_the_second_process_fails_the_build(
    four_languages: Path, tmp_path: Path
) -> None:
    """The second process's error is the build's, as one process gives it, and the last
    good site stays (issue #15)."""
    root = shutil.copytree(four_languages, tmp_path / "p", symlinks=True)
    site = tmp_path / "site"
    good = run_cli("build", "--root", str(root), "--site-dir", str(site), "--no-leaflets")
    assert good.returncode == 0, good.stdout + good.stderr
    codes = load_languages(root / "docs" / "_data" / "languages.yml").codes
    theirs, _ = halves(codes[1:])
    page = sorted((root / "docs" / theirs[0]).rglob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ phone no-such-service }}\n", "utf-8")
    failed = [
        run_cli("build", "--root", str(root), "--site-dir", str(site), "--no-leaflets", env=env)
        for env in ({}, {SWITCH: "1"})
    ]
    assert [f.returncode for f in failed] == [1, 1], failed[0].stdout + failed[0].stderr
    assert failed[0].stderr == failed[1].stderr
    assert page.name in failed[0].stderr and "Traceback" not in failed[0].stderr
    assert (site / "index.html").is_file()
