"""Statements dated by a day of the article's own week (invented sentences; the article is of
Wednesday 14 September 2016)."""

from __future__ import annotations

import datetime

import pytest

from extract.pipeline import extract_text

WEDNESDAY = datetime.date(2016, 9, 14)
PARAGRAPH = (
    "The ferry has crossed the bay since 1950 and carries forty cars on every trip to the "
    "island and back."
)


def _events(sentence: str) -> list[tuple[str, str, str]]:
    text = f"Ferry news\n\n{sentence}\n\n{PARAGRAPH}\n"
    result = extract_text("page.txt", text, published=WEDNESDAY)
    return [
        (event.date.text, event.date.interval.first.isoformat(), event.span.of(text))
        for event in result.events
        if event.span.of(text) != PARAGRAPH
    ]


@pytest.mark.parametrize(
    "sentence, date, day",
    [
        ("The senator stumbled in Tuesday's debate over farm subsidies.", "Tuesday", "2016-09-13"),
        ("The council voted late Monday to close the terminal.", "late Monday", "2016-09-12"),
        ("The council voted Monday night to close the terminal.", "Monday night", "2016-09-12"),
        ("The mayor spoke on Tuesday evening at the harbour.", "Tuesday evening", "2016-09-13"),
        ("The mayor signed the order closing the terminal Tuesday.", "Tuesday", "2016-09-13"),
        ("The union, which walked out on Monday, returned to the docks.", "Monday", "2016-09-12"),
        (
            "In a Tuesday interview with a radio station, the mayor defended the plan.",
            "Tuesday",
            "2016-09-13",
        ),
        ("At a Saturday rally in the port, the mayor defended the plan.", "Saturday", "2016-09-10"),
        ("The mayor defended the plan at a rally Saturday in the port.", "Saturday", "2016-09-10"),
        (
            "The board said in a statement Tuesday that the ferry would run.",
            "Tuesday",
            "2016-09-13",
        ),
        (
            "The harbour master told a radio station Tuesday that the timetable “shows neglect.”",
            "Tuesday",
            "2016-09-13",
        ),
    ],
)
def test_a_day_of_the_week_dates_the_statement(sentence: str, date: str, day: str) -> None:
    assert _events(sentence) == [(date, day, sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was a Sunday, and the port was closed.",
        "She hosts a Sunday radio programme on the harbour station.",
        "The choir meets every Tuesday evening.",
        "On a wet Saturday the ferry rarely fills.",
    ],
)
def test_no_particular_day(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    "sentence, day",
    [
        # the tense of the mention's own clause, not of the next one
        ("The skipper struggled on Sunday to say how she would pay the crew.", "2016-09-11"),
        ("The harbour master, who died Sunday, will be buried at sea.", "2016-09-11"),
        ("A merger announced Monday would join the two ferry lines.", "2016-09-12"),
        ("The plan was to come, but on Tuesday, the board dropped it.", "2016-09-13"),
        # a past participle after "be" takes be's tense
        ("The regatta will be held Saturday off the harbour wall.", "2016-09-17"),
        ("The new timetable is to be printed Friday.", "2016-09-16"),
        ("The lifeboat, which made its last run Monday, goes to a museum.", "2016-09-12"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_clause(sentence: str, day: str) -> None:
    assert [found for _, found, _ in _events(sentence)] == [day]
