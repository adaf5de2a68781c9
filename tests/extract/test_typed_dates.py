"""Dates a person types (`--since`, `--until`, the browser's `d` and `t`) are read by the grammar
that reads the articles (issue 9, point 1): `read_date`. dateparser, an independent reader, is
the yardstick for the everyday forms."""

import calendar
from datetime import date, datetime, timedelta

import pytest
from dateparser.date import DateDataParser

from extract.dates import find_dates, read_date

TODAY = date(2025, 12, 3)


def dateparser_days(words: str) -> tuple[date, date] | None:
    """The days dateparser reads in `words`, the last ones on or before TODAY."""
    parser = DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(TODAY.year, TODAY.month, TODAY.day),
        },
    )
    found = parser.get_date_data(words)
    if found.date_obj is None:
        return None
    day = found.date_obj.date()
    if found.period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if found.period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, 1), date(day.year, day.month, last)
    if found.period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    return day, day


@pytest.mark.parametrize(
    "typed",
    [
        "nov 20",
        "20 nov",
        "Nov 20 2025",
        "20 November 2025",
        "June 3rd, 2024",
        "the 3rd of June 2024",
        "feb 29 2024",
        "2024-02-29",
        "march 3",  # not yet this year: last year's
        "dec 25",
        "may 5",
        "November 2025",
        "Dec 2024",
        "november",
        "March",  # a word in news, the month when typed alone
        "2023",
        "today",
        "yesterday",
        "3 days ago",
        "10 days ago",
        "tuesday",
        "last tuesday",
        "sunday",
        "last week",
        "last month",
        "last year",
        "this year",
    ],
)
def test_an_everyday_date_reads_as_dateparser_reads_it(typed):
    interval = read_date(typed, today=TODAY)
    assert (interval.first, interval.last) == dateparser_days(typed)


@pytest.mark.parametrize(
    "typed, first, last",
    [
        ("last week of november 2025", "2025-11-24", "2025-11-30"),
        ("first week of March 2024", "2024-03-01", "2024-03-07"),
        ("the last week of february", "2025-02-22", "2025-02-28"),
        ("late February 2023", "2023-02-21", "2023-02-28"),
        ("mid-March 2024", "2024-03-11", "2024-03-20"),
        ("nov 20 - nov 23", "2025-11-20", "2025-11-23"),
        ("Q3 2024", "2024-07-01", "2024-09-30"),
        ("summer 2024", "2024-06-01", "2024-08-31"),
        ("two weeks ago", "2025-11-19", "2025-11-19"),  # a day, not a week as dateparser has it
    ],
)
def test_what_the_articles_grammar_reads_a_person_may_type(typed, first, last):
    interval = read_date(typed, today=TODAY)
    assert (interval.first.isoformat(), interval.last.isoformat()) == (first, last)


@pytest.mark.parametrize(
    "typed", ["", "soonish", "last week of Blursday", "31 February 2025x", "nov 20 and tuesday"]
)
def test_what_is_not_one_date_and_nothing_else_is_refused(typed):
    with pytest.raises(ValueError, match="cannot read the date"):
        read_date(typed, today=TODAY)


def test_a_week_of_a_month_is_read_in_articles_too():
    text = "The dockers struck in the second week of April."
    (mention,) = find_dates(text, reference=date(2024, 5, 2))
    assert mention.text == "the second week of April"
    assert (mention.interval.first, mention.interval.last) == (date(2024, 4, 8), date(2024, 4, 14))
