"""Actors of one document: people, organisations, countries and unnamed groups, with every mention.

Capitalised phrases are read token by token against general vocabulary (extract.vocabulary):
known countries, capitals and organisations; titles before a name ("Deputy Prime Minister Tove
Arnesen"); names with evidence of a person (a title or role, a speech verb, an apposition, a common
given name); organisation names by their form ("Ministry of Defence", "Acme Corp."). Collectives
come from a qualifier and a plural noun ("Kenyan and UK investigators"), unnamed officials from a
qualifier and a role ("US envoy"). A surname alone refers to the person last named with it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Final, Literal, cast

from extract import lang
from extract.book import country_key, group_key, organisation_key, person_key, role_key
from extract.model import Actor, ActorKind, Span
from extract.names import (
    GIVEN_NAMES_CENSUS,
    GIVEN_NAMES_WORLD,
    KIN_NOUNS,
    KIN_NOUNS_PLURAL,
    NAME_TITLES,
    NOT_PERSON_WORDS,
    OCCUPATIONS,
    OCCUPATIONS_PLURAL,
    PERSON_NOUNS,
    PLACE_GIVEN_NAMES,
    PLACE_OPENERS,
    STORY_GROUPS,
)
from extract.segments import Block, BlockKind
from extract.vocabulary import (
    BLOCS,
    CAPITALS,
    COUNTRY_NAMES,
    DEMONYMS,
    DESCRIPTORS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    HONORIFICS,
    INSTITUTION_WORDS,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_TAILS,
    ORGANISATIONS,
    PARTY_MEMBERS,
    PERSON_TITLES,
    PLACES_LIKE_ORGS,
    REGION_WORDS,
    REGIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    fold,
    longest_first,
)

__all__ = ["find_actors", "group_key", "person_key"]

# Titles that make a lone capitalised word a surname: "Mayor Harlow", "Councillor Pell".
_SURNAME_TITLES = PERSON_TITLES | HONORIFICS | NAME_TITLES
# Given names: the common ones of many countries (extract.vocabulary), and US census names.
_GIVEN_NAMES = GIVEN_NAMES | GIVEN_NAMES_CENSUS | GIVEN_NAMES_WORLD

# White space inside a line: spaces, tabs, no-break and other Unicode spaces ("Tobin\u00a0Marsh").
_SPACES = " \t\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_SP = f"[{_SPACES}]"
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# Abbreviations whose full stop belongs to the word: "Sen. Mike Rounds", "Acme Corp.", "J.".
_NAME_ABBREVIATIONS = lang.entries("name_abbreviations")
_ABBREVIATION = rf"(?:{'|'.join(_NAME_ABBREVIATIONS)}|[{_UPPER}])\."
# Words that are never part of a name ("The", "However", "She’ll", "Monday"), checked after
# matching (a set lookup is far cheaper than an alternation in the pattern); a month only before
# a day or year ("March 2023"), as "Jan" and "May" are names too; "New" opens names ("New
# Zealand", "New Hampshire Governor Kelly Brandt"), and alone it is no name all the same.
_STOP_WORDS = NOT_NAMES - MONTHS - {"new"}
# A day or a year after a month.
_DATE_AFTER = re.compile(rf"\.?{_SP}+\d")
# One romanised syllable of an East Asian name: "wing", "cheung", "un" (no final "r", "d" or
# "e", so "war", "led" and "made" are none).
_SYLLABLE = r"[b-df-hj-np-tv-z]{0,3}[aeiouy]{1,3}(?:ng|[nmptkh])?"
# A lower-case syllable after a hyphen that is an English word: "Sit-in", "Run-up".
_NOT_SYLLABLE = f"(?:{'|'.join(lang.entries('hyphen_words'))})"
# A hyphen inside a name: the keyboard's, or a typeset one ("Anna‑Lise", U+2011 or U+2010).
_HYPHENS = "\u2010\u2011-"
_HYPHEN = f"[{_HYPHENS}]"
# One capitalised token: an abbreviation, a dotted acronym ("U.S."), a given name of two
# syllables joined by a hyphen ("Wing-hon", "Mei-ling's"; _phrases keeps it only after a
# surname), or a word that starts upper-case with inner apostrophes or capitalised hyphen parts
# ("O'Brien", "Jean-Luc", "Okonkwo’s", "al-Assad"); "Kremlin-linked" and "US-backed" are
# adjectives, no token.
_TOKEN_PATTERN = (
    rf"(?=[{_UPPER}]|(?:al|el|ad|bin|ibn|d)['’-][{_UPPER}])"
    rf"(?:{_ABBREVIATION}|[{_UPPER}]\.(?:[{_UPPER}]\.)+"
    rf"|[{_UPPER}][a-z]{{0,5}}{_HYPHEN}(?!{_NOT_SYLLABLE}(?![\w-])){_SYLLABLE}(?:['’]s)?"
    rf"(?![\w{_HYPHENS}])"
    rf"|(?:(?:al|el|ad|bin|ibn|d)['’-])?[{_UPPER}]\w*(?:{_HYPHEN}[{_UPPER}]\w*|['’]\w+)*"
    rf"(?:(?<=s)['’](?!\w))?)(?![\w{_HYPHENS}])"
)
_TOKEN = re.compile(_TOKEN_PATTERN)
# Particles between the words of one person's name: "van", "de la", "bin".
_PARTICLE_WORDS = lang.entries("particles")
# The capitalised ones, which read as tokens: "Ó", "Ní" of "Máire Ní Chonaill".
_UPPER_PARTICLES = frozenset(word for word in _PARTICLE_WORDS if word[0].isupper())
# What may stand between two tokens of one name: a space, or particles ("van der", "bin"),
# "of"/"for" inside organisation names and titles ("Bank of England", "Secretary of State").
_GAP = (
    rf"{_SP}+(?:(?:(?:of|for)(?:{_SP}+the)?|{'|'.join(_PARTICLE_WORDS)}|&){_SP}+"
    rf"(?:(?:der|den|de|la){_SP}+)?)?"
)
# The rest of a phrase's first token once its capital is read: the alternatives of
# _TOKEN_PATTERN less that capital, an abbreviation's first letter checked behind ("(?<=S)en").
# The abbreviations are tried only where the letters they go on with and a full stop follow, as
# a lookbehind at each would be tried at every capital ("Smith" tries none).
_ABBREVIATION_TAILS = [word[1:] for word in _NAME_ABBREVIATIONS]
_ABBREVIATION_TAIL_LETTERS = "".join(sorted({c for tail in _ABBREVIATION_TAILS for c in tail}))
_FIRST_TOKEN_REST = (
    rf"(?:(?=[{re.escape(_ABBREVIATION_TAIL_LETTERS)}]{{0,{max(map(len, _ABBREVIATION_TAILS))}}}\.)"
    rf"(?:{'|'.join(rf'(?<={re.escape(w[0])}){w[1:]}' for w in _NAME_ABBREVIATIONS)}|)\."
    rf"|\.(?:[{_UPPER}]\.)+"
    rf"|[a-z]{{0,5}}{_HYPHEN}(?!{_NOT_SYLLABLE}(?![\w-])){_SYLLABLE}(?:['’]s)?(?![\w{_HYPHENS}])"
    rf"|\w*(?:{_HYPHEN}[{_UPPER}]\w*|['’]\w+)*(?:(?<=s)['’](?!\w))?)(?![\w{_HYPHENS}])"
)
# A run of capitalised tokens with nothing but gaps between them, opening with a capital that
# does not run on from a word. The pattern opens with a character class, so that a search skips
# from capital to capital in C; its first token is _TOKEN_PATTERN with that capital read first
# (a pattern opening with lookarounds, as _TOKEN_PATTERN does, is tried at every character).
_PHRASE = re.compile(
    rf"[{_UPPER}](?<![\w’'@#.{_HYPHENS}].){_FIRST_TOKEN_REST}(?:{_GAP}{_TOKEN_PATTERN})*"
)
# "the" right before a name.
_THE_BEFORE = re.compile(rf"\b[Tt]he{_SP}+$")
# Conjunctions between qualifiers of one group: "US, Ukrainian, and European officials".
_CONJUNCTION = re.compile(rf"(?:{_SP}*,{_SP}*(?:and{_SP}+)?|{_SP}+(?:and|&){_SP}+)")
_ROLE_ALTERNATION = longest_first(ROLE_NOUNS)
_MODIFIER_ALTERNATION = longest_first(ROLE_MODIFIERS)
# A lower-case role right after a qualifier: "US envoy", "Kremlin official", "EU diplomat".
_ROLE_AFTER = re.compile(
    rf"{_SP}+((?:(?:{_MODIFIER_ALTERNATION}){_SP}+){{0,2}}(?:{_ROLE_ALTERNATION}))\b(?![’'-])"
)
# Plural collectives and their classes: general ones ("senators") and the parties to a story's
# event ("firefighters").
_GROUP_NOUNS = {**GROUP_NOUNS, **STORY_GROUPS}
_GROUP_ALTERNATION = longest_first(_GROUP_NOUNS)
_GROUP_MODIFIER_ALTERNATION = longest_first(GROUP_MODIFIERS)
# A plural collective right after a qualifier: "US senators", "Russian intelligence agencies".
_GROUP_AFTER = re.compile(
    rf"{_SP}+((?:(?:{_GROUP_MODIFIER_ALTERNATION}){_SP}+){{0,2}}({_GROUP_ALTERNATION}))\b"
)

# What may follow the first white space of _ROLE_AFTER and _GROUP_AFTER: more, or the first
# letter of one of their words.
_ROLE_AFTER_FIRST = frozenset(_SPACES).union(w[0] for w in (*ROLE_MODIFIERS, *ROLE_NOUNS))
_GROUP_AFTER_FIRST = frozenset(_SPACES).union(w[0] for w in (*GROUP_MODIFIERS, *_GROUP_NOUNS))

# Classes of groups that are someone's, not people of the qualifiers: "Nordic allies".
_RELATIONAL = frozenset({"allies"})
# Organisations one of whose names is a bloc: "European Union" (the "EU") is "Europe".
_ORGANISATION_BLOCS = {
    ORGANISATIONS[name]: bloc for name, bloc in BLOCS.items() if name in ORGANISATIONS
}
# Parties to a story's event, which stay one actor even without a qualifier: "negotiators",
# "Firefighters" (capitalised, only as a sentence opens). Looked for with str.find, noun by noun,
# by what follows the first letter ("egotiators"): an alternation of them all is tried at every
# letter, and lower-casing the text first costs more than the letter before each hit.
_STORY_GROUP_FORMS = {noun: (noun, noun.capitalize()) for noun in STORY_GROUPS}
_SPEECH_ALTERNATION = longest_first(SPEECH_VERBS)
# A speech verb after a name, over a few adverbs: "Okafor said", "Lindqvist has also stressed".
_VERB_AFTER = re.compile(
    rf"{_SP}+(?:(?:{'|'.join(lang.entries('speech_verb_fillers'))}){_SP}+){{0,2}}"
    rf"(?:{_SPEECH_ALTERNATION})\b"
)
# A speech verb just before a name: "said Jane Okafor", "added Dr Lee" (but "told X" names the
# listener, often a newspaper).
_VERB_BEFORE = re.compile(rf"\b(?:{longest_first(SPEECH_VERBS - {'told', 'tells'})}){_SP}+$")
# Its verbs: a text that ends with none of them, less its closing white space and line break,
# has none before the name, seen without a search that tries every word of the text.
_VERBS_BEFORE = tuple(sorted(SPEECH_VERBS - {"told", "tells"}))
# White space and line breaks, which a text ending with a verb or a comma ends with after it
# (a "$" matches before a last line break too).
_CLOSING_SPACE = _SPACES + "\n"
# An apposition that makes a name a person: ", a spokeswoman for the ministry," or ", 45,".
_APPOSITION = re.compile(
    rf",{_SP}+(?:who{_SP}|(?:(?:the|a|an|his|her|its|their|our){_SP}+)?(?:[\w'’-]+{_SP}+){{0,3}}?"
    rf"(?P<role>(?:{_ROLE_ALTERNATION})(?:{_SP}+(?:of|for|at){_SP}+(?:the{_SP}+)?"
    rf"[\w&-]+(?:{_SP}+(?:of{_SP}+)?[{_UPPER}][\w.&-]*)*)?)\b|\d{{1,3}},)"
)
# What only a person is described by after a comma: an age ("Ewan Lattimer, a 51-year-old
# engineer", "..., 51-year-old Ewan") or an occupation ("Ines Ruiz, a retired teacher from Orrin").
_DESCRIBED_AFTER = re.compile(
    rf",{_SP}+(?:(?:a|an){_SP}+)?[\w-]+-year-old\b"
    rf"|,{_SP}+(?:a|an){_SP}+(?:[a-z][\w'’-]*{_SP}+){{0,2}}?"
    rf"(?:{longest_first(w for w in OCCUPATIONS if w not in OCCUPATIONS_PLURAL)})\b(?![’'-])"
)
# Nouns that say what kind of organisation a name is: "chain", "carmaker", "cooperative".
_ORG_KINDS = lang.words("org_nouns") | lang.words("org_kinds")
_ORG_KIND_ALTERNATION = longest_first(_ORG_KINDS)
# An apposition that says what kind of organisation a name is, its noun last: ", the discount
# chain," or ", a Swedish carmaker." (not ", the head of the union," nor ", the firm's founder").
_ORG_APPOSITION = re.compile(
    rf",{_SP}+(?:the|a|an){_SP}+(?:(?!(?:of|for|at|in|to|from|with|and|or)\b)[\w-]+{_SP}+){{0,3}}?"
    rf"(?:{_ORG_KIND_ALTERNATION})(?=[,.;])"
)
# A kind of organisation and a comma before its name, set apart by another comma: "the valley
# cooperative, Ostby Growers, which said", "The ship's operator, Holmvik Sea Lines, says".
_ORG_NOUN_BEFORE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?){_SP}+(?:[a-z][\w'’-]*{_SP}+){{0,2}}?"
    rf"(?:{_ORG_KIND_ALTERNATION}),{_SP}+$"
)
# Its nouns, for telling without a search that a text ends with none of them and a comma.
_ORG_KINDS_ENDING = tuple(sorted(_ORG_KINDS))
# Prepositions after a role and before its organisation: "a spokeswoman for the council".
_PREPOSITIONS = lang.words("continuing_prepositions")
# "the" and up to two lower-case words before a name: "the Pilar", "the smaller Pilar".
_THE_WORDS_BEFORE = re.compile(rf"\b[Tt]he(?:{_SP}+[a-z]+){{0,2}}{_SP}+$")
# Forms of "be" between a role and a name: "the head gardener is Ruan Teodor".
_ROLE_LINKS = lang.words("be_forms")
# A birth or a lifespan in brackets after a name, as only people have: " (born 1948)", " (née
# Ross)", " (1911-1994)", " (b. 1960)".
_LIFE_AFTER = re.compile(rf"{_SP}*\((?:born|née|b\.){_SP}|{_SP}*\(\d{{3,4}}{_SP}*[–-]{_SP}*\d")
# What _LIFE_AFTER opens with.
_OPENS_LIFE = frozenset(_SPACES + "(")
# " and " between two names.
_AND_AFTER = re.compile(rf"{_SP}+(?:and|&){_SP}+")
# Where a birth name follows a name: " (born ", " (née ".
_BIRTH_NAME_AFTER = re.compile(rf"{_SP}*\((?:born|née){_SP}+")
# A noun, then "named" or "called", right before a name: "a boy named Kelechi".
_NAMED_BEFORE = re.compile(rf"\b([a-z][\w-]*){_SP}+(?:named|called){_SP}+$")
# A word and a colon opening a line (matched at the text's start), as a transcript labels its
# speakers: "Okafor: ...".
_LABEL = re.compile(rf"{_SP}*([{_UPPER}][\w’'-]+):{_SP}")
# The same after a line break, searched for: the search skips from line break to line break.
_LABEL_AFTER_BREAK = re.compile(rf"\n{_LABEL.pattern}")
# Titles written in capitals.
_UPPER_TITLES = lang.words("upper_titles")
# An abbreviation in brackets right after a name: " (ITF)", " (VHB)".
_ABBREVIATION_AFTER = re.compile(rf"{_SP}*\(([A-Z]{{2,6}})\)")
# A capitalised word after white space: the name that follows a role.
_NAME_NEXT = re.compile(rf"{_SP}+[{_UPPER}]")
# A preposition right before a phrase: "in Kenton Falls", "to Port Ellis" name places.
_PLACE_BEFORE = re.compile(
    rf"\b(?:in|at|to|from|near|into|across|of|the|hit|toward|towards){_SP}+$"
)
# A preposition of origin or place right before a word: "of Tarnby", "from Ostvik".
_ORIGIN_BEFORE = re.compile(rf"\b(?:of|from|in|near){_SP}+$")
# A word of two to six capitals standing alone, as an abbreviation is used: "the ITF said" (the
# lookbehind follows the first capital so that a search skips to capitals: see _PHRASE).
_CAPITAL_WORD = re.compile(r"[A-Z](?<![\w@#].)[A-Z]{1,5}(?![\w’'-])")
# Initials: "B.", "J.K.", "H.W.".
_INITIALS = re.compile(rf"(?:[{_UPPER}]\.){{1,3}}")
# A given name of two syllables joined by a hyphen: "Wing-hon", "Seo-Jun" (not "Al-Rashid").
_SYLLABLE_NAME = re.compile(
    rf"(?!(?:al|el|ul|ad|ud|abu|bin|ibn|ben|bou)-){_SYLLABLE}-{_SYLLABLE}", re.IGNORECASE
)
# A short capitalised word, as East Asian surnames are written: "Chan", "Park", "Lee".
_SHORT_NAME = re.compile(rf"[{_UPPER}][a-z]{{1,5}}")
# What may stand between the words of one person's name: nothing but spaces, or a particle
# ("Ludwig van Beethoven"); "of", "for" and "&" join no person's names.
_PARTICLES = frozenset(_PARTICLE_WORDS)
# "of" or "for" between two words: a phrase that may hold a name and an affiliation.
_OF_OR_FOR = re.compile(rf"{_SP}f?o[fr]{_SP}")
# What joins the items of a list of names: ", ", " and ", ", and ", "; ".
_LIST_JOIN = re.compile(rf"{_SP}*(?:[,;]{_SP}*(?:(?:and|&){_SP}+)?|{_SP}+(?:and|&){_SP}+)")
# Marks that join list items by themselves.
_LIST_MARKS = frozenset({",", ";"})
# The same join right before an item, from the end of the item before it.
_LIST_JOIN_BEFORE = re.compile(rf"(?:[,;]{_SP}*(?:(?:and|&){_SP}+)?|{_SP}+(?:and|&){_SP}+)$")
# Up to four capitalised words ending right before a role: "Kremlin" of "Kremlin official".
_QUALIFIER_BEFORE = re.compile(rf"([A-Z][\w.’'-]*(?:{_SP}+[A-Z][\w.’'-]*){{0,3}}){_SP}+$")
# A word starting with a letter, for counting a line's capitalised words.
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# How many words _organisation_by_first_word looks for one by one before reading all words.
_FIRST_WORD_SEARCHES = 8
# A word as written, with its inner apostrophes and hyphens: "granite", "o'clock".
_WORD_RUN = re.compile(r"[\w’'-]+")
# Words that tell a person's sex ("mrs", "widow"), and the word before a name that may be one.
_SEX_WORDS = lang.table("sex_words")
_SEX_CUE = re.compile(rf"(\w+),?{_SP}+$")
# Adjectives capitalised before an organisation's name as a sentence opens: "Rival Brill Foods".
_BUSINESS_DESCRIPTORS = lang.words("business_descriptors")
# Words that open an organisation's name without standing for it alone: "National", "Royal".
_NOT_FIRST_WORDS = (
    NOT_NAMES | TITLE_WORDS | ORG_HEADS | ORG_TAILS | GROUP_MODIFIERS | ROLE_MODIFIERS | DESCRIPTORS
)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str  # surface without a possessive 's
    folded: str
    possessive: bool


@dataclass(slots=True)
class _Phrase:
    """A run of capitalised tokens with nothing between them but spaces and particles."""

    tokens: list[_Token]
    block: Span  # the block's text, to tell a headline from prose when it matters
    # What the phrase is as a whole when it is a qualifier: ("country", "Ukraine"), ...
    entity: tuple[str, str] | None = None
    facts: _RunFacts | None = None  # what its words alone tell, when it is a run of _phrases
    consumed: bool = False
    # Where words about the name are looked for when an affiliation follows it: the end of
    # "of the Green League" in "Ossian Pell of the Green League said".
    after: int | None = None
    affiliation: bool = False  # the "Green League" of "Ossian Pell of the Green League": no person

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


_NOT_READ: Final = object()  # a _RunFacts answer not read yet


class _RunFacts:
    """What a run of _phrases is by its own words, which no other text changes: read once per
    distinct phrase (the runs are cached with their phrase) and only when asked for. `tokens`
    are the run's as placed in `surface`, its phrase's text."""

    __slots__ = ("_org_end", "_plan", "_segments", "surface", "tokens")

    def __init__(self, surface: str, tokens: Sequence[_Token]) -> None:
        self.surface = surface
        self.tokens = tokens
        self._segments: object = _NOT_READ
        self._org_end: object = _NOT_READ
        self._plan: _PersonPlan | None = None

    def segments(self) -> list[tuple[str, int, int]]:
        """_given_name_first of the run's _segments; the list is shared, never to be changed."""
        if self._segments is _NOT_READ:
            self._segments = _given_name_first(self.tokens, _segments(self.surface, self.tokens))
        return cast(list[tuple[str, int, int]], self._segments)

    def org_end(self) -> int | None:
        """_org_end of the run."""
        if self._org_end is _NOT_READ:
            self._org_end = _org_end(self.tokens, self.surface)
        return cast(int | None, self._org_end)

    def plan(self) -> _PersonPlan:
        """_person_plan of the whole run."""
        if self._plan is None:
            self._plan = _person_plan(self.surface, self.tokens, [], self.segments())
        return self._plan


