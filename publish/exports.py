"""A filtered corpus as a file to share: JSON, CSV, Markdown, TimelineJS JSON and iCalendar.

Every format keeps the citations: the exact words of each reporting document and where they are.
Article text, file names and everything else stored are untrusted: each format writes them
through the escaper of its syntax in `publish.escape` (Markdown, CSV cells, JSON, HTML for
TimelineJS, RFC 5545 text values for iCalendar), so no control character or escape sequence
reaches any of them, JSON keeps every stored value exactly (`text == document[start:end]` holds
there), and no CSV cell runs as a spreadsheet formula.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from extract.display import date_label, printable
from extract.model import (
    Corpus,
    CorpusEvent,
    CorpusQuote,
    DateInterval,
    Document,
    Precision,
)
from extract.serialize import corpus_to_dict
from publish.escape import (
    csv_text,
    html_text,
    ics_text,
    json_text,
    markdown_code,
    markdown_text,
    markdown_url,
    one_line,
)
from store.queries import CorpusIndex, Filter

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "ExportFormat",
    "export",
    "render",
    "subset",
    "to_csv",
    "to_ics",
    "to_json",
    "to_markdown",
    "to_timelinejs",
]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """How a format is named in a menu, the suffix of a file holding it, and whether it holds
    only events (a calendar, a timeline of slides)."""

    label: str
    suffix: str
    events_only: bool = False


# The formats `export` writes, in menu order.
EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("JSON", ".json"),
    "csv": ExportFormat("CSV", ".csv"),
    "markdown": ExportFormat("Markdown", ".md"),
    "timelinejs": ExportFormat("TimelineJS", ".json", events_only=True),
    "ics": ExportFormat("iCalendar", ".ics", events_only=True),
}


def export(index: CorpusIndex, fmt: str, where: Filter | None = None) -> str:
    """The items that match `where` (everything when None) in format `fmt`, a key of
    EXPORT_FORMATS: the text of the file, ready to write or copy."""
    where = where or Filter()
    return render(index, fmt, index.events(where), index.quotes(where))


def render(
    index: CorpusIndex, fmt: str, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]
) -> str:
    """These items in format `fmt`, when the caller has selected them already (the browser
    selects on its event loop, where the index's caches live, and renders in a thread)."""
    events, quotes = list(events), list(quotes)
    if fmt == "json":
        return to_json(index, events, quotes)
    if fmt == "csv":
        return to_csv(index, events, quotes)
    if fmt == "markdown":
        return to_markdown(index, events, quotes)
    if fmt == "timelinejs":
        return to_timelinejs(index, events)
    if fmt == "ics":
        return to_ics(index, events, now=datetime.now(UTC))
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")


def subset(
    index: CorpusIndex, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]
) -> Corpus:
    """The documents and actors these items need, with the items."""
    doc_ids = {c.document for item in _items(events, quotes) for c in item.citations}
    actor_ids = {a for e in events for a in e.actors} | {q.speaker for q in quotes if q.speaker}
    return Corpus(
        documents=tuple(index.document(d) for d in index.document_ids if d in doc_ids),
        actors=tuple(a for a in index.actors() if a.id in actor_ids),
        events=tuple(events),
        quotes=tuple(quotes),
    )


def _items(
    events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]
) -> list[CorpusEvent | CorpusQuote]:
    return [*events, *quotes]


def to_json(
    index: CorpusIndex, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]
) -> str:
    """The extraction output (docs/json.md), for the matching items."""
    return json_text(corpus_to_dict(subset(index, events, quotes)))


# --- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "kind", "id", "start", "end", "precision", "date_text", "text", "actors", "sources", "citation",
)  # fmt: skip


def to_csv(index: CorpusIndex, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]) -> str:
    """One row per event, then one per quote; `sources` lists every citation as path[start:end]."""
    return csv_text(CSV_COLUMNS, (_csv_row(index, item) for item in _items(events, quotes)))


def _csv_row(index: CorpusIndex, item: CorpusEvent | CorpusQuote) -> list[str]:
    interval = item.date
    if isinstance(item, CorpusEvent):
        kind, date_text, text, actors = "event", item.date_text, item.summary, item.actors
    else:
        kind, date_text, text = "quote", "", item.text
        actors = (item.speaker,) if item.speaker else ()
    return [
        kind,
        item.id,
        interval.first.isoformat() if interval else "",
        interval.last.isoformat() if interval else "",
        str(interval.precision) if interval else "",
        date_text,
        one_line(text),
        "; ".join(index.actor(a).name for a in actors),
        "; ".join(
            f"{index.document(c.document).document.path}[{c.span.start}:{c.span.end}]"
            for c in item.citations
        ),
        one_line(item.citations[0].text) if item.citations else "",
    ]


# --- Markdown -----------------------------------------------------------------------------


