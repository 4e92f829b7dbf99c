"""What paper leaves out of a page: web-only sections, link lists, read-more lines, link targets.

A Markdown extension, so that it works on the page's element tree after attr_list has read
the editors' `{: .web-only }` / `{: .print-only }` marks (issue #12). With `brief`, a page is
cut down to its title and, per section, the heading and first paragraph (with the list that
follows it); with `split`, the page's lead (title, first paragraph, first card) is wrapped
apart from the rest, for the front of a service leaflet.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

WEB_ONLY, PRINT_ONLY = "web-only", "print-only"
MARKS = (WEB_ONLY, PRINT_ONLY)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
KEPT_LINKS = ("tel:",)  # a phone number stays a link: a PDF read on a phone can call it
READ_MORE_WORDS = 4  # at most this many words before the colon of a "read more" line
COLONS = (":", "\uff1a", "\u1365", "\u1366")  # and the full-width and Ethiopic colons
STASHED = re.compile("^\x02wzxhzdk:\\d+\x03$")  # a raw HTML block (a contact card)
LEAD, MORE = "vi-lead", "vi-more"


class PaperExtension(Extension):  # type: ignore[misc]  # Markdown has no types
    """Markdown for paper: `PaperExtension(brief=True)` or `PaperExtension(split=True)`."""

    def __init__(self, *, brief: bool = False, split: bool = False) -> None:
        super().__init__()
        self.brief = brief
        self.split = split

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after attr_list (priority 8), which sets the marks' classes."""
        md.treeprocessors.register(PaperTreeprocessor(md, self.brief, self.split), "paper", 7)


class PaperTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Rewrites a page's element tree for paper."""

    def __init__(self, md: Markdown, brief: bool, split: bool) -> None:
        super().__init__(md)
        self.brief = brief
        self.split = split

    def run(self, root: etree.Element) -> None:
        """Leave out what paper cannot use, then shorten or split the page."""
        drop_marked_sections(root)
        drop_link_lists(root)
        drop_read_more_lines(root)
        unwrap_links(root)
        drop_empty_sections(root)
        if self.brief:
            brief(root)
        elif self.split:
            split_lead(root)


class SectionMarksExtension(Extension):  # type: ignore[misc]  # Markdown has no types
    """For the web site (mkdocs.yml): a marked heading's whole section in one element.

    `## Läs mer {: .web-only }` and what follows it up to the next heading of its level
    become `<section class="web-only">`, which the site's CSS hides in print (and a
    print-only section on screen), so that a mark means the same on both media.
    """

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after attr_list (priority 8) and after paper's own processor (7)."""
        md.treeprocessors.register(SectionMarksTreeprocessor(md), "section_marks", 6)


class SectionMarksTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Wraps each marked section in a <section> with the mark as its class."""

    def run(self, root: etree.Element) -> None:
        """Wrap every section whose heading is marked, outermost first."""
        for heading, body in sections(root):
            mark = next((m for m in MARKS if has_class(heading, m)), None)
            if mark is not None and heading in list(root):
                index = list(root).index(heading)
                wrapper = etree.Element("section", {"class": mark})
                for element in [heading, *body]:
                    root.remove(element)
                    wrapper.append(element)
                root.insert(index, wrapper)


def makeExtension(**kwargs: object) -> SectionMarksExtension:
    """`victiminfo.leaflets.paper` in mkdocs.yml's markdown_extensions."""
    return SectionMarksExtension()


def has_class(element: etree.Element, name: str) -> bool:
    """Whether the element's class attribute names `name`."""
    return name in (element.get("class") or "").split()


def sections(root: etree.Element) -> list[tuple[etree.Element, list[etree.Element]]]:
    """Each top-level heading with the blocks up to the next heading of its level or higher."""
    children = list(root)
    out = []
    for i, child in enumerate(children):
        if child.tag in HEADINGS:
            body = []
            for block in children[i + 1 :]:
                if block.tag in HEADINGS and block.tag <= child.tag:
                    break
                body.append(block)
            out.append((child, body))
    return out


