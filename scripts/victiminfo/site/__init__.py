"""The web site: the MkDocs plugin, page views, contact cards, search index, status page."""
