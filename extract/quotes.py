"""Quotes of one document and who said them.

A quote is the text inside quotation marks (straight, curly double or curly single; apostrophes in
"it’s" or "the ’90s" open and close nothing) or the body of an embedded post. Its speaker is the
answer of the first rule of RULES that does not answer Unknown: a Speaker (an actor's key) or
Nobody (the text gives the words to no actor, "the report states “…”"). The rules go from the
explicit to the implied: a reporting verb after the quote ("…,” said X", "according to X"), a
signature on its line ("“…” — X (@x)"), a reporting verb before it ("X emphasised that “…”",
"Accusing Y of “…,” X"), "according to X" earlier in the sentence, a speech noun with
its owner ("X’s criticism"), the words between the quote and a verb after it ("…,” X, 44, of
Ghent, said"), the line that signs or the paragraph that introduces a whole-paragraph quote, the
speaker of the quote before in the same voice, the person the sentence is about, a reporting
sentence right before, the person a quote paragraph's paragraph before ends on, and the last
speaker of the few paragraphs before. Pronouns stand for the last person of their sex named before
them (a sentence's subject before a nearer name that is none), never for one the quote itself
names. Quotes of a few words with no reporting verb and no speaker are scare quotes, and
capitalised words after "the book", "titled" and the like are titles: neither is kept. A quote
continued over paragraphs keeps one speaker across its parts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain
from operator import attrgetter

from extract import lang
from extract.book import ActorBook, Mention, is_role_key, organisation_key, role_key
from extract.model import ActorKind, Quote, Span
from extract.names import OCCUPATION_WORDS, OCCUPATIONS_PLURAL, PERSON_NOUNS, STORY_GROUPS
from extract.segments import Block, is_dateline_place
from extract.vocabulary import (
    ATTRIBUTING_VERBS,
    CAPITALS,
    COUNTRY_NAMES,
    DEMONYMS,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    NOT_NAMES,
    ORG_TAILS,
    ORGANISATIONS,
    PARTY_MEMBERS,
    PARTY_WORDS,
    REGION_WORDS,
    REGIONS,
    REPORTING_VERBS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    WORK_CUES,
    fold,
    list_alternation,
    longest_first,
)

__all__ = ["find_quotes"]

# Double quotation marks (_double_marks): straight, curly, and as typewriters and old wire copy
# write them, two apostrophes (''so'') or two backticks that open (``so'').
_OPEN_ONLY = frozenset({"“", "``"})  # marks that never close a quote
_CLOSE_ONLY = frozenset({"”"})  # marks that never open one
# Single quotation marks (_single_marks), straight and curly; a straight one next to another is
# half of a double.
# A plural's possessive apostrophe before a lower-case word: "the Jones' car", "players’ union".
_PLURAL_POSSESSIVE = re.compile(r"s['’][ \t]+[a-z]")
# A single mark that may close a quote: after a word or punctuation, before no letter.
_LATER_CLOSE = re.compile(r"(?<=[^\s])['’](?![\w])")
# The characters quotation marks are made of, double or single. The marks are read from where
# these stand, found with str.find once for the document: a regex scan of each paragraph, even
# one that skips to the characters a mark opens with, took some 10 ns a character.
_MARK_CHARS = "“”\"`'‘’"
_REPORTING_ALTERNATION = "|".join(
    sorted(
        REPORTING_VERBS | {v.capitalize() for v in REPORTING_VERBS if v.endswith(("ing", "ed"))},
        key=len,
        reverse=True,
    )
)
# A reporting verb is one of these words: "said", "emphasised", "calls"; capitalised only as a
# participle that opens a sentence ("Accusing X of “…”, he"), never "States" or "Post" in a name.
# It is a whole word, after neither a word character nor a hyphen (see _reporting_at).
# Words between a subject and its verb: "Lind has also stressed", "he later noted".
_FILLERS = lang.words("quote_fillers")
# Forms of "be" before a participle: "have been described as" is passive, no subject before.
_BE = lang.words("be_forms")
# Words that turn a following reporting verb into a noun: "his recent comments".
_DETERMINERS = lang.words("speech_determiners")
_SPEECH_NOUN_ALTERNATION = longest_first(SPEECH_NOUNS)
# The same as a set of words: each is one word of letters, so a match of _OWNED_SPEECH ends on a
# whole word of the set.
_SPEECH_NOUN_WORDS = frozenset(SPEECH_NOUNS)
# A speech noun with its owner: "Lind’s public criticism", "Andres’ call", "his assertion".
_OWNED_SPEECH = re.compile(
    r"(?:(?P<owner>[\w.]+)(?:['’]s|(?<=s)['’])|\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir))[ \t]+"
    r"(?:[\w-]+[ \t]+){0,2}?"
    rf"(?:{_SPEECH_NOUN_ALTERNATION})\b"
)
# "according to" before the speaker.
_ACCORDING = re.compile(r"\b[Aa]ccording to[ \t]+")
# A document and its author after "according to": "a court filing by", "the report written by".
_WORK_BY = re.compile(r"(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){1,4}?by[ \t]+")
# A word, for the last word before a verb.
_LAST_WORD = re.compile(r"([\w’'.-]+)[\W]*$")
# A capitalised word that may be a speaker's name: "Lind has welcomed ...".
_CAPITALISED = re.compile(r"[A-Z][a-zà-ÿ]+(?:['’-][A-Za-z]+)*")
# Where a programme's title follows: "told NBC's", "on CBS's", "appearing on", "told".
_ON_A_PROGRAMME = re.compile(
    r"(?:\b(?:on|told)[ \t]+|\b[A-Z][\w.&-]*['’]s[ \t]+)(?:[A-Z][\w.&-]*['’]s[ \t]+)?$"
)
# A word of four characters or more after a space that opens in lower case: no title's word
# ("Automate to Compete" holds none).
_LOWER_LONG_WORD = re.compile(r"(?<!\S)[a-z]\S{3}")
# After a headline and its comma: its author ("“Museum hires a director,” by Ines Varga"; not
# the agent of a passive, "“rocked” by the news").
_BY_AUTHOR = re.compile(r",?[ \t]+by[ \t]+[A-Z]")
# Work cues right before a quote: "the book “…”", "a report titled ‘…’".
_WORK_CUE = re.compile(r"\b(?:" + longest_first(WORK_CUES) + r"),?[ \t]*$", re.IGNORECASE)
_ROLE_ALTERNATION = longest_first(ROLE_NOUNS)
# Roles and occupations: what an unnamed speaker may be known by ("the paramedic said").
_HOLDER_WORDS = ROLE_NOUNS | OCCUPATION_WORDS
_HOLDER_ALTERNATION = longest_first(_HOLDER_WORDS)
_HOLDER_ENDINGS = tuple(sorted(_HOLDER_WORDS))
# An unnamed role holder as a subject: "a company spokesperson", "the creative industries
# minister", "A Downing Street spokesperson".
_ROLE_PHRASE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+((?:[\w’'&-]+[ \t]+){{0,3}}?"
    rf"(?:{_HOLDER_ALTERNATION}))$"
)
# Common nouns that name an organisation when a subject: "the port authority", "the union".
_ORG_NOUNS = lang.words("org_nouns")
_ORG_ENDINGS = tuple(sorted(_ORG_NOUNS))
# Nouns for any organisation, whatever its name: "the company" after "Brill Foods said".
_ANY_ORG_NOUNS = lang.words("any_org_nouns")
# How far back a description of an organisation is looked for ("The trust said it …").
_DESCRIBED_REACH = 600
# An organisation named by a lower-case noun phrase: "the port authority", "The union".
_ORG_PHRASE = re.compile(
    rf"\b[Tt]he[ \t]+((?:[\w’'-]+[ \t]+){{0,2}}?(?:{'|'.join(sorted(_ORG_NOUNS))}))$"
)
# Nouns any kind of body goes by ("the group" may be an alliance; "the firm" is no council).
_GENERIC_ORG_NOUNS = frozenset({"group", "organisation", "organization"})
# The same anywhere in a sentence, not only ending a subject: "The trust said it …".
_DESCRIBED_ORG = re.compile(
    rf"\b[Tt]he[ \t]+((?:[\w’'-]+[ \t]+){{0,2}}?(?:{'|'.join(sorted(_ORG_NOUNS))}))\b(?![’'-])"
)
# The words that open a _ROLE_PHRASE or an _ORG_PHRASE.
_PHRASE_OPENERS = frozenset(
    "a A an An the The its Its his His her Her their Their another Another one One".split()
)
_MEMBER_WORDS = tuple(sorted(w.capitalize() for w in PARTY_MEMBERS if not w.endswith("s")))
_MEMBER_CORE = (
    r"(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \t]+((?:[A-Z][\w.’'-]*[ \t]+){0,3}(?:"
    + "|".join(_MEMBER_WORDS)
    + r"))\b"
)
# An unnamed party member described by a place or a chamber: "a North Dakota Republican",
# "another Senate Democrat"; a description is followed by a comma, a full stop or a verb.
_MEMBER_PHRASE = re.compile(_MEMBER_CORE + r"(?=[ \t]*[,.;:!?)—–]|[ \t]*$|[ \t]+[a-z])")
# The same, ending a subject before its verb: "a North Dakota Republican said".
_MEMBER_ENDING = re.compile(_MEMBER_CORE + r"$")
# What may open an attribution after a quote: "— that’s how X puts it", "as X put it".
_AFTER_LEAD = re.compile(r"[ \t\u00a0,—–-]*(?:that[’']s how[ \t]+|as[ \t]+)?")
# The verb that ends the words naming a quote's speaker after it: "…,” X, 44, of Ghent, said",
# "…,” X continued", "…,” X went on".
_ATTRIBUTING_WORDS = REPORTING_VERBS | ATTRIBUTING_VERBS | lang.words("attributing_phrases")
_ATTRIBUTING = re.compile(r"(?<![\w-])(?:" + longest_first(_ATTRIBUTING_WORDS) + r")\b")
# The first word of each: the long alternation above is tried only where one of them stands.
_ATTRIBUTING_FIRST = frozenset(re.split(r"\W", verb, maxsplit=1)[0] for verb in _ATTRIBUTING_WORDS)
# What the words between a quote and its verb may not hold: another quote, a line break.
_NOT_SUBJECT = re.compile(r"[“”\"\n]")
# What follows a person described before the verb: a comma, a dash, a bracket or "of".
_APPOSITION = re.compile(r"[ \t\u00a0]*(?:,|—|–|\(|of[ \t\u00a0])")
# Where an apposition may start: the cheap test before looking for one.
_APPOSITION_MARK = re.compile(r",|—|–|\(| of ")
# Words that open a clause, not the name of a speaker, after a quote: "“…” and X continued".
_CLAUSE_OPENERS = lang.words("clause_openers")
# Those that may stand for the quote as the object of their clause ("the “…” that X denounced").
_OBJECT_RELATIVES = lang.words("object_relatives")
# Brackets after a name: "Senator X (R-Ohio)".
_BRACKETS = re.compile(r"[ \t\u00a0]*\([^()]{0,40}\)")
# An honorific and the one word it makes a surname: "Mr. King", "Dr Prince".
_HONORED = re.compile(
    r"\b(?:" + "|".join(h.capitalize() for h in sorted(HONORIFICS)) + r")\.?[ \t\u00a0]+"
    r"([A-Z][\w’'-]+)$"
)
# Title words, roles, their modifiers ("former", "acting") and "the" between a quote and the name
# it is attributed to.
_NAME_GAP = re.compile(
    r"(?:(?:the|a|an|its|[A-Z][\w.’'&-]*|of|for|"
    rf"{_ROLE_ALTERNATION}|{longest_first(ROLE_MODIFIERS)})[ \t]+)*"
)


# The next two patterns are compiled on first use, not at import: long alternations of every role
# and occupation, some 9 ms of every start of chronicle, which few articles need (about one in
# six and one in twenty here).
@cache
def _role_apposed() -> re.Pattern[str]:
    """A role in apposition before the name after a verb: "said its president, Tom Reyes",
    "said the company's chief executive, Ana Lima"."""
    return re.compile(
        r"(?:(?:the|a|an|its|his|her|their|our)[ \t]+|[\w.&-]+['’]s[ \t]+)?"
        r"(?:[\w’'&-]+[ \t]+){0,3}?"
        rf"(?:{_HOLDER_ALTERNATION}),[ \t]+(?=[A-Z])",
        re.IGNORECASE,
    )


@cache
def _holder_comma() -> re.Pattern[str]:
    """A role or an occupation that ends a phrase before a comma and a name: "an influential
    sociologist, Mikhail Dorn"."""
    return re.compile(rf"\b(?:{_HOLDER_ALTERNATION}),[ \t]+(?=[A-Z])")


# A capitalised name of up to three words not yet known as an actor: "Brandvold", "Tao Lin".
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*[a-zà-ÿ](?:[ \t]+[A-Z][\w’'-]*[a-zà-ÿ]){0,2}(?![\w’'-])")
# An acronym (an organisation's, unless a common one: "CEO", "GDP"): "“…,” KPA said".
_ACRONYM = re.compile(r"[A-Z]{2,6}(?![\w’'-])")
_COMMON_ACRONYMS = lang.words("common_acronyms")
# A title word and the space after it: "Representative ", "Gov. ".
_TITLE_WORD = re.compile(r"([A-Za-z][a-z]*)\.?[ \t\u00a0]+")
# What may stand before a name after a verb: titles, "the", "a", "an".
_TITLES_AND_ARTICLES = TITLE_WORDS | {"the", "a", "an"}
# What may stand between a comma and a name apposed to a role: "Dr", "Sen.".
_TITLES_AND_HONORIFICS = TITLE_WORDS | HONORIFICS
# A name of two or three words, initials allowed: "Nils T. Bishop", "J. M. Holt", "Mark Lee".
_NAME_WORD = r"[A-Z][\w’'-]*[a-zà-ÿ]"
_INITIALED_NAME = re.compile(
    rf"(?:(?:[A-Z]\.[ \t]?){{1,2}}{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?"
    rf"|{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_NAME_WORD}){{1,2}})(?![\w’'-])"
)
# What follows a name that ends it: "of New York", a comma.
_NAME_END = re.compile(r"[ \t\u00a0]*(?:,|of[ \t])")
# The end of a clause after a name: a full stop, a comma, a semicolon or the end of the text.
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|$)")
# Where quoted words start: the pronouns inside do not refer to the name before them.
_QUOTE_OPENING = re.compile(r"[“”\"‘]|(?<!\w)'")
# A pronoun that tells a person from an organisation.
_PRONOUN = re.compile(r"\b(he|she|his|her|it|its)\b")
# Lower-case words between a verb and a known name: "said producer Lars Berg".
_LOWER_GAP = re.compile(r"(?:[a-z][\w-]*[ \t]+){1,2}(?=[A-Z])")
# A few plain words before a name after a quote: "…,” port authority Chief Executive X said".
_WORDS_GAP = re.compile(r"(?:[\w.’'&-]+[ \t]+){0,6}")
# A dash line that attributes the quote above it: "— Chiamaka Okafor".
_DASH_LINE = re.compile(r"[—–-][ \t]*")
# The dash that opens a signature after a quote on its line: "“…” — Ada Lind (@adalind)".
_SIGNATURE_DASH = re.compile(r"[ \t\u00a0]*[—–][ \t\u00a0]*")
# What ends a signature's name: a handle in brackets, or the end of the paragraph, maybe after a
# comma and what the signer is ("— Ines Vale, mayor of Kelby"; not a date: "— Kelby Post, May 3,
# 2024" signs a headline cited as a source).
_SIGNATURE_END = re.compile(r"[ \t\u00a0]*(?:\(@\w+\)|(?:,[^.!?\n“”\"\d]{1,80})?[.\s]*$)")
# The colon after a quote that opens a headline's speaker: "“We are ready”: Ada Lind on …".
_COLON_AFTER = re.compile(r"[ \t\u00a0]*:[ \t\u00a0]*")
# What follows that speaker's name: what she talks about, or the end of the line.
_TOPIC_AFTER = re.compile(
    rf"[ \t\u00a0]+(?:{longest_first(lang.words('topic_words'))})\b|[ \t\u00a0]*$", re.MULTILINE
)
# The people around a person, who speak for her as a group: "her family", "Lind's lawyers".
_CIRCLE_NOUNS = tuple(sorted(word.lower() for word in lang.words("circle_nouns")))
_CIRCLE = re.compile(
    rf"(?:\b({longest_first(lang.words('possessive_pronouns'))})|['’]s)[ \t]+"
    rf"({longest_first(_CIRCLE_NOUNS)})$",
    re.IGNORECASE,
)
# How far after "said" a description ending in the speaker's name may run, and what ends it.
_DESCRIPTION_REACH = 100
_DESCRIPTION_END = re.compile(r"[,;:(“”\"]")
# Words that cannot stand in such a description: they open a clause or are verbs or pronouns.
_NOT_DESCRIPTION = (
    _CLAUSE_OPENERS | lang.words("auxiliary_verbs") | frozenset(lang.table("pronouns"))
)
# Words that may open it all the same ("said his site engineer X", "said the consul, X"), and
# the prepositions it may hold before a comma and the name ("the consul in those years, X").
_DESCRIPTION_OPENERS = lang.words("description_openers")
_NOT_APPOSED_DESCRIPTION = _NOT_DESCRIPTION - lang.words("continuing_prepositions")
# The most words such a description holds before a comma and the name.
_APPOSED_DESCRIPTION_WORDS = 8
# What may follow the name that ends such a description: the clause's end, or a lower-case word
# (a clause or a phrase opens: "X as the tour ended", "X in an email", "X, who").
_AFTER_DESCRIBED = re.compile(r"[ \t\u00a0]*(?:[,.;:(—–)]|$|([a-z]+)\b)")
# An unnamed person described as a sentence's subject: "A nurse in her fifties, who …": the
# noun (a role, an occupation or a person noun), after an adjective at most.
_DESCRIBED_SUBJECT = re.compile(
    rf"(?i:{longest_first(lang.words('indefinite_articles'))})[ \t]+(?:[\w-]+[ \t]+)?"
    rf"({longest_first(_HOLDER_WORDS | PERSON_NOUNS)})\b(?![’'-])"
)
# Words that give a person's sex: "Her father, Emmanuel Okafor", "Ms Okafor".
_SEX = lang.table("sex_words")
_MALE = frozenset(word for word, sex in _SEX.items() if sex == "m")


