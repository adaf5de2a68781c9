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


def ordered(confidences: Sequence[float], days: Sequence[int]) -> list[int]:
    """The indexes of the entries, least sure first; among equals, by day (then as given).

    Two stable sorts, by day then by confidence, each on a key read in C: a key per entry (a
    tuple) cost twice as much, in its making and its comparisons.
    """
    order = sorted(range(len(confidences)), key=days.__getitem__)
    order.sort(key=confidences.__getitem__)
    return order


# Where a kind's entries are: positions among the events or the quotes, or actor ids.
Places = Sequence[int] | Sequence[str]


class Queue(Sequence[Unsure]):
    """The queue in order, each record read when its row is looked at.

    `segments` are the kinds' entries, (kind, places) one after the other; `confidences` and
    `order` (`ordered`) index the entries of all of them together.
    """

    __slots__ = ("_confidences", "_order", "_read", "_segments")

    def __init__(
        self,
        segments: Sequence[tuple[str, Places]],
        confidences: Sequence[float],
        order: Sequence[int],
        read: Callable[[str, int | str], Record],
    ) -> None:
        self._segments = segments
        self._confidences = confidences
        self._order = order
        self._read = read

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> Unsure: ...
    @overload
    def __getitem__(self, index: slice) -> list[Unsure]: ...
    def __getitem__(self, index: int | slice) -> Unsure | list[Unsure]:
        if isinstance(index, slice):
            return [self._unsure(entry) for entry in self._order[index]]
        return self._unsure(self._order[index])

    def __iter__(self) -> Iterator[Unsure]:
        return map(self._unsure, self._order)

    def _unsure(self, entry: int) -> Unsure:
        confidence = self._confidences[entry]
        for kind, places in self._segments:
            if entry < len(places):
                return Unsure(kind, confidence, self._read(kind, places[entry]))
            entry -= len(places)
        raise IndexError(entry)

    def counts(self) -> dict[str, int]:
        """How many of each kind."""
        found = dict.fromkeys(DOUBTS, 0)
        for kind, places in self._segments:
            found[kind] += len(places)
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
