"""The check's heading ids are the ids the real build gives the headings (issue #5).

A link to #fragment is checked against ids the check computes the way the toc extension does
(explicit {#id}, else the slugified heading text, made unique); this compares them with the
ids in the real site's HTML, every page of every language.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from support import REPO, parse_html
from victiminfo.content.anchors import heading_ids, toc_settings
from victiminfo.content.markdown_outline import outline
from victiminfo.content.page_text import read_page_text
from victiminfo.content.pages import page_url, source_pages
from victiminfo.model.languages import load_languages
from victiminfo.site.mkdocs_config import read_raw_config

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def built_ids(html: Path) -> list[str]:
    """The ids of the page's own headings in a built page, in order.

    Contact cards rendered from placeholders carry ids of their own ('vi-card-...'): they
    come from the site's templates, not from the page's headings.
    """
    doc = parse_html(html)
    return [
        e.attrs["id"]
        for e in doc.elements
        if e.tag in HEADINGS and e.attrs.get("id") and not e.attrs["id"].startswith("vi-")
    ]


def computed_ids(docs: Path, code: str, rel: PurePosixPath) -> list[str]:
    """The heading ids the check computes for a page, in order."""
    toc = toc_settings(read_raw_config(REPO / "mkdocs.yml"))
    return heading_ids(outline(read_page_text(docs, code, rel)), toc)


def test_heading_ids_match_the_built_site(real_site: Path) -> None:
    docs = REPO / "docs"
    languages = load_languages(docs / "_data/languages.yml")
    compared = 0
    for code in languages.codes:
        root = real_site if code == languages.default.code else real_site / code
        for rel in source_pages(docs, code):
            html = root / page_url(rel) / "index.html"
            assert built_ids(html) == computed_ids(docs, code, rel), f"{code}/{rel}"
            compared += 1
    assert compared > 100
