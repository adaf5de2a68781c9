"""One article read once: the Doc holds the lines, noise, headings, posts, blocks, metadata and the
article's date that every stage reads."""

from __future__ import annotations

import datetime

from extract.boilerplate import heading_spans, noise_spans, split_lines
from extract.doc import Doc, read_doc
from extract.metadata import find_metadata
from extract.segments import BlockKind, blocks, find_posts

PAGE = (
    "HILLCREST WEEKLY\n"
    "Home | News | Gardens | Sport\n"
    "\n"
    "Allotment society wins its fight for a new water supply\n"
    "By Tomasz Wiśniewski\n"
    "Published 12 April 2023\n"
    "\n"
    "The allotment society said on Tuesday that the water board would lay a new pipe to its"
    " plots before the summer, ending a three-year dispute over standpipes.\n"
    "\n"
    "What happens next\n"
    "\n"
    "Work on the pipe starts on 2 May and should take a fortnight, the board said.\n"
    "\n"
    "Our plots will finally get water\n"
    "— Hillcrest Allotments (@hillcrestplots) April 11, 2023\n"
    "Share on Facebook\n"
)


def test_a_doc_holds_what_the_stages_found_once() -> None:
    doc = read_doc("hillcrest.txt", PAGE)
    assert isinstance(doc, Doc)
    assert doc.lines == split_lines(PAGE)
    assert list(doc.noise) == noise_spans(PAGE)
    assert list(doc.posts) == find_posts(PAGE)
    assert list(doc.headings) == heading_spans(PAGE)
    assert list(doc.blocks) == blocks(PAGE, skip=noise_spans(PAGE))
    assert doc.metadata == find_metadata(PAGE)


def test_a_docs_spans_point_into_its_text() -> None:
    doc = read_doc("hillcrest.txt", PAGE)
    assert [span.of(PAGE) for span in doc.noise] == [
        "Home | News | Gardens | Sport",
        "By Tomasz Wiśniewski",
        "Published 12 April 2023",
        "Share on Facebook",
    ]
    assert [span.of(PAGE) for span in doc.headings] == [
        "HILLCREST WEEKLY",
        "Allotment society wins its fight for a new water supply",
        "What happens next",
    ]
    (post,) = doc.posts
    assert post.body.of(PAGE) == "Our plots will finally get water"
    assert [b.kind for b in doc.blocks].count(BlockKind.POST) == 1


def test_the_articles_date_and_where_it_came_from() -> None:
    doc = read_doc("hillcrest.txt", PAGE)
    assert doc.metadata.publisher == "Hillcrest Weekly"
    assert (doc.published, doc.published_from, doc.reference_surety) == (
        datetime.date(2023, 4, 12),
        "text",
        1.0,
    )
    undated = PAGE.replace("Published 12 April 2023\n", "")
    doc = read_doc("2023-04-13_hillcrest.txt", undated)
    assert (doc.published, doc.published_from, doc.reference_surety) == (
        datetime.date(2023, 4, 13),
        "file name",
        0.95,
    )
    doc = read_doc("hillcrest.txt", undated, default_date=datetime.date(2023, 4, 1))
    assert (doc.published, doc.published_from) == (datetime.date(2023, 4, 1), "user")
    assert read_doc("hillcrest.txt", undated).published is None
    reader = datetime.date(2023, 4, 20)
    assert read_doc("hillcrest.txt", PAGE, published=reader).published_from == "reader"
