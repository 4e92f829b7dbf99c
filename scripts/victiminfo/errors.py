"""Content errors that name the file, line and field, and say how to fix them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: Path
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        return self.format(_display(self.path))

    def format(self, shown_path: str) -> str:
        """The problem as `file:line: error: [field] message`, then how to fix it."""
        where = f"{shown_path}:{self.line}" if self.line else shown_path
        field = f" [{self.field}]" if self.field else ""
        hint = f"\n    how to fix: {self.hint}" if self.hint else ""
        return f"{where}: {self.severity}:{field} {self.message}{hint}"


class ContentError(Exception):
    """Raised when content or data breaks the model; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def fail(path: Path, message: str, **where: object) -> ContentError:
    """Build a ContentError for a single problem (to be raised by the caller)."""
    line = where.get("line")
    field = where.get("field")
    hint = where.get("hint")
    return ContentError(
        [
            Problem(
                path,
                message,
                line=line if isinstance(line, int) else None,
                field=str(field) if field is not None else None,
                hint=str(hint) if hint is not None else None,
            )
        ]
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
