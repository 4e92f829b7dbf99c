"""Where things are in a project checkout (the real one, or a small fixture site in tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from victiminfo.gitrepo import GitRepo

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Project:
    """Paths of one project: its mkdocs.yml and what it points to."""

    root: Path
    cache_dir: str = ".cache"  # relative to root: the plugin's `cache_dir` option

    @property
    def config_file(self) -> Path:
        """The MkDocs configuration."""
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        """The content folder: one folder per language, and _data."""
        return self.root / "docs"

    @property
    def data(self) -> Path:
        """The fact and language data."""
        return self.docs / "_data"

    @property
    def templates(self) -> Path:
        """overrides/: components shared by web and print, and the leaflet templates."""
        return REPO / "overrides"

    @property
    def cache(self) -> Path:
        """Rendered leaflets by content hash, so unchanged leaflets are not rendered again."""
        return self.root / self.cache_dir / "leaflets"

    @property
    def qr_cache(self) -> Path:
        """QR codes by URL and settings, so that a rebuild does not draw them again."""
        return self.root / self.cache_dir / "qr"

    @property
    def theme_cache(self) -> Path:
        """Material language partials written from data, for languages Material has none for."""
        return self.root / self.cache_dir / "theme"

    @property
    def compressed_cache(self) -> Path:
        """The site's gzip and brotli copies by content: a rebuild compresses only what changed."""
        return self.root / self.cache_dir / "compressed"

    @property
    def words_cache(self) -> Path:
        """Words left in each translation, by the texts they are counted from (status page)."""
        return self.root / self.cache_dir / "words"

    @property
    def site(self) -> Path:
        """The build output."""
        return self.root / "site"


def edition_date(root: Path, fallback: date) -> date:
    """The date of the last commit (never the clock), or fallback outside a git checkout."""
    return GitRepo(root).last_commit_date() or fallback
