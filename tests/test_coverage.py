"""The rights page covers every item (a)-(k) of art. 4(1), in every language (issue #4)."""

from __future__ import annotations

from pathlib import Path

from support import FIXTURES, REPO, copy_site, run_cli
from victiminfo.checks.coverage import ITEMS, coverage_summary, missing_items
from victiminfo.model.languages import load_languages


def test_every_language_covers_every_item() -> None:
    languages = load_languages(REPO / "docs/_data/languages.yml")
    summary = coverage_summary(REPO / "docs", languages)
    assert summary[languages.default.code] == "complete"
    assert all(s == "complete" or s.startswith("not translated") for s in summary.values())


def test_missing_items_are_named() -> None:
    text = "\n".join(f"## X {{#ratt-{letter}}}" for letter in ITEMS if letter not in "cj")
    assert missing_items(text) == ["c", "j"]


def test_a_rights_page_missing_an_item_fails_the_build(tmp_path: Path) -> None:
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    sections = "\n\n".join(f"## Rätt {letter} {{#ratt-{letter}}}\n\nText." for letter in ITEMS)
    (root / "docs/sv/dina-rattigheter.md").write_text(
        "# Rättigheter\n\n" + sections.replace(" {#ratt-h}", ""), encoding="utf-8"
    )
    result = run_cli("build", "--root", str(root), "--no-leaflets")
    assert result.returncode == 1
    assert "dina-rattigheter.md" in result.stderr and "art. 4(1)(h)" in result.stderr
