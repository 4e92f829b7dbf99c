"""Content errors that name the file, line, field and rule, and say how to fix them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from victiminfo.rules import Rule
from victiminfo.rules import Severity as Severity


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can, and the rule it breaks."""

    path: Path
    message: str
    rule: Rule
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        """Error or warning: the rule's severity."""
        return self.rule.severity

    def __str__(self) -> str:
        return self.format(_display(self.path))

    def headline(self) -> str:
        """What is wrong, as every output shows it: `VI201 phone-invalid: [field] message`."""
        field = f"[{self.field}] " if self.field else ""
        return f"{self.rule}: {field}{self.message}"

    def format(self, shown_path: str) -> str:
        """The problem as `file:line: error: CODE name: [field] message`, then how to fix it."""
        where = f"{shown_path}:{self.line}" if self.line else shown_path
        hint = f"\n    how to fix: {self.hint}" if self.hint else ""
        return f"{where}: {self.severity}: {self.headline()}{hint}"


class ContentError(Exception):
    """Raised when content or data breaks the model; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RuleViolation(ValueError):
    """A ValueError that names the rule broken, so that a validator's error keeps its code."""

    def __init__(self, rule: Rule, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def fail(
    path: Path,
    message: str,
    rule: Rule,
    *,
    line: int | None = None,
    field: str | None = None,
    hint: str | None = None,
) -> ContentError:
    """Build a ContentError for a single problem (to be raised by the caller)."""
    return ContentError([Problem(path, message, rule, line=line, field=field, hint=hint)])


def _display(path: Path) -> str:
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd()))
    except ValueError:
        return str(path)
