"""Live preview: MkDocs' dev server with our language list and a CSP that allows live reload.

The preview builds only the language the editor is looking at (the source language unless
--lang says otherwise, or --lang all), and no leaflets, so that a saved page is shown again
within a second or two even on a large site (issue #7).
"""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.livereload import LiveReloadServer, _serve_url

from victiminfo.errors import fail
from victiminfo.model.languages import LanguageList, load_languages
from victiminfo.model.strings import load_strings
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.site.mkdocs_config import plugins_with_languages, read_raw_config

ALL = "all"
log = logging.getLogger("mkdocs")


def preview_extra(project: Project) -> dict[str, Any]:
    """mkdocs.yml's 'extra' with the preview flag (templates then allow the reload script)."""
    return {**(read_raw_config(project.config_file).get("extra") or {}), "preview": True}


def preview_config(project: Project, site_dir: str, address: str, lang: str | None) -> MkDocsConfig:
    """A fresh configuration for one preview build (languages and strings read again)."""
    languages = load_languages(project.data / "languages.yml")
    strings = load_strings(project.data / "ui", languages)
    plugins = plugins_with_languages(project.config_file, languages, strings)
    if lang != ALL:
        plugins = only_language(plugins, preview_language(languages, lang, project))
    try:
        config = load_config(
            str(project.config_file),
            plugins=plugins,
            site_dir=site_dir,
            dev_addr=address,
            extra=preview_extra(project),
        )
    except ConfigurationError as exc:
        raise fail(
            project.config_file, f"the configuration is not valid: {exc}", rule=Rule.CONFIG_INVALID
        ) from None
    config.watch.extend([str(project.templates), str(project.root / "scripts" / "victiminfo")])
    return config


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


def only_language(plugins: list[Any], code: str) -> list[Any]:
    """The plugins with i18n building only code (and the source language it falls back to)."""
    out: list[Any] = []
    for entry in plugins:
        if isinstance(entry, dict) and "i18n" in entry:
            options = dict(entry["i18n"])
            options["languages"] = [
                {**lang, "build": lang["default"] or lang["locale"] == code}
                for lang in options["languages"]
            ]
            entry = {"i18n": options}
        out.append(entry)
    return out


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C does, so that its temporary folder is removed."""
    raise KeyboardInterrupt


def serve(project: Project, address: str = "127.0.0.1:8000", lang: str | None = None) -> int:
    """Serve the site with live reload until interrupted (only lang's pages, unless 'all')."""
    site_dir = tempfile.mkdtemp(prefix="victiminfo-preview-")
    config = preview_config(project, site_dir, address, lang)
    host, port = config.dev_addr
    serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)

    def builder(changed: MkDocsConfig | None = None) -> None:
        current = changed or preview_config(project, site_dir, address, lang)
        current.site_url = serve_url
        mkdocs_build(current, serve_url=serve_url)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir)
    signal.signal(signal.SIGTERM, _stop)
    try:
        config.plugins.on_startup(command="serve", dirty=False)
        builder(config)
        for path in [config.docs_dir, str(project.config_file), *config.watch]:
            server.watch(path)
        log.warning("Preview on %s (%s)", serve_url, lang or "source language only")
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.warning("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
