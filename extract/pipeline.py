"""From one file's bytes to its records, and from many documents' records to one corpus.

`extract_document` is a pure function of a path and bytes, so ingestion can spread it over
processes; `merge` joins what several documents report.
"""

from __future__ import annotations

import dataclasses
import datetime
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from pathlib import PurePath

from extract.actors import find_actors
from extract.book import ActorBook
from extract.dates import find_dates
from extract.doc import article_date, read_doc
from extract.events import find_events
from extract.merge import merge
from extract.model import Document, DocumentExtraction, Event, Quote
from extract.quotes import find_quotes
from extract.reading import HtmlArticle, decode, html_to_article, looks_like_html

__all__ = ["article_date", "extract_document", "extract_text", "merge"]


def extract_file(
    path: str, data: bytes, *, default_date: datetime.date | None = None
) -> DocumentExtraction | str:
    """The records of one file, or a one-line reason why there are none."""
    try:
        return extract_document(path, data, default_date=default_date)
    except ValueError as error:
        return str(error) or "unreadable text"
    except Exception as error:  # a bug on one odd article must not lose the others
        return f"extraction failed ({type(error).__name__}: {error})"


def extract_document(
    path: str, data: bytes, *, default_date: datetime.date | None = None
) -> DocumentExtraction:
    """Records of one file; raises extract.reading.UnreadableText for bytes it cannot read.

    `default_date` is the article's date when neither its text, its markup, its address nor its
    file name gives one; it never overrides a date found.
    """
    text = decode(data)
    if looks_like_html(PurePath(path).suffix.lower(), text):
        article = html_to_article(text)
        return extract_text(path, article.text, html=article, default_date=default_date)
    return extract_text(path, text, default_date=default_date)


def extract_text(
    path: str,
    text: str,
    *,
    html: HtmlArticle | None = None,
    default_date: datetime.date | None = None,
    published: datetime.date | None = None,
) -> DocumentExtraction:
    """Records of a decoded text; `html` carries what the page's markup said about it.

    The text is read once into an `extract.doc.Doc` (lines, noise, headings, posts, blocks,
    metadata, the article's date) that every stage reads. Relative dates ("on Tuesday", "last
    week") are read against the article's date (`article_date`); an article without one keeps
    them unresolved, left out of its events.
    `published` is the date a reader set for the article: it overrides every date found.
    """
    doc = read_doc(path, text, html=html, default_date=default_date, published=published)
    book = ActorBook(find_actors(text, doc.blocks))
    quotes = find_quotes(text, doc.blocks, book)  # adds the speakers only quotes name
    actors = book.actors()
    dates = find_dates(text, reference=doc.published, reference_surety=doc.reference_surety)
    quoted = sorted(q.span for q in quotes)
    events = find_events(text, doc.blocks, dates, actors, skip=doc.headings, quoted=quoted)
    document = Document(
        path=path,
        text=text,
        title=doc.metadata.title,
        publisher=doc.metadata.publisher,
        published=doc.published,
        url=doc.metadata.url,
        published_from=doc.published_from,
    )
    return DocumentExtraction(document, tuple(actors), tuple(events), _dated(quotes, events))


def _dated(quotes: Sequence[Quote], events: Sequence[Event]) -> tuple[Quote, ...]:
    """A quote takes the date of the dated statement it stands in (the first listed, should
    several hold it).

    Events by start, with the furthest end reached so far: looking back from a quote stops
    where no earlier event reaches its end, so disjoint statements cost a bisection a quote.
    """
    order = sorted(range(len(events)), key=lambda i: events[i].span.start)
    starts = [events[i].span.start for i in order]
    reach = list(accumulate((events[i].span.end for i in order), max))
    out = []
    for quote in quotes:
        home = None
        at = bisect_right(starts, quote.span.start) - 1
        while at >= 0 and reach[at] >= quote.span.end:
            index = order[at]
            if events[index].span.contains(quote.span) and (home is None or index < home):
                home = index
            at -= 1
        out.append(
            dataclasses.replace(quote, date=events[home].date.interval)
            if home is not None
            else quote
        )
    return tuple(out)
