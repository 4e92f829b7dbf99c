"""Every rule content is checked against, as data: its code, name, severity and summary."""

from __future__ import annotations

from enum import Enum, unique
from typing import Literal

Severity = Literal["error", "warning"]

# The hundreds of a code say which family a rule belongs to (CONTRIBUTING.md has one table each).
FAMILIES = {
    "VI1": "data files (docs/_data/): YAML and the model",
    "VI2": "facts: phone numbers, e-mail and web addresses, sources, seen and verified dates",
    "VI3": "pages in every language: front matter, placeholders, links, markup, TODO",
    "VI4": "translations: compared with the Swedish page, their record, agency files",
    "VI5": "the site: mkdocs.yml, the nav, leaflets and fonts",
    "VI6": "commands: what scripts/new, scripts/translation, scripts/status or serve was asked",
}


@unique
class Rule(Enum):
    """One rule: `Rule.PHONE_INVALID` is `VI201 phone-invalid`, an error."""

    code: str
    severity: Severity
    summary: str

    def __init__(self, code: str, severity: Severity, summary: str) -> None:
        self.code = code
        self.severity = severity
        self.summary = summary

    @property
    def slug(self) -> str:
        """The rule's kebab-case name, made from its member name: 'phone-invalid'."""
        return self.name.lower().replace("_", "-")

    def __str__(self) -> str:
        return f"{self.code} {self.slug}"

    @classmethod
    def from_code(cls, code: str) -> Rule:
        """The rule with this code (KeyError if there is none)."""
        for rule in cls:
            if rule.code == code:
                return rule
        raise KeyError(code)

    # VI1xx: data files
    YAML_INVALID = ("VI101", "error", "the file is not valid YAML")
    YAML_KEY_NOT_PLAIN = ("VI102", "error", "a key is a list or a mapping, not a plain name")
    VALUE_UNREADABLE = ("VI103", "error", "a value cannot be read: a date that does not exist")
    FILE_UNREADABLE = ("VI104", "error", "the file cannot be read, or is not UTF-8 text")
    FILE_STRUCTURE_WRONG = ("VI105", "error", "the file is not the list or mapping it must be")
    REQUIRED_FIELD_MISSING = ("VI106", "error", "a field the model requires is missing")
    UNKNOWN_FIELD = ("VI107", "error", "a field the model does not have (a typo?)")
    WRONG_TYPE = ("VI108", "error", "a value is not a date, true/false, number, text or address")
    VALUE_NOT_ALLOWED = ("VI109", "error", "a value is not one the model allows")
    VALUE_NOT_FILLED_IN = ("VI110", "error", "a value is still TODO or ~, as scripts/new wrote it")
    PLACE_SERVICE_UNKNOWN = ("VI111", "error", "a place names a service that has no data file")
    LANGUAGE_LIST_INVALID = ("VI112", "error", "not exactly one default language, or a code twice")
    UI_STRING_MISSING = ("VI113", "error", "an interface string of sv.yml is missing")
    UI_STRING_UNKNOWN = ("VI114", "error", "an interface string that sv.yml does not have")
    UI_BRACES_DIFFER = ("VI115", "error", "an interface string's {braced} names differ from sv.yml")
    UI_MACHINE_FLAG_MISSING = ("VI116", "error", "the strings do not say if a machine made them")
    YAML_KEY_TWICE = ("VI117", "error", "a key is written twice in one mapping")
    INVISIBLE_CHARACTER = ("VI118", "error", "a bidi control or zero-width character in the text")
    FILE_TOO_LARGE = ("VI119", "error", "a file under docs/ is larger than any page or data file")

    # VI2xx: facts
    PHONE_INVALID = ("VI201", "error", "a phone number is not a valid Swedish number")
    PHONE_WRITTEN_UNUSUALLY = ("VI202", "warning", "a phone number is not written the usual way")
    EMAIL_INVALID = ("VI203", "error", "an e-mail address is not one")
    WEB_NOT_HTTPS = ("VI204", "error", "a service's or place's web address is not https")
    WEB_NO_DOMAIN = ("VI205", "error", "a web address has no domain such as '.se'")
    SOURCE_NOT_HTTPS = ("VI206", "warning", "a source's web address is not https")
    SOURCE_UNKNOWN = ("VI207", "error", "a fact names a source that sources.yml does not list")
    FACT_UNSOURCED = ("VI208", "warning", "a fact has no source or no day it was seen there")
    SEEN_IN_FUTURE = ("VI209", "error", "a fact's seen or verified date is after today")
    VERIFIED_LONG_AGO = ("VI210", "warning", "a fact was verified longer ago than allowed")
    EMERGENCY_NUMBER_MISSING = ("VI211", "error", "no service has a phone labelled 'emergency'")
    WEB_NOT_ON_SOURCE_HOST = ("VI212", "error", "a web address is not on its source's host")
    FACTS_NOT_VERIFIED = ("VI213", "warning", "facts seen on a source that no person verified")
    VERIFICATION_WITHOUT_NAME = ("VI214", "error", "a verification does not say who made it")

    # VI3xx: pages
    FRONT_MATTER_NOT_YAML = ("VI301", "error", "a page's front matter is not valid YAML")
    FRONT_MATTER_NOT_KEY_VALUE = ("VI302", "error", "a page's front matter is not key: value lines")
    FRONT_MATTER_NOT_CLOSED = ("VI303", "error", "a page's front matter has no closing '---'")
    FRONT_MATTER_KEY_UNKNOWN = ("VI304", "warning", "a front-matter key that nothing reads")
    PLACEHOLDER_KIND_UNKNOWN = ("VI305", "error", "a {{ placeholder }} of an unknown kind")
    PLACEHOLDER_WRONG_NUMBER_OF_NAMES = ("VI306", "error", "too few or too many names")
    PLACEHOLDER_NAME_UNKNOWN = ("VI307", "error", "a placeholder names no known service or place")
    PHONE_LABEL_UNKNOWN = ("VI308", "error", "the service has no phone with that label")
    PLACEHOLDER_ONLY_ON_WEB = ("VI309", "error", "a placeholder that only works on web pages")
    PHONE_TYPED_INTO_PAGE = ("VI310", "error", "a phone number is typed into a Swedish page")
    LINK_WITHOUT_TARGET = ("VI311", "error", "a link has no target")
    LINK_ABSOLUTE = ("VI312", "error", "a link starts with '/'")
    LINK_ABOVE_LANGUAGE_FOLDER = ("VI313", "error", "a link goes above docs/<language>/")
    LINK_TO_MISSING_PAGE = ("VI314", "error", "a link leads to a page that does not exist")
    LINK_NOT_TO_A_PAGE = ("VI315", "error", "a link leads to a folder or a web address, not a file")
    LINK_TO_MISSING_ANCHOR = ("VI316", "error", "a link's #fragment is no heading id of its page")
    ELEMENT_NOT_ALLOWED = ("VI317", "error", "an HTML element that runs, loads or sends something")
    EVENT_ATTRIBUTE_NOT_ALLOWED = ("VI318", "error", "an on... attribute, which runs code")
    ADDRESS_RUNS_CODE = ("VI319", "error", "a javascript:, data: or similar address")
    REMOTE_IMAGE = ("VI320", "error", "an image loaded from another host")
    PAGE_SAYS_TODO = ("VI321", "error", "a page still says TODO")
    LANGUAGE_FOLDER_UNKNOWN = ("VI322", "error", "a folder in docs/ that is not a language")
    SOURCE_LANGUAGE_FOLDER_MISSING = ("VI323", "error", "docs/ has no folder for Swedish")
    RIGHTS_ITEM_MISSING = ("VI324", "error", "the rights page lacks an item of the EU directive")
    PLACEHOLDER_MALFORMED = ("VI325", "error", "text that looks like a placeholder but is none")
    MARKUP_IN_FRONT_MATTER = ("VI326", "error", "markup in a front-matter value such as the title")
    PAPER_MARK_NOT_ON_HEADING = ("VI327", "error", "a web-only or print-only mark not on a heading")
    RIGHTS_ITEM_WITHOUT_SUBSTANCE = ("VI328", "error", "a rights section only points elsewhere")
    PAGE_SOURCE_UNKNOWN = ("VI329", "error", "a page's sources: names a key not in sources.yml")
    PAGE_SOURCES_NOT_A_LIST = ("VI330", "error", "a page's sources: is not a list of source keys")

    # VI4xx: translations
    TRANSLATION_WITHOUT_SOURCE = ("VI401", "error", "a translation of a page with no Swedish page")
    HEADING_MISMATCH = ("VI402", "error", "a heading's level or id differs from the Swedish page")
    PLACEHOLDER_MISMATCH = ("VI403", "error", "a placeholder differs from the Swedish page")
    ADMONITION_MISMATCH = ("VI404", "error", "an admonition differs from the Swedish page")
    LINK_MISMATCH = ("VI405", "error", "a link target differs from the Swedish page")
    ID_MISMATCH = ("VI406", "error", "an {#id} differs from the Swedish page")
    PHONE_NOT_IN_SOURCE = ("VI407", "error", "a phone number the Swedish page does not have")
    EMAIL_NOT_IN_SOURCE = ("VI408", "error", "an e-mail address the Swedish page does not have")
    WEB_ADDRESS_NOT_IN_SOURCE = ("VI409", "error", "a web address the Swedish page does not have")
    NUMBER_NOT_IN_SOURCE = ("VI410", "warning", "a number the Swedish page does not have")
    TRANSLATION_RECORD_INVALID = ("VI411", "error", "a translation key has a wrong value")
    SOURCE_REVISION_MISSING = ("VI412", "error", "a translation does not name its Swedish revision")
    REVISION_UNKNOWN = ("VI413", "error", "a revision that is not in this repository's history")
    TRANSLATION_STALE = ("VI414", "warning", "the Swedish page changed since it was translated")
    NO_GIT_HISTORY = ("VI415", "warning", "no git history: source revisions cannot be checked")
    RECORDING_NEEDS_GIT = ("VI416", "error", "a translation can only be recorded in a git checkout")
    SOURCE_UNCOMMITTED = ("VI417", "error", "the Swedish page has changes that are not committed")
    STALE_TRANSLATION_REVIEWED = ("VI418", "error", "a review of a translation that is stale")
    PAGE_NOT_TRANSLATED = ("VI419", "error", "the page is not translated yet")
    EXCHANGE_FILE_INVALID = ("VI420", "error", "a returned file is not valid XLIFF 2.0 or PO")
    EXCHANGE_TRANSLATOR_UNKNOWN = ("VI421", "error", "a returned file does not say who translated")
    EXCHANGE_LANGUAGE_WRONG = ("VI422", "error", "a returned file's languages are not this site's")
    EXCHANGE_PAGE_INVALID = ("VI423", "error", "a returned file names a page outside the site")
    EXCHANGE_SOURCE_EDITED = ("VI424", "error", "a returned unit's Swedish text was edited")
    EXCHANGE_PROTECTED_PART_CHANGED = ("VI425", "error", "a unit lost or changed a link or code")
    EXCHANGE_STRUCTURE_BROKEN = ("VI426", "error", "a unit's translation changes the page layout")
    EXCHANGE_UNIT_UNFINISHED = ("VI427", "warning", "a unit is not translated or not marked done")

    # VI5xx: the site
    CONFIG_UNREADABLE = ("VI501", "error", "mkdocs.yml cannot be read")
    CONFIG_NOT_A_MAPPING = ("VI502", "error", "mkdocs.yml is not a mapping of settings")
    CONFIG_INVALID = ("VI503", "error", "MkDocs does not accept the configuration")
    PLUGINS_NOT_A_LIST = ("VI504", "error", "mkdocs.yml's plugins are not a list or mapping")
    MAX_AGE_INVALID = ("VI505", "error", "facts_max_age_days is not a whole number of days")
    NAV_PAGE_MISSING = ("VI506", "error", "the nav lists a page that does not exist")
    PAGE_NOT_IN_NAV = ("VI507", "warning", "a Swedish page that the nav does not list")
    LEAFLET_SETTINGS_INVALID = ("VI508", "error", "the plugin's leaflets options are not valid")
    FONT_NOT_INSTALLED = ("VI509", "error", "a font the leaflets need is not installed")
    FONT_LACKS_CHARACTER = ("VI510", "error", "a leaflet has a character no font can print")
    PLUGIN_MISSING = ("VI511", "error", "the victiminfo plugin is not in mkdocs.yml's plugins")
    PLUGIN_OPTION_INVALID = ("VI512", "error", "another option of the victiminfo plugin is wrong")
    SYMBOLIC_LINK = ("VI513", "error", "a symbolic link under docs/ or inside overrides/")
    CONFIG_RUNS_CODE = ("VI514", "error", "mkdocs.yml adds hooks, remote scripts or a plugin")
    SERVER_SETTING_INVALID = ("VI515", "error", "a value cannot go into the nginx configuration")
    LEAFLET_TOO_LONG = ("VI516", "error", "a leaflet does not fit its pages at 9 pt")

    # VI6xx: commands
    NAME_INVALID = ("VI601", "error", "a new service's or place's name is not a-z, 0-9 and -")
    FILE_EXISTS = ("VI602", "error", "the file to create exists already")
    PAGE_NOT_FOUND = ("VI603", "error", "no page has the name or pattern given")
    LANGUAGE_UNKNOWN = ("VI604", "error", "the language given is not one to use here")
    NOT_A_PROJECT_FOLDER = ("VI605", "error", "the folder given has no mkdocs.yml")
    SHARDS_INVALID = ("VI606", "error", "the shards to merge do not make one whole site")
