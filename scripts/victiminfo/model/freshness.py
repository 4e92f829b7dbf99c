"""How far a fact can be trusted: verified on its live source, overdue, only seen, or unsourced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from victiminfo.model.facts import Sourced

# How many days a verification stays current, unless mkdocs.yml says otherwise
# (the victiminfo plugin's `facts_max_age_days`).
DEFAULT_MAX_AGE_DAYS = 365


class Status(StrEnum):
    """How far a fact can be trusted; only `verified` is printed without a warning."""

    verified = "verified"  # a person confirmed it on the live source, recently enough
    overdue = "overdue"  # verified, but longer ago than allowed: verify it again
    seen = "seen"  # seen on its source (a page, a stored copy, an article), never verified
    unsourced = "unsourced"  # no source, or no day it was seen there


@dataclass(frozen=True)
class Policy:
    """How old a verification may be, measured from the edition date (from git, never the clock)."""

    max_age_days: int
    edition: date

    def status(self, fact: Sourced) -> Status:
        """The status of one fact under this policy."""
        if fact.source is None or fact.seen is None:
            return Status.unsourced
        if fact.verified is None:
            return Status.seen
        if (self.edition - fact.verified.date).days > self.max_age_days:
            return Status.overdue
        return Status.verified
