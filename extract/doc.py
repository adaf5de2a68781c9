"""One article, read once: its text and what every stage needs to know of its layout.

`read_doc` splits the text into lines, marks its page furniture (noise) and headings, finds its
embedded posts and content blocks, reads its metadata and settles the article's date and where
that date came from. Every stage then reads the `Doc` instead of splitting the text again, as
spaCy's stages read one `Doc`: the lines, noise and posts are found once, not once per stage or
through caches keyed by the whole text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from extract.boilerplate import Line, heading_spans, noise_spans, split_lines
from extract.metadata import Metadata, date_in_file_name, date_in_url, find_metadata
from extract.model import Span
from extract.reading import HtmlArticle
from extract.segments import Block, Post, blocks, find_posts

__all__ = ["REFERENCE_SURETY", "Doc", "article_date", "read_doc"]


@dataclass(frozen=True, slots=True)
class Doc:
    """An article's text and its layout; every span points into `text`."""

    path: str
    text: str
    lines: tuple[Line, ...]  # the non-blank lines, less their Markdown marks
    noise: tuple[Span, ...]  # whole lines of page furniture: menus, share rows, credits
    headings: tuple[Span, ...]  # headlines and section headings: content, but no sentences
    posts: tuple[Post, ...]  # embedded social-media posts
    blocks: tuple[Block, ...]  # content blocks (lines, bullets, posts) with their sentences
    metadata: Metadata  # the page's markup first, what its text shows where that is silent
    published: datetime.date | None  # the article's date, which relative dates are read against
    published_from: str | None  # where that date was read (extract.model.DATE_SOURCES)

    @property
    def reference_surety(self) -> float:
        """How sure a relative date read against `published` can be."""
        return 1.0 if self.published_from is None else REFERENCE_SURETY[self.published_from]


def read_doc(
    path: str,
    text: str,
    *,
    html: HtmlArticle | None = None,
    default_date: datetime.date | None = None,
    published: datetime.date | None = None,
) -> Doc:
    """The `Doc` of a decoded text; `html` carries what the page's markup said about it.

    `published` is the date a reader set for the article: it overrides every date found;
    `default_date` is the article's date when nothing else gives one (`article_date`).
    """
    lines = split_lines(text)
    noise = noise_spans(text, lines=lines)
    posts = find_posts(text)
    found = find_metadata(text, noise=noise, lines=lines)
    metadata = _combine(found, html)
    published_from: str | None = "reader"
    if published is None:
        published, published_from = article_date(
            path, found, html, url=metadata.url, default_date=default_date
        )
    return Doc(
        path=path,
        text=text,
        lines=lines,
        noise=tuple(noise),
        headings=tuple(heading_spans(text, noise=noise, lines=lines, posts=posts)),
        posts=tuple(posts),
        blocks=tuple(blocks(text, skip=noise, posts=posts)),
        metadata=metadata,
        published=published,
        published_from=published_from,
    )


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
