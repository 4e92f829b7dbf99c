"""The one front-matter reader: MkDocs's split, every byte kept, lines for errors (issue #11)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from victiminfo.content.page_text import (
    NEWLINE,
    markdown_line,
    parse_front_matter,
    split_front_matter,
    split_lines,
    split_page,
    unclosed_front_matter,
)
from victiminfo.errors import ContentError

PAGE = Path("docs/en/index.md")

LINES = st.sampled_from(
    ["---", "--- ", "...", "----", "title: Start", "source_revision: 'abc1234'", "x: [1", "",
     "# Rubrik", "text", "  - 1", "machine_translation: true", "\ufeff---"]
)  # fmt: skip
ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
TEXTS = st.lists(st.tuples(LINES, ENDINGS), max_size=8).map(
    lambda lines: "".join(line + end for line, end in lines)
)


def _read(text: str) -> tuple[dict[object, object], str] | None:
    """What the reader makes of a text: its keys and body as MkDocs hands it on (None: refused)."""
    split = split_front_matter(text)
    try:
        meta, _ = parse_front_matter(PAGE, split)
    except ContentError:
        return None
    return meta, NEWLINE.sub("\n", split.body).lstrip("\n") if split.front else split.body


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_split_is_mkdocs_s_and_keeps_every_byte(text: str) -> None:
    """Front and body give the text back; where MkDocs reads front matter, the same (issue #11)."""
    split = split_front_matter(text)
    assert split.front + split.body == text
    normal = NEWLINE.sub("\n", text.removeprefix("\ufeff"))
    markdown, meta = get_data(normal)
    read = _read(text)
    if split.front and read is not None:
        assert read == (meta, markdown)
    if not split.front:
        assert markdown == normal or not normal.startswith("---")  # MultiMarkdown meta aside
    assert split.body_line == len(split_lines(split.front)) + 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: Start\nsource_revision: 12\n---\n# Start\n", 3),
        ("---\r\ntitle: Start\r\n\r\nsource_revision: 12\r\n...\r\n# Start\r\n", 4),
        ("\ufeff---\ntitle: Start\nsource_revision: 12\n---\n", 3),
    ],
)
def test_a_key_s_line_counts_the_fence(text: str, line: int) -> None:
    """Errors name the key's line in the file, whatever its line endings (issue #11)."""
    page = split_page(PAGE, "en", PurePosixPath("index.md"), text)
    assert page.meta["title"] == "Start"
    assert page.key_line("source_revision") == line
    assert page.key_line("reviewed_by") is None


def test_front_matter_that_is_not_yaml_is_named_with_its_line() -> None:
    with pytest.raises(ContentError) as caught:
        split_page(PAGE, "en", PurePosixPath("index.md"), "---\ntitle: Start\nx: [1\n---\n")
    [problem] = caught.value.problems
    assert problem.line == 4 and problem.message.startswith("front matter: ")


@pytest.mark.parametrize("text", ["---\n\n---\n# A\n", "---\n# note\n---\n", "---\n- a\n---\n"])
def test_a_front_matter_mkdocs_shows_as_text_is_refused(text: str) -> None:
    """Empty, comment-only or list front matter: MkDocs prints it on the page (issue #11)."""
    with pytest.raises(ContentError) as caught:
        split_page(PAGE, "en", PurePosixPath("index.md"), text)
    assert "MkDocs would show it as text" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("text", "unclosed"),
    [("---\ntitle: x\n# H\n", True), ("---\n---\n", True), ("--- \n", True), ("# H\n---\n", False),
     ("---\ntitle: x\n---\n", False), ("----\n", False)],
)  # fmt: skip
def test_a_first_line_that_opens_no_front_matter_is_known(text: str, unclosed: bool) -> None:
    assert unclosed_front_matter(text) is unclosed


def test_the_markdown_mkdocs_hands_on_is_located_in_the_file(tmp_path: Path) -> None:
    """A placeholder's line in the build is its line in the file (issue #11)."""
    path = tmp_path / "page.md"
    text = "---\ntitle: Start\n---\n\n\n# Start\n\n{{ card x }}\n"
    path.write_text(text, "utf-8")
    markdown, _ = get_data(text)
    assert markdown.startswith("# Start") and markdown_line(path) == 6
    assert markdown_line(tmp_path / "generated.md") == 1
