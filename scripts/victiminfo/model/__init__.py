"""The content model: facts and their sources, languages, interface strings, the catalog."""