@cache
def _name_sexes() -> dict[str, str]:
    """Given names nearly always borne by one sex: "she" after "Tomas Lind" is someone else.
    20,000 names: read when a pronoun first asks, not by every process that imports this."""
    return lang.table("given_name_sexes")


# Kinship words that name the same relative: "my dad" is "her father, Emmanuel Okafor".
_KIN = lang.table("kin")
# The relatives a speaker may name as a subject: "my dad", "her mother".
_RELATIVES = frozenset(lang.entries("relatives")) | frozenset(_KIN)
# The relatives' words as a regex alternation.
_RELATIVE_WORDS = "|".join(lang.entries("relatives"))
_RELATIVE_ENDINGS = tuple(lang.entries("relatives"))
# "my dad", "her mother": a relative as a subject.
_RELATIVE = re.compile(rf"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)[ \t]+({_RELATIVE_WORDS})$")
# A relative opening a sentence: "Her daughter was blunter: “…”".
_OPENING_RELATIVE = re.compile(rf"[ \t]*(?:[Hh]is|[Hh]er|[Tt]heir)[ \t]+({_RELATIVE_WORDS})\b")
# A lower-case word right before a name (titles aside): "used by X to kill Y", "found Y".
_WORD_BEFORE_NAME = re.compile(r"\b([a-z]+)[ \t]+(?:[A-Z][\w.]*[ \t]+)*$")


# Words before a name that qualifies a noun: "a Facebook post", "dozens of Quillfeather claims".
_NOUN_LEADS = lang.words("noun_leads")
# Prepositions right before a reporting verb's form make it a noun ("of claims"); "to" makes it
# an infinitive ("to call it “…”").
_PREPOSITIONS = lang.words("continuing_prepositions")
_PREPOSITIONS_BEFORE_NOUN = _PREPOSITIONS - {"to"}
_QUANTITY_NOUNS = lang.words("quantity_nouns")
# How a possessive word ends: "Varga's", "Andres’".
_POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")


def _possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a possessive: "Varga's"."""
    return text.startswith(("’s", "'s"), end)


def _is_object(text: str, start: int, end: int) -> bool:
    """Whether the name at `end` follows a verb or a preposition, not a description of it
    ("the deckhand Pieter Smit"): an object, not a subject."""
    word = _WORD_BEFORE_NAME.search(text, start, end)
    return word is not None and word[1] not in _HOLDER_WORDS


# A comma and a capital after a relative: the relative's name follows ("her father, Brad").
_NAMED_AFTER = re.compile(r",[ \t]+(?=[A-Z])")
# A relative the speaker names in her own words: "My father ran it".
_MY_RELATIVE = re.compile(
    rf"\b(?i:{longest_first(lang.words('first_person_possessives'))})[ \t]+"
    rf"({_RELATIVE_WORDS})\b"
)
# A kinship word before a name, an honorific between allowed: "her mother, Mrs X".
_KIN_CUE = re.compile(
    rf"(\w+),?[ \t]+(?:(?:{longest_first(HONORIFICS)})\.?[ \t]+)?$", re.IGNORECASE
)
# A word before a name that tells its sex: "her father, X", "Ms X".
# Searched in a copy of the 20 characters before the name: the look-behind passes over the
# letters inside a word at once, where a search from each of them failed only at the word's end.
_SEX_CUE = re.compile(r"(?<!\w)(\w+),?[ \t]+$")
# A pronoun that is a sentence's subject: "She later thanked the staff for “…”".
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# The actors a sentence may be about when it frames a quote without a reporting verb.
_SUBJECT_KINDS = frozenset({ActorKind.PERSON, ActorKind.ORGANIZATION})
# How many sentences back a pronoun may stand for a sentence's subject over a nearer name.
_SUBJECT_SENTENCES = 3
# A participle phrase that opens a sentence before its subject: "Repeating his speech, ".
_PARTICIPLE_OPENING = re.compile(r"[ \t]*[A-Z][a-z]+ing\b[^,“”\"\n]{0,120},[ \t]*")
# How many pronouns back a pronoun may be resolved through ("Her staff … she said").
_PRONOUN_DEPTH = 2
# Where a second main clause opens: "; " or ", and ".
_CLAUSE_JOINTS = lang.words("clause_joints")
_CLAUSE_JOINT = re.compile(rf"(?:;|,[ \t]+(?:{longest_first(_CLAUSE_JOINTS)})\b)[ \t]*")
# How far after a quote the verb that attributes it may stand.
_SUBJECT_REACH = 160
# A word, where a verb of `_ATTRIBUTING` may begin.
_WORD_START = re.compile(r"\w+")
# How many paragraphs back the last speaker still speaks a quote nothing else attributes.
_CARRY_PARAGRAPHS = 3
# Pronouns that stand for a person or a group named before them.
_PRONOUNS = lang.table("pronouns")
_PRONOUNS_PERSON = frozenset(word for word, stands in _PRONOUNS.items() if stands == "person")
_PRONOUNS_GROUP = frozenset(word for word, stands in _PRONOUNS.items() if stands == "group")
_PRONOUNS_STANDING = _PRONOUNS_PERSON | _PRONOUNS_GROUP
# The pronouns of one organisation, which a description may stand before: "The trust said it …".
_PRONOUNS_THING = frozenset({"it", "its"})
_FIRST_PERSON = lang.words("first_person")
_SECOND_PERSON = lang.words("second_person")
_SCARE_WORDS = 3  # a quote this short with no speaker and no reporting verb is a scare quote
# A reporting verb after a pronoun or a few lower-case words right after a quote that opens its
# sentence ("“We lost,” she said", "“…,” the four-term congressman said"): words said, however
# few, whoever they are found to be.
_REPORTED_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?:{list_alternation('subject_pronouns')})|(?:[a-z][\w’'-]*[ \t]+){{1,4}}?"
    rf"[a-z][\w’'-]*)[ \t]+(?:{longest_first(REPORTING_VERBS)})\b",
    re.IGNORECASE,
)
# How many mentions back a pronoun, a role or "the union" looks for whom it stands for: far more
# than any article needs, and a bound on the work per quote.
_LOOK_BACK = 400
# A character that is not white space.
_NOT_SPACE = re.compile(r"\S")
# A word as str.split() finds them: a run of characters that are not white space.
_WORD_RUN = re.compile(r"\S+")
# A lower-case word after a subject: its verb ("Lind shrugged").
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
# A word of ASCII letters: a pronoun opening a subject.
_LETTERS = re.compile(r"[A-Za-z]+")
# An apostrophe, straight or curly: what a possessive's word is cut at ("Lind’s" -> "Lind").
_APOSTROPHE = re.compile(r"['’]")
# A lower-case word, for the fillers between a name and its verb.
_LOWER_WORD = re.compile(r"[a-z]+")
# A preposition of place right before a name: "in the", "from".
_LOCATIVE = re.compile(
    rf"\b(?:{longest_first(lang.words('locative_prepositions'))})[ \t]+(?:the[ \t]+)?$"
)
# A preposition of place right before a name, which makes it a place: "a grower in Kisii said"
# ("according to" and "told to" name people).
_IN_PLACE = re.compile(
    rf"\b(?:{longest_first(lang.words('locative_prepositions') - {'to', 'into'})})[ \t]+$"
)
# A preposition whose object is no speaker, and the capitalised words of a name after it: "took
# to Facebook to call", "an email to Harbour Weekly defending".
_MEDIUM = re.compile(
    rf"\b(?:{longest_first(lang.words('medium_prepositions'))})[ \t\u00a0]+(?:the[ \t\u00a0]+)?"
    r"(?:[A-Z][\w’'&.-]*[ \t\u00a0]+){0,3}$"
)
# A word before a place's name: "born in", "the town of", "the".
_PLACE_BEFORE = re.compile(
    rf"\b(?:{longest_first(lang.words('place_before'))})[ \t\u00a0]+$", re.IGNORECASE
)
# The classes of groups that take part in a story's event: "both sides" may be them.
_STORY_CLASSES = frozenset(STORY_GROUPS.values())
# Words that open a place's name: "New Jersey", "North Dakota".
_COMPASS = lang.words("compass_words")

# Who issued a document, after its noun: "a report published on Tuesday by", "a statement from"
# (not "a memo seen by": who saw it did not write it).
_ISSUED_BY = re.compile(
    r"(?:[ \t]+(?!seen\b|obtained\b|reviewed\b|read\b|leaked\b)[\w,-]+){0,4}?"
    r"[ \t]+(?:by|from)[ \t]+"
)
# An occupation in apposition after a name: ", a nurse", ", the retired firefighter".
_OCCUPATION_APPOSED = re.compile(r",[ \t]+(?:a|an|the)[ \t]+((?:[\w-]+[ \t]+){0,2}[a-z]+)\b")
# A verb after the subject of a reported clause: "said the candidate could win".
_COMPLEMENT = re.compile(rf"[ \t]+(?:{longest_first(lang.words('auxiliary_verbs'))})\b")
# A comma and a reporting verb later in a quote's sentence: ", said", ", says".
_LATER_ATTRIBUTION = re.compile(
    rf",[ \t]+(?:{longest_first(lang.words('later_attribution_verbs'))})[ \t]+"
)
# A comma, a subject (group 1) and such a verb that end the sentence: ", Lind said.".
_ENDING_ATTRIBUTION = re.compile(
    r",[ \t\u00a0]+([^,;:“”\"\n]{1,60}?)[ \t\u00a0]+"
    rf"(?:{longest_first(lang.words('later_attribution_verbs'))})[ \t\u00a0]*[.!?]?[ \t]*$"
)
# A word that opens a sentence with an adverbial phrase or clause before its subject: "In a swipe
# at X, Y said", "When asked about X, Y said", "After X lost, Y said", "And after X lost, Y …".
_FRONTING = lang.words("fronting_words")
_FRONTED = re.compile(
    rf"[ \t]*(?:(?:{longest_first(w.capitalize() for w in _CLAUSE_JOINTS)})[ \t]+"
    rf"(?:{longest_first(w.lower() for w in _FRONTING)})|{longest_first(_FRONTING)})\b"
)
# A clause that opens with its verb before the speaker's name: "Said Lind, “…”", "Continued
# Lind: “…”" (group 1: the name).
_INVERTED = re.compile(
    rf"[ \t]*(?:{longest_first(w.capitalize() for w in lang.words('inverting_verbs'))})"
    r"[ \t]+([A-Z][^,:;\n]{1,60}?)[ \t]*[,:][ \t]*$"
)
# The blocks at the top of an article whose quotes may echo later ones (a headline, a standfirst).
_ECHO_BLOCKS = 3
# A label that opens a paragraph of a transcript, bold marks around it allowed: "Quell: ",
# "MINISTER OKAFOR: ", "**Brenner:** ", "Q: ", "The Courier: " (group 1: the label).
_TURN_LABEL = re.compile(
    r"(?:\*\*|__)?([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})(?:\*\*|__)?[ \t]*:"
    r"(?:\*\*|__)?[ \t]+"
)
# Labels of the one who asks and the one who answers: "q" -> "question", "a" -> "answer".
_TURN_LABELS = lang.table("turn_labels")
# How many paragraphs labels must open for an article to be a transcript.
_TURNS_MIN = 2
# Words of a title before a name in a label: "MINISTER OKAFOR", "DR QUELL".
_LABEL_TITLES = TITLE_WORDS | HONORIFICS | ROLE_NOUNS
# Words beside the time that opens a live blog's entry: "Updated", "Posted at".
_UPDATE_WORDS = longest_first(lang.words("update_words"))
# The ASCII characters an entry's time may open with: a digit, or in either case the first letter
# of an update word (a paragraph that opens with another ASCII character is not tried).
_ENTRY_INITIALS = frozenset("0123456789") | {
    case(word[0]) for word in lang.words("update_words") for case in (str.lower, str.upper)
}
_CLOCK_TIME = (
    r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]?[AaPp]\.?[Mm]\b\.?)?"
    r"|(?:1[0-2]|0?[1-9])[ \t]?[AaPp]\.?[Mm]\b\.?)"
)
# The time that opens an entry of a live blog, alone on its line or before a dash: "10:45 GMT",
# "2.15pm", "Updated 14:02", "14:05 BST — Updated", "11:20 — ".
_ENTRY_TIME = re.compile(
    rf"(?i:(?:{_UPDATE_WORDS})[ \t:]+)*{_CLOCK_TIME}(?:[ \t]+[A-Z]{{2,4}}\b)?"
    rf"(?:[ \t]*[—–|-]?[ \t]*(?i:{_UPDATE_WORDS}))*[ \t]*(?:$|[—–|][ \t]*)"
)
# A question its subject was asked, opening a sentence before a comma: "Asked whether X would
# resign, ", "When pressed about X, ".
_ASKED = re.compile(
    rf"[ \t]*(?:(?i:when|after|once|if)[ \t]+)?(?i:{longest_first(lang.words('asking_verbs'))})\b"
    r"[^\n]*,[ \t]*"
)
# How many paragraphs of a live-blog entry after its time may hold its heading.
_ENTRY_HEAD_BLOCKS = 2
# How many entries make an article a live blog.
_ENTRIES_MIN = 2
# What opens the sentence after a quote paragraph that names its speaker: "That was X".
_IDENTIFYING = re.compile(rf"(?i:{longest_first(lang.words('identifying_openers'))})[ \t]+")
# What is not a word, for comparing the words of two quotes.
_WORDS_ONLY = re.compile(r"[^\w’']+")
# A word that describes a role's holder, not the role: "four-term", "34-year-old", "long-time".
_DESCRIBING = re.compile(r"\d|\w-\w")
# Abbreviated titles and the roles they stand for: "Sen." is the senator.
_SPELLED_TITLES = {
    title: frozenset(nouns.split()) for title, nouns in lang.table("title_abbreviations").items()
}


def _same_role(held: str, named: str) -> bool:
    """Whether the last word of a role held ("sen" of "Sen. Lou Parks") is the role a
    description names ("senator")."""
    return held == named or named in _SPELLED_TITLES.get(held, ())


# An age in a description: "34-year-old" of "the 34-year-old striker".
_AGED = re.compile(r"\b\d{1,3}-year-old\b")
# A person described by age or nationality as a subject: "the 24-year-old", "the Norwegian".
_DESCRIBED_PERSON = re.compile(r"\b[Tt]he[ \t]+(?:(\d{1,3})-year-old|([A-Z][a-z]+))$")
# Several holders of a role or an occupation as a subject: "the researchers", "the paramedics".
_PLURAL_HOLDER_WORDS = tuple(sorted(OCCUPATIONS_PLURAL | {noun + "s" for noun in ROLE_NOUNS}))
_PLURAL_HOLDER = re.compile(
    r"\b[Tt]he[ \t]+((?:[a-z][\w’'-]*[ \t]+)?(?:" + longest_first(_PLURAL_HOLDER_WORDS) + r"))$"
)
# Someone who speaks for a named person or body, as a subject: "A spokesperson for Amorelo
# Cortiças", "a lawyer for the Vance family" (group 1: the description without its article).
_AGENT_NOUNS = lang.entries("agent_nouns")
# One of them, looked for before the pattern (most subjects hold none).
_AGENT_STEM = re.compile("|".join(map(re.escape, _AGENT_NOUNS)))
_AGENT_FOR = re.compile(
    r"(?:^|(?<=[\s,;:(—–]))(?:[Aa]n?|[Tt]he|[Oo]ne)[ \t]+((?:[a-z][\w’'-]*[ \t]+){0,2}?"
    rf"(?:{'|'.join(_AGENT_NOUNS)})[ \t]+(?:for|of|at|to)[ \t]+(?:the[ \t]+)?[A-Z][\w’'.&-]*"
    r"(?:[ \t]+(?:[A-Z][\w’'.&-]*|of|and|&|the|for))*)$"
)
# The words that link an agent to whom they speak for: "spokesperson for", "lawyer of".
_AGENT_LINKS = frozenset({"for", "of", "at", "to"})
# "the" or "this" right before a document's noun, or before one word that qualifies it.
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)[ \t]+(?:[\w-]+[ \t]+)?$")
# What says its subject issued the document after it: "X said in a statement", "X published
# on Monday a report" (not "X had characterised the document as ...").
_ISSUING_BEFORE = re.compile(
    rf"\b(?:(?:{longest_first(lang.words('said_in_verbs'))})[ \t]+in|"
    rf"{longest_first(lang.words('issuing_verbs'))})[ \t]+(?:[\w’'-]+[ \t]+){{0,4}}$"
)
# "In a statement," opening the sentence whose subject issued it.
_IN_A = re.compile(
    r"(?:^|[.!?\n][ \t]*|\b)[Ii]n[ \t]+(?:a|an|its|the|their|his|her)[ \t]+(?:[\w-]+[ \t]+)?$"
)
# The words after "In a statement" before its subject.
_AFTER_COMMA = re.compile(r"[ \t]*,[ \t]*")
# How far back and how many earlier mentions of a document's noun are read for its issuer.
_ISSUER_REACH = 3000
_ISSUER_TRIES = 3


# --- what a rule answers ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    """The quote is this actor's: "“We won,” said Ada Lind" gives Ada Lind's key.

    `borrowed`: how sure the answer it was taken from is, when a rule gives a quote the speaker
    of another ("“…,” Lind said. “…”"): no surer than that one."""

    key: str
    borrowed: float = 1.0


@dataclass(frozen=True, slots=True)
class Nobody:
    """The text gives the quote to no actor, and no later rule may: "the report states “…”"."""


@dataclass(frozen=True, slots=True)
class Unknown:
    """This rule found no speaker; the next one may."""


NOBODY = Nobody()
UNKNOWN = Unknown()
# What a speaker rule answers.
Attribution = Speaker | Nobody | Unknown


def _speaker(key: str | None) -> Attribution:
    """The actor `key` names, if any."""
    return Speaker(key) if key is not None else UNKNOWN


@dataclass(frozen=True, slots=True)
class _Mark:
    """One quotation: the words inside (`inner`) and the marks around them (`outer`)."""

    inner: Span
    outer: Span
    closed: bool = True
    nested_in: Span | None = None  # the words of the quote this one stands in


class _Cover:
    """Positions inside any of a growing set of spans, as sorted disjoint runs: `at in cover`
    is a bisect, not a look at every span."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, span: Span) -> None:
        if span.end <= span.start:
            return
        i = bisect.bisect_left(self.ends, span.start)  # the first run that ends at or after it
        j = bisect.bisect_right(self.starts, span.end)  # past the last run that starts by its end
        start, end = span.start, span.end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def __contains__(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]


