"""Whether a fact can be printed as verified: it has a source and was checked recently enough."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from victiminfo.model.facts import Sourced

# How many days a fact stays current after it was checked, unless mkdocs.yml says otherwise
# (the victiminfo plugin's `facts_max_age_days`).
DEFAULT_MAX_AGE_DAYS = 365


class Status(StrEnum):
    """How far a fact can be trusted."""

    verified = "verified"
    unverified = "unverified"
    stale = "stale"


@dataclass(frozen=True)
class Policy:
    """How old a check may be, measured from the edition date (from git, never the clock)."""

    max_age_days: int
    edition: date

    def status(self, fact: Sourced) -> Status:
        """The status of one fact under this policy."""
        if fact.source is None or fact.checked is None:
            return Status.unverified
        if (self.edition - fact.checked).days > self.max_age_days:
            return Status.stale
        return Status.verified
