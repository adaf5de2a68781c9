"""Changes to the tables, as the incremental merge makes them and the change log stores them.

One change (a plain dict; every key optional, changes applied in order):

    {"documents": {"remove": [doc_id, ...], "insert": [document rows]},
     "actors":    {"remove": [actor_id, ...], "set": [actor rows without "events"/"quotes"]},
     "events":    {"replace": [[position, item row], ...], "remove": [position, ...],
                   "insert": [item row, ...]},
     "quotes":    {the same three keys},
     "meta":      {field: value, ...}}

Item rows are `store.rows._event_row` / `_quote_row`'s; positions are those of the state before
the change. Within a change: documents are removed, then inserted (appended with the next TinyDB
keys); actors removed, then set (an existing id keeps its row key, a new one is appended);
items replaced in place, then removed, then inserted each right after every item of its day or
earlier (where a full merge that saw its document last puts it). A replaced row whose day moved
is taken as removed and inserted again (before the change's inserts). The derived columns, and
each actor's postings, come out exactly as `store.rows.merged_rows` makes them of the final
items. Actors listed by items are in the actors table (the merge removes only idle ones).

A TinyDB key for a new row is one more than the largest in its table.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from store.rows import Row, item_day, merged_rows
from store.storage import Tables

Change = dict[str, Any]
ITEM_TABLES = ("events", "quotes")


def apply_changes(tables: Tables, changes: Sequence[Change]) -> Tables:
    """`tables` with `changes` applied, in order; `tables` and its rows are left as they are."""
    for change in changes:
        tables = _apply(tables, change)
    return tables


def _apply(tables: Tables, change: Change) -> Tables:
    out = dict(tables)
    if documents := change.get("documents"):
        out["documents"] = _rows_changed(
            tables.get("documents", {}), documents.get("remove", ()), documents.get("insert", ())
        )
    if meta := change.get("meta"):
        key, row = next(iter(tables.get("meta", {}).items()), ("1", {}))
        out["meta"] = {key: row | meta}
    if not change.keys() & {"actors", *ITEM_TABLES}:
        return out
    actors = tables.get("actors", {})
    if found := change.get("actors"):
        actors = _rows_changed(actors, found.get("remove", ()), (), keep=found.get("set", ()))
    items = {name: _items(tables.get(name, {})) for name in ITEM_TABLES}
    for name in ITEM_TABLES:
        if found := change.get(name):
            items[name] = _items_changed(items[name], found)
    bare = [{k: v for k, v in row.items() if k not in ITEM_TABLES} for row in actors.values()]
    actor_rows, events, quotes = merged_rows(bare, items["events"], items["quotes"])
    out["actors"] = dict(zip(actors, actor_rows, strict=True))
    out["events"], out["quotes"] = {"1": events[0]}, {"1": quotes[0]}
    return out


def _rows_changed(
    table: Mapping[str, Row],
    remove: Iterable[str],
    insert: Iterable[Row],
    *,
    keep: Iterable[Row] = (),
) -> dict[str, Row]:
    """A table of rows with ids: those of `remove` gone, `keep` set in place (by id) or
    appended, `insert` appended."""
    gone = set(remove)
    out = {key: row for key, row in table.items() if row["id"] not in gone}
    where = {row["id"]: key for key, row in out.items()}
    last = max(map(int, out), default=0)
    for row in keep:
        key = where.get(row["id"])
        if key is None:
            last += 1
            key = str(last)
        out[key] = row
    for row in insert:
        last += 1
        out[str(last)] = row
    return out


def _items(table: Mapping[str, Row]) -> list[Row]:
    """The item rows of an events or quotes table (`store.rows.pack`'s columns)."""
    row = next(iter(table.values()), None)
    if row is None:
        return []
    return [
        record | {"search": search}
        for record, search in zip(row["records"].all(), row["search"].all(), strict=True)
    ]


def _items_changed(items: list[Row], change: Mapping[str, Any]) -> list[Row]:
    slots: list[Row | None] = list(items)
    moved = []
    for position, row in change.get("replace", ()):
        if item_day(row) != item_day(items[position]):
            moved.append(row)
            slots[position] = None
        else:
            slots[position] = row
    for position in sorted(set(change.get("remove", ())), reverse=True):
        del slots[position]
    items = [row for row in slots if row is not None]
    days = [item_day(row) for row in items]
    for row in [*moved, *change.get("insert", ())]:
        day = item_day(row)
        at = bisect_right(days, day)
        items.insert(at, row)
        days.insert(at, day)
    return items
