"""The read side: in-memory indexes over a loaded database, and the filters the browser uses.

`CorpusIndex` reads the tables once and builds plain Python indexes (sorted dates, postings per
actor and per document, pre-folded search text); queries never scan TinyDB. Items come back in
timeline order as lazy `Results`: a row becomes a record only when it is looked at, so a query
that matches 100,000 events costs a list of positions, not 100,000 objects.
"""

from __future__ import annotations

import functools
import gc
import os
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, compress, pairwise, repeat
from operator import contains, ne
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from extract.model import CorpusActor, CorpusDocument, CorpusEvent, CorpusQuote
from store.corrections import Correction, document_overrides, from_row
from store.database import (
    ACTORS,
    CORRECTIONS,
    DOCUMENTS,
    EVENTS,
    QUOTES,
    Database,
    database_version,
    open_database,
)
from store.review import (
    ACTORS_DOUBT,
    DATE_DOUBT,
    REVIEW_BELOW,
    SPEAKER_DOUBT,
    Places,
    Queue,
    Record,
    ordered,
)
from store.rows import (
    UNDATED_DAY,
    WORD,
    Row,
    actor_of,
    document_of,
    event_of,
    fold,
    quote_of,
    unsure,
    unsure_of,
)
from store.storage import Blob, Blobs, collector_paused

T = TypeVar("T")
# Items longer than this many days are few ("since 2014", "2025"); the date filter checks them
# one by one and finds the others by bisecting on their first day.
LONG_DAYS = 62
# A text search whose candidates are more than this share of the items tests every item's
# search text (decoded all at once) rather than candidates one by one.
SCAN_ABOVE = 0.05
# A needle's word that occurs in more words of the index than this (a letter or two) does not
# give candidates: unioning so many postings costs more than a scan.
MANY_WORDS = 64
# How many recent text searches each of events and quotes keeps the matches of.
RECENT_NEEDLES = 16


@dataclass(frozen=True, slots=True)
class Filter:
    """Which items to show; fields combine with AND, and an empty filter shows everything."""

    actors: frozenset[str] = frozenset()  # actor ids: items involving any of them
    since: date | None = None  # items whose dates lie within [since, until] (either may be open)
    until: date | None = None
    text: str = ""  # words in the item or its citations, ignoring case and accents
    documents: frozenset[str] = frozenset()  # document ids: items any of them cites
    # With dates: also the items whose dates merely overlap [since, until] ("2000–2016" for
    # the last week of October 2016). Without dates it changes nothing.
    overlapping: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.since or self.until or self.text.strip() or self.documents)


@dataclass(frozen=True, slots=True)
class ActorCount:
    actor: CorpusActor
    events: int
    quotes: int


@dataclass(frozen=True, slots=True)
class Source:
    """A stored document without its text: what a list of sources shows."""

    id: str
    path: str
    title: str | None
    publisher: str | None
    published: date | None


class Results(Sequence[T], Generic[T]):
    """Matching items in timeline order, made into records only when read."""

    __slots__ = ("_get", "_starts", "positions")

    def __init__(
        self, positions: Sequence[int], get: Callable[[int], T], starts: Sequence[int] = ()
    ) -> None:
        self.positions = positions
        self._get = get
        self._starts = starts

    @property
    def days(self) -> Days:
        """Each item's first day, read from the store's column: no record is decoded."""
        return Days(self.positions, self._starts)

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._get(p) for p in self.positions[index]]
        return self._get(self.positions[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._get, self.positions)

    def __eq__(self, other: object) -> bool:
        """The same items of the same store, in the same order."""
        if not isinstance(other, Results):
            return NotImplemented
        return self._get == other._get and self.positions == other.positions

    __hash__ = None  # type: ignore[assignment]  # compared by content, as lists are

    def index_of(self, position: int) -> int | None:
        """Where the item at store position `position` is among these results, if it is.

        Positions ascend (results are in timeline order), so this is a bisection and decodes
        no record.
        """
        positions = self.positions
        found = bisect_left(positions, position)
        return found if found < len(positions) and positions[found] == position else None


class Days(Sequence[int]):
    """The first day (`date.toordinal()`) of each of some results, in their order: ascending,
    undated items last (as `UNDATED_DAY`). Read from the store's column of first days, so the
    questions below are bisections that decode no record, cheap at 100,000 items."""

    __slots__ = ("_positions", "_starts")

    def __init__(self, positions: Sequence[int], starts: Sequence[int]) -> None:
        self._positions = positions
        self._starts = starts

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self._starts[p] for p in self._positions[index]]
        return self._starts[self._positions[index]]

    @property
    def dated(self) -> int:
        """How many items have a date (they come first)."""
        return self._bisect(UNDATED_DAY)

    def first_on_or_after(self, day: date) -> int:
        """The index of the first item that starts on or after `day` (`len` if none does)."""
        return self._bisect(day.toordinal())

    def counts(self, edges: Sequence[int]) -> list[int]:
        """How many items start in each period [edges[i], edges[i + 1]) of ascending day
        numbers: one bisection per edge."""
        found = [self._bisect(edge) for edge in edges]
        return [high - low for low, high in pairwise(found)]

    def _bisect(self, day: int) -> int:
        return bisect_left(self._positions, day, key=self._starts.__getitem__)


