"""`victiminfo facts`: list every fact with its source and state; record a verification."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from victiminfo.cli.check import DateType
from victiminfo.cli.options import root_option
from victiminfo.model.catalog import Catalog, facts_of, load_catalog
from victiminfo.model.facts import Place, Service
from victiminfo.model.freshness import Policy, Status
from victiminfo.model.yamlfile import Loc, parse_yaml, validate
from victiminfo.project import Project
from victiminfo.site.config import read_options
from victiminfo.verification.address import address_of, parse_address
from victiminfo.verification.listing import as_json, as_text, fact_entries
from victiminfo.verification.record import (
    RefusedError,
    checked_day,
    checked_verifier,
    with_verifications,
)


@click.group()
def facts() -> None:
    """List the facts and their verification; record that a person verified facts.

    A fact is `seen` on its source (a page, a stored copy, an article, the project's notes);
    it is `verified` only when a person has confirmed it on the live source.
    """


@facts.command("list")
@root_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--state",
    type=click.Choice([s.value for s in Status]),
    help="Only the facts in this state.",
)
@click.option("--today", type=DateType(), help="Count ages from this day [default: today].")
def list_facts(project: Project, fmt: str, state: str | None, today: date | None) -> int:
    """Every fact: file:line, whose, which, its value, source and address, state and dates."""
    catalog = load_catalog(project.data)
    policy = Policy(read_options(project.config_file).facts_max_age_days, today or date.today())
    entries = [
        e
        for e in fact_entries(catalog, project.root, policy)
        if state is None or e.state.value == state
    ]
    sys.stdout.write(as_json(entries) if fmt == "json" else as_text(entries))
    return 0


@facts.command()
@root_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("which", nargs=-1, metavar="FACT...")
@click.option("--all", "every", is_flag=True, help="Every fact of the file.")
@click.option("--by", metavar="NAME", help="Who confirmed the facts on the live source.")
@click.option("--date", "day", type=DateType(), help="The day they did [default: today].")
def verify(
    project: Project,
    file: Path,
    which: tuple[str, ...],
    every: bool,
    by: str | None,
    day: date | None,
) -> int:
    """Record that NAME confirmed FACT (e.g. phones[0], web) of FILE on its live source.

    Writes `verified: {date: ..., by: ...}` into each fact and changes nothing else in the file.
    A stored copy or an article is never a verification: open the live page.
    """
    try:
        name = checked_verifier(by)
        when = checked_day(day or date.today(), date.today())
        path = _data_file(project, file)
        catalog = load_catalog(project.data)
        model = _model_of(catalog, path)
        locs = _chosen(model, which, every)
        text = with_verifications(path.read_text(encoding="utf-8"), locs, when, name)
        validate(parse_yaml(path, text), type(model))  # the result must load as before
    except RefusedError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    path.write_text(text, encoding="utf-8")
    for loc in locs:
        click.echo(f"{path.relative_to(project.root)}: {address_of(loc)} verified {when} by {name}")
    return 0


def _data_file(project: Project, file: Path) -> Path:
    path = (file if file.is_absolute() or file.exists() else project.root / file).resolve()
    folders = (project.data / "services", project.data / "places")
    if path.parent not in [f.resolve() for f in folders] or path.suffix != ".yml":
        raise RefusedError(f"{file} is not a data file under docs/_data/services/ or places/")
    if not path.is_file():
        raise RefusedError(f"{file} does not exist")
    return path


def _model_of(catalog: Catalog, path: Path) -> Service | Place:
    models = catalog.services if path.parent.name == "services" else catalog.places
    return models[path.stem]


def _chosen(model: Service | Place, which: tuple[str, ...], every: bool) -> list[Loc]:
    known = [loc for loc, _ in facts_of(model)]
    if every:
        return known
    if not which:
        raise RefusedError("name the facts to verify (e.g. phones[0] web), or say --all")
    chosen = [parse_address(text) for text in which]
    unknown = [text for text, loc in zip(which, chosen, strict=True) if loc not in known]
    if unknown:
        names = ", ".join(address_of(loc) for loc in known)
        raise RefusedError(f"no fact {', '.join(unknown)} in this file (its facts: {names})")
    return [loc for loc in chosen if loc is not None]
