"""A date that qualifies a side detail (a name, a product, a record) is not when the statement
happened (issue 9, point 3.4). Invented sentences, each on an article dated 14 June 2021."""

from datetime import date

import pytest

from extract.pipeline import extract_text

HEAD = "Council news\nPublished 14 June 2021\n\n"


def _events(body: str) -> list[tuple[str, date, date]]:
    text = HEAD + body
    extraction = extract_text("article.txt", text)
    for event in extraction.events:
        assert event.text == text[event.span.start : event.span.end]
    return [(e.text, e.date.interval.first, e.date.interval.last) for e in extraction.events]


@pytest.mark.parametrize(
    "body",
    [
        "The ferry still runs under the Harbour Access Act of 1993.\n",
        "Auditors went through his filings from 1995 line by line.\n",
        "The recall covers older scooters (2009 models) and nothing else.\n",
        "Farmers grew the grain here 2,500 years ago, the museum says.\n",
        "The club had never been relegated before 2009.\n",
        "Correction: October 2, 2016. An earlier version misnamed the coach.\n",
        "https://cdn.example.com/photos/stadium-roof.jpg?w=2040\n",
        "The city hopes to stage events at the 2028 Games.\n",
        # The words before the year in capitals or with a curly apostrophe read the same.
        "Auditors went through his filings FROM 1995 line by line.\n",
        "Guests still talk about the keeper’s 2005 wedding on the pier.\n",
        "Mayor quits after budget row\nUpdated 5 minutes ago\nFloods close two schools\n",
    ],
)
def test_a_side_detail_dates_no_event(body):
    assert _events(body) == []


def test_a_week_ago_is_a_day_not_a_week():
    assert _events("A week ago the swimming pool reopened.\n") == [
        ("A week ago the swimming pool reopened.", date(2021, 6, 7), date(2021, 6, 7))
    ]


def test_the_happening_keeps_its_own_date_beside_a_side_detail():
    assert _events("Under the Harbour Access Act of 1993, the port closed in 2020.\n") == [
        (
            "Under the Harbour Access Act of 1993, the port closed in 2020.",
            date(2020, 1, 1),
            date(2020, 12, 31),
        )
    ]


def test_a_statement_set_in_a_named_happening_is_dated_by_its_year():
    assert _events("In the Great Flood of 1953, the sea wall broke in two places.\n") == [
        (
            "In the Great Flood of 1953, the sea wall broke in two places.",
            date(1953, 1, 1),
            date(1953, 12, 31),
        )
    ]


def test_the_day_something_was_said_gives_way_to_the_day_it_happens():
    text = (
        "Published 7 February 2025\n\n"
        "The mayor told reporters on Thursday that the bridge would reopen on 3 March.\n\n"
        "The agency said last month that sea levels had risen since 1900.\n"
    )
    events = {e.text: e.date for e in extract_text("harbour.txt", text).events}
    bridge = events["The mayor told reporters on Thursday that the bridge would reopen on 3 March."]
    assert (bridge.text, bridge.interval.first) == ("3 March", date(2025, 3, 3))
    # a wider date ("since 1900") does not date the saying's news instead
    sea = events["The agency said last month that sea levels had risen since 1900."]
    assert sea.text == "last month"


def test_a_date_inside_quoted_words_dates_a_quote_not_an_event():
    text = (
        "Published 7 February 2025\n\n"
        "The county closed the ferry on Tuesday.\n\n"
        "“We were promised a new boat in 2019, and we are still waiting,” said Ines Ruiz, a "
        "deckhand. “Next week, probably, they will tell us again.”\n"
    )
    extraction = extract_text("ferry.txt", text)
    assert [e.text for e in extraction.events] == ["The county closed the ferry on Tuesday."]
    assert len(extraction.quotes) == 2  # the quotes are kept, with their speaker
