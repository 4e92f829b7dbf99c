"""`victiminfo facts`: list the facts and their states; record a verification (issue #16)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from support import run_cli

HJALPLINJEN = "docs/_data/services/hjalplinjen.yml"
COMMENTED = """\
# A comment that must stay.
name: Hjälplinjen   # the official name
organisation: 'Testorganisationen'
area: national
audience:
  source: test-source
  seen: 2026-01-10
phones:
  # the support line
  - number: "020-50 50 50"
    label: support_line
    source: test-source   # trailing comment
    seen: 2026-01-10

  - number: "112"
    label: emergency
    source: test-source
    seen: 2026-01-10
    verified:
      date: 2026-01-11
      by: Someone Else
"""


def _facts(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("facts", *args[:1], "--root", str(root), *args[1:])
    return result.returncode, result.stdout, result.stderr


def test_a_verification_without_a_name_is_refused_and_the_file_left_as_it_was(
    small_project: Path,
) -> None:
    """No --by, an empty or a blank name: one line, exit 1, the same bytes (issue #16)."""
    path = small_project / HJALPLINJEN
    before = path.read_bytes()
    for by in ([], ["--by", ""], ["--by", "   "]):
        code, _, err = _facts(small_project, "verify", HJALPLINJEN, "phones[0]", *by)
        assert code == 1, err
        assert err.strip().splitlines() == [
            "error: say who verified the facts: --by NAME (a name or a team)"
        ]
        assert "Traceback" not in err
        assert path.read_bytes() == before


def test_a_future_date_or_an_unknown_fact_is_refused(small_project: Path) -> None:
    """A verification cannot be dated tomorrow nor name a fact the file lacks (issue #16)."""
    path = small_project / HJALPLINJEN
    before = path.read_bytes()
    code, _, err = _facts(
        small_project, "verify", HJALPLINJEN, "phones[0]", "--by", "A", "--date", "2999-01-01"
    )
    assert code == 1 and "is in the future" in err, err
    code, _, err = _facts(small_project, "verify", HJALPLINJEN, "phones[7]", "--by", "A")
    assert code == 1 and "no fact phones[7] in this file (its facts: audience" in err, err
    assert path.read_bytes() == before


def test_verify_edits_only_its_own_keys(small_project: Path) -> None:
    """Comments, quoting, blank lines and order stay; only verified lines change (issue #16)."""
    path = small_project / HJALPLINJEN
    path.write_text(COMMENTED, encoding="utf-8")
    code, out, err = _facts(
        small_project,
        "verify",
        HJALPLINJEN,
        "phones[0]",
        "phones.1",
        "--by",
        "Anna Andersson",
        "--date",
        "2026-12-01",
    )
    assert code == 0, err
    assert out.splitlines() == [
        f"{HJALPLINJEN}: phones[0] verified 2026-12-01 by Anna Andersson",
        f"{HJALPLINJEN}: phones[1] verified 2026-12-01 by Anna Andersson",
    ]
    line = '    verified: {date: 2026-12-01, by: "Anna Andersson"}'
    expected = COMMENTED.replace(
        "    source: test-source   # trailing comment\n    seen: 2026-01-10\n",
        f"    source: test-source   # trailing comment\n    seen: 2026-01-10\n{line}\n",
    ).replace("    verified:\n      date: 2026-01-11\n      by: Someone Else\n", line + "\n")
    assert path.read_text(encoding="utf-8") == expected


def test_list_says_each_facts_state_and_source(small_project: Path) -> None:
    """Every fact with file:line, source address and state; --state filters (issue #16)."""
    path = small_project / HJALPLINJEN
    path.write_text(COMMENTED, encoding="utf-8")
    code, out, err = _facts(small_project, "list", "--format", "json", "--today", "2026-06-01")
    assert code == 0, err
    rows = {(row["file"], row["fact"]): row for row in json.loads(out)}
    seen = rows[(HJALPLINJEN, "phones[0]")]
    assert seen["state"] == "seen" and seen["line"] == 10 and seen["value"] == "020-50 50 50"
    assert seen["url"] == "https://example.se/" and seen["verified_on"] is None
    verified = rows[(HJALPLINJEN, "phones[1]")]
    assert (verified["state"], verified["verified_by"]) == ("verified", "Someone Else")
    gammelby = rows[("docs/_data/places/gammelby.yml", "services[0].presence")]
    assert gammelby["state"] == "overdue"
    code, out, _ = _facts(small_project, "list", "--state", "seen", "--today", "2026-06-01")
    assert code == 0
    assert f"{HJALPLINJEN}:10: seen: Hjälplinjen phones[0] = 020-50 50 50" in out
    assert "phones[1]" not in out
    assert date.fromisoformat("2026-01-10").isoformat() in out
