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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, chain, compress, islice
from operator import add, itemgetter, le, ne
from pathlib import Path
from typing import Generic, TypeVar, overload

from extract.model import CorpusActor, CorpusDocument, CorpusEvent, CorpusQuote
from store.database import ACTORS, DOCUMENTS, EVENTS, QUOTES, Database, open_database
from store.rows import (
    UNDATED,
    Row,
    actor_of,
    document_of,
    event_of,
    fold,
    quote_of,
)
from store.storage import collector_paused

T = TypeVar("T")
# Items longer than this many days are few ("since 2014", "2025"); the date filter checks them
# one by one and finds the others by bisecting on their first day.
LONG_DAYS = 62
# Joins the search texts into one string; a needle holding it is searched row by row.
SEPARATOR = "\x00"
# The text scan finds matches in the joined texts (C speed between matches); once this many have
# come from a stretch where at least one item in DENSE matches, testing each item is cheaper.
DENSE = 8


@dataclass(frozen=True, slots=True)
class Filter:
    """Which items to show; fields combine with AND, and an empty filter shows everything."""

    actors: frozenset[str] = frozenset()  # actor ids: items involving any of them
    since: date | None = None  # items whose dates overlap [since, until]
    until: date | None = None
    text: str = ""  # words in the item or its citations, ignoring case and accents
    documents: frozenset[str] = frozenset()  # document ids: items any of them cites

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.since or self.until or self.text.strip() or self.documents)


@dataclass(frozen=True, slots=True)
class ActorCount:
    actor: CorpusActor
    events: int
    quotes: int


class Results(Sequence[T], Generic[T]):
    """Matching items in timeline order, made into records only when read."""

    __slots__ = ("_get", "positions")

    def __init__(self, positions: Sequence[int], get: Callable[[int], T]) -> None:
        self.positions = positions
        self._get = get

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


@dataclass(frozen=True, slots=True)
class _Criterion:
    """One filter field: `estimate` bounds its matches, `positions` lists them, `narrow` keeps
    the candidates that satisfy it."""

    estimate: int
    positions: Callable[[], list[int]]
    narrow: Callable[[list[int]], list[int]]