@dataclass(slots=True)
class _Draft:
    """An actor being collected: `name` is the fullest plain name seen."""

    kind: ActorKind
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # (start, end) of each mention: a set lookup instead of comparing Spans one by one.
    positions: set[tuple[int, int]] = field(default_factory=set)
    added: list[Span] | None = None  # the book's list of new mentions, for its cover index
    first: tuple[int, int] = (1 << 60, 1 << 60)  # the earliest mention
    moved: list[_Draft] | None = None  # the book's list of drafts whose `first` moved
    surnames: list[str] = field(default_factory=list)  # the book's surname lists holding it

    def add(self, span: Span, surface: str, role: str | None = None) -> None:
        position = (span.start, span.end)
        if position not in self.positions:
            self.positions.add(position)
            self.mentions.append(span)
            if self.added is not None:
                self.added.append(span)
            if position < self.first:
                self.first = position
                if self.moved is not None:
                    self.moved.append(self)
        if surface not in self.aliases:
            self.aliases.append(surface)
        if role and role not in self.roles:
            self.roles.append(role)


def find_actors(text: str, blocks: Sequence[Block]) -> list[Actor]:
    """Every actor the document names, in order of first mention."""
    book = _Book(text)
    book.labels = _speaker_labels(text)
    phrases = _joined_names(_phrases(text, blocks), text)
    for block in blocks:
        if block.kind is BlockKind.POST and block.post is not None:
            book.post_author(block.post.author, block.post.handle)
    _find_groups(text, phrases, book)
    unknown: list[_Phrase] = []
    for phrase in phrases:
        if not phrase.consumed:
            unknown.extend(_read_phrase(text, phrase, book))
    _speakers_named_before(text, unknown, book)
    _names_in_lists(text, unknown, book)
    _given_names_in_kin_lists(text, unknown, book)
    _given_names_before_a_shared_surname(text, unknown, book)
    for phrase in unknown:
        book.resolve(phrase)
    book.abbreviations()
    book.shorter_organisation_names()
    _find_story_groups(text, blocks, book)
    return book.actors()


