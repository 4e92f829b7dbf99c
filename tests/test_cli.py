"""The one command line: its help, its error boundary, and output that helps (issue #11)."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

import click
import pytest
from mkdocs.exceptions import ConfigurationError

from support import FIXTURES, REPO, copy_site, run_cli
from victiminfo.cli import main
from victiminfo.cli.boundary import ErrorBoundaryGroup
from victiminfo.cli.draft_report import leaflet_report, which
from victiminfo.errors import ContentError, Problem
from victiminfo.leaflets.build import LeafletReport
from victiminfo.leaflets.compose import LeafletDocument
from victiminfo.leaflets.plan import Leaflet
from victiminfo.rules import Rule

COMMANDS = ["build", "serve", "check", "status", "translation", "new", "bench"]
# Each command's help: options it must list, and options of other commands it must not.
HELP = {
    "build": (
        ["--root", "--site-dir", "--paper", "--print-shop", "--no-leaflets", "--verbose"],
        ["--address", "--lang", "--today"],
    ),
    "serve": (["--root", "--address", "--lang"], ["--paper", "--site-dir", "--no-leaflets"]),
    "check": (["--root", "--format", "--today", "--no-git"], ["--paper", "--address"]),
    "status": (["--root", "--format", "--base", "--diff"], ["--paper", "--today"]),
    "new": (["--root", "service|place"], ["--paper", "--address"]),
    "translation": (["--root", "updated", "reviewed", "export", "import"], ["--paper"]),
    "translation updated": (["--by", "--machine"], ["--paper", "--all"]),
    "translation reviewed": (["--by"], ["--machine", "--all"]),
    "translation export": (["--format", "--output", "--all"], ["--by", "--machine"]),
    "translation import": (["--by"], ["--all", "--output"]),
    "bench": (["--quick", "--out", "--keep", "--report-from"], ["--paper", "--address"]),
}


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command line run in this process: (exit status, stdout, stderr)."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_python_m_victiminfo_help_lists_every_command() -> None:
    """`python -m victiminfo --help` names every subcommand (issue #11)."""
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("Commands:", 1)[1].split()
    assert all(command in listed for command in COMMANDS), result.stdout


@pytest.mark.parametrize("command", sorted(HELP))
def test_each_help_lists_its_own_options_only(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`victiminfo COMMAND --help` lists that command's options, not another's (issue #11)."""
    own, others = HELP[command]
    code, out, err = run_in_process(capsys, *command.split(), "--help")
    assert code == 0, err
    assert all(option in out for option in own), out
    assert not any(option in out for option in others), out


def test_an_option_of_another_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`build --lang ar` no longer builds every language in silence: exit 2 (issue #11)."""
    code, _, err = run_in_process(capsys, "build", "--lang", "ar")
    assert code == 2
    assert "No such option '--lang'" in err and "Traceback" not in err


def test_the_scripts_are_calls_of_the_command_line() -> None:
    """scripts/serve --help shows serve's options; scripts/build --lang is refused (issue #11)."""
    serve = subprocess.run(
        [str(REPO / "scripts/serve"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert serve.returncode == 0, serve.stderr
    assert "--address" in serve.stdout and "--paper" not in serve.stdout
    build = subprocess.run(
        [str(REPO / "scripts/build"), "--lang", "ar"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert build.returncode == 2 and "No such option '--lang'" in build.stderr


def _failing_group(error: Exception) -> ErrorBoundaryGroup:
    """A group with one `build` command that raises error, behind the real error boundary."""
    group = ErrorBoundaryGroup("victiminfo")

    @group.command("build")
    def fails() -> None:
        raise error

    return group


def _run_group(group: click.Group, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        group.main(["build"], prog_name="victiminfo")
    code = stopped.value.code
    return code if isinstance(code, int) else -1, capsys.readouterr().err


def test_the_boundary_reports_content_problems_with_file_and_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A ContentError: each problem as file:line, one summary line, exit 1 (issue #11)."""
    problem = Problem(
        Path("docs/sv/index.md"),
        "a bad placeholder",
        Rule.PLACEHOLDER_KIND_UNKNOWN,
        line=7,
        hint="fix it",
    )
    code, err = _run_group(_failing_group(ContentError([problem])), capsys)
    assert code == 1
    assert err.splitlines() == [
        "docs/sv/index.md:7: error: VI305 placeholder-kind-unknown: a bad placeholder",
        "    how to fix: fix it",
        "",
        "The build stopped: 1 problem. site/ was left as it was.",
    ]


def test_the_boundary_reports_a_mkdocs_error_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A MkDocs error: one 'error:' line and what stopped, exit 1 (issue #11)."""
    code, err = _run_group(_failing_group(ConfigurationError("no such theme")), capsys)
    assert code == 1
    assert err.splitlines() == [
        "error: no such theme",
        "The build stopped. site/ was left as it was.",
    ]


def test_the_boundary_reports_a_bug_briefly_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Any other exception: what and where, 'this is a bug', exit 2, no traceback (issue #11)."""
    code, err = _run_group(_failing_group(KeyError("languages")), capsys)
    assert code == 2
    assert err.startswith("internal error: KeyError: 'languages'\n  at ")
    assert f"{Path(__file__).name}:" in err and "This is a bug" in err
    assert "Traceback" not in err


# Front matter, a blank line MkDocs drops, and blank lines at the end that a plugin rewrites.
FRONT_MATTER_PAGE = (
    "---\ntitle: Start\nsearch:\n  boost: 2\n---\n\n# Start\n\nText.\n\n{{ card origo }}\n\n\n"
)
BAD_LINE = 11  # the line of {{ card origo }} in the file, front matter included


def test_a_page_error_names_the_same_file_line_in_build_and_check(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build names the file's line, as the check does, and says it once (issue #11).

    It used to count from the end of the front matter (line 5 here), and to print the error
    twice: once through MkDocs' log, once from the command line.
    """
    (small_project / "docs/sv/index.md").write_text(FRONT_MATTER_PAGE, encoding="utf-8")
    expected = (
        f"docs/sv/index.md:{BAD_LINE}: error: VI307 placeholder-name-unknown: "
        "'{{ card origo }}' names a service that does not exist"
    )

    built = run_cli("build", "--root", str(small_project), "--no-leaflets")
    code, checked, _ = run_in_process(capsys, "check", "--root", str(small_project), "--no-git")

    assert built.returncode == 1 and code == 1, built.stderr
    assert expected in checked.splitlines(), checked
    assert expected in built.stderr.splitlines(), built.stderr
    output = built.stdout + built.stderr
    assert output.count("names a service that does not exist") == 1, output


def test_the_build_says_what_it_does_and_groups_the_drafts(tmp_path: Path) -> None:
    """Steps are announced on stderr (no bar off a terminal); drafts grouped (issue #11)."""
    root = copy_site(FIXTURES / "small-site", tmp_path / "project")
    result = run_cli("build", "--root", str(root), "--verbose")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "Building the site (4 languages) ...",
        "Rendering leaflets ...",
    ]
    assert "\r" not in result.stderr
    reason = "Hjälplinjen: presence last verified 2020-01-01 (older than 365 days)"
    lines = result.stdout.splitlines()
    assert "1 of 5 leaflets is marked UTKAST / DRAFT, for 1 reason:" in lines
    assert f"  1 × {reason} — orter-gammelby (sv)" in lines
    assert lines.index("  leaflets/sv/orter-gammelby.pdf:") + 1 == lines.index(f"    - {reason}")


CODES = ["sv", "en", "ar", "fa", "fi", "so", "ti", "tr", "ru", "es"]
PAGES = ["orter/solna.md", "orter/huddinge.md", "tjanster/polisen.md", "tjanster/origo.md"]
PAGES += ["tjanster/a.md", "tjanster/b.md"]


def _document(code: str, page: str, *doubts: str) -> LeafletDocument:
    return LeafletDocument(Leaflet(PurePosixPath(page), code, ()), "title", "", "", doubts)


def _grid(doubts: dict[tuple[str, str], tuple[str, ...]]) -> LeafletReport:
    documents = [
        _document(code, page, *doubts.get((code, page), ("placeholder site_url",)))
        for page in PAGES
        for code in CODES
    ]
    return LeafletReport(tuple(documents), rendered=0)


def test_the_draft_report_has_one_line_per_reason() -> None:
    """One line per reason, the most common first, with its count and pages (issue #11)."""
    stale = ("placeholder site_url", "Brottsofferjouren: presence last checked 2017-10-05")
    report = _grid(
        {(code, page): stale for code in CODES for page in ("orter/solna.md", "orter/huddinge.md")}
        | {("sv", "tjanster/polisen.md"): ("placeholder site_url", "polisen: phone 114 14")}
        | {("en", "tjanster/polisen.md"): ("placeholder site_url", "polisen: phone 114 14")}
    )
    assert leaflet_report(report) == [
        "Leaflets: 60 (0 rendered, 60 unchanged)",
        "60 of 60 leaflets are marked UTKAST / DRAFT, for 3 reasons "
        "(--verbose lists each leaflet):",
        "  60 × placeholder site_url — every leaflet",
        "  20 × Brottsofferjouren: presence last checked 2017-10-05 — "
        "orter-huddinge, orter-solna (all 10 languages)",
        "   2 × polisen: phone 114 14 — tjanster-polisen (sv, en)",
    ]


def test_a_reason_on_many_pages_names_a_few_and_counts_the_rest() -> None:
    """A long list of pages is cut to four and 'and N more pages' (issue #11)."""
    every = [_document(code, page).leaflet for page in PAGES for code in CODES]
    some = [leaflet for leaflet in every if leaflet.code == "sv"]
    assert which(some, every) == (
        "orter-huddinge, orter-solna, tjanster-a, tjanster-b (sv) and 2 more pages"
    )
    mixed = [*some[:1], *[leaflet for leaflet in every if leaflet.slug == "tjanster-a"]]
    assert which(mixed, every) == "orter-solna (sv); tjanster-a (all 10 languages)"
