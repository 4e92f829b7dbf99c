"""Precompressed copies of the site's text files: FILE.gz (gzip_static), FILE.br (brotli_static)."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import brotli

from victiminfo.keptfiles import kept

# Text worth compressing; images (other than SVG), fonts and PDFs are compressed already.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
# Below this size a compressed copy saves less than the extra request handling costs.
MIN_BYTES = 256
# Brotli at 10: a fifth smaller than gzip -9 here; 11 is 2% smaller still but 3.4 times as
# slow (15 against 4.4 CPU s for a site of 24 services in 10 languages, issue #15). Slow
# either way, so each file's copy is kept by its bytes in the cache, and made in threads
# (brotli and zlib let go of the interpreter while they compress).
BROTLI_QUALITY = 10


def compressible(path: Path) -> bool:
    """Whether a built file gets compressed copies beside it."""
    return path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_BYTES


def write_copies(path: Path, cache: Path) -> tuple[Path, Path]:
    """path.gz and path.br beside path, from the cache when these bytes were seen: the
    smallest gzip with no name or time in it, and brotli (both reproducible)."""
    data = path.read_bytes()
    copies = []
    for codec in (GZIP, BROTLI):
        target = path.with_name(f"{path.name}.{codec.suffix}")
        target.write_bytes(cached_copy(data, cache, codec))
        copies.append(target)
    return copies[0], copies[1]


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


def compressible_files(site: Path) -> list[Path]:
    """The files of the site that get compressed copies, in a fixed order."""
    return [path for path in sorted(site.rglob("*")) if compressible(path)]


def precompress(site: Path, cache: Path, threads: int = 1) -> list[Path]:
    """A .gz and a .br copy beside every compressible file of the site; the copies written.

    cache: where the copies are kept between builds (brotli is slow)."""
    with ThreadPoolExecutor(threads) as pool:
        pairs = pool.map(lambda path: write_copies(path, cache), compressible_files(site))
        return [copy for pair in pairs for copy in pair]


def warm(path: Path, cache: Path) -> None:
    """path's compressed copies made into the cache only (precompress then writes them)."""
    data = path.read_bytes()
    for codec in (GZIP, BROTLI):
        cached_copy(data, cache, codec)


@contextmanager
def compressing_meanwhile(site: Path, cache: Path, threads: int) -> Iterator[None]:
    """The site's files compressed into the cache in threads while the block runs (the
    leaflets render), so that precompress afterwards only copies (issue #15). A file changed
    after it was read is compressed again then: the cache is keyed by the bytes.
    threads 0: nothing is compressed meanwhile."""
    if threads == 0:
        yield
        return
    pool = ThreadPoolExecutor(threads, thread_name_prefix="precompress")
    futures = [pool.submit(warm, path, cache) for path in compressible_files(site)]
    try:
        yield
        for future in futures:
            future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
