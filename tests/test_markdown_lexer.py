"""The check, the translation exchange and the build read Markdown with one lexer (issue #11).

For any Markdown made of the blocks pages use, the three agree on where blocks start and end:
which lines are code, which are headings, which placeholders are rendered. And the check sees
what the real build (Python-Markdown with the site's extensions) makes of it: the same code
blocks, headings, inline code and raw HTML tags (a missed tag could be a script that runs).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import REPO
from victiminfo.content.markdown_lexer import fenced_ranges, lex
from victiminfo.content.markdown_outline import Outline, outline
from victiminfo.content.page_text import PageText, markdown_line, split_page
from victiminfo.content.placeholders import find_placeholders
from victiminfo.content.segments import Pc, Ph, Segmented, codes, segment
from victiminfo.site.mkdocs_config import read_raw_config

MARKER = "kbd"  # an HTML element Markdown never makes itself: each one in the build is raw HTML

WORDS = st.sampled_from(["Ring", "stöd", "i dag", "Polisen", "112", "å ä ö", "x"])
INLINE = st.one_of(
    WORDS,
    st.sampled_from(
        [
            "`kod`",
            "``a ` b``",
            "`<kbd>c</kbd>`",
            "<kbd>k</kbd>",
            "\\`<kbd>e</kbd>\\`",
            "`",
            "{{ card polisen }}",
            "`{{ card kod }}`",
            "{{ phone polisen emergency }}",
            "[länk](andra.md)",
            "[`<kbd>l</kbd>`](andra.md#del)",
            "**fet**",
            "*kursiv*",
            "<https://example.se/>",
            "{: #id }",
        ]
    ),
)
TEXT = st.lists(INLINE, min_size=1, max_size=6).map(" ".join)
LINES = st.lists(TEXT, min_size=1, max_size=3).map("\n".join)
CLOSED_FENCES = [
    "```\n<kbd>a</kbd>\n```",
    "~~~text\n# inte en rubrik\n{{ card kod }}\n~~~",
    "````\n```\n<kbd>b</kbd>\n````",
    "```python\nx = 1\n```",
    "  ```\n  <kbd>indented</kbd>\n  ```",
]
FENCED = st.sampled_from(
    [
        *CLOSED_FENCES,
        "```\n<kbd>unclosed</kbd>",
        "```\n<kbd>longer close</kbd>\n````",
        "```python\nx = 1\n```",
        '```python hl_lines="x"\n<kbd>bad option</kbd>\n```',
        "``` `x`\n<kbd>unrecognised</kbd>\n```",
        "  ```\n  <kbd>indented</kbd>\n  ```",
        "  ```\n<kbd>not indented</kbd>\n  ```",
    ]
)
RAW = st.sampled_from(
    [
        "<div>\n`<kbd>r</kbd>`\n</div>",
        "<div markdown>\n`<kbd>m</kbd>`\n</div>",
        '<div markdown="0">\n`<kbd>z</kbd>`\n</div>',
        "<p>`<kbd>p</kbd>`</p>",
        "<div>\n\n# ingen rubrik\n\n</div>",
        "<hr>",
    ]
)
HEADINGS = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), TEXT),
    st.builds(lambda t: f"## {t} {{#del}}", WORDS),
    st.builds(lambda t: f"#{t}", WORDS),
    st.builds(lambda t, u: f"{t}\n{u}", WORDS, st.sampled_from(["===", "---", "-"])),
)
OTHER_BLOCKS = [
    LINES,
    HEADINGS,
    RAW,
    st.builds(lambda a, b: f"- {a}\n- {b}", TEXT, TEXT),
    st.builds(lambda a: f"1. {a}", TEXT),
    st.builds(lambda a: f"> {a}", TEXT),
    st.builds(lambda t, a: f'!!! note "{t}"\n    {a}', WORDS, TEXT),
    st.builds(lambda a, b: f"!!! warning\n    {a}\n\n    ## {b}", TEXT, WORDS),
    st.builds(lambda a, b: f"| a | b |\n|---|---|\n| {a} | {b} |", WORDS, WORDS),
    st.sampled_from(["---", "***", "{{ services solna }}"]),
]
DOCUMENTS = st.lists(st.one_of(FENCED, *OTHER_BLOCKS), min_size=1, max_size=8).map("\n\n".join)
CLEAN_DOCUMENTS = st.lists(
    st.one_of(st.sampled_from(CLOSED_FENCES), *OTHER_BLOCKS), min_size=1, max_size=8
).map("\n\n".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _extensions() -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions of the build: MkDocs's own, then those in mkdocs.yml."""
    names: list[Any] = ["toc", "tables", "fenced_code"]
    configs: dict[str, Any] = {}
    for entry in read_raw_config(REPO / "mkdocs.yml").get("markdown_extensions") or []:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config or {}
    return names, configs


EXTENSIONS = _extensions()


def build_html(body: str) -> str:
    """The page as the build makes it, without the placeholders (rendered before Markdown)."""
    return markdown.markdown(body, extensions=EXTENSIONS[0], extension_configs=EXTENSIONS[1])


def _page(body: str) -> Outline:
    return outline(PageText(Path("docs/sv/x.md"), "sv", PurePosixPath("x.md"), body, {}, body, 1))


def _fence_lines(body: str) -> set[int]:
    lines = body.split("\n")
    return {i + 1 for start, end in fenced_ranges(lines) for i in range(start, end)}


