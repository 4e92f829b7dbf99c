"""Phone numbers: parse and validate with phonenumbers, and make tel: links."""

from __future__ import annotations

from functools import cache

import phonenumbers

from victiminfo.errors import RuleViolation
from victiminfo.rules import Rule

REGION = "SE"


def parse_phone(text: str) -> phonenumbers.PhoneNumber:
    """Parse a Swedish phone number as people write it; ValueError if it is not one."""
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException as exc:
        raise RuleViolation(Rule.PHONE_INVALID, f"'{text}' is not a phone number ({exc})") from None
    if not (phonenumbers.is_valid_number(number) or phonenumbers.is_valid_short_number(number)):
        raise RuleViolation(
            Rule.PHONE_INVALID,
            f"'{text}' is not a valid Swedish phone number; write it as on the source, "
            "for example '020-50 50 50' or '114 14'",
        )
    return number


@cache
def is_short_number(text: str) -> bool:
    """True for service numbers like 112 or 116 006 that are dialled without an area code."""
    number = parse_phone(text)
    return phonenumbers.is_valid_short_number(number) and not phonenumbers.is_valid_number(number)


@cache
def tel_uri(text: str) -> str:
    """The tel: link for a number: the short number itself, or the international form."""
    number = parse_phone(text)
    if is_short_number(text):
        return "tel:" + phonenumbers.national_significant_number(number)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
