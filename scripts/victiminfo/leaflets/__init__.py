"""Leaflets: which exist, their HTML from the same content as the site, and their PDFs."""
