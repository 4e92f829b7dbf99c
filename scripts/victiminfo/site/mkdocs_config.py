"""mkdocs.yml: read as plain data (for checks), or loaded and validated by MkDocs (for builds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader

from victiminfo.errors import fail
from victiminfo.rules import Rule


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


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """The validated MkDocs configuration (plugins loaded), ready for mkdocs.commands.build."""
    try:
        return load_config(str(config_file), **overrides)
    except ConfigurationError as exc:
        raise fail(
            config_file, f"the configuration is not valid: {exc}", rule=Rule.CONFIG_INVALID
        ) from None