@dataclass(frozen=True, slots=True)
class _Criterion:
    """One filter field: `estimate` bounds its matches, `positions` lists them, `narrow` keeps
    the candidates that satisfy it."""

    estimate: int
    positions: Callable[[], Sequence[int]]
    narrow: Callable[[Sequence[int]], Sequence[int]]


class _Items(Generic[T]):
    """Events or quotes in timeline order, with the columns and postings the filters read.

    `table` is the one row the store writes for them (`store.rows.pack`); `by_actor` holds the
    positions of each actor's items. Records, search texts and the word index are blobs,
    decoded on first use.
    """

    def __init__(
        self,
        table: Row,
        *,
        by_actor: Callable[[], dict[str, Sequence[int]]],
        make: Callable[[Row], T],
    ) -> None:
        self.starts: list[int] = table.get("first", [])
        self.ends: list[int] = table.get("last", [])
        self._by_actor = by_actor
        self.by_document: dict[str, list[int]] = table.get("documents", {})
        self._rows: Blobs = table.get("records", Blobs())
        self._search: Blobs = table.get("search", Blobs())
        self._words: Blob = table.get("words", Blob([[], []]))
        self._postings: Blobs = table.get("postings", Blobs())
        self._unsure: Blob | None = table.get("unsure")
        starts, ends = self.starts, self.ends
        self.dated = bisect_left(starts, UNDATED_DAY)
        # Cheap test first, in C for all items: most items are one day.
        spans = compress(range(self.dated), map(ne, starts, ends))
        self.long = [i for i in spans if ends[i] - starts[i] > LONG_DAYS]
        self._make = make
        self._records: list[T | None] = [None] * len(starts)
        # The needles searched in every item lately and their matches, most recent last. Typing
        # on, the next needle holds one of them and only its matches can hold it; deleting back,
        # the shorter needle was searched a moment ago.
        self._searched: OrderedDict[str, array[int]] = OrderedDict()
        self._posted: dict[int, array[int]] = {}

    def __len__(self) -> int:
        return len(self.starts)

    @functools.cached_property
    def by_actor(self) -> dict[str, Sequence[int]]:
        """The positions of each actor's items (the actors with none left out): gathered on
        first use, from 21,000 actor rows at 100,000 events."""
        return self._by_actor()

    @functools.cached_property
    def actors(self) -> list[list[str]]:
        """Each item's actor ids (for counts within a filter): built on first use."""
        actors: list[list[str]] = [[] for _ in self.starts]
        for key, positions in self.by_actor.items():
            for i in positions:
                actors[i].append(key)
        return actors

    @functools.cached_property
    def search(self) -> list[str]:
        """Every item's folded search text: decoded on first use of a text scan."""
        return self._search.all()

    @functools.cached_property
    def vocabulary(self) -> tuple[list[str], list[int], dict[str, int]]:
        """The sorted words of all search texts, how many items hold each, and their ranks."""
        words, counts = self._words.value
        return words, counts, {w: i for i, w in enumerate(words)}

    @functools.cached_property
    def doubts(self) -> tuple[list[int], list[float]]:
        """The items not sure (confidence below 1.0), least sure first, timeline order among
        equals, and their confidences: stored so by `pack`, decoded and checked on first use
        (rows written before it was: read from every record)."""
        if self._unsure is not None:
            return unsure_of(self._unsure, len(self))
        positions, confidences = unsure([row.get("confidence", 1.0) for row in self._rows.all()])
        return positions, confidences

    def unsure(self, below: float) -> tuple[list[int], list[float]]:
        """`doubts` below `below`: a bisection."""
        positions, confidences = self.doubts
        end = bisect_left(confidences, below)
        return positions[:end], confidences[:end]

    def position_of(self, item_id: str) -> int | None:
        """Where the item with id `item_id` is (every record is decoded: for a command, not a
        keystroke)."""
        return next((p for p, row in enumerate(self._rows.all()) if row["id"] == item_id), None)

    def get(self, position: int) -> T:
        record = self._records[position]
        if record is None:
            record = self._records[position] = self._make(self._rows[position])
        return record

    def select(self, where: Filter) -> Sequence[int]:
        """The positions of the items `where` keeps, ascending: an array, which the cyclic
        collector never walks (a list of 100,000 positions, alive while the browser shows it,
        cost every collection a pass over it)."""
        criteria = self._criteria(where)
        if not criteria:
            return range(len(self))
        first, *rest = sorted(criteria, key=lambda c: c.estimate)
        positions = first.positions()
        for criterion in rest:
            positions = criterion.narrow(positions) if positions else positions
        return positions if isinstance(positions, array) else array("i", positions)

    def _criteria(self, where: Filter) -> list[_Criterion]:
        criteria = []
        if where.actors:
            criteria.append(_any_of([self.by_actor.get(key, []) for key in where.actors]))
        if where.documents:
            criteria.append(_any_of([self.by_document.get(key, []) for key in where.documents]))
        if where.since or where.until:
            dates = self._overlapping if where.overlapping else self._within
            criteria.append(dates(where.since, where.until))
        needle = fold(where.text.strip())
        if needle:
            criteria.append(self._text(needle))
        return criteria

    def _text(self, needle: str) -> _Criterion:
        def narrow(candidates: Sequence[int]) -> list[int]:
            return self._holding(needle, candidates)

        searched = self._searched
        if needle in searched:
            searched.move_to_end(needle)
            known = searched[needle]
            return _Criterion(len(known), lambda: known, narrow)
        estimate, found, untested = self._from_words(needle)
        # Typing on: the matches of an earlier needle this one holds are the candidates, unless
        # the word index lists fewer, or as many that need no test of their texts.
        held = [matches for typed, matches in searched.items() if typed in needle]
        fewest = min(held, key=len, default=None)
        if fewest is not None and (len(fewest), untested) < (estimate, True):
            estimate, found = len(fewest), lambda: self._holding(needle, fewest)

        def positions() -> array[int]:
            result = searched[needle] = array("i", found())
            if len(searched) > RECENT_NEEDLES:
                searched.popitem(last=False)
            return result

        return _Criterion(estimate, positions, narrow)

    def _holding(self, needle: str, candidates: Iterable[int] | None = None) -> list[int]:
        """The candidates (else all items) whose search text holds `needle`, ascending."""
        if candidates is None:  # every item: the test runs in C
            search = self.search
            return list(compress(range(len(search)), map(contains, search, repeat(needle))))
        candidates = sorted(candidates)
        many = len(candidates) > SCAN_ABOVE * len(self) or "search" in self.__dict__
        texts = self.search if many else self._search
        return _containing(needle, candidates, texts)

    def _from_words(self, needle: str) -> tuple[int, Callable[[], Sequence[int]], bool]:
        """How many items may hold `needle`, how to list those that do, and whether that list
        comes from the word index alone, with no text to test.

        Every occurrence of a needle's word lies in one word of the text: inside it for a needle
        of one word, at the end of a word for the first, the start for the last, and a whole
        word for the others. The items that hold a word for each needle's word are the
        candidates; a needle of one word needs no further test.
        """
        tokens = WORD.findall(needle)
        if not tokens:
            return len(self), lambda: self._holding(needle), False
        words, counts, rank = self.vocabulary
        edges = (needle.startswith(tokens[0]), needle.endswith(tokens[-1]))
        choices = []
        for n, token in enumerate(tokens):
            # may the text's word go on before / after this token?
            before, after = n == 0 and edges[0], n == len(tokens) - 1 and edges[1]
            if before and after:
                found = list(compress(range(len(words)), map(contains, words, repeat(token))))
            elif before:
                ends = map(str.endswith, words, repeat(token))
                found = list(compress(range(len(words)), ends))
            elif after:
                lo = bisect_left(words, token)
                found = list(range(lo, bisect_left(words, token + "\U0010ffff", lo)))
            else:
                found = [rank[token]] if token in rank else []
            choices.append((sum(counts[i] for i in found), found))
        exact = len(tokens) == 1 and edges == (True, True)
        # Tokens matching few words give candidates: the items holding all of them.
        usable = sorted(c for c in choices if len(c[1]) <= MANY_WORDS)
        estimate = min(choices)[0]
        one_posting = exact and len(usable) == 1 and len(usable[0][1]) == 1
        # One token whose words' postings hold more entries than there are items (a common
        # letter): decoding and joining them costs more than one scan of every search text,
        # which runs in C. Several tokens intersect their postings: cheaper than the scan of a
        # longer needle.
        common = len(usable) == 1 and not one_posting and usable[0][0] > len(self)
        if not usable or common:
            return estimate, lambda: self._holding(needle), False

        def positions() -> Sequence[int]:
            if one_posting:
                return self._posting(usable[0][1][0])  # one word's items, already in order
            found = set(chain.from_iterable(map(self._posting, usable[0][1])))
            for _, ranks in usable[1:]:
                found.intersection_update(chain.from_iterable(map(self._posting, ranks)))
            return sorted(found) if exact else self._holding(needle, found)  # the few that match

        return estimate, positions, exact

    def _posting(self, rank: int) -> array[int]:
        """One word's items, decoded once (into an array: kept for good, never walked by the
        collector)."""
        found = self._posted.get(rank)
        if found is None:
            found = self._posted[rank] = array("i", self._postings[rank])
        return found

    def _within(self, since: date | None, until: date | None) -> _Criterion:
        """Items whose first and last days both lie in [since, until]."""
        low = since.toordinal() if since else 0
        high = until.toordinal() if until else UNDATED_DAY - 1
        starts, ends = self.starts, self.ends
        begin = bisect_left(starts, low)
        stop = min(bisect_right(starts, high), self.dated)
        # Short items that start by `high - LONG_DAYS` end by `high`: only the long ones among
        # them, and the items starting later, need their last day looked at.
        sure = max(begin, min(bisect_right(starts, high - LONG_DAYS), stop))

        def positions() -> Sequence[int]:
            if not until:  # no last day to check: every item starting from `since` is in
                return range(begin, stop)
            wide = {i for i in self.long if begin <= i < sure and ends[i] > high}
            found = [i for i in range(begin, sure) if i not in wide]
            found += [i for i in range(sure, stop) if ends[i] <= high]
            return found

        return _Criterion(
            stop - begin,
            positions,
            lambda cands: [i for i in cands if starts[i] >= low and ends[i] <= high],
        )

    def _overlapping(self, since: date | None, until: date | None) -> _Criterion:
        low = since.toordinal() if since else 0
        high = until.toordinal() if until else UNDATED_DAY - 1
        starts, ends = self.starts, self.ends
        # Items that start after `high` cannot overlap; short ones that start before
        # `low - LONG_DAYS` end before `low`.
        stop = min(bisect_right(starts, high), self.dated)
        begin = bisect_left(starts, low - LONG_DAYS) if since else 0

        # Items that start on or after `low` end after it: no need to look at them.
        inside = max(begin, min(bisect_left(starts, low), stop))

        def positions() -> list[int]:
            early = [i for i in self.long if i < begin and i < stop and ends[i] >= low]
            early += [i for i in range(begin, inside) if ends[i] >= low]
            early += range(inside, stop)
            return early

        return _Criterion(
            stop - begin + len(self.long),
            positions,
            lambda cands: [i for i in cands if ends[i] >= low and starts[i] <= high],
        )


