"""Load mkdocs.yml with the language list from docs/_data/languages.yml put into the i18n plugin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader

from victiminfo.errors import fail
from victiminfo.model.languages import LanguageList
from victiminfo.model.strings import UiStrings
from victiminfo.rules import Rule


def i18n_languages(languages: LanguageList, strings: dict[str, UiStrings]) -> list[dict[str, Any]]:
    """The i18n plugin's 'languages' option: our list, with the nav section titles translated."""
    source = strings[languages.default.code]
    return [
        {
            "locale": lang.code,
            "name": lang.name,
            "default": lang.default,
            "build": True,
            "site_name": strings[lang.code].t("site_name"),
            "nav_translations": _nav_translations(source, strings[lang.code]),
        }
        for lang in languages.languages
    ]


def _nav_translations(source: UiStrings, target: UiStrings) -> dict[str, str]:
    keys = [key for key in source.texts if key.startswith("nav_sections.")]
    return {source.texts[key]: target.texts[key] for key in keys}


def read_raw_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, before MkDocs validates it."""
    try:
        with config_file.open(encoding="utf-8") as fd:
            raw = yaml.load(fd, Loader=get_yaml_loader())
    except (OSError, yaml.YAMLError) as exc:
        raise fail(
            config_file, f"cannot read the configuration: {exc}", rule=Rule.CONFIG_UNREADABLE
        ) from None
    if not isinstance(raw, dict):
        raise fail(
            config_file,
            "the configuration must be a mapping of settings",
            rule=Rule.CONFIG_NOT_A_MAPPING,
            line=1,
        )
    return raw


def plugins_with_languages(
    config_file: Path, languages: LanguageList, strings: dict[str, UiStrings]
) -> list[Any]:
    """The 'plugins' list of mkdocs.yml, with the i18n plugin given our languages."""
    raw = read_raw_config(config_file)
    plugins = raw.get("plugins")
    if not isinstance(plugins, list):
        raise fail(
            config_file,
            "'plugins' must be a list that includes i18n",
            rule=Rule.PLUGINS_NOT_A_LIST,
            field="plugins",
        )
    out: list[Any] = []
    for entry in plugins:
        if isinstance(entry, dict) and "i18n" in entry:
            options = dict(entry["i18n"] or {})
            options["languages"] = i18n_languages(languages, strings)
            entry = {"i18n": options}
        out.append(entry)
    return out


def load_site_config(
    config_file: Path, languages: LanguageList, strings: dict[str, UiStrings], **overrides: Any
) -> MkDocsConfig:
    """The validated MkDocs configuration, ready for mkdocs.commands.build."""
    plugins = plugins_with_languages(config_file, languages, strings)
    try:
        return load_config(str(config_file), plugins=plugins, **overrides)
    except ConfigurationError as exc:
        raise fail(
            config_file, f"the configuration is not valid: {exc}", rule=Rule.CONFIG_INVALID
        ) from None
