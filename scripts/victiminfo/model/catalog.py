"""Load every data file (languages, sources, services, places) and check they fit together."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from victiminfo.errors import ContentError, Problem, fail
from victiminfo.model.facts import Place, Service, Source, Sourced
from victiminfo.model.languages import LanguageList, load_languages
from victiminfo.model.yamlfile import Loc, LocatedData, load_yaml, validate
from victiminfo.rules import Rule

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Catalog:
    """All data the site and the leaflets are built from."""

    data_dir: Path
    languages: LanguageList
    sources: dict[str, Source]
    services: dict[str, Service]
    places: dict[str, Place]


def load_catalog(data_dir: Path) -> Catalog:
    """Load and cross-check everything under docs/_data; raise ContentError on any problem."""
    problems: list[Problem] = []
    languages = _collect(problems, lambda: load_languages(data_dir / "languages.yml"))
    sources = _collect(problems, lambda: _load_sources(data_dir / "sources.yml"))
    services = _load_folder(data_dir / "services", Service, problems)
    places = _load_folder(data_dir / "places", Place, problems)
    if not problems and sources is not None:
        problems += _check_references(sources, services, places)
    if problems or languages is None or sources is None:
        raise ContentError(problems)
    return Catalog(
        data_dir,
        languages,
        sources,
        {key: model for key, (model, _) in services.items()},
        {key: model for key, (model, _) in places.items()},
    )


def facts_of(model: BaseModel, prefix: Loc = ()) -> Iterator[tuple[Loc, Sourced]]:
    """Every sourced fact inside a model, with its location in the data file."""
    if isinstance(model, Sourced):
        yield prefix, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from facts_of(item, (*prefix, name, i))
        elif isinstance(value, BaseModel):
            yield from facts_of(value, (*prefix, name))


def _collect(problems: list[Problem], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


class _SourceList(BaseModel):
    sources: dict[str, Source]


def _load_sources(path: Path) -> dict[str, Source]:
    data = load_yaml(path)
    if not isinstance(data.value, dict):
        raise fail(
            path,
            "the file must map each source's key to its title and url",
            rule=Rule.FILE_STRUCTURE_WRONG,
            line=1,
        )
    return validate(data, _SourceList, {"sources": data.value}, drop=1).sources


def _load_folder(
    folder: Path, model: type[M], problems: list[Problem]
) -> dict[str, tuple[M, LocatedData]]:
    out: dict[str, tuple[M, LocatedData]] = {}
    for path in sorted(folder.glob("*.yml")):
        data = _collect(problems, partial(load_yaml, path))
        if data is None:
            continue
        item = _collect(problems, partial(validate, data, model))
        if item is not None:
            out[path.stem] = (item, data)
    return out


def _check_references(
    sources: dict[str, Source],
    services: dict[str, tuple[Service, LocatedData]],
    places: dict[str, tuple[Place, LocatedData]],
) -> list[Problem]:
    problems: list[Problem] = []
    for model, data in [*services.values(), *places.values()]:
        problems += _unknown_sources(model, data, sources)
    for place, data in places.values():
        for i, link in enumerate(place.services):
            if link.service not in services:
                known = ", ".join(sorted(services)) or "none yet"
                problems.append(
                    Problem(
                        data.path,
                        f"there is no service '{link.service}' (known: {known})",
                        rule=Rule.PLACE_SERVICE_UNKNOWN,
                        line=data.line_of(("services", i, "service")),
                        field=f"services.{i}.service",
                        hint="correct the name, or add docs/_data/services/"
                        f"{link.service}.yml first",
                    )
                )
    return problems


def _unknown_sources(
    model: BaseModel, data: LocatedData, sources: dict[str, Source]
) -> list[Problem]:
    problems = []
    for fact_loc, fact in facts_of(model):
        if fact.source is not None and fact.source not in sources:
            loc = (*fact_loc, "source")
            problems.append(
                Problem(
                    data.path,
                    f"the source '{fact.source}' is not listed in sources.yml",
                    rule=Rule.SOURCE_UNKNOWN,
                    line=data.line_of(loc),
                    field=".".join(str(p) for p in loc),
                    hint="add it to docs/_data/sources.yml with its title and url",
                )
            )
    return problems