def _any_of(lists: list[Sequence[int]]) -> _Criterion:
    """Items in any of these postings."""

    def narrow(candidates: Sequence[int]) -> list[int]:
        allowed = set(chain.from_iterable(lists))
        return [i for i in candidates if i in allowed]

    return _Criterion(
        sum(map(len, lists)),
        lambda: lists[0][:] if len(lists) == 1 else sorted(set(chain.from_iterable(lists))),
        narrow,
    )


class _Actors(Mapping[str, CorpusActor]):
    """The actors by id, each made of its row when first read: a command that filters by date
    or text reads none of the 21,000 actors of a database of 100,000 events, which a load would
    otherwise make (a quarter of its time)."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows = {row["id"]: row for row in rows}
        self._made: dict[str, CorpusActor] = {}

    def __getitem__(self, actor_id: str) -> CorpusActor:
        found = self._made.get(actor_id)
        if found is None:
            found = self._made[actor_id] = actor_of(self._rows[actor_id])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _postings(actor_rows: list[Row], name: str) -> dict[str, Sequence[int]]:
    """Each actor's positions among the items of table `name`, for the actors that have some."""
    return {row["id"]: row[name] for row in actor_rows if row[name]}


class CorpusIndex:
    """Everything the browser asks of a database, answered from memory.

    Build it with `load_index(path)` or `CorpusIndex(db)`; it is a snapshot: reload after writes.
    """

    def __init__(self, db: Database) -> None:
        with collector_paused():
            corrections = [(from_row(r), r["orphan"]) for r in db.rows(CORRECTIONS)]
            self._corrections = corrections
            overrides = document_overrides(c for c, _ in corrections)
            self._document_rows = {
                row["id"]: _corrected(row, overrides.get(row["path"])) for row in db.rows(DOCUMENTS)
            }
            texts = _Texts(self._document_rows)
            actor_rows = db.rows(ACTORS)
            self._actors = _Actors(actor_rows)
            self._events: _Items[CorpusEvent] = _Items(
                _only(db.rows(EVENTS)),
                by_actor=lambda: _postings(actor_rows, EVENTS),
                make=lambda row: event_of(row, texts),
            )
            self._quotes: _Items[CorpusQuote] = _Items(
                _only(db.rows(QUOTES)),
                by_actor=lambda: _postings(actor_rows, QUOTES),
                make=lambda row: quote_of(row, texts),
            )
        self._documents: dict[str, CorpusDocument] = {}
        self._queues: dict[float, Queue] = {}
        # The database file's `database_version` when it was read (set by `load_index`).
        self.version: tuple[int, int, int] | None = None

    def prepare_search(self) -> None:
        """Decode what filters need (folded texts, word index, each item's actors) and the review
        queue's confidences, otherwise paid by the first search: a browser calls this from its
        loading worker so the first keystroke is fast.

        Like the index (`load_index`), they live as long as the program: frozen, so that no
        collection walks their hundreds of thousands of entries (~15 ms each time at 100,000
        events, felt as a stalled keystroke).
        """
        with collector_paused():
            for items in (self._events, self._quotes):
                # cached_properties: reading one builds and keeps it
                items.search  # noqa: B018
                items.vocabulary  # noqa: B018
                items.actors  # noqa: B018 - for the actor counts within a filter
                items.doubts  # noqa: B018 - for the review queue
            gc.freeze()

    # --- documents and actors --------------------------------------------------------------

    @property
    def document_ids(self) -> list[str]:
        return list(self._document_rows)

    def document(self, doc_id: str) -> CorpusDocument:
        found = self._documents.get(doc_id)
        if found is None:
            found = self._documents[doc_id] = document_of(self._document_rows[doc_id])
        return found

    def corrections(self) -> list[tuple[Correction, bool]]:
        """The reader's corrections, oldest first, each with whether it found no target."""
        return list(self._corrections)

    def fingerprints(self) -> dict[str, str]:
        """Each document's id and the sha256 of its content: what changed between two reads."""
        return {doc_id: row["sha256"] for doc_id, row in self._document_rows.items()}

    def sources(self) -> list[Source]:
        """Every document's metadata, in stored order; no text is decoded."""
        return [
            Source(
                row["id"],
                row["path"],
                row.get("title"),
                row.get("publisher"),
                date.fromisoformat(row["published"]) if row.get("published") else None,
            )
            for row in self._document_rows.values()
        ]

    def find_documents(self, reference: str) -> list[CorpusDocument]:
        """Documents named by an id ("d3"), a path, a file name or a sha256 prefix."""
        return [
            self.document(row["id"])
            for row in match_documents(self._document_rows.values(), reference)
        ]

    def actor(self, actor_id: str) -> CorpusActor:
        return self._actors[actor_id]

    def actors(self) -> list[CorpusActor]:
        return list(self._actors.values())

    def find_actors(self, name: str) -> list[CorpusActor]:
        """Actors called `name` (name or alias, ignoring case and accents); failing that, every
        actor with `name` inside one of its names."""
        wanted = fold(name.strip())
        names = {a.id: [fold(n) for n in (a.name, *a.aliases)] for a in self._actors.values()}
        exact = [self._actors[i] for i, folded in names.items() if wanted in folded]
        if exact or not wanted:
            return exact
        return [self._actors[i] for i, folded in names.items() if any(wanted in n for n in folded)]

    def actor_counts(
        self,
        where: Filter | None = None,
        *,
        within: tuple[Results[CorpusEvent], Results[CorpusQuote]] | None = None,
    ) -> list[ActorCount]:
        """Every actor with its number of events and quotes (within `where`), most first.

        `within`: the events and quotes `where` selects, when the caller has them already.
        """
        if where is None or where.is_empty:
            events = {key: len(p) for key, p in self._events.by_actor.items()}
            quotes = {key: len(p) for key, p in self._quotes.by_actor.items()}
        else:
            matched_events, matched_quotes = within or (self.events(where), self.quotes(where))
            events = _count(self._events.actors, matched_events.positions)
            quotes = _count(self._quotes.actors, matched_quotes.positions)
        counts = [
            ActorCount(actor, events.get(actor.id, 0), quotes.get(actor.id, 0))
            for actor in self._actors.values()
        ]
        counts.sort(key=lambda c: (-(c.events + c.quotes), c.actor.name.casefold()))
        return counts

    # --- the review queue ------------------------------------------------------------------

    def review(self, below: float = REVIEW_BELOW) -> Queue:
        """The quote speakers, event dates and actors whose confidence is below `below`, least
        sure first, ties in timeline order (`store.review`); built once, from the confidence
        columns, its records read as its rows are."""
        queue = self._queues.get(below)
        if queue is None:
            queue = self._queues[below] = self._queue(below)
        return queue

    def _queue(self, below: float) -> Queue:
        quotes, events = self._quotes, self._events
        speakers, speaker_confidences = quotes.unsure(below)
        dated, date_confidences = events.unsure(below)
        actors = [a for a in self._actors.values() if a.confidence < below]
        firsts = {
            a.id: min(
                (
                    items.starts[found[0]]
                    for items in (events, quotes)
                    if (found := items.by_actor.get(a.id))
                ),
                default=UNDATED_DAY,
            )
            for a in actors
        }
        actors.sort(key=lambda a: (a.confidence, firsts[a.id]))  # one run, as the others
        actor_days = [firsts[a.id] for a in actors]
        confidences = [*speaker_confidences, *date_confidences, *(a.confidence for a in actors)]
        days = [
            *map(quotes.starts.__getitem__, speakers),
            *map(events.starts.__getitem__, dated),
            *actor_days,
        ]
        segments: list[tuple[str, Places]] = [
            (SPEAKER_DOUBT, speakers),
            (DATE_DOUBT, dated),
            (ACTORS_DOUBT, [a.id for a in actors]),
        ]
        return Queue(segments, confidences, ordered(confidences, days), self._doubted)

    def _doubted(self, kind: str, place: int | str) -> Record:
        if kind == ACTORS_DOUBT:
            return self._actors[str(place)]
        items = self._quotes if kind == SPEAKER_DOUBT else self._events
        record: Record = items.get(int(place))
        return record

    def item(self, item_id: str) -> CorpusEvent | CorpusQuote | None:
        """The event or quote with id `item_id` (e..., q...), or None."""
        items: _Items[CorpusEvent] | _Items[CorpusQuote] = (
            self._quotes if item_id.startswith("q") else self._events
        )
        position = items.position_of(item_id)
        return None if position is None else items.get(position)

    def actor_count(self, actor: CorpusActor) -> ActorCount:
        """`actor` with the number of its events and quotes in the whole database."""
        return ActorCount(
            actor,
            len(self._events.by_actor.get(actor.id, ())),
            len(self._quotes.by_actor.get(actor.id, ())),
        )

    # --- events and quotes -----------------------------------------------------------------

    def events(self, where: Filter | None = None) -> Results[CorpusEvent]:
        items = self._events
        return Results(items.select(where or Filter()), items.get, items.starts)

    def quotes(self, where: Filter | None = None) -> Results[CorpusQuote]:
        items = self._quotes
        return Results(items.select(where or Filter()), items.get, items.starts)

    def locate(self, item: CorpusEvent | CorpusQuote) -> int | None:
        """The position of the event or quote reported where `item` (perhaps from another read of
        the database) was first cited, in `events()` or `quotes()` order; None if none is."""
        if not item.citations:
            return None
        cited = item.citations[0]
        items = self._events if isinstance(item, CorpusEvent) else self._quotes
        for position in items.by_document.get(cited.document, ()):
            if any(
                c.document == cited.document and c.span == cited.span
                for c in items.get(position).citations
            ):
                return position
        return None

    @property
    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self._document_rows),
            "events": len(self._events),
            "quotes": len(self._quotes),
            "actors": len(self._actors),
        }


