"""The review queue: what the extractor is least sure of, for a reader to accept or correct.

Three kinds of doubt, each the confidence of one record (`extract.model`): a quote's speaker
(or that it has none), an event's date and an actor's names being one actor. The queue holds
those under `REVIEW_BELOW`, least sure first, ties in timeline order (an actor where it first
appears). It is built from the stored confidence columns (`store.rows.pack`) and the actors,
so no record is decoded until a row is shown; accepting one (`acceptance`) stores the
machine's answer as the reader's, which makes it certain and takes it out of the queue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from extract.model import CorpusActor, CorpusEvent, CorpusQuote
from store.corrections import ACCEPT_ACTOR, ACCEPT_DATE, ACCEPT_SPEAKER, Correction

# Items whose confidence is below this are reviewed: the extractor's answer for them is right
# less often than a reader checking a story would accept without looking.
REVIEW_BELOW = 0.8

# The kinds of doubt, as the queue names them.
SPEAKER_DOUBT, DATE_DOUBT, ACTORS_DOUBT = "speaker", "date", "actors"
DOUBTS = (SPEAKER_DOUBT, DATE_DOUBT, ACTORS_DOUBT)

Record = CorpusQuote | CorpusEvent | CorpusActor


@dataclass(frozen=True, slots=True)
class Unsure:
    """One item of the queue: what is doubted, how sure the extractor is, and the record (a
    quote for its speaker, an event for its date, an actor for its names)."""

    kind: str
    confidence: float
    record: Record


@dataclass(frozen=True, slots=True)
class Doubt:
    """An entry of the queue before its record is read: the kind, the confidence, the day it
    sorts by among equals and where the record is (its position among the events or the
    quotes, or the actor's id)."""

    kind: str
    confidence: float
    day: int
    where: int | str


def ordered(doubts: list[Doubt]) -> list[Doubt]:
    """Least sure first; among equals, timeline order (a stable sort keeps the kinds' order)."""
    return sorted(doubts, key=lambda d: (d.confidence, d.day))


class Queue(Sequence[Unsure]):
    """The queue in order, each record read when its row is looked at."""

    __slots__ = ("_doubts", "_read")

    def __init__(self, doubts: Sequence[Doubt], read: Callable[[Doubt], Record]) -> None:
        self._doubts = doubts
        self._read = read

    def __len__(self) -> int:
        return len(self._doubts)

    @overload
    def __getitem__(self, index: int) -> Unsure: ...
    @overload
    def __getitem__(self, index: slice) -> list[Unsure]: ...
    def __getitem__(self, index: int | slice) -> Unsure | list[Unsure]:
        if isinstance(index, slice):
            return [self._unsure(d) for d in self._doubts[index]]
        return self._unsure(self._doubts[index])

    def __iter__(self) -> Iterator[Unsure]:
        return map(self._unsure, self._doubts)

    def _unsure(self, doubt: Doubt) -> Unsure:
        return Unsure(doubt.kind, doubt.confidence, self._read(doubt))

    def counts(self) -> dict[str, int]:
        """How many of each kind."""
        found = dict.fromkeys(DOUBTS, 0)
        for doubt in self._doubts:
            found[doubt.kind] += 1
        return found


def acceptance(unsure: Unsure, *, speaker: str | None = None, made: str = "") -> Correction:
    """The correction that accepts the machine's answer for `unsure` (`speaker`: the name of a
    quote's speaker, None for nobody)."""
    record = unsure.record
    if isinstance(record, CorpusQuote):
        return Correction(ACCEPT_SPEAKER, record.id, speaker or "", made=made)
    if isinstance(record, CorpusEvent):
        days = f"{record.date.first.isoformat()}/{record.date.last.isoformat()}"
        return Correction(ACCEPT_DATE, record.id, days, made=made)
    names = "|".join(dict.fromkeys((record.name, *record.aliases)))
    return Correction(ACCEPT_ACTOR, record.name, names, made=made)
