"""The leaflet cache stays the size of what builds use: unused files go after 30 days (#15)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from support import FIXTURES, build, copy_site
from victiminfo.leaflets.cache import UNUSED_DAYS, mark_used, prune

DAY = 86400.0


def _file(path: Path, age_days: float, now: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-")
    stamp = now - age_days * DAY
    os.utime(path, (stamp, stamp))
    return path


def test_prune_removes_only_what_no_build_used_for_30_days(tmp_path: Path) -> None:
    """Old unused PDFs, records and imposed sheets go; recent or just used ones stay (#15)."""
    now = time.time()
    old = [_file(tmp_path / n, UNUSED_DAYS + 1, now) for n in ("a.pdf", "a.json", "a4/x.a4.pdf")]
    used = _file(tmp_path / "b.pdf", UNUSED_DAYS + 5, now)
    recent = _file(tmp_path / "c.pdf", UNUSED_DAYS - 1, now)
    mark_used([used], now)
    assert prune(tmp_path, now) == 3
    assert not any(path.exists() for path in old)
    assert used.exists() and recent.exists()


def test_a_build_keeps_what_it_used_and_removes_what_it_did_not(tmp_path: Path) -> None:
    """After a build the cache holds its leaflets, and no PDF unused for 30 days (#15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    cache = root / ".cache" / "leaflets"
    stale = _file(cache / f"{'0' * 64}.pdf", UNUSED_DAYS + 1, time.time())
    build(root, tmp_path / "site")
    kept = sorted(cache.glob("*.pdf"))
    assert not stale.exists()
    assert kept and all(time.time() - p.stat().st_mtime < DAY for p in kept)
    second = build(root, tmp_path / "again")
    assert sorted(cache.glob("*.pdf")) == kept and (second / "leaflets").is_dir()