def find_quotes(text: str, blocks: Sequence[Block], book: ActorBook) -> list[Quote]:
    """Quotes with speakers (Actor.key). A speaker only a quote names ("said Ana Ruiz", where
    nothing else did) is written into `book`, the document's actors, which later stages read."""
    context = _Context(text, blocks, book)
    positions = _mark_positions(text)
    quotes: list[Quote] = []
    for block_index, block in enumerate(blocks):
        if block.post is not None:
            author = context.first_mention(block.post.author.start, block.post.author.end)
            body = block.post.body
            key = author.key if author else None
            confidence = POST_AUTHOR if key is not None else UNATTRIBUTED
            quotes.append(Quote(body, body.of(text), key, confidence=confidence))
            continue
        first = bisect.bisect_left(positions, block.span.start)
        last = bisect.bisect_left(positions, block.span.end, first)
        if first == last:
            continue  # no quotation mark in the paragraph: about half of them
        for mark in _marks(text, block.span, positions[first:last]):
            quote = context.quote(mark, block_index)
            if quote is not None:
                quotes.append(quote)
    return _echoes(_carry_over(quotes, context), context)


# --- quotation marks ----------------------------------------------------------------------------


def _mark_positions(text: str) -> list[int]:
    """Where the characters of _MARK_CHARS stand in `text`, in order."""
    found: list[int] = []
    for char in _MARK_CHARS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _marks(text: str, span: Span, positions: list[int]) -> list[_Mark]:
    """The quotes of the paragraph `span`, whose mark characters stand at `positions`."""
    outers, nested = _double_quotes(text, span, positions)  # outers: one after the other
    singles = _single_quotes(text, span, positions)
    if not singles and not nested:
        if not outers:
            return []  # apostrophes only: "it’s", "the ’90s"
        return [m for m in outers if _NOT_SPACE.search(text, m.inner.start, m.inner.end)]
    doubles = outers + nested if nested else outers
    if outers:
        double_starts = [d.inner.start for d in outers]
        for k, single in enumerate(singles):
            i = bisect.bisect_right(double_starts, single.outer.start) - 1
            if i >= 0 and outers[i].inner.contains(single.outer):
                singles[k] = _Mark(single.inner, single.outer, nested_in=outers[i].inner)
    return sorted(
        [m for m in doubles + singles if _NOT_SPACE.search(text, m.inner.start, m.inner.end)],
        key=lambda m: m.inner.start,
    )


def _opens(text: str, at: int, start: int) -> bool:
    """A mark at `at` may open a quote: at the block start or after space or a bracket."""
    return at == start or text[at - 1].isspace() or text[at - 1] in "([{—–-/:“‘"


def _double_marks(text: str, span: Span, positions: list[int]) -> Iterator[tuple[int, str, int]]:
    """(start, mark, end) of the double marks in the span, read from the mark characters at
    `positions` (those in the span), as `re.finditer(r"“|”|\"|``|''", text, span.start,
    span.end)` finds them: left to right, a doubled mark not overlapping another."""
    resume = span.start
    for at in positions:
        if at < resume:
            continue  # the second half of a doubled mark
        char = text[at]
        if char in '“”"':
            yield at, char, at + 1
        elif char in "`'" and at + 1 < span.end and text[at + 1] == char:
            yield at, char + char, at + 2
            resume = at + 2


def _single_marks(text: str, span: Span, positions: list[int]) -> Iterator[tuple[int, str]]:
    """(start, mark) of the single marks in the span, read from the mark characters at
    `positions`: a curly single mark, or an apostrophe with no apostrophe right before it (even
    before the span) nor after it in the span."""
    for at in positions:
        char = text[at]
        if char in "‘’" or (
            char == "'"
            and not (at and text[at - 1] == "'")
            and not (at + 1 < span.end and text[at + 1] == "'")
        ):
            yield at, char


def _double_quotes(text: str, span: Span, positions: list[int]) -> tuple[list[_Mark], list[_Mark]]:
    """The quotes in double marks, and those nested in them (curly ones in straight ones)."""
    out: list[_Mark] = []
    nested: list[_Mark] = []
    opened: int | None = None
    inside = 0  # where the words of the open quote start
    curly: int | None = None  # a curly quote opened inside a straight one: "… “Equal Justice” …"
    inner: list[tuple[int, int, int]] = []  # (opening, words start, closing) of those
    for at, mark, mark_end in _double_marks(text, span, positions):
        if opened is None:
            if mark not in _CLOSE_ONLY and _opens(text, at, span.start):
                opened, inside = at, mark_end
                inner = []
        elif curly is not None:
            if mark == "”":
                inner.append((curly, curly + 1, at))
                curly = None
            elif mark == '"':  # the straight quote closes after all; the curly one never did
                out.append(_Mark(Span(inside, at), Span(opened, mark_end)))
                opened = curly = None
        elif mark == "“" and text[opened] == '"' and _opens(text, at, span.start):
            curly = at
        elif mark not in _OPEN_ONLY or _typed_closing(text, at, span.end):
            words = Span(inside, at)
            out.append(_Mark(words, Span(opened, mark_end)))
            if inner:
                nested.extend(
                    _Mark(Span(i, c), Span(o, c + 1), nested_in=words) for o, i, c in inner
                )
            opened = None
        else:
            opened, inside = at, mark_end  # a second opening mark: the first never closed
            inner = []
    if opened is not None and inside < span.end:
        words = Span(inside, span.end)
        out.append(_Mark(words, Span(opened, span.end), closed=False))
        nested.extend(_Mark(Span(i, c), Span(o, c + 1), nested_in=words) for o, i, c in inner)
    return out, nested


def _typed_closing(text: str, at: int, end: int) -> bool:
    """An opening mark typed where a closing one belongs: right after a word or its comma and
    before a space or the paragraph's end ("“The tide turned early,“ said X")."""
    return (
        at > 0
        and not text[at - 1].isspace()
        and text[at - 1] not in "([{—–-/:“‘"
        and (at + 1 >= end or text[at + 1].isspace())
    )


def _single_quotes(text: str, span: Span, positions: list[int]) -> list[_Mark]:
    out: list[_Mark] = []
    opened: int | None = None
    for at, mark in _single_marks(text, span, positions):
        after = text[at + 1] if at + 1 < span.end else " "
        if opened is None:
            if mark != "’" and _opens(text, at, span.start) and after.isalpha():
                opened = at
            continue
        if after.isalnum() or text[at - 1].isspace():
            continue  # "it’s", "rock ’n’ roll": an apostrophe
        if _PLURAL_POSSESSIVE.match(text, at - 1) and _LATER_CLOSE.search(
            text, at + 1, min(span.end, opened + 200)
        ):
            continue  # "the Jones' car", with the closing mark still to come
        if mark == "‘":
            opened = at
            continue
        if at - opened <= 200 and "\n" not in text[opened:at]:
            out.append(_Mark(Span(opened + 1, at), Span(opened, at + 1)))
        opened = None
    return out


# --- speakers -----------------------------------------------------------------------------------


