"""What a phone downloads on a first visit to a page: HTML, CSS, JS and fonts, raw and gzipped.

Material's search starts on page load: its worker script, the language's search index and the
lunr language scripts it needs are fetched at once, so they count as part of the first visit.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

FONT_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf))(?:[?#][^'\")]*)?['\"]?\s*\)")
GZIP_LEVEL = 6  # what web servers use by default


@dataclass(frozen=True)
class Asset:
    """One downloaded file: its kind (html, css, js, font, icon) and its size in bytes."""

    path: str
    kind: str
    raw: int
    gzipped: int


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        rel = values.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel:
            self.refs.append(("css", values.get("href", "")))
        elif tag == "link" and "icon" in rel:
            self.refs.append(("icon", values.get("href", "")))
        elif tag == "script" and values.get("src"):
            self.refs.append(("js", values["src"]))
        self._in_config = tag == "script" and values.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            config = json.loads(data)
            if isinstance(config.get("search"), str):
                self.refs.append(("js", config["search"]))
                base = str(config.get("base") or ".").rstrip("/")
                self.refs.append(("search", f"{base}/search/search_index.json"))
            self._in_config = False


def references(html: str) -> list[tuple[str, str]]:
    """(kind, href) of every stylesheet, script, icon, and the search worker and its index."""
    parser = _References()
    parser.feed(html)
    return [(kind, href) for kind, href in parser.refs if _is_local(href)]


def _is_local(href: str) -> bool:
    return bool(href) and "://" not in href and not href.startswith(("data:", "//"))


def asset(site: Path, rel: str, kind: str) -> Asset:
    """A file of the built site with its raw and gzipped size."""
    data = (site / rel).read_bytes()
    return Asset(rel, kind, len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0)))


def first_visit(site: Path, page: str) -> list[Asset]:
    """Every file a browser fetches to show site/page the first time (nothing cached)."""
    found = [asset(site, page, "html")]
    html = (site / page).read_text(encoding="utf-8")
    base = posixpath.dirname(page)
    for kind, href in references(html):
        rel = _resolve(base, href)
        if (site / rel).is_file() and rel not in {a.path for a in found}:
            found.append(asset(site, rel, kind))
            if kind == "css":
                found += _fonts(site, rel, {a.path for a in found})
            if kind == "search":
                found += _lunr_languages(site, rel)
    return found


def _lunr_languages(site: Path, index: str) -> list[Asset]:
    """The lunr language scripts Material's search worker loads for an index."""
    config = json.loads((site / index).read_text(encoding="utf-8")).get("config", {})
    langs = [lang for lang in config.get("lang", []) if lang != "en"]
    names = ["stemmer.support", *langs, *(["multi"] if len(langs) > 1 else [])] if langs else []
    folder = "assets/javascripts/lunr/min"
    paths = [f"{folder}/lunr.{name}.min.js" for name in names]
    return [asset(site, path, "js") for path in paths if (site / path).is_file()]


def _fonts(site: Path, css: str, seen: set[str]) -> list[Asset]:
    text = (site / css).read_text(encoding="utf-8", errors="replace")
    out = []
    for href in dict.fromkeys(FONT_URL.findall(text)):
        rel = _resolve(posixpath.dirname(css), href)
        if _is_local(href) and (site / rel).is_file() and rel not in seen:
            out.append(asset(site, rel, "font"))
    return out


def _resolve(base: str, href: str) -> str:
    path = href.split("#", 1)[0].split("?", 1)[0]
    return posixpath.normpath(posixpath.join(base, path))


def totals(assets: list[Asset]) -> dict[str, dict[str, int]]:
    """Bytes per kind, and 'total', raw and gzipped."""
    out: dict[str, dict[str, int]] = {}
    for item in assets:
        for key in (item.kind, "total"):
            entry = out.setdefault(key, {"raw": 0, "gzipped": 0, "files": 0})
            entry["raw"] += item.raw
            entry["gzipped"] += item.gzipped
            entry["files"] += 1
    return out
