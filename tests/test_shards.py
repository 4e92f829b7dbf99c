"""A build split by language into shards and merged is the whole build, byte for byte (#15)."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest

from support import FIXTURES, copy_site, run_cli
from victiminfo.model.languages import load_languages
from victiminfo.site.shards import MARKER, Shard, parse_shard


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _run(*args: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    """The fixture built whole, and built as two shards merged; and the shards."""
    tmp = tmp_path_factory.mktemp("shards")
    root = copy_site(FIXTURES / "small-site", tmp / "project")
    _run("build", "--root", str(root), "--site-dir", str(tmp / "whole"))
    shards = [tmp / f"shard-{k}" for k in (1, 2)]
    for k, shard in enumerate(shards, 1):
        _run("build", "--root", str(root), "--shard", f"{k}/2", "--site-dir", str(shard))
    _run("merge", "--root", str(root), *map(str, shards), "--site-dir", str(tmp / "merged"))
    return tmp / "whole", tmp / "merged", shards


def test_two_shards_merged_equal_one_whole_build(sites: tuple[Path, Path, list[Path]]) -> None:
    """Every file, pages, search indexes, 404 pages, sitemap, leaflets, cards (issue #15)."""
    whole, merged, _ = sites
    assert _files(merged) == _files(whole)
    differ = [f for f in sorted(_files(whole)) if not filecmp.cmp(whole / f, merged / f, False)]
    assert not differ, differ


def test_a_shard_writes_its_own_languages_leaflets_only(
    sites: tuple[Path, Path, list[Path]],
) -> None:
    """Shard 1 of 2 has the web site and its languages' leaflets; 2 only its leaflets (#15)."""
    _, _, (first, second) = sites
    assert json.loads((first / MARKER).read_text("utf-8")) == {"languages": ["sv", "ar"]}
    assert {p.name for p in (first / "leaflets").iterdir()} - {"cards"} == {"sv", "ar"}
    assert (first / "index.html").is_file() and (first / "en/index.html").is_file()
    assert {p.name for p in second.iterdir()} == {"leaflets", MARKER}
    assert {p.name for p in (second / "leaflets").iterdir()} == {"en", "ti"}


def test_shards_split_the_languages_round_robin() -> None:
    """K/N takes every N-th language from the K-th; the source language is in 1/N (#15)."""
    languages = load_languages(FIXTURES / "small-site/docs/_data/languages.yml")
    assert languages.codes == ["sv", "en", "ar", "ti"]
    assert Shard(1, 3).languages(languages) == ["sv", "ti"]
    assert [parse_shard(f"{k}/3").languages(languages) for k in (2, 3)] == [["en"], ["ar"]]
    with pytest.raises(ValueError, match="write K/N"):
        parse_shard("3/2")


def test_merging_without_every_language_is_refused(
    sites: tuple[Path, Path, list[Path]], tmp_path: Path
) -> None:
    """One shard of two: the merge names what is missing, and writes nothing (issue #15)."""
    _, _, (first, _) = sites
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    target = tmp_path / "merged"
    result = run_cli("merge", "--root", str(root), str(first), "--site-dir", str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = result.stdout + result.stderr
    assert "VI606" in out and "no shard has en, ti" in out, out
    assert not target.exists()
