"""The victiminfo plugin's options in mkdocs.yml, typed and validated as MkDocs validates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from victiminfo.errors import ContentError, Problem
from victiminfo.leaflets.plan import LeafletSettings
from victiminfo.model.freshness import DEFAULT_MAX_AGE_DAYS
from victiminfo.rules import Rule
from victiminfo.site.mkdocs_config import read_raw_config

PLUGIN = "victiminfo"
EXIT_ROUTE = re.compile(r"[a-z0-9][a-z0-9-]*/")


class PositiveDays(c.Type[int]):
    """A whole, positive number of days."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise base.ValidationError(
                f"must be a whole number of days, not {value!r} (write e.g. {self.default})"
            )
        return value


class ExitRoute(c.Type[str]):
    """A folder name on the site, such as 'lamna/': letters a-z, digits and dashes, then /."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not EXIT_ROUTE.fullmatch(value):
            raise base.ValidationError(
                f"must be a folder name of a-z, 0-9 and - ending in /, not {value!r}"
                f" (write e.g. {self.default})"
            )
        return value


class LeafletOptions(base.Config):  # type: ignore[no-untyped-call]
    """`leaflets:` what becomes a leaflet, and on what paper."""

    paper = c.Choice(("A5", "A4"), default="A5")
    print_shop = c.Type(bool, default=False)
    pages = c.ListOfItems(c.Type(str), default=["tjanster/*.md", "orter/*.md"])
    append = c.DictOfItems(c.ListOfItems(c.Type(str), default=[]), default={})


class VictimInfoConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options (`plugins: - victiminfo: ...` in mkdocs.yml)."""

    # A fact verified longer ago than this (from the edition date) is overdue: shown as
    # possibly out of date, and the leaflets that show it are drafts.
    facts_max_age_days = PositiveDays(DEFAULT_MAX_AGE_DAYS)
    leaflets = c.SubConfig(LeafletOptions)
    # Rendered leaflets and QR codes, relative to mkdocs.yml's folder.
    cache_dir = c.Type(str, default=".cache")
    # Build only these languages (besides the source language); empty: every language.
    # `victiminfo serve` sets it to the language being previewed.
    build_languages = c.ListOfItems(c.Type(str), default=[])
    # What serves the built site: `nginx` (the configuration `victiminfo server-config` makes,
    # with its security headers and the exit route) or `static` (any host: no exit route).
    server = c.Choice(("static", "nginx"), default="static")
    # Under `server: nginx`, the exit control goes through this address of the site, which
    # clears the browser's cache of the site (Clear-Site-Data) and sends the visitor on.
    exit_route = ExitRoute("lamna/")


def leaflet_settings(config: VictimInfoConfig) -> LeafletSettings:
    """The leaflet stage's settings from the plugin's options."""
    options = config.leaflets
    return LeafletSettings.model_validate(
        {
            "paper": options.paper,
            "print_shop": options.print_shop,
            "pages": tuple(options.pages),
            "append": {pattern: tuple(pages) for pattern, pages in options.append.items()},
        }
    )


def choose_paper(options: VictimInfoConfig, paper: str | None, print_shop: bool | None) -> None:
    """The command line's --paper and --print-shop over mkdocs.yml's `leaflets:` (None keeps
    it), before a build loads its state: the pages then link only the files it makes (#12)."""
    if paper is not None:
        options.leaflets.paper = paper
    if print_shop is not None:
        options.leaflets.print_shop = print_shop


OPTION_RULES = {
    "facts_max_age_days": Rule.MAX_AGE_INVALID,
    "leaflets": Rule.LEAFLET_SETTINGS_INVALID,
}


def plugin_entry(raw: dict[str, Any], config_file: Path) -> dict[str, Any] | None:
    """The options written under `- victiminfo:` in a raw mkdocs.yml, or None if not listed."""
    plugins = raw.get("plugins")
    if plugins is not None and not isinstance(plugins, list | dict):
        raise ContentError(
            [
                Problem(
                    config_file,
                    "'plugins' must be a list of plugins",
                    Rule.PLUGINS_NOT_A_LIST,
                    field="plugins",
                    hint=f"write '- material/search', '- {PLUGIN}', '- i18n: ...' under plugins:",
                )
            ]
        )
    entries = plugins.items() if isinstance(plugins, dict) else enumerate(plugins or [])
    for key, entry in entries:
        if entry == PLUGIN or key == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    return None


def validate_options(config_file: Path, options: dict[str, Any]) -> VictimInfoConfig:
    """The options validated by the plugin's own config class; problems name the field."""
    config = VictimInfoConfig(config_file_path=str(config_file))
    config.load_dict(options)
    failed, _warnings = config.validate()
    if failed:
        raise ContentError(
            [
                Problem(
                    config_file,
                    str(error),
                    OPTION_RULES.get(key.split(".")[0], Rule.PLUGIN_OPTION_INVALID),
                    field=f"plugins.{PLUGIN}.{key}",
                )
                for key, error in failed
            ]
        )
    return config


def read_options(config_file: Path) -> VictimInfoConfig:
    """The plugin's options as mkdocs.yml writes them, without loading the whole site config."""
    entry = plugin_entry(read_raw_config(config_file), config_file)
    if entry is None:
        raise ContentError(
            [
                Problem(
                    config_file,
                    f"the '{PLUGIN}' plugin is not in the plugins list",
                    Rule.PLUGIN_MISSING,
                    field="plugins",
                    hint=f"add '- {PLUGIN}' under plugins:, before i18n",
                )
            ]
        )
    return validate_options(config_file, entry)
