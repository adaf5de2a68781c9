"""A filtered corpus as text: JSON, CSV, Markdown, TimelineJS JSON and iCalendar.

Every format keeps the citations: the exact words of each reporting document and where they are.
Article text, file names and everything else stored are untrusted, so each format escapes them by
its own rules (Markdown punctuation, HTML for TimelineJS, RFC 5545 text values for iCalendar), and
no control character or escape sequence reaches any of them:

- text formats (CSV, Markdown, iCalendar, the HTML inside TimelineJS) pass every stored string
  through `printable`, the one sanitiser;
- JSON is data for programs and keeps every stored value exactly (`text == document[start:end]`
  holds there): each control is written as a `\\uXXXX` escape, inert text on a terminal;
- every CSV cell that a spreadsheet would run as a formula is neutralised as OWASP advises.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

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
from store.queries import CorpusIndex, Filter

FORMATS = ("json", "csv", "markdown", "timelinejs", "ics")
# Punctuation that makes markup inside a line (emphasis, code, links, HTML, entities, tables);
# line-start markup cannot occur, as article text never starts a line of the output.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
# Line breaks inside one item, which Markdown lists and CSV cells are better without.
_BREAKS = re.compile(r"\s*\n\s*")
# Characters that orjson writes as they are although `printable` drops them: DEL, the C1
# controls (8-bit CSI, OSC, ...) and the bidirectional overrides, all among DEL, C1 and the
# General Punctuation block. orjson escapes the C0 controls itself.
_JSON_UNSAFE = re.compile(
    "[{}]".format(
        "".join(
            char
            for char in map(chr, (*range(0x7F, 0xA0), *range(0x2000, 0x2070)))
            if not printable(char)
        )
    )
)
# What a CSV cell must not begin with, or a spreadsheet runs it as a formula (OWASP, "CSV
# Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(index: CorpusIndex, fmt: str, where: Filter | None = None) -> str:
    """The items that match `where` in format `fmt` (one of FORMATS)."""
    where = where or Filter()
    events, quotes = list(index.events(where)), list(index.quotes(where))
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
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


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
    """The extraction output of SCHEMA.md, for the matching items."""
    return json_text(corpus_to_dict(subset(index, events, quotes)))


def json_text(data: Any) -> str:
    """`data` as indented JSON on its own lines: every value exact, no control character raw."""
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


# --- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "kind", "id", "start", "end", "precision", "date_text", "text", "actors", "sources", "citation",
)  # fmt: skip


def to_csv(index: CorpusIndex, events: Sequence[CorpusEvent], quotes: Sequence[CorpusQuote]) -> str:
    """One row per event, then one per quote; `sources` lists every citation as path[start:end]."""
    return csv_text(CSV_COLUMNS, (csv_row(index, item) for item in _items(events, quotes)))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file that is safe to open in a spreadsheet and to show on a terminal; every CSV
    chronicle writes is written here.

    Every cell is quoted and `printable`; a cell that begins like a formula (`=`, `+`, `-`, `@`,
    tab, carriage return) gets a leading `'`, as OWASP advises, so a spreadsheet shows it as text
    rather than running it, at the price of that quote mark on cells such as `-5`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(map(csv_cell, row) for row in rows)
    return out.getvalue()


def csv_cell(value: object) -> str:
    """One CSV cell: `value` printable, and a leading formula character neutralised with `'`."""
    text = printable("" if value is None else str(value))
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_row(index: CorpusIndex, item: CorpusEvent | CorpusQuote) -> list[str]:
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
        _one_line(text),
        "; ".join(index.actor(a).name for a in actors),
        "; ".join(
            f"{index.document(c.document).document.path}[{c.span.start}:{c.span.end}]"
            for c in item.citations
        ),
        _one_line(item.citations[0].text) if item.citations else "",
    ]


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", printable(text)).strip()


# --- Markdown -----------------------------------------------------------------------------


def md(text: str) -> str:
    """Article text as literal Markdown on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


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
        names = ", ".join(md(index.actor(a).name) for a in event.actors)
        lines.append(f"- **{md(event.summary)}**" + (f" — {names}" if names else ""))
        lines += _md_citations(event, numbers)
    if quotes:
        lines += ["", "## Quotes", ""]
        for quote in quotes:
            who = md(index.actor(quote.speaker).name) if quote.speaker else "unattributed"
            when = f" ({date_label(quote.date)})" if quote.date else ""
            lines.append(f"- “{md(quote.text)}” — {who}{when}")
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
        words = f" “{md(c.text)}”" if quote_text else ""
        out.append(f"  - [{numbers[c.document]}]{words} (characters {c.span.start}–{c.span.end})")
    return out


def _md_source(document: Document) -> str:
    parts = [f"*{md(document.title)}*" if document.title else md(document.path)]
    if document.publisher:
        parts.append(md(document.publisher))
    if document.published:
        parts.append(document.published.isoformat())
    if document.url:
        parts.append(f"<{md(document.url)}>")
    if document.title:
        parts.append(f"`{_one_line(document.path).replace('`', '')}`")
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
        f"<blockquote>{_html(c.text)}</blockquote><p>— {_html(_source_name(index, c.document))}</p>"
        for c in event.citations
    ]
    names = [index.actor(a).name for a in event.actors]
    if names:
        body.insert(0, f"<p>{_html(', '.join(names))}</p>")
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": start,
        "display_date": date_label(event.date),
        "text": {"headline": _html(event.summary), "text": "".join(body)},
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


def _html(text: str) -> str:
    return html.escape(printable(text))


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
            f"SUMMARY:{_ics_text(event.summary)}",
            f"DESCRIPTION:{_ics_text(description)}",
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


def _ics_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    text = printable(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\n", "\\n").replace("\t", " ")


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
