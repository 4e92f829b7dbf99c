"""The fact model: services and places, every fact with its source, the day it was seen there, and
who verified it on the live source and when."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from victiminfo.errors import RuleViolation
from victiminfo.model.phones import parse_phone
from victiminfo.rules import Rule

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
EMAIL = re.compile(r"^[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


class Model(BaseModel):
    """Base for every data model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


SourceKind = Literal["web_page", "stored_copy", "article", "project_notes"]


class Source(Model):
    """Where facts come from (a web page or a document), listed once in sources.yml."""

    title: str = Field(min_length=1)
    kind: SourceKind | None = Field(
        default=None,
        description="web_page: the live page; stored_copy: a stored copy of a public page; "
        "article: a news article; project_notes: the project's research notes",
    )
    url: HttpUrl | None = None
    published: date | None = None
    note: str | None = None


Day = date  # `date` is also a field name of Verification


class Verification(Model):
    """A person confirmed the fact on its live source that day (a stored copy never counts)."""

    date: Day
    by: str = Field(default="", validate_default=True, description="who: a name or a team")

    @field_validator("by")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise RuleViolation(
                Rule.VERIFICATION_WITHOUT_NAME, "a verification must say who made it ('by:')"
            )
        return value.strip()


class Sourced(Model):
    """A fact: its source (a key in sources.yml), the day it was seen there, its verification."""

    source: str | None = Field(default=None, pattern=SLUG)
    seen: date | None = Field(default=None, description="the day the value was seen on the source")
    verified: Verification | None = None


class PhoneLabel(StrEnum):
    """What a phone number is for; the label is translated through the interface strings."""

    main = "main"
    support_line = "support_line"
    emergency = "emergency"
    non_emergency = "non_emergency"
    service_center = "service_center"


class Phone(Sourced):
    """A phone number as written on its source, e.g. '020-50 50 50'."""

    number: str
    label: PhoneLabel = PhoneLabel.main
    free_of_charge: bool | None = None
    always_open: bool | None = None

    @field_validator("number")
    @classmethod
    def _parses(cls, value: str) -> str:
        parse_phone(value)
        return value


class Email(Sourced):
    """An e-mail address."""

    address: str

    @field_validator("address")
    @classmethod
    def _is_email(cls, value: str) -> str:
        if not EMAIL.match(value):
            raise RuleViolation(Rule.EMAIL_INVALID, f"'{value}' is not an e-mail address")
        return value


class Web(Sourced):
    """A web address (https)."""

    url: HttpUrl


class Address(Sourced):
    """A visiting address."""

    street: str
    postcode: str = Field(pattern=r"^\d{3} ?\d{2}$")
    city: str


class Flag(Sourced):
    """A yes/no fact, such as whether a service is free or anonymous."""

    value: bool


class Audience(Sourced):
    """Who a service is for."""

    min_age: int | None = Field(default=None, ge=0, le=120)
    max_age: int | None = Field(default=None, ge=0, le=120)
    crimes: tuple[str, ...] = ("any",)


class Service(Model):
    """A support service: its facts, once, for every language and every leaflet."""

    name: str = Field(min_length=1, description="the official name, never translated")
    organisation: str = Field(min_length=1)
    audience: Audience
    phones: tuple[Phone, ...] = ()
    email: Email | None = None
    web: Web | None = None
    address: Address | None = None
    free_of_charge: Flag | None = None
    anonymous: Flag | None = None
    languages_spoken: tuple[str, ...] = ()
    area: Literal["national", "regional", "local"]


class Presence(Sourced):
    """A service's regular presence at a place, such as a weekly slot at a police station."""

    where: Literal["police_station", "service_center"]
    how_often: Literal["half_day_weekly", "on_request", "opening_hours"]
    planned: bool = Field(
        default=False, description="the source describes a plan, not what is so today"
    )


class PlaceService(Model):
    """A service that serves a place, and what is known of its presence there."""

    service: str = Field(pattern=SLUG)
    presence: Presence | None = None


class Place(Model):
    """A municipality or police station, and the services that serve it."""

    name: str = Field(min_length=1)
    kind: Literal["municipality", "police_station"]
    address: Address | None = None
    phones: tuple[Phone, ...] = ()
    web: Web | None = None
    services: tuple[PlaceService, ...] = Field(min_length=1)
