"""Synthetic benchmark content: S fake services in L languages, from the real data model."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs_static_i18n.config import RE_LOCALE

from victiminfo.model.languages import load_languages
from victiminfo.model.strings import load_strings
from victiminfo.project import REPO
from victiminfo.site.config import plugin_entry
from victiminfo.site.mkdocs_config import read_raw_config
from victiminfo.site.theme_languages import missing_partials, write_partials

# Languages for each L: a subset of docs/_data/languages.yml. L=4 has both scripts that
# stress the leaflets most: Arabic (right-to-left) and Tigrinya (Ethiopic).
LANGUAGE_SETS = {1: ("sv",), 4: ("sv", "ar", "ti", "uk")}
# The real service page every synthetic one is made from. Kvinnofridslinjen's: Brottsofferjouren's
# leaflet fits its 2 pages only at 9 pt in some languages, and a synthetic service (two numbers
# of its own, four national lines) then needs a third page (issue #15).
TEMPLATE_SERVICE, TEMPLATE_NAME = "kvinnofridslinjen", "Kvinnofridslinjen"
SOURCE_KEY = "benchmark-synthetic"
SEEN = "2026-11-22"
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]+\)")
# Swedish numbers reserved by PTS for use in fiction: 08-465 004 00-99, 031-390 06 00-99.
MAX_SERVICES = 99
# As in the real data, a few services are national; every leaflet lists their support lines,
# so that list stays as short as a real one. The others are regional.
NATIONAL_SERVICES = 4


@dataclass(frozen=True)
class Cell:
    """One point of the grid: S services in L languages."""

    services: int
    languages: int

    @property
    def name(self) -> str:
        """A short label such as '24x10'."""
        return f"{self.services}x{self.languages}"


def language_codes(count: int, repo: Path = REPO) -> tuple[str, ...]:
    """The codes of the first `count` languages (sv first, then ar, ti, uk, then the rest):
    first those the plain baseline can build too (mkdocs-static-i18n takes two-letter codes
    only, not ckb or lattlast), so that a cell's languages stay the same as editions are added."""
    entries = _real_languages(repo)
    every = [entry["code"] for entry in entries]
    plain = [e["code"] for e in entries if "lang" not in e and RE_LOCALE.match(e["code"])]
    preferred = [c for c in LANGUAGE_SETS[4] if c in every]
    rest = [c for c in every if c not in preferred]
    ordered = [*preferred, *[c for c in rest if c in plain], *[c for c in rest if c not in plain]]
    if count > len(ordered):
        raise ValueError(f"only {len(ordered)} languages exist, {count} asked for")
    return tuple(LANGUAGE_SETS.get(count, tuple(ordered[:count])))


def _real_languages(repo: Path) -> list[dict[str, Any]]:
    with (repo / "docs" / "_data" / "languages.yml").open(encoding="utf-8") as fd:
        data: list[dict[str, Any]] = yaml.safe_load(fd)
    return data


def service_slug(index: int) -> str:
    """The file name of synthetic service number index (1-based)."""
    return f"tjanst-{index:02d}"


def service_name(index: int) -> str:
    """The visible name of a synthetic service."""
    return f"Exempeltjänsten {index:02d}"


def service_data(index: int) -> dict[str, Any]:
    """A service's facts in the real model, with fictional numbers and example.se addresses."""
    if not 1 <= index <= MAX_SERVICES:
        raise ValueError(f"synthetic services are numbered 1..{MAX_SERVICES}")
    sourced = {"source": SOURCE_KEY, "seen": SEEN}
    return {
        "name": service_name(index),
        "organisation": f"Syntetisk organisation {index:02d} (benchmark)",
        "area": "national" if index <= NATIONAL_SERVICES else "regional",
        "audience": {"crimes": ["any"], **sourced},
        "phones": [
            {"number": f"08-465 004 {index:02d}", "label": "main", **sourced},
            {
                "number": f"031-390 06 {index:02d}",
                "label": "support_line",
                "free_of_charge": True,
                **sourced,
            },
        ],
        "web": {"url": f"https://tjanst-{index:02d}.example.se/", **sourced},
        "free_of_charge": {"value": True, **sourced},
        "anonymous": {"value": True, **sourced},
    }


