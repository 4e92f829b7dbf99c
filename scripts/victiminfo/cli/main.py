"""The `victiminfo` command line: one click group, one error boundary, one module per family."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import click

from victiminfo.cli.boundary import ErrorBoundaryGroup

# Each subcommand by name, as module:function, imported only when it runs (or for --help):
# importing every command's modules cost about 0.4 s of each command (issue #15).
COMMANDS = {
    "build": "victiminfo.cli.site:build",
    "merge": "victiminfo.cli.site:merge",
    "serve": "victiminfo.cli.site:serve",
    "check": "victiminfo.cli.check:check",
    "status": "victiminfo.cli.status:status",
    "facts": "victiminfo.cli.facts:facts",
    "translation": "victiminfo.cli.translation:translation",
    "new": "victiminfo.cli.new:new",
    "bench": "victiminfo.cli.bench:bench",
    "server-config": "victiminfo.cli.server:server_config_command",
}


class LazyGroup(ErrorBoundaryGroup):
    """The error boundary's group, whose subcommands are imported when they are used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every subcommand's name, sorted (as click lists them)."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The subcommand of this name, imported now (None if there is none)."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, name = target.partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def victiminfo() -> None:
    """Build, preview and check the crime-victim information site and its leaflets.

    scripts/build, scripts/serve, scripts/check, ... run these commands (and set themselves
    up on first run). Exit status: 0 ok, 1 problems in the content, 2 a usage or internal error.
    """


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on argv (default: the process's arguments); the exit status."""
    try:
        victiminfo.main(args=argv, standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return 0
