"""Helpers for tests: copy fixture sites, run the real command line, read built HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_site(source: Path, target: Path) -> Path:
    """A writable copy of a site, linked to the project's overrides/ and scripts/."""
    shutil.copytree(source, target, symlinks=False, ignore=shutil.ignore_patterns("site"))
    for name in ("overrides", "scripts"):
        if not (target / name).exists():
            (target / name).symlink_to(REPO / name)
    return target


def run_cli(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m victiminfo ARGS` as scripts/* do (env: more variables), capturing it."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "victiminfo", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def build(root: Path, site_dir: Path | None = None) -> Path:
    """Build a site with the command line; fail the test with its output if it fails."""
    extra = ["--site-dir", str(site_dir)] if site_dir else []
    result = run_cli("build", "--root", str(root), *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir or root / "site"


@dataclass
class Element:
    """A start tag with its attributes and the text directly after it."""

    tag: str
    attrs: dict[str, str]


@dataclass
class Document(HTMLParser):
    """The elements and inline scripts of one HTML file."""

    elements: list[Element] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append(Element(tag, values))
        self._in_script = (
            tag == "script" and "src" not in values and values.get("type") != "application/json"
        )

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes include attrs (class_ means class)."""
        want = {k.rstrip("_"): v for k, v in attrs.items()}
        return [
            e
            for e in self.elements
            if e.tag == tag
            and all(
                v in e.attrs.get(k, "").split() if k == "class" else e.attrs.get(k) == v
                for k, v in want.items()
            )
        ]


def parse_html(path: Path) -> Document:
    """Parse a built HTML file."""
    doc = Document()
    doc.feed(path.read_text(encoding="utf-8"))
    return doc