def _units(segmented: Segmented) -> list[tuple[str, int, str]]:
    return [(u.kind, u.line, u.text) for u in segmented.units]


@SETTINGS
@given(DOCUMENTS)
def test_check_exchange_and_build_agree_on_blocks(body: str) -> None:
    """Code, headings and placeholders are in the same places for all three (issue #11)."""
    page, segmented, html = _page(body), segment(body), build_html(body)
    fences = _fence_lines(body)
    # code: the build's code blocks are the check's fences, and the exchange leaves them alone
    assert html.count("<pre") == len(fenced_ranges(body.split("\n")))
    masked = page.masked.split("\n")
    assert all(not masked[line - 1].strip() for line in fences)
    assert not {line for _, line, _ in _units(segmented)} & fences
    # headings: the build's levels are the check's, and each is a unit of the exchange
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    assert [h.level for h in page.headings] == levels
    heading_units = {line for kind, line, _ in _units(segmented) if kind == "heading"}
    assert heading_units <= {h.line for h in page.headings}
    # placeholders: the build renders those the check checks; the exchange protects them
    markdown_text = body.lstrip("\n")
    built = find_placeholders(markdown_text, 1 + body.count("\n") - markdown_text.count("\n"))
    assert [(p.text, p.line) for p in built] == [(p.text, p.line) for p in page.placeholders]
    protected = [c for u in segmented.units for c in codes(u.nodes) if c.kind == "placeholder"]
    assert len(protected) <= len(page.placeholders)
    assert segmented.join() == body


def _raw_tags(body: str) -> tuple[int, int]:
    """How many raw HTML marker tags the check sees in body, and how many the build has."""
    return sum(t.name == MARKER for t in _page(body).tags), build_html(body).count(f"<{MARKER}>")


def _code(body: str) -> tuple[int, int]:
    """How many code spans the check masks, and how many inline code elements the build has."""
    html = build_html(body)
    return sum(t.kind == "code" for t in lex(body).tokens), html.count("<code") - html.count("<pre")


@SETTINGS
@given(DOCUMENTS)
def test_the_check_never_misses_markup_the_build_passes_on(body: str) -> None:
    """Each raw tag the build makes is seen; only code the build escapes is masked (issue #11).

    Where the build reads a fence-like line as text, the check may see more than the build
    does (a false alarm), never less.
    """
    seen, built = _raw_tags(body)
    assert seen >= built
    masked, escaped = _code(body)
    assert masked <= escaped


@SETTINGS
@given(CLEAN_DOCUMENTS)
def test_the_check_sees_exactly_the_markup_and_code_the_build_makes(body: str) -> None:
    """With every fence closed, the check and the build agree tag for tag (issue #11)."""
    seen, built = _raw_tags(body)
    assert seen == built
    masked, escaped = _code(body)
    assert masked == escaped


@pytest.mark.parametrize(
    ("body", "tags"),
    [
        ("```\n<script>alert(1)</script>\n", ["script"]),
        ("<div>\n`<script>alert(1)</script>`\n</div>\n", ["div", "script"]),
        ("- x\n    ```\n<script>alert(1)</script>\n    ```\n", ["script"]),
        ("\\`<script>x</script>`\n", ["script"]),
        ("```\n<script>alert(1)</script>\n```\n", []),
        ("Text `<script>x</script>` text\n", []),
    ],
)
def test_markup_the_build_does_not_show_as_code_is_checked(body: str, tags: list[str]) -> None:
    """An unclosed fence, a code span in raw HTML: the build runs it, so the check sees it.

    Before one lexer, the check read these as code and missed the script (issue #11).
    """
    assert [tag.name for tag in _page(body).tags] == tags
    assert ("<script>" in build_html(body)) == ("script" in tags)


def test_a_placeholder_in_code_is_text_for_all_three() -> None:
    """{{ card x }} in code is shown as written: not rendered, checked or protected (issue #11)."""
    body = "Skriv `{{ card polisen }}` så här:\n\n```\n{{ phone polisen emergency }}\n```\n"
    assert _page(body).placeholders == []
    assert find_placeholders(body) == []
    unit = segment(body).units[0]
    assert [c.kind for c in codes(unit.nodes)] == ["code"]


def test_the_build_s_placeholder_lines_are_the_file_s(tmp_path: Path) -> None:
    """Errors from the build name the line in the file, front matter counted (issue #11)."""
    text = "---\ntitle: Start\n---\n\n# Start\n\n{{ card nowhere }}\n"
    page = split_page(tmp_path / "index.md", "sv", PurePosixPath("index.md"), text)
    (tmp_path / "index.md").write_text(text, "utf-8")
    mkdocs_markdown = page.body.lstrip("\n")
    first = markdown_line(tmp_path / "index.md")
    assert [p.line for p in find_placeholders(mkdocs_markdown, first)] == [7]
    assert [p.line for p in outline(page).placeholders] == [7]


def test_inline_codes_of_the_exchange_are_the_lexer_s() -> None:
    """The exchange protects what the lexer finds; a pair never cuts through a code (issue #11)."""
    unit = segment("Ett **fet `kod** här`** och [a](b.md).\n").units[0]
    kinds = [(c.kind, isinstance(c, Pc)) for c in codes(unit.nodes)]
    assert kinds == [("strong", True), ("code", False), ("link", True)]
    assert [c.data for c in codes(unit.nodes) if isinstance(c, Ph)] == ["`kod** här`"]
