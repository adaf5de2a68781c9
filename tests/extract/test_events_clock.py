"""A clock time as a statement's only anchor (issue 9, point 3.2): the day is the page's own
date, or that of the day heading above a live blog's entries. Invented articles."""

from datetime import date

from extract.pipeline import extract_text


def _events(text: str) -> list[tuple[str, date, date]]:
    extraction = extract_text("article.txt", text)
    for event in extraction.events:
        assert event.text == text[event.span.start : event.span.end]
    return [(e.text, e.date.interval.first, e.date.interval.last) for e in extraction.events]


LIVE_BLOG = (
    "Storm Hilda live: ferries cancelled as gales reach the coast\n"
    "Published 12 August 2022\n"
    "\n"
    "10:45 GMT The harbour master closes the port to all shipping.\n"
    "\n"
    "11:20 GMT: Power is cut to 4,000 homes along the seafront. Crews are on their way.\n"
    "\n"
    "At 9.15 a.m., the last ferry left for the islands.\n"
    "The council will meet at 3 p.m. on Monday to count the cost.\n"
)


def test_a_clock_time_dates_a_statement_on_the_page_s_day():
    assert _events(LIVE_BLOG) == [
        (
            "10:45 GMT The harbour master closes the port to all shipping.",
            date(2022, 8, 12),
            date(2022, 8, 12),
        ),
        (
            "11:20 GMT: Power is cut to 4,000 homes along the seafront. Crews are on their way.",
            date(2022, 8, 12),
            date(2022, 8, 12),
        ),
        (
            "At 9.15 a.m., the last ferry left for the islands.",
            date(2022, 8, 12),
            date(2022, 8, 12),
        ),
        # a clock time beside a day is that day's
        (
            "The council will meet at 3 p.m. on Monday to count the cost.",
            date(2022, 8, 15),
            date(2022, 8, 15),
        ),
    ]


DAY_HEADINGS = (
    "Marathon weekend as it happened\n"
    "Published 4 April 2023\n"
    "\n"
    "Saturday 1 April\n"
    "09:30 - The elite women set off from the bridge.\n"
    "Sunday 2 April\n"
    "08:00 - The wheelchair race starts in light rain.\n"
)


def test_entries_under_a_day_heading_are_on_that_day():
    assert _events(DAY_HEADINGS) == [
        ("09:30 - The elite women set off from the bridge.", date(2023, 4, 1), date(2023, 4, 1)),
        ("08:00 - The wheelchair race starts in light rain.", date(2023, 4, 2), date(2023, 4, 2)),
    ]


def test_numbers_that_are_not_clock_times_date_nothing():
    text = (
        "Results\n"
        "Published 4 April 2023\n"
        "\n"
        "Her time of 2:21.45 was a course record, and shares rose 3.15 percent.\n"
        "The 12.30 train from the coast was full.\n"
    )
    assert _events(text) == []


def test_a_live_blog_entry_opened_by_a_time_is_one_event():
    text = (
        "Storm Hilda live\n"
        "Published 12 August 2022\n"
        "\n"
        "14:05 GMT The coastguard rescues two sailors off the point. Both are said to be well.\n"
    )
    assert _events(text) == [
        (
            "14:05 GMT The coastguard rescues two sailors off the point. Both are said to be well.",
            date(2022, 8, 12),
            date(2022, 8, 12),
        )
    ]
