"""The site's page for editors: the translation matrix and the facts' states (Swedish/English)."""

from __future__ import annotations

from datetime import date

from victiminfo.content.pages import page_url
from victiminfo.gitrepo import GitRepo
from victiminfo.model.catalog import Catalog
from victiminfo.model.freshness import Policy, Status
from victiminfo.project import Project, edition_date
from victiminfo.site.templating import environment
from victiminfo.translation.status import build_matrix
from victiminfo.translation.status_render import LOOKS, ORDER, site_table
from victiminfo.translation.words import with_words
from victiminfo.verification.listing import fact_entries

# Where the page is published (below the Swedish root); no other language has it.
STATUS_PAGE = "oversattningar/index.md"
TEMPLATE = "status-page/status-page.md"


def status_page_markdown(project: Project, catalog: Catalog, policy: Policy) -> str:
    """The page's Markdown: front matter that keeps it out of search, the table, a legend,
    and the facts: how many are in each state, and those not verified with their source."""
    facts = fact_entries(catalog, project.root, policy)
    repo = GitRepo(project.root)
    matrix = with_words(project, repo, build_matrix(project, repo))
    urls = {page: "../" + page_url(page) for page in matrix.pages}
    template = environment(project.templates, "web").get_template(TEMPLATE)
    markdown = template.render(
        revision=matrix.revision,
        edition=edition_date(project.root, date.min) if matrix.revision else None,
        has_history=matrix.has_history,
        table=site_table(matrix, urls),
        looks=[LOOKS[state] for state in ORDER],
        fact_counts=[(s.value, sum(1 for f in facts if f.state is s)) for s in Status],
        not_verified=[f for f in facts if f.state is not Status.verified],
    )
    return markdown + "\n"  # Jinja drops the template's last newline
