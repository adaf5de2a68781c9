"""Which mentions make an organisation, a country or a group a party to what a sentence reports.

A person named in an event's words takes part in it. A body named there may only qualify
another noun ("a Union official", "the agency's report") or say where
something is ("a pilot at the county hospital"): the sentence is not about what it did. Only
the other mentions tie it to the event, so that the actor's own list of events holds what it
did, said or underwent, not every sentence that names it.
"""

from __future__ import annotations

import re

from extract import lang
from extract.model import Span
from extract.names import OCCUPATIONS
from extract.segments import is_dateline_place
from extract.vocabulary import ROLE_NOUNS, TITLE_WORDS

# Prepositions after which a body is a place or an affiliation, not a party.
PLACE_PREPOSITIONS = lang.words("place_prepositions")
# Nouns of a person's standing after a body that employs or elects them: "a Union official".
_STANDING = ROLE_NOUNS | TITLE_WORDS | OCCUPATIONS
# The word after a mention (or its possessive).
_WORD_AFTER = re.compile(r"(?:['’]s?\b|\s+([A-Za-z]+))")
_LOOK_BACK = 24
_THE = frozenset(("the", "The"))


def takes_part(text: str, span: Span) -> bool:
    """Whether this mention of an organisation, a country or a group can make it a party to
    what its sentence reports: not where it qualifies the noun after it ("a Union official",
    "the agency's report"), opens a dateline, or follows a preposition of place or affiliation
    ("treated at the Kelby Infirmary", "a pilot for Tarrow Ferries")."""
    if text.endswith(("'s", "’s"), span.start, span.end):
        return False  # "the agency's report"
    if is_dateline_place(text, span.start, span.end):
        return False  # "OSLO, May 2 (Agency) -"
    after = _WORD_AFTER.match(text, span.end)
    if after is not None and (after[1] is None or after[1].casefold() in _STANDING):
        return False  # "the agency's report", "a Union official"
    window = text[max(0, span.start - _LOOK_BACK) : span.start]
    if not window[-1:].isspace():
        return True
    words = window.split()
    if words and words[-1] in _THE:
        words.pop()
    return not words or words[-1].casefold() not in PLACE_PREPOSITIONS
