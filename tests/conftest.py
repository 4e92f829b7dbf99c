"""Shared fixtures: the real site and a small fixture site, each built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, REPO, build, copy_site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, every language, built with scripts/build's command."""
    return build(REPO, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-language fixture site, built."""
    root = copy_site(FIXTURES / "small-site", tmp_path_factory.mktemp("small") / "project")
    return build(root)


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A fresh, unbuilt copy of the fixture site to break in a test."""
    return copy_site(FIXTURES / "small-site", tmp_path / "project")
