"""`victiminfo build` and `victiminfo serve`: the site and its leaflets, or a live preview."""

from __future__ import annotations

import time
from pathlib import Path

import click

from victiminfo.cli.draft_report import counts_line, leaflet_report
from victiminfo.cli.mkdocs_log import log_mkdocs_to_stderr
from victiminfo.cli.options import plural, root_option
from victiminfo.cli.progress import announce, progress_bar
from victiminfo.cli.server import write_server_config
from victiminfo.leaflets.build import LeafletReport, start_leaflets
from victiminfo.leaflets.fonts import font_files
from victiminfo.leaflets.workers import cores
from victiminfo.model.languages import load_languages
from victiminfo.project import Project
from victiminfo.server.precompress import compressing_meanwhile, precompress
from victiminfo.site.build import SiteBuild, Step, build_and_swap
from victiminfo.site.config import read_options
from victiminfo.site.shards import Shard, merge_shards, parse_shard, write_marker
from victiminfo.site.up_to_date import Stamp, build_key, listing, stamp_file, unchanged, write_stamp


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
    try:
        return parse_shard(value) if value is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@root_option
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="FOLDER",
    help="Build into this folder instead of site/.",
)
@click.option("--paper", type=click.Choice(["A5", "A4"]), help="Leaflet paper size [default: A5].")
@click.option(
    "--print-shop",
    is_flag=True,
    default=None,
    help="Leaflets with 3 mm bleed and crop marks, for a print shop.",
)
@click.option("--no-leaflets", is_flag=True, help="Build the web site only.")
@click.option(
    "--shard",
    metavar="K/N",
    callback=_shard,
    help="Make the leaflets of every N-th language from the K-th, to merge with `victiminfo "
    "merge` (1/N has the source language and builds the web site).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every draft leaflet and its reasons.")
def build(
    project: Project,
    site_dir: Path | None,
    paper: str | None,
    print_shop: bool | None,
    no_leaflets: bool,
    shard: Shard | None,
    verbose: bool,
) -> int:
    """Build the site and every leaflet into site/.

    site/ is replaced only when everything passed; on a problem it is left as it was. When
    nothing it is built from has changed and it is as the last build left it, it is kept.
    """
    started = time.monotonic()
    log_mkdocs_to_stderr()
    reports: list[LeafletReport] = []
    languages = load_languages(project.data / "languages.yml")
    codes = shard.languages(languages) if shard else None
    if codes is not None and no_leaflets:
        raise click.UsageError("--shard splits the leaflets: it cannot go with --no-leaflets")
    with_site = codes is None or languages.default.code in codes
    target = (site_dir or project.site).resolve()
    fonts = () if no_leaflets else tuple(font_files(languages.print_families))
    options: dict[str, object] = {"paper": paper, "print_shop": print_shop, "shard": codes}
    options["leaflets"] = not no_leaflets
    key, stamp_path = build_key(project, target, options, fonts), stamp_file(project, target)
    kept = unchanged(stamp_path, key, target)
    if kept is not None:
        return _unchanged(project, kept, target, verbose, started)

    def site(out: Path) -> None:
        _announce_site(project)
        SiteBuild(project, out, paper, print_shop).run()

    nginx = read_options(project.config_file).server == "nginx"

    def site_and_leaflets(out: Path) -> None:
        site_build = SiteBuild(project, out, paper, print_shop)
        only = frozenset(codes) if codes is not None else None
        with start_leaflets(site_build.state, paper=paper, print_shop=print_shop, only=only) as run:
            site_build.plugin.split_languages = not run.busy
            if with_site:
                _announce_site(project)
                site_build.run()  # while the workers render
            threads = cores() if nginx and with_site else 0
            with (
                compressing_meanwhile(out, project.compressed_cache, threads),
                progress_bar("Rendering leaflets") as progress,
            ):
                reports.append(run.finish(out, progress))

    steps: list[Step] = [site if no_leaflets else site_and_leaflets]
    if codes is not None:
        steps.append(lambda out: write_marker(out, codes))
    if nginx:
        steps.append(lambda out: precompress(out, project.compressed_cache, cores()))
    target = build_and_swap(project, steps, target)
    if nginx:
        click.echo(f"nginx configuration: {write_server_config(project, target)}")
    stamp = _stamp(key, target, reports)
    if stamp.leaflets is not None:
        lines = [counts_line(stamp.leaflets, reports[0].rendered), *stamp.lines(verbose)]
        click.echo("\n".join(lines))
    write_stamp(stamp_path, stamp)
    click.echo(f"Built {target} in {time.monotonic() - started:.1f} s")
    return 0


def _stamp(key: str, target: Path, reports: list[LeafletReport]) -> Stamp:
    """What this build left, with its leaflet report without the count of rendered ones."""
    if not reports:
        return Stamp(key, listing(target))
    report = reports[0]
    brief, verbose = leaflet_report(report)[1:], leaflet_report(report, verbose=True)[1:]
    return Stamp(key, listing(target), len(report.documents), tuple(brief), tuple(verbose))


def _unchanged(project: Project, kept: Stamp, target: Path, verbose: bool, started: float) -> int:
    """Say that the site is kept as the last build left it, with that build's report."""
    if read_options(project.config_file).server == "nginx":
        click.echo(f"nginx configuration: {write_server_config(project, target)}")
    if kept.leaflets is not None:
        click.echo("\n".join([counts_line(kept.leaflets, 0), *kept.lines(verbose)]))
    elapsed = time.monotonic() - started
    click.echo(f"Nothing changed since the last build: kept {target} as it was ({elapsed:.1f} s)")
    return 0


def _announce_site(project: Project) -> None:
    """Say what the (silent) MkDocs build is about to do."""
    languages = load_languages(project.data / "languages.yml")
    announce(f"Building the site ({plural(len(languages.codes), 'language')}) ...")


@click.command()
@root_option
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="FOLDER",
    help="Merge into this folder instead of site/.",
)
def merge(project: Project, shards: tuple[Path, ...], site_dir: Path | None) -> int:
    """Merge shard folders (`build --shard K/N`) into one site, as one whole build makes it."""
    started = time.monotonic()
    languages = load_languages(project.data / "languages.yml")
    nginx = read_options(project.config_file).server == "nginx"

    def merged(out: Path) -> None:
        merge_shards(list(shards), out, languages)

    target = build_and_swap(project, [merged], site_dir)
    if nginx:
        click.echo(f"nginx configuration: {write_server_config(project, target)}")
    click.echo(f"Merged {len(shards)} shards into {target} in {time.monotonic() - started:.1f} s")
    return 0


@click.command()
@root_option
@click.option(
    "--address",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="HOST:PORT",
    help="Where to listen.",
)
@click.option(
    "--lang",
    metavar="LANG",
    help="The language to preview [default: the source language]; 'all' for every one.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option(
    "--dirty", is_flag=True, help="Rebuild only the changed pages (faster, may miss links)."
)
def serve(project: Project, address: str, lang: str | None, open_browser: bool, dirty: bool) -> int:
    """Live preview on MkDocs' own server: rebuilds when content, data or templates change."""
    from victiminfo.site.serve import serve as serve_preview  # its server only when serving

    log_mkdocs_to_stderr()
    return serve_preview(project, address, lang, open_browser=open_browser, dirty=dirty)
