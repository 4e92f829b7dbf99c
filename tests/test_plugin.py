"""The victiminfo MkDocs plugin under MkDocs' own commands: build, serve, errors (issue #11)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands import serve as mkdocs_serve_module
from mkdocs.livereload import LiveReloadServer
from pypdf import PdfReader

from support import FIXTURES, REPO, copy_site
from victiminfo.benchmark.preview import free_port
from victiminfo.errors import ContentError
from victiminfo.project import Project
from victiminfo.site.build import build_site_into
from victiminfo.site.config import read_options
from victiminfo.site.serve import POLL_SECONDS, QuickLiveReloadServer, quick_reload

ENV = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
BAD_PLACEHOLDER = "---\ntitle: Start\n---\n\n# Start\n\nText.\n\n{{ card origo }}\n"


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run MkDocs' own command line, as a user of MkDocs would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def check_command(root: Path) -> subprocess.CompletedProcess[str]:
    """scripts/check on root, run from root."""
    return subprocess.run(
        [sys.executable, "-m", "victiminfo", "check", "--root", str(root)],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the leaflets, by path."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and p.relative_to(site).parts[0] != "leaflets"
        # scripts/build's precompressed copies for nginx (issue #14), sitemap.xml.gz among them
        and p.suffix not in {".gz", ".br"}
    }


def test_plain_mkdocs_build_gives_the_site_of_scripts_build(
    real_site: Path, tmp_path: Path
) -> None:
    """`mkdocs build` in the venv gives the same web site as scripts/build (issue #11)."""
    result = mkdocs("build", "--quiet", "--site-dir", str(tmp_path / "plain"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    plain, ours = tree(tmp_path / "plain"), tree(real_site)
    assert sorted(plain) == sorted(ours)
    assert [path for path in plain if plain[path] != ours[path]] == []


def test_two_builds_in_one_process_give_the_same_site(tmp_path: Path) -> None:
    """No state leaks from one build to the next: the plugin's state is its own (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    project = Project(root)
    build_site_into(project, tmp_path / "one")
    build_site_into(project, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_content_error_under_plain_mkdocs_names_the_file_and_line(tmp_path: Path) -> None:
    """Bad content under `mkdocs build` is a plugin error, with the check's message (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    (root / "docs/sv/index.md").write_text(BAD_PLACEHOLDER, encoding="utf-8")
    result = mkdocs("build", "--quiet", cwd=root)
    check = check_command(root)
    assert result.returncode == 1 and check.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = [line for line in check.stdout.splitlines() if "docs/sv/index.md:" in line]
    assert line.startswith("docs/sv/index.md:9: error:")
    assert line in result.stderr


def edit_config(root: Path, old: str, new: str) -> Path:
    """Replace text in a site's mkdocs.yml (which must contain it); the file's path."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    return config


def test_plugin_options_are_validated_with_the_field_named(tmp_path: Path) -> None:
    """A wrong option stops plain MkDocs and our check, naming the option (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    config = edit_config(root, "facts_max_age_days: 365", "facts_max_age_days: soon")
    result = mkdocs("build", "--quiet", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "facts_max_age_days" in result.stderr and "whole number of days" in result.stderr
    with pytest.raises(ContentError, match="whole number of days"):
        read_options(config)


def test_the_source_language_must_match_languages_yml(tmp_path: Path) -> None:
    """mkdocs.yml names the i18n default language; it must be languages.yml's (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    edit_config(root, "locale: sv, name: Svenska", "locale: en, name: English")
    result = mkdocs("build", "--quiet", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "languages.yml says 'sv'" in result.stderr


def fetch(url: str) -> tuple[int, str]:
    """Status and body of a GET (error statuses included)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(url: str, marker: str, seconds: float) -> str:
    """The page once it shows marker, or fail after seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, body = fetch(url)
            if status == 200 and marker in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {marker!r} within {seconds} s")


@contextmanager
def serving(root: Path, *args: str) -> Iterator[str]:
    """A serve command, whose last argument is its address option, on a free port."""
    port = free_port()
    command = [*args, f"127.0.0.1:{port}"]
    with subprocess.Popen(
        command, cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as server:
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_plain_mkdocs_serve_previews_the_site_and_rebuilds(tmp_path: Path) -> None:
    """`mkdocs serve` serves pages, the site's own 404 page, and a saved change (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    page = root / "docs/sv/index.md"
    with serving(root, sys.executable, "-m", "mkdocs", "serve", "--dev-addr") as url:
        wait_for(url, "</html>", 120)
        status, body = fetch(url + "finns-inte/")
        assert status == 404 and 'lang="sv"' in body and "exit" in body.lower()
        page.write_text(page.read_text(encoding="utf-8") + "\nSparad-nyss-11.\n", "utf-8")
        wait_for(url, "Sparad-nyss-11.", 60)


def test_scripts_serve_leaves_no_temporary_folder_after_sigterm(tmp_path: Path) -> None:
    """Our serve runs on MkDocs' serve and cleans up on SIGTERM like on Ctrl-C (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    ENV["TMPDIR"] = str(tmp)
    try:
        command = [sys.executable, "-m", "victiminfo", "serve", "--root", str(root)]
        command.append("--address")
        with serving(root, *command) as url:
            wait_for(url, "</html>", 120)
            assert list(tmp.iterdir()) != []
    finally:
        del ENV["TMPDIR"]
    assert list(tmp.iterdir()) == []


def fetch_bytes(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET (error statuses included)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def test_the_preview_makes_a_leaflet_when_it_is_asked_for(tmp_path: Path) -> None:
    """The preview builds no leaflets; asking for one makes it from the saved page (#15)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    page = root / "docs/sv/orter/testby.md"
    command = [sys.executable, "-m", "victiminfo", "serve", "--root", str(root), "--address"]
    with serving(root, *command) as url:
        wait_for(url, "</html>", 120)
        status, kind, pdf = fetch_bytes(url + "leaflets/sv/orter-testby.pdf")
        assert (status, kind) == (200, "application/pdf") and pdf.startswith(b"%PDF-")
        assert fetch_bytes(url + "leaflets/sv/finns-inte.pdf")[0] == 404
        page.write_text(page.read_text(encoding="utf-8") + "\nSparad-nyss-15.\n", "utf-8")
        wait_for(url + "orter/testby/", "Sparad-nyss-15.", 60)
        status, _, again = fetch_bytes(url + "leaflets/sv/orter-testby.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(again)).pages)
    assert status == 200 and "Sparad-nyss-15." in text


def test_the_preview_looks_for_saved_files_five_times_a_second(tmp_path: Path) -> None:
    """scripts/serve's MkDocs server polls every 0.2 s, not 0.5 s; plain `mkdocs serve` keeps
    its own (issue #15)."""
    module = vars(mkdocs_serve_module)
    with quick_reload():
        assert module["LiveReloadServer"] is QuickLiveReloadServer
    assert module["LiveReloadServer"] is LiveReloadServer
    server = QuickLiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        assert server.observer.timeout == POLL_SECONDS == 0.2
    finally:
        server.server_close()
