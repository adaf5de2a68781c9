"""Which mentions make an organisation, a country or a group a party to what a sentence reports.

A person named in an event's words takes part in it. A body named there may only qualify
another noun ("NATO membership", "a Kremlin official", "the agency's report") or say where
something is ("a pilot at the county hospital"): the sentence is not about what it did. Only
the other mentions tie it to the event, so that the actor's own list of events holds what it
did, said or underwent, not every sentence that names it.
"""

from __future__ import annotations

import re

from extract import lang
from extract.model import Actor, ActorKind, Span
from extract.names import OCCUPATIONS
from extract.vocabulary import ROLE_NOUNS, TITLE_WORDS

# Prepositions after which a body is a place or an affiliation, not a party.
PLACE_PREPOSITIONS = lang.words("place_prepositions")
# Nouns of a person's standing after a body that employs or elects them: "Kremlin official".
_STANDING = ROLE_NOUNS | TITLE_WORDS | OCCUPATIONS
# The word before a mention, past a "the"; the word after it.
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?$")
_WORD_AFTER = re.compile(r"(?:['’]s?\b|\s+([A-Za-z]+))")
# A dateline's place: a line that opens with it in capitals, then a comma, a bracket or a dash.
_DATELINE_END = re.compile(r"\s*[,(—–-]")
_LOOK_BACK = 24


def involved(text: str, actor: Actor) -> tuple[Span, ...]:
    """The mentions of `actor` that can make it a party to an event: all of a person's; a body's
    unless it qualifies the noun after it or follows a preposition of place or affiliation."""
    if actor.kind is ActorKind.PERSON:
        return actor.mentions
    return tuple(span for span in actor.mentions if _takes_part(text, span))


def _takes_part(text: str, span: Span) -> bool:
    surface = text[span.start : span.end]
    if surface.endswith(("'s", "’s")):
        return False  # "the agency's report"
    if (
        surface.isupper()
        and (span.start == 0 or text[span.start - 1] == "\n")
        and _DATELINE_END.match(text, span.end)
    ):
        return False  # "OSLO, May 2 (Agency) -"
    after = _WORD_AFTER.match(text, span.end)
    if after is not None and (after[1] is None or after[1].casefold() in _STANDING):
        return False  # "the agency's report", "a Kremlin official"
    before = _WORD_BEFORE.search(text, max(0, span.start - _LOOK_BACK), span.start)
    return before is None or before[1].casefold() not in PLACE_PREPOSITIONS
