"""Build the site into a temporary folder and swap it into place only when everything passed."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build

from victiminfo.model.languages import load_languages
from victiminfo.model.strings import load_strings
from victiminfo.project import Project
from victiminfo.site.mkdocs_config import load_site_config

Step = Callable[[Path], None]


def build_site_into(project: Project, out: Path) -> None:
    """Run the MkDocs build (every language) into out."""
    languages = load_languages(project.data / "languages.yml")
    strings = load_strings(project.data / "ui", languages)
    config = load_site_config(project.config_file, languages, strings, site_dir=str(out))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    mkdocs_build(config)


def build_and_swap(project: Project, steps: list[Step], target: Path | None = None) -> Path:
    """Run every step into a fresh folder, then swap it into target (default: site/)."""
    target = (target or project.site).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    try:
        for step in steps:
            step(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap(tmp, target)
    return target


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        target.rename(old / target.name)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
