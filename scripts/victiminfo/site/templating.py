"""The Jinja environment for components shared by web pages and leaflets (overrides/components)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup, escape

LRI, PDI = "\u2066", "\u2069"
NO_SHARED_TEMPLATES = "VICTIMINFO_NO_TEMPLATE_CACHE"  # set: compile in every build (to compare)


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


class SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory for the whole process, by template and source.

    MkDocs makes a new Jinja environment for each language's build, which compiled the
    theme's templates again, ten times (issue #15); a template whose source changed (a
    preview after an edit) gets its own entry.
    """

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket its compiled code, if this source was compiled before."""
        found = self.code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.bytecode_from_string(found[1])

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what was just compiled."""
        self.code[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())


def share_compiled_templates(env: Environment) -> Environment:
    """Give env the process's compiled templates for environments compiled like it."""
    if not os.environ.get(NO_SHARED_TEMPLATES):
        env.bytecode_cache = _shared_cache(_compiled_like(env))
    return env


@cache
def _shared_cache(settings: str) -> SharedBytecode:
    return SharedBytecode()


def _compiled_like(env: Environment) -> str:
    """What decides the code Jinja compiles a template to (besides its source)."""
    options = [
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        sorted(env.extensions),
        _name(env.autoescape),
        _name(env.finalize),
        _name(env.undefined),
        env.is_async,
        sorted(env.policies.items(), key=repr),
    ]
    return repr(options)


def _name(value: object) -> str:
    qualname = getattr(value, "__qualname__", None)
    return f"{getattr(value, '__module__', '')}.{qualname}" if qualname else repr(value)
