"""Command line for editors: scripts/status, scripts/translation and scripts/new."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from victiminfo.content.scaffold import scaffold
from victiminfo.errors import ContentError
from victiminfo.gitrepo import GitRepo
from victiminfo.project import REPO, Project
from victiminfo.translation.agency import export_text, import_file
from victiminfo.translation.record import (
    Work,
    checked_name,
    record_reviewed,
    record_updated,
    select_pages,
)
from victiminfo.translation.source_diff import changed_files, normalise_page, source_diff
from victiminfo.translation.status import build_matrix
from victiminfo.translation.status_render import as_json, markdown, terminal

Command = Callable[[Project, argparse.Namespace], int]


def wants_colour() -> bool:
    """ANSI colours only on a terminal, and never when NO_COLOR is set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def cmd_status(project: Project, args: argparse.Namespace) -> int:
    """Print the translation matrix, or the diff of one page (always exit 0: it informs)."""
    repo = GitRepo(project.root)
    if args.diff:
        code, page = args.diff
        rel = normalise_page(page)
        text = source_diff(project, repo, code, rel)
        print(text or f"The Swedish page has not changed since docs/{code}/{rel} was made.")
        return 0
    matrix = build_matrix(project, repo)
    if args.format == "markdown":
        changed = changed_files(project.root, args.base) if args.base else None
        sys.stdout.write(markdown(matrix, changed))
    elif args.format == "json":
        sys.stdout.write(as_json(matrix))
    else:
        sys.stdout.write(terminal(matrix, wants_colour()))
    return 0


def status_parser() -> argparse.ArgumentParser:
    """Options of scripts/status."""
    parser = argparse.ArgumentParser(
        prog="scripts/status",
        description="The translation status of every page in every language.",
    )
    parser.add_argument("--format", choices=["terminal", "markdown", "json"], default="terminal")
    parser.add_argument(
        "--base", help="with --format markdown: also list files changed since this revision"
    )
    parser.add_argument(
        "--diff",
        nargs=2,
        metavar=("LANG", "PAGE"),
        help="what changed in the Swedish page since that translation was made",
    )
    return parser


def cmd_translation(project: Project, args: argparse.Namespace) -> int:
    """Record work on translations, or exchange files with a translation agency."""
    if args.action == "export":
        return cmd_export(project, args)
    if args.action == "import":
        return cmd_import(project, args)
    repo = GitRepo(project.root)
    try:
        work = Work(checked_name(args.by), machine=getattr(args, "machine", False))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    record = record_updated if args.action == "updated" else record_reviewed
    problems = []
    for page in select_pages(project, args.lang, args.pages):
        try:
            revision = record(project, repo, args.lang, page, work)
            print(f"docs/{args.lang}/{page}: {args.action} (Swedish revision {revision})")
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return 0


def cmd_export(project: Project, args: argparse.Namespace) -> int:
    """Write the missing and stale pages of a language into one XLIFF or PO file."""
    repo = GitRepo(project.root)
    text, count = export_text(project, repo, args.lang, args.format, every=args.all)
    if count == 0:
        print(f"Nothing to translate: every page of '{args.lang}' is up to date.")
        return 0
    suffix = "xlf" if args.format == "xliff" else "po"
    out = args.output or Path(f"translation-{args.lang}-{repo.head() or 'work'}.{suffix}")
    out.write_text(text, encoding="utf-8")
    print(f"Wrote {out}: {count} page(s) for the agency to translate.")
    return 0


def cmd_import(project: Project, args: argparse.Namespace) -> int:
    """Write a returned XLIFF or PO file's translations into docs/LANG/."""
    report = import_file(project, GitRepo(project.root), args.file, args.by)
    for path in report.written:
        print(f"wrote {path.relative_to(project.root)}")
    for problem in report.skipped:
        print(str(problem).replace(": error:", ": warning:", 1), file=sys.stderr)
    print(
        f"{len(report.written)} page(s) written, {len(report.unchanged)} unchanged, "
        f"{len({p.message.split(',')[0] for p in report.skipped})} not complete "
        "(left as they were)."
    )
    return 0


