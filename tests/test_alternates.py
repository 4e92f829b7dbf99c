"""The i18n plugin's page alternates, found by locale: the site of its own method (issue #15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs_static_i18n import folder

from support import FIXTURES, copy_site
from test_plugin import tree
from victiminfo.project import Project
from victiminfo.site.alternates import ALTERNATES_SWITCH
from victiminfo.site.build import build_site_into


def test_the_alternates_lookup_gives_the_site_of_the_plugins_own_method(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switcher links, hreflang alternates and fallbacks to Swedish are byte for byte alike."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    (root / "docs/en/index.md").unlink()  # a page with no English version falls back
    project = Project(root)
    made = count_files_made(monkeypatch)
    build_site_into(project, tmp_path / "ours")
    ours_made = len(made)
    monkeypatch.setenv(ALTERNATES_SWITCH, "plugin")
    build_site_into(project, tmp_path / "plugin")
    assert ours_made < len(made) - ours_made  # fewer Files made
    ours, plugins = tree(tmp_path / "ours"), tree(tmp_path / "plugin")
    assert sorted(ours) == sorted(plugins)
    assert [path for path in ours if ours[path] != plugins[path]] == []
    assert b'hreflang="en"' in ours["sitemap.xml"]


def count_files_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every i18n File the plugin makes, by source path, from now on."""
    made: list[str] = []
    original = folder.create_i18n_file

    def counting(file: Any, *args: Any) -> Any:
        made.append(file.src_path)
        return original(file, *args)

    monkeypatch.setattr(folder, "create_i18n_file", counting)
    return made
