"""The registry of rules: codes by family, each used by the code and explained (issue #11)."""

from __future__ import annotations

import re

import pytest

from support import REPO
from victiminfo.rules import FAMILIES, Rule

PACKAGE = REPO / "scripts" / "victiminfo"
TABLE_ROW = re.compile(r"^\| `(VI\d{3})` \| `([a-z0-9-]+)` \|(.+)\|(.+)\|$", re.MULTILINE)


def contributing_rows() -> list[tuple[str, str]]:
    """(code, name) of every row of CONTRIBUTING.md's tables of messages, in order."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [(code, name) for code, name, _, _ in TABLE_ROW.findall(text)]


def test_codes_are_vi_and_three_digits_of_a_known_family() -> None:
    """Each code is VI + 3 digits, its hundreds one of the families (issue #11)."""
    for rule in Rule:
        assert re.fullmatch(r"VI[1-9]\d\d", rule.code), rule
        assert rule.code[:3] in FAMILIES, rule


def test_codes_and_names_are_unique_and_names_are_kebab_case() -> None:
    """No two rules share a code or a name; names are lower-case words and dashes (issue #11)."""
    rules = list(Rule)
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.slug for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.slug), rule


def test_each_rule_has_a_severity_and_a_one_line_summary() -> None:
    """A summary is one short line; a severity is error or warning (issue #11)."""
    for rule in Rule:
        assert rule.severity in ("error", "warning"), rule
        assert rule.summary and "\n" not in rule.summary and len(rule.summary) <= 70, rule


def test_a_rule_is_shown_as_its_code_and_name() -> None:
    """`VI201 phone-invalid`, and found again from its code (issue #11)."""
    assert str(Rule.PHONE_INVALID) == "VI201 phone-invalid"
    assert Rule.from_code("VI201") is Rule.PHONE_INVALID
    with pytest.raises(KeyError):
        Rule.from_code("VI999")


def test_every_rule_is_used_by_the_code() -> None:
    """A rule in the registry that nothing reports is a rule editors look up in vain (issue #11)."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if path.name != "rules.py"
    )
    unused = [rule for rule in Rule if not re.search(rf"\bRule\.{rule.name}\b", sources)]
    assert not unused, f"rules no code reports: {unused}"


def test_contributing_explains_every_rule_and_only_those() -> None:
    """CONTRIBUTING.md's tables are keyed by code: one row per rule, in code order (issue #11)."""
    rows = contributing_rows()
    registered = [(rule.code, rule.slug) for rule in sorted(Rule, key=lambda r: r.code)]
    assert sorted(set(rows) - set(registered)) == [], "rows for rules that do not exist"
    assert sorted(set(registered) - set(rows)) == [], "rules CONTRIBUTING.md does not explain"
    assert rows == registered, "one row per rule, in the order of the codes"


def test_contributing_marks_exactly_the_warnings() -> None:
    """A warning's row says so, an error's row does not (issue #11)."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for code, _, meaning, _ in TABLE_ROW.findall(text):
        warning = meaning.strip().startswith("warning:")
        assert warning == (Rule.from_code(code).severity == "warning"), code
