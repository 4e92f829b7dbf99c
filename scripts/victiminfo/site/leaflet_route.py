"""The live preview's leaflets: a request for one under leaflets/ makes it then (issue #15).

The preview builds no leaflets (a saved page must show again within a second or two); its
pages still link them, so MkDocs' server is given this WSGI layer in front of it (the
plugin's on_serve), which answers a leaflet's address with the PDF made on request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

from victiminfo.leaflets.preview import preview_leaflet
from victiminfo.site.state import SiteState

App = Callable[[dict[str, Any], Any], Iterable[bytes]]  # a WSGI application
PREFIX = "leaflets/"


def leaflet_output(path: str, mount_path: str) -> PurePosixPath | None:
    """The leaflet a request path asks for (leaflets/sv/x.pdf), or None for anything else."""
    rel = path.removeprefix(mount_path.rstrip("/") + "/")
    if rel == path or not rel.startswith(PREFIX) or not rel.endswith(".pdf") or ".." in rel:
        return None
    return PurePosixPath(rel)


def with_leaflets(app: App, state: Callable[[], SiteState], mount_path: str) -> App:
    """app, with the leaflets under mount_path made on request from the current state."""

    def serve(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        output = leaflet_output(environ.get("PATH_INFO", ""), mount_path)
        if output is None:
            return app(environ, start_response)
        preview = preview_leaflet(state(), output)
        if preview.pdf is not None:
            headers = [("Content-Type", "application/pdf"), ("Cache-Control", "no-store")]
            start_response("200 OK", [*headers, ("Content-Length", str(len(preview.pdf)))])
            return [preview.pdf]
        if not preview.problems:
            return app(environ, start_response)  # no such leaflet: the server's own 404
        text = "\n".join(str(problem) for problem in preview.problems).encode("utf-8")
        start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"This leaflet cannot be made:\n\n", text]

    return serve
