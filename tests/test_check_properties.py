"""Random data and front matter fed to the checker: it may reject, it never crashes (issue #5).

The checker's core runs in-process on a copy of the small fixture site whose service file and
English translation are replaced by generated text.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import FIXTURES
from victiminfo.checks.runner import CheckReport, run_checks
from victiminfo.errors import Problem
from victiminfo.project import Project

SERVICE = Path("docs/_data/services/hjalplinjen.yml")
TRANSLATION = Path("docs/en/index.md")
TODAY = date(2026, 6, 1)
FIELDS = [
    "name",
    "organisation",
    "area",
    "audience",
    "phones",
    "email",
    "web",
    "address",
    "free_of_charge",
    "anonymous",
    "languages_spoken",
    "number",
    "label",
    "source",
    "seen",
    "verified",
    "by",
    "url",
    "address",
    "value",
    "min_age",
    "crimes",
    "street",
    "postcode",
    "city",
]
META_KEYS = ["machine_translation", "source_revision", "reviewed_by", "reviewed_revision", "title"]
YAMLISH = st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}'\"#&*!|>%@`,?0129.")), max_size=80)
YAML_LINES = st.lists(
    st.sampled_from(
        [
            "name: Hjälplinjen",
            "area: national",
            "audience: {}",
            "  bad: [unclosed",
            "[a]: b",
            "? [a]\n: b",
            "{a: 1}: b",
            "seen: 2026-02-30",
            "seen: 2026-01-10",
            "verified: {date: 2026-01-10, by: ' '}",
            "anchor: &a x",
            "alias: *a",
            "obj: !!python/object:os.system x",
            "phones:\n  - number: 112\n    label: emergency",
            "phones:\n  - {number: '12 34', free_of_charge: maybe}",
            "- x",
            "web: {url: 'javascript:alert(1)'}",
            "email: {address: a@b}",
            "text: |\n  block",
            "\tname: tab",
            "1: 2",
            "null: ~",
            "---",
            "...",
        ]
    ),
    max_size=6,
).map("\n".join)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.floats(allow_nan=True),
    st.dates(),
    st.sampled_from(["112", "020-50 50 50", "12 34", "https://x.se/", "http://x", "a@b.se"]),
    st.sampled_from(["national", "support_line", "test-source", "nowhere", "2026-13-40"]),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), scalars), inner, max_size=4),
    ),
    max_leaves=12,
)
service_documents = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=8).map(yaml.safe_dump),
    values.map(yaml.safe_dump),
    YAML_LINES,
    YAMLISH,
)
fragments = st.one_of(
    st.integers(1, 7).map(lambda n: "#" * n + " Rubrik"),
    st.sampled_from(
        [
            "# Start",
            "# Start {#start}",
            "## Mer {: #mer onclick=x }",
            "{{ phone hjalplinjen support_line }}",
            "{{ services testby }}",
            "{{ card nowhere }}",
            "{{ map x }}",
            "{{ phone }}",
            "[a](andra.md)",
            "[a](andra.md#nowhere)",
            "[a](#start)",
            "[a](../../up.md)",
            "[a](/abs.md)",
            "[a]()",
            "[a](javascript:alert(1))",
            "![b](data:image/png;base64,AA)",
            "![b](https://x.example/p.gif)",
            "<script>x</script>",
            "<a href='java\tscript:x' onclick=y>z</a>",
            "<iframe src=x>",
            "<style>",
            "```",
            "~~~",
            "`<script>`",
            "!!! warning",
            "??? note",
            "[ref]: javascript:x",
            "<https://example.com/>",
            "020-50 50 51",
            "Ring 112 eller ١١٢",
            "mail@example.se",
            "www.example.com",
            "2012/29/EU",
            "Rubrik\n===",
            "text\n---",
            "---",
        ]
    ),
    st.text(max_size=30),
)
bodies = st.lists(fragments, max_size=10).map("\n\n".join)
front_matters = st.one_of(
    st.dictionaries(st.sampled_from(META_KEYS), values, max_size=4).map(yaml.safe_dump),
    YAML_LINES,
    YAMLISH,
)
translations = st.one_of(
    st.builds(lambda meta, body: f"---\n{meta.rstrip()}\n---\n{body}", front_matters, bodies),
    st.builds(lambda meta, body: f"---\n{meta}\n{body}", front_matters, bodies),
    bodies,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the small site (not a git checkout: revisions are not looked up)."""
    target = tmp_path_factory.mktemp("properties") / "project"
    return Path(shutil.copytree(FIXTURES / "small-site", target))


@pytest.fixture(scope="module")
def untouched(project: Path) -> CheckReport:
    """What the check finds in the untouched copy."""
    return check(project)


def check(root: Path) -> CheckReport:
    """Run the checker's core; any exception but a handled ContentError fails the test."""
    report = run_checks(Project(root), TODAY, use_git=False)
    for problem in report.problems:
        assert problem.severity in ("error", "warning")
        assert problem.message and (problem.line is None or problem.line >= 1)
        assert str(problem.path).startswith(str(root))
        assert problem.format("x")
    return report


def restore(root: Path, *rels: Path) -> None:
    """Put the fixture's own files back."""
    for rel in rels:
        shutil.copyfile(FIXTURES / "small-site" / rel, root / rel)


@SETTINGS
@given(text=service_documents)
def test_random_service_data_is_rejected_or_passes(
    project: Path, untouched: CheckReport, text: str
) -> None:
    (project / SERVICE).write_text(text, encoding="utf-8")
    try:
        report = check(project)
    finally:
        restore(project, SERVICE)
    assert report.files == untouched.files  # broken data does not stop the check of the pages


@SETTINGS
@given(text=translations)
def test_random_front_matter_and_body_are_rejected_or_pass(
    project: Path, untouched: CheckReport, text: str
) -> None:
    (project / TRANSLATION).write_text(text, encoding="utf-8")
    try:
        report = check(project)
    finally:
        restore(project, TRANSLATION)
    # A broken page is reported in that page, and does not change what is found in the others.
    assert outside(report, project / TRANSLATION) == outside(untouched, project / TRANSLATION)


def outside(report: CheckReport, path: Path) -> list[Problem]:
    """The problems a report locates in any file but path."""
    return [problem for problem in report.problems if problem.path != path]


def test_the_untouched_copy_has_no_errors(project: Path) -> None:
    report = check(project)
    errors: list[Any] = report.errors
    assert [p for p in errors if "source_revision" not in (p.field or "")] == []
