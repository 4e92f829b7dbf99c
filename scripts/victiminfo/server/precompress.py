"""Precompressed copies of the site's text files: FILE.gz (gzip_static), FILE.br (brotli_static)."""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

# Text worth compressing; images (other than SVG), fonts and PDFs are compressed already.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
# Below this size a compressed copy saves less than the extra request handling costs.
MIN_BYTES = 256
# Brotli's best: about a fifth smaller than gzip -9 here, but slow (some 40 s for the whole
# site on a busy 2-core machine), so each file's copy is kept by its bytes in the cache.
BROTLI_QUALITY = 11


def compressible(path: Path) -> bool:
    """Whether a built file gets compressed copies beside it."""
    return path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_BYTES


def write_gzip(path: Path) -> Path:
    """path.gz beside path: the smallest gzip, with no name or time in it (reproducible)."""
    target = path.with_name(path.name + ".gz")
    data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
    target.write_bytes(data)
    return target


def write_brotli(path: Path, cache: Path) -> Path:
    """path.br beside path: brotli at its best, from the cache when these bytes were seen."""
    target = path.with_name(path.name + ".br")
    target.write_bytes(cached_brotli(path.read_bytes(), cache))
    return target


def cached_brotli(data: bytes, cache: Path) -> bytes:
    """brotli.compress(data) at BROTLI_QUALITY, kept in cache by the data and the settings."""
    digest = hashlib.sha256(f"{brotli.__version__}:{BROTLI_QUALITY}\0".encode("ascii"))
    digest.update(data)
    kept = cache / f"{digest.hexdigest()}.br"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    compressed: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = kept.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(compressed)
    tmp.replace(kept)
    return compressed


def precompress(site: Path, cache: Path) -> list[Path]:
    """A .gz and a .br copy beside every compressible file of the site; the copies written.

    cache: where the brotli copies are kept between builds (brotli at its best is slow)."""
    files = [path for path in sorted(site.rglob("*")) if compressible(path)]
    return [copy for path in files for copy in (write_gzip(path), write_brotli(path, cache))]
