"""Material's interface strings for a language Material ships none for, written from its data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from victiminfo.model.languages import Language
from victiminfo.site.search_index import index_config
from victiminfo.site.state import SiteState

PARTIALS = Path("partials") / "languages"  # where Material looks up a language's strings


def partial_text(lang: Language, theme: Mapping[str, str]) -> str:
    """A Material language partial: the language's code and direction, then its own strings.

    Code, direction and search settings come from languages.yml; keys the ui file's theme:
    leaves out fall back to Material's English ones (Material's partials/language.html).
    """
    search = index_config(lang)
    strings = {
        **theme,
        "language": lang.tag,
        "direction": lang.dir,
        "search.config.lang": lang.search.lang,
        "search.config.pipeline": ", ".join(search["pipeline"]),
        "search.config.separator": search["separator"],
    }
    table = json.dumps(strings, ensure_ascii=False, indent=2, sort_keys=True)
    return (
        "{#- Written by the victiminfo plugin from docs/_data/languages.yml and "
        f"docs/_data/ui/{lang.code}.yml (theme:); do not edit. -#}}\n"
        f"{{% macro t(key) %}}{{{{ {table}[key] }}}}{{% endmacro %}}\n"
    )


def missing_partials(theme_dirs: list[str], languages: tuple[Language, ...]) -> list[Language]:
    """The languages for which neither Material nor overrides/ has a language partial."""
    return [
        lang
        for lang in languages
        if not any((Path(d) / PARTIALS / f"{lang.code}.html").is_file() for d in theme_dirs)
    ]


def write_partials(
    folder: Path, languages: list[Language], themes: Mapping[str, Mapping[str, str]]
) -> None:
    """Write each language's partial into folder (a theme folder of its own, searched last)."""
    target = folder / PARTIALS
    target.mkdir(parents=True, exist_ok=True)
    for lang in languages:
        text = partial_text(lang, themes.get(lang.code, {}))
        path = target / f"{lang.code}.html"
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")


def add_language_partials(theme_dirs: list[str], folder: Path, state: SiteState) -> None:
    """Write the partials Material lacks into folder, and search it after every theme folder."""
    languages = missing_partials(
        [d for d in theme_dirs if Path(d) != folder], state.catalog.languages.languages
    )
    write_partials(folder, languages, {c: s.theme for c, s in state.strings.items()})
    if str(folder) not in theme_dirs:
        theme_dirs.append(str(folder))