# --- tokens and phrases -------------------------------------------------------------------------


# A lower-case word next: what follows a name that ends a phrase ("Mara Will thanked them").
_LOWER_WORD_NEXT = re.compile(rf"{_SP}+[a-z]")


def _phrases(text: str, blocks: Sequence[Block]) -> list[_Phrase]:
    """Capitalised phrases of the blocks, each with the entity it names, split at words that
    are never names and after a possessive unless it is a known entity's ("Kenya’s Deputy
    Health Minister")."""
    out = []
    for block in blocks:
        span = block.post.body if block.post is not None else block.span
        for match in _PHRASE.finditer(text, span.start, span.end):
            base = match.start()
            surface = match.group()
            runs = _runs_alone(surface)
            if runs is None:
                parts = _phrase_tokens(surface)
                indices = _runs(parts, text, base)
                assert indices is not None, "with the text, what follows a token is known"
                runs = _run_tokens(surface, parts, indices)
            for run, entity, facts in runs:
                if len(run) == 1:  # most runs: one token, made without a comprehension's call
                    a, b, w, f, s = run[0]
                    tokens = [_Token(base + a, base + b, w, f, s)]
                else:
                    tokens = [_Token(base + a, base + b, w, f, s) for a, b, w, f, s in run]
                out.append(_Phrase(tokens, span, entity, facts))
    return out


# A run's tokens as (start, end) in its phrase, word, folded word and possessive.
_RunTokens = tuple[tuple[int, int, str, str, bool], ...]


# Each run of a phrase: its tokens, the entity it names, what else its words tell.
_Runs = tuple[tuple[_RunTokens, tuple[str, str] | None, _RunFacts], ...]


@lru_cache(maxsize=16384)
def _runs_alone(surface: str) -> _Runs | None:
    """_run_tokens of a phrase when its words alone tell its runs, else None."""
    parts = _phrase_tokens(surface)
    indices = _runs(parts, None, 0)
    return None if indices is None else _run_tokens(surface, parts, indices)


def _run_tokens(
    surface: str,
    parts: tuple[tuple[int, int, str, str, bool, bool | None], ...],
    runs: tuple[tuple[int, ...], ...],
) -> _Runs:
    """Each run of a phrase (`_runs`) as its tokens' parts, the entity it names and its
    _RunFacts, which its words alone tell: read once per distinct phrase."""
    out = []
    for run in runs:
        tokens = tuple(parts[k][:5] for k in run)
        placed = [_Token(*token) for token in tokens]
        out.append((tokens, _entity(surface, placed), _RunFacts(surface, placed)))
    return tuple(out)


def _runs(
    parts: tuple[tuple[int, int, str, str, bool, bool | None], ...], text: str | None, base: int
) -> tuple[tuple[int, ...], ...] | None:
    """The runs of a phrase's tokens (indices in _phrase_tokens) that are names, the phrase
    standing at `base` in `text`; None when that depends on what follows a token and `text` is
    None (a month before a day, "Will" before a lower-case word)."""
    runs: list[tuple[int, ...]] = []
    current: list[int] = []
    for n, (_, end, word, folded, _, stop) in enumerate(parts):
        if current and word in _UPPER_PARTICLES:
            continue  # inside the name, as "van" is: "Tadhg Ó Duibhir"
        if stop is None:  # a month
            if text is None:
                return None
            stop = _DATE_AFTER.match(text, base + end) is not None
        elif "-" in word and word[word.index("-") + 1].islower():
            # a syllable name only after a surname: "Chow Mei-ling", not "Check-in Desk"
            # or before a surname, as a given name: "Joon-ho Yeom", "Seo-yeon Maddox-Kim"
            stop = (
                not _given_syllables(parts, n)
                if not current
                else not _surname_before_syllables(*parts[current[-1]][2:4])
            )
        if (
            stop
            and len(current) == 1
            and n == len(parts) - 1
            and folded in FUNCTION_WORDS
            and parts[current[0]][3] in _GIVEN_NAMES
            and not parts[current[0]][4]
        ):  # a surname that is also a word, after a given name: "Mara Will thanked"
            if text is None:
                return None
            stop = _LOWER_WORD_NEXT.match(text, base + end) is None
        last = parts[current[-1]] if current else None
        if last is not None and (stop or (last[4] and _lookup(last[3]) is None)):
            runs.append(tuple(current))
            current = []
        if not stop:
            current.append(n)
    if current:
        runs.append(tuple(current))
    return tuple(runs)


def _joined_names(phrases: list[_Phrase], text: str) -> list[_Phrase]:
    """Names joined by "and" or commas before an organisation's last word, after "the", are one
    organisation's: "the Ashdown and Pellow Hospitals Trust", "the Quarry, Kiln and Brick
    Workers Union" (not "Lotte Brand and Sven Kaal Ltd")."""
    ends = [i for i, p in enumerate(phrases) if i and p.tokens[-1].folded in ORG_TAILS]
    if not ends:
        return phrases  # most documents: no name ends with an organisation's word
    out = list(phrases)
    for i in reversed(ends):  # from the last, so that the indices before stay
        phrase = out[i]
        if (
            phrase.tokens[-1].possessive
            or len(phrase.tokens) < 2
            or _OF_OR_FOR.search(text, phrase.start, phrase.end)
        ):
            continue
        joined = text[out[i - 1].end : phrase.start]
        if not (" and " in joined or " & " in joined):
            continue  # "the House and Senate", "the RNC, Republican National Committee"
        k, at = i, phrase.start
        while k > 0 and len(phrase.tokens) + (i - k) < 6:
            before = out[k - 1]
            if (
                before.block != phrase.block
                or len(before.tokens) > 2
                or any(t.word.isupper() for t in before.tokens)  # "the IRS and ..."
                or before.tokens[-1].possessive
                or before.tokens[-1].folded in ORG_TAILS  # a name of its own: "Brill Foundation"
                or not _CONJUNCTION.fullmatch(text, before.end, at)
                or _entity(text, before.tokens) is not None
            ):
                break
            k, at = k - 1, before.start
        if k < i and _THE_BEFORE.search(text, max(0, at - 5), at):
            tokens = [t for joined_phrase in out[k:i] for t in joined_phrase.tokens]
            tokens += phrase.tokens
            out[k : i + 1] = [_Phrase(tokens, phrase.block, _entity(text, tokens))]
    return out


@lru_cache(maxsize=16384)
def _phrase_tokens(surface: str) -> tuple[tuple[int, int, str, str, bool, bool | None], ...]:
    """The tokens of a phrase: (start, end) in it, then _token_parts. Tokens depend on the
    phrase's own characters only, so each distinct phrase is read once."""
    return tuple((m.start(), m.end(), *_token_parts(m.group())) for m in _TOKEN.finditer(surface))


@lru_cache(maxsize=16384)
def _token_parts(surface: str) -> tuple[str, str, bool, bool | None]:
    """(word, folded, possessive, stop) of a token's surface; `stop` is None for a month, which
    is no name only before a day or a year."""
    possessive = surface.endswith(("’s", "'s")) and len(surface) > 2
    word = surface[:-2] if possessive else surface
    folded = fold(word)
    if folded in MONTHS:
        return word, folded, possessive, None
    if surface[-1] == "." and len(word) <= 2:
        return word, folded, possessive, False  # an initial: "J. Smith"
    if word.isupper() and folded in ORGANISATIONS:
        return word, folded, possessive, False  # "WHO", not "who"
    return word, folded, possessive, folded.split("'", 1)[0] in _STOP_WORDS


# A roll: a label, a colon, then two names or more ("Present: Ada Moss, Ivo Lund and Kai Roe.").
_NAME_ITEM = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,2}"
_ROLL = re.compile(rf"\s*[A-Z]\w*(?: \w+)?:\s+{_NAME_ITEM}(?:(?:,| and| &) {_NAME_ITEM})+\.?\s*$")


def _looks_like_headline(text: str, span: Span) -> bool:
    """Whether the line reads as a headline: mostly capitalised words, no full stop at the end."""
    line = text[span.start : span.end]
    if line.rstrip().endswith((".", "”", '"', ":")) and len(line) > 60:
        return False
    if _ROLL.match(line):
        return False  # "Against: Karmenu Grech, Marija Vella.", a vote's or a meeting's roll
    words: list[str] = _WORD.findall(line)  # findall's list is untyped; _WORD has no groups
    if len(words) < 2:
        return True
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 0.6 * len(words)


# --- what a phrase is ---------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _lookup(folded: str) -> tuple[str, str] | None:
    """The entity a folded surface names: country, capital (its country), organisation, bloc."""
    if folded in ORGANISATIONS:
        return "organization", ORGANISATIONS[folded]
    if folded in COUNTRY_NAMES:
        return "country", COUNTRY_NAMES[folded]
    if folded in CAPITALS:
        return "capital", CAPITALS[folded]
    if folded in BLOCS:
        return "bloc", BLOCS[folded]
    if folded in DEMONYMS:
        return "demonym", DEMONYMS[folded]
    return None


# The first words of the names of several words that _lookup knows, each also as fold reads it
# alone ("people's", "people"): a run of tokens whose first word is none of them is no known
# name, found without slicing and folding its text (most runs: _segments tries every run).
_ENTITY_FIRST_WORDS = frozenset(
    form
    for table in (ORGANISATIONS, COUNTRY_NAMES, CAPITALS, BLOCS, DEMONYMS)
    for name in table
    if len(name.split()) > 1
    for form in (name.split()[0], fold(name.split()[0]))
)


def _entity(text: str, tokens: Sequence[_Token]) -> tuple[str, str] | None:
    """What a whole phrase names when it is one known entity ("State Department", "Kyiv’s")."""
    if len(tokens) > 6:
        return None
    if len(tokens) == 1:
        return _lookup(tokens[0].folded)
    if tokens[0].folded not in _ENTITY_FIRST_WORDS:
        return None
    last = tokens[-1]
    return _lookup(fold(text[tokens[0].start : last.start + len(last.word)]))


def _surface(text: str, tokens: Sequence[_Token]) -> str:
    """The phrase's text from its first token to its last, possessive dropped."""
    last = tokens[-1]
    if len(tokens) == 1:
        return last.word  # a token holds no white space
    end = last.start + len(last.word)
    return " ".join(text[tokens[0].start : end].split())


def _folded(tokens: Sequence[_Token]) -> str:
    """The tokens' folded words, space-separated."""
    return tokens[0].folded if len(tokens) == 1 else " ".join([t.folded for t in tokens])