class _Context:
    """The document's actors and sentences, and the speaker rules over them."""

    def __init__(self, text: str, blocks: Sequence[Block], book: ActorBook) -> None:
        self.text = text
        self.blocks = blocks
        self.book = book
        self.quoted = _Cover()  # the words inside the quotes read so far
        self.quoted_ends: list[int] = []  # where they end, in order
        self.role_keys: dict[str, str | None] = {}  # last word -> the first "role:" key ending so
        self.block_starts_in_order = [b.span.start for b in blocks]
        self.sentences = sorted(
            chain.from_iterable(b.sentences for b in blocks), key=attrgetter("start", "end")
        )
        self.sentence_starts = [s.start for s in self.sentences]
        self.persons = [a for a in book.actors() if a.kind is ActorKind.PERSON]
        self.person_mentions = {a.key: a.mentions for a in self.persons}
        # key -> the word before one of the person's mentions that tells sex or kinship (_cue),
        # read when first asked for: most articles resolve no pronoun and name no relative.
        self.cues: dict[str, str | None] = {}
        self.sexes: dict[str, str | None] = {}  # key -> sex, read when first asked for
        self._relatives: dict[str, str] | None = None
        self.last_quote: tuple[int, Quote] | None = None
        self.block_quotes: list[tuple[int, Quote]] = []  # the last quote of each paragraph
        # (paragraph, key, confidence) of the last speaker
        self.last_speaker: tuple[int, str, float] | None = None
        self.places: dict[str, bool] = {}  # key -> whether the actor is a place (is_place)
        self.words: Span | None = None  # the words of the quote being attributed
        self._turns: dict[int, tuple[int, Attribution]] | None = None  # see `turns`
        # The paragraphs that open a live blog's entries with their time ("10:45 GMT"), in
        # order; empty for any other article.
        self.entries = _entries(text, blocks)
        # Where a dateline names a place ("OSLO, May 2 (Agency) -"): never a sentence's subject.
        # Only a mention that opens a line may be one, which is tested before the call.
        self.datelines = frozenset(
            m.start
            for m in book.mentions
            if (m.start == 0 or text[m.start - 1] == "\n")
            and is_dateline_place(text, m.start, m.end)
        )

    @cached_property
    def block_starts(self) -> frozenset[int]:
        return frozenset(b.span.start for b in self.blocks)

    @cached_property
    def block_ends(self) -> frozenset[int]:
        return frozenset(b.span.end for b in self.blocks)

    # actors and mentions

    def sex(self, key: str) -> str | None:
        """ "m", "f" or None, from the word before one of the person's mentions ("Ms", "her
        father,") or else the given name (_sex_of); read when first asked for."""
        if key not in self.sexes:
            if key in self.person_mentions:
                cue = self.cue(key)
            else:
                cue = _cue(self.text, self.book.spans(key))
            self.sexes[key] = self._sex_of(key, cue)
        return self.sexes[key]

    def cue(self, key: str) -> str | None:
        """The cue word of a person known before the quotes were read (see `cues`)."""
        if key not in self.cues:
            self.cues[key] = _cue(self.text, self.person_mentions[key])
        return self.cues[key]

    @property
    def relatives(self) -> dict[str, str]:
        """Kinship word -> the person it names ("father" -> "her father, Emmanuel Okafor"),
        built when first asked for: a kinship word counts after another cue came first ("Mrs
        Okonkwo", then "her mother, Mrs Ifeoma Okonkwo")."""
        if self._relatives is None:
            cues = {actor.key: self.cue(actor.key) for actor in self.persons}
            self._relatives = {_KIN.get(cue, cue): key for key, cue in cues.items() if cue}
            for actor in self.persons:
                if cues.get(actor.key) not in _RELATIVES:
                    kin = _kin_cue(self.text, actor.mentions)
                    if kin is not None:
                        self._relatives.setdefault(_KIN.get(kin, kin), actor.key)
        return self._relatives

    def _sex_of(self, key: str, cue: str | None) -> str | None:
        """The sex a cue word tells, else the given name of a full name ("Tomas Lind"; not a
        name of one word, which may be a surname: "Warren")."""
        if cue is not None:
            return _SEX.get(cue)
        words = self.book.name(key).split()
        return _name_sexes().get(fold(words[0])) if len(words) > 1 else None

    def mention_at(self, start: int) -> Mention | None:
        return self.book.mention_at(start)

    def mention_ending(self, end: int) -> Mention | None:
        for mention in self.book.mentions_before(end, limit=8):
            if mention.end == end or (
                mention.end < end and self.text[mention.end : end] in {"’s", "'s", "’", "'"}
            ):
                return mention
        return None

    def first_mention(self, start: int, limit: int) -> Mention | None:
        """The first mention starting in [start, limit) that is no dateline's place."""
        for mention in self.book.mentions_in(start, limit):
            if mention.start not in self.datelines:
                return mention
        return None

    def _named_in(self, start: int, limit: int) -> Mention | None:
        """The first person named in [start, limit), else the first actor: the name after
        "Bank of England Governor" is the governor's."""
        found = [
            m
            for m in self.book.mentions_in(start, limit)
            if not self.is_place(m.key) and m.start not in self.datelines
        ]
        persons = [m for m in found if m.kind is ActorKind.PERSON]
        if persons:
            return persons[0]
        return found[0] if found else None

    def last_of(
        self,
        kinds: set[ActorKind],
        before: int,
        *,
        match: Callable[[Mention], bool] | None = None,
    ) -> Mention | None:
        """The last mention before `before` of one of `kinds`, outside quotes, that `match`
        accepts, among the _LOOK_BACK mentions before it."""
        for mention in self.book.mentions_before(before, limit=_LOOK_BACK):
            if (
                mention.kind in kinds
                and mention.start not in self.quoted
                and not self.is_place(mention.key)
                and (match is None or match(mention))
            ):
                return mention
        return None

    def is_place(self, key: str) -> bool:
        """A "person" whose name is a place ("Montana", "North Dakota Republican"), or who is
        named twice or more, each time as a place is ("born in X", "the X bus depot"): never a
        speaker, nor whom a pronoun stands for."""
        if key not in self.places:
            self.places[key] = self.book.kind(key) is ActorKind.PERSON and (
                _place_like(self.book.name(key)) or self._named_as_place(key)
            )
        return self.places[key]

    def _named_as_place(self, key: str) -> bool:
        spans = self.book.spans(key)
        return len(spans) > 1 and all(
            _PLACE_BEFORE.search(self.text, max(0, s.start - 12), s.start) for s in spans
        )

    # sentences

    def sentence_of(self, at: int) -> Span:
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        if i >= 0 and self.sentences[i].start <= at < self.sentences[i].end:
            return self.sentences[i]
        return Span(at, at)

    # quotes

    def quote(self, mark: _Mark, block_index: int) -> Quote | None:
        """The quote `mark` encloses with the speaker of the first rule of RULES that names
        one, or None for a title or a scare quote."""
        site = self._site(mark, block_index)
        if site is None:
            return None
        self.words = mark.inner
        found: Attribution = UNKNOWN
        confidence = UNATTRIBUTED
        for rule in RULES:
            found = rule.find(site)
            if found is UNKNOWN:  # the one Unknown value: most rules for most quotes
                continue
            if isinstance(found, Speaker) and self.is_place(found.key):
                found = UNKNOWN  # "…,” Montana said": a place is no speaker
            if isinstance(found, Speaker):
                named = self._named_near(found.key, site)
                confidence = min(
                    found.borrowed,
                    rule.named if named else rule.resolved,
                    self._speaker_surety(found.key),
                )
                break
            if isinstance(found, Nobody):
                confidence = NOBODY_SAID
                break
        if isinstance(found, Unknown) and site.scare:
            return None  # a scare quote, or the title of a work
        speaker = found.key if isinstance(found, Speaker) else None
        quote = Quote(mark.inner, mark.inner.of(self.text), speaker, confidence=confidence)
        if mark.nested_in is None:
            self.last_quote = (block_index, quote)
            if self.block_quotes and self.block_quotes[-1][0] == block_index:
                self.block_quotes[-1] = (block_index, quote)
            else:
                self.block_quotes.append((block_index, quote))
        if speaker is not None:
            self.last_speaker = (block_index, speaker, confidence)
        return quote

    def _speaker_surety(self, key: str) -> float:
        """How sure any rule can be of this speaker, by what it is: a person with a full name;
        a person known by one word (it may be a capitalised word misread as a name); an
        organisation, a country or a group (whose words a spokesperson or a member says)."""
        if self.book.kind(key) is not ActorKind.PERSON:
            return SURE_NOT_PERSON
        return 1.0 if len(self.book.name(key).split()) > 1 else SURE_ONE_WORD_NAME

    def _named_near(self, key: str, site: _Site) -> bool:
        """Whether the speaker is named in the quote's sentence, rather than found through a
        pronoun, a description or an earlier sentence."""
        return self.book.named_in(key, site.before.start, site.after.end)

    def _site(self, mark: _Mark, block_index: int) -> _Site | None:
        """Where the quote stands and the words before and after it that may attribute it;
        None for the title of a work."""
        text = self.text
        # The clause starts after the last quote read that ends before this one.
        earlier = bisect.bisect_left(self.quoted_ends, mark.outer.start) - 1
        bisect.insort(self.quoted_ends, mark.inner.end)
        self.quoted.add(mark.inner)
        if _is_title_of_work(text, mark):
            return None
        first = self.sentence_of(mark.outer.start)
        last = self.sentence_of(max(mark.outer.end - 1, mark.outer.start))
        clause_start = first.start
        if earlier >= 0:
            clause_start = max(clause_start, self.quoted_ends[earlier] + 1)
        if mark.nested_in is not None:
            clause_start = max(clause_start, mark.nested_in.start)
        clause_start = max(clause_start, text.rfind(";", clause_start, mark.outer.start) + 1)
        before = Span(clause_start, mark.outer.start)
        end = max(last.end, mark.outer.end)
        if mark.nested_in is not None:
            end = min(end, mark.nested_in.end)
        if mark.nested_in is None and mark.closed:
            end = self._attribution_end(mark.outer.end, end, block_index)
        return _Site(self, mark, block_index, first, before, Span(mark.outer.end, end))

    def _after_fronted(self, start: int, end: int) -> int:
        """Where the subject of a clause at `start` may be named: past a phrase that opens it
        before a comma ("In a swipe at Lind, Vark said …", "When asked about Lind, Vark …")."""
        fronted = _FRONTED.match(self.text, start, end)
        if fronted is not None:
            comma = self.text.find(",", fronted.end(), end)
            if comma >= 0 and comma not in self.quoted:
                return comma + 1
        return start

    def _clause_start(self, start: int, end: int) -> int:
        """Where the main clause before `end` opens: after the last "; ", ", and", ", while"
        or ", as" before it when a subject opens that clause ("X published the rota, while Lind,
        the crews’ leader, proposed “…”"), else `start`."""
        text = self.text
        joint = _last(_CLAUSE_JOINT.finditer(text, start, end))
        if joint is None or joint.start() in self.quoted:
            return start
        if _SUBJECT_PRONOUN.match(text, joint.end(), end):
            return joint.end()
        mention = self.first_mention(joint.end(), end)
        if (
            mention is None
            or mention.kind not in _SUBJECT_KINDS
            or mention.start in self.quoted
            or not all(_head_word(w) for w in text[joint.end() : mention.start].split())
        ):
            return start
        return joint.end()

    def _sentence_subject(self, start: int, end: int) -> Attribution:
        """The first person or organisation named in [start, end) outside quotes, or the
        person a subject pronoun before them stands for, or the relative it opens with ("Her
        daughter was blunter")."""
        relative = _OPENING_RELATIVE.match(self.text, start, end)
        if relative is not None and (key := self._relative(relative)) is not None:
            return Speaker(key)
        pronoun = _SUBJECT_PRONOUN.search(self.text, start, end)
        while pronoun is not None and pronoun.start() in self.quoted:
            pronoun = _SUBJECT_PRONOUN.search(self.text, pronoun.end(), end)
        limit = pronoun.start() if pronoun is not None else end
        owner = None  # "Lind’s deputy, Tom Vark, …": the owner only when no one else is named
        for mention in self.book.mentions_in(start, limit):
            if (
                mention.kind in _SUBJECT_KINDS
                and mention.start not in self.quoted
                and not self.is_place(mention.key)
            ):
                if not _possessive(self.text, mention.end):
                    return Speaker(self._qualified_holder(mention, limit).key)
                owner = owner or mention
        if owner is not None:
            return Speaker(owner.key)
        if pronoun is not None:
            key = self._pronoun(pronoun.group().lower(), pronoun.start())
            return _speaker(key)
        return UNKNOWN

    def _previous_sentence(self, sentence: Span, block_index: int) -> Span | None:
        """The sentence before `sentence` in its paragraph, or the paragraph before's last."""
        i = bisect.bisect_left(self.sentence_starts, sentence.start) - 1
        if i < 0:
            return None
        previous = self.sentences[i]
        if self.blocks[block_index].span.start <= previous.start:
            return previous
        if block_index > 0 and self.blocks[block_index - 1].span.start <= previous.start:
            return previous
        return None

    def _attribution_end(self, close: int, end: int, block_index: int) -> int:
        """Where the words after a quote that may name its speaker end: the quote's sentence, or,
        when the quote ends it ("“Why now?” Vark asked." is split after the mark), the next
        sentence of the paragraph."""
        following = _NOT_SPACE.search(self.text, close, self.blocks[block_index].span.end)
        if following is None or following.start() < end:
            return end
        sentence = self.sentence_of(following.start())
        return max(end, sentence.end)

    def _after(self, after: Span, start: int, verb: re.Match[str] | None) -> Attribution:
        """ "…,” said X", "…,” she added", "…,” X, the chief negotiator, told", "according to X".
        `start`: where the words after the quote start (_after_lead_end); `verb`: the reporting
        verb there, if any."""
        text = self.text
        according = _ACCORDING.match(text, start, after.end)
        if according:
            return self._named_at(_source_at(text, according.end(), after.end), after.end)
        if verb:
            return self._named_at(_skip_space(text, verb.end()), after.end)
        opener = _LOWER_WORD.match(text, start, after.end)
        if (
            opener is not None
            and opener.group() in _CLAUSE_OPENERS
            and opener.group() not in _OBJECT_RELATIVES
        ):
            # "…” and Vark says", "…” until Vark said", "…” for Vark to attack", "…” on
            # dozens of receipts": another clause, whose subject did not say the quote; but
            # "the “…” that Vark denounced" is Vark's
            return UNKNOWN
        subject = self._subject_at(start, after.end)
        if subject is None:
            subject = self._role_at(start, after.end)
        if subject is None:
            # "…,” the 44-year-old Lind said"
            gap = _WORDS_GAP.match(text, start, after.end)
            assert gap is not None, "_WORDS_GAP matches zero words too"
            mention = self.first_mention(start, gap.end() + 1)
            subject = (mention.key, mention.end) if mention is not None else None
        if subject is None:
            name = _NAME_RUN.match(text, start, after.end)
            if name and _reporting_at(text, _skip_fillers(text, name.end(), after.end)):
                found = self._bare_name(name)
                if not isinstance(found, Unknown):
                    return found
            acronym = _ACRONYM.match(text, start, after.end)
            if (
                acronym is not None
                and acronym.group().lower() not in _COMMON_ACRONYMS
                and _reporting_at(text, _skip_fillers(text, acronym.end(), after.end))
            ):  # "“…,” KPA said": an organisation no actor holds
                span = Span(acronym.start(), acronym.end())
                return self._named(acronym.group(), ActorKind.ORGANIZATION, span)
        if subject is not None:
            key, end = subject
            if text.startswith(",", end):  # an apposition: ", the union's chief negotiator,"
                comma = text.find(",", end + 1, min(after.end, end + 120))
                end = comma + 1 if comma > 0 else end
            rest = _skip_fillers(text, end, after.end)
            if _reporting_at(text, rest, after.end):
                return Speaker(key)
        return UNKNOWN

    def _described_after(self, verb: re.Match[str] | None, limit: int) -> Attribution:
        """The person a description after the reporting verb that follows a quote (`verb`)
        names, before `limit` (see _described_name)."""
        if verb is None:
            return UNKNOWN
        key = self._described_name(_skip_space(self.text, verb.end()), limit)
        return UNKNOWN if key is None else Speaker(key)

    def _described_name(self, start: int, limit: int) -> str | None:
        """The person whose name ends the words after "said" that describe her: "…,” said
        Dunmore resident Ada Lind", "…,” said Vark campaign volunteer Ada Lind" (not the place,
        nor the person the description names first), "…,” added his site engineer Ada Lind,
        who …", "…,” said Vark fundraiser Ada Lind in an email"; or whose name follows it
        after a comma: "…,” said Vark’s deputy, Ada Lind, who …", "…,” wrote the consul at the
        time, Ada Lind". None when a verb, a pronoun or a word that opens a clause stands in the
        description ("said the owner when she met X")."""
        text = self.text
        end = min(limit, start + _DESCRIPTION_REACH, self.sentence_of(start).end or limit)
        stop = _DESCRIPTION_END.search(text, start, end)
        end = stop.start() if stop is not None else end
        while end > start and text[end - 1] in " \t\u00a0.":
            end -= 1
        first = _WORD_START.match(text, start, end)
        opened = first is not None and first.group().lower() in _DESCRIPTION_OPENERS
        at = first.end() if first is not None and opened else start  # past "his", "the"
        for mention in self.book.mentions_in(start + 1, end):
            if mention.kind is not ActorKind.PERSON or self.is_place(mention.key):
                continue
            if any(fold(w) in _NOT_DESCRIPTION for w in text[at : mention.start].split()):
                return None
            if self._ends_description(mention, limit):
                return mention.key
        if stop is None or text[stop.start()] != ",":
            return None
        owner = _WORD_RUN.match(text, start, end)  # "Vark’s deputy, Ada Lind"
        if not opened and (owner is None or not owner.group().endswith(("’s", "'s"))):
            return None
        words = text[at:end].split()
        if len(words) > _APPOSED_DESCRIPTION_WORDS or any(
            fold(w) in _NOT_APPOSED_DESCRIPTION for w in words
        ):
            return None
        named = self.mention_at(_skip_space(text, stop.end()))
        if (
            named is None
            or named.kind is not ActorKind.PERSON
            or self.is_place(named.key)
            or not self._ends_description(named, limit)
        ):
            return None
        return named.key

    def _ends_description(self, mention: Mention, limit: int) -> bool:
        """Whether the clause ends after the mention, or a clause or a phrase opens ("X when
        asked", "X in a statement", "X, who"), rather than the description going on ("Vark
        campaign volunteer X", "Vark’s deputy")."""
        follows = _AFTER_DESCRIBED.match(self.text, mention.end, limit)
        return follows is not None and (follows[1] is None or follows[1] in _CLAUSE_OPENERS)

    def _clause_subject(self, start: int, limit: int) -> Attribution:
        """The speaker named by the words between a quote and the verb after it: "…,” Ralf
        Mertens, 44, of Ghent, who watched, said", "…,” United manager Petra Lindqvist said",
        "…,” Carla Mendes of The Tribune wrote", "…,” its chair, Ingrid Solberg, said"."""
        text = self.text
        reach = min(limit, start + _SUBJECT_REACH)
        verb = _first_attributing(text, start, reach)
        while verb is not None and _after_determiner(text, start, verb.start()):
            verb = _first_attributing(text, verb.end(), reach)  # "the report said": a noun
        if verb is None or _NOT_SUBJECT.search(text, start, verb.start()):
            return UNKNOWN
        end = verb.start()
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        words = text[start:end]
        first = _LOWER_WORD.match(words)
        if (first is not None and first.group() in _CLAUSE_OPENERS) or words.endswith(("’s", "'s")):
            return UNKNOWN  # "“…” and the club’s continued purchase": a clause, a possessive
        bracket = _BRACKETS.search(words)
        if bracket is not None and bracket.end() == len(words.rstrip(" ,")):
            end = start + bracket.start()
        comma = text.find(",", start, end)
        head_end = comma if comma >= 0 else end
        if comma >= 0:
            apposed = _role_apposed().match(text, start, end)
            if apposed is None or apposed.end() != _skip_space(text, comma + 1):
                # "a study by an influential sociologist, Mikhail Dorn, concluded"
                apposed = _holder_comma().search(text, max(start, comma - 40), end)
            if apposed is not None and apposed.end() == _skip_space(text, comma + 1):
                found = self._apposed_name(apposed.end(), end + 1)
                if not isinstance(found, Unknown):
                    return found
            named = self.mention_at(_skip_space(text, comma + 1))
            if (
                named is not None
                and named.end == end
                and named.kind is ActorKind.PERSON
                and not self.is_place(named.key)
                and self.mention_ending(comma) is None
            ):  # "…,” Vark’s chief of staff, Ada Lind, told": the name apposed to its description
                return Speaker(named.key)
        found = self._phrase_speaker(start, head_end)
        if isinstance(found, Unknown) and comma >= 0:
            last = text.rfind(",", start, end)
            tail = _skip_space(text, last + 1)
            if len(text[tail:end].split()) <= 4:
                found = self._phrase_speaker(tail, end)
        return found

    def _phrase_speaker(self, start: int, end: int) -> Attribution:
        """The person a phrase that names a speaker names: the last person named in it, a
        surname after an honorific, else what ends it (a role, an organisation, a name)."""
        circle = self._circle(start, end)
        if circle is not None:
            return circle
        persons = [m for m in self.book.mentions_in(start, end) if m.kind is ActorKind.PERSON]
        if persons:
            return Speaker(persons[-1].key)
        honored = _HONORED.search(self.text, start, end)
        if honored is not None:
            span = Span(honored.start(1), honored.end(1))
            return Speaker(self.book.person(honored[1], span))
        name = _last(_NAME_RUN.finditer(self.text, start, end))
        if name is not None and name.end() == end:
            found = self._bare_name(name)
            if not isinstance(found, Unknown):
                return found
        return self._subject_ending(end, start)

    def _named_at(self, start: int, limit: int) -> Attribution:
        """The actor named at `start`, over titles and "the": "Arland Minister of Sport Lind";
        past a place before a description: "Oregon orchard grower Ruth Okoye"; a party member
        a place describes: "a North Dakota Republican"."""
        member = _MEMBER_PHRASE.match(self.text, start, limit)
        if member is not None:
            return Speaker(self._member(member))
        mention = self.mention_at(start)
        if mention is not None and self.is_place(mention.key):
            start = _skip_space(self.text, mention.end)
        elif mention is None:
            run = _NAME_RUN.match(self.text, start, limit)
            if run is not None and _place_like(run.group()):
                start = _skip_space(self.text, run.end())
        subject = self._subject_at(start, limit)
        if subject is not None:
            text = self.text
            # "Nils T. Bishop of New York": the name, not a place (nor a word of it) after it.
            between = (
                text.find(" of ", start, subject[1]) >= 0 or text.find(",", start, subject[1]) >= 0
            )
            titled = self._titled_name(start, limit) if between else None
            if titled is not None and titled.end() < subject[1]:
                full = " ".join(titled.group().split())
                return Speaker(self.book.person(full, Span(titled.start(), titled.end())))
            return Speaker(subject[0])
        gap = _NAME_GAP.match(self.text, start, limit)
        mention = self.first_mention(start, min(limit, gap.end() + 1) if gap else start + 1)
        if mention is not None:
            return Speaker(mention.key)
        apposed = _role_apposed().match(self.text, start, limit)
        if apposed is not None:
            found = self._apposed_name(apposed.end(), limit)
            if not isinstance(found, Unknown):
                return found
        role = self._role_at(start, limit)
        if role is not None and not _COMPLEMENT.match(self.text, role[1], limit):
            return Speaker(role[0])  # not "said the candidate could win"
        lower = _LOWER_GAP.match(self.text, start, limit)
        if lower is not None:
            mention = self.mention_at(lower.end())
            if mention is not None and mention.kind is ActorKind.PERSON:
                return Speaker(mention.key)
        name = _NAME_RUN.match(self.text, start, limit)
        return self._bare_name(name) if name is not None else UNKNOWN

    def _titled_name(self, start: int, limit: int) -> re.Match[str] | None:
        """A person no actor holds, named after titles and before "of" or a comma: "said
        Representative Nils T. Bishop of New York", "said Ruth A. Lenz, a former analyst"."""
        text = self.text
        at = _skip_space(text, start)
        while True:
            word = _TITLE_WORD.match(text, at, limit)
            if word is None or fold(word[1]) not in _TITLES_AND_ARTICLES:
                break
            at = word.end()
        name = _INITIALED_NAME.match(text, at, limit)
        if name is None or not _NAME_END.match(text, name.end(), limit):
            return None
        given = next(w for w in name.group().split() if not w.endswith("."))
        if not _could_be_name(given):  # a surname may be a title word: "Nils T. Bishop"
            return None
        return name

    def _apposed_name(self, start: int, limit: int) -> Attribution:
        """The person named after "said its president, ": a known person, or capitalised
        words that end the clause ("…, said a spokesman, Reuters reported" is no name)."""
        mention = self.mention_at(start)
        if mention is not None:
            return Speaker(mention.key) if mention.kind is ActorKind.PERSON else UNKNOWN
        name = _NAME_RUN.match(self.text, start, limit)
        if name is None or not _CLAUSE_END.match(self.text, name.end()):
            return UNKNOWN
        return self._bare_name(name)

    def _subject_at(self, start: int, limit: int) -> tuple[str, int] | None:
        """(key, end) of a pronoun or an actor mention (titles before it allowed) at `start`."""
        text = self.text
        gap = _NAME_GAP.match(text, start, limit)
        gap_end = (gap.end() if gap else start) + 1
        mention = self._named_in(start, gap_end)
        if mention is not None:
            if mention.kind is ActorKind.PERSON:
                mention = self._holder_after(mention, gap_end)
            return mention.key, mention.end
        word = _LETTERS.match(text, start, min(limit, start + 12))
        if word and word.group().lower() in _PRONOUNS_STANDING:
            key = self._pronoun(word.group().lower(), start)
            if key is not None:
                return key, start + len(word.group())
        return None

    def _holder_after(self, mention: Mention, limit: int) -> Mention:
        """The person a role after `mention` names before `limit`, else `mention`: "Lind adviser
        Tom Vark" is Vark."""
        found = mention
        for later in self.book.mentions_in(mention.end, limit):
            if later.kind is not ActorKind.PERSON or self.is_place(later.key):
                continue
            word = _LAST_WORD.search(self.text, max(mention.end, later.start - 30), later.start)
            if word is not None and fold(word.group(1)) in _HOLDER_WORDS:
                found = later
        return found

    def _qualified_holder(self, mention: Mention, limit: int) -> Mention:
        """The person a role right after `mention` names, else `mention`: in "Kestrel Tribune
        columnist Wendell Ashgrove calls …" the paper only qualifies its columnist."""
        gap = _NAME_GAP.match(self.text, _skip_space(self.text, mention.end), limit)
        return self._holder_after(mention, gap.end() + 1) if gap is not None else mention

    def _role_at(self, start: int, limit: int) -> tuple[str, int] | None:
        """(key, end) of an unnamed role holder at `start`: "a company spokesperson"."""
        words = self.text[start : min(limit, start + 60)].split()
        if words[:1] and words[0] not in _PHRASE_OPENERS:
            return None  # all three phrases open with one of these words
        member = _MEMBER_PHRASE.match(self.text, start, limit)
        if member is not None:
            return self._member(member), member.end()
        for n in range(2, min(len(words), 5) + 1):
            phrase = " ".join(words[:n])
            if _ROLE_PHRASE.fullmatch(phrase):
                end = self.text.index(words[n - 1], start) + len(words[n - 1])
                return self._role_holder(Span(start, end)), end
            organisation = _ORG_PHRASE.fullmatch(phrase)
            if organisation is not None:
                end = self.text.index(words[n - 1], start) + len(words[n - 1])
                key = self._organisation(organisation[1], Span(start, end))
                return (key, end) if key is not None else None
        return None

    def _organisation(self, phrase: str, span: Span) -> str | None:
        """The organisation a lower-case phrase names: the last one named with its words ("the
        union" = "Flemish Port Workers' Union"), or for a noun any organisation may go by ("the
        company") the last one named, else a new one named by a phrase of two or more words
        ("the port authority"); a bare "the company" with no organisation before it is None."""
        words = fold(phrase).split()

        def named(mention: Mention) -> bool:
            """Its name ends with the noun ("Port Workers' Union") or opens with it before "of"
            or "for" ("Ministry of Transport")."""
            name = fold(self.book.name(mention.key)).split()
            head = name[-1] == words[-1] if name else False
            head = head or (len(name) > 2 and name[0] == words[-1] and name[1] in {"of", "for"})
            return head and set(words) <= set(name)

        def other_kind(mention: Mention) -> bool:
            """Named as another kind of body: "Ulm Works Council" is no "firm"."""
            name = fold(self.book.name(mention.key)).split()
            return (
                words[-1] not in _GENERIC_ORG_NOUNS
                and bool(name)
                and name[-1] in _ORG_NOUNS
                and name[-1] != words[-1]
            )

        found = self.last_of({ActorKind.ORGANIZATION}, span.start, match=named)
        if found is None and words[-1] in _ANY_ORG_NOUNS:
            found = self.last_of(
                {ActorKind.ORGANIZATION}, span.start, match=lambda m: not other_kind(m)
            )
        if found is not None:
            return found.key
        if len(words) < 2:
            return None
        name = " ".join(phrase.split())
        start = span.end - len(name)
        return self.book.add(
            organisation_key(name), name, ActorKind.ORGANIZATION, Span(start, span.end)
        )

    def _member(self, member: re.Match[str]) -> str:
        """The party member a _MEMBER_PHRASE describes, as the role it names."""
        description = " ".join(member[1].split())
        span = Span(member.start(1), member.end(1))
        return self.book.add(role_key(description), description, ActorKind.GROUP, span)

    def _role_person(self, span: Span) -> str | None:
        """The person last named with the role `span` names ("the minister" = "Economy
        Minister De Smet"), if any."""
        match = _ROLE_PHRASE.search(self.text, span.start, span.end)
        role = " ".join(match[1].split()) if match else span.of(self.text)
        words = fold(role).split()
        # The words of the role to find in the person's, less those that only describe her: "the
        # four-term congressman", "the long-time senator" is the congressman, the senator.
        qualifiers = {word for word in words[:-1] if not _DESCRIBING.search(word)}

        def holds(mention: Mention) -> bool:
            return any(
                r and _same_role(r[-1], words[-1]) and qualifiers <= set(r)
                for r in self.book.role_words(mention.key)
            )

        person = self.last_of({ActorKind.PERSON}, span.start, match=holds)
        if person is None and words[-1] in OCCUPATION_WORDS:
            occupation = words[-1]

            def described(mention: Mention) -> bool:
                """ "Firefighter Ola Brenn", "Ola Brenn, a firefighter from Dunmore"."""
                title = _LAST_WORD.search(self.text, max(0, mention.start - 30), mention.start)
                if title is not None and title.group(1).lower() == occupation:
                    return True
                apposed = _OCCUPATION_APPOSED.match(self.text, mention.end)
                return apposed is not None and occupation in apposed[1].lower().split()

            person = self.last_of({ActorKind.PERSON}, span.start, match=described)
        return person.key if person is not None else None

    def _relative(self, found: re.Match[str]) -> str | None:
        """The relative a `_RELATIVE` match names ("her father"): the person named as that
        relative, else, after "his" or "her", a group for the relative of the person it stands
        for ("Morag Tennant's daughter": the text gives no name)."""
        kin = found[1].lower()
        named = _NAMED_AFTER.match(self.text, found.end())
        if named is not None:  # "Her father, Brad, 39, …": that name, if it is an actor's
            mention = self.first_mention(named.end(), named.end() + 1)
            return mention.key if mention is not None else None
        key = self.relatives.get(_KIN.get(kin, kin))
        possessive = found[0].split()[0].lower()  # the match may open with spaces
        if key is not None or possessive not in _PRONOUNS_PERSON:
            return key
        at = found.end() - len(found[0].lstrip())
        owner = self._pronoun(possessive, at)
        if owner is None or self.book.kind(owner) is not ActorKind.PERSON:
            return None
        name = f"{self.book.name(owner)}'s {kin}"
        return self.book.add(role_key(name), name, ActorKind.GROUP, Span(at, found.end()))

    def _role_holder(self, span: Span) -> str:
        """The person last named with this role ("the minister" = "Economy Minister De Smet"),
        else, when the role gives an age ("the 34-year-old striker"), the last person named, as
        news writes an age only of someone it has named; else a group for the role itself."""
        person = self._role_person(span)
        if person is not None:
            return person
        match = _ROLE_PHRASE.search(self.text, span.start, span.end)
        if match is not None and _AGED.search(match[1]):
            named = self.last_of({ActorKind.PERSON}, span.start)
            if named is not None:
                return named.key
        role = " ".join(match[1].split()) if match else span.of(self.text)
        words = fold(role).split()
        start = span.start + (match.start(1) - match.start() if match else 0)
        if len(words) == 1:  # "the spokesperson" after "a spokesperson for Amorelo Cortiças"

            def speaks_for(mention: Mention) -> bool:
                name = fold(self.book.name(mention.key)).split()
                return len(name) > 2 and name[0] == words[0] and name[1] in _AGENT_LINKS

            agent = self.last_of({ActorKind.GROUP}, span.start, match=speaks_for)
            if agent is not None:
                return self.book.add(agent.key, role, ActorKind.GROUP, Span(start, span.end))
        same = self._role_key(words[-1])
        key = same or role_key(role)
        if same is None:
            for word, found in self.role_keys.items():
                if found is None and key.endswith(word):
                    self.role_keys[word] = key
        return self.book.add(key, role, ActorKind.GROUP, Span(start, span.end))

    def _plural_holders(self, noun: str, span: Span) -> str:
        """The group a plural role or occupation names ("the researchers"): the last group named
        with that noun, else a new one."""
        word = fold(noun).split()[-1]

        def same(mention: Mention) -> bool:
            name = fold(self.book.name(mention.key)).split()
            return bool(name) and name[-1] == word

        found = self.last_of({ActorKind.GROUP}, span.start, match=same)
        if found is not None:
            return found.key
        return self.book.add(role_key(word), word, ActorKind.GROUP, span)

    def _role_key(self, word: str) -> str | None:
        """The first "role:" actor whose key ends with `word` (only _role_holder adds them)."""
        if word not in self.role_keys:
            self.role_keys[word] = next(
                (k for k in self.book if is_role_key(k) and k.endswith(word)),
                None,
            )
        return self.role_keys[word]

    def _before(self, before: Span, after: Span) -> tuple[Attribution, bool]:
        """The subject of the last reporting verb before the quote."""
        text = self.text
        inverted = _INVERTED.match(text, before.start, before.end)
        if inverted is not None:  # "Said Lind, “…”", "Continued Lind: “…”"
            found = self._named_at(inverted.start(1), inverted.end(1))
            if not isinstance(found, Unknown):
                return found, True
        verbs = _reporting_verbs(text, before.start, before.end)
        if not verbs:
            return UNKNOWN, False  # most clauses before a quote: no reporting verb
        clause = [m.span() for m in _WORD_RUN.finditer(text, before.start, before.end)]
        clause_ends = [end for _, end in clause]
        framed = False  # "…, calling him “…”" with no subject before: a quote all the same
        unresolved = False  # a reporting verb whose subject is no actor
        for verb in reversed(verbs):
            # The words of text[before.start : verb.start()] are clause[:count], the last one
            # cut at the verb; fillers right before the verb do not count.
            at = verb.start()
            count = bisect.bisect_right(clause_ends, at)
            if count < len(clause) and clause[count][0] < at:
                count += 1
            while count and _cut(text, clause[count - 1], at).lower() in _FILLERS:
                count -= 1
            last = _cut(text, clause[count - 1], at).lower() if count else ""
            if last in _BE or last in _DETERMINERS or last.endswith(_POSSESSIVE_ENDINGS):
                continue  # passive, or a noun: "his recent comments", "Andres’ comments"
            if last in _PREPOSITIONS_BEFORE_NOUN and verb.group() in SPEECH_NOUNS:
                continue  # a noun: "on dozens of claims", "in remarks to the press"
            if (
                count > 1
                and verb.group() in SPEECH_NOUNS
                and text[clause[count - 1][0]].isupper()
                and self._noun_lead(clause, count - 2)
            ):
                continue  # a noun after a name that qualifies it: "a Facebook comment"
            if last.endswith(",") and verb.group().endswith("ing"):
                if verb is verbs[0] and self.last_quote is not None:
                    previous = self.last_quote[1]
                    if (
                        previous.speaker
                        and previous.span.end < verb.start()
                        and self.sentence_of(verb.start()).start <= previous.span.start
                    ):
                        return Speaker(previous.speaker, previous.confidence), True
                framed = True
                continue  # "…, adding that": the subject of the verb before
            if not count:
                return self._subject_after(after), True
            end = min(clause[count - 1][1], at)
            if last == "and":
                mention = self.first_mention(self._after_fronted(before.start, end), end)
                return (Speaker(mention.key) if mention else UNKNOWN), True
            opening = clause[count - 1][0]
            if last in _PRONOUNS_PERSON and text[max(before.start, opening - 3) : opening].rstrip(
                " \t\u00a0"
            ).endswith(","):  # "Mr Webbe, she said later, “…”": she, not Webbe
                return self._subject_ending(end, before.start), True
            if text[end - 1] == ",":
                apposed = self._apposed_person(before.start, end - 1)
                if apposed is not None:
                    return Speaker(apposed), True
            head = self._appositive_head(before.start, end)
            if head is not None:
                return Speaker(head), True
            if text[end - 1] == ",":
                end = self._skip_parenthesis(before.start, end)
            found = self._subject_ending(end, before.start)
            if isinstance(found, Unknown) and verb is not verbs[0]:
                # "X said member states could notify …": the verb's subject is nobody known,
                # the subject of a reporting verb before it may be the speaker
                unresolved = True
                continue
            return found, True
        return UNKNOWN, framed or unresolved

    def _subject_named(self, span: Span) -> bool:
        """Whether an actor is named in `span` other than as the object of a preposition ("on
        dozens of Quillfeather claims")."""
        for mention in self.book.mentions_in(span.start, span.end):
            word = _LAST_WORD.search(self.text, max(span.start, mention.start - 20), mention.start)
            if word is None or word.group(1).lower() not in _PREPOSITIONS:
                return True
        return False

    def _noun_lead(self, clause: list[tuple[int, int]], i: int) -> bool:
        """Whether the word clause[i] leads a noun phrase: "a", "on", or "of" after a quantity
        ("dozens of")."""
        word = self.text[clause[i][0] : clause[i][1]].lower()
        if word in _NOUN_LEADS:
            return True
        if word != "of" or i == 0:
            return False
        before = self.text[clause[i - 1][0] : clause[i - 1][1]].lower()
        return before in _QUANTITY_NOUNS or before.isdigit()

    def _appositive_head(self, start: int, end: int) -> str | None:
        """The person an apposition before the verb describes, when no person ends it: "X, a
        farmer from Dunmore, Ohio, says", "X of Lakeside, Oregon says", "X — a teacher —
        says". The person opens the clause, or its part after a comma, with only titles and
        roles before it ("Governor X (R-OH), said"), not "a spokesman for X, who …, said"."""
        text = self.text
        last = end
        while last > start and text[last - 1] in " \t\u00a0,—–":
            last -= 1
        if not _APPOSITION_MARK.search(text, start, last):
            return None
        ending = self.mention_ending(last)
        if ending is not None and ending.kind is ActorKind.PERSON:
            return None
        for mention in self.book.mentions_in(start, last):
            if mention.kind is not ActorKind.PERSON or mention.start in self.quoted:
                continue
            if not _APPOSITION.match(text, mention.end, end):
                continue
            opening = max(start, text.rfind(",", start, mention.start) + 1)
            if all(_head_word(w) for w in text[opening : mention.start].split()):
                return mention.key
        return None

    def _apposed_person(self, start: int, comma: int) -> str | None:
        """ "The chancellor, Rachel Whitmore, said": a person named between two commas right
        before the verb is its subject, not the role before it."""
        mention = self.mention_ending(comma)
        if mention is None or mention.kind is not ActorKind.PERSON:
            return None
        opening = self.text.rfind(",", start, mention.start)
        if opening < 0:
            return None
        between = self.text[opening + 1 : mention.start].split()  # titles only: "Dr", "Sen."
        if any(fold(word) not in _TITLES_AND_HONORIFICS for word in between):
            return None
        return mention.key

    def _skip_parenthesis(self, start: int, end: int) -> int:
        """Past ", who spoke by video link," back to the subject before it."""
        comma = self.text.rfind(",", start, end - 1)
        if comma < 0:
            return end - 1
        return comma

    def _subject_ending(self, end: int, start: int) -> Attribution:
        text = self.text
        while end > start and text[end - 1] in " \t,":
            end -= 1
        circle = self._circle(start, end)
        if circle is not None:
            return circle
        if text[end - 1 : end] == ")":  # "The Federation (ITF) said"
            end = text.rfind("(", start, end)
            while end > start and text[end - 1].isspace():
                end -= 1
        # The patterns that end on one of a few words are tried only where one of them ends the
        # words (_ends_with): most subjects are a name.
        member = (
            _MEMBER_ENDING.search(text, max(start, end - 60), end)
            if _ends_with(text, _MEMBER_WORDS, start, end)
            else None
        )
        if member is not None:
            return Speaker(self._member(member))
        window = max(start, end - 90)
        agent = (
            _AGENT_FOR.search(text, window, end) if _AGENT_STEM.search(text, window, end) else None
        )
        if agent is not None:  # "A spokesperson for Amorelo Cortiças said": who speaks for it
            name = " ".join(agent[1].split())
            span = Span(agent.start(1), end)
            return Speaker(self.book.add(role_key(name), name, ActorKind.GROUP, span))
        mention = self.mention_ending(end)
        if mention is not None:
            if mention.kind is ActorKind.COUNTRY and _LOCATIVE.search(
                text, max(start, mention.start - 20), mention.start
            ):
                return UNKNOWN  # "her critics in the United Kingdom, …, argue"
            if _MEDIUM.search(text, max(start, mention.start - 40), mention.start):
                return UNKNOWN  # "turned to Facebook to call": where the words went
            return Speaker(mention.key)
        relative = (
            _RELATIVE.search(text, max(start, end - 20), end)
            if _ends_with(text, _RELATIVE_ENDINGS, start, end)
            else None
        )
        if relative is not None and (key := self._relative(relative)) is not None:
            return Speaker(key)
        role = (
            _ROLE_PHRASE.search(text, max(start, end - 60), end)
            if _ends_with(text, _HOLDER_ENDINGS, start, end)
            else None
        )
        if role is not None:
            return Speaker(self._role_holder(Span(role.start(), end)))
        organisation = (
            _ORG_PHRASE.search(text, max(start, end - 60), end)
            if _ends_with(text, _ORG_ENDINGS, start, end)
            else None
        )
        if organisation is not None:
            key = self._organisation(organisation[1], Span(organisation.start(), end))
            if key is not None:
                return Speaker(key)
        if relative is not None:
            return UNKNOWN
        described = _DESCRIBED_PERSON.search(text, max(start, end - 30), end)
        if described is not None and (described[1] is not None or fold(described[2]) in DEMONYMS):
            # "the 24-year-old said", "the Norwegian said": the last person named before
            person = self.last_of({ActorKind.PERSON}, described.start())
            return _speaker(person.key if person is not None else None)
        plural = (
            _PLURAL_HOLDER.search(text, max(start, end - 40), end)
            if _ends_with(text, _PLURAL_HOLDER_WORDS, start, end)
            else None
        )
        if plural is not None:  # "the researchers wrote", "the paramedics said"
            return Speaker(self._plural_holders(plural[1], Span(plural.start(1), end)))
        match = _LAST_WORD.search(text, max(start, end - 40), end)
        if match is None:
            return UNKNOWN
        word = _APOSTROPHE.split(match.group(1), maxsplit=1)[0]
        lower = word.lower()
        if lower in _PRONOUNS_STANDING:
            key = self._pronoun(lower, match.start(1))
            return _speaker(key)
        if lower in _FIRST_PERSON:
            return self._first_person(match.start(1))
        if lower in _SECOND_PERSON:
            return self._called(start, match.start(1))
        if lower in STATEMENT_NOUNS and "joint" in text[max(start, end - 40) : end].lower():
            return self._parties(match.start(1))
        if lower in PARTY_WORDS:
            return self._parties(match.start(1))
        if lower in DOCUMENT_NOUNS:  # "X publishes a letter calling …"; "the document states"
            author = self._named_in(start, match.start(1))  # "Acme founder Ann Lee publishes"
            if author is not None:
                return Speaker(author.key)
            if _DEFINITE.search(text, max(start, match.start(1) - 30), match.start(1)):
                return self._issuer(lower, match.start(1))  # "the report", one named before
            return NOBODY
        if (
            _CAPITALISED.fullmatch(word)
            and _could_be_name(word)
            and not _MEDIUM.search(text, max(start, match.start(1) - 40), match.start(1))
        ):
            span = Span(match.start(1), match.start(1) + len(word))
            return self._named(word, self._kind_by_pronoun(span.end), span)
        return UNKNOWN

    def _circle(self, start: int, end: int) -> Speaker | None:
        """The group of the people around a person that the words before `end` name: "her
        family" (the person the pronoun stands for), "Lind's lawyers": "Ada Lind's family"."""
        window = max(start, end - 40)
        tail = self.text[window:end]
        if tail.isascii() and not _ends_with(tail.lower(), _CIRCLE_NOUNS, 0, len(tail)):
            return None  # no circle noun ends the words (in ASCII, case folds as lower() does)
        circle = _CIRCLE.search(self.text, window, end)
        if circle is None:
            return None
        if circle[1] is not None:
            owner = self._pronoun(circle[1].lower(), circle.start())
        else:
            mention = self.mention_ending(circle.start())
            owner = mention.key if mention is not None else None
        if owner is None or self.book.kind(owner) is not ActorKind.PERSON:
            return None
        name = f"{self.book.name(owner)}'s {circle[2].lower()}"
        span = Span(circle.start(), end)
        return Speaker(self.book.add(role_key(name), name, ActorKind.GROUP, span))

    def _called(self, start: int, at: int) -> Attribution:
        """Whom "you" at `at` stands for: a person called by name, then a comma, at the start
        of the clause ("Margaret, you once told me ‘…’")."""
        opening = _NOT_SPACE.search(self.text, start, at)
        if opening is None:
            return UNKNOWN
        mention = self.first_mention(opening.start(), opening.start() + 1)
        if (
            mention is None
            or mention.kind is not ActorKind.PERSON
            or not self.text.startswith(",", mention.end)
        ):
            return UNKNOWN
        return Speaker(mention.key)

    def _first_person(self, at: int) -> Attribution:
        """Whom "I" at `at` stands for: the speaker of the quote it stands in ("“… I said to
        them, ‘…’,” said Lind"), or the person whose transcript answer it is in ("Lind: … I
        told him, “…”")."""
        if self.last_quote is not None:
            quote = self.last_quote[1]
            if quote.span.start <= at < quote.span.end:
                return _speaker(quote.speaker)
        i = bisect.bisect_right(self.block_starts_in_order, at) - 1
        if i < 0:
            return UNKNOWN
        turn = self.turns.get(i)
        if turn is not None and isinstance(turn[1], Speaker):  # "A: … I tell them, “…”"
            return turn[1]
        start = self.blocks[i].span.start
        label = self.first_mention(start, start + 1)
        if (
            label is not None
            and label.kind is ActorKind.PERSON
            and self.text.startswith(":", label.end)
        ):
            return Speaker(label.key)
        return UNKNOWN

    def _issuer(self, noun: str, at: int) -> Attribution:
        """Who issued the document "the report" or "the statement" at `at` stands for, from the
        last sentences before that name one: "a report published by the Office of X", "X said
        in a statement", "In a statement, the trust said"; Nobody when none does ("a memo seen
        by the Gazette")."""
        text = self.text
        pattern = _whole_word(noun)
        reach = max(0, at - _ISSUER_REACH)
        earlier = [m.start() for m in pattern.finditer(text, reach, at)]
        for found in reversed(earlier[-_ISSUER_TRIES:]):
            if found in self.quoted:
                continue
            sentence = self.sentence_of(found)
            if sentence.start == sentence.end:
                continue
            issued = _ISSUED_BY.match(text, found + len(noun), sentence.end)
            if issued is not None:
                issuer = self._subject_at(issued.end(), sentence.end)
                if issuer is not None:
                    return Speaker(issuer[0])
                continue
            subject: Attribution = UNKNOWN
            if _ISSUING_BEFORE.search(text, max(sentence.start, found - 60), found):
                subject = self._sentence_subject(sentence.start, found)
            elif _IN_A.search(text, max(sentence.start, found - 30), found):
                after = _AFTER_COMMA.match(text, found + len(noun), sentence.end)
                if after is not None:
                    named = self._subject_at(after.end(), sentence.end)
                    named = named or self._role_at(after.end(), sentence.end)
                    if named is not None:
                        return Speaker(named[0])
            if isinstance(subject, Speaker):
                return subject
        return NOBODY

    def _bare_name(self, name: re.Match[str]) -> Attribution:
        """A speaker named by capitalised words no actor holds: a person, or an organisation
        when it reads as one ("Acme Holdings said", "Quay Watch said", "it" after it)."""
        words = name.group().split()
        span = Span(name.start(), name.end())
        if not all(_could_be_name(w) for w in words[:-1]):
            return UNKNOWN
        if not _could_be_name(words[-1]):
            if len(words) == 1 or fold(words[-1]) not in NOT_NAMES:
                return UNKNOWN
            # "Quay Watch said": a name that ends on a common noun is an organisation's, unless
            # it opens with a given name ("Ana Brown")
            given = fold(words[0]) in _name_sexes()
            kind = ActorKind.PERSON if given else ActorKind.ORGANIZATION
            return self._named(" ".join(words), kind, span)
        if fold(words[-1]) in ORG_TAILS:
            kind = ActorKind.ORGANIZATION
        else:
            kind = self._kind_by_pronoun(span.end)
        return self._named(" ".join(words), kind, span)

    def _named(self, name: str, kind: ActorKind, span: Span) -> Attribution:
        """The person or organisation an attribution names by `name` at `span`, through the
        book: a surname alone is the person last named with it. A place is no person, but an
        organisation when "it" follows ("Nebraska said in its filing")."""
        if kind is ActorKind.PERSON:
            before = max(0, span.start - 12)
            if _place_like(name) or _IN_PLACE.search(self.text, before, span.start):
                return UNKNOWN  # "a grower in Kisii said": a place
            return Speaker(self.book.person(name, span))
        return Speaker(self.book.add(organisation_key(name), name, kind, span))

    def _kind_by_pronoun(self, at: int) -> ActorKind:
        """A lone name is a company if "it" follows it before "he" or "she" does, outside
        quotation marks: "Everybody saw it" in the next quote says nothing."""
        window = self.text[at : at + 120].lower()
        window = _QUOTE_OPENING.split(window, 1)[0]
        found = _PRONOUN.search(window)
        if found and found.group(1) in {"it", "its"}:
            return ActorKind.ORGANIZATION
        return ActorKind.PERSON

    def _subject_after(self, after: Span) -> Attribution:
        """A sentence that opens with a participle clause of the verb ("Accusing X of “…”, he
        ...", "Praising the fans for “…,” the coach ..."): the subject after the clause."""
        text = self.text
        starts = []  # where the clause may end: "Accusing X of “…,” she", "… “…” in May, she"
        words_end = after.start
        while words_end > 0 and text[words_end - 1] in "”\"’'":
            words_end -= 1
        if text[words_end - 1 : words_end] == ",":
            starts.append(after.start)
        comma = text.find(",", after.start, after.end)
        if comma >= 0:
            starts.append(comma + 1)
        for start in starts:
            start = _skip_space(text, start)
            subject = self._subject_at(start, after.end) or self._role_at(start, after.end)
            if subject is not None:
                return Speaker(subject[0])
        return UNKNOWN

    def _owned(self, before: Span) -> Attribution:
        """ "Lind’s public criticism of … “…”", "his assertion that … “…”"."""
        if _SPEECH_NOUN_WORDS.isdisjoint(_WORD_START.findall(self.text, before.start, before.end)):
            return UNKNOWN  # most clauses: no speech noun, which every _OWNED_SPEECH ends on
        owned = _last(_OWNED_SPEECH.finditer(self.text, before.start, before.end))
        if owned is None or _reporting_verbs(self.text, owned.end(), before.end):
            return UNKNOWN  # "X brushed aside Lind’s remarks, assuring reporters, “…”": X's
        if owned["pronoun"]:
            key = self._pronoun(owned["pronoun"].lower(), owned.start())
            return _speaker(key)
        end = owned.end("owner")
        mention = self.mention_ending(end)
        if mention is None and self.text[end : end + 1] in {"’", "'"}:
            mention = self.mention_ending(end + 1)  # "Andres’", read with its apostrophe
        if mention is not None:
            return Speaker(mention.key)
        role = _ROLE_PHRASE.search(self.text, max(before.start, end - 60), end)
        if role is not None:  # "the coach’s complaint": the person named with the role
            return _speaker(self._role_person(Span(role.start(), end)))
        return UNKNOWN

    def _pronoun(self, pronoun: str, at: int, depth: int = 0) -> str | None:
        """The actor a pronoun at `at` stands for: the last person of its sex named before it,
        not one the quote being attributed talks about ("“Ebenezer never hurried,” she said":
        not Ebenezer), or the last group or organisation. `depth`: how many pronouns this one
        is resolved for ("Her staff is X and Y. … she said": "she" is whom "Her" stands for)."""
        if pronoun in _PRONOUNS_PERSON:
            sex = "m" if pronoun in _MALE else "f"
            relative = self._own_relative(at, sex)
            if relative is not None:
                return relative
            words = self.words
            if words is not None and words.start <= at < words.end:
                words = None  # a pronoun inside the quote may stand for whom it names

            since = self._entry_start(at)  # a live blog's entry: never a person of one before
            # "Asked whether X would resign, she said": not X
            asked = self.sentence_of(at).start
            if not _ASKED.fullmatch(self.text, asked, at):
                asked = at

            def fits(mention: Mention) -> bool:
                if mention.start < since or asked <= mention.start < at:
                    return False
                if self.sex(mention.key) not in (None, sex):
                    return False
                return words is None or not self.book.named_in(mention.key, words.start, words.end)

            mention = self.last_of({ActorKind.PERSON}, at, match=fits)
            earlier = self._before_possessive(mention, fits)
            if earlier is not None:
                return earlier.key
            described = self._described_person(mention, at, sex)
            if described is not None:
                return described
            if mention is not None and depth < _PRONOUN_DEPTH and not self._opens_clause(mention):
                subject = self._recent_subject(mention, at, fits, sex, depth)
                if subject is not None:
                    return subject
        else:
            mention = self.last_of({ActorKind.GROUP, ActorKind.ORGANIZATION}, at)
            if pronoun in _PRONOUNS_THING:
                since = mention.end if mention is not None else 0
                described = self._described_organisation(since, at)
                if described is not None:
                    return described
        return mention.key if mention is not None else None

    def _before_possessive(
        self, mention: Mention | None, fits: Callable[[Mention], bool]
    ) -> Mention | None:
        """When `mention` is a possessive ("Varga's launch"), the person its sentence named
        before it, whom a pronoun after them stands for: "the deckhand Pieter Smit later
        recalled how Varga's launch came out of the fog. “…,” he told the paper". Not a
        possessive that opens a clause, whose owner is its topic: "While Lind hopes, Vark's
        comments say otherwise. … he said" is Vark's."""
        if (
            mention is None
            or not _possessive(self.text, mention.end)
            or self._opens_clause(mention)
        ):
            return None
        opens = self.sentence_of(mention.start).start
        earlier = next(
            (
                m
                for m in self.book.mentions_in(opens, mention.start)
                if m.kind is ActorKind.PERSON and m.start not in self.quoted and fits(m)
            ),
            None,
        )  # the first: the sentence's subject, if any is named
        if (
            earlier is None
            or earlier.key == mention.key  # "the boat used by Varga … Varga's medal": the same
            or _possessive(self.text, earlier.end)
            or _is_object(self.text, max(opens, earlier.start - 30), earlier.start)
        ):
            return None
        return earlier

    def _own_relative(self, at: int, sex: str) -> str | None:
        """The relative of `sex` the speaker named before `at` in the quote `at` stands in,
        as the article names him ("“My father ran it. He always told me, ‘…’”" and, anywhere,
        "her father, Thomas Holloway")."""
        if at not in self.quoted or self.last_quote is None:
            return None
        quote = self.last_quote[1].span
        if not quote.start <= at < quote.end:
            return None
        found = None
        for relative in _MY_RELATIVE.finditer(self.text, quote.start, at):
            if _SEX.get(relative[1].lower()) == sex:
                found = relative[1].lower()
        return self.relatives.get(_KIN.get(found, found)) if found is not None else None

    def _described_person(self, nearest: Mention | None, at: int, sex: str) -> str | None:
        """An unnamed person of the pronoun's sex described as the subject of one of the two
        sentences before `at`, after the last person named (`nearest`): "A nurse in her fifties,
        who …, described the winter as the worst. “…,” she said" (the role holder "nurse")."""
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        if i < 0:
            return None
        since = nearest.end if nearest is not None else 0
        for sentence in reversed(self.sentences[max(0, i - 2) : i + 1]):
            if sentence.end <= since:
                return None
            start = self._after_fronted(sentence.start, min(sentence.end, at))
            start = _skip_space(self.text, start)
            if start < since or start >= at:
                continue
            described = _DESCRIBED_SUBJECT.match(self.text, start, at)
            if described is None or _SEX.get(described[1].lower(), sex) != sex:
                continue
            return self._role_holder(Span(described.start(1), described.end(1)))
        return None

    def _described_at(self, start: int, end: int) -> str | None:
        """The unnamed person described at `start` ("A paramedic who …"), as a role holder."""
        described = _DESCRIBED_SUBJECT.match(self.text, _skip_space(self.text, start), end)
        if described is None:
            return None
        return self._role_holder(Span(described.start(1), described.end(1)))

    def _recent_subject(
        self, nearest: Mention, at: int, fits: Callable[[Mention], bool], sex: str, depth: int
    ) -> str | None:
        """The subject of one of the few sentences before `at` in the paragraph of `nearest`
        (who is no subject), before it: a person named ("Zinnia was born to X and Consuelo
        Tapia. … she said" is Zinnia's), or whom a pronoun of the same sex opening the sentence
        stands for ("Her staff is four people: X, Y and Z. … she said"). A subject pronoun of
        the same sex after `nearest` is resolved first, and stands for the same. None when there
        is none."""
        later = _SUBJECT_PRONOUN.search(self.text, nearest.end, at)
        while later is not None and (
            later.start() in self.quoted or (later.group().lower() in _MALE) != (sex == "m")
        ):
            later = _SUBJECT_PRONOUN.search(self.text, later.end(), at)
        if later is not None:  # "X and Y. She walks me to the door. “…,” she says": as "She"
            return self._pronoun(later.group().lower(), later.start(), depth + 1)
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        reach = self.sentences[max(0, i - _SUBJECT_SENTENCES)].start if i >= 0 else at
        block = bisect.bisect_right(self.block_starts_in_order, nearest.start) - 1
        reach = max(reach, self.block_starts_in_order[block] if block >= 0 else 0)
        openers = self._pronoun_openers(reach, nearest.start, sex)
        for mention in self.book.mentions_before(nearest.start, limit=_LOOK_BACK):
            if mention.start < reach:
                break
            if openers and openers[-1][0] > mention.start:
                break  # a pronoun opens a sentence after this name
            if (
                mention.kind is ActorKind.PERSON
                and mention.start not in self.quoted
                and not self.is_place(mention.key)
                and fits(mention)
                and self._opens_clause(mention)
            ):
                return mention.key
        if openers:
            where, word = openers[-1]
            return self._pronoun(word, where, depth + 1)
        return None

    def _pronoun_openers(self, start: int, end: int, sex: str) -> list[tuple[int, str]]:
        """(where, word) of the pronouns of `sex` that open a sentence ("She …", "Her staff …")
        in [start, end), outside quotes, in order."""
        found = []
        i = bisect.bisect_left(self.sentence_starts, start)
        while i < len(self.sentences) and self.sentences[i].start < end:
            sentence = self.sentences[i]
            i += 1
            opening = _skip_space(self.text, self._after_fronted(sentence.start, sentence.end))
            word = _WORD_START.match(self.text, opening, min(end, sentence.end))
            if word is None or opening in self.quoted:
                continue
            lower = word.group().lower()
            if lower in _PRONOUNS_PERSON and ("m" if lower in _MALE else "f") == sex:
                found.append((opening, lower))
        return found

    def _opens_clause(self, mention: Mention) -> bool:
        """The mention is the subject of its sentence or of a main clause in it: only titles,
        roles or capitalised words stand before it, past a phrase that fronts the sentence
        ("At fourteen, Lind …") or a conjunction after a comma when a verb follows ("…, and
        Lind measured …", not "to X, a mechanic, and Lind, who …"). Not a transcript's label
        ("Lind: …"), whose words are in the first person."""
        text = self.text
        if text.startswith(":", mention.end):
            return False
        sentence = self.sentence_of(mention.start)
        start = self._after_fronted(sentence.start, mention.start)
        joint = _last(_CLAUSE_JOINT.finditer(text, start, mention.start))
        if joint is not None and _LOWER_WORD.match(text, _skip_space(text, mention.end)):
            start = joint.end()
        quoted = bisect.bisect_left(self.quoted_ends, mention.start) - 1
        if quoted >= 0 and self.quoted_ends[quoted] >= start:
            # "“…,” Mr Lind said": the subject of the verb after the quote
            start = _skip_quote_tail(text, self.quoted_ends[quoted] + 1, mention.start)
        participle = _PARTICIPLE_OPENING.match(text, start, mention.start)
        if participle is not None:  # "Repeating his speech, Lind said"
            start = participle.end()
        # names joined as one subject count: "Fenwick and Lind continued"
        return all(
            _head_word(w) or w in _CLAUSE_JOINTS for w in text[start : mention.start].split()
        )

    def _described_organisation(self, since: int, at: int) -> str | None:
        """The organisation "the trust", "the company" stands for, when such a description is
        the last before `at` (after `since`): what "it" stands for in "The trust said it …"."""
        found = None
        for match in _DESCRIBED_ORG.finditer(self.text, max(since, at - _DESCRIBED_REACH), at):
            if match.start() not in self.quoted:
                found = match
        if found is None:
            return None
        return self._organisation(found[1], Span(found.start(), found.end()))

    def _parties(self, at: int) -> Attribution:
        """The parties named before ("both sides", "a joint statement"): the last group that
        takes part in the story's event (negotiators, strikers, protesters...)."""
        mention = self.last_of(
            {ActorKind.GROUP}, at, match=lambda m: _group_class(m.key) in _STORY_CLASSES
        )
        return Speaker(mention.key) if mention is not None else NOBODY

    def entry_of(self, block_index: int) -> int:
        """The paragraph that opens the live-blog entry paragraph `block_index` is in; 0 in an
        article that is no live blog."""
        i = bisect.bisect_right(self.entries, block_index) - 1
        return self.entries[i] if i >= 0 else 0

    def _entry_start(self, at: int) -> int:
        """Where the live-blog entry `at` is in starts; 0 in an article that is no live blog."""
        if not self.entries:
            return 0
        i = bisect.bisect_right(self.block_starts_in_order, at) - 1
        return self.blocks[self.entry_of(i)].span.start if i >= 0 else 0

    def _identified(self, block_index: int) -> Attribution:
        """The actor a paragraph opening "That was X" or "Those were the words of X" names."""
        block = self.blocks[block_index].span
        opener = _IDENTIFYING.match(self.text, block.start, block.end)
        if opener is None:
            return UNKNOWN
        return self._named_at(opener.end(), max(self.sentence_of(block.start).end, opener.end()))

    def _whole_block(self, mark: _Mark, block_index: int) -> bool:
        block = self.blocks[block_index].span
        return mark.outer.start == block.start and block.end - mark.outer.end <= 2

    def _introduced(self, block_index: int) -> Attribution:
        """The speaker a paragraph ending in "X said:" or a reporting sentence introduces."""
        previous = self.blocks[block_index - 1]
        if not previous.sentences:
            return UNKNOWN
        last = previous.sentences[-1]
        first_word = _WORD_START.search(self.text, last.start, last.end)
        if first_word is not None and first_word.start() in self.quoted:
            return UNKNOWN  # a quote's own words ("… Jonas tells me she …") introduce nobody
        found, reported = self._before(last, Span(last.end, last.end))
        return found if reported else UNKNOWN

    def _narrated(self, block_index: int) -> Attribution:
        """The person the last sentence of the paragraph before is about, when that sentence
        quotes nobody: "… calls them “…”. Asked about it, Varga laughs." then "“…”" is Varga's."""
        previous = self.blocks[block_index - 1]
        if not previous.sentences:
            return UNKNOWN
        last = previous.sentences[-1]
        i = bisect.bisect_right(self.quoted_ends, last.start)
        if i < len(self.quoted_ends) and self.quoted_ends[i] <= previous.span.end:
            return UNKNOWN  # a sentence that quotes: same_voice and carried_over read it
        found = self._sentence_subject(self._after_fronted(last.start, last.end), last.end)
        if isinstance(found, Speaker) and self.book.kind(found.key) is ActorKind.PERSON:
            return found
        return UNKNOWN

    def _dash_line(self, block_index: int) -> Attribution:
        """A quote paragraph signed by the next line: "— Chiamaka Okafor"."""
        if block_index + 1 >= len(self.blocks):
            return UNKNOWN
        line = self.blocks[block_index + 1].span
        dash = _DASH_LINE.match(self.text, line.start, line.end)
        if dash is None:
            return UNKNOWN
        mention = self.first_mention(dash.end(), dash.end() + 1)
        if mention is not None and _SIGNATURE_END.match(self.text, mention.end, line.end):
            return Speaker(mention.key)
        return UNKNOWN

    def _signature(self, close: int, block_end: int) -> Attribution:
        """A quote signed on its line by a dash and a name, alone or before a handle:
        "“…” — Ada Lind (@adalind) May 3", "“…” — Ada Lind"."""
        text = self.text
        dash = _SIGNATURE_DASH.match(text, close, block_end)
        if dash is None:
            return UNKNOWN
        start = dash.end()
        mention = self.first_mention(start, start + 1)
        if mention is not None:
            signed = _SIGNATURE_END.match(text, mention.end, block_end)
            return Speaker(mention.key) if signed is not None else UNKNOWN
        name = _NAME_RUN.match(text, start, block_end)
        if name is None or not _SIGNATURE_END.match(text, name.end(), block_end):
            return UNKNOWN
        return self._bare_name(name)

    def answers(self) -> list[Quote]:
        """A transcript's labelled paragraphs as quotes of their speakers, less the labels."""
        out = []
        for i, (end, turn) in self.turns.items():
            if isinstance(turn, Speaker):
                span = Span(end, self.blocks[i].span.end)
                out.append(Quote(span, span.of(self.text), turn.key, confidence=TRANSCRIPT))
        return out

    @property
    def turns(self) -> dict[int, tuple[int, Attribution]]:
        """Paragraph -> where its label ends and the speaker it names, in a transcript: an
        article in which two paragraphs or more open with a label that names an actor ("Quell:",
        "MINISTER OKAFOR:"), asks ("Q:", Nobody unless a name labels the question) or answers
        ("A:", the person the paragraphs before the first label name most). Empty for other
        articles."""
        if self._turns is None:
            self._turns = self._find_turns() if ":" in self.text else {}
        return self._turns

    def _find_turns(self) -> dict[int, tuple[int, Attribution]]:
        text = self.text
        found: dict[int, tuple[int, Attribution]] = {}
        answers: dict[int, int] = {}
        for i, block in enumerate(self.blocks):
            if text.find(":", block.span.start, block.span.end) < 0:
                continue  # every label ends with a colon
            label = _TURN_LABEL.match(text, block.span.start, block.span.end)
            if label is None:
                continue
            stands = _TURN_LABELS.get(fold(label[1]))
            if stands == "question":
                found[i] = (label.end(), NOBODY)
            elif stands == "answer":
                answers[i] = label.end()
            else:
                speaker = self._labelled(label)
                if speaker is not None:
                    found[i] = (label.end(), Speaker(speaker))
        if len(found) + len(answers) < _TURNS_MIN:
            return {}
        if answers:
            first = min(*found, *answers)
            interviewee = _speaker(self._introduced_person(self.blocks[first].span.start))
            for i, end in answers.items():
                found[i] = (end, interviewee)
        return found

    def _labelled(self, label: re.Match[str]) -> str | None:
        """The person or organisation a transcript's label names: as the text names it
        ("Quell:", "The Courier:"), or in capitals, after a title ("MINISTER OKAFOR:")."""
        mention = self.first_mention(label.start(1), label.end(1))
        if mention is not None and mention.kind in _SUBJECT_KINDS:
            return None if self.is_place(mention.key) else mention.key
        words = [fold(w) for w in label[1].split()]
        while len(words) > 1 and words[0] in _LABEL_TITLES:
            words = words[1:]
        found = {
            a.key
            for a in self.persons
            if (names := fold(a.name).split())
            and (names == words or (len(words) == 1 and names[-1] == words[0]))
        }
        return found.pop() if len(found) == 1 else None

    def _introduced_person(self, end: int) -> str | None:
        """The person named most often before `end` (the first of those), outside quotes: whom
        an interview's introduction presents."""
        counts: dict[str, int] = {}
        for mention in self.book.mentions_in(0, end):
            if (
                mention.kind is ActorKind.PERSON
                and mention.start not in self.quoted
                and not self.is_place(mention.key)
            ):
                counts[mention.key] = counts.get(mention.key, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def _turn(self, mark: _Mark, block_index: int) -> Attribution:
        """The asker or the answerer whose turn it is (see dialogue_turn)."""
        if len(self.block_quotes) < 2:
            return UNKNOWN
        (last_block, last), (first_block, first) = self.block_quotes[-1], self.block_quotes[-2]
        if last_block != block_index - 1 or first_block != block_index - 2:
            return UNKNOWN
        if first.speaker is None or last.speaker is None or first.speaker == last.speaker:
            return UNKNOWN
        if self.text[last.span.end : last.span.end + 1].isspace():
            return UNKNOWN  # the quote before runs on into this paragraph: the same voice
        words = self.text[mark.inner.start : mark.inner.end]
        if not any(q.rstrip().endswith("?") for q in (last.text, words)):
            return UNKNOWN  # an answer running over two paragraphs is one voice
        return Speaker(first.speaker, min(first.confidence, last.confidence))

    def _same_voice(
        self, mark: _Mark, block_index: int, last_quote: tuple[int, Quote]
    ) -> Attribution:
        """A quote with no attribution of its own continues the last speaker of its paragraph
        (or of the paragraph before, when it is a paragraph of its own and the paragraph before
        ends on that quote's sentence: after "Varga laughs." the next one is narrated_above's):
        `last_quote`."""
        last_block, previous = last_quote
        if previous.speaker is None or previous.span.end > mark.outer.start:
            return UNKNOWN
        if last_block == block_index:
            return Speaker(previous.speaker, previous.confidence)
        if last_block == block_index - 1 and self._whole_block(mark, block_index):
            sentences = self.blocks[last_block].sentences
            if sentences and previous.span.end <= sentences[-1].start:
                return UNKNOWN
            return Speaker(previous.speaker, previous.confidence)
        return UNKNOWN


class _Site:
    """A quote being attributed: where it stands, the words of its clause before it (`before`)
    and of its sentence after it (`after`)."""

    __slots__ = (
        "_reporting",
        "_scare",
        "after",
        "after_start",
        "before",
        "block_index",
        "context",
        "ends_sentence",
        "mark",
        "opens_sentence",
        "sentence",
        "verb_after",
    )

    def __init__(
        self,
        context: _Context,
        mark: _Mark,
        block_index: int,
        sentence: Span,
        before: Span,
        after: Span,
    ) -> None:
        text = context.text
        self.context = context
        self.mark = mark
        self.block_index = block_index
        self.sentence = sentence  # the sentence the quote opens in
        self.before = before
        self.after = after
        self.opens_sentence = _NOT_SPACE.search(text, sentence.start, mark.outer.start) is None
        follows = _NOT_SPACE.search(text, after.start, after.end)
        # "“… the end.” Lind left": a full stop ends the sentence, no attribution after it.
        self.ends_sentence = (
            follows is not None
            and follows.group().isupper()
            and text[mark.inner.start : mark.inner.end].rstrip().endswith(".")
        )
        # Where the words after the quote start, past a comma or "as" (_after_lead_end), and the
        # reporting verb there: read by three rules, looked for once.
        self.after_start = _after_lead_end(text, after)
        self.verb_after = _reporting_at(text, self.after_start, after.end)
        self._reporting: tuple[Attribution, bool] | None = None
        self._scare: bool | None = None

    @property
    def reporting(self) -> tuple[Attribution, bool]:
        """The subject of the last reporting verb before the quote, and whether one frames it
        ("…, calling it “…”" frames a quote with no subject before it); looked for once."""
        if self._reporting is None:
            self._reporting = self.context._before(self.before, self.after)
        return self._reporting

    @property
    def scare(self) -> bool:
        """No reporting verb frames the quote and it reads as scare quotes or a title: a few
        words, or several capitalised ones. Such a quote takes no implied speaker."""
        if self._scare is None:
            inner = self.context.text[self.mark.inner.start : self.mark.inner.end]
            self._scare = (
                not self.reporting[1]
                and (len(inner.split()) <= _SCARE_WORDS or _title_case(inner))
                and not (
                    self.opens_sentence
                    and _REPORTED_AFTER.match(self.context.text, self.mark.outer.end)
                )
            )
        return self._scare

    @property
    def whole_block(self) -> bool:
        return self.context._whole_block(self.mark, self.block_index)


# --- speaker rules, in the order they are tried ---------------------------------------------------


def described_after_verb(site: _Site) -> Attribution:
    """ "“…,” said Dunmore resident Ada Lind", "“…,” added his site engineer Ada Lind,
    who …", "“…,” said Vark fundraiser Ada Lind in an email", "“…,” wrote the consul in those
    years, Ada Lind": the person a description after the verb ends on, or that follows it after a
    comma, not one the description names first (Vark) or its possessive stands for ("his")."""
    if site.ends_sentence:
        return UNKNOWN
    return site.context._described_after(site.verb_after, site.after.end)


def verb_after_quote(site: _Site) -> Attribution:
    """ "“We lost,” said Ada Lind", "“…,” she added", "“…,” Lind told reporters", "“…,”
    according to Lind"."""
    if site.ends_sentence:
        return UNKNOWN
    return site.context._after(site.after, site.after_start, site.verb_after)


def verb_ending_sentence(site: _Site) -> Attribution:
    """ "“The cheapest crossing,” as it was sold, now costs twice as much, said Ada Lind", "“Every
    deckhand deserves a rest” after the winter, Lind said.": a partial quote in a sentence
    that ends with its speaker."""
    if site.ends_sentence or not site.mark.closed or site.mark.nested_in is not None:
        return UNKNOWN
    context = site.context
    text = context.text
    after = site.after
    verb = _LATER_ATTRIBUTION.search(text, after.start, min(after.end, after.start + 160))
    ending = None
    if verb is None:
        ending = _ENDING_ATTRIBUTION.search(text, max(after.start, after.end - 120), after.end)
        if ending is None:
            return UNKNOWN  # most quotes: no ", said" later in the sentence
    end = site.mark.inner.end
    while end > site.mark.inner.start and text[end - 1].isspace():
        end -= 1
    last = text[end - 1 : end]
    if last != ",":
        follows = _NOT_SPACE.search(text, after.start, after.end)
        if last in {".", "?", "!"} or follows is None or not follows.group().islower():
            return UNKNOWN  # the sentence runs on after the quote: "…,” as …" or "…” but …"
    comma = verb.start() if verb is not None else ending.start() if ending is not None else 0
    between = text[after.start : comma]
    if _QUOTE_OPENING.search(between) or _reporting_verbs(text, after.start, comma):
        return UNKNOWN
    if verb is not None:
        return context._named_at(verb.end(), after.end)
    assert ending is not None
    subject = context._subject_at(ending.start(1), ending.end(1))
    if subject is None or subject[1] != ending.end(1):
        return UNKNOWN  # ", the crews said.": no actor's name before the verb
    return Speaker(subject[0])


def signed_after(site: _Site) -> Attribution:
    """ "“We will be back.” — Ada Lind (@adalind) May 3": a signature on the quote's line."""
    if not site.mark.closed or site.mark.nested_in is not None:
        return UNKNOWN
    context = site.context
    return context._signature(site.after.start, context.blocks[site.block_index].span.end)


def named_after_colon(site: _Site) -> Attribution:
    """ "“We are ready”: Ada Lind on the final": a headline's quote, a colon, its speaker and
    what she talks about."""
    mark = site.mark
    context = site.context
    block = context.blocks[site.block_index].span
    if mark.outer.start != block.start or not mark.closed:
        return UNKNOWN
    colon = _COLON_AFTER.match(context.text, mark.outer.end, block.end)
    if colon is None:
        return UNKNOWN
    mention = context.first_mention(colon.end(), colon.end() + 1)
    if mention is None or mention.kind is not ActorKind.PERSON:
        return UNKNOWN
    if _TOPIC_AFTER.match(context.text, mention.end, block.end) is None:
        return UNKNOWN
    return Speaker(mention.key)


def verb_before_quote(site: _Site) -> Attribution:
    """ "Ada Lind warned that “…”", "what the coach called ‘…’"."""
    return site.reporting[0]


def according_to(site: _Site) -> Attribution:
    """ "According to Ada Lind, the club “…”"."""
    context = site.context
    before = site.before
    if context.text.find("ccording to", before.start, before.end) < 0:
        return UNKNOWN  # most clauses: a plain find, where the pattern tries every character
    according = _last(_ACCORDING.finditer(context.text, before.start, before.end))
    if according is None:
        return UNKNOWN
    return context._named_at(_source_at(context.text, according.end(), before.end), before.end)


def speech_noun_owner(site: _Site) -> Attribution:
    """ "Lind’s criticism of the board, “…”", "her claim that “…”"."""
    return site.context._owned(site.before)


def clause_subject(site: _Site) -> Attribution:
    """ "“…,” Ada Lind, 44, of Brill, who watched, said", "“…,” club chair Ada Lind wrote"."""
    if site.ends_sentence:
        return UNKNOWN
    context = site.context
    return context._clause_subject(site.after_start, site.after.end)


def framed_before(site: _Site) -> Attribution:
    """ "X asked her to “round the totals up” on dozens of receipts and later “shred …,”": a quote
    whose words since the sentence's quote before name no one and hold no reporting verb is
    framed by that quote's verb, and is its speaker's."""
    if site.mark.nested_in is not None or site.scare or site.reporting[1]:
        return UNKNOWN
    context = site.context
    last = context.last_quote
    if (
        last is None
        or last[0] != site.block_index
        or last[1].speaker is None
        or last[1].span.start < site.sentence.start
        or context._subject_named(site.before)
    ):
        return UNKNOWN
    return Speaker(last[1].speaker, last[1].confidence)


def signed_below(site: _Site) -> Attribution:
    """A quote paragraph signed by the next line: "— Ada Lind"."""
    if not site.whole_block:
        return UNKNOWN
    return site.context._dash_line(site.block_index)


def introduced_above(site: _Site) -> Attribution:
    """A quote paragraph after one ending "Lind told the meeting:"."""
    if not site.whole_block or site.block_index == 0:
        return UNKNOWN
    return site.context._introduced(site.block_index)


def named_below(site: _Site) -> Attribution:
    """A quote paragraph that the next paragraph opens by naming its speaker: "“…”" then "That
    was the port's chief executive, X, speaking on local radio"."""
    context = site.context
    if not site.whole_block or site.block_index + 1 >= len(context.blocks):
        return UNKNOWN
    return context._identified(site.block_index + 1)


def labelled_turn(site: _Site) -> Attribution:
    """ "QUELL: “Not in any form we would recognise.”", "A: “Thin.”": a quote in a paragraph
    of a transcript is the speaker's its label names, unless a reporting verb frames it ("Quell:
    … my supervisor said, “…”") or it is a scare quote inside the answer ("a card that says
    “unknown”"); a quote right after the label is the answer, however short."""
    if site.mark.nested_in is not None or site.reporting[1]:
        return UNKNOWN
    turn = site.context.turns.get(site.block_index)
    if turn is None or (site.scare and site.mark.outer.start != turn[0]):
        return UNKNOWN
    before = site.before
    if site.mark.outer.start != turn[0] and _reporting_verbs(
        site.context.text, before.start, before.end
    ):
        return UNKNOWN  # "he posted me a letter which said, “…”": words the answer reports
    return turn[1]


def dialogue_turn(site: _Site) -> Attribution:
    """A questioning: "“…?” Strand asked." / "“I was,” she said." / "“And in 2020?”" /
    "“Yes.”": a paragraph of quote with no attribution after two paragraphs quoting two
    speakers, itself or the quote before it a question, takes turns: it is the speaker's of the
    paragraph before last."""
    if not site.whole_block:
        return UNKNOWN
    return site.context._turn(site.mark, site.block_index)


def same_voice(site: _Site) -> Attribution:
    """ "“We lost,” Lind said. “We will be back.”": the second quote is Lind's too; but after
    "“We lost,” Lind said. Her son was blunter." the next quote is the son's."""
    context = site.context
    if context.last_quote is None or not site.opens_sentence or site.reporting[1]:
        return UNKNOWN
    before = context._previous_sentence(site.sentence, site.block_index)
    if before is not None and before.start >= context.last_quote[1].span.end:
        relative = _OPENING_RELATIVE.match(context.text, before.start, before.end)
        if relative is not None and (key := context._relative(relative)) is not None:
            return Speaker(key)
    return context._same_voice(site.mark, site.block_index, context.last_quote)


def sentence_subject(site: _Site) -> Attribution:
    """ "Coach Ada Lind mocked the referee for “…”": the person the sentence is about."""
    if site.mark.nested_in is not None or site.scare:  # a quote in a quote is someone else's
        return UNKNOWN
    context = site.context
    end = site.mark.outer.start
    start = context._clause_start(context._after_fronted(site.sentence.start, end), end)
    found = context._sentence_subject(start, end)
    if isinstance(found, Unknown):  # "A paramedic who …, described the waits as “…”"
        return _speaker(context._described_at(start, end))
    return found


def previous_reporting_sentence(site: _Site) -> Attribution:
    """ "Lind said in a statement. “We will appeal.”": the subject of the sentence before."""
    if site.mark.nested_in is not None or site.scare or not site.opens_sentence:
        return UNKNOWN
    context = site.context
    previous = context._previous_sentence(site.sentence, site.block_index)
    if previous is None:
        return UNKNOWN
    found, reported = context._before(previous, Span(previous.end, previous.end))
    return found if reported else UNKNOWN


def acted_before(site: _Site) -> Attribution:
    """ "Ada Lind shrugged. “It takes what it takes.”": a quote that opens its sentence after a
    sentence of the same paragraph that opens on a person doing something (a name or "she",
    maybe after a fronted phrase, then a lower-case word) is that person's."""
    if site.mark.nested_in is not None or site.scare or not site.opens_sentence:
        return UNKNOWN
    context = site.context
    previous = context._previous_sentence(site.sentence, site.block_index)
    if previous is None or previous.start < context.blocks[site.block_index].span.start:
        return UNKNOWN
    text = context.text
    start = context._after_fronted(previous.start, previous.end)
    start += len(text[start : previous.end]) - len(text[start : previous.end].lstrip())
    mention = context.mention_at(start)
    if mention is not None:
        if mention.kind is not ActorKind.PERSON or not _LOWER_WORD_AFTER.match(text, mention.end):
            return UNKNOWN
        return Speaker(mention.key)
    pronoun = _LETTERS.match(text, start, previous.end)
    if pronoun is None or pronoun.group().lower() not in _PRONOUNS_PERSON:
        return UNKNOWN
    if not _LOWER_WORD_AFTER.match(text, pronoun.end()):
        return UNKNOWN
    return _speaker(context._pronoun(pronoun.group().lower(), pronoun.start()))


def narrated_above(site: _Site) -> Attribution:
    """A quote paragraph after a paragraph with no quote that ends on a person: "Her answer is
    long, and she gives it while filleting." then "“Because …”" is hers."""
    if not site.whole_block or site.block_index == 0:
        return UNKNOWN
    return site.context._narrated(site.block_index)


def carried_over(site: _Site) -> Attribution:
    """ "Lind spoke first. … “We will appeal.”": the last speaker of this paragraph or of
    the few before it."""
    if site.mark.nested_in is not None or site.scare:
        return UNKNOWN
    last = site.context.last_speaker
    if last is None or last[0] < site.block_index - _CARRY_PARAGRAPHS:
        return UNKNOWN
    if last[0] < site.context.entry_of(site.block_index):
        return UNKNOWN  # a live blog's last entry: another story
    return Speaker(last[1], last[2])


def _source_at(text: str, start: int, limit: int) -> int:
    """Where the source named after "according to" starts: past a document and "by", whose
    author is the source ("according to a court filing by state attorney X")."""
    work = _WORK_BY.match(text, start, limit)
    return work.end() if work is not None else start


# A rule names a quote's speaker, says it has none (Nobody), or leaves it to the next (Unknown).
Rule = Callable[[_Site], Attribution]


@dataclass(frozen=True, slots=True)
class SpeakerRule:
    """A speaker rule and how sure its answers are: the share of them that were right on
    hand-annotated news, rounded down (`bench/confidence.py` prints the table). `named`: the
    speaker is named in the quote's sentence; `resolved`: found through a pronoun, a description
    or another sentence."""

    find: Rule
    named: float
    resolved: float


# The words of a transcript's labelled paragraph are its label's speaker's (labelled_turn).
TRANSCRIPT = 0.85
# The speaker rules, most explicit first: a quote's speaker is the first answer not Unknown.
RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule(described_after_verb, 0.95, 0.6),
    SpeakerRule(verb_after_quote, 0.95, 0.6),
    SpeakerRule(verb_ending_sentence, 0.9, 0.6),
    SpeakerRule(signed_after, 0.9, 0.9),
    SpeakerRule(named_after_colon, 0.85, 0.85),
    SpeakerRule(verb_before_quote, 0.9, 0.75),
    SpeakerRule(according_to, 0.85, 0.6),
    SpeakerRule(speech_noun_owner, 0.55, 0.5),
    SpeakerRule(clause_subject, 0.85, 0.4),
    SpeakerRule(framed_before, 0.85, 0.85),
    SpeakerRule(labelled_turn, TRANSCRIPT, TRANSCRIPT),
    SpeakerRule(signed_below, 0.9, 0.9),
    SpeakerRule(introduced_above, 0.85, 0.85),
    SpeakerRule(named_below, 0.85, 0.85),
    SpeakerRule(dialogue_turn, 0.8, 0.8),
    SpeakerRule(same_voice, 0.9, 0.9),
    SpeakerRule(sentence_subject, 0.7, 0.7),
    SpeakerRule(previous_reporting_sentence, 0.6, 0.6),
    SpeakerRule(acted_before, 0.5, 0.5),
    SpeakerRule(narrated_above, 0.75, 0.75),
    SpeakerRule(carried_over, 0.3, 0.3),
)
# No rule is surer than this of a person known only by one word, or of a speaker who is not a
# person (organisations, countries, groups).
SURE_ONE_WORD_NAME = 0.75
SURE_NOT_PERSON = 0.6
# The author of a post embedded in the article ("— Ada Lind (@adalind)").
POST_AUTHOR = 0.95
# A rule says the text gives the quote to no actor ("the report states").
NOBODY_SAID = 0.5
# No rule found a speaker: the quote may well have one the rules missed.
UNATTRIBUTED = 0.2
# A quote running on over paragraphs takes the speaker of its other part, no surer than this.
CONTINUED = 0.7


