"""Timelines whose dates and statements sit on different lines (issue 9, point 3.1).

Each article is invented; the layouts are the ones pages use: a date alone on a line above its
entry, a month heading over day-numbered bullets, a year heading over year-less bullets (some
hard-wrapped), and rows of "Place: date".
"""

from datetime import date

from extract.pipeline import extract_text


def _events(text: str) -> list[tuple[str, date, date]]:
    extraction = extract_text("article.txt", text)
    for event in extraction.events:
        assert event.text == text[event.span.start : event.span.end]
    return [(e.text, e.date.interval.first, e.date.interval.last) for e in extraction.events]


DATE_ABOVE_ENTRY = (
    "How the port strike unfolded\n"
    "Published 2 June 2019\n"
    "\n"
    "The dispute between the dockers and the harbour board lasted six weeks.\n"
    "\n"
    "12 April 2019\n"
    "Crane drivers reject the board's pay offer by a wide margin.\n"
    "\n"
    "20 April 2019\n"
    "The harbour board raises its offer to four percent.\n"
    "\n"
    "10 May 2019\n"
    "The union accepts the offer and the cranes start again.\n"
)


def test_a_date_alone_on_a_line_dates_the_entry_below_it():
    assert _events(DATE_ABOVE_ENTRY) == [
        (
            "12 April 2019\nCrane drivers reject the board's pay offer by a wide margin.",
            date(2019, 4, 12),
            date(2019, 4, 12),
        ),
        (
            "20 April 2019\nThe harbour board raises its offer to four percent.",
            date(2019, 4, 20),
            date(2019, 4, 20),
        ),
        (
            "10 May 2019\nThe union accepts the offer and the cranes start again.",
            date(2019, 5, 10),
            date(2019, 5, 10),
        ),
    ]


def test_the_article_date_line_dates_nothing_below_it():
    text = (
        "Library to close early\n"
        "14 March 2023\n"
        "The council voted to shorten the library's opening hours.\n"
    )
    assert [e[0] for e in _events(text)] == []


MONTH_HEADING = (
    "Strike diary\n"
    "Published 30 April 2019\n"
    "\n"
    "March 2019\n"
    "7: Dockers walk out at the container terminal.\n"
    "15: Talks with the harbour board collapse after an hour.\n"
    "April 2019\n"
    "- 2: The first ship is diverted to another port.\n"
)


def test_day_numbers_under_a_month_heading_are_days_of_that_month():
    assert _events(MONTH_HEADING) == [
        ("7: Dockers walk out at the container terminal.", date(2019, 3, 7), date(2019, 3, 7)),
        (
            "15: Talks with the harbour board collapse after an hour.",
            date(2019, 3, 15),
            date(2019, 3, 15),
        ),
        ("2: The first ship is diverted to another port.", date(2019, 4, 2), date(2019, 4, 2)),
    ]


YEAR_HEADING = (
    "The stadium saga\n"
    "Published 9 February 2021\n"
    "\n"
    "2018:\n"
    "- Oct. 3 - The city council votes to sell the old velodrome site to the\n"
    "  football club.\n"
    "- Dec. 12 - Residents lodge an appeal against the sale.\n"
    "2019:\n"
    "- Jan. 20 - A judge rejects the appeal.\n"
)


def test_year_less_bullets_take_the_year_of_their_heading_and_keep_their_wrapped_lines():
    assert _events(YEAR_HEADING) == [
        (
            "Oct. 3 - The city council votes to sell the old velodrome site to the\n"
            "  football club.",
            date(2018, 10, 3),
            date(2018, 10, 3),
        ),
        (
            "Dec. 12 - Residents lodge an appeal against the sale.",
            date(2018, 12, 12),
            date(2018, 12, 12),
        ),
        ("Jan. 20 - A judge rejects the appeal.", date(2019, 1, 20), date(2019, 1, 20)),
    ]


ROWS = (
    "Where the plastic bag ban already applies\n"
    "Published 4 July 2016\n"
    "\n"
    "Several countries banned thin plastic bags before this one did.\n"
    "Norway: May 2015\n"
    "Portugal: February 2016\n"
    "Chile: August 2015\n"
)


def test_rows_of_a_place_and_a_date_are_entries():
    assert _events(ROWS) == [
        ("Norway: May 2015", date(2015, 5, 1), date(2015, 5, 31)),
        ("Portugal: February 2016", date(2016, 2, 1), date(2016, 2, 29)),
        ("Chile: August 2015", date(2015, 8, 1), date(2015, 8, 31)),
    ]


def test_a_dateline_with_a_label_alone_is_no_entry():
    text = "Budget vote delayed\nCorrection: October 2, 2016\nThe vote is off for now.\n"
    assert _events(text) == []
