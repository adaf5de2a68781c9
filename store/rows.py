"""Records to the rows the tables hold, and back.

Documents keep their full text, so every citation can be shown even when the file is gone, and
their per-document records; both are blobs (`store.storage.Blob`), read only when a citation is
shown or a re-merge needs them. Events and quotes are stored as columns in one row per table
(`pack`): first and last days as day numbers, postings per document, and blobs for each item's
display record, its search text (its words folded once, `fold`) and a word index (the sorted
folded words, how many items hold each, and their postings), and one blob of the items that
are not sure (confidence below 1.0), least sure first: what the review queue reads without
decoding a record. Records cite by
`[document, start, end]`; the cited words are `text[start:end]` of the stored document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import chain
from operator import itemgetter, le
from pathlib import Path
from typing import Any

from extract.model import (
    ActorKind,
    Citation,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    Document,
    DocumentExtraction,
    Span,
)
from extract.serialize import (
    actor_to_dict,
    document_to_dict,
    extraction_from_dict,
    extraction_to_dict,
    interval_from_dict,
    interval_to_dict,
)
from store.storage import Blob, Blobs, LazyBlob, LazyBlobs, Postings, Spliced, corrupt

Row = dict[str, Any]

# Words of folded search text: the word index lists each item under these.
WORD = re.compile(r"\w+")
# Combining marks left by NFKD decomposition (the accents of "é" = "e" + U+0301).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """`text` for case- and accent-insensitive match: "Zelenskyy’s ÉLAN" -> "zelenskyy’s elan"."""
    if text.isascii():  # nothing to decompose: most news text, and ten times faster
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


# --- documents ----------------------------------------------------------------------------


def document_row(doc_id: str, extraction: DocumentExtraction, *, sha256: str, added: str) -> Row:
    records = extraction_to_dict(extraction)
    del records["document"]
    return {
        "id": doc_id,
        **document_to_dict(extraction.document),
        "sha256": sha256,
        "added": added,
        "text": Blob(extraction.document.text),
        "records": Blob(records),
    }


def extraction_of(row: Row) -> DocumentExtraction:
    """The per-document records stored in a document row; `DatabaseCorrupt` if its blobs do not
    hold what `document_row` wrote (they are read only now, not when the file is loaded)."""
    document = {key: row[key] for key in ("path", "title", "publisher", "published", "url")}
    document["published_from"] = row.get("published_from")  # not in rows stored before it was
    records, text = row["records"].value, row["text"].value
    try:
        if type(records) is not dict or type(text) is not str:
            raise TypeError("not an object and a text")
        return extraction_from_dict(records | {"document": document | {"text": text}})
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        source = row["records"].source
        if source is None:  # records made in this run, not read: a bug, not damage
            raise
        reason = f"the records of document {row['id']} are not chronicle's ({error!r})"
        raise corrupt(source, reason) from None


def document_of(row: Row) -> CorpusDocument:
    published = row.get("published")
    return CorpusDocument(
        row["id"],
        Document(
            path=row["path"],
            text=row["text"].value,
            title=row.get("title"),
            publisher=row.get("publisher"),
            published=date.fromisoformat(published) if published else None,
            url=row.get("url"),
            published_from=row.get("published_from"),
        ),
    )


# --- merged items -------------------------------------------------------------------------


def corpus_rows(corpus: Corpus, doc_ids: Sequence[str]) -> tuple[list[Row], list[Row], list[Row]]:
    """Actor rows, and the one row of the events and of the quotes table, of a merged corpus
    whose documents are stored as `doc_ids`.

    `merge` numbers documents by position; the store keeps ids that survive removals, so
    citations are renamed to the stored ids here.
    """
    stored = {d.id: doc_id for d, doc_id in zip(corpus.documents, doc_ids, strict=True)}
    published = {d.id: d.document.published for d in corpus.documents}
    return merged_rows(
        [actor_to_dict(a) for a in corpus.actors],
        [event_row(e, stored) for e in corpus.events],
        [quote_row(q, stored, published) for q in corpus.quotes],
    )


def merged_rows(
    actors: list[Row], events: list[Row], quotes: list[Row]
) -> tuple[list[Row], list[Row], list[Row]]:
    """Item rows (one per event or quote) packed into columns in timeline order
    (`timeline_key`); each actor row lists the positions of its events and quotes in it."""
    events = sorted(events, key=timeline_key)
    quotes = sorted(quotes, key=timeline_key)
    by_actor = {
        "events": _postings(dict.fromkeys(row["actors"]) for row in events),
        "quotes": _postings(_speaker(row) for row in quotes),
    }
    actor_rows = [
        {key: value for key, value in a.items() if key not in by_actor}
        | {kind: postings.get(a["id"], []) for kind, postings in by_actor.items()}
        for a in actors
    ]
    return actor_rows, [pack(events)], [pack(quotes)]


def pack(items: list[Row]) -> Row:
    """Item rows in timeline order as the columns of one row."""
    words = _postings(search_words(row["search"]) for row in items)
    vocabulary = sorted(words)
    return {
        "first": list(map(item_day, items)),
        "last": list(map(last_day, items)),
        "documents": _postings(dict.fromkeys(map(_DOCUMENT, row["citations"])) for row in items),
        "records": Blobs(list(map(_record, items))),
        "search": Blobs([row["search"] for row in items]),
        "words": Blob([vocabulary, [len(words[w]) for w in vocabulary]]),
        "postings": Blobs([words[w] for w in vocabulary]),
        "unsure": Blob(unsure([row.get("confidence", 1.0) for row in items])),
    }


# A citation's document id ([document, start, end]).
_DOCUMENT = itemgetter(0)


def _record(row: Row) -> Row:
    """An item row without its search text (a copy of the dict, in its order)."""
    record = dict(row)
    del record["search"]
    return record


def search_words(text: str) -> set[str]:
    """The words of a search text (`WORD`), each once: what the word index lists it under."""
    if text.isascii():  # most news text: its bytes translated and split, 2/3 of the regex's time
        return set(text.encode().translate(_NOT_WORD).decode().split())
    return set(WORD.findall(text))


# For the bytes of ASCII text: each character that `WORD` does not match, made a space.
_NOT_WORD = bytes(c if WORD.fullmatch(chr(c)) else 0x20 for c in range(256))


def unsure(confidences: Sequence[float]) -> list[list[Any]]:
    """The positions of the items whose confidence is below 1.0, least sure first and in
    timeline order among equals, and their confidences."""
    positions = sorted(
        (p for p, c in enumerate(confidences) if c < 1.0), key=confidences.__getitem__
    )
    return [positions, [confidences[p] for p in positions]]


def upgrade(tables: dict[str, dict[str, Row]], schema: int, to: int) -> dict[str, dict[str, Row]]:
    """Tables of an older `schema` as schema `to` tables: schema 1 (documents with inline text and
    records, one row per event and quote) takes the column layout; schema 2 lacks only the
    corrections table, which may be absent; up to schema 3, tallies are in the actor rows."""
    if schema == 1:
        tables = _from_schema_1(tables)
    if schema <= 3:
        tables = _tallies_apart(tables)
    meta = {key: row | {"schema": to} for key, row in tables.get("meta", {}).items()}
    return {**tables, "meta": meta}


def split_tally(row: Row) -> tuple[Row, list[Any] | None]:
    """An actor row without its tally fields, and its tally as the tallies table holds it (None
    if the row has not both fields)."""
    fields = {key: value for key, value in row.items() if key not in TALLY_FIELDS}
    return fields, [row[key] for key in TALLY_FIELDS] if TALLY_FIELDS.keys() <= row.keys() else None


def _tallies_apart(tables: dict[str, dict[str, Row]]) -> dict[str, dict[str, Row]]:
    """The actor rows' tallies moved to the tallies table; none if an actor has none (the next
    write merges in full, which makes them)."""
    actors, held = {}, {}
    for key, row in tables.get("actors", {}).items():
        actors[key], tally = split_tally(row)
        if tally is not None:
            held[row["id"]] = tally
    tallies = {"1": {TALLIES_FIELD: Blob(held)}} if len(held) == len(actors) else {}
    return {**tables, "actors": actors, "tallies": tallies}


def _from_schema_1(tables: dict[str, dict[str, Row]]) -> dict[str, dict[str, Row]]:
    documents = {
        key: row | {"text": Blob(row["text"]), "records": Blob(raw=row["records"].encode())}
        for key, row in tables.get("documents", {}).items()
    }
    actors, events, quotes = merged_rows(
        list(tables.get("actors", {}).values()),
        list(tables.get("events", {}).values()),
        list(tables.get("quotes", {}).values()),
    )
    number = {
        name: dict(zip(map(str, range(1, len(r) + 1)), r, strict=True))
        for name, r in (("actors", actors), ("events", events), ("quotes", quotes))
    }
    return {**tables, "documents": documents, **number}


# --- checking what a file holds -------------------------------------------------------------

# The types each field of a row may hold, as chronicle writes them (exact types: a bool is not an
# int here, though it is one to Python).
_TEXT = (str,)
_MAYBE_TEXT = (str, type(None))
DOCUMENT_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "path": _TEXT,
    "title": _MAYBE_TEXT,
    "publisher": _MAYBE_TEXT,
    "published": _MAYBE_TEXT,
    "url": _MAYBE_TEXT,
    "sha256": _TEXT,
    "added": _TEXT,
    "text": (Blob,),
    "records": (Blob,),
}
ACTOR_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "name": _TEXT,
    "kind": _TEXT,
    "aliases": (list,),
    "roles": (list,),
    "events": (list, Postings),
    "quotes": (list, Postings),
}
# What the merge keeps of each actor to add documents later (`store.increments.stored_tally`):
# the keys its members give, and its whole tally as JSON text. Since schema 4 the one row of the
# tallies table holds them for every actor in one blob, `{actor id: [keys, text]}`, which no
# reader parses: in the actor rows (schema 3), they were a third of the text every load parses.
# The actor rows of a change still carry them (`store.log`).
TALLY_FIELDS: dict[str, tuple[type, ...]] = {"keys": (list,), "merge": (str,)}
TALLIES_FIELD = "actors"  # the field of the tallies table's row
# Actor ids, one a line: "a" and a number.
_ACTOR_IDS = re.compile(r"a[0-9]+(?:\na[0-9]+)*")
ITEM_FIELDS: dict[str, tuple[type, ...]] = {
    "first": (list,),
    "last": (list,),
    "documents": (dict,),
    "records": (Blobs, Spliced),
    "search": (Blobs, Spliced),
    "words": (Blob, LazyBlob),
    "postings": (Blobs, LazyBlobs),
}
CORRECTION_FIELDS: dict[str, tuple[type, ...]] = {
    "kind": _TEXT,
    "target": _TEXT,
    "value": _TEXT,
    "made": _TEXT,
    "orphan": (bool,),
}
_KINDS = frozenset(ActorKind)
# A stored kind's member: a lookup, where calling the enum costs a tenth of loading 21,000 actors.
_KIND_OF = {kind.value: kind for kind in ActorKind}


def problem(tables: Mapping[str, Mapping[str, Any]]) -> str | None:
    """Why `tables` (as read, upgraded) are not tables chronicle wrote, or None.

    Checked once, at load, is what the store and the browser later read without looking: each
    row's fields and their types, the columns' lengths, that days are whole numbers and that the
    postings point inside their columns. Thousands of rows and hundreds of thousands of numbers,
    so the checks run a column at a time in C (`map`, `sum`, `set`): a few milliseconds at
    100,000 events. Postings are written in ascending order, so their ends are checked, not
    every position between (that would cost a tenth of the load). Blobs are checked as they are
    read (`store.storage`).
    """
    for name, table in tables.items():
        if not all(map(str.isdecimal, table)):
            return f"the {name} table has a row id that is not a number"
    documents = list(tables.get("documents", {}).values())
    if found := _wrong_rows(documents, DOCUMENT_FIELDS):
        return f"a document row {found}"
    published = set(map(itemgetter("published"), documents)) - {None}
    if not all(map(_is_date, published)):
        return "a document has a publication date that is not one"
    ids = set(map(itemgetter("id"), documents))
    if len(ids) != len(documents):
        return "two documents have the same id"
    numbers = [int(i[1:]) for i in ids if i[:1] == "d" and i[1:].isdecimal()]
    meta: Mapping[str, Any] = next(iter(tables.get("meta", {}).values()), {})
    if max(numbers, default=0) >= meta.get("next_document", 1):
        return "its next document id is one already stored"
    count: dict[str, int] = {}
    for name in ("events", "quotes"):
        rows = list(tables.get(name, {}).values())
        if len(rows) > 1:
            return f"the {name} table has {len(rows)} rows, not one"
        if rows and (found := _items_problem(rows[0])):
            return f"the {name} table {found}"
        if rows and not rows[0]["documents"].keys() <= ids:
            return f"the {name} table cites documents that are not stored"
        count[name] = len(rows[0]["first"]) if rows else 0
    corrections = list(tables.get("corrections", {}).values())
    if found := _wrong_rows(corrections, CORRECTION_FIELDS):
        return f"a correction row {found}"
    actors = list(tables.get("actors", {}).values())
    if found := _wrong_rows(actors, ACTOR_FIELDS):
        return f"an actor row {found}"
    tallies = list(tables.get("tallies", {}).values())
    if len(tallies) > 1 or not all(
        row.keys() == {TALLIES_FIELD} and type(row[TALLIES_FIELD]) in (Blob, LazyBlob)
        for row in tallies
    ):
        return "its tallies table is not one chronicle writes"
    # numbered in order by the merge (`extract.actor_merge`), with gaps where actors left: the
    # records cite them so (checked on the ids joined: one match in C, not 21,000 in Python)
    actor_ids = "\n".join(map(itemgetter("id"), actors))
    if actors and not _ACTOR_IDS.fullmatch(actor_ids):
        return "an actor id is not a1, a2, ..."
    order = list(map(int, actor_ids[1:].split("\na"))) if actors else []
    if not all(map(int.__lt__, order, order[1:])) or min(order, default=1) < 1:
        return "its actors are not numbered a1, a2, ... in increasing order"
    if not set(map(itemgetter("kind"), actors)) <= _KINDS:
        return "an actor has a kind that is not one"
    names = chain.from_iterable(
        chain(map(itemgetter("aliases"), actors), map(itemgetter("roles"), actors))
    )
    if not set(map(type, names)) <= {str}:
        return "an actor has aliases or roles that are not text"
    for name in ("events", "quotes"):
        if not _positions(map(itemgetter(name), actors), count[name]):
            return f"an actor lists {name} that are not there"
    return None


_NUMBER = (float, int)
# The fields of the item rows a change inserts or replaces (`event_row`, `quote_row`).
EVENT_ROW_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "start": _MAYBE_TEXT,
    "end": _MAYBE_TEXT,
    "precision": _MAYBE_TEXT,
    "date_text": _MAYBE_TEXT,
    "relative": (bool,),
    "confidence": _NUMBER,
    "summary": _TEXT,
    "actors": (list,),
    "citations": (list,),
    "search": _TEXT,
}
QUOTE_ROW_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "text": _TEXT,
    "speaker": _MAYBE_TEXT,
    "confidence": _NUMBER,
    "start": _MAYBE_TEXT,
    "end": _MAYBE_TEXT,
    "precision": _MAYBE_TEXT,
    "reported": _MAYBE_TEXT,
    "citations": (list,),
    "search": _TEXT,
}
_CHANGE_KEYS = {
    "documents": {"remove", "insert"},
    "actors": {"remove", "set"},
    "events": {"replace", "remove", "insert"},
    "quotes": {"replace", "remove", "insert"},
}


def changes_problem(tables: Mapping[str, Mapping[str, Any]], changes: Sequence[Any]) -> str | None:
    """Why `changes` (`store.log`, as read from a file's frames) are not changes chronicle
    writes to `tables` (checked by `problem`), or None: the rows and positions they hold are
    checked as `problem` checks the tables', so that the tables they make need no check."""
    counts: dict[str, int] = {}
    for name in ("events", "quotes"):
        row: Mapping[str, Any] = next(iter(tables.get(name, {}).values()), {})
        counts[name] = len(row.get("first", ()))
    actors = tables.get("actors", {})
    actor_ids = set(map(itemgetter("id"), actors.values()))
    rows = list(actors.values())  # numbered in order (`problem`)
    last_actor = int(rows[-1]["id"][1:]) if rows else 0
    meta: Mapping[str, Any] = next(iter(tables.get("meta", {}).values()), {})
    next_document, numbers = meta.get("next_document", 1), [0]
    for change in changes:
        if type(change) is not dict or not change.keys() <= {*_CHANGE_KEYS, "meta"}:
            return "a change is not one"
        for name, keys in _CHANGE_KEYS.items():
            found = change.get(name, {})
            if type(found) is not dict or not found.keys() <= keys:
                return f"a change to the {name} is not one"
            if not all(type(found.get(key, [])) is list for key in keys):
                return f"a change to the {name} is not one"
        documents = change.get("documents", {})
        if not set(map(type, documents.get("remove", []))) <= {str}:
            return "a change removes documents that are not ids"
        inserted = documents.get("insert", [])
        if not set(map(type, inserted)) <= {dict}:
            return "a change inserts a document row that is not one"
        if found := _wrong_rows(inserted, DOCUMENT_FIELDS):
            return f"a change inserts a document row that {found}"
        if not all(map(_is_date, set(map(itemgetter("published"), inserted)) - {None})):
            return "a change inserts a document with a publication date that is not one"
        numbers += [int(i[1:]) for r in inserted if (i := r["id"])[:1] == "d" and i[1:].isdecimal()]
        found, last_actor = _actors_problem(change.get("actors", {}), actor_ids, last_actor)
        if found:
            return f"a change {found}"
        for name, fields in (("events", EVENT_ROW_FIELDS), ("quotes", QUOTE_ROW_FIELDS)):
            found = change.get(name, {})
            if reason := _items_change_problem(found, fields, counts[name]):
                return f"a change to the {name} {reason}"
            replaced = {p for p, _ in found.get("replace", [])}
            gone = set(found.get("remove", [])) - replaced  # a replaced one may come back
            counts[name] += len(found.get("insert", [])) - len(gone)
        if (values := change.get("meta")) is not None:
            if type(values) is not dict or not values.keys() <= META_CHANGE_FIELDS:
                return "a change to the meta table is not one"
            if not set(map(type, values.values())) <= {int}:
                return "a change to the meta table is not a number"
            next_document = values.get("next_document", next_document)
    if max(numbers) >= next_document or next_document < meta.get("next_document", 1):
        return "its next document id is one already stored"
    return None


# The fields of the meta table a change may set.
META_CHANGE_FIELDS = frozenset(("next_document", "schema"))


def _actors_problem(change: Mapping[str, Any], ids: set[str], last: int) -> tuple[str, int]:
    """Why a change to the actors is not one chronicle writes ("" if it is one), and the largest
    actor number after it; `ids`, the actors before it, become those after it."""
    removed = change.get("remove", [])
    if not set(map(type, removed)) <= {str}:
        return "removes actors that are not ids", last
    ids.difference_update(removed)
    while last and f"a{last}" not in ids:  # the last went: the one before it (few gaps)
        last -= 1
    rows = change.get("set", [])
    if not set(map(type, rows)) <= {dict}:
        return "sets an actor row that is not one", last
    fields = {k: v for k, v in ACTOR_FIELDS.items() if k not in ("events", "quotes")}
    if found := _wrong_rows(rows, fields):
        return f"sets an actor row that {found}", last
    for key, types in TALLY_FIELDS.items():
        if not set(type(row[key]) for row in rows if key in row) <= set(types):
            return f"sets an actor row with {key!r} of the wrong type", last
    if not set(map(itemgetter("kind"), rows)) <= _KINDS:
        return "sets an actor with a kind that is not one", last
    names = chain.from_iterable(
        chain(map(itemgetter("aliases"), rows), map(itemgetter("roles"), rows))
    )
    if not set(map(type, names)) <= {str}:
        return "sets an actor with aliases or roles that are not text", last
    for row in rows:
        i = row["id"]
        if not (i[:1] == "a" and i[1:].isascii() and i[1:].isdigit()):
            return "sets an actor whose id is not a1, a2, ...", last
        if i not in ids:  # a new one: numbered after the others
            if int(i[1:]) <= last:
                return "sets actors not numbered a1, a2, ... in increasing order", last
            last = int(i[1:])
            ids.add(i)
    return "", last


def _items_change_problem(
    change: Mapping[str, Any], fields: Mapping[str, tuple[type, ...]], count: int
) -> str | None:
    """Why a change to the events or quotes (of `count` items before it) is not one chronicle
    writes, or None: its positions inside the column, its rows' fields of the right types."""
    replace = change.get("replace", [])
    if not all(type(pair) is list and len(pair) == 2 for pair in replace):
        return "replaces items with something else"
    positions = [p for p, _ in replace] + change.get("remove", [])
    if not set(map(type, positions)) <= {int}:
        return "has a position that is not a number"
    if positions and not (min(positions) >= 0 and max(positions) < count):
        return "has a position outside its column"
    rows = [row for _, row in replace] + change.get("insert", [])
    if not set(map(type, rows)) <= {dict}:
        return "has an item row that is not one"
    if found := _wrong_rows(rows, fields):
        return f"has an item row that {found}"
    actors = chain.from_iterable(map(itemgetter("actors"), rows)) if "actors" in fields else ()
    if not set(map(type, actors)) <= {str}:
        return "has an item whose actors are not ids"
    citations = list(chain.from_iterable(map(itemgetter("citations"), rows)))
    if not all(type(c) is list and len(c) == 3 for c in citations) or not all(
        type(d) is str and type(a) is int and type(b) is int and 0 <= a <= b
        for d, a, b in citations
    ):
        return "has an item whose citations are not [document, start, end]"
    return None


def _wrong_rows(rows: list[Row], fields: Mapping[str, tuple[type, ...]]) -> str | None:
    """What is wrong with the first row whose fields are missing or of the wrong type, or None.

    Fast path: the types each field holds, a column at a time, against the allowed ones.
    """
    try:
        if all(
            set(map(type, map(itemgetter(key), rows))) <= set(types)
            for key, types in fields.items()
        ):
            return None
    except KeyError:  # a field missing: the slow path says which
        pass
    for row in rows:  # slow path: say which field of which row
        for key, types in fields.items():
            if key not in row:
                return f"lacks {key!r}"
            if type(row[key]) not in types:
                return f"has {key!r} of the wrong type ({type(row[key]).__name__})"
    return "is malformed"  # not reached: the fast path found what this one would


# The first day number `date.fromordinal` reads (the last one stored is UNDATED_DAY).
DAY_MIN = date.min.toordinal()


def _items_problem(row: Row) -> str | None:
    """Why the one row of the events or quotes table is not as `pack` writes it, or None."""
    if found := _wrong_rows([row], ITEM_FIELDS):
        return found
    first, last = row["first"], row["last"]
    count = len(first)
    if not (len(last) == len(row["records"]) == len(row["search"]) == count):
        return "has columns of different lengths"
    try:  # day numbers: ints, so their sum is one, of days the calendar has
        days = type(sum(first)) is int and type(sum(last)) is int
    except TypeError:
        days = False
    if not days:
        return "has days that are not day numbers"
    if count and not (min(first) >= DAY_MIN and max(last) <= UNDATED_DAY):
        return "has day numbers outside the calendar"
    postings = row["documents"]
    if not _positions(postings.values(), count):
        return "lists items by document that are not there"
    # written since confidences were stored (`pack`): older rows lack it
    if not isinstance(row.get("unsure", Blob()), Blob):
        return "has an unsure column that is not a blob"
    return None


def unsure_of(column: Blob, count: int) -> tuple[list[int], list[float]]:
    """The unsure items `pack` wrote (`unsure`) for a column of `count`, checked as they are
    decoded (at load the blob is left undecoded, as the others are)."""
    value = column.value
    try:
        positions, confidences = value
        sound = (
            type(positions) is list
            and type(confidences) is list
            and len(positions) == len(confidences)
            and set(map(type, positions)) <= {int}
            and set(map(type, confidences)) <= {float, int}
            and all(map(le, confidences, confidences[1:]))  # least sure first
            and (not positions or (min(positions) >= 0 and max(positions) < count))
            and (not confidences or (confidences[0] >= 0 and confidences[-1] < 1))
        )
    except (TypeError, ValueError):
        sound = False
    if not sound:
        raise corrupt(column.source or Path("?"), "its list of unsure items is damaged")
    return positions, confidences


def _positions(postings: Iterable[Any], count: int) -> bool:
    """Whether `postings` are lists of positions in a column of `count` items, judged by their
    ends (they are written in ascending order): ints, since their sum is one, from 0 to
    `count - 1`."""
    lists = list(postings)
    types = set(map(type, lists))
    if Postings in types:  # made when read (`store.log`): read them
        lists = [p.positions() if type(p) is Postings else p for p in lists]
        types.discard(Postings)
    if not types <= {list}:
        return False
    lists = list(filter(None, lists))
    firsts, lasts = list(map(itemgetter(0), lists)), list(map(itemgetter(-1), lists))
    try:
        ints = type(sum(firsts)) is int and type(sum(lasts)) is int
    except TypeError:
        return False
    return ints and min(firsts, default=0) >= 0 and max(lasts, default=-1) < count


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _postings(columns: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """For each key, the positions whose column holds it, ascending; a column holds each key
    once (so no position is listed twice, and no check for it runs a million times)."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for position, keys in enumerate(columns):
        for key in keys:
            postings[key].append(position)
    return dict(postings)


def _speaker(row: Row) -> tuple[str, ...]:
    return (row["speaker"],) if row["speaker"] else ()


def timeline_key(row: Row) -> str:
    """Items sort by their first day (a quote without a date: the day it was reported; undated
    ones last); the sort is stable, so `merge`'s order breaks ties."""
    return row["start"] or row.get("reported") or UNDATED


# Sorts after every ISO date.
UNDATED = "~"
# The day number of undated items: after every day.
UNDATED_DAY = date.max.toordinal() + 1


def item_day(row: Row) -> int:
    """The day an item row is placed by on the timeline (its first day, or `UNDATED_DAY`)."""
    return _day(timeline_key(row))


def last_day(row: Row) -> int:
    """An item row's last day (`UNDATED_DAY` if it has none)."""
    return _day(row["end"] or row.get("reported") or UNDATED)


def _day(iso: str) -> int:
    return UNDATED_DAY if iso == UNDATED else date.fromisoformat(iso).toordinal()


def event_row(e: CorpusEvent, stored: Mapping[str, str]) -> Row:
    cited = fold("\n".join(c.text for c in e.citations))
    summary = fold(e.summary)
    return {
        "id": e.id,
        **interval_to_dict(e.date),
        "date_text": e.date_text,
        "relative": e.relative,
        "confidence": e.confidence,
        "summary": e.summary,
        "actors": list(e.actors),
        "citations": _citations(e.citations, stored),
        # what the text filter searches; the summary only if the cited words do not hold it
        "search": cited if summary in cited else f"{summary}\n{cited}",
    }


def quote_row(
    q: CorpusQuote, stored: Mapping[str, str], published: Mapping[str, date | None]
) -> Row:
    days = sorted(d for d in (published[c.document] for c in q.citations) if d)
    return {
        "id": q.id,
        "text": q.text,
        "speaker": q.speaker,
        "confidence": q.confidence,
        **(interval_to_dict(q.date) if q.date else {"start": None, "end": None, "precision": None}),
        # the day the first citing document was published: for quotes without a date
        "reported": days[0].isoformat() if days else None,
        "citations": _citations(q.citations, stored),
        "search": fold(q.text),
    }


def _citations(citations: Sequence[Citation], stored: Mapping[str, str]) -> list[list[Any]]:
    return [[stored[c.document], c.span.start, c.span.end] for c in citations]


def actor_of(row: Row) -> CorpusActor:
    return CorpusActor(
        row["id"],
        row["name"],
        _KIND_OF[row["kind"]],
        tuple(row["aliases"]),
        tuple(row["roles"]),
        row.get("confidence", 1.0),  # not in rows stored before it was
    )


def event_of(row: Row, texts: Mapping[str, str]) -> CorpusEvent:
    """An event row as a record; `texts` maps document ids to their stored text."""
    return CorpusEvent(
        id=row["id"],
        date_text=row["date_text"],
        date=interval_from_dict(row),
        summary=row["summary"],
        actors=tuple(row["actors"]),
        citations=_citations_of(row, texts),
        relative=row["relative"],
        confidence=row.get("confidence", 1.0),
    )


def quote_of(row: Row, texts: Mapping[str, str]) -> CorpusQuote:
    return CorpusQuote(
        id=row["id"],
        text=row["text"],
        speaker=row["speaker"],
        date=interval_from_dict(row) if row["start"] else None,
        citations=_citations_of(row, texts),
        confidence=row.get("confidence", 1.0),
    )


def _citations_of(row: Row, texts: Mapping[str, str]) -> tuple[Citation, ...]:
    return tuple(
        Citation(doc_id, Span(start, end), texts[doc_id][start:end])
        for doc_id, start, end in row["citations"]
    )