# The reporting verbs, one word each, and what may not stand right before one.
_REPORTING_WORDS = frozenset(_REPORTING_ALTERNATION.split("|"))
_BEFORE_VERB = re.compile(r"[\w-]")


def _reporting_at(text: str, at: int, end: int | None = None) -> re.Match[str] | None:
    """The reporting verb that opens at `at` (a word of _REPORTING_WORDS, not cut from a longer
    word), looked up in a set: the alternation of hundreds of verbs, tried one after the other,
    took some 2 µs a call."""
    word = _WORD_START.match(text, at, len(text) if end is None else end)
    if (
        word is None
        or word.group() not in _REPORTING_WORDS
        or (at and _BEFORE_VERB.match(text, at - 1))
    ):
        return None
    return word


def _reporting_verbs(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The reporting verbs in [start, end), in order, each a whole word after neither a word
    character nor a hyphen. The words of the span are looked up in a set (the alternation of
    hundreds of verbs, tried at every word start, is about four times slower); where some are
    verbs, a pattern of those few finds them."""
    verbs = _REPORTING_WORDS.intersection(_WORD_START.findall(text, start, end))
    if not verbs:
        return []  # most clauses: no verb, found without a match object for each word
    return [
        verb
        for verb in _verbs_pattern(frozenset(verbs)).finditer(text, start, end)
        if not (verb.start() and _BEFORE_VERB.match(text, verb.start() - 1))
    ]


@lru_cache(maxsize=512)
def _verbs_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    """The words `verbs`, each ending a word: a few verbs ("said", "told"), where most clauses
    hold one."""
    return re.compile(rf"(?:{longest_first(verbs)})(?!\w)")


def _first_attributing(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_ATTRIBUTING.search(text, start, end)`, but the alternation of hundreds of verbs is tried
    only at words that open one (a search tries it at every character: 70 µs a call)."""
    for word in _WORD_START.finditer(text, start, end):
        if word.group() in _ATTRIBUTING_FIRST:
            verb = _ATTRIBUTING.match(text, word.start(), end)
            if verb is not None:
                return verb
    return None


@cache
def _whole_word(word: str) -> re.Pattern[str]:
    """`word` as a whole word, in any case: "the report" after "a report published by"."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def _cue(text: str, mentions: Sequence[Span]) -> str | None:
    """The word before one of the person's mentions that tells sex or kinship: "father"."""
    for mention in mentions:
        cue = _SEX_CUE.search(text[max(0, mention.start - 20) : mention.start])
        if cue is not None and cue.group(1).lower() in _SEX:
            return cue.group(1).lower()
    return None


def _kin_cue(text: str, mentions: Sequence[Span]) -> str | None:
    """The kinship word before one of the person's mentions, an honorific between allowed:
    "her mother, Mrs Ifeoma Okonkwo"."""
    for mention in mentions:
        cue = _KIN_CUE.search(text, max(0, mention.start - 30), mention.start)
        if cue is not None and cue.group(1).lower() in _RELATIVES:
            return cue.group(1).lower()
    return None


def _after_determiner(text: str, start: int, at: int) -> bool:
    """The word at `at` follows a determiner ("the report", "its statement"): a noun."""
    before = _LAST_WORD.search(text, max(start, at - 12), at)
    return before is not None and before.group(1).lower() in _DETERMINERS


def _title_case(inner: str) -> bool:
    """Several words, each significant one capitalised: "Antwerp 2030: Automate to Compete"."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    significant = [w for w in words if len(w) > 3]
    return len(words) > 1 and bool(significant) and all(w[:1].isupper() for w in significant)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007
        pass
    return found


def _group_class(key: str) -> str:
    return key.rsplit(":", 1)[-1]


def _entries(text: str, blocks: Sequence[Block]) -> list[int]:
    """The paragraphs that open a live blog's entries, a time alone on its line or before a dash
    ("10:45 GMT", "Updated 2.15pm"); none unless two do."""
    found = [
        i
        for i, block in enumerate(blocks)
        if block.post is None
        and (
            (first := text[block.span.start : block.span.start + 1]) in _ENTRY_INITIALS
            or not first.isascii()
        )
        and _ENTRY_TIME.match(text, block.span.start, block.span.end)
    ]
    return found if len(found) >= _ENTRIES_MIN else []


def _place_like(name: str) -> bool:
    """A place's name, or a place's and a party's ("North Dakota Republican"): no person's."""
    folded = fold(name)
    if folded in REGIONS or folded in COUNTRY_NAMES or folded in CAPITALS:
        return True
    words = folded.split()
    return any(w in REGION_WORDS for w in words) and all(
        w in REGION_WORDS or w in PARTY_MEMBERS or w in _COMPASS for w in words
    )


def _could_be_name(word: str) -> bool:
    folded = fold(_APOSTROPHE.split(word, maxsplit=1)[0])
    return not (
        folded in NOT_NAMES
        or folded in TITLE_WORDS
        or folded in COUNTRY_NAMES
        or folded in CAPITALS
        or folded in DEMONYMS
        or folded in ORGANISATIONS
        or folded in GROUP_NOUNS
    )


def _ends_with(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether text[start:end] ends with one of `words` where a pattern's `$` finds the end: at
    `end`, or before a line break there."""
    return text.endswith(words, start, end) or (
        end > start and text[end - 1] == "\n" and text.endswith(words, start, end - 1)
    )


def _after_lead_end(text: str, after: Span) -> int:
    lead = _AFTER_LEAD.match(text, after.start, after.end)
    assert lead is not None, "every part of _AFTER_LEAD is optional"
    return lead.end()


def _head_word(word: str) -> bool:
    """A word that may stand before a person's name in a subject: a title, a role, a
    capitalised word, an article or an age ("17-year-old")."""
    folded = word.strip(".,").lower()
    return (
        word[:1].isupper()
        or folded in TITLE_WORDS
        or folded in ROLE_NOUNS
        or folded in {"the", "a", "an"}
        or folded[:1].isdigit()
    )


def _cut(text: str, word: tuple[int, int], at: int) -> str:
    """The word at (start, end), cut at `at`."""
    return text[word[0] : min(word[1], at)]


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _skip_quote_tail(text: str, at: int, limit: int) -> int:
    """Past the closing marks and the comma after a quote's words: "…,” ", "…,'' "."""
    while at < limit and (text[at] in "”\"'’," or text[at].isspace()):
        at += 1
    return at


def _skip_fillers(text: str, at: int, limit: int) -> int:
    while True:
        at = _skip_space(text, at)
        word = _LOWER_WORD.match(text, at, limit)
        if not word or word.group() not in _FILLERS:
            return at
        at += len(word.group())


def _is_title_of_work(text: str, mark: _Mark) -> bool:
    """Capitalised words after "the book", "titled", "called", or after a broadcaster that
    someone spoke on or to ("told NBC's “Today”", "on ''This Week''"): a title, not reported
    words; and any words before "by" and an author ("“Museum hires a new director,” by X"),
    the headline of a piece."""
    if _BY_AUTHOR.match(text, mark.outer.end) and (
        text[mark.inner.end - 1 : mark.inner.end] == "," or text.startswith(",", mark.outer.end)
    ):
        return True
    end = mark.inner.end
    while end > mark.inner.start and text[end - 1] in " ,.":
        end -= 1
    if _LOWER_LONG_WORD.search(text, mark.inner.start, end):
        return False  # most quotes: a significant word in lower case, found without a split
    inner = text[mark.inner.start : mark.inner.end].strip(" ,.")
    words = inner.split()
    if not words or not words[0][:1].isupper():
        return False
    significant = [w for w in words if len(w) > 3]
    if not all(w[:1].isupper() for w in significant):
        return False
    start = max(0, mark.outer.start - 30)
    return bool(
        _WORK_CUE.search(text, start, mark.outer.start)
        or _ON_A_PROGRAMME.search(text, start, mark.outer.start)
    )


def _carry_over(quotes: list[Quote], context: _Context) -> list[Quote]:
    """A quote continued over paragraphs keeps one speaker across its parts."""
    out = list(quotes)
    for i in range(len(out) - 1):
        current, following = out[i], out[i + 1]
        if (
            current.speaker is None
            and following.speaker
            and _continues(context, current, following)
        ):
            out[i] = _continued(current, following)
    for i in range(1, len(out)):
        previous, current = out[i - 1], out[i]
        if current.speaker is None and previous.speaker and _continues(context, previous, current):
            out[i] = _continued(current, previous)
    return out


def _echoes(quotes: list[Quote], context: _Context) -> list[Quote]:
    """A quote no rule attributed, whose words another quote of the article (not one it is
    nested in) says in full, is that quote's speaker's: a headline's "‘I've never been
    serenaded before’: divers …" and the body's "“I've done a lot of rescues. I've never been
    serenaded before,” he said". Only the quotes of the article's first blocks (its headline,
    standfirst and opening) and of each live-blog entry's first ("Minister: ‘The bridge will
    reopen’" over the minister's post) are looked at, so the work stays linear in the quotes. A
    transcript's answers count as quotes of their labels' speakers, quoted or not: a headline
    may be the only place an answer is quoted."""
    if not quotes:
        return quotes
    blocks = context.blocks
    top = blocks[_ECHO_BLOCKS].span.start if len(blocks) > _ECHO_BLOCKS else len(context.text)
    heads = [
        Span(blocks[e].span.start, blocks[min(e + _ENTRY_HEAD_BLOCKS, len(blocks) - 1)].span.end)
        for e in context.entries
    ]
    heads_starts = [h.start for h in heads]

    def heading(at: int) -> bool:
        i = bisect.bisect_right(heads_starts, at) - 1
        return at < top or (i >= 0 and at < heads[i].end)

    needles = [
        i for i, q in enumerate(quotes) if q.speaker is None and heading(q.span.start)
    ]  # most articles: none, and nothing more is read
    if not needles:
        return quotes
    sources = [
        (j, q)
        for j, q in enumerate(quotes + context.answers())
        if q.speaker is not None and q.confidence >= NOBODY_SAID
    ]
    words = {i: _WORDS_ONLY.sub(" ", quotes[i].text.casefold()).strip() for i in needles}
    words.update((j, _WORDS_ONLY.sub(" ", q.text.casefold()).strip()) for j, q in sources)
    out = list(quotes)
    for i in needles:
        quote = quotes[i]
        if not words[i]:
            continue
        needle = f" {words[i]} "
        said = [
            other
            for j, other in sources
            if len(words[j]) > len(words[i])
            and not (other.span.start <= quote.span.start < other.span.end)  # nested in it
            and needle in f" {words[j]} "
        ]
        if said:
            source = max(said, key=lambda q: q.confidence)
            out[i] = _continued(quote, source)
    return out


def _continues(context: _Context, first: Quote, second: Quote) -> bool:
    """`first` runs to its paragraph's end unclosed and `second` opens the next paragraph."""
    text = context.text
    ends_block = first.span.end in context.block_ends
    opens_block = second.span.start - 1 in context.block_starts
    return ends_block and opens_block and text[first.span.end - 1] not in '”"’'


def _continued(part: Quote, other: Quote) -> Quote:
    """`part` of a quote with the speaker of its `other` part."""
    confidence = min(other.confidence, CONTINUED)
    return Quote(part.span, part.text, other.speaker, part.date, confidence)
