"""Every fact of the data files: where it is, its value, its source and its state (issue #16)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from victiminfo.model.catalog import Catalog, facts_of
from victiminfo.model.facts import Address, Audience, Email, Flag, Phone, Presence, Sourced, Web
from victiminfo.model.freshness import Policy, Status
from victiminfo.model.yamlfile import load_yaml
from victiminfo.verification.address import address_of


@dataclass(frozen=True)
class FactEntry:
    """One fact as the publisher sees it, to verify it on its live source."""

    file: str  # from the project root
    line: int
    owner: str  # the service's or place's name
    fact: str  # its address in the file, e.g. 'phones[0]'
    value: str
    source: str | None
    url: str | None
    state: Status
    seen: date | None
    verified_on: date | None
    verified_by: str | None


def fact_entries(catalog: Catalog, root: Path, policy: Policy) -> list[FactEntry]:
    """Every fact of every service and place, in file order."""
    folders = (("services", catalog.services), ("places", catalog.places))
    return [
        entry
        for folder, models in folders
        for key, model in sorted(models.items())
        for entry in _entries(
            catalog, root, catalog.data_dir / folder / f"{key}.yml", model, policy
        )
    ]


def _entries(
    catalog: Catalog, root: Path, path: Path, model: BaseModel, policy: Policy
) -> list[FactEntry]:
    data = load_yaml(path)
    owner = str(getattr(model, "name", path.stem))
    entries = []
    for loc, fact in facts_of(model):
        source = catalog.sources.get(fact.source or "")
        url = str(source.url) if source is not None and source.url is not None else None
        entries.append(
            FactEntry(
                str(path.relative_to(root)),
                data.line_of(loc) or 1,
                owner,
                address_of(loc),
                fact_value(fact),
                fact.source,
                url,
                policy.status(fact),
                fact.seen,
                fact.verified.date if fact.verified else None,
                fact.verified.by if fact.verified else None,
            )
        )
    return entries


def fact_value(fact: Sourced) -> str:
    """The fact's value in a few words, as the reviewer looks for it on the source."""
    match fact:
        case Phone():
            return fact.number
        case Email():
            return fact.address
        case Web():
            return str(fact.url)
        case Address():
            return f"{fact.street}, {fact.postcode} {fact.city}"
        case Flag():
            return "yes" if fact.value else "no"
        case Audience():
            ages = (
                f"ages {fact.min_age or 0}-{fact.max_age or ''} "
                if fact.min_age or fact.max_age
                else ""
            )
            return f"{ages}crimes: {', '.join(fact.crimes)}"
        case Presence():
            plan = " (a plan)" if fact.planned else ""
            return f"{fact.where}, {fact.how_often}{plan}"
    return type(fact).__name__


def as_text(entries: list[FactEntry]) -> str:
    """One block per fact: where, what, its source and state."""
    blocks = []
    for e in entries:
        verified = f", verified {e.verified_on} by {e.verified_by}" if e.verified_on else ""
        seen = f"seen {e.seen}" if e.seen else "never seen on a source"
        source = f"{e.source} {e.url or '(no web address)'}" if e.source else "no source"
        blocks.append(
            f"{e.file}:{e.line}: {e.state.value}: {e.owner} {e.fact} = {e.value}\n"
            f"    {source}; {seen}{verified}"
        )
    counts = {s.value: sum(1 for e in entries if e.state is s) for s in Status}
    summary = ", ".join(f"{n} {state}" for state, n in counts.items())
    return "\n".join([*blocks, f"{len(entries)} facts: {summary}"]) + "\n"


def as_json(entries: list[FactEntry]) -> str:
    """The entries as a JSON list (dates as YYYY-MM-DD)."""
    return (
        json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2, default=str) + "\n"
    )
