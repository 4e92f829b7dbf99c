"""Split the search index by language, drop Swedish fallback copies, tokenise each script right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from victiminfo.model.languages import Language, LanguageList

# Splits words on white space and punctuation of every script we publish in, including the
# Ethiopic word space and full stop (፡ ።) and Arabic comma (،), so that no word keeps a
# punctuation mark that a query would not have.
SEPARATOR = r"[\s\-,.:;!?¿¡()\[\]{}\"'«»“”„/\\|،؛؟፡።፣፤፥፦፧]+"
STEMMING_PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]


def language_of(location: str, languages: LanguageList) -> str:
    """The language a search entry belongs to, from its URL's first segment."""
    first = location.split("/", 1)[0]
    others = {lang.code for lang in languages.languages if not lang.default}
    return first if first in others else languages.default.code


def index_config(language: Language) -> dict[str, Any]:
    """Material's search configuration for one language."""
    return {
        "lang": [language.search.lang],
        "separator": SEPARATOR,
        "pipeline": STEMMING_PIPELINE if language.search.stemming else [],
        "fields": {
            "title": {"boost": 1000.0},
            "text": {"boost": 1.0},
            "tags": {"boost": 1000000.0},
        },
    }


def split_index(
    docs: list[dict[str, Any]], languages: LanguageList, fallbacks: dict[str, set[str]]
) -> dict[str, list[dict[str, Any]]]:
    """Entries per language (located from the language's root), without Swedish fallback copies."""
    out: dict[str, list[dict[str, Any]]] = {code: [] for code in languages.codes}
    for doc in docs:
        code = language_of(doc["location"], languages)
        page = doc["location"].split("#", 1)[0]
        if page not in fallbacks.get(code, set()):
            prefix = "" if code == languages.default.code else f"{code}/"
            out[code].append({**doc, "location": doc["location"].removeprefix(prefix)})
    return out


def write_language_indexes(
    site: Path, languages: LanguageList, fallbacks: dict[str, set[str]]
) -> None:
    """Replace the combined index with one index per language, each under its own root."""
    combined = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for code, docs in split_index(combined["docs"], languages, fallbacks).items():
        root = site if code == languages.default.code else site / code
        index = {"config": index_config(languages.get(code)), "docs": docs}
        (root / "search").mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (root / "search" / "search_index.json").write_text(text, encoding="utf-8")