def translation_parser() -> argparse.ArgumentParser:
    """Options of scripts/translation."""
    parser = argparse.ArgumentParser(
        prog="scripts/translation",
        description="Record translation work, and exchange files with translation agencies.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    updated = actions.add_parser(
        "updated", help="a translation now matches the current (committed) Swedish page"
    )
    updated.add_argument(
        "--machine", action="store_true", help="a machine made it (no person has reviewed it)"
    )
    reviewed = actions.add_parser("reviewed", help="a person has reviewed the translation")
    for sub in (updated, reviewed):
        sub.add_argument("lang", help="language code, e.g. fi")
        sub.add_argument("pages", nargs="+", help="pages under docs/LANG/, or patterns: '*'")
        sub.add_argument("--by", required=True, help="who did it (a name or a team)")
    export = actions.add_parser("export", help="a file for a translation agency (XLIFF or PO)")
    export.add_argument("lang", help="language code, e.g. fi")
    export.add_argument("--format", choices=["xliff", "po"], default="xliff")
    export.add_argument("-o", "--output", type=Path, help="where to write the file")
    export.add_argument(
        "--all", action="store_true", help="every page, not only the missing and stale ones"
    )
    imported = actions.add_parser("import", help="write an agency's returned file into docs/")
    imported.add_argument("file", type=Path, help="the returned .xlf or .po file")
    imported.add_argument("--by", help="who translated it (default: the file's translator)")
    return parser


def cmd_new(project: Project, args: argparse.Namespace) -> int:
    """Create a service's or a place's data file and Swedish page, and say what comes next."""
    created = scaffold(project, args.kind, args.name)
    data = created.data.relative_to(project.root)
    page = created.page.relative_to(project.root)
    nav = page.relative_to("docs/sv")
    print(f"Created {data}\nCreated {page}\n\nNext:")
    print(f"  1. Fill in every TODO and ~ in {data} from a source; remove what you cannot source.")
    print(f"  2. Write the page {page} (plain Swedish; keep the placeholder).")
    if created.nav_added:
        print(f"  3. {nav} was added to nav: in mkdocs.yml; move it if it belongs elsewhere.")
    else:
        print(f"  3. Add '- {nav}' to nav: in mkdocs.yml.")
    print("  4. Run scripts/check until it reports no error, then scripts/build.")
    return 0


def new_parser() -> argparse.ArgumentParser:
    """Options of scripts/new."""
    parser = argparse.ArgumentParser(
        prog="scripts/new",
        description="Create a new service or place: its data file and its Swedish page.",
    )
    parser.add_argument("kind", choices=["service", "place"])
    parser.add_argument("name", help="file name: lower case letters, digits and dashes")
    return parser


def run(command: Command, project: Project, args: argparse.Namespace) -> int:
    """Run a command; bad content is reported as file:line messages, never a traceback."""
    try:
        return command(project, args)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Entry point: `python -m victiminfo.cli.tools status|translation|new ...`."""
    argv = sys.argv[1:] if argv is None else argv
    tools: dict[str, tuple[Callable[[], argparse.ArgumentParser], Command]] = {
        "status": (status_parser, cmd_status),
        "translation": (translation_parser, cmd_translation),
        "new": (new_parser, cmd_new),
    }
    if not argv or argv[0] not in tools:
        print(f"usage: tools_cli {{{','.join(tools)}}} ...", file=sys.stderr)
        return 2
    make_parser, command = tools[argv[0]]
    parser = make_parser()
    parser.add_argument("--root", type=Path, default=REPO, help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])
    return run(command, Project(args.root.resolve()), args)


if __name__ == "__main__":
    sys.exit(main())
