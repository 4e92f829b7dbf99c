"""mkdocs-static-i18n's page alternates, found with one file made per alternate, not one per try.

For every language it builds, the i18n plugin gives each page its alternates in every
language (the language switcher and the sitemap's hreflang links read them). To find a
page's alternate in one language it makes an i18n File of each other-language version in
turn until one is in that language: sixteen languages, sixteen builds, and that is 66,000
Files and half of the whole site build's time (issue #15). A file's locale depends only on
its source path, so this asks each file's locale once and makes only the File it keeps:
the same alternates, the same pages, a fraction of the work. `VICTIMINFO_I18N_ALTERNATES=plugin`
uses the plugin's own method instead (to compare); a plugin version this was not written
against, or its suffix layout, keeps its own.
"""

from __future__ import annotations

import os
import types
from collections.abc import Callable
from typing import Any

import mkdocs_static_i18n
from mkdocs.config.defaults import MkDocsConfig

WRITTEN_FOR = "1.3."  # the mkdocs-static-i18n versions whose method this matches
ALTERNATES_SWITCH = "VICTIMINFO_I18N_ALTERNATES"  # "plugin": the plugin's own method

# an mkdocs File with the attributes the i18n plugin gives it (alternates, locale, ...)
File = Any
CreateFile = Callable[[File, str, str, list[str], MkDocsConfig], File]


def install_alternates(plugin: Any) -> None:
    """Give the i18n plugin instance the linear alternates lookup, where it applies."""
    if os.environ.get(ALTERNATES_SWITCH) == "plugin":
        return
    if not mkdocs_static_i18n.version.startswith(WRITTEN_FOR):
        return
    if plugin.config.docs_structure != "folder":
        return
    plugin.reconfigure_files_alternates = types.MethodType(reconfigure_files_alternates, plugin)


def reconfigure_files_alternates(
    self: Any,
    i18n_src_uris: dict[str, File],
    i18n_alternate_src_uris: dict[str, list[File]],
    mkdocs_config: MkDocsConfig,
    create_i18n_file: CreateFile,
) -> None:
    """The plugin's method (1.3.1, reconfigure.py), with each candidate's locale looked up."""
    default, languages = self.default_language, self.all_languages

    def make(file: File, build_lang: str) -> File:
        return create_i18n_file(file, build_lang, default, languages, mkdocs_config)

    locale_of = _locale_lookup(lambda file: make(file, default).locale, default, *languages)
    for build_lang in sorted(self.build_languages):
        for src_uri, i18n_file in i18n_src_uris.items():
            if build_lang in i18n_file.alternates:
                continue
            candidates = i18n_alternate_src_uris.get(src_uri, [])
            found = _first(candidates, build_lang, locale_of)
            if found is not None:
                i18n_file.alternates[build_lang] = make(found, build_lang)
            elif self.config.fallback_to_default is True:
                _fall_back(i18n_file, candidates, build_lang, default, locale_of, make)


def _fall_back(
    i18n_file: File,
    candidates: list[File],
    build_lang: str,
    default: str,
    locale_of: Callable[[File], str],
    make: Callable[[File, str], File],
) -> None:
    """No version in build_lang: the default language's version stands in, as the plugin does."""
    found = _first(candidates, default, locale_of)
    if found is not None:
        i18n_file.alternates[build_lang] = make(found, build_lang)
    elif locale_of(i18n_file) == default:
        i18n_file.alternates[build_lang] = make(i18n_file, build_lang)


def _first(candidates: list[File], locale: str, locale_of: Callable[[File], str]) -> File | None:
    return next((file for file in candidates if locale_of(file) == locale), None)


def _locale_lookup(find: Callable[[File], str], *languages: str) -> Callable[[File], str]:
    """A file's locale, found once per source path and languages (the default first) for the
    whole process (it depends on nothing else), not once in each language's build."""
    known = _LOCALES.setdefault(languages, {})

    def locale_of(file: File) -> str:
        if file.src_path not in known:
            known[file.src_path] = find(file)
        return known[file.src_path]

    return locale_of


_LOCALES: dict[tuple[str, ...], dict[str, str]] = {}
