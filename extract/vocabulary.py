"""General word lists for finding actors and quotes: no article's names, only the language of news.

Countries (with other names, demonyms and capitals), major international organisations, person
titles and roles, collective nouns, reporting verbs and common given names. The words are data,
in extract/lang/en/ (one file per kind of word, see extract.lang); this module reads them once
and exposes them as frozensets or dicts keyed by the folded surface form, so lookups are O(1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract import lang

# A typeset hyphen (U+2010, U+2011) read as the keyboard's.
_HYPHENS = str.maketrans("\u2010\u2011", "--")


@lru_cache(maxsize=16384)
def fold(surface: str) -> str:
    """Lookup key of a surface form: casefolded, dots and possessive 's dropped, ' and - unified
    (a typeset hyphen, U+2010 or U+2011, is the keyboard's)."""
    surface = surface.replace("’", "'").replace("‘", "'").translate(_HYPHENS)
    surface = re.sub(r"'s?$", "", surface)
    return surface.replace(".", "").casefold()


def longest_first(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, so that "vice president" wins over
    "president" where both match."""
    return "|".join(sorted(words, key=len, reverse=True))


def list_alternation(name: str) -> str:
    """The entries of the word list `name` as a regex alternation, in the file's order: each
    word stands for itself, and the space between a phrase's words for any white space."""
    return "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in lang.entries(name))


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex that matches any of the phrases of a word list: each character stands for
    itself, but the words may be spaced by any white space and an apostrophe is either form
    ("don't" matches "don’t"). It is written as a tree of the phrases' shared beginnings
    ("re(?:ad\\s+more|lated)"), which the engine tries letter by letter instead of phrase by
    phrase; where a phrase and a longer one match, the longer does."""
    return _tree([_units(phrase) for phrase in phrases])


def _units(phrase: str) -> tuple[str, ...]:
    """A phrase as the patterns of its characters, a space between words standing for any."""
    units: list[str] = []
    for word in phrase.split():
        if units:
            units.append(r"\s+")
        units.extend("[’']" if ch == "'" else re.escape(ch) for ch in word)
    return tuple(units)


def _tree(sequences: list[tuple[str, ...]]) -> str:
    groups: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        if sequence:
            groups.setdefault(sequence[0], []).append(sequence[1:])
    if not groups:
        return ""
    branches = [head + _tree(tails) for head, tails in sorted(groups.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if () in sequences else body


# --- countries --------------------------------------------------------------------------------
# One row per country in lang/en/countries.tsv: name, other names, demonyms, capitals (the capital
# standing for the government, "Moscow said"). Demonyms qualify roles and groups ("Ukrainian
# officials").


def _country_maps() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for name, others, nationals, cities in lang.rows("countries"):
        for surface in [name, *filter(None, others.split(","))]:
            names[fold(surface)] = name
        for surface in filter(None, nationals.split(",")):
            demonyms.setdefault(fold(surface), name)
        for surface in filter(None, cities.split(",")):
            capitals[fold(surface)] = name
    return names, demonyms, capitals


# Folded country name or other name -> canonical country name ("us" -> "United States").
COUNTRY_NAMES, DEMONYMS, CAPITALS = _country_maps()
# Words or phrases like "Saudi" are both a name and a demonym; the name table wins for actors.


# --- organisations ----------------------------------------------------------------------------
# Major organisations and institutions that act in the news (lang/en/organisations.tsv).
def _organisation_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, others in lang.rows("organisations"):
        for surface in [name, *filter(None, others.split(","))]:
            out[fold(surface)] = name
    return out


# Folded organisation name or acronym -> canonical name ("eu" -> "European Union").
ORGANISATIONS = _organisation_map()
# Words that start an organisation's name ("Ministry of Defence") and that end one ("Acme Corp.").
ORG_HEADS = lang.words("org_heads")
ORG_TAILS = lang.words("org_tails")
# Words of a public service that make an institution's name with a place after them: "Police
# Arland" (the place alone is no name of it).
INSTITUTION_WORDS = lang.words("institution_words")

# States and provinces of federal countries, folded: places, never a person's name.
REGIONS = lang.words("regions")
_REGION_QUALIFIERS = lang.words("region_qualifiers")
# The words of those names that are a place by themselves ("Jersey" in "New Jersey",
# not "New" nor "North").
REGION_WORDS = frozenset(
    w for region in REGIONS for w in region.split() if w not in _REGION_QUALIFIERS
)
# Words that name a member of a party: "a North Dakota Republican" describes, it names no one.
PARTY_MEMBERS = lang.words("party_members")
# Place names shaped like organisation names: "West Bank" is no bank.
PLACES_LIKE_ORGS = lang.words("places_like_orgs")
# Blocs and regions that qualify groups of states: "European allies", "NATO countries".
BLOCS = lang.table("blocs")

# --- persons: titles and roles ----------------------------------------------------------------
# Capitalised words of a title before a name: "US Secretary of State", "Deputy UN Ambassador".
TITLE_WORDS = lang.words("title_words")
# Honorifics: a following capitalised word is a person's name even alone ("Mr Smith").
HONORIFICS = lang.words("honorifics")
# Titles that make a lone capitalised word a surname: "President Lind", "Senator Marsh".
PERSON_TITLES = lang.words("person_titles")
# Lower-case role nouns before a name or standing for an unnamed person: "EU diplomat",
# "ministry official Tove Arnesen", "a company spokeswoman".
ROLE_NOUNS = lang.words("role_nouns")
# Lower-case words that may open a role: "former spokesman", "deputy foreign minister".
ROLE_MODIFIERS = lang.words("role_modifiers")

# --- groups -----------------------------------------------------------------------------------
# Plural nouns naming unnamed collectives, each with the class that decides which groups are
# one actor: "US senators" and "US lawmakers" (legislators), "European allies" and "European
# leaders" (states, under a bloc qualifier).
GROUP_NOUNS = lang.table("group_nouns")
# Under a bloc qualifier these classes are one: "European allies" = "European leaders" =
# "European countries"; under a country they differ ("US allies" are not "US leaders").
BLOC_CLASSES = lang.words("bloc_classes")
# Lower-case modifiers allowed between a qualifier and a group noun: "US intelligence agencies".
GROUP_MODIFIERS = lang.words("group_modifiers")
# Words that refer back to the parties of a negotiation: "both sides agreed ...".
PARTY_WORDS = lang.words("party_words")

# --- quotes -----------------------------------------------------------------------------------
# Verbs that introduce or frame reported words, all inflections: "said", "emphasised", "calls".
REPORTING_VERBS = frozenset(
    form
    for stem, forms in lang.rows("reporting_verbs")
    for form in (stem, *filter(None, forms.split(",")))
)
# Verbs that attribute a quote only when they follow it and its speaker: "…,” Vark continued."
# ("The firm continued to grow" before a quote says nothing of it).
ATTRIBUTING_VERBS = lang.words("attributing_verbs")
# Verbs of plain speech that make an unknown capitalised subject a speaker: "Okafor said".
SPEECH_VERBS = lang.words("speech_verbs")
# Nouns of speech owned by their speaker: "Lind's criticism", "his assertion".
SPEECH_NOUNS = lang.words("speech_nouns")
# Documents that "state" things without being actors: their quotes have no speaker.
DOCUMENT_NOUNS = lang.words("document_nouns")
# Documents issued by parties together: their speaker is the parties.
STATEMENT_NOUNS = lang.words("statement_nouns")
# Works whose titles stand in quotation marks: "the report “Silent Spring”" is no quote.
WORK_CUES = lang.words("work_cues")

# --- capitalised words that are not names --------------------------------------------------
MONTHS = lang.words("months")
# The full names of months, lower case and in order: the entries of months.txt that no other one
# extends ("jan" is extended by "january", "sept" by "september").
FULL_MONTHS = tuple(
    m for m in lang.entries("months") if not any(o != m and o.startswith(m) for o in MONTHS)
)
WEEKDAYS = lang.words("weekdays")
# Capitalised words that start sentences or headings and are never part of a name.
FUNCTION_WORDS = lang.words("function_words")
NOT_NAMES = MONTHS | WEEKDAYS | FUNCTION_WORDS
# Common nouns that describe a person and open a sentence capitalised before the name:
# "Substitute Kwame Mensah scored", "Striker Ilse Brandvold". Never a given name.
DESCRIPTORS = lang.words("descriptors")

# --- given names ------------------------------------------------------------------------------
# Common given names across languages: a capitalised pair that starts with one is a person.
GIVEN_NAMES = lang.words("given_names")
