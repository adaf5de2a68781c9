"""Dates typed by a person, for the `since` / `until` filters: "2025-11-20", "Nov 20",
"since Nov 20", "November 2025", "late November 2025", "last week of November 2025", "yesterday".

A date names a span of days; `since` takes its first day and `until` its last, so
`--since "November 2025" --until "November 2025"` is the whole month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

# A leading word that says which bound is meant, which the --since/--until option already says.
_BOUND_WORD = re.compile(r"^\s*(?:since|from|after|before|until|till|to|on)\s+", re.I)
# "first week of November 2025", "last week of Nov": a week counted from either end of a month.
_WEEK_OF_MONTH = re.compile(
    r"^(?P<which>first|second|third|fourth|last)\s+week\s+of\s+(?P<rest>.+)$", re.I
)
# "early November 2025", "mid-Nov", "late November": the parts of a month that SCHEMA.md uses.
_PART_OF_MONTH = re.compile(r"^(?P<part>early|mid|late)[\s-]+(?P<rest>.+)$", re.I)
_WEEK_NUMBER = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def parse_span(text: str, *, today: date | None = None) -> tuple[date, date]:
    """The first and last day that `text` names; raises ValueError if it names no date."""
    today = today or date.today()
    cleaned = _BOUND_WORD.sub("", text).strip()
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        return day, day
    if match := _WEEK_OF_MONTH.match(cleaned):
        first, last = _month(match["rest"], text, today)
        if match["which"].lower() == "last":
            return last - timedelta(days=6), last
        start = first + timedelta(days=7 * _WEEK_NUMBER[match["which"].lower()])
        return start, min(start + timedelta(days=6), last)
    if match := _PART_OF_MONTH.match(cleaned):
        first, last = _month(match["rest"], text, today)
        part = match["part"].lower()
        if part == "early":
            return first, first.replace(day=10)
        if part == "mid":
            return first.replace(day=11), first.replace(day=20)
        return first.replace(day=21), last
    return _dateparser_span(cleaned, text, today)


def _month(words: str, original: str, today: date) -> tuple[date, date]:
    first, last = _dateparser_span(words, original, today)
    if (first.year, first.month) != (last.year, last.month) or first.day != 1:
        raise ValueError(f"cannot read the date {original!r}: {words!r} is not a month")
    return first, last


def _dateparser_span(words: str, original: str, today: date) -> tuple[date, date]:
    from dateparser.date import DateDataParser  # slow to import: only for non-ISO dates

    parser = DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": _midnight(today),
        },
    )
    found = parser.get_date_data(words)
    if found.date_obj is None:
        raise ValueError(f"cannot read the date {original!r}")
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


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
