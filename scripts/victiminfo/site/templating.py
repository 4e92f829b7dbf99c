"""The Jinja environment for components shared by web pages and leaflets (overrides/components)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

LRI, PDI = "\u2066", "\u2069"


def ltr_web(text: str) -> Markup:
    """Isolate a number, date or address left-to-right for browsers."""
    return Markup('<span dir="ltr" class="vi-ltr">{}</span>').format(text)


def ltr_print(text: str) -> Markup:
    """Isolate left-to-right for WeasyPrint, which also needs the LRI/PDI characters."""
    return Markup('<span dir="ltr" class="vi-ltr">{}{}{}</span>').format(LRI, text, PDI)


@cache
def environment(root: Path, medium: str) -> Environment:
    """One environment per template root and medium ('web' or 'print')."""
    env = Environment(
        loader=FileSystemLoader(str(root)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["ltr"] = ltr_print if medium == "print" else ltr_web
    env.filters["e"] = escape
    env.globals["medium"] = medium
    return env


def compact(html: str) -> str:
    """Drop blank lines, so that Markdown keeps a rendered block as one raw HTML block."""
    return "\n".join(line for line in html.splitlines() if line.strip())
