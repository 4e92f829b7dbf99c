"""The theme's files listed once per build, not once per language build (issue #15).

MkDocs lists every file of the theme's folders for each build to copy the static ones, and
mkdocs-static-i18n runs one build per language: ten walks of Material's folders, each name
matched against MkDocs' patterns, were a tenth of a site rebuild. The list depends only on
the folders and on what the patterns read (the theme's static templates), so it is kept for
the rest of the build under those; a new build (a preview's next rebuild) lists them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jinja2

Listing = dict[tuple[object, ...], list[str]]
WRAPPED = "_victiminfo_listed_once"


def list_theme_once(theme: Any, listing: Listing) -> None:
    """Make theme's environments answer list_templates from listing (filled on first use)."""
    if getattr(theme, WRAPPED, False):
        return
    make_env: Callable[[], jinja2.Environment] = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.list_templates = _listed(env, theme, listing)  # type: ignore[method-assign]
        return env

    theme.get_env = get_env
    setattr(theme, WRAPPED, True)


def _listed(env: jinja2.Environment, theme: Any, listing: Listing) -> Callable[..., list[str]]:
    own = env.list_templates

    def list_templates(
        extensions: Sequence[str] | None = None, filter_func: Callable[[str], bool] | None = None
    ) -> list[str]:
        key = _key(theme, extensions, filter_func)
        if key not in listing:
            listing[key] = own(extensions, filter_func)
        return list(listing[key])

    return list_templates


def _key(
    theme: Any, extensions: Sequence[str] | None, filter_func: Callable[[str], bool] | None
) -> tuple[object, ...]:
    """The folders, the static templates MkDocs' filter reads, and which filter it is."""
    code = getattr(filter_func, "__code__", filter_func)
    static = tuple(sorted(theme.static_templates))
    return (tuple(theme.dirs), static, tuple(extensions or ()), code)
