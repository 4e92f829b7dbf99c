"""What a leaflet's PDF is made from, hashed without composing it (issue #15).

A leaflet's key covers everything that can change its bytes: its page and the pages appended
to it (as files), the facts they show (every service and place they name, the national
services whose numbers are on every leaflet, the service a service leaflet is about, and the
sources those cite), its language's interface strings, the languages it exists in (the
booklet's cover), the leaflet templates, components and stylesheets, the fonts fontconfig
resolves, this package's own code, and the versions of Python, zlib, WeasyPrint, its Python
libraries and the native ones (Pango, HarfBuzz, fontconfig). An unchanged key means an
unchanged PDF: the leaflet is neither composed nor rendered. When in doubt, a part is in the
key: a needless render costs a fifth of a second, a stale number on paper can cost someone
help.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemLoader, meta
from pydantic import BaseModel

import victiminfo
from victiminfo.leaflets.fit import SIZES
from victiminfo.leaflets.plan import PAGES, Leaflet, LeafletSettings
from victiminfo.leaflets.renderer_versions import file_stamp, library_versions, native_versions
from victiminfo.site.state import SiteState

INPUTS_VERSION = "inputs-2"  # change when what goes into a key changes
LEAFLETS, COMPONENTS = "leaflets", "components"  # under overrides/: what print is made from
NOTES_TEMPLATE = "leaflets/notes.html"
OPAQUE_CSS = re.compile(r"@import|url\(")  # a stylesheet that reads another file
# Liberal on purpose: a placeholder in code is counted too (a needless dependency, never a
# missed one).
NAMED = re.compile(r"\{\{\s*(card|phone|services)\s+([^\s}]+)")


def leaflet_keys(
    state: SiteState,
    plan: Sequence[Leaflet],
    settings: LeafletSettings,
    fonts: Sequence[Path],
    languages: Mapping[PurePosixPath, Sequence[str]],
) -> dict[Leaflet, str]:
    """Every planned leaflet's key; languages: the codes each page's leaflet exists in."""
    shared = shared_key(state, settings, fonts)
    kinds = {kind: kind_key(shared, state.project.templates, kind, settings) for kind in PAGES}
    return {
        leaflet: leaflet_key(leaflet, languages[leaflet.page], state, kinds[leaflet.kind])
        for leaflet in plan
    }


def shared_key(state: SiteState, settings: LeafletSettings, fonts: Sequence[Path]) -> str:
    """The part of every leaflet's key that all leaflets of a build share (but templates)."""
    digest = hashlib.sha256()
    for part in (
        INPUTS_VERSION,
        code_digest(Path(victiminfo.__file__).parent),
        *library_versions(),
        *native_versions(),
        *(file_stamp(font) for font in fonts),
        settings.model_dump_json(),
        state.site_url,
        repr((state.policy.max_age_days, state.policy.edition.isoformat(), SIZES)),
        repr((state.markdown.extensions, _sorted(state.markdown.configs))),
        state.catalog.languages.model_dump_json(),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def kind_key(shared: str, templates: Path, kind: str, settings: LeafletSettings) -> str:
    """The shared key with the templates and stylesheets one kind of leaflet is made with."""
    digest = hashlib.sha256(shared.encode("ascii"))
    for path in template_files(templates, kind, settings):
        digest.update(path.relative_to(templates).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def template_files(templates: Path, kind: str, settings: LeafletSettings) -> list[Path]:
    """The files a kind of leaflet is made from: its Jinja template and what that extends,
    imports or includes, every component, and its stylesheets (every file of
    overrides/leaflets/ when a template names another dynamically or a sheet reads a file)."""
    sheets = [templates / LEAFLETS / name for name in stylesheet_names(settings)]
    found = _referenced(templates, [f"{LEAFLETS}/{kind}.html", NOTES_TEMPLATE])
    if found is None or any(OPAQUE_CSS.search(s.read_text(encoding="utf-8")) for s in sheets):
        files = {p for p in (templates / LEAFLETS).rglob("*") if p.is_file()}
    else:
        files = {templates / name for name in found} | set(sheets)
    files |= {p for p in (templates / COMPONENTS).rglob("*.html") if p.is_file()}
    return sorted(files)


def stylesheet_names(settings: LeafletSettings) -> list[str]:
    """The leaflet stylesheets for the paper (in overrides/leaflets/), in cascade order."""
    names = ["leaflet.css", f"paper-{settings.paper}.css"]
    return [*names, "print-shop.css"] if settings.print_shop else names


def _referenced(templates: Path, names: list[str]) -> set[str] | None:
    """The templates names lead to, through extends, import and include (None: a dynamic one)."""
    env = Environment(loader=FileSystemLoader(str(templates)))
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = (templates / name).read_text(encoding="utf-8")
        for found in meta.find_referenced_templates(env.parse(source)):
            if found is None:
                return None
            todo.append(found)
    return seen


def leaflet_key(leaflet: Leaflet, languages: Sequence[str], state: SiteState, shared: str) -> str:
    """The key of one leaflet: its kind's shared key, then what only this leaflet reads.

    languages: the codes the leaflet's page exists in (a booklet's cover lists them).
    """
    digest = hashlib.sha256(shared.encode("ascii"))
    digest.update(repr((leaflet.page, leaflet.code, leaflet.appended, tuple(languages))).encode())
    texts = [_page_bytes(state, leaflet.code, page) for page in (leaflet.page, *leaflet.appended)]
    for text in texts:
        digest.update(b"\0page\0" + text)
    ui = state.strings[leaflet.code]
    digest.update(json.dumps([ui.machine_translated, ui.rtl, ui.texts], sort_keys=True).encode())
    for fact in facts_read(leaflet, b"\n".join(texts).decode("utf-8", "replace"), state):
        digest.update(b"\0fact\0" + fact.encode("utf-8"))
    return digest.hexdigest()


def facts_read(leaflet: Leaflet, text: str, state: SiteState) -> list[str]:
    """Every service, place and source the leaflet's text can show, as JSON (sorted)."""
    catalog = state.catalog
    services = {key for key, s in catalog.services.items() if s.area == "national"}
    if leaflet.kind == "service":
        services.add(leaflet.page.stem)
    places = set()
    for kind, name in NAMED.findall(text):
        if kind == "services":
            places.add(name)
        else:
            services.add(name)
    for name in places & catalog.places.keys():
        services.update(link.service for link in catalog.places[name].services)
    models: dict[str, BaseModel] = {f"service:{k}": catalog.services[k] for k in services}
    models |= {f"place:{k}": catalog.places[k] for k in places & catalog.places.keys()}
    found = [f"{name}={model.model_dump_json()}" for name, model in models.items()]
    cited = set(re.findall(r'"source":"([^"]+)"', "".join(found)))
    found += [
        f"source:{k}={catalog.sources[k].model_dump_json()}" for k in cited & catalog.sources.keys()
    ]
    return sorted(found + [f"missing:{k}" for k in services - catalog.services.keys()])


@cache
def code_digest(package: Path) -> str:
    """This package's own source (every module and template), hashed once per process."""
    return files_digest(package, (".",), suffixes=(".py", ".j2"))


def files_digest(root: Path, folders: Iterable[str], suffixes: tuple[str, ...] = ()) -> str:
    """Every file under root's folders, by relative path and bytes (without __pycache__)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if suffixes and path.suffix not in suffixes:
                continue
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _page_bytes(state: SiteState, code: str, page: PurePosixPath) -> bytes:
    try:
        return (state.project.docs / code / page).read_bytes()
    except OSError:
        return b"(missing)"


def _sorted(configs: object) -> str:
    """Markdown options as text that is the same in every run (a function by its name)."""
    return json.dumps(configs, sort_keys=True, default=_named)


def _named(value: object) -> str:
    name = getattr(value, "__qualname__", None)
    return f"{getattr(value, '__module__', '')}.{name}" if name else repr(value)
