"""Records to the rows the tables hold, and back.

Documents keep their full text, so every citation can be shown even when the file is gone, and
their per-document records; both are blobs (`store.storage.Blob`), read only when a citation is
shown or a re-merge needs them. Events and quotes are stored as columns in one row per table
(`pack`): first and last days as day numbers, postings per document, and blobs for each item's
display record, its search text (its words folded once, `fold`) and a word index (the sorted
folded words, how many items hold each, and their postings). Records cite by
`[document, start, end]`; the cited words are `text[start:end]` of the stored document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
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
from store.storage import Blob, Blobs

Row = dict[str, Any]

# Words of folded search text: the word index lists each item under these.
WORD = re.compile(r"\w+")
# Combining marks left by NFKD decomposition (the accents of "é" = "e" + U+0301).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """`text` for case- and accent-insensitive match: "Zelenskyy’s ÉLAN" -> "zelenskyy’s elan"."""
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
    """The per-document records stored in a document row."""
    document = {key: row[key] for key in ("path", "title", "publisher", "published", "url")}
    return extraction_from_dict(
        row["records"].value | {"document": document | {"text": row["text"].value}}
    )


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
        [_event_row(e, stored) for e in corpus.events],
        [_quote_row(q, stored, published) for q in corpus.quotes],
    )


def merged_rows(
    actors: list[Row], events: list[Row], quotes: list[Row]
) -> tuple[list[Row], list[Row], list[Row]]:
    """Item rows (one per event or quote) packed into columns in timeline order
    (`timeline_key`); each actor row lists the positions of its events and quotes in it."""
    events = sorted(events, key=timeline_key)
    quotes = sorted(quotes, key=timeline_key)
    by_actor = {
        "events": _postings(row["actors"] for row in events),
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
    words = _postings(set(WORD.findall(row["search"])) for row in items)
    vocabulary = sorted(words)
    return {
        "first": [_day(timeline_key(row)) for row in items],
        "last": [_day(row["end"] or row.get("reported") or UNDATED) for row in items],
        "documents": _postings([c[0] for c in row["citations"]] for row in items),
        "records": Blobs([{k: v for k, v in row.items() if k != "search"} for row in items]),
        "search": Blobs([row["search"] for row in items]),
        "words": Blob([vocabulary, [len(words[w]) for w in vocabulary]]),
        "postings": Blobs([words[w] for w in vocabulary]),
    }


def upgrade(tables: dict[str, dict[str, Row]]) -> dict[str, dict[str, Row]]:
    """Schema 1 tables (documents with inline text and records, one row per event and quote)
    as schema 2 tables."""
    documents = {
        key: row | {"text": Blob(row["text"]), "records": Blob(raw=row["records"].encode())}
        for key, row in tables.get("documents", {}).items()
    }
    actors, events, quotes = merged_rows(
        list(tables.get("actors", {}).values()),
        list(tables.get("events", {}).values()),
        list(tables.get("quotes", {}).values()),
    )
    meta = {key: row | {"schema": 2} for key, row in tables.get("meta", {}).items()}
    number = {
        name: dict(zip(map(str, range(1, len(r) + 1)), r, strict=True))
        for name, r in (("actors", actors), ("events", events), ("quotes", quotes))
    }
    return {**tables, "documents": documents, "meta": meta, **number}


def _postings(columns: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """For each key, the positions whose column holds it, ascending and without repeats."""
    postings: dict[str, list[int]] = {}
    for position, keys in enumerate(columns):
        for key in keys:
            found = postings.setdefault(key, [])
            if not found or found[-1] != position:
                found.append(position)
    return postings


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


def _day(iso: str) -> int:
    return UNDATED_DAY if iso == UNDATED else date.fromisoformat(iso).toordinal()


def _event_row(e: CorpusEvent, stored: Mapping[str, str]) -> Row:
    cited = fold("\n".join(c.text for c in e.citations))
    summary = fold(e.summary)
    return {
        "id": e.id,
        **interval_to_dict(e.date),
        "date_text": e.date_text,
        "relative": e.relative,
        "summary": e.summary,
        "actors": list(e.actors),
        "citations": _citations(e.citations, stored),
        # what the text filter searches; the summary only if the cited words do not hold it
        "search": cited if summary in cited else f"{summary}\n{cited}",
    }


def _quote_row(
    q: CorpusQuote, stored: Mapping[str, str], published: Mapping[str, date | None]
) -> Row:
    days = sorted(d for d in (published[c.document] for c in q.citations) if d)
    return {
        "id": q.id,
        "text": q.text,
        "speaker": q.speaker,
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
        row["id"], row["name"], ActorKind(row["kind"]), tuple(row["aliases"]), tuple(row["roles"])
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
    )


def quote_of(row: Row, texts: Mapping[str, str]) -> CorpusQuote:
    return CorpusQuote(
        id=row["id"],
        text=row["text"],
        speaker=row["speaker"],
        date=interval_from_dict(row) if row["start"] else None,
        citations=_citations_of(row, texts),
    )


def _citations_of(row: Row, texts: Mapping[str, str]) -> tuple[Citation, ...]:
    return tuple(
        Citation(doc_id, Span(start, end), texts[doc_id][start:end])
        for doc_id, start, end in row["citations"]
    )
