"""scripts/new: a new service or place has every field, fails the check until filled (issue #5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from git_site import run_tool
from support import run_cli
from victiminfo.content.scaffold import PLACE_YAML, SERVICE_YAML
from victiminfo.errors import ContentError
from victiminfo.model.catalog import load_catalog
from victiminfo.model.facts import Place, Service


def _field_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field of a model, nested models included, as dotted paths (lists as [0])."""
    out = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        out.add(path)
        inner = _inner_model(info.annotation)
        if inner is not None:
            suffix = ".0." if "tuple" in str(info.annotation) else "."
            out |= _field_paths(inner, path + suffix)
    return out


def _inner_model(annotation: object) -> type[BaseModel] | None:
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        for candidate in (arg, *getattr(arg, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                return candidate
    return None


def _present(data: object, prefix: str = "") -> set[str]:
    out = set()
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        path = f"{prefix}{key}"
        if isinstance(key, str):
            out.add(path)
        out |= _present(value, path + ".")
    return out


@pytest.mark.parametrize(("text", "model"), [(SERVICE_YAML, Service), (PLACE_YAML, Place)])
def test_every_field_is_there_and_none_passes(text: str, model: type[BaseModel]) -> None:
    data = yaml.safe_load(text)
    assert _field_paths(model) <= _present(data)
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    failing = {".".join(str(p) for p in err["loc"]) for err in exc.value.errors()}
    leaves = {p for p in _present(data) if not isinstance(_get(data, p), (dict, list))}
    assert leaves <= failing, leaves - failing  # every single placeholder fails


def _get(data: object, path: str) -> object:
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]  # type: ignore[index]
    return data


def test_no_plausible_fact_in_the_templates() -> None:
    for text in (SERVICE_YAML, PLACE_YAML):
        assert not re.search(r"\d{2,}", text.replace("YYYY-MM-DD", ""))
        assert "@" not in text and "://" not in text.replace("https://...", "")


def test_new_service_creates_files_nav_and_fails_the_build(small_project: Path) -> None:
    (small_project / "mkdocs.yml").write_text(
        (small_project / "mkdocs.yml").read_text("utf-8")
        + "nav:\n  - index.md\n  - Orter:\n      - orter/testby.md\n      - orter/gammelby.md\n"
        "  - Tjänster:\n      - tjanster/annan.md\n  - andra.md\n",
        "utf-8",
    )
    result = run_tool("new", "--root", str(small_project), "service", "stodlinjen-syd")
    assert result.returncode == 0, result.stderr
    assert "Created docs/_data/services/stodlinjen-syd.yml" in result.stdout
    assert "tjanster/stodlinjen-syd.md was added to nav" in result.stdout
    page = (small_project / "docs/sv/tjanster/stodlinjen-syd.md").read_text("utf-8")
    assert page.startswith("---\ntitle: ") and "\n# " in page
    assert "{{ card stodlinjen-syd }}" in page
    config = (small_project / "mkdocs.yml").read_text("utf-8")
    assert "      - tjanster/annan.md\n      - tjanster/stodlinjen-syd.md\n  - andra.md" in config
    with pytest.raises(ContentError) as exc:
        load_catalog(small_project / "docs/_data")
    lines = {p.line for p in exc.value.problems if p.path.name == "stodlinjen-syd.yml"}
    assert len(lines) >= 20 and None not in lines
    build = run_cli("build", "--root", str(small_project), "--no-leaflets")
    assert build.returncode == 1 and "stodlinjen-syd.yml:" in build.stderr
    assert "Traceback" not in build.stderr


def test_new_place(small_project: Path) -> None:
    result = run_tool("new", "--root", str(small_project), "place", "nyby")
    assert result.returncode == 0, result.stderr
    assert "Add '- orter/nyby.md' to nav: in mkdocs.yml" in result.stdout  # fixture has no nav
    page = (small_project / "docs/sv/orter/nyby.md").read_text("utf-8")
    assert "{{ services nyby }}" in page and "{{ phone polisen emergency }}" in page
    assert (small_project / "docs/_data/places/nyby.yml").read_text("utf-8") == PLACE_YAML


@pytest.mark.parametrize("name", ["Stodlinjen", "stöd", "a_b", "x--y", "x-", "../x", ""])
def test_bad_names_are_refused(small_project: Path, name: str) -> None:
    result = run_tool("new", "--root", str(small_project), "service", name)
    assert result.returncode == 1 and "cannot be a file name" in result.stderr
    assert not list((small_project / "docs/_data/services").glob("*[!a-z].yml"))


def test_existing_files_are_not_overwritten(small_project: Path) -> None:
    data = small_project / "docs/_data/services/hjalplinjen.yml"
    before = data.read_text("utf-8")
    result = run_tool("new", "--root", str(small_project), "service", "hjalplinjen")
    assert result.returncode == 1 and "already exists" in result.stderr
    assert data.read_text("utf-8") == before
    assert not (small_project / "docs/sv/tjanster/hjalplinjen.md").exists()
