"""Precompressed copies of the site's text files (FILE.gz), for nginx's gzip_static."""

from __future__ import annotations

import gzip
from pathlib import Path

# Text worth compressing; images (other than SVG), fonts and PDFs are compressed already.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
# Below this size a compressed copy saves less than the extra request handling costs.
MIN_BYTES = 256


def compressible(path: Path) -> bool:
    """Whether a built file gets a .gz copy beside it."""
    return path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_BYTES


def write_gzip(path: Path) -> Path:
    """path.gz beside path: the smallest gzip, with no name or time in it (reproducible)."""
    target = path.with_name(path.name + ".gz")
    data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
    target.write_bytes(data)
    return target


def precompress(site: Path) -> list[Path]:
    """A .gz copy beside every compressible file of the site; the copies written."""
    return [write_gzip(path) for path in sorted(site.rglob("*")) if compressible(path)]
