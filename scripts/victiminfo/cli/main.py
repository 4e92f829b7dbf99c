"""The `victiminfo` command line: one click group, one error boundary, one module per family."""

from __future__ import annotations

from collections.abc import Sequence

import click

from victiminfo.cli.bench import bench
from victiminfo.cli.boundary import ErrorBoundaryGroup
from victiminfo.cli.check import check
from victiminfo.cli.facts import facts
from victiminfo.cli.new import new
from victiminfo.cli.server import server_config_command
from victiminfo.cli.site import build, merge, serve
from victiminfo.cli.status import status
from victiminfo.cli.translation import translation


@click.group(cls=ErrorBoundaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
def victiminfo() -> None:
    """Build, preview and check the crime-victim information site and its leaflets.

    scripts/build, scripts/serve, scripts/check, ... run these commands (and set themselves
    up on first run). Exit status: 0 ok, 1 problems in the content, 2 a usage or internal error.
    """


for command in (
    build,
    merge,
    serve,
    check,
    status,
    facts,
    translation,
    new,
    bench,
    server_config_command,
):
    victiminfo.add_command(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on argv (default: the process's arguments); the exit status."""
    try:
        victiminfo.main(args=argv, standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return 0