def _segments(text: str, tokens: Sequence[_Token]) -> list[tuple[str, int, int]]:
    """Left-to-right parts of a phrase: (kind, i, j) with kind entity, title or name."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(tokens)
    possessives = [k for k, t in enumerate(tokens) if t.possessive]
    while i < n:
        # A part may end with a possessive but not run on past one.
        p = bisect.bisect_left(possessives, i)
        stop = (possessives[p] if p < len(possessives) else n) + 1
        # Only a known entity's first word opens one of several tokens: else try one token.
        longest = min(n, i + 5, stop) if tokens[i].folded in _ENTITY_FIRST_WORDS else i + 1
        for j in range(longest, i, -1):
            if _entity(text, tokens[i:j]) is not None:
                out.append(("entity", i, j))
                i = j
                break
        else:
            kind = "title" if _is_title(tokens[i]) else "name"
            out.append((kind, i, i + 1))
            i += 1
    return out


def _is_title(token: _Token) -> bool:
    """A title word as titles are written: "President", "Sen.", "CEO" (not "MR", a ship's),
    and a person's title abbreviated with a full stop: "Gen." (but "Gen" is a given name too)."""
    word = token.word
    folded = token.folded
    if word[-1] == "." and folded in PERSON_TITLES:
        return True
    return (folded in TITLE_WORDS or folded in ROLE_NOUNS or folded in NAME_TITLES) and (
        not word.isupper() or len(word) == 1 or token.folded in _UPPER_TITLES
    )


def _is_name_token(token: _Token) -> bool:
    return _is_name_word(token.word, token.folded)


@lru_cache(maxsize=8192)
def _is_name_word(word: str, folded: str) -> bool:
    if word[-1] == "." and _INITIALS.fullmatch(word):
        return _lookup(folded) is None  # "B." of "Mara B. Quist", "J.K.", not "U.S."
    return (
        any(c.islower() for c in word)
        and not word.isupper()
        and (folded not in NOT_NAMES or folded in MONTHS)
        and folded not in TITLE_WORDS
        and folded not in ROLE_NOUNS
    )


def _org_end(tokens: Sequence[_Token], text: str) -> int | None:
    """Index past an organisation name that starts the phrase ("Harvard University", "Bank of
    England"), when the phrase ends there or a title follows ("... University Professor")."""
    for k in range(len(tokens) - 1, -1, -1):
        folded = tokens[k].folded
        is_tail = folded in ORG_TAILS
        is_head = (
            folded in ORG_HEADS
            and k + 1 < len(tokens)
            and text[tokens[k].end : tokens[k + 1].start].strip().startswith(("of", "for"))
        )
        if not (is_tail or is_head):
            continue
        end = k + 1
        if is_head:  # "Ministry of Defence", up to a title: "University of Oxford Professor"
            while end < len(tokens) and tokens[end].folded not in PERSON_TITLES | HONORIFICS:
                end += 1
        if end == len(tokens) or _is_title(tokens[end]):
            if end == 1 and not is_head and not tokens[0].word.isupper():
                return None  # a lone "Union" or "Police" is no name
            return end
    return None


def _acronym_that_acts(text: str, token: _Token, book: _Book) -> bool:
    """An acronym the vocabulary does not know, after "the" and before a lower-case word, is an
    organisation: "The RNLI said", "the KNRM confirmed" (not "the CEO said": common_acronyms)."""
    word = token.word
    return (
        2 <= len(word) <= 6
        and word.isalpha()
        and word.isupper()
        and token.folded not in _NOT_ORG_ACRONYMS
        and _THE_BEFORE.search(text, max(0, token.start - 5), token.start) is not None
        and _LOWER_WORD_NEXT.match(text, token.start + len(word)) is not None
        and not book.spelled_out(word)
    )


# Capitalised words, "of", "for", "and", "on" or "the" between them: "Office of Health Standards"
# (the lookbehind, "\b" before the first capital, follows it so that a search skips to capitals).
_CAPITALISED_RUN = re.compile(
    rf"[A-Z](?<!\w.)[\w-]*(?:{_SP}+(?:(?:of|for|and|on|the){_SP}+)*[A-Z][\w-]*)+"
)


# Acronyms that name no organisation: "the CEO", "the GDP".
_NOT_ORG_ACRONYMS = lang.words("common_acronyms")


def _read_phrase(text: str, phrase: _Phrase, book: _Book) -> list[_Phrase]:
    """Record what a phrase names; return its parts that may name a person seen elsewhere."""
    tokens = phrase.tokens
    if phrase.entity is not None:
        book.entity(phrase.entity, Span(phrase.start, phrase.end), _surface(text, tokens))
        return []
    split = (
        _affiliation_split(text, tokens)
        if len(tokens) > 2 and _OF_OR_FOR.search(text, phrase.start, phrase.end)
        else 0
    )
    if split:
        rest = tokens[split:]
        after = rest[-1].start + len(rest[-1].word)  # a possessive stays outside
        person = _Phrase(tokens[:split], phrase.block, after=after)
        affiliation = _Phrase(rest, phrase.block, _entity(text, rest), affiliation=True)
        return _read_phrase(text, person, book) + _read_phrase(text, affiliation, book)
    if (
        len(tokens) > 2
        and tokens[0].folded in _BUSINESS_DESCRIPTORS
        and _opens_sentence(text, tokens[0].start)
    ):  # "Rival Brill Foods said": an adjective capitalised as the sentence opens
        rest = tokens[1:]
        return _read_phrase(text, _Phrase(rest, phrase.block, _entity(text, rest)), book)
    if len(tokens) == 1 and tokens[0].word.isupper() and _acronym_that_acts(text, tokens[0], book):
        book.organisation(tokens[0].word, Span(phrase.start, phrase.end))
        return []
    if len(tokens) == 1 and (not _is_name_token(tokens[0]) or tokens[0].folded in ORG_TAILS):
        return []  # most phrases: one word that is no entity
    if (
        len(tokens) <= 3
        and text.startswith(",", tokens[-1].end)  # as _ORG_APPOSITION opens
        and (_ORG_APPOSITION.match(text, tokens[-1].end) or _org_noun_before(text, phrase.start))
    ):
        book.organisation(text[phrase.start : tokens[-1].end], Span(phrase.start, tokens[-1].end))
        return []  # "Brindle's, the discount chain,": a shop, not Mr Brindle; "the co-op, X,"
    if len(tokens) == 1:
        return _read_names(text, phrase, book)
    if len(tokens) == 2 and tokens[0].folded in INSTITUTION_WORDS and _institution_of_place(tokens):
        book.organisation(_surface(text, tokens), Span(phrase.start, phrase.end))
        return []
    facts = phrase.facts
    org_end = facts.org_end() if facts is not None else _org_end(tokens, text)
    if org_end is not None:
        surface = _surface(text, tokens[:org_end])
        if fold(surface) not in PLACES_LIKE_ORGS:
            book.organisation(surface, Span(tokens[0].start, tokens[org_end - 1].end))
            rest = tokens[org_end:]
            if rest:
                return _read_person_part(text, phrase, rest, book, prefix=tokens[:org_end])
            return []
    plan = facts.plan() if facts is not None else None
    return _read_person_part(text, phrase, list(tokens), book, prefix=[], plan=plan)


def _org_noun_before(text: str, start: int) -> bool:
    """_ORG_NOUN_BEFORE in the 60 characters before `start`, searched for only when they end
    with a kind of organisation and a comma, as every match does; the organisation no role's
    object: not "a spokeswoman for the council, Ana Ruiz", whose name is the spokeswoman's."""
    before = text[max(0, start - 60) : start].rstrip(_CLOSING_SPACE)
    if not (before.endswith(",") and before[:-1].endswith(_ORG_KINDS_ENDING)):
        return False
    found = _ORG_NOUN_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return False
    words = text[max(0, found.start() - 40) : found.start()].split()
    return not (
        len(words) > 1
        and words[-1] in _PREPOSITIONS
        and (words[-2].casefold() in ROLE_NOUNS or words[-2].casefold() in OCCUPATIONS)
    )


def _verb_before(before: str) -> bool:
    """_VERB_BEFORE in `before`, searched for only when it ends with one of its verbs, as every
    match does."""
    return (
        before.rstrip(_CLOSING_SPACE).endswith(_VERBS_BEFORE)
        and _VERB_BEFORE.search(before) is not None
    )


def _institution_of_place(tokens: Sequence[_Token]) -> bool:
    """ "Police Arland", "Health Norland": a public service's word before a country, a capital
    or a region (not "Justice Brill", "Border Patrol")."""
    if len(tokens) != 2 or tokens[0].folded not in INSTITUTION_WORDS or tokens[1].possessive:
        return False
    place = tokens[1].folded
    entity = _lookup(place)
    return place in REGIONS or (entity is not None and entity[0] in {"country", "capital"})


def _affiliation_split(text: str, tokens: Sequence[_Token]) -> int:
    """Where a person's name ends before "of" or "for" and an affiliation: "Ossian Pell" of
    "Ossian Pell of the Green League", "Mayor Dean Harlow" of "... of Springfield"; 0 when the
    words before are no name ("Bank of England", "Secretary of State", "Royal Bank of ...")."""
    for k in range(2, len(tokens)):
        gap = text[tokens[k - 1].end : tokens[k].start].split()
        if not gap or gap[0] not in {"of", "for"}:
            continue
        before = tokens[:k]
        if not _name_part(before, k - 1) or _org_end(before, text) is not None:
            return 0
        kinds = [kind for kind, _, _ in _given_name_first(before, _segments(text, before))]
        if "entity" in kinds:
            return 0
        titles = [i for i, kind in enumerate(kinds) if kind == "title"]
        names = len(kinds) - (titles[-1] + 1 if titles else 0)
        return k if names >= 2 or (names == 1 and len(kinds) > 1) else 0
    return 0


# What _read_person_part makes of a phrase's tokens, read from their words alone (_person_plan):
# a person after titles (the index where the name starts, the role, the titled surface); a
# role alone (its surface); or parts, runs of names (i, j) to read as names and entities
# (i, j, entity, surface) to record, in order.
_NamesPart = tuple[int, int]
_EntityPart = tuple[int, int, tuple[str, str], str]
_PersonPlan = (
    tuple[Literal["person"], int, str | None, str]
    | tuple[Literal["role"], str]
    | tuple[Literal["parts"], tuple[_NamesPart | _EntityPart, ...]]
)


def _read_person_part(
    text: str,
    phrase: _Phrase,
    tokens: list[_Token],
    book: _Book,
    *,
    prefix: list[_Token],
    plan: _PersonPlan | None = None,
) -> list[_Phrase]:
    """Record the person, role or entities the tokens name; return the runs of names that may
    name a person seen elsewhere. `plan` is the tokens' _person_plan when their run's facts
    hold it."""
    if plan is None:
        plan = _person_plan(
            text, tokens, prefix, _given_name_first(tokens, _segments(text, tokens))
        )
    if plan[0] == "person":
        _, first_name, role, titled = plan
        book.person(text, tokens[first_name:], role=role, titled=titled, extent=phrase.after)
        return []
    if plan[0] == "role":
        book.role_only(plan[1], Span((prefix or tokens)[0].start, tokens[-1].end))
        return []
    out: list[_Phrase] = []
    for part in plan[1]:
        if len(part) == 2:
            i, j = part
            after = phrase.after if j == len(tokens) else None
            names = _Phrase(tokens[i:j], phrase.block, after=after, affiliation=phrase.affiliation)
            out.extend(_read_names(text, names, book))
        else:
            i, j, entity, surface = part
            book.entity(entity, Span(tokens[i].start, tokens[j - 1].end), surface)
    return out


def _person_plan(
    text: str,
    tokens: Sequence[_Token],
    prefix: Sequence[_Token],
    segments: list[tuple[str, int, int]],
) -> _PersonPlan:
    """What _read_person_part makes of the tokens (after `prefix`, an organisation's name), by
    their words and the text between them alone, given their segments."""
    last_title = max((i for i, (kind, _, _) in enumerate(segments) if kind == "title"), default=-1)
    names = segments[last_title + 1 :]
    if last_title >= 0 and names and all(kind == "name" for kind, _, _ in names):
        name_tokens = tokens[names[0][1] :]
        title_tokens = [*prefix, *tokens[: names[0][1]]]
        if (
            all(_name_part(name_tokens, i) for i in range(len(name_tokens)))
            and not _is_initial(name_tokens[-1])  # "Gov. J.R." is no name
            and not _ampersand_joined(text, name_tokens)
            and (len(name_tokens) > 1 or title_tokens[-1].folded in _SURNAME_TITLES)
        ):
            return "person", names[0][1], _role_text(text, title_tokens), _surface(text, tokens)
    if last_title >= 0 and not names and len(segments) > 1:
        qualifiers = [s for s in segments if s[0] == "entity"]
        if qualifiers and segments[0][0] == "entity":
            return "role", _surface(text, [*prefix, *tokens])
    parts: list[_NamesPart | _EntityPart] = []
    run_start = -1  # where the run of names being read starts
    for kind, i, j in [*segments, ("end", len(tokens), len(tokens))]:
        if kind == "name" and (
            _is_name_word(tokens[i].word, tokens[i].folded) or _name_part(tokens, i)
        ):
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0:
            parts.append((run_start, i))
            run_start = -1
        if kind == "entity":
            entity = _entity(text, tokens[i:j])
            if entity is not None and not _qualifies_next(segments, i):
                parts.append((i, j, entity, _surface(text, tokens[i:j])))
    return "parts", tuple(parts)


def _ampersand_joined(text: str, tokens: Sequence[_Token]) -> bool:
    """Whether an ampersand joins these tokens: it joins the words of firms and headings
    ("Procter & Gamble", "Statements & Analysis"), never a person's names."""
    return "&" in text[tokens[0].start : tokens[-1].end]


def _given_name_first(
    tokens: Sequence[_Token], segments: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """A place name right after a given name is a surname: "Ana Lima", "Tom Jordan"; a title
    word that is a given name, before a surname alone, is the given name: "Dean Okoro",
    "Mayor Dean Harlow"; a title word after an initial or ending the name after a given name is
    a surname: "Ruth M. Bishop", "Helen Bishop", "Ellen Judge"."""
    if len(segments) < 2:
        return segments
    if _given_name_of_a_place(tokens, segments):
        segments = [("name", 0, 1), *segments[1:]]
    for n, (kind, i, j) in enumerate(segments):
        if kind == "title" and i and tokens[i - 1].word[-1] == "." and _is_initial(tokens[i - 1]):
            segments = [*segments[:n], ("name", i, j), *segments[n + 1 :]]
    (before, i, _), (kind, j, k) = segments[-2], segments[-1]
    if kind == "title" and before == "name" and tokens[j - 1].folded in _GIVEN_NAMES:
        return [*segments[:-1], ("name", j, k)]
    if (
        before == "title"
        and kind == "name"
        and tokens[i].folded in _GIVEN_NAMES
        and (len(segments) == 2 or segments[-3][0] == "title")
    ):
        return [*segments[:-2], ("name", i, i + 1), segments[-1]]
    if (
        kind == "entity"
        and before == "name"
        and k - j == 1
        and tokens[i].folded in _GIVEN_NAMES
        and (_lookup(tokens[j].folded) or ("",))[0] in {"capital", "country"}
    ):
        return [*segments[:-1], ("name", j, k)]
    return segments


def _given_name_of_a_place(tokens: Sequence[_Token], segments: list[tuple[str, int, int]]) -> bool:
    """Whether a phrase opens with a place's name that is also a given name, before name words
    only: "Jordan Bellweather", "Georgia Lane" (not "Georgia Power", "Chad's army" or "Jordan"
    alone)."""
    kind, i, j = segments[0]
    if kind != "entity" or j - i != 1 or tokens[0].folded not in PLACE_GIVEN_NAMES:
        return False
    if tokens[0].possessive:
        return False
    rest = tokens[1:]
    return all(
        kind == "name" and _is_name_word(t.word, t.folded) and t.folded not in ORG_TAILS
        for (kind, _, _), t in zip(segments[1:], rest, strict=False)
    ) and len(segments) - 1 == len(rest)


def _name_part(tokens: Sequence[_Token], i: int) -> bool:
    """Whether tokens[i] may be a word of a person's name: a name word, a given name that is
    also a title ("Dean"), or a title word after an initial ("Bishop" of "Ruth M. Bishop") or
    ending the name after a given name ("Helen Bishop")."""
    token = tokens[i]
    return (
        _is_name_word(token.word, token.folded)
        or token.folded in _GIVEN_NAMES
        or (  # "Will" of "Mara Will", let into the phrase by `_phrases` only so
            i == len(tokens) - 1 == 1
            and token.folded in FUNCTION_WORDS
            and tokens[0].folded in _GIVEN_NAMES
        )
        or (i == len(tokens) - 1 > 0 and _is_title(token) and tokens[i - 1].folded in _GIVEN_NAMES)
        or (
            i > 0
            and tokens[i - 1].word[-1] == "."
            and _is_initial(tokens[i - 1])
            and not token.word.isupper()
        )
    )


def _is_initial(token: _Token) -> bool:
    return token.word[-1] == "." and _INITIALS.fullmatch(token.word) is not None


def _qualifies_next(segments: list[tuple[str, int, int]], i: int) -> bool:
    """An entity followed by a title is part of a role ("EU Commissioner"), not a mention."""
    k = bisect.bisect_left(segments, i, key=itemgetter(1))  # segments run left to right
    return k + 1 < len(segments) and segments[k + 1][0] == "title"


def _role_text(text: str, tokens: Sequence[_Token]) -> str | None:
    if not tokens:
        return None
    role = _surface(text, tokens)
    if role.endswith(("’s", "'s")):
        role = role[:-2]
    return role


def _party_member_before(tokens: Sequence[_Token]) -> bool:
    """Whether a name's first word is its party's member ("Democrat", "Independent"), no given
    name: not "Tory" of "Tory Marsh", but "Tory" before a given name and a surname."""
    first = tokens[0].folded
    return (
        len(tokens) > 1
        and first in PARTY_MEMBERS
        and (first not in _GIVEN_NAMES or (len(tokens) > 2 and tokens[1].folded in _GIVEN_NAMES))
    )


def _read_names(text: str, phrase: _Phrase, book: _Book) -> list[_Phrase]:
    """A run of plain name tokens: a person when something says so, else a later lookup."""
    tokens = phrase.tokens
    if _party_member_before(tokens):  # "Democrat Maria Ortiz", "beat Republican Carla Vane"
        phrase = _Phrase(tokens[1:], phrase.block, after=phrase.after)
        tokens = phrase.tokens
    if (
        len(tokens) == 3
        and tokens[1].folded in _GIVEN_NAMES
        and (
            tokens[0].folded in DESCRIPTORS
            or tokens[0].folded in OCCUPATIONS
            or tokens[0].folded.endswith(("ed", "ing"))
        )
        and _opens_sentence(text, tokens[0].start)
    ):  # a common word capitalised as it opens the sentence: "Undecided Maria Lunde voted"
        # (but "Xavi Esteban Lluch" keeps his first given name)
        phrase = _Phrase(tokens[1:], phrase.block, after=phrase.after)
        tokens = phrase.tokens
    if tokens[-1].word[-1] == "." and _is_initial(tokens[-1]):
        return []  # a name never ends with an initial: "Owen J." before a line break
    start, end = phrase.start, phrase.end
    if book.known(text, tokens):
        return [phrase]  # "Von der Leyen said" after "Ursula von der Leyen"
    if phrase.affiliation:
        return []
    before = text[max(0, start - 60) : start]
    role_before = _role_before(before)
    role: str | None = None
    evidence = False
    noun = role_before[1].rsplit(None, 1)[-1] if role_before else ""
    if role_before and (
        noun in ROLE_NOUNS
        or len(tokens) > 1
        or (
            (noun in KIN_NOUNS or noun in KIN_NOUNS_PLURAL)
            and not role_before[2]
            and not _cut_short(text, phrase.end)
        )
    ):
        # an occupation or a descriptor names a full name ("musician Renzo Albani", "veteran
        # Cyd Ho"), not one word ("fan Chelsea"), but a kinship noun names a given name too
        # ("his nephew Brannoc", "three sons, Ivo, ...")
        if noun not in OCCUPATIONS_PLURAL:  # one of "actors X and Y"
            role = book.qualified_role(text, start - len(before) + role_before[0], role_before[1])
        elif noun in KIN_NOUNS_PLURAL:
            book.kin_list_ends.add(phrase.end)  # the next given names of the list
        evidence = True
    if phrase.after is not None:
        end = phrase.after  # past the affiliation: "Ossian Pell of the Green League said"
    # The patterns read after the name open with a comma, a bracket or white space: the
    # character after it rules most of them out without a call.
    after = text[end : end + 1]
    if not tokens[-1].possessive and after == ",":
        apposition = _APPOSITION.match(text, end)
        # ", who said" after "Torvald Eskeby, 44, of Tarnby" is about the person, not the place
        if apposition and not (len(tokens) == 1 and _ORIGIN_BEFORE.search(before)):
            evidence = True
            role = role or (apposition["role"] and " ".join(apposition["role"].split()))
    # a substring test first: the search, tried at every word of `before`, rarely finds one
    named = _NAMED_BEFORE.search(before) if "named" in before or "called" in before else None
    if named and (named[1] in OCCUPATIONS or named[1] in PERSON_NOUNS):
        evidence = True  # "a boy named Kelechi", "a cook called Ines Marr"
    if not tokens[-1].possessive and after in _OPENS_LIFE and _LIFE_AFTER.match(text, end):
        evidence = True  # "Caoimhín Ó Duibhir (born 1948) is a poet", "Zinnia (1957-2021)"
    if len(tokens) > 1:  # "Loopr said" is as often a company as a person
        evidence = evidence or (after == "," and bool(_DESCRIBED_AFTER.match(text, end)))
        evidence = evidence or (after in _SPACES and bool(_VERB_AFTER.match(text, end)))
        evidence = evidence or _verb_before(before)
        evidence = evidence or (
            _is_given_name(tokens[0].folded)
            and len(tokens) <= 4
            and not any(t.folded in NOT_PERSON_WORDS for t in tokens[1:])
            and not book.headline(phrase.block)
        )
        evidence = evidence or _syllable_name(tokens) or _middle_initial(tokens)
        evidence = evidence or (tokens[-1].word in book.labels and len(tokens) <= 4)
    if (
        evidence
        and not _ampersand_joined(text, tokens)
        and (len(tokens) == 1 or tokens[0].folded not in PLACE_OPENERS)  # "Fort Alden", "San Jose"
        and (
            _lookup(tokens[-1].folded) is None
            or (len(tokens) > 1 and tokens[-2].folded in _GIVEN_NAMES)
        )
    ):
        book.person(text, tokens, role=role, titled=None, extent=phrase.after)
        return []
    return [phrase]


@lru_cache(maxsize=8192)
def _is_given_name(folded: str) -> bool:
    """A given name as listed, or written with accents the list has not: "Máire", "Zoë"."""
    if folded in _GIVEN_NAMES:
        return True
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return plain != folded and plain in _GIVEN_NAMES


def _speaker_labels(text: str) -> frozenset[str]:
    """The words that open two lines or more as a transcript's speaker labels ("Okafor: We
    knew."): the full name whose last word one is names a person, the interviewee."""
    if ":" not in text:
        return frozenset()
    counts: dict[str, int] = {}
    first = _LABEL.match(text)
    for match in itertools.chain((first,) if first else (), _LABEL_AFTER_BREAK.finditer(text)):
        counts[match[1]] = counts.get(match[1], 0) + 1
    return frozenset(
        word
        for word, n in counts.items()
        if n >= 2 and _is_name_word(word, fold(word)) and fold(word) not in ROLE_NOUNS
    )


def _middle_initial(tokens: Sequence[_Token]) -> bool:
    """A name, initials, a name, as only people are named: "Keziah M. Dorling", "Ada J. K.
    Moss" (not "Port Q. Ellis", "Orrin Q. Holdings")."""
    return (
        len(tokens) >= 3
        and tokens[-2].word[-1] == "."
        and _is_initial(tokens[-2])
        and not _is_initial(tokens[0])
        and all(_is_initial(t) for t in tokens[1:-1])
        and tokens[-1].folded not in NOT_PERSON_WORDS
        and tokens[-1].folded not in ORG_TAILS
    )


def _surname_before_syllables(word: str, folded: str) -> bool:
    return _SHORT_NAME.fullmatch(word) is not None and _lookup(folded) is None


def _given_syllables(parts: Sequence[tuple[int, int, str, str, bool, bool | None]], n: int) -> bool:
    """Whether the token parts[n], of syllables joined by a hyphen, opens a name before a
    surname as a given name: "Joon-ho" of "Joon-ho Yeom"; the phrase needs a person's cue too."""
    if n or len(parts) != 2 or parts[1][5] is not False:
        return False
    surname = parts[1][2]
    return _SYLLABLE_NAME.fullmatch(parts[0][2]) is not None and not (
        "-" in surname and surname[surname.index("-") + 1].islower()
    )


def _syllable_name(tokens: Sequence[_Token]) -> bool:
    """A surname and a given name of hyphen-joined syllables: "Chan Wai-kit", "Baek Jin-soo",
    "Park Seo-Jun" (the surname short and no place: "Paris Saint-Denis" is none)."""
    return (
        len(tokens) in {2, 3}
        and "-" in tokens[-1].word
        and _SYLLABLE_NAME.fullmatch(tokens[-1].word) is not None
        and all(_surname_before_syllables(t.word, t.folded) for t in tokens[:-1])
    )


def _speakers_named_before(text: str, unknown: Sequence[_Phrase], book: _Book) -> None:
    """A lone word right before or after a speech verb ("Mensah said", "said Mensah") is the
    person named in full earlier by a phrase nothing marked as a person ("Substitute Kwame
    Mensah scored"): the fullest such phrase ending with it, less a leading descriptor."""
    fullest: dict[str, list[_Token]] = {}  # folded last word -> the longest phrase ending so
    for phrase in unknown:
        tokens = phrase.tokens
        last = tokens[-1]
        if len(tokens) > 1:
            if not last.possessive and len(tokens) > len(fullest.get(last.folded, ())):
                fullest[last.folded] = tokens
            continue
        full = fullest.get(last.folded)
        if full is None or last.possessive or book.known(text, tokens):
            continue
        if _PLACE_BEFORE.search(text, max(0, full[0].start - 8), full[0].start):
            continue  # "in Kenton Falls" is a place
        if _VERB_AFTER.match(text, phrase.end) or _verb_before(
            text[max(0, phrase.start - 40) : phrase.start]
        ):
            name, descriptor = _without_descriptor(text, full)
            book.person(text, name, role=descriptor, titled=None)


def _names_in_lists(text: str, unknown: Sequence[_Phrase], book: _Book) -> None:
    """A name of two or three words listed next to a person is a person too: "novelist Yorick
    Brandt, Ossian Pell and Marit Vosloo", "such as Thomas Quell, Anselm Roore and ...";
    never a name with a word of an organisation or a place ("Acme Holdings", "Lola Beach")."""
    # Each candidate with where the item before it ends and the item after it starts, when a
    # join stands between them; the joins are looked at first, as most phrases are in no list.
    neighbours: list[tuple[_Phrase, int, int]] = []
    for phrase in unknown:
        if not 2 <= len(phrase.tokens) <= 3 or not (
            text[phrase.end : phrase.end + 1] in _LIST_MARKS
            or text[max(0, phrase.start - 2) : phrase.start].strip() in _LIST_MARKS
            or text.startswith((" and", " &"), phrase.end)
            or text.endswith(("and ", "& "), 0, phrase.start)
        ):
            continue  # no join next to it, the most common case, seen without a regex
        before = _LIST_JOIN_BEFORE.search(text, max(0, phrase.start - 8), phrase.start)
        after = _LIST_JOIN.match(text, phrase.end)
        if before is None and after is None:
            continue
        item = _list_item(text, phrase)
        if item is not None:
            neighbours.append(
                (item, before.start() if before else -1, after.end() if after else -1)
            )
    if not neighbours:
        return
    starts: set[int] = set()
    ends: set[int] = set()
    for draft in book.drafts.values():
        if draft.kind is ActorKind.PERSON:
            for mention in draft.mentions:
                starts.add(mention.start)
                ends.add(mention.end)
    for order in (neighbours, neighbours[::-1]):  # a list read both ways: "A, B and C"
        for phrase, previous_end, next_start in order:
            if (previous_end in ends or next_start in starts) and not book.known(
                text, phrase.tokens
            ):
                book.person(text, phrase.tokens, role=None, titled=None)
                starts.add(phrase.start)
                ends.add(phrase.end)


def _given_names_in_kin_lists(text: str, unknown: Sequence[_Phrase], book: _Book) -> None:
    """One word listed after a person named after a plural kinship noun is a given name too:
    Matz and Dario of "three sons, Ivo, Matz and Dario" (not a country or a place)."""
    if not book.kin_list_ends:
        return
    for phrase in sorted(unknown, key=attrgetter("start")):
        tokens = phrase.tokens
        before = _LIST_JOIN_BEFORE.search(text, max(0, phrase.start - 8), phrase.start)
        if (
            before is None
            or before.start() not in book.kin_list_ends
            or len(tokens) != 1
            or tokens[0].possessive
            or not _is_name_token(tokens[0])
            or tokens[0].folded in NOT_PERSON_WORDS
            or _lookup(tokens[0].folded) is not None
            or book.known(text, tokens)
            or _cut_short(text, phrase.end)
        ):
            continue
        book.person(text, tokens, role=None, titled=None)
        book.kin_list_ends.add(phrase.end)


def _given_names_before_a_shared_surname(
    text: str, unknown: Sequence[_Phrase], book: _Book
) -> None:
    """A given name alone before "and" and a person's full name is a person who shares the
    surname: Farida of "two sisters, Farida and Leila Haddadi", "Ivo and Petra Lund"."""
    candidates = [
        phrase
        for phrase in unknown
        if len(phrase.tokens) == 1
        and not phrase.tokens[0].possessive
        and phrase.tokens[0].folded in _GIVEN_NAMES
        and _AND_AFTER.match(text, phrase.end)
    ]
    if not candidates:
        return
    starts = {
        mention.start: draft
        for draft in book.drafts.values()
        if draft.kind is ActorKind.PERSON and " " in draft.name
        for mention in draft.mentions
    }
    for phrase in candidates:
        after = _AND_AFTER.match(text, phrase.end)
        if after is not None and after.end() in starts and not book.known(text, phrase.tokens):
            book.person(text, phrase.tokens, role=None, titled=None)


def _cut_short(text: str, end: int) -> bool:
    """Whether a one-word phrase is part of a longer name the tokens did not read: "Seo" of
    "Seo Ji-an", "Anouk" of "Anouk Kerrigan-van der Hoeven"."""
    return text.startswith("-", end) or _NAME_NEXT.match(text, end) is not None


def _list_item(text: str, phrase: _Phrase) -> _Phrase | None:
    """The name a phrase may be as an item of a list of people: the phrase less a capitalised
    common word opening its sentence ("Senators Ana Brook"), if it reads as a name at all."""
    tokens = phrase.tokens
    first = tokens[0]
    if first.folded not in _GIVEN_NAMES and (
        first.word.endswith("s") or (len(tokens) == 3 and _opens_sentence(text, first.start))
    ):
        tokens = tokens[1:]  # "Senators Ana Brook", "Farmers Tom Vale"
        first = tokens[0]
    if (
        len(tokens) < 2
        or phrase.entity is not None
        or phrase.affiliation
        or first.folded in PLACE_OPENERS
        or (first.word.endswith("s") and first.folded not in _GIVEN_NAMES)
        or not all(_is_name_token(t) for t in tokens)
        or any(t.folded in NOT_PERSON_WORDS or t.folded in ORG_TAILS for t in tokens)
        or any(t.folded in ORG_HEADS for t in tokens)
        or _lookup(tokens[-1].folded) is not None
        or any(
            not _PARTICLES.issuperset(text[a.end : b.start].split())
            for a, b in itertools.pairwise(tokens)
        )
    ):
        return None
    return phrase if tokens is phrase.tokens else _Phrase(tokens, phrase.block)


def _without_descriptor(text: str, tokens: list[_Token]) -> tuple[list[_Token], str | None]:
    """A name without the common words before it: "Substitute" of "Substitute Kwame Mensah",
    and a sentence's first word before two more that is not a given name."""
    first = 0
    while first < len(tokens) - 1 and (
        tokens[first].folded in DESCRIPTORS
        or (
            first == 0
            and len(tokens) > 2
            and tokens[0].folded not in _GIVEN_NAMES
            and _opens_sentence(text, tokens[0].start)
        )
    ):
        first += 1
    descriptor = _surface(text, tokens[:first]) if first else None
    return tokens[first:], descriptor


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(_SPACES)
    return not before or before[-1] in '.!?\n"“”—'


_THE = frozenset(("the", "The"))


def _role_before(before: str) -> tuple[int, str, bool] | None:
    """(offset in `before`, role, whether a form of "be" stands between) of a lower-case role
    that ends right before a name: "official Tove Arnesen", "former spokesman, John Smith",
    "the head gardener is Ruan Teodor"."""
    if not before[-1:].isspace():
        return None
    stripped = before.rstrip(" \t,")
    words = stripped.rsplit(None, 4)
    linked = len(words) > 1 and words[-1] in _ROLE_LINKS
    if linked:
        words = words[:-1]
        stripped = stripped[: stripped.rindex(" ")].rstrip()
    words = words[-4:]
    if (
        len(words) > 1
        and words[-2] in _THE
        and stripped != before.rstrip(" \t")  # a comma after it: an apposition
        and words[-1].casefold() in ROLE_NOUNS
    ):  # capitalised, as a title: "the Director-General, Ulla Brandt"
        return stripped.rindex(words[-1]), words[-1], linked
    if not words or not (
        words[-1] in ROLE_NOUNS or words[-1] in OCCUPATIONS or words[-1] in DESCRIPTORS
    ):
        return None
    first = len(words) - 1
    while first > 0 and words[first - 1] in ROLE_MODIFIERS and len(words) - first < 3:
        first -= 1
    position = len(stripped)
    for word in reversed(words[first:]):
        position = stripped.rindex(word, 0, position)
    return position, " ".join(words[first:]), linked


# --- groups -------------------------------------------------------------------------------------


def _qualifier(phrase: _Phrase) -> tuple[str, str] | None:
    """What a phrase qualifying a group names: ("country", "Kenya") for a country, its capital
    or demonym, ("bloc", "Europe") for a bloc or an organisation one of whose names is a bloc
    ("EU", "European Union"), ("organization", "United Nations") for any other organisation
    ("UN inspectors")."""
    if phrase.entity is None or len(phrase.tokens) > 4:
        return None
    kind, value = phrase.entity
    folded = _folded(phrase.tokens)
    if folded in BLOCS:
        return "bloc", BLOCS[folded]
    if kind == "organization":
        bloc = _ORGANISATION_BLOCS.get(value)
        return ("bloc", bloc) if bloc is not None else ("organization", value)
    if kind in {"country", "capital", "demonym"}:
        return "country", value
    return None


def _find_groups(text: str, phrases: list[_Phrase], book: _Book) -> None:
    """Collectives and unnamed role holders after qualifier phrases; marks the qualifiers used."""
    for index, phrase in enumerate(phrases):
        if phrase.entity is None:
            continue
        # Both patterns open with white space, then more or a word of theirs: the two
        # characters after the phrase rule most places out without a call.
        end = phrase.end
        if text[end : end + 1] not in _SPACES:
            continue
        following = text[end + 1 : end + 2]
        group = (
            _GROUP_AFTER.match(text, end)
            if following in _GROUP_AFTER_FIRST and _qualifier(phrase) is not None
            else None
        )
        if group:
            noun_class = _GROUP_NOUNS[group[2].lower()]
            chain = _qualifier_chain(text, phrases, index, relational=noun_class in _RELATIONAL)
            possessive = phrase.tokens[-1].possessive
            key = group_key([q for _, q in chain], noun_class, possessive=possessive)
            span = Span(chain[0][0].start, group.end())
            book.group(key, " ".join(text[span.start : span.end].split()), span)
            for part, _ in chain:
                part.consumed = True
            continue
        role = _ROLE_AFTER.match(text, end) if following in _ROLE_AFTER_FIRST else None
        if role and not _NAME_NEXT.match(text, role.end()):
            span = Span(phrase.start, role.end())
            book.role_only(" ".join(text[span.start : span.end].split()), span)
            phrase.consumed = True
        elif role:
            phrase.consumed = True  # a qualifier in a role before a name: "Kremlin official X"


def _qualifier_chain(
    text: str, phrases: list[_Phrase], index: int, *, relational: bool
) -> list[tuple[_Phrase, tuple[str, str]]]:
    """The qualifier at `index` with the adjectives joined to it by commas and "and" before it:
    "Kenyan and UK investigators", "Danish and Nordic officials"; a country's name is no
    adjective ("Ghana and Nigerian investigators" are Ghana and a group). Allies are someone's
    (`relational`): before them a country next to a bloc is that country ("the UK and Nordic
    allies"), while the qualifiers of one kind are the allies' ("British and Dutch allies")."""
    head = _qualifier(phrases[index])
    chain = [(phrases[index], head)]
    while index > 0 and head is not None:
        previous, current = phrases[index - 1], phrases[index]
        qualifier = _qualifier(previous)
        if (
            qualifier is None
            or (relational and qualifier[0] != head[0])
            or not _CONJUNCTION.fullmatch(text, previous.end, current.start)
            or previous.tokens[-1].possessive
            or not _attributive(previous)
        ):
            break
        chain.insert(0, (previous, qualifier))
        index -= 1
    return [(p, q) for p, q in chain if q is not None]


def _attributive(phrase: _Phrase) -> bool:
    """A qualifier that reads as an adjective: a demonym or an acronym ("Russian", "US")."""
    folded = _folded(phrase.tokens)
    return folded in DEMONYMS or folded in BLOCS or all(t.word.isupper() for t in phrase.tokens)


def _find_story_groups(text: str, blocks: Sequence[Block], book: _Book) -> None:
    """Bare parties to a story's event ("negotiators", "Firefighters") outside any qualified
    group: the one qualified group of their class in the document, else a group of their own."""
    found: list[tuple[int, str]] = []
    for noun, forms in _STORY_GROUP_FORMS.items():
        rest = noun[1:]  # both forms end with it: one search finds them, in the text as it is
        at = text.find(rest, 1)
        while at >= 0:
            start, end = at - 1, at + len(rest)
            form = text[start:end]
            if (
                form in forms
                and not (start and _word_char(text[start - 1]))
                and not (end < len(text) and (_word_char(text[end]) or text[end] in "’'-"))
            ):
                found.append((start, form))
            at = text.find(rest, at + 1)
    if not found:
        return
    found.sort()
    spans = [block.post.body if block.post is not None else block.span for block in blocks]
    starts = [span.start for span in spans]
    for at, form in found:
        k = bisect.bisect_right(starts, at) - 1
        mention = Span(at, at + len(form))
        if k < 0 or spans[k].end < mention.end or book.covered(mention):
            continue
        if form[0].isupper() and not _opens_sentence(text, at):
            continue  # "the Strikers won": a name
        noun_class = STORY_GROUPS[form.lower()]
        qualified = book.story_group(noun_class)
        if qualified is not None:
            qualified.add(mention, form)
        else:
            book.group(group_key([], noun_class, possessive=False), form, mention)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _written_alone(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as written, with no word character, apostrophe or hyphen
    on either side. Found with str.find: a search for the pattern, which opens with a
    lookbehind, would try it at every character of the text."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and (_word_char(text[at - 1]) or text[at - 1] in "’'-")) and not (
            end < len(text) and (_word_char(text[end]) or text[end] in "’'-")
        ):
            return True
        at = text.find(word, at + 1)
    return False


# --- the book of actors ---------------------------------------------------------------------------


class _Book:
    """Actors of one document as they are found, persons clustered by surname."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: dict[str, _Draft] = {}
        self.surnames: dict[str, list[_Draft]] = {}
        self.full_names: dict[str, _Draft] = {}
        self.one_word: dict[str, deque[_Draft]] = {}  # of each surnames list, those named so
        # given name -> the one person named in full with it (None: more than one)
        self.given: dict[str, _Draft | None] = {}
        self.principals: dict[str, _Draft] = {}  # surname -> _principal of its list
        self.moved: list[_Draft] = []  # drafts whose first mention moved earlier since
        self.role_only_spans: list[tuple[str, Span]] = []
        self.headlines: dict[Span, bool] = {}
        self.added: list[Span] = []  # mentions not yet in `cover`
        self.cover = _Reach(len(text))
        self.story_groups: dict[str, _Draft | None] = {}  # noun class -> story_group()
        self.capital_words: dict[str, list[int]] | None = None
        self.run_initials: frozenset[str] | None = None  # read at first need: spelled_out
        # first word of an organisation's name -> it (None: of several), read at first need
        self.first_words: dict[str, _Draft | None] | None = None
        self.runs: set[str] | None = None  # the text's words as written, read at first need
        self.lower_case: dict[str, bool] = {}  # word -> whether the text writes it in lower case
        self.labels: frozenset[str] = frozenset()  # a transcript's speakers: "Okafor:"
        self.kin_list_ends: set[int] = set()  # ends of names listed after "sons", "children"

    def _draft(self, key: str, kind: ActorKind, name: str) -> _Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(kind, name, key, added=self.added, moved=self.moved)
            if key.startswith("group:"):
                self.story_groups.clear()
        return draft

    def headline(self, block: Span) -> bool:
        """_looks_like_headline, read once per block."""
        found = self.headlines.get(block)
        if found is None:
            found = self.headlines[block] = _looks_like_headline(self.text, block)
        return found

    def entity(self, entity: tuple[str, str], span: Span, surface: str) -> None:
        actor = _entity_actor(entity)
        if actor is not None:
            self._draft(actor[0], actor[1], entity[1]).add(span, surface)

    def organisation(self, surface: str, span: Span) -> None:
        name = surface[4:] if surface.lower().startswith("the ") else surface
        self._draft(organisation_key(name), ActorKind.ORGANIZATION, name).add(span, surface)

    def group(self, key: str, surface: str, span: Span) -> None:
        self._draft(key, ActorKind.GROUP, surface).add(span, surface)

    def role_only(self, surface: str, span: Span) -> None:
        self.role_only_spans.append((surface, span))

    def qualified_role(self, text: str, role_start: int, role: str) -> str:
        """The role with the qualifier phrase right before it: "Kremlin" + "official"."""
        head = text[max(0, role_start - 40) : role_start]
        match = _QUALIFIER_BEFORE.search(head)
        if match and _lookup(fold(match[1])) is not None:
            return f"{match[1]} {role}"
        return role

    def story_group(self, noun_class: str) -> _Draft | None:
        """The one qualified group of this class, if there is one (read again only after a
        new group)."""
        if noun_class not in self.story_groups:
            found = [
                d
                for k, d in self.drafts.items()
                if k.startswith("group:") and k.rsplit(":", 1)[1] == noun_class
            ]
            qualified = [d for d in found if not d.key.startswith(f"group::{noun_class}")]
            self.story_groups[noun_class] = qualified[0] if len(qualified) == 1 else None
        return self.story_groups[noun_class]

    def covered(self, span: Span) -> bool:
        """Whether a mention of any actor contains `span`."""
        for mention in self.added:
            self.cover.add(mention)
        self.added.clear()
        return self.cover.reaches(span.start, span.end)

    def post_author(self, author: Span, handle: Span | None) -> None:
        surface = author.of(self.text)
        words = surface.split()
        titles = 0
        while titles < len(words) - 1 and fold(words[titles]) in TITLE_WORDS:
            titles += 1
        name = " ".join(words[titles:])
        start = author.end - len(name) if titles else author.start
        draft = self._person_draft(name)
        draft.add(Span(start, author.end), name, " ".join(words[:titles]) or None)
        if titles:
            draft.add(Span(start, author.end), surface)
        if handle is not None:
            draft.add(handle, handle.of(self.text))

    def person(
        self,
        text: str,
        tokens: Sequence[_Token],
        *,
        role: str | None,
        titled: str | None,
        extent: int | None = None,
    ) -> None:
        """A person named by `tokens`; `extent`, the end of an affiliation after the name
        ("Rita Okoye of Lakeside"), makes the whole a mention too, so that what is said of it
        is said of the person, not of "Lakeside"."""
        name = _surface(text, tokens)
        draft = self._person_draft(name, at=tokens[0].start, role=role)
        draft.add(Span(tokens[0].start, tokens[-1].start + len(tokens[-1].word)), name, role)
        if titled and titled != name:
            draft.add(draft.mentions[-1], titled)
        if extent is not None:
            draft.add(Span(tokens[0].start, extent), text[tokens[0].start : extent])

    def _person_draft(self, name: str, at: int = -1, role: str | None = None) -> _Draft:
        words = name.split()
        folded = fold(name)
        if folded in self.full_names:
            return self.full_names[folded]
        surname = fold(words[-1])
        same = self.surnames.get(surname, [])
        if len(words) == 1 and same:
            return _holding(same, role) or self._of_sex(same, role) or self._principal(surname)
        given = self.given.get(surname) if len(words) == 1 else None
        if given is not None:
            return given  # "Ines" after "Ines Quintero", the article's only Ines
        # The first of `same` still named by one word: "President Trump" before "Donald Trump".
        singles = self.one_word.get(surname, deque())
        while singles and len(singles[0].name.split()) != 1:
            singles.popleft()  # named in full since
        if singles:
            other = singles[0]
            other.name = name
            self.full_names[folded] = other
            self._add_given(words[0], other)
            return other
        draft = self._draft(person_key(name), ActorKind.PERSON, name)
        self._add_surname(surname, draft)
        if len(words) == 1:
            self.one_word.setdefault(surname, deque()).append(draft)
        particles = len(words) - 1
        while particles > 1 and words[particles - 1].islower():
            particles -= 1
        if particles < len(words) - 1:  # "de Vries" of "Sanne de Vries"
            self._add_surname(fold(" ".join(words[particles:])), draft)
        if len(words) > 1:
            self.full_names[folded] = draft
            self._add_given(words[0], draft)
        return draft

    def _of_sex(self, drafts: list[_Draft], role: str | None) -> _Draft | None:
        """Of people sharing a surname, the one "Mr" or "Mrs" means when the others are known
        to be of the other sex ("his widow, Margaret Quinn"; "Mrs Quinn"): the first introduced
        of that sex, when the title tells one and several people share the surname."""
        sex = _SEX_WORDS.get(fold(role).split()[-1]) if role else None
        if sex is None or len(drafts) < 2:
            return None
        known = [d for d in drafts if self._sex(d) == sex]
        return min(known, key=attrgetter("first")) if known else None

    def _sex(self, draft: _Draft) -> str | None:
        """A person's sex by a title they were named with ("Mrs") or the word before a mention
        ("his son, Daniel Quinn"), if any."""
        for role in draft.roles:
            sex = _SEX_WORDS.get(fold(role).split()[-1]) if role.split() else None
            if sex is not None:
                return sex
        for mention in draft.mentions:
            cue = _SEX_CUE.search(self.text, max(0, mention.start - 20), mention.start)
            if cue is not None and cue.group(1).lower() in _SEX_WORDS:
                return _SEX_WORDS[cue.group(1).lower()]
        return None

    def _add_given(self, given: str, draft: _Draft) -> None:
        """`draft` is named in full with this given name: a feature or a story about a family
        may call the person by it alone ("Ines" for Ines Quintero, beside Rafael Quintero)."""
        folded = fold(given)
        self.given[folded] = draft if self.given.get(folded, draft) is draft else None

    def _add_surname(self, surname: str, draft: _Draft) -> None:
        self.surnames.setdefault(surname, []).append(draft)
        draft.surnames.append(surname)
        principal = self.principals.get(surname)
        if principal is not None and draft.first < principal.first:
            self.principals[surname] = draft

    def _principal(self, surname: str) -> _Draft:
        """_principal of the surname's drafts, kept as their first mentions move."""
        for draft in self.moved:
            for name in draft.surnames:
                principal = self.principals.get(name)
                if principal is None or principal is draft:
                    continue
                if draft.first < principal.first:
                    self.principals[name] = draft
                elif draft.first == principal.first:
                    del self.principals[name]  # a tie goes to the first listed: read again
        self.moved.clear()
        if surname not in self.principals:
            self.principals[surname] = _principal(self.surnames[surname])
        return self.principals[surname]

    def known(self, text: str, tokens: Sequence[_Token]) -> bool:
        folded = tokens[0].folded if len(tokens) == 1 else fold(_surface(text, tokens))
        return folded in self.full_names or folded in self.surnames

    def resolve(self, phrase: _Phrase) -> None:
        """A name seen without evidence: a mention of a person named elsewhere, if any."""
        tokens = phrase.tokens
        last = tokens[-1]
        end = last.start + len(last.word)
        if len(tokens) == 1:  # most: the word is the surface, its folded form fold's of it
            folded = surname = last.folded
            surface = last.word
        else:
            folded = _folded(tokens)
            surface = _surface(self.text, tokens)
            surname = fold(surface)
        if folded in self.full_names:
            draft = self.full_names[folded]
        elif surname in self.surnames:
            draft = self._principal(surname)
        elif len(tokens) == 1 and (given := self.given.get(folded)) is not None:
            draft = given
        else:
            if len(tokens) != 1 or (
                self.first_words is not None and folded not in self.first_words
            ):
                return  # the common case, seen without a call
            company = self._organisation_by_first_word(folded)
            if company is None:
                return
            draft = company
        if (
            len(tokens) == 1
            and draft.kind is ActorKind.PERSON
            and " " not in draft.name
            and _THE_WORDS_BEFORE.search(self.text, max(0, phrase.start - 30), phrase.start)
        ):
            return  # "the smaller Pilar", a boat named after the Pilar the text named
        draft.add(Span(tokens[0].start, end), surface)

    def _organisation_by_first_word(self, folded: str) -> _Draft | None:
        """The one organisation whose name of several words opens with this word, when the word
        is no common word ("Brill" for "Brill Foods", not "Granite" in a story where granite is
        also written in lower case)."""
        if self.first_words is None:
            self.first_words = {}
            for each in self.drafts.values():
                words = fold(each.name).split()
                if each.kind is ActorKind.ORGANIZATION and len(words) > 1:
                    known = self.first_words.get(words[0], each)
                    self.first_words[words[0]] = each if known is each else None
        draft = self.first_words.get(folded)
        if draft is None or folded in _NOT_FIRST_WORDS or _lookup(folded) is not None:
            return None
        if folded not in self.lower_case:
            if len(self.lower_case) < _FIRST_WORD_SEARCHES:  # a few words: a search each
                self.lower_case[folded] = _written_alone(self.text, folded)
            else:  # many: every run of word characters, read once, linear in the text
                if self.runs is None:
                    self.runs = set(_WORD_RUN.findall(self.text))
                self.lower_case[folded] = folded in self.runs
        return None if self.lower_case[folded] else draft

    def abbreviations(self) -> None:
        """An organisation's abbreviation in brackets after its name ("the International
        Transport Workers' Federation (ITF)") is an alias, and each later use a mention."""
        for draft in [d for d in self.drafts.values() if d.kind is ActorKind.ORGANIZATION]:
            seen: set[str] = set()
            for mention in list(draft.mentions):
                bracket = _ABBREVIATION_AFTER.match(self.text, mention.end)
                if bracket is None or _lookup(fold(bracket[1])) is not None:
                    continue
                if bracket[1] in seen:
                    continue  # its uses after the first bracket are mentions already
                seen.add(bracket[1])
                uses = self._capital_words().get(bracket[1], [])
                for start in uses[bisect.bisect_left(uses, bracket.end()) :]:
                    span = Span(start, start + len(bracket[1]))
                    if not self.covered(span):
                        draft.add(span, bracket[1])
                if bracket[1] not in draft.aliases:
                    draft.aliases.append(bracket[1])

    def shorter_organisation_names(self) -> None:
        """An organisation named by the last words of another's name, after it, is that one:
        "the Town Council" after "the Dunmere Town Council"; not when two names end with them, nor
        a name known on its own ("State Department"), nor the body a region's branch is named
        after ("Democratic Party" beside "Arizona Democratic Party")."""
        organisations = [d for d in self.drafts.values() if d.kind is ActorKind.ORGANIZATION]
        if len(organisations) < 2:
            return
        names = {d.key: fold(d.name).split() for d in organisations}
        ending: dict[tuple[str, ...], list[_Draft]] = {}  # last words -> names longer than them
        for draft in organisations:
            words = names[draft.key]
            for k in range(2, len(words)):
                ending.setdefault(tuple(words[-k:]), []).append(draft)
        for short in organisations:
            words = names[short.key]
            if len(words) < 2 or tuple(words) not in ending or _lookup(" ".join(words)):
                continue
            longer = [d for d in ending[tuple(words)] if d.key in self.drafts]
            if len(longer) != 1:
                continue
            full = longer[0]
            extra = names[full.key][: -len(words)]
            if full.first > short.first or any(
                w in REGION_WORDS or w in _NOT_FIRST_WORDS or w.endswith("ing") for w in extra
            ):
                continue  # "Arizona Democratic Party", "Top Republican Party", "Addressing …"
            for mention in short.mentions:
                full.add(mention, mention.of(self.text))
            del self.drafts[short.key]

    def spelled_out(self, acronym: str) -> bool:
        """Whether the text names what `acronym` stands for ("the World Meteorological
        Organization (WMO)", "the Office of Health Standards ... the OHS"): the abbreviation is
        then that organisation's (`abbreviations`). The initials of the text's capitalised runs
        are read once."""
        if f"({acronym})" in self.text:
            return True
        if self.run_initials is None:
            self.run_initials = frozenset(
                "".join(w[0] for w in run.group().split() if w[0].isupper())
                for run in _CAPITALISED_RUN.finditer(self.text)
            )
        return acronym in self.run_initials

    def _capital_words(self) -> dict[str, list[int]]:
        """Where each word of two to six capitals stands alone ("ITF"), read once."""
        if self.capital_words is None:
            self.capital_words = {}
            for found in _CAPITAL_WORD.finditer(self.text):
                self.capital_words.setdefault(found.group(), []).append(found.start())
        return self.capital_words

    def actors(self) -> list[Actor]:
        self._place_role_only()
        self._birth_names()
        # each draft's mentions in order, sorted once: the first gives the draft's place
        ordered = [
            (sorted(d.mentions, key=_position), d) for d in self.drafts.values() if d.mentions
        ]
        ordered.sort(key=lambda pair: _position(pair[0][0]))
        return [
            Actor(d.key, d.name, d.kind, tuple(d.aliases), tuple(d.roles), tuple(mentions))
            for mentions, d in ordered
        ]

    def _birth_names(self) -> None:
        """A name after "(born" or "(née" is the same person's birth name: "Zinnia (born Lucía
        Tapia, 1957)", "Ada Moss (née Quill)", an alias, not a second person."""
        persons = [d for d in self.drafts.values() if d.kind is ActorKind.PERSON and d.mentions]
        if len(persons) < 2 or ("(born" not in self.text and "(née" not in self.text):
            return  # most documents
        starts = {mention.start: d for d in persons for mention in d.mentions}
        for draft in persons:
            for mention in list(draft.mentions):
                after = _BIRTH_NAME_AFTER.match(self.text, mention.end)
                other = starts.get(after.end()) if after else None
                if other is None or other is draft or not other.mentions:
                    continue
                for span in other.mentions:
                    draft.add(span, self.text[span.start : span.end])
                other.mentions.clear()

    def _place_role_only(self) -> None:
        """An unnamed role holder is the named person with that role, else a group of its own."""
        by_role = {
            fold(role): d
            for d in self.drafts.values()
            if d.kind is ActorKind.PERSON
            for role in d.roles
        }
        for surface, span in self.role_only_spans:
            bare = re.sub(r"^(?:the|a|an)\s+", "", surface, flags=re.IGNORECASE)
            person = by_role.get(fold(bare))
            if person is not None:
                person.add(span, bare)
            else:
                self._draft(role_key(bare), ActorKind.GROUP, bare).add(span, bare, bare)


@lru_cache(maxsize=4096)
def _entity_actor(entity: tuple[str, str]) -> tuple[str, ActorKind] | None:
    """The key and kind of the actor an entity names (none for a demonym or a bloc), read once
    per entity."""
    kind, value = entity
    if kind in {"demonym", "bloc"}:
        return None
    if kind == "organization":
        return organisation_key(value), ActorKind.ORGANIZATION
    return country_key(value), ActorKind.COUNTRY


class _Reach:
    """Mentions, for "does one contain this span?": the furthest end of those starting at or
    before each position (a Fenwick tree of maxima), so a look is a few steps, not a scan."""

    def __init__(self, size: int) -> None:
        self.size = size + 1
        self.tree = [-1] * (self.size + 1)

    def add(self, span: Span) -> None:
        i = span.start + 1
        while i <= self.size:
            if self.tree[i] < span.end:
                self.tree[i] = span.end
            i += i & -i

    def reaches(self, start: int, end: int) -> bool:
        """Whether a span starting at or before `start` ends at or after `end`."""
        i, furthest = min(start + 1, self.size), -1
        while i > 0:
            furthest = max(furthest, self.tree[i])
            i -= i & -i
        return furthest >= end


# A span's place in the text as a plain tuple: sorts like the Span, without its slow comparisons.
_position = attrgetter("start", "end")


def _holding(drafts: Sequence[_Draft], role: str | None) -> _Draft | None:
    """Of people sharing a surname, the first introduced with the title that names one of them
    alone: "Mayor Harlow" is Mayor Dean Harlow, not his daughter Amy Harlow named before him."""
    if not role:
        return None
    title = fold(role).split()[-1]
    holders = [d for d in drafts if any(fold(r).split()[-1:] == [title] for r in d.roles)]
    return min(holders, key=attrgetter("first")) if holders else None


def _principal(drafts: Sequence[_Draft]) -> _Draft:
    """Of people sharing a surname, the one a bare surname means: the first introduced (a
    relative introduced later goes by the full name)."""
    return min(drafts, key=attrgetter("first"))  # `first`: the earliest mention, as a tuple
