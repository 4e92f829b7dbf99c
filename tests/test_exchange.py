"""Export to translation agencies (XLIFF 2.0, PO) and import back into Markdown (issue #5)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath

import polib  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from git_site import commit_all, git, git_site, run_tool
from support import FIXTURES, REPO
from victiminfo.content.page_text import split_front_matter
from victiminfo.content.segments import parse_inline, protected_parts, segment, to_markdown
from victiminfo.gitrepo import GitRepo
from victiminfo.model.languages import load_languages
from victiminfo.project import Project
from victiminfo.translation.agency import export_plans, import_file, structure_breakers
from victiminfo.translation.exchange import cut_page, plan_units
from victiminfo.translation.po import read_po, write_po
from victiminfo.translation.xliff import read_xliff, write_xliff

RICH = FIXTURES / "exchange"


def _tool(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_tool("translation", "--root", str(root), *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _rich_site(tmp_path: Path, machine: bool = True) -> tuple[Path, str]:
    """The small site with a page of every block kind, translated into English, committed.

    machine=False: the English page was translated by a person, not a machine.
    """
    root, _ = git_site(tmp_path / "project")
    shutil.copy(RICH / "sv.md", root / "docs/sv/rik.md")
    revision = commit_all(root, "rich Swedish page")
    en = (
        (RICH / "en.md")
        .read_text("utf-8")
        .replace(
            "machine_translation: true\n",
            f"machine_translation: {str(machine).lower()}\nsource_revision: '{revision}'\n",
        )
    )
    (root / "docs/en/rik.md").write_text(en, "utf-8")
    commit_all(root, "rich English page")
    return root, revision


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in (root / "docs").rglob("*.md")}


# --- segments -------------------------------------------------------------------------------


def test_every_real_page_segments_and_joins_back_exactly() -> None:
    pages = sorted((REPO / "docs").glob("*/**/*.md"))
    assert len(pages) > 100
    for path in pages:
        body = split_front_matter(path.read_text("utf-8")).body
        assert segment(body).join() == body, path


def test_block_kinds_and_protected_parts() -> None:
    page = cut_page((RICH / "sv.md").read_text("utf-8"))
    kinds = {u.kind for u in page.units}
    assert kinds == {
        "title", "heading", "paragraph", "list_item", "admonition_title", "table_cell", "quote"
    }  # fmt: skip
    texts = [u.text for u in page.units]
    assert "Rik sida" in texts and "Text i rutan med **fetstil**." in texts
    assert not any("kod som inte" in t or "{{ services" in t or "{#rik}" in t for t in texts)
    paragraph = page.units[2]
    assert protected_parts(paragraph.nodes) == sorted(
        [
            '](andra.md#del "Titel")',
            "{{ phone hjalplinjen support_line }}",
            "`kod`",
            "<br>",
            "<https://example.invalid/>",
        ]
    )
    assert to_markdown(parse_inline(paragraph.text)) == paragraph.text


# --- the real content: every language, both formats -----------------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean clone of this repository at its last commit (the real content, with history)."""
    target = tmp_path_factory.mktemp("clone") / "repo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(target)], check=True, timeout=300)
    return target


def test_real_content_round_trip_every_language(clone: Path) -> None:
    """Export every page of every language, import the files unchanged: docs/ stays the same."""
    project, repo = Project(clone), GitRepo(clone)
    languages = load_languages(project.data / "languages.yml")
    before = _snapshot(clone)
    for code in [c for c in languages.codes if c != languages.default.code]:
        plans = export_plans(project, repo, code, every=True)
        assert len(plans) == len(list((clone / "docs/sv").rglob("*.md")))
        for suffix, text in (
            ("xlf", write_xliff("sv", code, plans)),
            ("po", write_po("sv", code, plans)),
        ):
            exported = clone.parent / f"{code}.{suffix}"
            exported.write_text(text, "utf-8")
            report = import_file(project, repo, exported, "Agency")
            assert (report.written, report.skipped) == ([], [])
            assert len(report.unchanged) == len(plans)
    assert _snapshot(clone) == before


