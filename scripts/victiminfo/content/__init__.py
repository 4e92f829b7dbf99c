"""Reading content pages: front matter, Markdown structure, placeholders, anchors, new pages."""
