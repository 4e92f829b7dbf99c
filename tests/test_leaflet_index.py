"""The print page's list of leaflets (the leaflet-index component), from a real plan (issue #11)."""

from __future__ import annotations

from pathlib import Path

from support import Document
from victiminfo.leaflets.index import leaflet_index
from victiminfo.leaflets.plan import LeafletSettings, plan_leaflets
from victiminfo.project import Project
from victiminfo.site.state import load_state


def _index(root: Path, code: str) -> Document:
    project = Project(root)
    state = load_state(project)
    plan = plan_leaflets(project.docs, state.catalog.languages, LeafletSettings())
    doc = Document()
    doc.feed(leaflet_index(project, plan, code, state.render_context(code), url_prefix="../"))
    return doc


def test_each_language_is_linked_to_its_pdf_or_said_to_be_missing(small_project: Path) -> None:
    """Testby has a leaflet in every language, Gammelby only in Swedish (issue #11)."""
    doc = _index(small_project, "en")
    assert [e.tag for e in doc.elements if e.tag in ("h2", "h3")] == ["h2", "h3", "h3"]
    links = doc.find("a", type="application/pdf")
    assert [a.attrs["href"] for a in links] == [
        "../leaflets/sv/orter-gammelby.pdf",
        *(f"../leaflets/{code}/orter-testby.pdf" for code in ("sv", "en", "ar", "ti")),
    ]
    assert all(a.attrs["hreflang"] == a.attrs["href"].split("/")[2] for a in links)
    names = doc.find("span")
    assert len(names) == 2 * 4 and all(span.attrs["lang"] for span in names)
    assert "".join(doc.text).count("(not translated yet)") == 3


def test_a_title_is_text_not_markup(small_project: Path) -> None:
    """Autoescaping stays on in the component: a page title cannot add elements (issue #11)."""
    page = small_project / "docs/sv/orter/gammelby.md"
    page.write_text('---\ntitle: "Gammelby <b>& co</b>"\n---\n' + page.read_text("utf-8"), "utf-8")
    doc = _index(small_project, "sv")
    assert not doc.find("b")
    assert "Gammelby <b>& co</b>" in doc.text
