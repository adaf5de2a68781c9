"""Changes to the tables, as the incremental merge makes them and the change log stores them.

One change (a plain dict; every key optional, changes applied in order):

    {"documents": {"remove": [doc_id, ...], "insert": [document rows]},
     "actors":    {"remove": [actor_id, ...], "set": [actor rows without "events"/"quotes",
                                                      with their tallies]},
     "events":    {"replace": [[position, item row], ...], "remove": [position, ...],
                   "insert": [item row, ...]},
     "quotes":    {the same three keys},
     "meta":      {field: value, ...}}

Item rows are `store.rows.event_row` / `quote_row`; positions are those of the state before
the change. Within a change: documents are removed, then inserted (appended with the next TinyDB
keys); actors removed, then set (an existing id keeps its row key, a new one is appended);
items replaced in place, then removed, then inserted each right after every item of its day or
earlier (where a full merge that saw its document last puts it). A replaced row whose day moved
is taken as removed and inserted again (before the change's inserts). The derived columns, and
each actor's postings, come out exactly as `store.rows.merged_rows` makes them of the final
items. Actors listed by items are in the actors table (the merge removes only idle ones). The
tallies the actor rows carry go to the tallies table (`store.rows.TALLY_FIELDS`); in tables of
schema 3, which has none, they stay in the rows.

A TinyDB key for a new row is one more than the largest in its table.

Speed (a reader applies up to `storage.MAX_FRAMES` frames at each load of 100,000 items): the
big columns are not changed change by change. Each item table keeps `slots`, a list of where
each current item comes from (a base position, or from `len(base)` on, a new row) and one of
their days; changes insert and delete in those lists (memmoves in C; lists, not arrays, whose
every read and write would make or unmake an int object). At the end, one list
maps each base position to its final one (-1: gone), through which actor and document postings
are translated at once, and word postings when read; records and search texts are `Spliced`
over the base's blobs, the word index and unsure list `LazyBlob`s: nothing is decoded.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from itertools import compress, count, repeat
from operator import itemgetter, ne
from typing import Any

from store.rows import TALLIES_FIELD, Row, item_day, last_day, pack, search_words, split_tally
from store.storage import Blob, Blobs, LazyBlob, LazyBlobs, Postings, Spliced, Tables

Change = dict[str, Any]
ITEM_TABLES = ("events", "quotes")
POSTINGS = ("events", "quotes")
# `_Splice.from_base` turned round: 1 where a new row is
_NEW = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def apply_changes(tables: Tables, changes: Sequence[Change], *, owned: bool = False) -> Tables:
    """`tables` with `changes` applied, in order. `tables` and its rows are left as they are,
    unless `owned` (tables and changes just read, that no one else holds): then actor rows
    take their new postings in place, which saves copying 20,000 of them."""
    out = dict(tables)
    documents = _Rows(tables.get("documents", {}))
    actors = _Rows(tables.get("actors", {}))
    tallies = _Tallies(tables["tallies"]) if "tallies" in tables else None
    items = {name: _Splice(next(iter(tables.get(name, {}).values()), None)) for name in POSTINGS}
    touched = False
    for change in changes:
        if found := change.get("documents"):
            documents.remove(found.get("remove", ()))
            for row in found.get("insert", ()):
                documents.set(row)
        if found := change.get("actors"):
            actors.remove(found.get("remove", ()))
            if tallies is not None:
                tallies.remove(found.get("remove", ()))
            for row in found.get("set", ()):
                if tallies is not None:
                    row = tallies.take(row)
                # its postings, in the base's positions, until all are translated at the end
                old = actors.get(row["id"]) or {}
                actors.set(row | {name: old.get(name, []) for name in POSTINGS})
        for name in ITEM_TABLES:
            if found := change.get(name):
                items[name].change(found)
        if meta := change.get("meta"):
            key, row = next(iter(out.get("meta", {}).items()), ("1", {}))
            out["meta"] = {key: row | meta}
        touched = touched or bool(change.keys() & {"actors", *ITEM_TABLES})
    if documents.changed:
        out["documents"] = documents.rows
    if tallies is not None and tallies.changes:
        out["tallies"] = tallies.table()
    if not touched:
        return out
    out["actors"] = _actor_rows(actors, items, owned=owned)
    for name in ITEM_TABLES:
        out[name] = {items[name].key: items[name].packed()}
    return out


def _actor_rows(actors: _Rows, items: Mapping[str, _Splice], *, owned: bool) -> dict[str, Row]:
    """The actor rows with their postings in the final items (`_Splice.postings`: made when
    read)."""
    rows = list(actors.rows.values())
    if not owned:  # the rows set by the changes are copies already; the others are not
        rows = list(map(dict, rows))
    ids = list(actors.keys)
    for name in POSTINGS:
        if items[name].unchanged:  # the rows hold their postings already
            continue
        postings, _ = items[name].postings(ids, list(map(itemgetter(name), rows)), name)
        deque(map(dict.__setitem__, rows, repeat(name), postings), maxlen=0)
    return dict(zip(actors.rows, rows, strict=True))


class _Rows:
    """A table of rows with ids, copied once and changed in place."""

    def __init__(self, table: Mapping[str, Row]) -> None:
        self.rows = dict(table)
        self.keys = dict(zip(map(itemgetter("id"), table.values()), table, strict=True))
        self.changed = False

    @cached_property
    def last(self) -> int:
        """The largest key (numbers go on from it)."""
        return max(map(int, self.rows), default=0)

    def get(self, row_id: str) -> Row | None:
        key = self.keys.get(row_id)
        return None if key is None else self.rows[key]

    def remove(self, ids: Iterable[str]) -> None:
        for row_id in ids:
            key = self.keys.pop(row_id, None)
            if key is not None:
                del self.rows[key]
                self.changed = True
                while self.last and str(self.last) not in self.rows:  # the last went
                    self.last -= 1

    def set(self, row: Row) -> None:
        """In place of the row with its id, else appended with the next key."""
        key = self.keys.get(row["id"])
        if key is None:
            self.last += 1
            key = self.keys[row["id"]] = str(self.last)
        self.rows[key] = row
        self.changed = True


class _Tallies:
    """The tallies table's one blob through a run of changes: the changed tallies are kept
    beside it and joined to it only when a writer reads or writes it."""

    def __init__(self, table: Mapping[str, Row]) -> None:
        self.key, row = next(iter(table.items()), ("1", {}))
        self.base: Blob | None = row.get(TALLIES_FIELD)
        self.changes: dict[str, list[Any] | None] = {}  # None: the actor went

    def remove(self, ids: Iterable[str]) -> None:
        self.changes.update(dict.fromkeys(ids))

    def take(self, row: Row) -> Row:
        """The actor row without the tally it carries, which is kept."""
        fields, tally = split_tally(row)
        self.changes[row["id"]] = tally
        return fields

    def table(self) -> dict[str, Row]:
        base, changes = self.base, self.changes

        def joined() -> dict[str, list[Any]]:
            held = dict(base.value) if base is not None else {}
            held.update(changes)  # in place for an actor there, appended for a new one
            return {actor_id: tally for actor_id, tally in held.items() if tally is not None}

        return {self.key: {TALLIES_FIELD: LazyBlob(joined)}}


class _Splice:
    """The items of one table through a run of changes (see the module's docstring)."""

    def __init__(self, row: Row | None) -> None:
        self.key = "1"
        self.base = row if row is not None else pack([])
        self.size = len(self.base["first"])
        self.days = list(self.base["first"])
        self.slots = list(range(self.size))
        # 1 where `slots` holds a base position, 0 a new row: what `final` and `fresh` pick
        # positions by, in C, rather than comparing 100,000 slots with `size` in Python calls
        self.from_base = bytearray(b"\x01") * self.size
        self.new: list[Row] = []
        self.dropped: set[int] = set()  # base positions whose item went (or was replaced)

    def change(self, change: Mapping[str, Any]) -> None:
        slots, days, size = self.slots, self.days, self.size
        gone = set(change.get("remove", ()))
        moved = []
        for position, row in change.get("replace", ()):
            if slots[position] < size:
                self.dropped.add(slots[position])
            if item_day(row) != days[position]:
                moved.append(row)
                gone.add(position)
            else:
                slots[position] = self._add(row)
                self.from_base[position] = 0
        for position in sorted(gone, reverse=True):
            if slots[position] < size:
                self.dropped.add(slots[position])
            del slots[position], days[position], self.from_base[position]
        for row in [*moved, *change.get("insert", ())]:
            day = item_day(row)
            at = bisect_right(days, day)
            days.insert(at, day)
            slots.insert(at, self._add(row))
            self.from_base.insert(at, 0)

    def _add(self, row: Row) -> int:
        self.new.append(row)
        return self.size + len(self.new) - 1

    @property
    def unchanged(self) -> bool:
        return not (self.new or self.dropped)

    @cached_property
    def final(self) -> list[int]:
        """Each base position's final one, -1 for the items gone."""
        final = list(compress(range(len(self.slots)), self.from_base))
        for position in sorted(self.dropped):
            final.insert(position, -1)
        return final

    @cached_property
    def first_moved(self) -> int:
        """The first base position whose item moved or went: postings before it stand."""
        return next(compress(count(), map(ne, self.final, range(self.size))), self.size)

    @cached_property
    def fresh(self) -> list[tuple[int, Row]]:
        """The final positions of new rows, and the rows, in timeline order."""
        size, slots, new = self.size, self.slots, self.new
        at = compress(range(len(slots)), self.from_base.translate(_NEW))
        return [(p, new[slots[p] - size]) for p in at]

    def translate(self, postings: list[int], added: list[int] | None = None) -> list[int]:
        """Base positions as final ones (the gone left out), with `added` final ones."""
        if self.unchanged:
            return postings if not added else sorted(postings + added)
        if postings and postings[-1] >= self.first_moved:
            postings = list(map(self.final.__getitem__, postings))
            if -1 in postings:
                postings = [p for p in postings if p >= 0]
        return sorted(postings + added) if added else postings

    def postings(
        self, keys: list[str], lists: list[Sequence[int]], kind: str
    ) -> tuple[list[Sequence[int]], dict[str, list[int]]]:
        """The postings `lists` of `keys` (in the base's positions) in the final items, as
        `Postings` translated when read, whose sizes come from the few items gone (their base
        records say whose postings held them) and new; and the postings of the
        new items' keys not among `keys`. `kind`: what lists the keys of an item (`_keys`)."""
        if self.unchanged:
            return lists, {}
        translate, source = self.translate, self.base["records"].source
        out = lists[:]
        held = list(compress(count(), lists))  # empty ones stay empty, unless added to
        bases = list(map(lists.__getitem__, held))
        sizes, none = map(len, bases), repeat(None)
        lazy = map(Postings, repeat(translate), bases, sizes, none, repeat(source))
        deque(map(out.__setitem__, held, lazy), maxlen=0)
        where = dict(zip(keys, count()))
        removed: defaultdict[int, int] = defaultdict(int)
        records = self.base["records"]
        for position in self.dropped:
            for key in _keys(kind, records[position]):
                at = where.get(key)
                if at is None:  # gone from the table too
                    continue
                found = lists[at]
                hit = bisect_right(found, position)
                if hit and found[hit - 1] == position:  # else damage: what `Postings` finds
                    removed[at] += 1
        added: defaultdict[str, list[int]] = defaultdict(list)
        for position, row in self.fresh:
            for key in _keys(kind, row):
                added[key].append(position)
        others = {key: found for key, found in added.items() if key not in where}
        for at in removed.keys() | {where[k] for k in added.keys() - others.keys()}:
            extra = added.get(keys[at])
            size = len(lists[at]) - removed.get(at, 0) + len(extra or ())
            out[at] = Postings(translate, lists[at], size, extra, source)
        return out, others

    def packed(self) -> Row:
        """The row `pack` would make of the final items."""
        base = self.base
        if self.unchanged:
            return base
        before = base["documents"]
        doc_ids = list(before)
        lists, others = self.postings(doc_ids, list(before.values()), "documents")
        documents = dict(zip(doc_ids, lists, strict=True)) | others
        if not all(documents.values()):  # a document whose items all went
            documents = {doc_id: found for doc_id, found in documents.items() if found}
        lasts = base["last"] + list(map(last_day, self.new))
        words = _Words(self, base["words"], base["postings"], base["search"])
        out = base | {
            "first": self.days,
            "last": list(map(lasts.__getitem__, self.slots)),
            "documents": documents,
            "records": Spliced(
                base["records"],
                self.slots,
                [{k: v for k, v in row.items() if k != "search"} for row in self.new],
            ),
            "search": Spliced(base["search"], self.slots, [row["search"] for row in self.new]),
            "words": LazyBlob(words.counted),
            "postings": words.postings,
        }
        if "unsure" in base:
            out["unsure"] = LazyBlob(lambda: self._unsure(base["unsure"]))
        return out

    def _unsure(self, before: Blob) -> list[list[Any]]:
        positions, confidences = before.value
        final = self.final
        pairs = [(c, final[p]) for p, c in zip(positions, confidences, strict=True)]
        pairs = [pair for pair in pairs if pair[1] >= 0]
        fresh = [(row.get("confidence", 1.0), p) for p, row in self.fresh]
        pairs += [pair for pair in fresh if pair[0] < 1.0]
        pairs.sort()
        return [[p for _, p in pairs], [c for c, _ in pairs]]


def _keys(kind: str, row: Row) -> Iterable[str]:
    """The keys whose postings of `kind` list an item row: its actors (events), its speaker
    (quotes) or the documents it cites, as `store.rows.merged_rows` and `pack` list them."""
    if kind == "events":
        return dict.fromkeys(row["actors"])
    if kind == "quotes":
        return (row["speaker"],) if row["speaker"] else ()
    return dict.fromkeys(c[0] for c in row["citations"])


class _Words:
    """The word index of spliced items, made when first read: the base's, less the words of
    the items gone, plus those of the new ones; a word's postings translated when read."""

    def __init__(self, items: _Splice, words: Blob, postings: Blobs, search: Blobs) -> None:
        self.items, self.base_words, self.base_postings = items, words, postings
        self.base_search = search

    @cached_property
    def plan(self) -> tuple[list[str], list[int], list[tuple[int | None, list[int] | None]]]:
        """The final words, their counts, and for each where its postings come from: a rank in
        the base's index, and the new positions."""
        words, counts = self.base_words.value
        rank = {w: i for i, w in enumerate(words)}
        delta: defaultdict[str, int] = defaultdict(int)
        added: defaultdict[str, list[int]] = defaultdict(list)
        for position in self.items.dropped:
            for word in search_words(self.base_search[position]):
                delta[word] -= 1
        for position, row in self.items.fresh:
            for word in search_words(row["search"]):
                delta[word] += 1
                added[word].append(position)
        fresh = sorted(w for w in delta if w not in rank)
        final: list[str] = []
        tally: list[int] = []
        sources: list[tuple[int | None, list[int] | None]] = []
        for word in heapq.merge(words, fresh):
            where = rank.get(word)
            total = (0 if where is None else counts[where]) + delta.get(word, 0)
            if total > 0:
                final.append(word)
                tally.append(total)
                sources.append((where, added.get(word)))
        return final, tally, sources

    def counted(self) -> list[list[Any]]:
        words, tally, _ = self.plan
        return [words, tally]

    @cached_property
    def postings(self) -> LazyBlobs:
        return LazyBlobs(lambda: len(self.plan[0]), self.posting, self.every)

    def posting(self, rank: int) -> list[int]:
        where, added = self.plan[2][rank]
        base = [] if where is None else self.base_postings[where]
        return self.items.translate(base, added)

    def every(self) -> list[list[int]]:
        base = self.base_postings.all()
        return [
            self.items.translate([] if where is None else base[where], added)
            for where, added in self.plan[2]
        ]