def test_real_translations_rebuild_exactly_from_their_targets(clone: Path) -> None:
    """Where every unit is offered, the targets rebuild the translation byte for byte."""
    project, repo = Project(clone), GitRepo(clone)
    rebuilt = 0
    for code in ("en", "ar", "ti"):
        plans = export_plans(project, repo, code, every=True)
        for returned in (
            read_xliff(write_xliff("sv", code, plans).encode()),
            read_po(write_po("sv", code, plans)),
        ):
            for page in returned.pages:
                source = cut_page((clone / "docs/sv" / page.page).read_text("utf-8"))
                targets = {i: u.target for i, u in page.units.items() if u.target}
                if len(targets) < len(source.units):
                    continue
                translation = (clone / "docs" / code / page.page).read_text("utf-8")
                assert source.body.join(targets) == split_front_matter(translation).body
                rebuilt += 1
    assert rebuilt > 90


# --- history: stale pages are offered with what changed -------------------------------------


def test_a_stale_page_offers_unchanged_units_as_done_and_changed_ones_to_fix(
    tmp_path: Path,
) -> None:
    root, _ = _rich_site(tmp_path, machine=False)
    sv = root / "docs/sv/rik.md"
    sv.write_text(
        sv.read_text("utf-8")
        .replace("- En punkt till\n", "- En punkt till, ändrad\n")
        .replace("Sista stycket.\n", "Sista stycket.\n\nEtt nytt stycke.\n"),
        "utf-8",
    )
    commit_all(root, "Swedish change")
    plans = export_plans(Project(root), GitRepo(root), "en")
    rich = next(p for p in plans if p.page == PurePosixPath("rik.md"))
    assert rich.state.value == "stale"
    by_text = {p.unit.text: p for p in rich.units}
    kept = by_text["Lista"]
    assert (kept.target, kept.confirmed) == ("List", True)
    changed = by_text["En punkt till, ändrad"]
    assert (changed.target, changed.confirmed, changed.was) == (
        "Another item",
        False,
        "En punkt till",
    )
    new = by_text["Ett nytt stycke."]
    assert new.target is None
    xliff = write_xliff("sv", "en", plans)
    assert (
        '<segment state="initial">\n        <source xml:space="preserve">En punkt till, ändrad'
        in xliff
    )
    assert "The Swedish text changed. It was: En punkt till" in xliff
    po = write_po("sv", "en", plans)
    assert '#| msgid "En punkt till"\nmsgctxt "rik.md#u5"' in po and "#, fuzzy" in po
    missing = next(p for p in plans if p.page == PurePosixPath("andra.md"))
    assert missing.state.value == "missing" and all(p.target is None for p in missing.units)


def test_plan_without_history_offers_aligned_text_as_not_confirmed() -> None:
    sv, en = (RICH / "sv.md").read_text("utf-8"), (RICH / "en.md").read_text("utf-8")
    planned = plan_units(sv, en, None)
    assert all(p.target and not p.confirmed for p in planned)


# --- import -----------------------------------------------------------------------------------


