"""Bad content stops the build: one clear message, no traceback, site/ untouched (issue #2).

Each message names the rule broken, as the check does (issue #11).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import run_cli

DATA = Path("docs/_data")

CASES = {
    "malformed YAML": (
        DATA / "services/hjalplinjen.yml",
        "name: Hjälplinjen\n  bad: [unclosed\n",
        ["services/hjalplinjen.yml:2: error: VI101 yaml-invalid:"],
    ),
    "missing required field": (
        DATA / "services/hjalplinjen.yml",
        "organisation: X\narea: national\naudience:\n  crimes: [any]\n",
        ["services/hjalplinjen.yml:1: error: VI106 required-field-missing: [name]"],
    ),
    "unknown field": (
        DATA / "places/testby.yml",
        "name: Testby\nkind: municipality\nphone_number: '112'\nservices:\n  - service: polisen\n",
        ["places/testby.yml:3: error: VI107 unknown-field: [phone_number]"],
    ),
    "invalid language code": (
        DATA / "languages.yml",
        "- code: Svenska!\n  name: Svenska\n  english_name: Swedish\n  dir: ltr\n  default: true\n"
        "  search: {lang: sv, stemming: true}\n",
        ["languages.yml:1: error: VI109 value-not-allowed: [0.code]"],
    ),
    "place names a service that does not exist": (
        DATA / "places/testby.yml",
        "name: Testby\nkind: municipality\nservices:\n  - service: polisen\n  - service: origo\n",
        [
            "places/testby.yml:5: error: VI111 place-service-unknown: [services.1.service]",
            "'origo'",
        ],
    ),
    "phone number that does not parse": (
        DATA / "services/polisen.yml",
        "name: Polisen\norganisation: P\narea: national\naudience: {}\n"
        "phones:\n  - number: '12 34'\n    label: emergency\n",
        ["services/polisen.yml:6: error: VI201 phone-invalid: [phones.0.number]"],
    ),
    "unknown fact source": (
        DATA / "services/polisen.yml",
        "name: Polisen\norganisation: P\narea: national\naudience: {}\n"
        "phones:\n  - number: '112'\n    label: emergency\n    source: nowhere\n",
        ["services/polisen.yml:8: error: VI207 source-unknown: [phones.0.source]", "'nowhere'"],
    ),
    "unknown placeholder service": (
        Path("docs/sv/index.md"),
        "# Start\n\nText.\n\n{{ card origo }}\n",
        ["docs/sv/index.md:5: error: VI307 placeholder-name-unknown:", "{{ card origo }}"],
    ),
    "unknown placeholder kind": (
        Path("docs/sv/index.md"),
        "# Start\n\n{{ map solna }}\n",
        ["docs/sv/index.md:3: error: VI305 placeholder-kind-unknown:"],
    ),
    "content folder for an unknown language": (
        Path("docs/xx/index.md"),
        "# Hej\n",
        ["docs/xx: error: VI322 language-folder-unknown:"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_clear_message(built_small_project: Path, case: str) -> None:
    small_project = built_small_project
    path, text, expected = CASES[case]
    site = small_project / "site"
    assert list(site.rglob("*.html")), "the good build's site/ is there"
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    (small_project / path).parent.mkdir(parents=True, exist_ok=True)
    (small_project / path).write_text(text, encoding="utf-8")

    result = run_cli("build", "--root", str(small_project))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for fragment in expected:
        assert fragment in result.stderr, result.stderr
    assert "how to fix" in result.stderr or "error:" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before, "site/ was changed"
    assert not list(small_project.glob(".site-*")), "a temporary build folder was left behind"


def test_a_build_error_names_the_line_of_the_file(small_project: Path) -> None:
    """The build counts the front matter, as the check does: the same line (issue #11)."""
    page = small_project / "docs/sv/index.md"
    page.write_text("---\ntitle: Start\n---\n\n# Start\n\n{{ card origo }}\n", encoding="utf-8")
    result = run_cli("build", "--root", str(small_project), "--no-leaflets")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = "docs/sv/index.md:7: error: VI307 placeholder-name-unknown: '{{ card origo }}'"
    assert expected in result.stderr
