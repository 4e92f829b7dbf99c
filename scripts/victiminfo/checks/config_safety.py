"""mkdocs.yml must not make the build run or load code from a pull request or another host.

`hooks` are Python run by MkDocs, a plugin is code, and a remote `extra_javascript` or
`extra_css` is loaded by every visitor's browser. MkDocs runs hooks while it reads the
configuration, before any plugin: only the check, run before the build, can refuse them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from victiminfo.errors import Problem
from victiminfo.rules import Rule

PLUGINS = {"search", "material/search", "victiminfo", "i18n"}
ASSET_KEYS = ("extra_javascript", "extra_css")


def config_safety_problems(config_file: Path, raw: dict[str, Any]) -> list[Problem]:
    """Hooks, remote scripts and style sheets, and plugins the project does not use."""
    found = [*_hooks(raw), *_remote_assets(raw), *_unknown_plugins(raw)]
    return [_problem(config_file, message) for message in found]


def _hooks(raw: dict[str, Any]) -> Iterator[str]:
    if raw.get("hooks"):
        yield "'hooks' runs Python from the repository while MkDocs reads this file"


def _remote_assets(raw: dict[str, Any]) -> Iterator[str]:
    for key in ASSET_KEYS:
        for entry in raw.get(key) or []:
            path = str(entry.get("path", "") if isinstance(entry, dict) else entry)
            if "//" in path or ":" in path:
                yield f"{key} '{path}' is loaded from another host by every visitor"


def _unknown_plugins(raw: dict[str, Any]) -> Iterator[str]:
    plugins = raw.get("plugins") or []
    names = plugins if isinstance(plugins, dict) else [_plugin_name(p) for p in plugins]
    for name in names:
        if str(name) not in PLUGINS:
            yield f"the plugin '{name}' is code this project does not use"


def _plugin_name(entry: Any) -> Any:
    return next(iter(entry), "") if isinstance(entry, dict) else entry


def _problem(config_file: Path, message: str) -> Problem:
    return Problem(
        config_file,
        message,
        rule=Rule.CONFIG_RUNS_CODE,
        hint="remove it; a new plugin or script is a change to the code: ask the developers "
        "(SECURITY.md)",
    )
