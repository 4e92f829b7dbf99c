"""Shared fixtures: the real site and a small fixture site, each built once per test run."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

import pytest

from support import FIXTURES, REPO, build, copy_site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The project's own site, every language, built with scripts/build's command: once per
    test run, by the first test process that asks; the others wait for it and read it (each
    built it before, at once, on the same cores)."""
    if worker_id == "master":  # not under pytest-xdist
        return build(REPO, tmp_path_factory.mktemp("real") / "site")
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above every worker's
    site, done = shared / "real-site", shared / "real-site.built"
    with (shared / "real-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build(REPO, site)
            done.touch()
    return site


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-language fixture site, built."""
    root = copy_site(FIXTURES / "small-site", tmp_path_factory.mktemp("small") / "project")
    return build(root)


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A fresh, unbuilt copy of the fixture site to break in a test."""
    return copy_site(FIXTURES / "small-site", tmp_path / "project")


@pytest.fixture
def built_small_project(small_site: Path, tmp_path: Path) -> Path:
    """A copy of the built fixture site's project (its site/ and .cache/ too) to break in a
    test: the good build is made once per test process, not once per test."""
    return shutil.copytree(small_site.parent, tmp_path / "project", symlinks=True)
