"""The languages of a site build in two processes, not one after another (issue #15).

mkdocs-static-i18n builds the source language, then every other language in turn, in one
process: a site rebuild with no leaflet to render left the second core idle. Here, once the
source language is built, a forked child builds every other remaining language (the first,
the third, ...) while this process builds the rest, both into the same folder. The child
shares all that was loaded (the state, the compiled templates, the theme's file list, the
language switcher's links) and sends back what the end of the build needs from its
languages: their search entries, their fallback pages, their 404 pages and their sitemap
entries (as plain values: the sitemap template reads only URLs and dates). This process then
writes the search indexes, the 404 pages and the sitemap of every language, as one process
would have. The only files both write are the theme's assets, with the same bytes, and the
files written again at the end. `VICTIMINFO_NO_LANGUAGE_SPLIT=1` builds in one process.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import _build_theme_template, build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from victiminfo.errors import ContentError
from victiminfo.leaflets.workers import cores
from victiminfo.site.state import SiteState

SWITCH = "VICTIMINFO_NO_LANGUAGE_SPLIT"
MIN_OTHERS = 2  # languages left after the source language, for a second process to pay
SITEMAP = "sitemap.xml"
LastBuild = Callable[[], tuple[Any, Any, Any]]  # the env, files and nav of the last build
log = logging.getLogger("mkdocs.plugins.victiminfo")


@dataclass
class Built:
    """What the end of the build needs from the languages another process built."""

    entries: list[dict[str, Any]]
    fallbacks: dict[str, set[str]]
    not_found: dict[str, str]
    sitemap: dict[str, list[SimpleNamespace]]


def may_split(others: Sequence[str], serving: bool) -> bool:
    """Whether to build the other languages in two processes."""
    return not os.environ.get(SWITCH) and not serving and len(others) >= MIN_OTHERS and cores() > 1


def halves(others: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the child's languages, this process's): every other one from the first, the rest."""
    return list(others[::2]), list(others[1::2])


def build_others(
    i18n: Any, config: MkDocsConfig, state: SiteState, others: Sequence[str], last: LastBuild
) -> None:
    """Build the other languages in this process and a child, then merge what the end of the
    build reads; the i18n plugin's search index and sitemap are written again, whole."""
    theirs, mine = halves(others)
    log.info("Building %s in a second process, %s in this one", ", ".join(theirs), ", ".join(mine))
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _child(i18n, config, state, theirs, writer)
    os.close(writer)
    built: Built | None = None
    try:
        with nested_builds(i18n):
            build_each(i18n, config, mine)
        built = _receive(reader)
    finally:
        _reap(pid, stop=built is None)
        _close(reader)
    merge(i18n, state, built, others)
    i18n.reconfigure_search_index(config)
    env, files, nav = last()
    _build_theme_template(SITEMAP, env, files, config, nav)


@contextmanager
def nested_builds(i18n: Any) -> Iterator[None]:
    """What the i18n plugin's own loop sets around its builds: it is building (its handlers
    return early), the site folder is not emptied, and MkDocs does not log each build's time."""
    clean, build_log = mkdocs_utils.clean_directory, logging.getLogger("mkdocs.commands.build")
    quiet = _Quiet()
    i18n.building = True
    mkdocs_utils.clean_directory = _keep
    build_log.addFilter(quiet)
    try:
        yield
    finally:
        mkdocs_utils.clean_directory = clean
        build_log.removeFilter(quiet)
        i18n.building = False


def _keep(directory: str) -> None:
    """clean_directory for the languages after the first: their folder keeps what is built."""


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not message.startswith(("Documentation built in", "Cleaning site directory"))


def build_each(i18n: Any, config: MkDocsConfig, codes: Sequence[str]) -> None:
    """One MkDocs build per language, as the i18n plugin's loop does."""
    for code in codes:
        i18n.current_language = code
        build(config)


def _child(
    i18n: Any, config: MkDocsConfig, state: SiteState, codes: list[str], writer: int
) -> None:
    """Build codes, send what was built (or why not) to the parent, and end: never returns."""
    try:
        start = len(i18n.search_entries)
        with nested_builds(i18n):
            build_each(i18n, config, codes)
        message: tuple[str, Any] = ("built", _built(i18n, state, codes, start))
    except ContentError as exc:
        message = ("content", exc.problems)
    except BaseException as exc:
        message = ("error", str(exc) or type(exc).__name__)
    try:
        data = pickle.dumps(message)
    except Exception as exc:
        data = pickle.dumps(("error", f"a language build's result could not be sent: {exc}"))
    try:
        with os.fdopen(writer, "wb") as out:
            out.write(data)
    finally:
        os._exit(0)


def _built(i18n: Any, state: SiteState, codes: list[str], start: int) -> Built:
    files = i18n.i18n_files_per_language
    return Built(
        entries=list(i18n.search_entries[start:]),
        fallbacks={code: state.fallbacks[code] for code in codes if code in state.fallbacks},
        not_found={code: state.not_found[code] for code in codes if code in state.not_found},
        sitemap={code: [sitemap_value(f) for f in files[code]] for code in codes if code in files},
    )


def sitemap_value(file: Any) -> SimpleNamespace:
    """A built File as the sitemap template reads it: its page's URLs and date, its URL, and
    its alternates' the same way."""
    alternates = getattr(file, "alternates", None) or {}
    return SimpleNamespace(
        page=_page_value(file.page),
        url=file.url,
        alternates={
            code: SimpleNamespace(page=_page_value(other.page), url=other.url)
            for code, other in alternates.items()
        },
    )


def _page_value(page: Any) -> SimpleNamespace | None:
    if page is None:
        return None
    return SimpleNamespace(
        is_link=getattr(page, "is_link", False),
        canonical_url=page.canonical_url,
        abs_url=page.abs_url,
        update_date=page.update_date,
    )


def _receive(reader: int) -> Built:
    """The child's languages, or its error raised here."""
    chunks = []
    while chunk := os.read(reader, 1 << 20):
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        raise PluginError("the second build process stopped before it had built its languages")
    kind, value = pickle.loads(data)
    if kind == "content":
        raise ContentError(value)
    if kind == "error":
        raise PluginError(value)
    assert isinstance(value, Built)
    return value


def _reap(pid: int, stop: bool) -> None:
    """Wait for the child to end; stop it first when this process failed before it read it."""
    try:
        if stop:
            os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def _close(fd: int) -> None:
    with suppress(OSError):
        os.close(fd)


def merge(i18n: Any, state: SiteState, built: Built, others: Sequence[str]) -> None:
    """Add the child's languages to this process's, the sitemap's in the languages' order."""
    i18n.search_entries.extend(built.entries)
    state.fallbacks.update(built.fallbacks)
    state.not_found.update(built.not_found)
    own = i18n.i18n_files_per_language
    order = [code for code in own if code not in others] + list(others)
    i18n.i18n_files_per_language = {
        code: own[code] if code in own else built.sitemap[code]
        for code in order
        if code in own or code in built.sitemap
    }
