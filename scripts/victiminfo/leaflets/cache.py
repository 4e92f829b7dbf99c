"""The leaflet cache: each PDF under its input key, beside what the build reports of it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# A cached file that no build has used for this long is removed (a4/ holds imposed sheets).
UNUSED_DAYS = 30
CACHED_FILES = ("*.pdf", "*.json", "a4/*.pdf")


@dataclass(frozen=True)
class Record:
    """What the build says of a cached leaflet without composing it: its title, why a draft."""

    title: str
    doubts: tuple[str, ...]


def pdf_path(cache: Path, key: str) -> Path:
    """Where the PDF with this key is kept."""
    return cache / f"{key}.pdf"


def read_record(cache: Path, key: str) -> Record | None:
    """The record of a cached leaflet, or None when it (or its PDF) is not in the cache."""
    if not pdf_path(cache, key).exists():
        return None
    try:
        data = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        return Record(str(data["title"]), tuple(str(d) for d in data["doubts"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_record(cache: Path, key: str, record: Record) -> None:
    """Keep a leaflet's record; written after its PDF, so a record always has its PDF."""
    path = cache / f"{key}.json"
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    data = {"title": record.title, "doubts": list(record.doubts)}
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def mark_used(files: Iterable[Path], now: float | None = None) -> None:
    """Date the files a build used today, so that pruning keeps them."""
    stamp = time.time() if now is None else now
    for path in files:
        if path.exists():
            os.utime(path, (stamp, stamp))


def prune(cache: Path, now: float | None = None, days: int = UNUSED_DAYS) -> int:
    """Remove cached files no build has used for days; returns how many went."""
    cutoff = (time.time() if now is None else now) - days * 86400
    gone = 0
    for pattern in CACHED_FILES:
        for path in cache.glob(pattern):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                gone += 1
    return gone
