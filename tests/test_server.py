"""The generated nginx configuration, the precompressed files, a site nginx can read (#14)."""

from __future__ import annotations

import gzip
import os
import shutil
import stat
import subprocess
import tempfile
import urllib.request
from dataclasses import replace
from pathlib import Path

import brotli
import pytest
import yaml

from support import FIXTURES, REPO, build, copy_site, run_cli
from victiminfo.project import Project
from victiminfo.server.headers import header_policy, meta_policy
from victiminfo.server.nginx import brotli_module_installed, server_config, server_settings
from victiminfo.server.precompress import compressing_meanwhile, precompress
from victiminfo.site.build import build_and_swap
from webserver import NGINX, nginx, write_config


def set_in_mkdocs(root: Path, **changes: object) -> None:
    """Change top-level settings of a project's mkdocs.yml (plain YAML, no MkDocs tags)."""
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.update(changes)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def test_the_swapped_in_site_is_readable_by_every_user(tmp_path: Path) -> None:
    """Folders 755 and files 644 after the swap, whatever mkdtemp made (issue #14)."""

    def step(out: Path) -> None:
        (out / "en").mkdir()
        (out / "en" / "index.html").write_text("<p>hej</p>", encoding="utf-8")

    old_umask = os.umask(0o077)
    try:
        site = build_and_swap(Project(tmp_path), [step], tmp_path / "site")
    finally:
        os.umask(old_umask)
    for path in [site, site / "en", site / "en" / "index.html"]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def test_precompressed_copies_hold_the_same_bytes(tmp_path: Path) -> None:
    """Each text file gets FILE.gz and FILE.br with its very bytes; PDFs and small files
    none; the same bytes every time, both from the cache the second time (#14, #15)."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>Stöd</p>" * 100, encoding="utf-8")
    (site / "leaflet.pdf").write_bytes(b"%PDF" * 100)
    (site / "tiny.css").write_text("a{}", encoding="utf-8")
    written = precompress(site, cache)
    assert written == [site / "index.html.gz", site / "index.html.br"]
    assert gzip.decompress(written[0].read_bytes()) == page.read_bytes()
    assert brotli.decompress(written[1].read_bytes()) == page.read_bytes()
    assert sorted(path.suffix for path in cache.iterdir()) == [".br", ".gz"]
    again = [path.read_bytes() for path in precompress(site, cache)]
    assert again == [path.read_bytes() for path in written], "not reproducible"


def test_files_compressed_while_the_leaflets_render_are_copied_as_they_are_at_the_end(
    tmp_path: Path,
) -> None:
    """Compressing meanwhile (in threads, while the leaflets render) fills only the cache;
    precompress at the end copies from it, and a file changed since is compressed again:
    every copy holds the file's final bytes, and the same bytes as compressing at once,
    in one thread or in two (issue #15)."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    pages = [site / f"{n}.html" for n in range(6)]
    for n, page in enumerate(pages):
        page.write_text(f"<p>Stöd {n}</p>" * 200, encoding="utf-8")
    (site / "same.html").write_bytes(pages[0].read_bytes())  # one cache entry, two threads
    with compressing_meanwhile(site, cache, threads=2):
        pass
    assert not list(site.glob("*.br")), "the copies beside the files come at the end"
    assert len(list(cache.iterdir())) == 2 * 6
    pages[1].write_text("<p>Ändrad</p>" * 200, encoding="utf-8")
    written = precompress(site, cache, threads=2)
    for copy in written:
        decompress = brotli.decompress if copy.suffix == ".br" else gzip.decompress
        assert decompress(copy.read_bytes()) == copy.with_suffix("").read_bytes(), copy
    once = tmp_path / "once"
    shutil.copytree(site, once, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    alone = precompress(once, tmp_path / "cache-once")
    assert [p.read_bytes() for p in alone] == [p.read_bytes() for p in written]
    assert not list(cache.glob("*.tmp"))


def test_nginx_sends_brotli_to_who_takes_it_and_gzip_to_the_rest(
    small_site: Path, tmp_path: Path
) -> None:
    """Accept-Encoding: br gets the build's FILE.br, gzip alone FILE.gz, each decompressing
    to the file's bytes, with Vary: Accept-Encoding (issue #14)."""
    assert brotli_module_installed(), "install libnginx-mod-http-brotli-static (bootstrap.sh)"
    site = shutil.copytree(small_site, tmp_path / "site")
    precompress(site, tmp_path / "cache")
    root = small_site.parent
    decoders = {"br": brotli.decompress, "gzip": gzip.decompress}
    with nginx(site, tmp_path / "nginx", root=root) as served:
        for path, file in (("/", "index.html"), ("/search/search_index.json", None)):
            expected = (site / (file or path.lstrip("/"))).read_bytes()
            for accepted, sent in (("br, gzip", "br"), ("gzip", "gzip")):
                request = urllib.request.Request(
                    served.base + path, headers={"Accept-Encoding": accepted}
                )
                with urllib.request.urlopen(request, timeout=10) as response:
                    assert response.headers["Content-Encoding"] == sent, (path, accepted)
                    assert "Accept-Encoding" in response.headers["Vary"]
                    assert decoders[sent](response.read()) == expected, (path, sent)


def test_the_header_policy_is_the_page_policy_and_more() -> None:
    """One policy: the header adds frame-ancestors to the <meta> tag's (issue #14)."""
    assert header_policy().startswith(meta_policy())
    assert "frame-ancestors 'none'" in header_policy()
    assert "frame-ancestors" not in meta_policy()
    assert "'unsafe-inline'" in meta_policy(preview=True)
    assert "'unsafe-inline'" not in header_policy()


def test_nginx_accepts_the_generated_configuration(tmp_path: Path) -> None:
    """`nginx -t` accepts the project's configuration as generated (issue #14)."""
    config = write_config(tmp_path / "site", tmp_path, 8080, None)
    prefix = ["-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")]
    result = subprocess.run(
        [NGINX, "-t", *prefix], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_without_the_brotli_module_the_configuration_leaves_brotli_out() -> None:
    """brotli_static only where nginx has Debian's module: else nginx would not start (#14)."""
    settings = server_settings(Project(REPO), REPO / "site")
    with_module = server_config(replace(settings, brotli=True), REPO / "mkdocs.yml")
    without = server_config(replace(settings, brotli=False), REPO / "mkdocs.yml")
    assert "    brotli_static on;" in with_module
    assert "brotli_static" not in without and "gzip_static on;" in without
    assert "libnginx-mod-http-brotli-static" in without  # says what to install


def test_a_site_under_a_path_is_configured_under_that_path(tmp_path: Path) -> None:
    """site_url's path prefixes every location, the 404 pages and the exit route (#14)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    set_in_mkdocs(root, site_url="https://stod.testkommun.se/info/")
    result = run_cli("server-config", "--root", str(root))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "server_name stod.testkommun.se;" in text
    assert "error_page 404 /info/404.html;" in text
    assert "location = /info/lamna/ {" in text
    assert 'return 303 "https://www.smhi.se/";' in text
    assert "$remote_addr" not in text and "access_log off;" in text


@pytest.mark.parametrize(
    "exit_url", ["www.smhi.se", 'https://www.smhi.se/"; return 200 "x', "https://x.se/$host"]
)
def test_an_exit_url_nginx_cannot_take_is_refused(tmp_path: Path, exit_url: str) -> None:
    """A neutral site that is no address, or would change the configuration: VI515 (#14)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    set_in_mkdocs(root, extra={"exit_url": exit_url})
    result = run_cli("server-config", "--root", str(root))
    assert result.returncode == 1
    assert "mkdocs.yml: error: VI515 server-setting-invalid: [extra.exit_url]" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_static_site_links_straight_to_the_neutral_site(small_site: Path) -> None:
    """Without `server: nginx` the exit control is the plain link, and no .gz (#14)."""
    html = (small_site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.smhi.se/" rel="noreferrer noopener" data-vi-exit' in html
    assert not (small_site / "index.html.gz").exists()


def test_the_real_site_exits_through_the_route(real_site: Path) -> None:
    """Under `server: nginx` the exit control leads to the exit route; config beside (#14)."""
    html = (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="/lamna/" rel="noreferrer noopener" data-vi-exit' in html
    beside = real_site.with_name(real_site.name + ".nginx.conf")
    assert f'root "{real_site.resolve()}";' in beside.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="workers change user only under root")
def test_an_unprivileged_worker_serves_the_built_site(tmp_path: Path) -> None:
    """nginx's worker as nobody reads what the build swapped in: no 403 (issue #14)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    public = Path(tempfile.mkdtemp(prefix="vi-public-"))  # under /tmp, reachable by nobody
    try:
        public.chmod(0o755)
        site = build(root, public / "site")
        with nginx(site, tmp_path / "nginx", user="nobody nogroup", root=root) as served:
            response = urllib.request.urlopen(served.base + "/", timeout=10)
            with response:
                status = response.status
        assert status == 200
    finally:
        subprocess.run(["rm", "-rf", str(public)], check=True)
