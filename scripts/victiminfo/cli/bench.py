"""`victiminfo bench`: the benchmark, with its own options (`victiminfo bench --help`)."""

from __future__ import annotations

import click


@click.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> int:
    """Benchmark: build speed, memory and weight (--quick: under 2 minutes).

    Its own options: `victiminfo bench --help`.
    """
    from victiminfo.benchmark.__main__ import main  # psutil and the grid only when benchmarking

    return main(list(args))