def to_markdown(
    index: CorpusIndex, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]
) -> str:
    """A cited timeline: a heading per date, an entry per event with the words of each source,
    then the quotes, then the list of sources."""
    corpus = subset(index, events, quotes)
    numbers = {d.id: n for n, d in enumerate(corpus.documents, 1)}
    lines = ["# Timeline", ""]
    heading = None
    for event in events:
        label = date_label(event.date)
        if label != heading:
            lines += ([""] if heading else []) + [f"## {label}", ""]
            heading = label
        names = ", ".join(markdown_text(index.actor(a).name) for a in event.actors)
        lines.append(f"- **{markdown_text(event.summary)}**" + (f" — {names}" if names else ""))
        lines += _md_citations(event, numbers)
    if quotes:
        lines += ["", "## Quotes", ""]
        for quote in quotes:
            who = (
                markdown_text(index.actor(quote.speaker).name) if quote.speaker else "unattributed"
            )
            when = f" ({date_label(quote.date)})" if quote.date else ""
            lines.append(f"- “{markdown_text(quote.text)}” — {who}{when}")
            lines += _md_citations(quote, numbers, quote_text=False)
    if corpus.documents:
        lines += ["", "## Sources", ""]
        for doc in corpus.documents:
            lines.append(f"{numbers[doc.id]}. {_md_source(doc.document)}")
    return "\n".join(lines) + "\n"


def _md_citations(
    item: CorpusEvent | CorpusQuote, numbers: dict[str, int], *, quote_text: bool = True
) -> list[str]:
    """A nested bullet per citation: the source's number, its words (for events) and where."""
    out = []
    for c in item.citations:
        words = f" “{markdown_text(c.text)}”" if quote_text else ""
        out.append(f"  - [{numbers[c.document]}]{words} (characters {c.span.start}–{c.span.end})")
    return out


def _md_source(document: Document) -> str:
    parts = [
        f"*{markdown_text(document.title)}*" if document.title else markdown_text(document.path)
    ]
    if document.publisher:
        parts.append(markdown_text(document.publisher))
    if document.published:
        parts.append(document.published.isoformat())
    if document.url:
        parts.append(f"<{markdown_url(document.url)}>")
    if document.title:
        parts.append(markdown_code(document.path))
    return ", ".join(parts)


# --- TimelineJS ---------------------------------------------------------------------------


def to_timelinejs(index: CorpusIndex, events: Sequence[CorpusEvent]) -> str:
    """Knight Lab TimelineJS's JSON: one slide per event, grouped by its first actor."""
    slides = [_slide(index, event) for event in events]
    title = {"text": {"headline": "chronicle", "text": f"{len(slides)} events"}}
    return json_text({"title": title, "events": slides})


def _slide(index: CorpusIndex, event: CorpusEvent) -> dict[str, Any]:
    start, end = _timelinejs_dates(event.date)
    body = [
        f"<blockquote>{html_text(c.text)}</blockquote>"
        f"<p>— {html_text(_source_name(index, c.document))}</p>"
        for c in event.citations
    ]
    names = [index.actor(a).name for a in event.actors]
    if names:
        body.insert(0, f"<p>{html_text(', '.join(names))}</p>")
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": start,
        "display_date": date_label(event.date),
        "text": {"headline": html_text(event.summary), "text": "".join(body)},
        "group": printable(names[0]) if names else "Events",
    }
    if end:
        slide["end_date"] = end
    return slide


def _timelinejs_dates(interval: DateInterval) -> tuple[dict[str, int], dict[str, int] | None]:
    first, last = interval.first, interval.last
    if interval.precision is Precision.YEAR and first.year == last.year:
        return {"year": first.year}, None
    if interval.precision is Precision.MONTH:
        return {"year": first.year, "month": first.month}, None
    start = {"year": first.year, "month": first.month, "day": first.day}
    end = {"year": last.year, "month": last.month, "day": last.day}
    return start, (end if last != first else None)


def _source_name(index: CorpusIndex, doc_id: str) -> str:
    document = index.document(doc_id).document
    return ", ".join(filter(None, (document.title or document.path, document.publisher)))


# --- iCalendar ----------------------------------------------------------------------------


def to_ics(index: CorpusIndex, events: Sequence[CorpusEvent], *, now: datetime) -> str:
    """An RFC 5545 calendar: one all-day VEVENT per event, its citations in the description."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//chronicle//chronicle//EN",
        "CALSCALE:GREGORIAN",
    ]
    for event in events:
        citations = "\n\n".join(
            f"“{c.text}”\n— {_source_name(index, c.document)}" for c in event.citations
        )
        names = ", ".join(index.actor(a).name for a in event.actors)
        description = "\n\n".join(
            filter(None, (f"{event.date_text}: {event.summary}", names, citations))
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(index, event)}@chronicle",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date.first.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.date.last + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{ics_text(event.summary)}",
            f"DESCRIPTION:{ics_text(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _uid(index: CorpusIndex, event: CorpusEvent) -> str:
    """Stable across re-ingests (merged ids are not): the dates and the first cited words."""
    first = event.citations[0] if event.citations else None
    path = index.document(first.document).document.path if first else ""
    key = f"{event.date.first}|{event.date.last}|{path}|{first.text if first else event.summary}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _fold(line: str) -> str:
    """Content lines longer than 75 octets are folded (CRLF + space), never inside a character."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)
