"""The built site served by a real nginx, with the configuration the project generates (#14)."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from support import REPO, run_cli
from victiminfo.benchmark.preview import free_port
from victiminfo.server.nginx import brotli_module_installed, standalone_config

NGINX = "/usr/sbin/nginx"
STARTUP_SECONDS = 10.0


@dataclass(frozen=True)
class Served:
    """A running nginx: its base URL, and its folder (configuration, pid and error logs)."""

    base: str
    prefix: Path

    def error_logs(self) -> str:
        """Everything nginx wrote to its error logs so far."""
        logs = sorted(self.prefix.glob("*error.log"))
        return "".join(log.read_text(encoding="utf-8", errors="replace") for log in logs)


def worker_user() -> str | None:
    """The workers' user: the current one (nginx's own default, nobody, only when asked)."""
    return f"{getpass.getuser()} {getpass.getuser()}" if os.geteuid() == 0 else None


def write_config(site: Path, prefix: Path, port: int, user: str | None, root: Path = REPO) -> Path:
    """The generated server block (by the command line) inside a whole nginx.conf."""
    server = prefix / "server.conf"
    result = run_cli(
        "server-config",
        "--root",
        str(root),
        "--site-dir",
        str(site),
        "--listen",
        f"127.0.0.1:{port}",
        "--error-log",
        str(prefix / "server-error.log"),
        "--output",
        str(server),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    main = prefix / "nginx.conf"
    config = standalone_config(server, prefix, user, brotli=brotli_module_installed())
    main.write_text(config, encoding="utf-8")
    return main


def wait_for(port: int, process: subprocess.Popen[bytes], prefix: Path) -> None:
    """Return once nginx answers on port; fail with its error log if it stops or never does."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    log = (prefix / "error.log").read_text(encoding="utf-8", errors="replace")
    raise AssertionError(f"nginx did not start on port {port}:\n{log}")


@contextmanager
def nginx(site: Path, prefix: Path, user: str | None = None, root: Path = REPO) -> Iterator[Served]:
    """Serve a built site with nginx in the foreground from prefix, until the block ends."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = write_config(site, prefix, port, user or worker_user(), root)
    command = [NGINX, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    try:
        wait_for(port, process, prefix)
        yield Served(f"http://127.0.0.1:{port}", prefix)
    finally:
        process.terminate()
        process.wait(timeout=10)
