"""Live preview on MkDocs' own serve: live reload, the site's 404 page, one language by default.

The preview builds only the language the editor is looking at (the source language unless
--lang says otherwise, or --lang all), and no leaflets, so that a saved page is shown again
within a second or two even on a large site (issue #7). Plain `mkdocs serve` builds them all.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import mkdocs.commands.serve
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.livereload import LiveReloadServer

from victiminfo.errors import fail
from victiminfo.model.languages import LanguageList, load_languages
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.site.config import PLUGIN
from victiminfo.site.mkdocs_config import read_raw_config

ALL = "all"
SERVER = "LiveReloadServer"  # the name MkDocs' serve makes its server by
POLL_SECONDS = 0.2  # how often the preview looks for saved files (MkDocs: 0.5 s)


class QuickLiveReloadServer(LiveReloadServer):
    """MkDocs' live-reload server, looking for saved files every POLL_SECONDS: a save waited
    0.25 s on average, up to 0.5 s, before the rebuild began (issue #15)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("polling_interval", POLL_SECONDS)
        super().__init__(*args, **kwargs)


@contextmanager
def quick_reload() -> Iterator[None]:
    """MkDocs' serve with the quicker server, for this preview only (plain `mkdocs serve`
    keeps its own)."""
    module = vars(mkdocs.commands.serve)
    original = module[SERVER]
    module[SERVER] = QuickLiveReloadServer
    try:
        yield
    finally:
        module[SERVER] = original


def preview_language(languages: LanguageList, lang: str | None, project: Project) -> str:
    """The language to preview: lang if it is one of ours, else the source language."""
    if lang is None:
        return languages.default.code
    if lang not in languages.codes:
        raise fail(
            project.data / "languages.yml",
            f"--lang {lang}: no such language; use one of {', '.join(languages.codes)} or all",
            rule=Rule.LANGUAGE_UNKNOWN,
        )
    return lang


def plugins_by_name(plugins: list[Any] | dict[str, Any]) -> dict[str, Any]:
    """mkdocs.yml's plugins as one mapping of name to options, in their order.

    MkDocs empties each one-plugin mapping of a plugins *list* as it reads it (popitem), so a
    list given to `serve` breaks every rebuild after the first ("Invalid Plugins
    configuration"); a mapping it only reads.
    """
    if isinstance(plugins, dict):
        return {name: dict(options or {}) for name, options in plugins.items()}
    out: dict[str, Any] = {}
    for entry in plugins:
        if isinstance(entry, dict):
            out.update({name: dict(options or {}) for name, options in entry.items()})
        else:
            out[str(entry)] = {}
    return out


def with_plugin_options(plugins: dict[str, Any], **options: Any) -> dict[str, Any]:
    """The plugins with these options added to the victiminfo plugin's."""
    return {
        name: {**config, **options} if name == PLUGIN else config
        for name, config in plugins.items()
    }


def preview_plugins(project: Project, lang: str | None) -> dict[str, Any]:
    """The plugins for a preview of lang (every language for 'all')."""
    plugins = plugins_by_name(read_raw_config(project.config_file).get("plugins") or [])
    if lang == ALL:
        return plugins
    languages = load_languages(project.data / "languages.yml")
    return with_plugin_options(
        plugins, build_languages=[preview_language(languages, lang, project)]
    )


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C does, so that MkDocs removes its temporary folder."""
    raise KeyboardInterrupt


def serve(
    project: Project,
    address: str = "127.0.0.1:8000",
    lang: str | None = None,
    *,
    open_browser: bool = False,
    dirty: bool = False,
) -> int:
    """Serve the site with live reload until interrupted (only lang's pages, unless 'all')."""
    plugins = preview_plugins(project, lang)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with quick_reload():
            mkdocs_serve(
                str(project.config_file),
                livereload=True,
                build_type="dirty" if dirty else None,
                watch=[str(project.templates)],
                open_in_browser=open_browser,
                dev_addr=address,
                plugins=plugins,
            )
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
