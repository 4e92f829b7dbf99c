"""The rights page covers every item (a)-(k) of art. 4(1), in every language (issue #4), and
explains each of them, not only points elsewhere (issue #16)."""

from __future__ import annotations

from pathlib import Path

from git_site import commit_all, git_site
from support import FIXTURES, REPO, copy_site, run_cli
from victiminfo.checks.coverage import (
    ITEMS,
    MIN_WORDS,
    RIGHTS_PAGE,
    Section,
    coverage_problems,
    coverage_summary,
    missing_items,
    rights_sections,
    thin_sections,
    words_needed,
)
from victiminfo.content.page_text import split_page
from victiminfo.content.prose import prose_words
from victiminfo.gitrepo import GitRepo
from victiminfo.model.languages import load_languages
from victiminfo.rules import Rule


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


SUBSTANCE = (
    "Du har rätt till det här, och du använder rätten så här. Säg till den som utreder brottet "
    "att du vill det, så tidigt du kan. Det kostar ingenting för dig. Får du nej, kan du klaga, "
    "och då prövas beslutet en gång till av någon annan."
)


def rights_page(pointer: str = "", only: str = "") -> str:
    """A rights page whose sections explain, except the one given a pointer for text."""
    sections = [
        f"## Rätt {letter} {{#ratt-{letter}}}\n\n{pointer if letter == only else SUBSTANCE}\n"
        for letter in ITEMS
    ]
    return "# Dina rättigheter\n\n" + "\n".join(sections)


def sections_of(text: str, code: str = "sv") -> dict[str, Section]:
    return rights_sections(split_page(Path("x.md"), code, RIGHTS_PAGE, text))


def test_prose_leaves_out_links_placeholders_and_markup() -> None:
    """Issue #16: a link or a phone number explains no right; markup is not prose."""
    assert prose_words("Ring {{ phone polisen emergency }}. Läs [mer om det här](a.md).") == 2
    assert prose_words("**Tolk** är `gratis` <b>för</b> dig. {: .web-only }") == 4
    assert prose_words("- [Polisen](tjanster/polisen.md)\n- [Brottsofferjouren](b.md)") == 0


def test_prose_is_counted_alike_in_every_script() -> None:
    """Issue #16: the measure runs on every translation: Arabic, Ethiopic, Cyrillic words count."""
    assert prose_words("ليس من الضروري أن تكون قد بلّغت") == 7  # with a shadda
    assert prose_words("ሕጂ ኣብ ሓደጋ ዲኹም ዘለኹም?") == 5
    assert prose_words("Зателефонуйте 114 14, якщо це не терміново.") == 5


def test_each_item_section_is_measured_to_the_next_heading() -> None:
    """Issue #16: a section ends at the next heading of its level, not at a sub-heading."""
    text = "# R\n\n## A {#ratt-a}\n\nEtt två tre.\n\n### Under\n\nFyra.\n\n## B {#ratt-b}\n\nFem.\n"
    sections = sections_of(text)
    assert (sections["a"].words, sections["a"].line) == (5, 3)
    assert sections["b"].words == 1


def test_a_pointer_is_too_thin_in_swedish() -> None:
    """Issue #16: 'Fråga polisen' without the right fails; a section that explains passes."""
    sections = sections_of(rights_page("Du har rätt att få veta. [Fråga polisen](a.md).", "h"))
    thin = thin_sections(sections, None)
    assert [(section.letter, needed) for section, needed in thin] == [("h", MIN_WORDS)]
    assert not thin_sections(sections_of(rights_page()), None)


def test_a_translation_is_measured_against_its_swedish_section() -> None:
    """Issue #16: half the Swedish words are needed, whatever the script's word lengths."""
    swedish = sections_of(rights_page())
    short = " ".join(SUBSTANCE.split()[:20])  # 20 of 47 words: under half
    thin = thin_sections(sections_of(rights_page(short, "e"), "fi"), swedish)
    assert [(section.letter, needed) for section, needed in thin] == [("e", 24)]
    assert words_needed("x", swedish) == 0  # an item the Swedish page lacks: VI324 reports it


def test_the_real_rights_pages_have_substance() -> None:
    """Issue #16: the Swedish rights page explains every item (no VI328 in any language)."""
    languages = load_languages(REPO / "docs/_data/languages.yml")
    problems = coverage_problems(REPO / "docs", languages, GitRepo(REPO))
    assert not problems, "\n".join(str(p) for p in problems)


def test_a_stale_translation_is_measured_against_the_swedish_it_was_made_from(
    tmp_path: Path,
) -> None:
    """Issue #16: when the Swedish page grows, its old translation is stale, not broken; a
    translation cut down to a pointer fails against the Swedish text it was made from."""
    root, _ = git_site(tmp_path / "project")
    (root / "docs/sv/dina-rattigheter.md").write_text(rights_page(), encoding="utf-8")
    revision = commit_all(root, "rights page")
    header = f"---\nmachine_translation: true\nsource_revision: '{revision}'\n---\n"
    english = root / "docs/en/dina-rattigheter.md"
    english.write_text(header + rights_page(), encoding="utf-8")
    longer = rights_page(SUBSTANCE + " " + SUBSTANCE, "e")
    (root / "docs/sv/dina-rattigheter.md").write_text(longer, encoding="utf-8")
    commit_all(root, "the Swedish section (e) grows")
    languages = load_languages(root / "docs/_data/languages.yml")
    assert not coverage_problems(root / "docs", languages, GitRepo(root))
    english.write_text(header + rights_page("Ask the police.", "e"), encoding="utf-8")
    problems = coverage_problems(root / "docs", languages, GitRepo(root))
    assert [(p.rule, p.path.name) for p in problems] == [
        (Rule.RIGHTS_ITEM_WITHOUT_SUBSTANCE, "dina-rattigheter.md")
    ]
    assert f"at {revision}" in problems[0].message and "at least 24" in problems[0].message
