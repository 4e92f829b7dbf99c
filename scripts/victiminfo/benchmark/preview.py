"""The preview's speed: from saving a Swedish page to the rebuilt page being served, and from
asking for its leaflet (made on request) to the PDF."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from victiminfo.project import REPO

POLL_SECONDS = 0.02


class PreviewFailed(RuntimeError):
    """The preview server did not start or never showed the change."""


@dataclass(frozen=True)
class PreviewTimes:
    """Seconds until the server first served the page, from each save to the new page, and
    from asking for the page's leaflet after each save to its PDF (none: not asked)."""

    start: float
    saves: tuple[float, ...]
    leaflets: tuple[float, ...] = ()


def free_port() -> int:
    """A TCP port on localhost that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, marker: str, deadline: float) -> float:
    """Poll url until its text contains marker; the time it appeared (perf_counter)."""
    while time.perf_counter() < deadline:
        text = fetch(url)
        if text is not None and marker in text:
            return time.perf_counter()
        time.sleep(POLL_SECONDS)
    raise PreviewFailed(f"{url} did not show {marker!r} in time")


def fetch_pdf(url: str) -> float:
    """Seconds from asking for url to having the whole PDF it answers with."""
    asked = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body = response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        raise PreviewFailed(f"{url}: {exc}") from None
    if not body.startswith(b"%PDF-"):
        raise PreviewFailed(f"{url} answered with something that is not a PDF")
    return time.perf_counter() - asked


def measure_preview(
    root: Path,
    page: Path,
    url_path: str,
    runs: int,
    extra_args: Sequence[str] = (),
    leaflet_path: str = "",
) -> PreviewTimes:
    """Start `victiminfo serve` on root, then save page runs times and time each rebuild (and
    then, with leaflet_path, the changed page's leaflet made on request)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = base + url_path
    original = page.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "victiminfo", "serve", "--root", str(root)]
    command += ["--address", f"127.0.0.1:{port}", *extra_args]
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=log)
        try:
            first = wait_for(url, "</html>", started + 600) - started
            saves, leaflets = [], []
            for n in range(runs):
                saves.append(_save_and_wait(page, original, url, n))
                if leaflet_path:
                    leaflets.append(fetch_pdf(base + leaflet_path))
        except PreviewFailed as exc:
            log.seek(0)
            raise PreviewFailed(f"{exc}\n{log.read().decode('utf-8', 'replace')[-3000:]}") from None
        finally:
            server.terminate()
            server.wait(timeout=30)
            page.write_text(original, encoding="utf-8")
    return PreviewTimes(first, tuple(saves), tuple(leaflets))


def _save_and_wait(page: Path, original: str, url: str, number: int) -> float:
    marker = f"benchmark-edit-{os.getpid()}-{number}-{time.time_ns()}"
    time.sleep(0.5)  # let the watcher settle after the previous rebuild
    saved = time.perf_counter()
    page.write_text(original + f"\n{marker}\n", encoding="utf-8")
    return wait_for(url, marker, saved + 300) - saved
