"""`victiminfo new service|place NAME`: a data file with every field, and its Swedish page."""

from __future__ import annotations

import click

from victiminfo.cli.options import root_option
from victiminfo.content.scaffold import scaffold
from victiminfo.project import Project


@click.command()
@root_option
@click.argument("kind", type=click.Choice(["service", "place"]))
@click.argument("name")
def new(project: Project, kind: str, name: str) -> int:
    """Start a new service or place: its data file and Swedish page.

    NAME is the file name: lower case letters, digits and dashes.
    """
    created = scaffold(project, kind, name)
    data = created.data.relative_to(project.root)
    page = created.page.relative_to(project.root)
    nav = page.relative_to("docs/sv")
    click.echo(f"Created {data}\nCreated {page}\n\nNext:")
    click.echo(
        f"  1. Fill in every TODO and ~ in {data} from a source; remove what you cannot source."
    )
    click.echo(f"  2. Write the page {page} (plain Swedish; keep the placeholder).")
    if created.nav_added:
        click.echo(f"  3. {nav} was added to nav: in mkdocs.yml; move it if it belongs elsewhere.")
    else:
        click.echo(f"  3. Add '- {nav}' to nav: in mkdocs.yml.")
    click.echo("  4. Run scripts/check until it reports no error, then scripts/build.")
    return 0
