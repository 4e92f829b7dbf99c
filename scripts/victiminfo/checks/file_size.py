"""No huge file under docs/: a pull request could slow every build or fill the published site."""

from __future__ import annotations

from pathlib import Path

from victiminfo.errors import Problem
from victiminfo.rules import Rule

# The longest page is about 9 kB; a page, a data file or an image 100 times that is no mistake.
MAX_FILE_BYTES = 1_000_000


def file_size_problems(docs: Path) -> list[Problem]:
    """Every regular file under docs/ larger than MAX_FILE_BYTES (links are not followed)."""
    return [
        _problem(path, size)
        for path in sorted(docs.rglob("*"))
        if not path.is_symlink()
        and path.is_file()
        and (size := path.stat().st_size) > MAX_FILE_BYTES
    ]


def _problem(path: Path, size: int) -> Problem:
    return Problem(
        path,
        f"the file has {size:,} bytes, more than the {MAX_FILE_BYTES:,} any page, data file "
        "or image of this site needs",
        rule=Rule.FILE_TOO_LARGE,
        hint="split the page, make the image smaller, or remove the file",
    )
