"""The theme's files are listed once per build, for every language's build (issue #15)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from victiminfo.site.theme_files import Listing, list_theme_once


class Theme:
    """What MkDocs' Theme gives the listing: its folders, static templates, environments."""

    def __init__(self, folder: Path) -> None:
        self.dirs = [str(folder)]
        self.static_templates = {"sitemap.xml"}
        self.made = 0

    def get_env(self) -> jinja2.Environment:
        self.made += 1
        return jinja2.Environment(loader=jinja2.FileSystemLoader(self.dirs))


def _static(name: str) -> bool:
    return not name.endswith(".html")


def test_every_language_build_gets_the_first_listing(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("a", encoding="utf-8")
    (tmp_path / "main.html").write_text("x", encoding="utf-8")
    theme, listing = Theme(tmp_path), Listing()
    list_theme_once(theme, listing)
    list_theme_once(theme, listing)  # a second language's on_config: wrapped once
    first = theme.get_env().list_templates(filter_func=_static)
    (tmp_path / "assets" / "b.css").write_text("b", encoding="utf-8")
    assert theme.get_env().list_templates(filter_func=_static) == first == ["assets/a.css"]
    unfiltered = theme.get_env().list_templates()  # another filter: listed on its own
    assert unfiltered == ["assets/a.css", "assets/b.css", "main.html"]
    listing.clear()  # the next build
    assert theme.get_env().list_templates(filter_func=_static) == ["assets/a.css", "assets/b.css"]
    assert theme.made == 4


def test_other_folders_are_listed_apart(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.js").write_text(name, encoding="utf-8")
    one, two, listing = Theme(tmp_path / "one"), Theme(tmp_path / "two"), Listing()
    list_theme_once(one, listing)
    list_theme_once(two, listing)
    assert one.get_env().list_templates() == ["one.js"]
    assert two.get_env().list_templates() == ["two.js"]
