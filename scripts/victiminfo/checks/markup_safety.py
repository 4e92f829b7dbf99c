"""Markup that must never reach a reader: scripts, embedded pages, event handlers, script URLs.

Readers may be watched or in danger: a page must run no code of its own, load nothing from
another host, and send nothing anywhere. Code blocks and code spans only show markup as text
and are not checked (the outline masks them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from victiminfo.content.markdown_outline import Outline, Tag
from victiminfo.errors import Problem
from victiminfo.rules import Rule

ELEMENTS = {
    "script": "runs code in the reader's browser",
    "noscript": "is only meant for scripts",
    "iframe": "embeds another page, which can run code and track the reader",
    "frame": "embeds another page",
    "frameset": "embeds other pages",
    "object": "embeds a plug-in or another page",
    "embed": "embeds a plug-in",
    "applet": "embeds a plug-in",
    "style": "restyles the whole site (the exit control and the 112 notice among them)",
    "link": "loads a file, possibly from another host",
    "meta": "can redirect the reader or change how the page is read",
    "base": "changes where every link on the page leads",
    "form": "sends what the reader types somewhere",
}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "cite"}
URL_ATTRS |= {"xlink:href", "srcset", "ping", "longdesc", "manifest"}
LOADS = {"img", "audio", "video", "source", "track", "input", "picture", "image"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
ATTR_TOKEN = re.compile(r"([^\s=]+)=(\"[^\"]*\"|'[^']*'|\S*)")
HINT_MARKUP = "remove it; write plain Markdown (the site's own templates add what is needed)"


def bad_scheme(url: str) -> str | None:
    """The dangerous scheme a URL uses (javascript:, data:, ...), as a browser would read it."""
    cleaned = CONTROL.sub("", html.unescape(url)).lower()
    return next((s for s in BAD_SCHEMES if cleaned.startswith(s)), None)


def markup_problems(path: Path, page: Outline) -> list[Problem]:
    """Every dangerous element, attribute and link in one page."""
    problems: list[Problem] = []
    for tag in page.tags:
        problems += _tag_problems(path, tag)
    for link in page.links:
        scheme = bad_scheme(link.target)
        what = "image" if link.image else "link"
        if scheme:
            problems.append(_scheme_problem(path, link.line, f"this {what}", scheme))
        elif link.image and _is_remote(link.target):
            problems.append(_remote(path, link.line, link.target))
    for attrs in page.attr_lists:
        problems += _attr_list_problems(path, attrs.content, attrs.line)
    return problems


def _tag_problems(path: Path, tag: Tag) -> Iterator[Problem]:
    if tag.name in ELEMENTS:
        yield Problem(
            path,
            f"a <{tag.name}> element {ELEMENTS[tag.name]}: it is not allowed in a page",
            rule=Rule.ELEMENT_NOT_ALLOWED,
            line=tag.line,
            hint=HINT_MARKUP,
        )
    for name, value in tag.attrs:
        yield from _attribute(path, tag.line, f"<{tag.name}>", name, value)
        if tag.name in LOADS and name in ("src", "srcset") and _is_remote(value):
            yield _remote(path, tag.line, value)


def _attribute(path: Path, line: int, where: str, name: str, value: str) -> Iterator[Problem]:
    name = name.lower()
    if name.startswith("on"):
        yield Problem(
            path,
            f"the attribute '{name}' on {where} runs code when the reader acts: not allowed",
            rule=Rule.EVENT_ATTRIBUTE_NOT_ALLOWED,
            line=line,
            hint="remove the attribute",
        )
    elif name in URL_ATTRS and (scheme := bad_scheme(value)):
        yield _scheme_problem(path, line, f"the attribute '{name}' on {where}", scheme)


def _attr_list_problems(path: Path, content: str, line: int) -> Iterator[Problem]:
    for match in ATTR_TOKEN.finditer(content):
        name, value = match.group(1), match.group(2).strip("\"'")
        yield from _attribute(path, line, "an attribute list {: ...}", name, value)


def _scheme_problem(path: Path, line: int, what: str, scheme: str) -> Problem:
    reason = "runs code" if scheme != "data:" else "carries hidden content that can run code"
    return Problem(
        path,
        f"{what} uses a '{scheme}' address, which {reason}: not allowed",
        rule=Rule.ADDRESS_RUNS_CODE,
        line=line,
        hint="link to a page (page.md) or an https:// address; save images under docs/sv/",
    )


def _is_remote(url: str) -> bool:
    return CONTROL.sub("", url).lower().startswith(("http://", "https://", "//"))


def _remote(path: Path, line: int, url: str) -> Problem:
    return Problem(
        path,
        f"the image '{url}' is loaded from another host: the reader's visit would be seen there",
        rule=Rule.REMOTE_IMAGE,
        line=line,
        hint="save the image under docs/sv/ (e.g. docs/sv/bilder/karta.png) and link it "
        "relative to this page",
    )