def real_page(code: str, rel: str, repo: Path = REPO) -> str:
    """A real page of this language (Swedish if untranslated), links made plain text."""
    path = repo / "docs" / code / rel
    if not path.exists():
        path = repo / "docs" / "sv" / rel
    return LINK.sub(r"\1", path.read_text(encoding="utf-8"))


def page_template(code: str, repo: Path = REPO) -> str:
    """The real service page of this language that every synthetic service page is made from."""
    return real_page(code, f"tjanster/{TEMPLATE_SERVICE}.md", repo)


def service_page(template: str, index: int) -> str:
    """The template made into the page of synthetic service number index."""
    card = "{{ card " + TEMPLATE_SERVICE + " }}"
    text = template.replace(card, "{{ card " + service_slug(index) + " }}")
    text = text.replace(TEMPLATE_NAME, service_name(index))
    return text + f"\nRing {{{{ phone {service_slug(index)} main }}}}.\n"


STATION_TEMPLATE = "orter/solna-polisstation.md"
OTHER_SERVICE_PHONE = re.compile(r"\{\{ phone (?!polisen )[a-z0-9-]+ ")
SERVICES_PER_STATION = 8  # one police station (a booklet and a language card) per 8 services
STATION_SERVICES = 6  # the synthetic services a station lists (and polisen)


