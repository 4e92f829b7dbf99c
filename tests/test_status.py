"""scripts/status: the translation matrix and the diff of a Swedish page (issue #5)."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from git_site import commit_all, git_site, run_tool
from support import REPO, Document, parse_html
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project
from victiminfo.site.templating import environment
from victiminfo.translation.meta import State
from victiminfo.translation.status import build_matrix
from victiminfo.translation.status_render import LOOKS, Table, TableRow, markdown, terminal

TESTBY = PurePosixPath("orter/testby.md")


def _set_revision(root: Path, code: str, page: str, revision: str) -> None:
    path = root / "docs" / code / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", f"---\nsource_revision: '{revision}'\n", 1), "utf-8")


def _history(tmp_path: Path) -> tuple[Path, str]:
    """Translations recorded at the first commit, then a change to the Swedish Testby page."""
    root, _ = git_site(tmp_path / "project")
    first = GitRepo(root).head()
    assert first
    for code in ("en", "ar", "ti"):
        _set_revision(root, code, "orter/testby.md", first)
    _set_revision(root, "en", "index.md", first)
    commit_all(root, "record revisions")
    testby = root / "docs/sv/orter/testby.md"
    testby.write_text(testby.read_text("utf-8") + "\nNytt stycke om stöd.\n", "utf-8")
    commit_all(root, "Swedish: a new paragraph")
    return root, first


def test_states_follow_the_history(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    matrix = build_matrix(Project(root))
    assert matrix.codes == ["en", "ar", "ti"]
    assert matrix.state(TESTBY, "en") == State.stale
    assert matrix.state(PurePosixPath("index.md"), "en") == State.machine
    assert matrix.state(PurePosixPath("andra.md"), "en") == State.missing
    assert matrix.state(PurePosixPath("index.md"), "ar") == State.missing
    assert matrix.counts("en") == {
        State.missing: 2,
        State.stale: 1,
        State.machine: 1,
        State.current: 0,
        State.reviewed: 0,
    }


def test_terminal_table_has_symbols_legend_and_counts_without_colour(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    text = terminal(build_matrix(Project(root)), colour=False)
    assert "\033[" not in text
    row = next(line for line in text.splitlines() if line.startswith("orter/testby.md"))
    assert row.split()[1:] == ["!", "!", "!"]
    for look in LOOKS.values():
        assert f"{look.symbol}  {look.english}: {look.meaning}" in text
    stale = next(line for line in text.splitlines() if line.startswith("! stale"))
    assert stale.split()[-3:] == ["1", "1", "1"]


def test_colour_only_on_request(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    assert "\033[33m" in terminal(build_matrix(Project(root)), colour=True)
    result = run_tool("status", "--root", str(root))  # stdout is a pipe here
    assert result.returncode == 0 and "\033[" not in result.stdout


def test_markdown_for_a_pull_request(tmp_path: Path) -> None:
    root, first = _history(tmp_path)
    result = run_tool("status", "--root", str(root), "--format", "markdown", "--base", first)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "| page | en | ar | ti |" in text
    assert "| `orter/testby.md` | ! | ! | ! |" in text
    assert "- Swedish pages changed: `orter/testby.md`" in text
    assert "- `orter/testby.md` changed since it was translated into en, ar, ti" in text
    assert "- `andra.md` is not translated into en, ar, ti" in text
    assert "Legend: ✗ missing · ! stale · m machine" in markdown(build_matrix(Project(root)))


def test_json(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    result = run_tool("status", "--root", str(root), "--format", "json")
    data = json.loads(result.stdout)
    assert data["pages"]["orter/testby.md"] == {"en": "stale", "ar": "stale", "ti": "stale"}
    assert data["counts"]["en"]["missing"] == 2


def test_diff_shows_what_changed_since_the_translation(tmp_path: Path) -> None:
    root, first = _history(tmp_path)
    result = run_tool("status", "--root", str(root), "--diff", "en", "orter/testby")
    assert result.returncode == 0, result.stderr
    assert f"--- sv/orter/testby.md @ {first}" in result.stdout
    assert "+++ sv/orter/testby.md (now)" in result.stdout
    assert "+Nytt stycke om stöd." in result.stdout
    same = run_tool("status", "--root", str(root), "--diff", "en", "index.md")
    assert "has not changed since docs/en/index.md was made" in same.stdout


def test_diff_explains_what_is_missing(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    (root / "docs/ti/index.md").write_text("---\ntitle: x\n---\n\n# x\n", "utf-8")
    (root / "docs/ar/index.md").write_text("---\nsource_revision: '0123456789ab'\n---\n", "utf-8")
    cases = {
        ("en", "nope.md"): "there is no Swedish page 'nope.md'",
        ("en", "andra.md"): "this page is not translated yet",
        ("ti", "index.md"): "does not say which Swedish revision it was made from",
        ("ar", "index.md"): "revision '0123456789ab' is not in this repository's history",
    }
    for (code, page), message in cases.items():
        result = run_tool("status", "--root", str(root), "--diff", code, page)
        assert result.returncode == 1, (code, page)
        assert message in result.stderr and "how to fix:" in result.stderr
        assert "Traceback" not in result.stderr


def test_outside_git_every_translation_counts_as_stale(small_project: Path) -> None:
    text = terminal(build_matrix(Project(small_project)), colour=False)
    assert "not a git checkout" in text


def test_real_site_matrix_covers_every_page_and_language() -> None:
    matrix = build_matrix(Project(REPO))
    assert len(matrix.codes) >= 9 and PurePosixPath("index.md") in matrix.pages
    assert not matrix.problems


def test_the_site_has_an_accessible_status_page_for_editors(real_site: Path) -> None:
    """Built with the site, Swedish only, a real table, out of search and sitemap (issue #5)."""
    page = real_site / "oversattningar/index.html"
    doc = parse_html(page)
    html = page.read_text("utf-8")
    matrix = build_matrix(Project(REPO))
    assert len(doc.find("caption")) == 1
    assert len(doc.find("th", scope="col")) == 1 + len(matrix.codes)
    assert len(doc.find("th", scope="row")) == len(matrix.pages) + 3  # + totals, words done, left
    assert "Översättningarnas status" in html
    words = {look.swedish for look in LOOKS.values()}
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    cells = [c.split("</td>")[0] for c in body.split("<td>")[1:]]
    assert cells and all(c.split("</td>")[0] in words for c in cells)
    article = html[html.index("<article") : html.index("</article>")]
    assert "<script" not in article and "style=" not in article
    assert not (real_site / "en/oversattningar").exists()
    for index in [
        real_site / "search/search_index.json",
        *real_site.glob("*/search/search_index.json"),
    ]:
        assert "oversattningar" not in index.read_text("utf-8")
    assert "oversattningar" not in (real_site / "sitemap.xml").read_text("utf-8")
    assert not list(real_site.glob("leaflets/**/*oversattningar*"))


def test_the_translation_matrix_component_labels_every_cell_and_escapes_text() -> None:
    """The table moved from a Python f-string into a template, autoescaped (issue #11)."""
    table = Table(
        codes=("en", "ar"),
        rows=(TableRow(PurePosixPath("a<b>.md"), '../a/?x="1"', ("saknas", "aktuell")),),
        done=(0, 1),
        total=1,
    )
    template = environment(REPO / "overrides", "web").get_template(
        "components/translation-matrix/translation-matrix.html"
    )
    html = template.render(table=table)
    doc = Document()
    doc.feed(html)
    assert len(doc.find("caption")) == 1
    assert [e.attrs["scope"] for e in doc.find("th")] == ["col", "col", "col", "row", "row"]
    assert doc.find("a", href='../a/?x="1"') and "a<b>.md" in doc.text
    assert "<b>" not in html
    assert "<td>saknas</td><td>aktuell</td>" in html and "<td>1 av 1</td>" in html


def test_the_status_page_says_when_there_is_no_history(small_site: Path) -> None:
    html = (small_site / "oversattningar/index.html").read_text("utf-8")
    assert "utan git-historik" in html and "<caption>" in html


def test_a_broken_front_matter_is_reported_not_fatal(tmp_path: Path) -> None:
    root, _ = _history(tmp_path)
    path = root / "docs/en/index.md"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"source_revision: .*", "source_revision: 12", text), "utf-8")
    result = run_tool("status", "--root", str(root))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "docs/en/index.md:2: error: VI411 translation-record-invalid: [source_revision]" in (
        result.stdout
    )
    markdown_out = run_tool("status", "--root", str(root), "--format", "markdown").stdout
    assert "- problem: `index.md`: VI411 translation-record-invalid: [source_revision]" in (
        markdown_out
    )


def test_front_matter_that_is_not_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    """MkDocs ignores such front matter silently; status names the file and line (issue #5)."""
    root, _ = _history(tmp_path)
    path = root / "docs/en/index.md"
    path.write_text(path.read_text("utf-8").replace("---\n", "---\ntitle: [Start\n", 1), "utf-8")
    result = run_tool("status", "--root", str(root))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert re.search(
        r"docs/en/index\.md:\d+: error: VI301 front-matter-not-yaml: front matter: this is not",
        result.stdout,
    )


def test_the_status_page_shows_the_facts_states(small_site: Path) -> None:
    """Counts per state, and each fact not verified with its source's address (issue #16)."""
    html = (small_site / "oversattningar/index.html").read_text("utf-8")
    section = html[html.index("Uppgifternas status") :]
    assert "<strong>verified</strong>: 4" in section
    assert "<strong>overdue</strong>: 1" in section
    assert "<strong>seen</strong>: 0" in section
    assert "docs/_data/places/gammelby.yml:5" in section
    assert 'href="https://example.se/"' in section
    assert "hjalplinjen.yml" not in section  # verified facts are only counted
