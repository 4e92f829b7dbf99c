"""Precompressed copies of the site's text files: FILE.gz (gzip_static), FILE.br (brotli_static)."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import brotli

from victiminfo.keptfiles import kept

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


def write_gzip(path: Path, cache: Path) -> Path:
    """path.gz beside path: the smallest gzip, with no name or time in it (reproducible)."""
    target = path.with_name(path.name + ".gz")
    target.write_bytes(cached_copy(path.read_bytes(), cache, GZIP))
    return target


def write_brotli(path: Path, cache: Path) -> Path:
    """path.br beside path: brotli at its best, from the cache when these bytes were seen."""
    target = path.with_name(path.name + ".br")
    target.write_bytes(cached_copy(path.read_bytes(), cache, BROTLI))
    return target


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _brotli(data: bytes) -> bytes:
    compressed: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
    return compressed


class Codec(NamedTuple):
    """A compressed copy's file suffix, its settings (with the library version that decides
    its bytes), and the compression itself."""

    suffix: str
    settings: str
    compress: Callable[[bytes], bytes]


GZIP = Codec("gz", f"zlib {zlib.ZLIB_RUNTIME_VERSION}:9", _gzip)
BROTLI = Codec("br", f"brotli {brotli.__version__}:{BROTLI_QUALITY}", _brotli)


def cached_copy(data: bytes, cache: Path, codec: Codec) -> bytes:
    """data compressed by codec, kept in cache by the data and the codec's settings (a
    rebuild compresses only what changed, issue #15)."""
    digest = hashlib.sha256(f"{codec.suffix}:{codec.settings}\0".encode("ascii"))
    digest.update(data)
    return kept(cache / f"{digest.hexdigest()}.{codec.suffix}", lambda: codec.compress(data))


def precompress(site: Path, cache: Path) -> list[Path]:
    """A .gz and a .br copy beside every compressible file of the site; the copies written.

    cache: where the copies are kept between builds (brotli at its best is slow)."""
    files = [path for path in sorted(site.rglob("*")) if compressible(path)]
    return [copy for path in files for copy in (write_gzip(path, cache), write_brotli(path, cache))]
