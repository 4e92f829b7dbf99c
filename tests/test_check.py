"""scripts/check on broken content: one clear message per mistake, with file and line (issue #5).

Every case in tests/fixtures/bad-content/ is applied onto a copy of the small fixture site in
a fresh git repository; the check must report it at the right file and line, under the rule
the case names (issue #11), exit 1 for errors and 0 for warnings only, and never print a
traceback.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from git_site import commit_all, git_site
from support import FIXTURES, REPO
from victiminfo.cli import main as victiminfo_main
from victiminfo.rules import Rule

CORPUS = FIXTURES / "bad-content"
CASES = sorted(p.stem for p in CORPUS.glob("*.yml"))
TODAY = "2026-06-01"


@pytest.fixture(scope="module")
def recorded_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The small site in git, every translation recording the first commit as its source."""
    root, revision = git_site(tmp_path_factory.mktemp("check") / "project")
    for page in sorted((root / "docs").glob("*/**/*.md")):
        if page.relative_to(root / "docs").parts[0] != "sv":
            text = page.read_text(encoding="utf-8")
            recorded = f"machine_translation: true\nsource_revision: '{revision}'\n"
            page.write_text(text.replace("machine_translation: true\n", recorded, 1))
    commit_all(root, "translations record their source revision")
    return root, revision


def apply_case(base: Path, revision: str, target: Path, case: dict[str, Any]) -> Path:
    """A copy of the base site (with its history), its files written over it, its links."""
    root = Path(shutil.copytree(base, target, symlinks=True))
    for rel, text in case.get("files", {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text.replace("@REVISION@", revision), encoding="utf-8")
    for rel in case.get("delete", []):
        (root / rel).unlink()
    for rel, size in case.get("sized", {}).items():
        (root / rel).write_bytes(b"\0" * size)
    for rel, pointed_to in case.get("links", {}).items():
        (root / rel).symlink_to(pointed_to)
    return root


def expected_prefix(case: dict[str, Any]) -> str:
    """How the case's line must start: `where: severity: CODE name:`, or just `where`."""
    if "rule" not in case:
        return str(case["where"])
    rule = Rule.from_code(case["rule"].split()[0])
    assert case["rule"] == str(rule), f"the case names {case['rule']}, the registry {rule}"
    return f"{case['where']}: {rule.severity}: {rule}:"


def unregistered(output: str) -> list[str]:
    """Problem lines that do not show a registered rule's severity, code and name."""
    shown = [f": {rule.severity}: {rule}: " for rule in Rule]
    return [
        line
        for line in output.splitlines()
        if (": error:" in line or ": warning:" in line) and not any(s in line for s in shown)
    ]


def run_check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """Run the check's command line in-process; (exit code, everything it printed)."""
    code = victiminfo_main(["check", "--root", str(root), "--today", TODAY, *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_recorded_fixture_site_passes(
    recorded_site: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run_check(recorded_site[0], capsys)
    assert code == 0, output
    assert ": error:" not in output
    assert "check: 0 errors, " in output


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_gets_its_own_message(
    name: str,
    recorded_site: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = yaml.safe_load((CORPUS / f"{name}.yml").read_text(encoding="utf-8"))
    base, revision = recorded_site
    root = apply_case(base, revision, tmp_path / "project", case)

    code, output = run_check(root, capsys)

    assert "Traceback" not in output and "internal error" not in output, output
    assert code == case["exit"], output
    assert not unregistered(output), output
    prefix = expected_prefix(case)
    message = case.get("message", "").replace("@REVISION@", revision)
    lines = [line for line in output.splitlines() if line.startswith(prefix)]
    assert any(message in line for line in lines), f"no '{prefix} ...{message}' in:\n{output}"
    errors = case.get("errors", 1 if case["exit"] else 0)
    if errors != "any":
        assert output.count(": error:") == errors, output


def test_every_case_is_keyed_by_the_rule_it_breaks() -> None:
    """Only a case of content that must pass has no rule (issue #11)."""
    for name in CASES:
        case = yaml.safe_load((CORPUS / f"{name}.yml").read_text(encoding="utf-8"))
        assert ("rule" in case) != name.endswith("-fine"), name


def test_corpus_has_at_least_twenty_kinds_of_mistake() -> None:
    assert len([c for c in CASES if not c.endswith("-is-fine")]) >= 20


def test_scripts_check_prints_github_annotations(
    recorded_site: tuple[Path, str], tmp_path: Path
) -> None:
    case = yaml.safe_load((CORPUS / "script-element.yml").read_text(encoding="utf-8"))
    root = apply_case(*recorded_site, tmp_path / "project", case)
    done = subprocess.run(
        [str(REPO / "scripts/check"), "--root", str(root), "--format", "github"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    annotation = "::error file=docs/sv/andra.md,line=4::VI317 element-not-allowed: a <script>"
    assert annotation in done.stdout
    assert done.stdout.rstrip().endswith("check: 1 error, 1 warning in 19 files")


def test_a_folder_without_mkdocs_yml_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run_check(tmp_path, capsys)
    assert code == 1 and "has no mkdocs.yml" in output and "Traceback" not in output
