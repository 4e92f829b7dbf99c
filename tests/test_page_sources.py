"""A page's sources: a short list at the end of its web page, in every language, never on paper.

Issue #16: a page that states facts of law or procedure names its sources (`sources:` in the
Swedish page's front matter, keys of sources.yml); translations show the Swedish page's.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import yaml

from support import REPO, run_cli
from victiminfo.checks.coverage import RIGHTS_PAGE
from victiminfo.checks.revisions import front_matter_problems
from victiminfo.content.page_text import split_page
from victiminfo.rules import Rule

SECTION = re.compile(r'<section class="vi-sources web-only"[^>]*>(.*?)</section>', re.DOTALL)
HEADING = re.compile(r"<h2[^>]*>(.*?)</h2>", re.DOTALL)
ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
LINK = re.compile(r'<a href="([^"]+)" rel="noreferrer"><bdi>(.*?)</bdi></a>')
RIGHTS = "dina-rattigheter/index.html"


def listed(page: Path) -> tuple[str, list[str]] | None:
    """The sources section of a built page: its heading and each item's inner HTML."""
    found = SECTION.search(page.read_text(encoding="utf-8"))
    if found is None:
        return None
    heading = HEADING.search(found.group(1))
    assert heading is not None, found.group(0)
    return html.unescape(heading.group(1)).strip(), ITEM.findall(found.group(1))


def links(items: list[str]) -> list[tuple[str, str]]:
    """(address, title) of each linked item, unescaped."""
    out = []
    for item in items:
        match = LINK.fullmatch(item.strip())
        assert match is not None, item
        out.append((html.unescape(match.group(1)), html.unescape(match.group(2))))
    return out


def same(url: str) -> str:
    """A web address as the model normalises it (percent-encoding, a trailing slash)."""
    return unquote(url).rstrip("/")


def swedish_sources() -> list[tuple[str, str]]:
    """(url, title) of each source the Swedish rights page cites, from the data."""
    text = (REPO / "docs/sv/dina-rattigheter.md").read_text(encoding="utf-8")
    keys = yaml.safe_load(text.split("---\n")[1])["sources"]
    sources = yaml.safe_load((REPO / "docs/_data/sources.yml").read_text(encoding="utf-8"))
    return [(sources[key]["url"], sources[key]["title"]) for key in keys]


def test_the_rights_page_lists_its_sources_linked(real_site: Path) -> None:
    """Issue #16: every source of the front matter, in its order, its title linked to its url."""
    section = listed(real_site / RIGHTS)
    assert section is not None
    heading, items = section
    assert heading == "Källor"
    assert [(same(url), title) for url, title in links(items)] == [
        (same(url), title) for url, title in swedish_sources()
    ]


def test_translations_show_the_swedish_pages_sources_in_their_language(real_site: Path) -> None:
    """Issue #16: a translation has no sources of its own; the heading is in its language."""
    swedish = listed(real_site / RIGHTS)
    for code, heading in (("en", "Sources"), ("ar", "المصادر"), ("ti", "ምንጭታት")):
        translated = listed(real_site / code / RIGHTS)
        assert translated is not None and swedish is not None, code
        assert translated == (heading, swedish[1]), code


def test_a_page_without_sources_lists_none(real_site: Path) -> None:
    """Issue #16: a page that names no sources (the safety page) has no empty heading."""
    assert listed(real_site / "sakerhet-pa-natet/index.html") is None


def test_leaflets_leave_the_sources_out(real_site: Path) -> None:
    """Issue #16: paper has no links; the booklet that appends the rights page has no list."""
    booklet = real_site / "leaflets/sv/orter-solna.pdf"
    text = subprocess.run(
        ["pdftotext", "-nodiag", str(booklet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Dina rättigheter" in text
    assert "Källor" not in text
    assert all(title not in text for _, title in swedish_sources())


def test_an_unknown_source_stops_the_build(small_project: Path) -> None:
    """Issue #16: the build names the file, the line and the key, and leaves site/ alone."""
    page = small_project / "docs/sv/andra.md"
    page.write_text(
        "---\nsources:\n  - test-source\n  - nowhere\n---\n\n# Andra sidan\n\nText.\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(small_project), "--no-leaflets")
    assert result.returncode == 1
    assert "docs/sv/andra.md:4: error: VI329 page-source-unknown" in result.stderr
    assert "'nowhere'" in result.stderr and "Traceback" not in result.stderr
    assert not (small_project / "site").exists()


def test_a_source_without_address_shows_its_title(small_project: Path) -> None:
    """Issue #16: a source with no url (an article) is listed by its title, unlinked."""
    data = small_project / "docs/_data/sources.yml"
    data.write_text(
        data.read_text(encoding="utf-8") + "an-article:\n  title: En artikel & mer\n",
        encoding="utf-8",
    )
    (small_project / "docs/sv/andra.md").write_text(
        "---\nsources: [an-article, test-source]\n---\n\n# Andra sidan\n\nText.\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(small_project), "--no-leaflets")
    assert result.returncode == 0, result.stderr
    section = listed(small_project / "site/andra/index.html")
    assert section is not None
    assert section[1][0].strip() == "<bdi>En artikel &amp; mer</bdi>"
    assert links(section[1][1:]) == [("https://example.se/", "A test source")]


def test_a_translations_own_sources_are_reported_unless_copied() -> None:
    """Issue #16: other sources in a translation mislead (they are not shown): a warning; a copy
    of the Swedish list (an agency's import starts from the Swedish front matter) does not."""
    swedish = split_page(Path("sv.md"), "sv", RIGHTS_PAGE, "---\nsources: [a, b]\n---\n# R\n")
    copied = split_page(Path("en.md"), "en", RIGHTS_PAGE, "---\nsources: [a, b]\n---\n# R\n")
    other = split_page(Path("en.md"), "en", RIGHTS_PAGE, "---\nsources: [c]\n---\n# R\n")
    assert front_matter_problems(copied, translation=True, swedish=swedish) == []
    [problem] = front_matter_problems(other, translation=True, swedish=swedish)
    assert problem.rule is Rule.FRONT_MATTER_KEY_UNKNOWN and problem.line == 2
    assert "shows its Swedish page's sources" in problem.message
    assert front_matter_problems(swedish, translation=False) == []
