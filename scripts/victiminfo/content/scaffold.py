"""New services and places: a data file with every field to fill in, and the Swedish page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from victiminfo.errors import fail
from victiminfo.model.facts import SLUG
from victiminfo.project import Project
from victiminfo.rules import Rule

# Every placeholder below fails validation until it is replaced: TODO is not a valid
# phone number, date, URL, source key, number or choice, and ~ (empty) is not a valid name.
# The blocks that services and places share are written once.


def _header(noun: str, model: str) -> str:
    return f"""\
# A new {noun}. Fill in every TODO and ~ from a source you can point to; never guess.
# Remove a block you cannot source: a missing fact is better than a wrong one.
# The fields are described in scripts/victiminfo/model/facts.py ({model}). Then run
# scripts/check. `seen:` is not a check: when a person has confirmed a fact on its live
# source, record it with scripts/facts verify (CONTRIBUTING.md, "Verify a fact").
"""


PHONES_YAML = """\
phones:                # one entry per number; remove the block if there is none
  - number: TODO       # as written on the source, with its area code
    label: TODO        # main, support_line, emergency, non_emergency or service_center
    free_of_charge: TODO  # true or false; remove the line if the source does not say
    always_open: TODO  # true or false; remove the line if the source does not say
    source: TODO       # a key in docs/_data/sources.yml
    seen: TODO         # the day you saw it on the source, YYYY-MM-DD
    verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""

WEB_YAML = """\
web:                   # remove the block if there is no web site
  url: TODO            # https://... as on the source
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""

ADDRESS_YAML = """\
address:               # the visiting address; remove the block if it is not known
  street: ~            # TODO: street and number
  postcode: TODO       # five digits, as on the source
  city: ~              # TODO
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""

SERVICE_YAML = (
    _header("service", "Service")
    + """\
name: ~                # TODO: the official name, as the service writes it (never translated)
organisation: ~        # TODO: who runs it
area: TODO             # national, regional or local
audience:              # who the service is for
  crimes: TODO         # [any], or a list of the crimes it is for
  min_age: TODO        # a number; remove the line if there is no lower age limit
  max_age: TODO        # a number; remove the line if there is no upper age limit
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""
    + PHONES_YAML
    + """\
email:                 # remove the block if there is no e-mail address
  address: TODO        # as on the source
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""
    + WEB_YAML
    + ADDRESS_YAML
    + """\
free_of_charge:        # is it free; remove the block if the source does not say
  value: TODO          # true or false
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
anonymous:             # can you stay anonymous; remove the block if the source does not say
  value: TODO          # true or false
  source: TODO         # a key in docs/_data/sources.yml
  seen: TODO           # the day you saw it on the source, YYYY-MM-DD
  verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
languages_spoken: TODO # e.g. [sv, en, ar]; remove the line if the source does not say
"""
)

PLACE_YAML = (
    _header("place", "Place")
    + """\
name: ~                # TODO: the name as shown on the page
kind: TODO             # municipality or police_station
"""
    + ADDRESS_YAML
    + PHONES_YAML
    + WEB_YAML
    + """\
services:              # the services that serve this place, most useful first
  - service: TODO      # the file name of a service in docs/_data/services/, e.g. polisen
    presence:          # a regular presence here; remove the block if there is none
      where: TODO      # police_station or service_center
      how_often: TODO  # half_day_weekly, on_request or opening_hours
      planned: TODO    # true if the source describes a plan, false if what is so now
      source: TODO     # a key in docs/_data/sources.yml
      seen: TODO       # the day you saw it on the source, YYYY-MM-DD
      verified: {date: TODO, by: ~}  # confirmed on the live page: the day, who; else remove
"""
)

SERVICE_PAGE = """\
---
title: TODO namnet på tjänsten
---

# TODO namnet på tjänsten

TODO: En eller två korta meningar: vem tjänsten är till för och hur den hjälper.

{{{{ card {name} }}}}

## Vad kan du få hjälp med?

- TODO
"""

PLACE_PAGE = """\
---
title: TODO ortens namn
---

# Stöd i TODO

TODO: Bor du i ... och har utsatts för brott? Här är de som kan hjälpa dig.

**Är du i fara nu? Ring {{{{ phone polisen emergency }}}}.**

## Alla som kan hjälpa dig

{{{{ services {name} }}}}
"""


@dataclass(frozen=True)
class Kind:
    """What can be scaffolded: where its data and its page go, and their templates."""

    data_folder: str
    page_folder: str
    data: str
    page: str


KINDS = {
    "service": Kind("services", "tjanster", SERVICE_YAML, SERVICE_PAGE),
    "place": Kind("places", "orter", PLACE_YAML, PLACE_PAGE),
}


@dataclass(frozen=True)
class Created:
    """The files made, and whether the page was added to the navigation."""

    data: Path
    page: Path
    nav_added: bool


def check_name(project: Project, name: str) -> None:
    """Refuse a name that is not lower case with dashes."""
    if not re.match(SLUG, name):
        raise fail(
            project.data,
            f"'{name}' cannot be a file name here",
            rule=Rule.NAME_INVALID,
            hint="use lower case letters a-z, digits and dashes, e.g. stodlinjen-syd "
            "(write å, ä, ö as a, a, o)",
        )


def scaffold(project: Project, kind: str, name: str) -> Created:
    """Create the data file and the Swedish page; refuses to overwrite either."""
    check_name(project, name)
    spec = KINDS[kind]
    data = project.data / spec.data_folder / f"{name}.yml"
    page = project.docs / "sv" / spec.page_folder / f"{name}.md"
    for path in (data, page):
        if path.exists():
            raise fail(
                path,
                "the file already exists; nothing was changed",
                rule=Rule.FILE_EXISTS,
                hint="pick another name, or edit the file",
            )
    data.parent.mkdir(parents=True, exist_ok=True)
    page.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(spec.data, encoding="utf-8")
    page.write_text(spec.page.format(name=name), encoding="utf-8")
    return Created(data, page, add_to_nav(project.config_file, f"{spec.page_folder}/{name}.md"))


NAV_ENTRY = re.compile(r"^(?P<indent>\s*)- (?P<folder>[a-z0-9-]+)/[a-z0-9-]+\.md\s*$")


def add_to_nav(config_file: Path, entry: str) -> bool:
    """Add entry after the last nav line of its folder, if there is such a line."""
    if not config_file.is_file():
        return False
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    folder = entry.split("/", 1)[0]
    last = None
    for number, line in enumerate(lines):
        match = NAV_ENTRY.match(line)
        if match and match.group("folder") == folder:
            last = number, match.group("indent")
    if last is None:
        return False
    number, indent = last
    lines.insert(number + 1, f"{indent}- {entry}\n")
    config_file.write_text("".join(lines), encoding="utf-8")
    return True