def station_count(services: int) -> int:
    """How many synthetic police stations a cell of this many services has."""
    return max(1, services // SERVICES_PER_STATION)


def station_slug(index: int) -> str:
    """The file name of synthetic station number index (1-based): a booklet and a card."""
    return f"ort-{index:02d}-polisstation"


def station_data(index: int, services: int) -> dict[str, Any]:
    """A police station listing the first synthetic services and the real police."""
    listed = [{"service": service_slug(i)} for i in range(1, min(services, STATION_SERVICES) + 1)]
    return {
        "name": f"Polisstationen i Exempelort {index:02d}",
        "kind": "police_station",
        "services": [*listed, {"service": "polisen"}],
    }


def station_page(template: str, index: int) -> str:
    """The real station page of a language made into synthetic station number index."""
    text = template.replace(
        "{{ services solna-polisstation }}", f"{{{{ services {station_slug(index)} }}}}"
    )
    # Every real service's number but the police's becomes the first synthetic service's.
    text = OTHER_SERVICE_PHONE.sub("{{ phone " + service_slug(1) + " ", text)
    return text.replace("Solna", f"Exempelort {index:02d}")


def index_page(services: int) -> str:
    """The start page: a link to every service."""
    links = "\n".join(
        f"- [{service_name(i)}](tjanster/{service_slug(i)}.md)" for i in range(1, services + 1)
    )
    return f"---\ntitle: Stöd för dig som har utsatts för brott\n---\n\n# Stöd\n\n{links}\n"


# The real print page (every leaflet, by {{ leaflets all }}), copied in every language.
PRINT_PAGE = "skriv-ut.md"


def nav(services: int) -> list[Any]:
    """The nav: start page, the services section, the print page (as in the real mkdocs.yml)."""
    section = [f"tjanster/{service_slug(i)}.md" for i in range(1, services + 1)]
    places = [f"orter/{station_slug(i)}.md" for i in range(1, station_count(services) + 1)]
    return ["index.md", {"Tjänster": section}, {"Orter": places}, PRINT_PAGE]


def site_config(services: int, *, plain: bool = False, repo: Path = REPO) -> dict[str, Any]:
    """The project's mkdocs.yml with the synthetic nav; plain: not our plugin, no overrides."""
    config = read_raw_config(repo / "mkdocs.yml")
    config["nav"] = nav(services)
    config["site_name"] = "Stöd för brottsoffer (benchmark)"
    if plain:
        config["plugins"] = [
            e
            for e in config["plugins"]
            if plugin_entry({"plugins": [e]}, repo / "mkdocs.yml") is None
        ]
        config["theme"] = {
            "name": "material",
            "custom_dir": "plain-overrides",
            "language": "sv",
            "font": False,
        }
        config.pop("extra_css", None)
        config.pop("extra_javascript", None)
        config["strict"] = False
    return config


def plain_i18n_languages(codes: tuple[str, ...], repo: Path = REPO) -> list[dict[str, Any]]:
    """The i18n plugin's languages for the plain baseline (what a user would write by hand)."""
    return [
        {"locale": e["code"], "name": e["name"], "default": e["code"] == codes[0], "build": True}
        for e in _real_languages(repo)
        if e["code"] in codes
    ]


def plain_config(services: int, codes: tuple[str, ...], repo: Path = REPO) -> dict[str, Any]:
    """A plain mkdocs.yml: Material and mkdocs-static-i18n, the same languages, nothing of ours."""
    config = site_config(services, plain=True, repo=repo)
    plugins: list[Any] = []
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "i18n" in entry:
            entry = {"i18n": {**entry["i18n"], "languages": plain_i18n_languages(codes, repo)}}
        plugins.append(entry)
    config["plugins"] = plugins
    return config


def write_project(cell: Cell, target: Path, repo: Path = REPO) -> Path:
    """Write the synthetic project for a cell into target (which must not exist)."""
    codes = language_codes(cell.languages, repo)
    docs = target / "docs"
    data = docs / "_data"
    (data / "services").mkdir(parents=True)
    (data / "places").mkdir()
    (data / "ui").mkdir()
    languages = [e for e in _real_languages(repo) if e["code"] in codes]
    _dump(data / "languages.yml", languages)
    sources = yaml.safe_load((repo / "docs" / "_data" / "sources.yml").read_text("utf-8"))
    sources[SOURCE_KEY] = {"title": "Synthetic benchmark data (not real)"}
    _dump(data / "sources.yml", sources)
    # The real police data: every page shows the emergency number (112) from it.
    shutil.copyfile(
        repo / "docs" / "_data" / "services" / "polisen.yml", data / "services" / "polisen.yml"
    )
    for code in codes:
        shutil.copyfile(repo / "docs" / "_data" / "ui" / f"{code}.yml", data / "ui" / f"{code}.yml")
    for index in range(1, cell.services + 1):
        _dump(data / "services" / f"{service_slug(index)}.yml", service_data(index))
    for index in range(1, station_count(cell.services) + 1):
        _dump(data / "places" / f"{station_slug(index)}.yml", station_data(index, cell.services))
    for code in codes:
        _write_language(docs / code, page_template(code, repo), cell.services)
        _write_stations(docs / code, real_page(code, STATION_TEMPLATE, repo), cell.services)
        (docs / code / PRINT_PAGE).write_text(real_page(code, PRINT_PAGE, repo), encoding="utf-8")
    _dump(target / "mkdocs.yml", site_config(cell.services, repo=repo))
    _dump(target / "plain.yml", plain_config(cell.services, codes, repo))
    for name in ("overrides", "scripts"):
        (target / name).symlink_to(repo / name)
    # The plain build needs theme strings for the languages Material lacks (so, ti), as any
    # user of Material would add them: only those partials (written from the languages' data,
    # as our plugin writes them), none of the project's templates.
    _theme_partials(target / "plain-overrides", data)
    return target


def _theme_partials(folder: Path, data: Path) -> None:
    """Material's language partials for the cell's languages that Material has none for."""
    languages = load_languages(data / "languages.yml")
    strings = load_strings(data / "ui", languages)
    material = resources.files("material") / "templates"  # the theme's own partials
    missing = missing_partials([str(material)], languages.languages)
    write_partials(folder, missing, {code: ui.theme for code, ui in strings.items()})


def _write_language(folder: Path, template: str, services: int) -> None:
    (folder / "tjanster").mkdir(parents=True)
    (folder / "index.md").write_text(index_page(services), encoding="utf-8")
    for index in range(1, services + 1):
        page = folder / "tjanster" / f"{service_slug(index)}.md"
        page.write_text(service_page(template, index), encoding="utf-8")


def _write_stations(folder: Path, template: str, services: int) -> None:
    (folder / "orter").mkdir(parents=True)
    for index in range(1, station_count(services) + 1):
        page = folder / "orter" / f"{station_slug(index)}.md"
        page.write_text(station_page(template, index), encoding="utf-8")


def _dump(path: Path, data: object) -> None:
    with path.open("w", encoding="utf-8") as fd:
        yaml.safe_dump(data, fd, allow_unicode=True, sort_keys=False)