class _Items(Generic[T]):
    """Events or quotes in timeline order, with the columns and postings the filters read.

    `rows` come in timeline order with their first and last days (`starts`, `ends`) and the
    postings of each actor (positions in that order), all as the store wrote them.
    """

    def __init__(
        self,
        rows: list[Row],
        *,
        starts: list[str],
        ends: list[str],
        by_actor: dict[str, list[int]],
        actors_of: Callable[[Row], Sequence[str]],
        make: Callable[[Row], T],
    ) -> None:
        self.rows, self.starts, self.ends, self.by_actor = rows, starts, ends, by_actor
        self.dated = bisect_left(starts, UNDATED)
        self.search = list(map(_SEARCH, rows))
        # Cheap tests first, in C for all items: most items are one day; a span inside one
        # month is short.
        spans = compress(range(self.dated), map(ne, starts, ends))
        self.long = [
            i
            for i in spans
            if starts[i][:7] != ends[i][:7] and _days(starts[i], ends[i]) > LONG_DAYS
        ]
        self._actors_of = actors_of
        self._make = make
        self._records: list[T | None] = [None] * len(rows)
        # The last needle searched in every item, and its matches: as the user types on, the
        # next needle holds it, and only these can hold the next one.
        self._typed: tuple[str, list[int]] = ("", [])

    @functools.cached_property
    def actors(self) -> list[Sequence[str]]:
        """Each item's actor ids (for counts within a filter): built on first use."""
        return [self._actors_of(row) for row in self.rows]

    @functools.cached_property
    def joined(self) -> tuple[str, list[int]]:
        """The search texts joined by `SEPARATOR`, and where each one ends in it: built on first
        use of the text filter."""
        ends = list(map(add, accumulate(map(len, self.search)), range(len(self.search))))
        return SEPARATOR.join(self.search), ends

    @functools.cached_property
    def by_document(self) -> dict[str, list[int]]:
        """The positions each document cites: built on first use of the source filter."""
        return _postings([c[0] for c in row["citations"]] for row in self.rows)

    def get(self, position: int) -> T:
        record = self._records[position]
        if record is None:
            record = self._records[position] = self._make(self.rows[position])
        return record

    def select(self, where: Filter) -> Sequence[int]:
        criteria = self._criteria(where)
        if not criteria:
            return range(len(self.rows))
        first, *rest = sorted(criteria, key=lambda c: c.estimate)
        positions = first.positions()
        for criterion in rest:
            positions = criterion.narrow(positions) if positions else positions
        return positions

    def _criteria(self, where: Filter) -> list[_Criterion]:
        criteria = []
        if where.actors:
            criteria.append(_any_of([self.by_actor.get(key, []) for key in where.actors]))
        if where.documents:
            criteria.append(_any_of([self.by_document.get(key, []) for key in where.documents]))
        if where.since or where.until:
            criteria.append(self._overlapping(where.since, where.until))
        needle = fold(where.text.strip())
        if needle:
            criteria.append(self._text(needle))
        return criteria

    def _text(self, needle: str) -> _Criterion:
        search = self.search

        def narrow(candidates: list[int]) -> list[int]:
            return [i for i in candidates if needle in search[i]]

        typed, matches = self._typed
        typed_on = bool(typed) and typed != needle and typed in needle

        def positions() -> list[int]:
            found = narrow(matches) if typed_on else self._containing(needle)
            self._typed = (needle, found)
            return found[:]

        return _Criterion(len(matches) if typed_on else len(search), positions, narrow)

    def _containing(self, needle: str) -> list[int]:
        """Positions whose search text holds `needle`."""
        search = self.search
        if SEPARATOR in needle:
            return [i for i, words in enumerate(search) if needle in words]
        joined, ends = self.joined
        find, found = joined.find, []
        at = find(needle)
        while at >= 0:
            position = bisect_right(ends, at)
            found.append(position)
            if len(found) > 256 and len(found) * DENSE > position:
                rest = range(position + 1, len(search))
                return found + [i for i in rest if needle in search[i]]
            at = find(needle, ends[position] + 1)
        return found

    def _overlapping(self, since: date | None, until: date | None) -> _Criterion:
        low = since.isoformat() if since else ""
        high = until.isoformat() if until else "9999-99-99"
        starts, ends = self.starts, self.ends
        # Items that start after `high` cannot overlap; short ones that start before
        # `low - LONG_DAYS` end before `low`.
        stop = min(bisect_right(starts, high), self.dated)
        begin = bisect_left(starts, (since - timedelta(days=LONG_DAYS)).isoformat()) if since else 0

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


def _any_of(lists: list[list[int]]) -> _Criterion:
    """Items in any of these postings."""

    def narrow(candidates: list[int]) -> list[int]:
        allowed = set(chain.from_iterable(lists))
        return [i for i in candidates if i in allowed]

    return _Criterion(
        sum(map(len, lists)),
        lambda: lists[0][:] if len(lists) == 1 else sorted(set(chain.from_iterable(lists))),
        narrow,
    )


def _postings(columns: Iterable[Sequence[str]]) -> dict[str, list[int]]:
    """For each key, the positions whose column holds it, ascending and without repeats."""
    postings: dict[str, list[int]] = {}
    for position, keys in enumerate(columns):
        for key in keys:
            found = postings.setdefault(key, [])
            if not found or found[-1] != position:
                found.append(position)
    return postings


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


