"""`victiminfo server-config`: the nginx configuration that serves the built site."""

from __future__ import annotations

from pathlib import Path

import click

from victiminfo.cli.options import root_option
from victiminfo.project import Project
from victiminfo.server.nginx import (
    DEFAULT_ERROR_LOG,
    DEFAULT_LISTEN,
    config_beside,
    server_config,
    server_settings,
)


@click.command("server-config")
@root_option
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="FOLDER",
    help="The built site nginx serves [default: site/].",
)
@click.option("--listen", default=DEFAULT_LISTEN, show_default=True, help="nginx's listen value.")
@click.option(
    "--error-log", default=DEFAULT_ERROR_LOG, show_default=True, help="The server's error log."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Write it to FILE instead of standard output.",
)
def server_config_command(
    project: Project, site_dir: Path | None, listen: str, error_log: str, output: Path | None
) -> int:
    """Print the nginx server block for the site, generated from mkdocs.yml.

    It sends the security headers, each language's 404 page, the precompressed files and
    cache headers, logs no visitor's address, and answers the exit route. `victiminfo build`
    writes the same file beside the site folder (site.nginx.conf) when mkdocs.yml says
    `server: nginx`.
    """
    settings = server_settings(project, site_dir or project.site, listen, error_log)
    text = server_config(settings, project.config_file)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    return 0


def write_server_config(project: Project, site: Path) -> Path:
    """The build's copy of the configuration, beside the site folder it serves."""
    target = config_beside(site)
    settings = server_settings(project, site)
    target.write_text(server_config(settings, project.config_file), encoding="utf-8")
    return target
