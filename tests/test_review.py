"""Machine translations are reviewed: the reviewer's export, its import, the words left (#13)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import polib  # type: ignore[import-untyped]

from git_site import commit_all, git, git_site, run_tool

REVIEWER = "Granskare Gun"


def _tool(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_tool(*args[:1], "--root", str(root), *args[1:])
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _record(root: Path, code: str, page: str, keys: str) -> None:
    """Replace the front matter of docs/code/page with these keys.

    The body then starts where the Swedish page's starts (line by line, as the export aligns).
    """
    path = root / "docs" / code / page
    body = path.read_text("utf-8").split("---\n", 2)[2]
    path.write_text(f"---\n{keys}---\n{body.lstrip()}", "utf-8")


def _site(tmp_path: Path) -> tuple[Path, str]:
    """English: machine text; Arabic Testby: by a person; Tigrinya start page: reviewed."""
    root, first = git_site(tmp_path / "project")
    made = f"source_revision: '{first}'\n"
    _record(root, "en", "index.md", f"machine_translation: true\n{made}")
    _record(root, "en", "orter/testby.md", f"machine_translation: true\n{made}")
    _record(root, "ar", "orter/testby.md", f"machine_translation: false\n{made}translated_by: A\n")
    _record(root, "ti", "orter/testby.md", f"machine_translation: false\n{made}translated_by: T\n")
    reviewed = f"translated_by: T\nreviewed_by: R\nreviewed_revision: '{first}'\n"
    (root / "docs/ti/index.md").write_text(
        f"---\nmachine_translation: false\n{made}{reviewed}---\n# ጀምር\n\nደውሉ "
        "{{ phone hjalplinjen support_line }}።\n\n{{ services testby }}\n",
        "utf-8",
    )
    return root, commit_all(root, "translations recorded")


def _po_entries(path: Path, page: str) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if e.msgctxt.startswith(page + "#")]


def test_the_reviewers_export_offers_machine_text_as_fuzzy_and_initial(tmp_path: Path) -> None:
    """Without --all, machine pages are exported: PO fuzzy, XLIFF 2.0 state initial (#13)."""
    root, _ = _site(tmp_path)
    po, xlf = root.parent / "en.po", root.parent / "en.xlf"
    result = _tool(root, "translation", "export", "en", "--format", "po", "-o", str(po))
    assert result.returncode == 0, result.stderr
    assert "4 page(s) to translate or review" in result.stdout
    testby = _po_entries(po, "orter/testby.md")
    assert [e.msgstr for e in testby] == [
        "Support in Testby",
        "Call {{ phone hjalplinjen support_line }} if you want to talk.",
    ]
    assert all("fuzzy" in e.flags and "Machine translation" in e.comment for e in testby)
    assert all(not e.msgstr for e in _po_entries(po, "andra.md"))
    assert _tool(root, "translation", "export", "en", "-o", str(xlf)).returncode == 0
    text = xlf.read_text("utf-8")
    assert (
        '<segment state="initial">\n        <source xml:space="preserve">Stöd i Testby</source>\n'
        '        <target xml:space="preserve">Support in Testby</target>'
    ) in text
    assert 'state="translated"' not in text and 'state="reviewed"' not in text


def test_a_reviewed_page_goes_out_as_reviewed_and_not_fuzzy(tmp_path: Path) -> None:
    """With --all, a page a person reviewed is XLIFF state reviewed, PO not fuzzy (#13)."""
    root, _ = _site(tmp_path)
    po, xlf = root.parent / "ti.po", root.parent / "ti.xlf"
    exported = _tool(root, "translation", "export", "ti", "--all", "--format", "po", "-o", str(po))
    assert exported.returncode == 0, exported.stderr
    start = _po_entries(po, "index.md")
    assert start and all(e.msgstr and "fuzzy" not in e.flags for e in start)
    assert _tool(root, "translation", "export", "ti", "--all", "-o", str(xlf)).returncode == 0
    first = xlf.read_text("utf-8").split('original="index.md"')[1].split("</file>")[0]
    assert re.findall(r'state="(\w+)"', first) == ["reviewed", "reviewed"]


def _confirm_po(path: Path, translator: str, fix: tuple[str, str] | None = None) -> None:
    """The reviewer's work: every entry confirmed (fuzzy removed), one corrected."""
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgstr and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if fix and entry.msgstr == fix[0]:
            entry.msgstr = fix[1]
    po.metadata["Last-Translator"] = f"{translator} <gun@example.invalid>"
    po.save(str(path))


def test_importing_a_reviewed_file_records_the_reviewer(tmp_path: Path) -> None:
    """The import writes reviewed_by/_revision as `translation reviewed` does (#13)."""
    root, _ = _site(tmp_path)
    revision = git(root, "log", "-1", "--format=%h", "--abbrev=12", "--", "docs/sv/index.md")
    twin = tmp_path / "twin"
    git(tmp_path, "clone", "-q", str(root), str(twin))
    po = root.parent / "en.po"
    exported = _tool(root, "translation", "export", "en", "--format", "po", "-o", str(po))
    assert exported.returncode == 0, exported.stderr
    _confirm_po(po, REVIEWER, ("Support in Testby", "Help in Testby"))
    result = _tool(root, "translation", "import", str(po))
    assert result.returncode == 0, result.stderr
    assert "docs/en/index.md: review recorded" in result.stdout
    testby = (root / "docs/en/orter/testby.md").read_text("utf-8")
    assert testby.startswith(
        f"---\nmachine_translation: false\nsource_revision: '{revision.strip()}'\n"
        f"reviewed_by: '{REVIEWER}'\nreviewed_revision: '{revision.strip()}'\n---\n"
    )
    assert "# Help in Testby\n" in testby
    reviewed = _tool(twin, "translation", "reviewed", "en", "index.md", "--by", REVIEWER)
    assert reviewed.returncode == 0, reviewed.stderr
    start = "docs/en/index.md"
    assert (root / start).read_bytes() == (twin / start).read_bytes()
    status = json.loads(_tool(root, "status", "--format", "json").stdout)
    assert status["pages"]["index.md"]["en"] == "reviewed"


def test_a_file_still_fuzzy_keeps_the_page_machine_and_says_so(tmp_path: Path) -> None:
    """Blocks left fuzzy / initial: the page stays a machine translation (#13)."""
    root, _ = _site(tmp_path)
    xlf = root.parent / "en.xlf"
    assert _tool(root, "translation", "export", "en", "-o", str(xlf)).returncode == 0
    text = xlf.read_text("utf-8")
    xlf.write_text(text.replace('state="initial"', 'state="translated"', 1), "utf-8")
    before = (root / "docs/en/index.md").read_bytes()
    result = _tool(root, "translation", "import", str(xlf), "--by", REVIEWER)
    assert result.returncode == 0, result.stderr
    assert "VI427" in result.stderr
    assert "docs/en/index.md: still a machine translation" in result.stderr
    assert "docs/en/orter/testby.md: still a machine translation" in result.stderr
    assert (root / "docs/en/index.md").read_bytes() == before
    assert git(root, "status", "--porcelain", "docs").strip() == ""


def test_words_left_count_a_stale_page_by_its_changed_blocks(tmp_path: Path) -> None:
    """Per language: % of the Swedish words done by a person, and the words left (#13).

    Swedish words: andra 5, index 2 (a placeholder is no word), gammelby 3, testby 3 + 7.
    """
    root, _ = _site(tmp_path)
    testby = root / "docs/sv/orter/testby.md"
    testby.write_text(testby.read_text("utf-8").replace("prata.", "prata med någon."), "utf-8")
    commit_all(root, "Swedish: a changed paragraph")
    words = json.loads(_tool(root, "status", "--format", "json").stdout)["words"]
    assert words["en"] == {"source": 20, "left": 20, "percent": 0}  # missing and machine
    assert words["ar"] == {"source": 20, "left": 5 + 2 + 3 + 7, "percent": 15}
    assert words["ti"] == {"source": 20, "left": 5 + 3 + 7, "percent": 25}
    table = _tool(root, "status").stdout
    assert re.search(r"^% words by a person\s+0\s+15\s+25$", table, re.M), table
    assert re.search(r"^words left\s+20\s+17\s+15$", table, re.M), table
    md = _tool(root, "status", "--format", "markdown").stdout
    assert "| **words left** | 20 | 17 | 15 |" in md
    assert "- Machine translations no person has reviewed: en (1)" in md


def test_words_left_are_kept_by_text_and_counted_again_when_one_changes(tmp_path: Path) -> None:
    """The counts are kept in .cache/words by the texts counted; a changed Swedish page is
    counted again, never read from what was kept (issue #15)."""
    root, _ = _site(tmp_path)
    testby = root / "docs/sv/orter/testby.md"
    testby.write_text(testby.read_text("utf-8").replace("prata.", "prata med någon."), "utf-8")
    commit_all(root, "Swedish: a changed paragraph")
    before = json.loads(_tool(root, "status", "--format", "json").stdout)["words"]
    assert before["ar"]["left"] == 17
    assert list((root / ".cache/words").glob("*.txt"))
    again = json.loads(_tool(root, "status", "--format", "json").stdout)["words"]
    assert again == before
    testby.write_text(testby.read_text("utf-8") + "\nFyra nya ord här.\n", "utf-8")
    commit_all(root, "Swedish: a new paragraph")
    after = json.loads(_tool(root, "status", "--format", "json").stdout)["words"]
    assert after["ar"]["left"] == before["ar"]["left"] + 4
    assert after["ti"]["left"] == before["ti"]["left"] + 4
