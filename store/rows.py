"""Records to the rows the tables hold, and back.

Documents keep their full text, so every citation can be shown even when the file is gone, and
their per-document records as one JSON string: only a re-merge reads them, and a string costs
next to nothing when the database loads. Merged rows cite by `[document, start, end]`; the cited
words are `text[start:end]` of the stored document, so they are not stored twice. Each merged
row carries `search`, its words folded (`fold`) once at write time for the text filter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import orjson

from extract.model import (
    ActorKind,
    Citation,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    DateInterval,
    Document,
    DocumentExtraction,
    Precision,
    Span,
)
from extract.serialize import document_to_dict, extraction_from_dict, extraction_to_dict

Row = dict[str, Any]

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
        "text": extraction.document.text,
        "records": orjson.dumps(records).decode(),
    }


def extraction_of(row: Row) -> DocumentExtraction:
    """The per-document records stored in a document row."""
    document = {key: row[key] for key in ("path", "title", "publisher", "published", "url")}
    return extraction_from_dict(
        orjson.loads(row["records"]) | {"document": document | {"text": row["text"]}}
    )


def document_of(row: Row) -> CorpusDocument:
    published = row.get("published")
    return CorpusDocument(
        row["id"],
        Document(
            path=row["path"],
            text=row["text"],
            title=row.get("title"),
            publisher=row.get("publisher"),
            published=date.fromisoformat(published) if published else None,
            url=row.get("url"),
        ),
    )


# --- merged items -------------------------------------------------------------------------


def corpus_rows(corpus: Corpus, doc_ids: Sequence[str]) -> tuple[list[Row], list[Row], list[Row]]:
    """Actor, event and quote rows of a merged corpus whose documents are stored as `doc_ids`.

    `merge` numbers documents by position; the store keeps ids that survive removals, so
    citations are renamed to the stored ids here. Events and quotes are stored in timeline
    order (`timeline_key`), and each actor row lists the positions of its events and quotes in
    that order, so loading needs neither a sort nor a pass to build postings.
    """
    stored = {d.id: doc_id for d, doc_id in zip(corpus.documents, doc_ids, strict=True)}
    published = {d.id: d.document.published for d in corpus.documents}
    events = sorted((_event_row(e, stored) for e in corpus.events), key=timeline_key)
    quotes = sorted((_quote_row(q, stored, published) for q in corpus.quotes), key=timeline_key)
    postings: dict[str, dict[str, list[int]]] = {
        a.id: {"events": [], "quotes": []} for a in corpus.actors
    }
    for position, row in enumerate(events):
        for actor in row["actors"]:
            postings[actor]["events"].append(position)
    for position, row in enumerate(quotes):
        if row["speaker"]:
            postings[row["speaker"]]["quotes"].append(position)
    actors = [
        {
            "id": a.id,
            "name": a.name,
            "kind": str(a.kind),
            "aliases": list(a.aliases),
            "roles": list(a.roles),
            **postings[a.id],
        }
        for a in corpus.actors
    ]
    return actors, events, quotes


def timeline_key(row: Row) -> str:
    """Items sort by their first day (a quote without a date: the day it was reported; undated
    ones last); the sort is stable, so `merge`'s order breaks ties."""
    return row["start"] or row.get("reported") or UNDATED


# Sorts after every ISO date.
UNDATED = "~"


def _event_row(e: CorpusEvent, stored: Mapping[str, str]) -> Row:
    cited = fold("\n".join(c.text for c in e.citations))
    summary = fold(e.summary)
    return {
        "id": e.id,
        **_interval(e.date),
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
        **(_interval(q.date) if q.date else {"start": None, "end": None, "precision": None}),
        # the day the first citing document was published: for quotes without a date
        "reported": days[0].isoformat() if days else None,
        "citations": _citations(q.citations, stored),
        "search": fold(q.text),
    }


def _interval(interval: DateInterval) -> Row:
    return {
        "start": interval.first.isoformat(),
        "end": interval.last.isoformat(),
        "precision": str(interval.precision),
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
        date=_interval_of(row),
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
        date=_interval_of(row) if row["start"] else None,
        citations=_citations_of(row, texts),
    )


def _interval_of(row: Row) -> DateInterval:
    return DateInterval(
        date.fromisoformat(row["start"]),
        date.fromisoformat(row["end"]),
        Precision(row["precision"]),
    )


def _citations_of(row: Row, texts: Mapping[str, str]) -> tuple[Citation, ...]:
    return tuple(
        Citation(doc_id, Span(start, end), texts[doc_id][start:end])
        for doc_id, start, end in row["citations"]
    )
