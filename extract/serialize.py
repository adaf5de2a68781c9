"""Records to plain JSON-ready dicts and back.

`corpus_to_dict` is the contract of `chronicle extract --format json` (../shared/eval/SCHEMA.md);
`extraction_to_dict` / `extraction_from_dict` round-trip one document's records for the store.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from extract.model import (
    Actor,
    ActorKind,
    Citation,
    Corpus,
    CorpusActor,
    DateInterval,
    DateMention,
    Document,
    DocumentExtraction,
    Event,
    Precision,
    Quote,
    Span,
)


def interval_to_dict(interval: DateInterval, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {} if text is None else {"text": text}
    out.update(
        start=interval.first.isoformat(),
        end=interval.last.isoformat(),
        precision=str(interval.precision),
    )
    return out


# Enum members by value: a dict lookup costs a tenth of calling the enum, and a re-merge reads
# hundreds of thousands of them.
_PRECISIONS = {str(p): p for p in Precision}
_KINDS = {str(k): k for k in ActorKind}


def interval_from_dict(data: dict[str, Any]) -> DateInterval:
    return DateInterval(
        date.fromisoformat(data["start"]),
        date.fromisoformat(data["end"]),
        _PRECISIONS.get(data["precision"]) or Precision(data["precision"]),
    )


def citation_to_dict(citation: Citation) -> dict[str, Any]:
    return {
        "document": citation.document,
        "start": citation.span.start,
        "end": citation.span.end,
        "text": citation.text,
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
        "url": document.url,
        "published_from": document.published_from,
    }


def actor_to_dict(actor: CorpusActor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": str(actor.kind),
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
        "confidence": actor.confidence,
    }


def corpus_to_dict(corpus: Corpus) -> dict[str, Any]:
    """The extraction output of SCHEMA.md: documents, actors, events and quotes with ids."""
    return {
        "documents": [{"id": d.id, **document_to_dict(d.document)} for d in corpus.documents],
        "actors": [actor_to_dict(a) for a in corpus.actors],
        "events": [
            {
                "id": e.id,
                "date": interval_to_dict(e.date, e.date_text) | {"relative": e.relative},
                "summary": e.summary,
                "actors": list(e.actors),
                "citations": [citation_to_dict(c) for c in e.citations],
                "confidence": e.confidence,
            }
            for e in corpus.events
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "date": interval_to_dict(q.date) if q.date else None,
                "citations": [citation_to_dict(c) for c in q.citations],
                "confidence": q.confidence,
            }
            for q in corpus.quotes
        ],
    }


def _span(data: list[int]) -> Span:
    return Span(data[0], data[1])


def extraction_to_dict(extraction: DocumentExtraction) -> dict[str, Any]:
    """One document's records with the full text, so every citation can be shown later."""
    doc = extraction.document
    return {
        "document": document_to_dict(doc) | {"text": doc.text},
        "actors": [
            {
                "key": a.key,
                "name": a.name,
                "kind": str(a.kind),
                "aliases": list(a.aliases),
                "roles": list(a.roles),
                "mentions": [[m.start, m.end] for m in a.mentions],
            }
            for a in extraction.actors
        ],
        "events": [
            {
                "span": [e.span.start, e.span.end],
                "date": {
                    "span": [e.date.span.start, e.date.span.end],
                    "relative": e.date.relative,
                    "confidence": e.date.confidence,
                    **interval_to_dict(e.date.interval, e.date.text),
                },
                "summary": e.summary,
                "actors": list(e.actors),
                "confidence": e.confidence,
            }
            for e in extraction.events
        ],
        "quotes": [
            {
                "span": [q.span.start, q.span.end],
                "speaker": q.speaker,
                "date": interval_to_dict(q.date) if q.date else None,
                "confidence": q.confidence,
            }
            for q in extraction.quotes
        ],
    }


def extraction_from_dict(data: dict[str, Any]) -> DocumentExtraction:
    d = data["document"]
    text = d["text"]
    document = Document(
        path=d["path"],
        text=text,
        title=d.get("title"),
        publisher=d.get("publisher"),
        published=date.fromisoformat(d["published"]) if d.get("published") else None,
        url=d.get("url"),
        published_from=d.get("published_from"),
    )
    actors = tuple(
        Actor(
            key=a["key"],
            name=a["name"],
            kind=_KINDS.get(a["kind"]) or ActorKind(a["kind"]),
            aliases=tuple(a["aliases"]),
            roles=tuple(a["roles"]),
            mentions=tuple(_span(m) for m in a["mentions"]),
        )
        for a in data["actors"]
    )
    events = []
    for e in data["events"]:
        span, date_span = _span(e["span"]), _span(e["date"]["span"])
        mention = DateMention(
            date_span,
            date_span.of(text),
            interval_from_dict(e["date"]),
            e["date"]["relative"],
            e["date"].get("confidence", 1.0),
        )
        events.append(
            Event(
                span,
                span.of(text),
                mention,
                e["summary"],
                tuple(e["actors"]),
                e.get("confidence", 1.0),  # not in records stored before it was
            )
        )
    quotes = tuple(
        Quote(
            _span(q["span"]),
            _span(q["span"]).of(text),
            q["speaker"],
            interval_from_dict(q["date"]) if q["date"] else None,
            q.get("confidence", 1.0),
        )
        for q in data["quotes"]
    )
    return DocumentExtraction(document, actors, tuple(events), quotes)
