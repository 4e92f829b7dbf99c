"""Build the site into a temporary folder and swap it into place only when everything passed."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig

from victiminfo.errors import fail
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.site.config import PLUGIN, choose_paper
from victiminfo.site.mkdocs_config import load_site_config
from victiminfo.site.plugin import VictimInfoPlugin
from victiminfo.site.state import SiteState

Step = Callable[[Path], object]


def victiminfo_plugin(config: MkDocsConfig) -> VictimInfoPlugin:
    """The victiminfo plugin of a loaded configuration."""
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, VictimInfoPlugin):
        raise fail(
            Path(config.config_file_path),
            f"the '{PLUGIN}' plugin is not in the plugins list",
            Rule.PLUGIN_MISSING,
            field="plugins",
            hint=f"add '- {PLUGIN}' under plugins:, before i18n",
        )
    return plugin


class SiteBuild:
    """One MkDocs build (every language) into a folder, with its state loaded before it runs:
    the leaflets start from that state and render while the site is built (issue #15).

    paper, print_shop: the command line's choice over mkdocs.yml's (None keeps mkdocs.yml's),
    chosen before the state loads: the pages then link only the files the leaflets make (#12).
    """

    def __init__(
        self, project: Project, out: Path, paper: str | None = None, print_shop: bool | None = None
    ) -> None:
        self.config = load_site_config(project.config_file, site_dir=str(out))
        self.plugin = victiminfo_plugin(self.config)
        choose_paper(self.plugin.config, paper, print_shop)
        self.plugin.errors_to_mkdocs = False  # our command line reports content errors itself
        self.state = self.plugin.preload(self.config)

    def run(self) -> SiteState:
        """Build the site; the state it used."""
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        mkdocs_build(self.config)
        return self.plugin.loaded


def build_site_into(
    project: Project, out: Path, paper: str | None = None, print_shop: bool | None = None
) -> SiteState:
    """Run the MkDocs build (every language) into out; the state it loaded, for the leaflets."""
    return SiteBuild(project, out, paper, print_shop).run()


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
    readable_by_everyone(tmp)
    _swap(tmp, target)
    return target


def readable_by_everyone(folder: Path) -> None:
    """Folders 755, files 644: the web server's own user (not the builder) must read them.

    mkdtemp makes its folder 700 whatever the umask, so nginx's worker answered 403 (issue #14).
    """
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if not path.is_symlink():  # chmod would follow it, out of the site
            path.chmod(0o755 if path.is_dir() else 0o644)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        target.rename(old / target.name)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
