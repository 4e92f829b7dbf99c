"""A problem's text: file, line, severity, rule, field, message and how to fix it (issue #11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from victiminfo.errors import ContentError, Problem, fail
from victiminfo.model.facts import Phone
from victiminfo.model.yamlfile import parse_yaml, validate
from victiminfo.rules import Rule


def test_a_problem_shows_its_rule_before_the_field_and_the_message() -> None:
    """One format everywhere: `file:line: error: CODE name: [field] message` (issue #11)."""
    problem = Problem(
        Path("x.yml"),
        "'12 34' is not a valid Swedish phone number",
        rule=Rule.PHONE_INVALID,
        line=6,
        field="phones.0.number",
        hint="write it as on the source",
    )
    assert problem.format("docs/_data/services/x.yml") == (
        "docs/_data/services/x.yml:6: error: VI201 phone-invalid: [phones.0.number] "
        "'12 34' is not a valid Swedish phone number\n    how to fix: write it as on the source"
    )


def test_a_problem_without_line_or_field_still_names_its_rule() -> None:
    """Only what is known is shown; the rule always is (issue #11)."""
    problem = Problem(Path("docs/xx"), "'xx' is not a language", rule=Rule.LANGUAGE_FOLDER_UNKNOWN)
    assert problem.format("docs/xx") == (
        "docs/xx: error: VI322 language-folder-unknown: 'xx' is not a language"
    )


def test_a_problems_severity_is_its_rules() -> None:
    """A warning rule makes a warning; nothing else decides it (issue #11)."""
    assert Problem(Path("a"), "m", rule=Rule.TRANSLATION_STALE).severity == "warning"
    assert Problem(Path("a"), "m", rule=Rule.PHONE_NOT_IN_SOURCE).severity == "error"


def test_fail_carries_one_problem_with_its_rule() -> None:
    """fail() builds the ContentError a caller raises (issue #11)."""
    error = fail(Path("a.md"), "cannot read the page", rule=Rule.FILE_UNREADABLE, line=3)
    assert [(p.rule, p.line) for p in error.problems] == [(Rule.FILE_UNREADABLE, 3)]
    assert "a.md:3: error: VI104 file-unreadable: cannot read the page" in str(error)


def test_a_validators_rule_reaches_the_problem() -> None:
    """A RuleViolation raised inside a model validator keeps its code (issue #11)."""
    data = parse_yaml(Path("p.yml"), "number: '12 34'\nlabel: main\n")
    with pytest.raises(ContentError) as caught:
        validate(data, Phone)
    assert [(p.rule, p.field, p.line) for p in caught.value.problems] == [
        (Rule.PHONE_INVALID, "number", 1)
    ]
