"""The i18n plugin's languages, filled in from docs/_data/languages.yml (written there once)."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n.config import I18nPluginLanguage

from victiminfo.model.languages import LanguageList
from victiminfo.model.strings import UiStrings
from victiminfo.site.state import SiteState

I18N = "i18n"


class EditionLanguage(I18nPluginLanguage):  # type: ignore[misc]  # the plugin is untyped
    """An i18n plugin language whose locale our model has validated (issue #13).

    The plugin's own check takes only two-letter codes; ours (model/languages.py) takes every
    BCP 47 tag (ckb, kmr, prs) and an edition's word (lattlast). The plugin matches a page's
    folder against its configured locales first, so it finds their pages all the same.
    """

    locale = config_options.Type(str)


def i18n_plugin(config: MkDocsConfig) -> Any:
    """The mkdocs-static-i18n plugin of this configuration."""
    try:
        return config.plugins[I18N]
    except KeyError:
        raise PluginError(
            f"{config.config_file_path}: the '{I18N}' plugin (mkdocs-static-i18n) is not in "
            "the plugins list: add it after victiminfo"
        ) from None


def i18n_languages(
    languages: LanguageList, strings: dict[str, UiStrings], build: list[str] | None = None
) -> list[dict[str, Any]]:
    """The i18n plugin's 'languages': ours, with nav titles translated; build limits them."""
    source = strings[languages.default.code]
    return [
        {
            "locale": lang.code,
            "name": lang.name,
            "default": lang.default,
            "build": lang.default or not build or lang.code in build,
            "site_name": strings[lang.code].t("site_name"),
            "nav_translations": _nav_translations(source, strings[lang.code]),
        }
        for lang in languages.languages
    ]


def _nav_translations(source: UiStrings, target: UiStrings) -> dict[str, str]:
    keys = [key for key in source.texts if key.startswith("nav_sections.")]
    return {source.texts[key]: target.texts[key] for key in keys}


def fill_languages(config: MkDocsConfig, state: SiteState, build: list[str]) -> None:
    """Give the i18n plugin our languages, before its own on_config reads them."""
    plugin = i18n_plugin(config)
    languages = state.catalog.languages
    _check_build(build, languages, state)
    written = [lang.locale for lang in plugin.config.languages if lang.default]
    if written != [languages.default.code]:
        raise PluginError(
            f"{config.config_file_path}: the i18n plugin's default language is {written}, but "
            f"docs/_data/languages.yml says '{languages.default.code}': write the same one"
        )
    plugin.config.languages = [
        _validated(entry, config) for entry in i18n_languages(languages, state.strings, build)
    ]


def _check_build(build: list[str], languages: LanguageList, state: SiteState) -> None:
    unknown = [code for code in build if code not in languages.codes]
    if unknown:
        raise PluginError(
            f"build_languages: no language {', '.join(unknown)} in "
            f"{state.project.data / 'languages.yml'} (known: {', '.join(languages.codes)})"
        )


def _validated(entry: dict[str, Any], config: MkDocsConfig) -> I18nPluginLanguage:
    language = EditionLanguage(config_file_path=config.config_file_path)
    language.load_dict(entry)
    failed, _ = language.validate()
    if failed:
        problems = "; ".join(f"{key}: {error}" for key, error in failed)
        raise PluginError(
            f"language '{entry['locale']}' is not valid for the i18n plugin: {problems}"
        )
    return language
