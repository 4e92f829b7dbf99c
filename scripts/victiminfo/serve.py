"""Live preview: MkDocs' dev server with our language list and a CSP that allows live reload."""

from __future__ import annotations

from typing import Any

from mkdocs.commands.serve import serve as mkdocs_serve

from .languages import load_languages
from .project import Project
from .site_config import plugins_with_languages, read_raw_config
from .strings import load_strings


def preview_extra(project: Project) -> dict[str, Any]:
    """mkdocs.yml's 'extra' with the preview flag (templates then allow the reload script)."""
    return {**(read_raw_config(project.config_file).get("extra") or {}), "preview": True}


def serve(project: Project, address: str = "127.0.0.1:8000") -> int:
    """Serve the site with live reload until interrupted."""
    languages = load_languages(project.data / "languages.yml")
    strings = load_strings(project.data / "ui", languages)
    mkdocs_serve(
        config_file=str(project.config_file),
        dev_addr=address,
        livereload=True,
        watch=[str(project.root / "overrides"), str(project.root / "scripts" / "victiminfo")],
        plugins=plugins_with_languages(project.config_file, languages, strings),
        extra=preview_extra(project),
    )
    return 0
