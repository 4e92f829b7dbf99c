"""A build split by language into shards, built apart and merged into one site (issue #15).

A shard (`victiminfo build --shard K/N`) makes the leaflets of every N-th language, starting
with the K-th in languages.yml. Shard 1 has the source language, and it builds the web site
too, with everything that is not a language's leaflets: the pages of every language, search
indexes, 404 pages, sitemap, print page, language cards. The web site is not split, because
mkdocs-static-i18n gives a page's language switcher and sitemap entry only the languages it
builds in the same run; it is the smaller part (the leaflets are about four fifths of a full
build's CPU). The merge takes shard 1 and each language's leaflets from its shard, so that the
merged site has the bytes of one whole build.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from victiminfo.errors import ContentError, Problem
from victiminfo.model.languages import LanguageList
from victiminfo.rules import Rule

MARKER = ".victiminfo-shard.json"  # in a shard's folder: the languages it owns
LEAFLETS = "leaflets"  # leaflets/<code>/: a language's leaflets and print files


@dataclass(frozen=True)
class Shard:
    """One shard of a build: its number, of how many."""

    number: int
    count: int

    def languages(self, languages: LanguageList) -> list[str]:
        """The codes this shard builds: every count-th, from its number on (1 has the source)."""
        return languages.codes[self.number - 1 :: self.count]


def parse_shard(text: str) -> Shard:
    """'K/N' as a Shard; ValueError with what to write otherwise."""
    match = re.fullmatch(r"(\d+)/(\d+)", text.strip())
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise ValueError(f"'{text}' is not a shard: write K/N with 1 <= K <= N, e.g. 2/3")
    return Shard(int(match[1]), int(match[2]))


def write_marker(folder: Path, codes: Sequence[str]) -> None:
    """Say in a shard's folder which languages it owns."""
    (folder / MARKER).write_text(json.dumps({"languages": list(codes)}) + "\n", "utf-8")


def owner(rel: PurePosixPath, codes: set[str], default: str) -> str:
    """The language whose shard a built file comes from: its leaflets' language, else the
    source language (the web site)."""
    parts = rel.parts
    if parts[0] == LEAFLETS and len(parts) > 2 and parts[1] in codes:
        return parts[1]
    return default


def shard_owners(shards: Sequence[Path], languages: LanguageList) -> dict[str, Path]:
    """Which shard owns each language; an error unless each has exactly one."""
    owners: dict[str, Path] = {}
    problems = []
    for shard in shards:
        for code in _marked(shard):
            if code in owners:
                problems.append(f"'{code}' is in both {owners[code]} and {shard}")
            owners[code] = shard
    missing = [code for code in languages.codes if code not in owners]
    unknown = [code for code in owners if code not in languages.codes]
    if missing:
        problems.append(f"no shard has {', '.join(missing)}: build them with --shard")
    if unknown:
        problems.append(f"not in languages.yml: {', '.join(unknown)}")
    if problems:
        raise _error(shards[0], "; ".join(problems))
    return owners


def _marked(shard: Path) -> list[str]:
    try:
        data = json.loads((shard / MARKER).read_text("utf-8"))
        return [str(code) for code in data["languages"]]
    except (OSError, ValueError, KeyError, TypeError):
        raise _error(shard, f"not a shard: {MARKER} is missing or unreadable") from None


def _error(path: Path, message: str) -> ContentError:
    hint = "build each shard with `victiminfo build --shard K/N --site-dir FOLDER`, then merge"
    return ContentError([Problem(path, message, Rule.SHARDS_INVALID, hint=hint)])


def merge_shards(shards: Sequence[Path], out: Path, languages: LanguageList) -> None:
    """Copy into out the web site of the source language's shard, and each language's
    leaflets from the shard that made them."""
    owners = shard_owners(shards, languages)
    codes, default = set(languages.codes), languages.default.code
    for shard in dict.fromkeys(owners.values()):
        for path in sorted(shard.rglob("*")):
            rel = PurePosixPath(path.relative_to(shard).as_posix())
            ours = owners[owner(rel, codes, default)] == shard
            if path.is_file() and rel.name != MARKER and ours:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out / rel)
