"""The site's page for editors: the translation matrix, built with the site (Swedish/English)."""

from __future__ import annotations

from datetime import date

from victiminfo.content.pages import page_url
from victiminfo.gitrepo import GitRepo
from victiminfo.project import Project, edition_date
from victiminfo.translation.status import build_matrix
from victiminfo.translation.status_render import LOOKS, ORDER, html_table

# Where the page is published (below the Swedish root); no other language has it.
STATUS_PAGE = "oversattningar/index.md"


def status_page_markdown(project: Project) -> str:
    """The page's Markdown: front matter that keeps it out of search, the table, a legend."""
    repo = GitRepo(project.root)
    matrix = build_matrix(project, repo)
    urls = {page: "../" + page_url(page) for page in matrix.pages}
    built = (
        f"revision <code>{matrix.revision}</code> ({edition_date(project.root, date.min)})"
        if matrix.revision
        else "arbetskopian (ingen git-historik)"
    )
    legend = "\n".join(
        f'- **{LOOKS[s].swedish}** (<span lang="en">{LOOKS[s].english}: {LOOKS[s].meaning}</span>)'
        for s in ORDER
    )
    history = (
        ""
        if matrix.has_history
        else (
            "\n**Obs:** webbplatsen byggdes utan git-historik, så ingen översättning kan visas "
            "som aktuell.\n"
        )
    )
    return f"""---
title: Översättningar
hide:
  - navigation
  - toc
search:
  exclude: true
---

# Översättningarnas status

Den här sidan är för redaktörer och översättare, inte för besökare. Den visar hur varje
sida är översatt till varje språk. Byggd från {built}.

<p lang="en">For editors and translators: the state of every page in every language.</p>
{history}
{html_table(matrix, urls)}
## Förklaring

{legend}

## Så arbetar du

- `scripts/status` visar samma tabell i terminalen.
- `scripts/status --diff SPRÅK SIDA` visar vad som har ändrats i den svenska sidan sedan
  översättningen gjordes.
- `scripts/translation updated SPRÅK SIDA --by NAMN` och
  `scripts/translation reviewed SPRÅK SIDA --by NAMN` registrerar arbetet.
- `scripts/translation export SPRÅK` skapar en fil till en översättningsbyrå.
"""