def drop_marked_sections(root: etree.Element) -> None:
    """Leave out every section whose heading is marked web-only; keep print-only ones."""
    for heading, body in sections(root):
        if has_class(heading, WEB_ONLY) and heading in list(root):
            for element in [heading, *body]:
                root.remove(element)


def drop_link_lists(root: etree.Element) -> None:
    """Leave out lists in which every item is a link (on paper, they lead nowhere)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in ("ul", "ol") and _all_items_link(child):
                parent.remove(child)


def _all_items_link(listing: etree.Element) -> bool:
    items = [item for item in listing if item.tag == "li"]
    return bool(items) and all(_has_link(item) for item in items)


def _has_link(element: etree.Element) -> bool:
    return any(not _kept(a) for a in element.iter("a"))


def _kept(link: etree.Element) -> bool:
    return (link.get("href") or "").startswith(KEPT_LINKS)


def drop_read_more_lines(root: etree.Element) -> None:
    """Leave out paragraphs that are a few words, a colon and links ("Read more: ...")."""
    for paragraph in list(root.findall("p")):
        if is_read_more(paragraph):
            root.remove(paragraph)


def is_read_more(paragraph: etree.Element) -> bool:
    """'Läs mer: [link].', 'اقرأ المزيد: [link].': a short label, a colon, then only links."""
    links = [child for child in paragraph if child.tag == "a" and not _kept(child)]
    if not links or len(links) != len(paragraph):
        return False
    label = (paragraph.text or "").strip()
    between = "".join(link.tail or "" for link in links)
    return (
        label.endswith(COLONS)
        and len(label.split()) <= READ_MORE_WORDS
        and all(not char.isalnum() for char in between)
    )


def unwrap_links(root: etree.Element) -> None:
    """Replace every link but a phone number's by its text: paper has no link targets."""
    for parent in list(root.iter()):
        for link in [child for child in parent if child.tag == "a" and not _kept(child)]:
            _unwrap(parent, link)


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Put child's text and children in its place in parent."""
    index = list(parent).index(child)
    text = (child.text or "") + ("" if len(child) else child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    grandchildren = list(child)
    if grandchildren:
        grandchildren[-1].tail = (grandchildren[-1].tail or "") + (child.tail or "")
    parent.remove(child)
    for offset, grandchild in enumerate(grandchildren):
        parent.insert(index + offset, grandchild)


def drop_empty_sections(root: etree.Element) -> None:
    """Leave out a heading (not the title) that has nothing left under it."""
    for heading, body in reversed(sections(root)):
        if heading.tag != "h1" and not body:
            root.remove(heading)


def brief(root: etree.Element) -> None:
    """Keep the title and, per section, its heading and first paragraph (and a list after it)."""
    title = root.find("h1")
    kept: list[etree.Element] = [title] if title is not None else []
    items = etree.Element("ol", {"class": "vi-brief"})
    for heading, body in sections(root):
        if heading.tag == "h2" and body:
            item = etree.SubElement(items, "li")
            item.extend([heading, *_first_paragraph(body)])
    for child in list(root):
        root.remove(child)
    root.extend([*kept, items])


def _first_paragraph(body: list[etree.Element]) -> list[etree.Element]:
    first = body[0]
    if first.tag == "p" and len(body) > 1 and body[1].tag in ("ul", "ol"):
        return [first, body[1]]
    return [first]


def split_lead(root: etree.Element) -> None:
    """Wrap the lead apart: the title, the first paragraph and the page's first card."""
    children = list(root)
    first_paragraph = next((c for c in children if c.tag == "p" and not _is_stashed(c)), None)
    card = next((c for c in children if _is_stashed(c)), None)
    lead = etree.Element("div", {"class": LEAD})
    more = etree.Element("div", {"class": MORE})
    for child in children:
        root.remove(child)
        in_lead = child.tag == "h1" or child is first_paragraph or child is card
        (lead if in_lead else more).append(child)
    root.extend([lead, more])


def _is_stashed(element: etree.Element) -> bool:
    return element.tag == "p" and bool(STASHED.match(element.text or "")) and not len(element)