class CorpusIndex:
    """Everything the browser asks of a database, answered from memory.

    Build it with `load_index(path)` or `CorpusIndex(db)`; it is a snapshot: reload after writes.
    """

    def __init__(self, db: Database) -> None:
        with collector_paused():
            documents = db.rows(DOCUMENTS)
            self._document_rows = {row["id"]: row for row in documents}
            self._texts = texts = {row["id"]: row["text"] for row in documents}
            actor_rows = db.rows(ACTORS)
            self._actors = {row["id"]: actor_of(row) for row in actor_rows}
            event_rows = db.rows(EVENTS)
            events, event_starts, event_ends, events_sorted = _timeline(
                event_rows, list(map(_START, event_rows)), list(map(_END, event_rows))
            )
            quotes, quote_starts, quote_ends, quotes_sorted = _timeline(
                db.rows(QUOTES),
                [row["start"] or row.get("reported") or UNDATED for row in db.rows(QUOTES)],
                [row["end"] or row.get("reported") or UNDATED for row in db.rows(QUOTES)],
            )
            # Postings the store wrote hold for the order it wrote.
            stored = events_sorted and quotes_sorted and all("events" in r for r in actor_rows)
            self._events: _Items[CorpusEvent] = _Items(
                events,
                starts=event_starts,
                ends=event_ends,
                by_actor={r["id"]: r["events"] for r in actor_rows}
                if stored
                else _postings(row["actors"] for row in events),
                actors_of=lambda row: row["actors"],
                make=lambda row: event_of(row, texts),
            )
            self._quotes: _Items[CorpusQuote] = _Items(
                quotes,
                starts=quote_starts,
                ends=quote_ends,
                by_actor={r["id"]: r["quotes"] for r in actor_rows}
                if stored
                else _postings(_speaker(row) for row in quotes),
                actors_of=_speaker,
                make=lambda row: quote_of(row, texts),
            )
        self._documents: dict[str, CorpusDocument] = {}

    # --- documents and actors --------------------------------------------------------------

    @property
    def document_ids(self) -> list[str]:
        return list(self._document_rows)

    def document(self, doc_id: str) -> CorpusDocument:
        found = self._documents.get(doc_id)
        if found is None:
            found = self._documents[doc_id] = document_of(self._document_rows[doc_id])
        return found

    def documents(self) -> list[CorpusDocument]:
        return [self.document(doc_id) for doc_id in self._document_rows]

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

    def actor_counts(self, where: Filter | None = None) -> list[ActorCount]:
        """Every actor with its number of events and quotes (within `where`), most first."""
        if where is None or where.is_empty:
            events = {key: len(p) for key, p in self._events.by_actor.items()}
            quotes = {key: len(p) for key, p in self._quotes.by_actor.items()}
        else:
            events = _count(self._events.actors, self._events.select(where))
            quotes = _count(self._quotes.actors, self._quotes.select(where))
        counts = [
            ActorCount(actor, events.get(actor.id, 0), quotes.get(actor.id, 0))
            for actor in self._actors.values()
        ]
        counts.sort(key=lambda c: (-(c.events + c.quotes), c.actor.name.casefold()))
        return counts

    # --- events and quotes -----------------------------------------------------------------

    def events(self, where: Filter | None = None) -> Results[CorpusEvent]:
        items = self._events
        return Results(items.select(where or Filter()), items.get)

    def quotes(self, where: Filter | None = None) -> Results[CorpusQuote]:
        items = self._quotes
        return Results(items.select(where or Filter()), items.get)

    def citation_documents(self, item: CorpusEvent | CorpusQuote) -> list[CorpusDocument]:
        return [self.document(c.document) for c in item.citations]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self._document_rows),
            "events": len(self._events.rows),
            "quotes": len(self._quotes.rows),
            "actors": len(self._actors),
        }


def load_index(path: str | os.PathLike[str]) -> CorpusIndex:
    """Read the database at `path` (no lock: writes are atomic) and index it.

    The loaded data lives as long as the program and holds no cycles, so it is moved out of the
    collector's sight (`gc.freeze`): later collections do not walk millions of objects.
    """
    with collector_paused():
        with open_database(Path(path)) as db:
            index = CorpusIndex(db)
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


def _timeline(
    rows: list[Row], starts: list[str], ends: list[str]
) -> tuple[list[Row], list[str], list[str], bool]:
    """Rows with their first and last days in timeline order, and whether they came so (the
    store writes them so; a stable sort puts anything else right)."""
    if all(map(le, starts, islice(starts, 1, None))):
        return rows, starts, ends, True
    order = sorted(range(len(rows)), key=starts.__getitem__)
    return [rows[i] for i in order], [starts[i] for i in order], [ends[i] for i in order], False


# Columns of rows, read in C.
_SEARCH, _START, _END = itemgetter("search"), itemgetter("start"), itemgetter("end")


def _speaker(row: Row) -> tuple[str, ...]:
    return (row["speaker"],) if row["speaker"] else ()


def _count(columns: Sequence[Sequence[str]], positions: Sequence[int]) -> Counter[str]:
    return Counter(chain.from_iterable(columns[i] for i in positions))
