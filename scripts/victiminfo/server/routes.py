"""Where the site lives on its server: the path of site_url, and the exit control's route."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_path(site_url: str) -> str:
    """The URL path the site is served under, from '/' to the last '/': '/info/' or '/'."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def exit_path(site_url: str, route: str) -> str:
    """The absolute path of the exit route on the site: '/lamna/'."""
    return site_path(site_url) + route


def exit_href(site_url: str, exit_url: str, route: str, through_server: bool) -> str:
    """Where the exit control's link points: the server's exit route when it has one, else
    straight to the neutral site (a static host, or the preview)."""
    return exit_path(site_url, route) if through_server else exit_url