def _export(root: Path, fmt: str, *extra: str) -> Path:
    out = root.parent / f"en.{'xlf' if fmt == 'xliff' else 'po'}"
    result = _tool(root, "export", "en", "--format", fmt, "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_a_changed_target_changes_exactly_that_text(tmp_path: Path, fmt: str) -> None:
    root, revision = _rich_site(tmp_path, machine=False)
    exported = _export(root, fmt, "--all")
    text = exported.read_text("utf-8")
    old, new = "A second paragraph in the box.", "The second paragraph in the box."
    assert text.count(old) == 1
    exported.write_text(text.replace(old, new), "utf-8")
    before = (root / "docs/en/rik.md").read_text("utf-8")
    result = _tool(root, "import", str(exported), "--by", "Översättarbyrån AB")
    assert result.returncode == 0, result.stderr
    assert "wrote docs/en/rik.md" in result.stdout
    after = (root / "docs/en/rik.md").read_text("utf-8")
    expected = before.replace(old, new).replace(
        f"source_revision: '{revision}'\n",
        f"source_revision: '{revision}'\ntranslated_by: 'Översättarbyrån AB'\n",
    )
    assert after == expected
    assert git(root, "status", "--porcelain", "docs").strip() == "M docs/en/rik.md"


def test_a_missing_page_is_built_from_the_swedish_structure(tmp_path: Path) -> None:
    root, revision = _rich_site(tmp_path)
    (root / "docs/en/rik.md").unlink()
    commit_all(root, "no English rich page")
    exported = _export(root, "po")
    po = polib.pofile(str(exported))
    for entry in po:
        if entry.msgctxt.startswith("rik.md#") or entry.msgctxt == "andra.md#u1":
            entry.msgstr = "EN " + entry.msgid
    po.metadata["Last-Translator"] = "Byrån <info@example.invalid>"
    po.save(str(exported))
    result = _tool(root, "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert (
        "andra.md, unit u2 (paragraph) has no translation: the page was not imported"
        in result.stderr
    )
    page = (root / "docs/en/rik.md").read_text("utf-8")
    assert page.startswith(
        "---\ntitle: 'EN Rik sida'\nmachine_translation: false\n"
        f"source_revision: '{revision}'\ntranslated_by: 'Byrån'\n---\n\n# EN Rik sida {{#rik}}\n"
    )
    assert "| EN Tjänst | EN Telefon |\n|---|:---:|\n" in page
    assert "```text\nkod som inte översätts\n```" in page and "{{ services testby }}" in page
    assert not (root / "docs/en/andra.md").exists()


def _set_target(path: Path, unit: str, change: str | tuple[str, str]) -> None:
    """Change the target of rik.md's unit: a new text, or (old, new) inside the target."""
    if path.suffix == ".po":
        po = polib.pofile(str(path))
        entry = next(e for e in po if e.msgctxt == f"rik.md#{unit}")
        entry.msgstr = change if isinstance(change, str) else entry.msgstr.replace(*change)
        po.save(str(path))
        return
    text = path.read_text("utf-8")
    start = text.index(
        '<target xml:space="preserve">',
        text.index(f'<unit id="{unit}"', text.index('original="rik.md"')),
    )
    start += len('<target xml:space="preserve">')
    end = text.index("</target>", start)
    inner = change if isinstance(change, str) else re.sub(change[0], change[1], text[start:end])
    path.write_text(text[:start] + inner + text[end:], "utf-8")


PHONE_PH = r'<ph [^>]*disp="\{\{ phone hjalplinjen support_line \}\}"/>'


@pytest.mark.parametrize(
    ("fmt", "unit", "change", "message"),
    [
        ("po", "u4", ("](index.md)", "](https://evil.example/)"), "lost ](index.md)"),
        ("po", "u2", ("{{ phone hjalplinjen support_line }}", "020-123"), "lost {{ phone"),
        ("po", "u16", "A quote.<script>x()</script>", "added or changed </script> <script>"),
        ("po", "u16", "A quote.\n\n# New heading", "changes the page's structure"),
        ("xliff", "u2", (PHONE_PH, ""), "lost {{ phone"),
        ("xliff", "u18", "Last {{ card polisen }}", "added or changed {{ card polisen }}"),
        ("xliff", "u18", '<pc id="9">x</pc>', "is not in the unit's source"),
    ],
)
def test_a_broken_target_is_refused_and_nothing_is_written(
    tmp_path: Path, fmt: str, unit: str, change: str | tuple[str, str], message: str
) -> None:
    root, _ = _rich_site(tmp_path)
    exported = _export(root, fmt, "--all")
    _set_target(exported, "u10", "A valid new second paragraph.")  # must not be written either
    _set_target(exported, unit, change)
    before = _snapshot(root)
    result = _tool(root, "import", str(exported), "--by", "A")
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert f"{exported.name}:" in result.stderr and "how to fix:" in result.stderr
    line = int(result.stderr.split(f"{exported.name}:", 1)[1].split(":", 1)[0])
    assert line > 1
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<xliff", "not well-formed XML"),
        ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><xliff/>', "DOCTYPE is not allowed"),
        ('<xliff version="1.2"/>', "not an XLIFF 2.0 file"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, content: str, message: str) -> None:
    root, _ = git_site(tmp_path / "project")
    bad = tmp_path / "bad.xlf"
    bad.write_text(content, "utf-8")
    result = _tool(root, "import", str(bad), "--by", "A")
    assert result.returncode == 1 and message in result.stderr and "bad.xlf:" in result.stderr


def test_unknown_revision_and_missing_translator(tmp_path: Path) -> None:
    root, revision = _rich_site(tmp_path)
    exported = _export(root, "xliff", "--all")
    text = exported.read_text("utf-8")
    result = _tool(root, "import", str(exported))
    assert result.returncode == 1 and "does not say who translated it" in result.stderr
    exported.write_text(text.replace(revision, "0123456789ab"), "utf-8")
    result = _tool(root, "import", str(exported), "--by", "A")
    assert (
        result.returncode == 1
        and "at revision '0123456789ab' is not in this repository" in result.stderr
    )


def test_export_refuses_uncommitted_swedish_and_unknown_language(tmp_path: Path) -> None:
    root, _ = _rich_site(tmp_path)
    assert "not a language to translate into" in _tool(root, "export", "xx").stderr
    assert "not a language to translate into" in _tool(root, "export", "sv").stderr
    (root / "docs/sv/andra.md").write_text("# Ändrad\n", "utf-8")
    result = _tool(root, "export", "en", "-o", str(tmp_path / "x.xlf"))
    assert result.returncode == 1 and "not committed" in result.stderr
    assert not (tmp_path / "x.xlf").exists()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_export_names_a_page_whose_front_matter_is_not_yaml(tmp_path: Path, code: str) -> None:
    """A clear error with the file and line, no traceback, and no file written (issue #5)."""
    root, _ = _rich_site(tmp_path)
    path = root / "docs" / code / "rik.md"
    path.write_text(path.read_text("utf-8").replace("---\n", "---\ntitle: [Rik\n", 1), "utf-8")
    commit_all(root, "broken front matter")
    result = _tool(root, "export", "en", "--all", "-o", str(tmp_path / "x.xlf"))
    assert result.returncode == 1
    error = rf"docs/{code}/rik\.md:\d+: error: VI301 front-matter-not-yaml: front matter: "
    assert re.search(error, result.stderr)
    assert not (tmp_path / "x.xlf").exists()


@pytest.mark.parametrize("name", ["../../scripts/x.md", "/etc/x.md", "rik.txt"])
def test_a_page_outside_the_language_folder_is_refused(tmp_path: Path, name: str) -> None:
    root, _ = _rich_site(tmp_path)
    exported = _export(root, "xliff", "--all")
    text = exported.read_text("utf-8").replace('original="rik.md"', f'original="{name}"')
    exported.write_text(text, "utf-8")
    result = _tool(root, "import", str(exported), "--by", "A")
    assert result.returncode == 1 and "is not a page of this site" in result.stderr


def test_the_translator_can_come_from_the_xliff_file(tmp_path: Path) -> None:
    root, _ = _rich_site(tmp_path, machine=False)
    exported = _export(root, "xliff", "--all")
    _set_target(exported, "u10", "A new second paragraph.")
    meta = '<mda:meta type="translated_by">Byrå Ett</mda:meta>\n        <mda:meta type="state">'
    text = exported.read_text("utf-8").replace('<mda:meta type="state">', meta, 1)
    exported.write_text(text, "utf-8")
    assert _tool(root, "import", str(exported)).returncode == 0
    assert "translated_by: 'Byrå Ett'\n" in (root / "docs/en/rik.md").read_text("utf-8")


MARKDOWN_BITS = st.sampled_from(
    ["# ", "## ", "- ", "1. ", "> ", "| ", " |", "|---|", "!!! note \"", "\"", "    ", "```",
     "**", "*", "_", "[", "](x.md)", "{{ card x }}", "{#a}", "<b>", "`", "\\", "\n", "\n\n",
     "\r\n", "text", "å ä ö", " ", "---"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=40).map("".join))
def test_any_markdown_segments_and_joins_back(text: str) -> None:
    """Whatever the Markdown, segmenting never crashes and loses nothing (issue #5)."""
    segmented = segment(text)
    assert segmented.join() == text
    for unit in segmented.units:
        assert to_markdown(parse_inline(unit.text)) == unit.text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abc åäö,.?!()'\"0-#>|*", min_size=1, max_size=30).filter(str.strip))
def test_plain_targets_land_exactly_in_their_block_or_are_refused(text: str) -> None:
    """A translated text either reads back as its block's text, or the import names it."""
    sv = (RICH / "sv.md").read_text("utf-8")
    body = cut_page(sv).body
    for unit in body.units:
        target = text.strip()
        if structure_breakers(sv, {unit.id: target}):
            continue
        again = segment(body.join({unit.id: target}))
        assert next(u.text for u in again.units if u.id == unit.id) == target


def test_a_target_that_starts_a_list_is_named() -> None:
    sv = (RICH / "sv.md").read_text("utf-8")
    assert structure_breakers(sv, {"u18": "1. Last", "u17": "Fine", "title": "a\nb"}) == [
        "title",
        "u18",
    ]
