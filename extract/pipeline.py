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
from extract.boilerplate import heading_spans, noise_spans
from extract.dates import find_dates
from extract.events import find_events
from extract.merge import merge
from extract.metadata import Metadata, date_in_file_name, date_in_url, find_metadata
from extract.model import Document, DocumentExtraction, Event, Quote
from extract.quotes import find_quotes
from extract.reading import HtmlArticle, decode, html_to_article, looks_like_html
from extract.segments import blocks as find_blocks

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

    Relative dates ("on Tuesday", "last week") are read against the article's date
    (`article_date`); an article without one keeps them unresolved, left out of its events.
    `published` is the date a reader set for the article: it overrides every date found.
    """
    noise = noise_spans(text)
    found = find_metadata(text, noise=noise)
    metadata = _combine(found, html)
    published_from: str | None = "reader"
    if published is None:
        published, published_from = article_date(
            path, found, html, url=metadata.url, default_date=default_date
        )
    blocks = find_blocks(text, skip=noise)
    actors = find_actors(text, blocks)
    quotes, actors = find_quotes(text, blocks, actors)
    surety = REFERENCE_SURETY[published_from] if published_from is not None else 1.0
    dates = find_dates(text, reference=published, reference_surety=surety)
    headings = heading_spans(text, noise=noise)
    quoted = sorted(q.span for q in quotes)
    events = find_events(text, blocks, dates, actors, skip=headings, quoted=quoted)
    document = Document(
        path=path,
        text=text,
        title=metadata.title,
        publisher=metadata.publisher,
        published=published,
        url=metadata.url,
        published_from=published_from,
    )
    return DocumentExtraction(document, tuple(actors), tuple(events), _dated(quotes, events))


# How sure an article's date is by where it was read: a relative date ("on Tuesday") in the
# article is no surer than the date it is read against.
REFERENCE_SURETY = {
    "text": 1.0,
    "html": 1.0,
    # Addresses and file names mostly carry the day of publication, some that of a first
    # version or of the download.
    "url": 0.95,
    "file name": 0.95,
    "user": 0.9,  # one date given for every undated file of an ingest
    "reader": 1.0,
}


def article_date(
    path: str,
    found: Metadata,
    html: HtmlArticle | None,
    *,
    url: str | None,
    default_date: datetime.date | None = None,
) -> tuple[datetime.date | None, str | None]:
    """The article's date and where it was read (`extract.model.DATE_SOURCES`): the text's date
    line, dateline or byline, the page's metadata, a date in its address, one in its file name,
    else `default_date` (the user's); (None, None) when there is none."""
    candidates = (
        ("text", found.published),
        ("html", html.published if html else None),
        ("url", date_in_url(url)),
        ("file name", date_in_file_name(path)),
        ("user", default_date),
    )
    return next(((day, source) for source, day in candidates if day is not None), (None, None))


def _combine(found: Metadata, html: HtmlArticle | None) -> Metadata:
    """The page's own metadata first, what the text shows where the markup is silent."""
    if html is None:
        return found
    return Metadata(
        title=html.title or found.title,
        publisher=html.publisher or found.publisher,
        published=html.published or found.published,
        url=html.url or found.url,
    )


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