def load_index(path: str | os.PathLike[str]) -> CorpusIndex:
    """Read the database at `path` (no lock: writes are atomic) and index it.

    The loaded data lives as long as the program and holds no cycles, so it is moved out of the
    collector's sight (`gc.freeze`): later collections do not walk millions of objects.
    """
    version = database_version(Path(path))  # before the read: a write meanwhile shows as newer
    with collector_paused():
        with open_database(Path(path)) as db:
            index = CorpusIndex(db)
        index.version = version
        # Before the collector runs again: its first pass would otherwise walk every object
        # made while it was paused.
        gc.freeze()
    return index


def match_documents(rows: Iterable[Row], reference: str) -> list[Row]:
    """Document rows named by an id, a path (as given or resolved), a file name or a sha256
    prefix of at least 6 hex digits."""
    reference = reference.strip()
    rows = list(rows)
    by_id = [row for row in rows if row["id"] == reference]
    if by_id or not reference:
        return by_id
    resolved = str(Path(reference).expanduser().resolve())
    by_path = [row for row in rows if row["path"] in (reference, resolved)]
    if by_path:
        return by_path
    by_name = [row for row in rows if Path(row["path"]).name == reference]
    if by_name:
        return by_name
    lowered = reference.lower()
    if len(lowered) >= 6 and all(c in "0123456789abcdef" for c in lowered):
        return [row for row in rows if row["sha256"].startswith(lowered)]
    return []


