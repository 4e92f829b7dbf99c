"""The site's nginx configuration, generated from mkdocs.yml: headers, 404 pages, cache, exit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from victiminfo.errors import fail
from victiminfo.model.languages import load_languages
from victiminfo.project import Project
from victiminfo.rules import Rule
from victiminfo.server.headers import security_headers
from victiminfo.server.routes import exit_path, site_path
from victiminfo.site.config import read_options
from victiminfo.site.mkdocs_config import read_raw_config

TEMPLATE = "nginx.conf.j2"
DEFAULT_LISTEN = "80"
DEFAULT_ERROR_LOG = "/var/log/nginx/victiminfo-error.log"
SHORT_CACHE = "max-age=300"
LONG_CACHE = "max-age=31536000, immutable"
# Debian's libnginx-mod-http-brotli-static: its module, relative to nginx's prefix as Debian's
# /etc/nginx/modules-enabled/50-mod-http-brotli-static.conf loads it for /etc/nginx/nginx.conf.
DEBIAN_NGINX_PREFIX = Path("/usr/share/nginx")
BROTLI_MODULE = "modules/ngx_http_brotli_static_module.so"
# What may stand inside a quoted nginx value: no quote, backslash, $ (a variable), ; { } or space.
SAFE_VALUE = re.compile(r"[^\s\"'\\$;{}]+")


@dataclass(frozen=True)
class ServerSettings:
    """What the configuration is made from: mkdocs.yml's settings and where the site is."""

    site_name: str
    site_url: str
    exit_url: str
    exit_route: str
    languages: tuple[str, ...]
    root: Path
    listen: str = DEFAULT_LISTEN
    error_log: str = DEFAULT_ERROR_LOG
    brotli: bool = False  # whether nginx has the brotli_static module (then it sends FILE.br)


def brotli_module_installed(prefix: Path = DEBIAN_NGINX_PREFIX) -> bool:
    """Whether Debian's brotli_static module is installed here (the package enables it)."""
    return (prefix / BROTLI_MODULE).is_file()


def server_settings(
    project: Project, root: Path, listen: str = DEFAULT_LISTEN, error_log: str = DEFAULT_ERROR_LOG
) -> ServerSettings:
    """The settings of a project's mkdocs.yml, for a site served from root."""
    raw = read_raw_config(project.config_file)
    languages = load_languages(project.data / "languages.yml")
    extra = raw.get("extra") or {}
    return ServerSettings(
        site_name=str(raw.get("site_name", "")),
        site_url=str(raw.get("site_url") or "/"),
        exit_url=str(extra.get("exit_url", "") if isinstance(extra, dict) else ""),
        exit_route=read_options(project.config_file).exit_route,
        languages=tuple(code for code in languages.codes if code != languages.default.code),
        root=root.resolve(),
        listen=listen,
        error_log=error_log,
        brotli=brotli_module_installed(),
    )


def checked(config_file: Path, field: str, value: str, hint: str) -> str:
    """A value that can stand quoted in the configuration; a problem naming its field if not."""
    if not SAFE_VALUE.fullmatch(value):
        raise fail(
            config_file,
            f"{value!r} cannot go into the web server's configuration",
            Rule.SERVER_SETTING_INVALID,
            field=field,
            hint=hint,
        )
    return value


def neutral_site(config_file: Path, exit_url: str) -> str:
    """The exit control's destination: a whole http(s) address without spaces or quotes."""
    hint = "write the neutral site's whole address, e.g. https://www.smhi.se/"
    if urlsplit(exit_url).scheme not in {"http", "https"}:
        raise fail(
            config_file,
            f"the exit control's destination {exit_url!r} is not an http(s) address",
            Rule.SERVER_SETTING_INVALID,
            field="extra.exit_url",
            hint=hint,
        )
    return checked(config_file, "extra.exit_url", exit_url, hint)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(Path(__file__).parent)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def server_config(settings: ServerSettings, config_file: Path) -> str:
    """The nginx server block that serves the built site as the project means it to be."""
    prefix = checked(
        config_file, "site_url", site_path(settings.site_url), "write e.g. https://example.se/"
    )
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            site_name=settings.site_name.replace('"', "'"),
            listen=checked(config_file, "listen", settings.listen, "e.g. 80 or 127.0.0.1:8080"),
            server_name=checked(
                config_file,
                "site_url",
                urlsplit(settings.site_url).hostname or "_",
                "write e.g. https://example.se/",
            ),
            root=checked(config_file, "root", str(settings.root), "a folder without spaces"),
            error_log=checked(config_file, "error_log", settings.error_log, "a file path"),
            prefix=prefix,
            languages=settings.languages,
            exit_path=exit_path(settings.site_url, settings.exit_route),
            exit_url=neutral_site(config_file, settings.exit_url),
            security_headers=security_headers(),
            brotli=settings.brotli,
            short_cache=SHORT_CACHE,
            long_cache=LONG_CACHE,
        )
    )


def config_beside(site: Path) -> Path:
    """Where the build writes the configuration: beside the site folder, site.nginx.conf."""
    return site.with_name(site.name + ".nginx.conf")


def standalone_config(
    server_conf: Path, prefix: Path, user: str | None = None, brotli: bool = False
) -> str:
    """A whole nginx.conf that runs the server block in the foreground from prefix (a test,
    a trial): `nginx -p PREFIX -c PREFIX/nginx.conf -e PREFIX/error.log`. user: the workers'
    user when started as root; brotli: load Debian's brotli_static module, as its
    modules-enabled file does (by an absolute path: a relative one is read from prefix)."""
    temp = {name: prefix / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    module = DEBIAN_NGINX_PREFIX / BROTLI_MODULE
    return "\n".join(
        [
            *([f'load_module "{module}";'] if brotli else []),
            "daemon off;",
            "worker_processes 1;",
            *([f"user {user};"] if user else []),
            f'pid "{prefix / "nginx.pid"}";',
            f'error_log "{prefix / "error.log"}" warn;',
            "events { worker_connections 64; }",
            "http {",
            "    include /etc/nginx/mime.types;",
            "    default_type application/octet-stream;",
            *(f'    {name}_temp_path "{path}";' for name, path in temp.items()),
            f'    include "{server_conf}";',
            "}",
            "",
        ]
    )
