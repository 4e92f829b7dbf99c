"""A build's inputs as one key and its output as a listing: a build whose key and output are
those the last one left is not run again (issue #15).

The key covers everything a build reads: every file of the project folder (but what builds
write and tools keep), this package's code and templates, the installed distributions and
their versions, Python's, the native libraries WeasyPrint loads and the fonts fontconfig
resolves, the commit git is at (translation status and edition date come from history),
the environment variables the build or mkdocs.yml read, and the command's options. The build
reads no clock (its date is the last commit's). The listing is every output file's path,
size, mode and time of change, so a site changed or removed by hand is built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import victiminfo
from victiminfo.gitrepo import GitRepo
from victiminfo.keptfiles import write_whole
from victiminfo.leaflets.renderer_versions import file_stamp, native_versions
from victiminfo.project import Project
from victiminfo.server.nginx import config_beside

KEY_VERSION = "build-1"  # change when what goes into a key changes
KEPT = frozenset(  # folders of tools and builds, never inputs
    {".git", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "node_modules"}
)
SWAP_PREFIXES = (".site-new-", ".site-old-")  # build_and_swap's folders, while it runs
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "LC_COLLATE", "TZ")
OWN_PREFIX = "VICTIMINFO_"
NAME = re.compile(r"\b[A-Z][A-Z0-9_]+\b")  # in mkdocs.yml: what an !ENV tag may read


@dataclass(frozen=True)
class Stamp:
    """What a build left: its key, its output's listing, and its leaflets' report (how many,
    then the draft lines, brief and --verbose)."""

    key: str
    listing: str
    leaflets: int | None = None
    brief: tuple[str, ...] = ()
    verbose: tuple[str, ...] = ()

    def lines(self, verbose: bool) -> tuple[str, ...]:
        """The report's lines after the count, brief or with every draft leaflet."""
        return self.verbose if verbose else self.brief


def build_key(
    project: Project, target: Path, options: Mapping[str, object], fonts: Sequence[Path]
) -> str:
    """The key of a build of project into target with these options and leaflet fonts."""
    digest = hashlib.sha256()
    for part in _parts(project, target, options, fonts):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for path, data in input_files(project, target):
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    return digest.hexdigest()


def _parts(
    project: Project, target: Path, options: Mapping[str, object], fonts: Sequence[Path]
) -> Iterator[str]:
    yield KEY_VERSION
    yield json.dumps({"target": str(target), **options}, sort_keys=True, default=str)
    yield f"python={sys.version} {sys.executable}"
    yield from distributions()
    yield from native_versions()
    yield from (file_stamp(font) for font in fonts)
    yield f"git={GitRepo(project.root).head(40)}"
    yield from environment(project.config_file)


def distributions() -> list[str]:
    """Every installed distribution as name=version, sorted."""
    found = {f"{d.metadata['Name']}={d.version}" for d in metadata.distributions()}
    return sorted(found)


def environment(config_file: Path) -> list[str]:
    """The variables a build reads: ours, the locale's and the date's, and any mkdocs.yml
    names (an !ENV tag), with their values."""
    try:
        named = set(NAME.findall(config_file.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        named = set()
    wanted = named | set(ENVIRONMENT) | {k for k in os.environ if k.startswith(OWN_PREFIX)}
    return [f"{name}={os.environ.get(name)}" for name in sorted(wanted)]


def input_files(project: Project, target: Path) -> Iterator[tuple[str, bytes]]:
    """Every file a build may read, by path and bytes: the project folder's (through links, but
    not the site folders and the cache), this package's and the templates' (each folder once),
    in a fixed order."""
    package = Path(victiminfo.__file__).resolve().parent
    written = (target, project.site.resolve(), project.root / project.cache_dir)
    skipped = {path.resolve() for path in written}
    skipped |= {config_beside(path) for path in written[:2]}
    seen: set[Path] = set()
    for top in (project.root, package, project.templates):
        yield from _walk(top, skipped, seen)


def _walk(top: Path, skipped: set[Path], seen: set[Path]) -> Iterator[tuple[str, bytes]]:
    """The files under top, following links to folders but never into one twice."""
    for folder, dirs, files in os.walk(top, followlinks=True):
        here = Path(folder)
        if not _first_visit(here, seen):
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if _wanted(here / d, skipped))
        for name in sorted(files):
            path = here / name
            if path.resolve() not in skipped:
                yield str(path), _bytes(path)


def _first_visit(folder: Path, seen: set[Path]) -> bool:
    real = folder.resolve()
    if real in seen:
        return False
    seen.add(real)
    return True


def _wanted(folder: Path, skipped: set[Path]) -> bool:
    name = folder.name
    if name in KEPT or name.startswith(SWAP_PREFIXES):
        return False
    return folder.resolve() not in skipped


def _bytes(path: Path) -> bytes:
    """A file's bytes; a link's target as well (an unreadable file as its error)."""
    link = f"link:{path.readlink()}\0".encode() if path.is_symlink() else b""
    try:
        return link + path.read_bytes()
    except OSError as exc:
        return link + f"unreadable:{exc.strerror}".encode()


def listing(folder: Path) -> str:
    """Every file under folder by path, size, mode and time of change, hashed ('' if none)."""
    if not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(here, name)
            stat = path.lstat()
            rel = path.relative_to(folder).as_posix()
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mode}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def stamp_file(project: Project, target: Path) -> Path:
    """Where a build into target keeps its stamp (in the cache, never in the site)."""
    name = hashlib.sha256(str(target).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return project.root / project.cache_dir / "builds" / f"{name}.json"


def unchanged(path: Path, key: str, target: Path) -> Stamp | None:
    """The stamp at path if it has this key and target is as that build left it, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stamp = Stamp(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None
    if stamp is None:
        return None
    if stamp.key != key or not stamp.listing or stamp.listing != listing(target):
        return None
    return stamp


def write_stamp(path: Path, stamp: Stamp) -> None:
    """Keep what a build left, for the next build to compare with."""
    write_whole(path, json.dumps(asdict(stamp), ensure_ascii=False).encode("utf-8"))