class _Texts(Mapping[str, str]):
    """Document ids to their texts, each decoded when first asked for."""

    def __init__(self, rows: dict[str, Row]) -> None:
        self._rows = rows

    def __getitem__(self, doc_id: str) -> str:
        text: str = self._rows[doc_id]["text"].value
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _corrected(row: Row, fields: dict[str, Any] | None) -> Row:
    """A document row with the fields a reader corrected (the stored row keeps the extractor's,
    so that withdrawing a correction brings them back)."""
    if not fields:
        return row
    corrected = row | {key: value for key, value in fields.items() if key != "published"}
    if "published" in fields:
        corrected |= {"published": fields["published"].isoformat(), "published_from": "reader"}
    return corrected


def _only(rows: list[Row]) -> Row:
    """The one row of a column table (none in an empty database)."""
    return rows[0] if rows else {}


def _containing(needle: str, candidates: list[int], texts: Sequence[str]) -> list[int]:
    """The candidates whose text holds `needle`, in their order (the loop runs in C)."""
    held = map(contains, map(texts.__getitem__, candidates), repeat(needle))
    return list(compress(candidates, held))


def _count(columns: Sequence[Sequence[str]], positions: Sequence[int]) -> Counter[str]:
    return Counter(chain.from_iterable(columns[i] for i in positions))
