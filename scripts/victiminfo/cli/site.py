"""Command line: `build` and `serve`, with clear errors and no traceback for bad content."""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from victiminfo.errors import ContentError
from victiminfo.leaflets.build import LeafletReport, build_leaflets
from victiminfo.project import REPO, Project
from victiminfo.site.build import Step, build_and_swap, build_site_into
from victiminfo.site.state import SiteState


class _WarningsToStderr(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)


def _setup_logging() -> None:
    handler = _WarningsToStderr(level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").propagate = False


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    """Build the site and every leaflet into site/ (or --site-dir)."""
    started = time.monotonic()
    reports: list[LeafletReport] = []
    states: list[SiteState] = []

    def site(out: Path) -> None:
        states.append(build_site_into(project, out))

    def leaflets(out: Path) -> None:
        options = {"paper": args.paper, "print_shop": args.print_shop, "state": states[-1]}
        reports.append(build_leaflets(project, out, **options))

    steps: list[Step] = [site]
    if not args.no_leaflets:
        steps.append(leaflets)
    target = build_and_swap(project, steps, args.site_dir)
    for report in reports:
        _print_leaflet_report(report)
    print(f"Built {target} in {time.monotonic() - started:.1f} s")
    return 0


def _print_leaflet_report(report: LeafletReport) -> None:
    total = len(report.documents)
    print(f"Leaflets: {total} ({report.rendered} rendered, {total - report.rendered} unchanged)")
    if report.drafts:
        print(f"{len(report.drafts)} leaflet(s) are marked UTKAST / DRAFT:")
        for doc in report.drafts:
            print(f"  {doc.leaflet.output}:")
            for doubt in doc.doubts:
                print(f"    - {doubt}")


def main(argv: list[str] | None = None) -> int:
    """Entry point for scripts/build and scripts/serve."""
    parser = argparse.ArgumentParser(prog="scripts/build", description=__doc__)
    parser.add_argument("command", choices=["build", "serve"])
    parser.add_argument(
        "--root", type=Path, default=REPO, help="project folder (default: this one)"
    )
    parser.add_argument("--site-dir", type=Path, help="build into this folder instead of site/")
    parser.add_argument("--paper", choices=["A5", "A4"], help="leaflet paper size (default: A5)")
    parser.add_argument(
        "--print-shop",
        action="store_true",
        default=None,
        help="leaflets with 3 mm bleed and crop marks, for a print shop",
    )
    parser.add_argument("--no-leaflets", action="store_true", help="build the web site only")
    parser.add_argument("--address", default="127.0.0.1:8000", help="serve: host:port to listen on")
    parser.add_argument(
        "--lang",
        default=None,
        help="serve: the language to preview (default: the source language); 'all' for every one",
    )
    args = parser.parse_args(argv)
    _setup_logging()
    project = Project(args.root.resolve())
    try:
        if args.command == "serve":
            from victiminfo.site.serve import serve

            return serve(project, args.address, args.lang)
        return cmd_build(project, args)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"\nThe build stopped: {len(exc.problems)} problem(s). site/ was left as it was.",
            file=sys.stderr,
        )
        return 1
    except MkDocsException as exc:
        print(f"error: {exc}\nThe build stopped. site/ was left as it was.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad content: say where, briefly
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"internal error: {type(exc).__name__}: {exc}\n  at {frame.filename}:{frame.lineno}\n"
            "This is a bug in the build scripts; please report it with the command you ran.\n"
            "The build stopped. site/ was left as it was.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
