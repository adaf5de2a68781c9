"""Messages the app's workers post back to the event loop."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from textual.message import Message

from store import ActorCount, CorpusIndex, Filter


@dataclass
class IndexLoaded(Message):
    """The database is read and indexed; `months`: where each month starts on the timeline;
    `actors`: every actor's counts in the whole database (cheap, so counted with the load)."""

    index: CorpusIndex
    months: Sequence[tuple[int, Hashable]]
    actors: Sequence[ActorCount]


@dataclass
class ActorsCounted(Message):
    """Actor counts within `where` (only actors the filter leaves something for)."""

    where: Filter
    counts: Sequence[ActorCount]
