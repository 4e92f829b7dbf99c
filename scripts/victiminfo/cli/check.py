"""scripts/check: validate all content and data; one line per problem, then a summary.

Exit status: 0 when there are no errors (warnings are only printed), 1 when there are errors,
2 for a bug in the check itself.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import date
from pathlib import Path

from victiminfo.checks.runner import CheckReport, run_checks
from victiminfo.errors import Problem
from victiminfo.project import REPO, Project


def shown_path(path: Path, root: Path) -> str:
    """A problem's path relative to the current folder, else to the project root."""
    resolved = path.resolve()
    for base in (Path.cwd(), root.resolve()):
        try:
            return resolved.relative_to(base).as_posix() or "."
        except ValueError:
            continue
    return str(path)


def github_line(problem: Problem, shown: str) -> str:
    """A GitHub Actions annotation: ::error file=F,line=L::CODE name: [field] message."""
    where = f"file={_escape(shown, True)}"
    if problem.line:
        where += f",line={problem.line}"
    hint = f"\nhow to fix: {problem.hint}" if problem.hint else ""
    return f"::{problem.severity} {where}::{_escape(problem.headline() + hint, False)}"


def _escape(text: str, in_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def summary(report: CheckReport) -> str:
    """'check: 2 errors, 1 warning in 214 files'."""
    errors, warnings = len(report.errors), len(report.warnings)
    return (
        f"check: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)} in {report.files} files"
    )


def print_report(report: CheckReport, root: Path, fmt: str) -> None:
    """Every problem, then the summary, on standard output."""
    for problem in report.problems:
        shown = shown_path(problem.path, root)
        print(github_line(problem, shown) if fmt == "github" else problem.format(shown))
    print(summary(report))


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def main(argv: list[str] | None = None) -> int:
    """Entry point for scripts/check."""
    parser = argparse.ArgumentParser(prog="scripts/check", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=REPO, help="project folder (default: this one)"
    )
    parser.add_argument(
        "--format", choices=["text", "github"], default="text", help="github: CI annotations"
    )
    parser.add_argument(
        "--today", type=_today, default=None, help="count fact ages from this day (YYYY-MM-DD)"
    )
    parser.add_argument("--no-git", action="store_true", help="do not check source revisions")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"error: {root} has no mkdocs.yml: is it the project folder?", file=sys.stderr)
        return 1
    try:
        report = run_checks(Project(root), args.today or date.today(), use_git=not args.no_git)
    except Exception as exc:  # a bug, not bad content: say where, briefly
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"internal error: {type(exc).__name__}: {exc}\n  at {frame.filename}:{frame.lineno}\n"
            "This is a bug in the check; please report it with the command you ran.",
            file=sys.stderr,
        )
        return 2
    print_report(report, root, args.format)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
