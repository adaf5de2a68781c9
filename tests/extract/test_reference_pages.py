"""Reference pages, minutes and lives: their headline, outlet and date, and which of their dates
are events (invented pages, none from a corpus)."""

from __future__ import annotations

import datetime

import pytest

from extract.dates import find_dates
from extract.metadata import Metadata, find_metadata
from extract.pipeline import extract_text

LIFE = (
    "\n\n".join(
        (
            "The Brackenfield Atlas of Geology",
            "Orla Penhaligon",
            (
                "Orla Penhaligon (1902–1971) was a geologist who mapped the chalk cliffs of the "
                "eastern shore and wrote the first survey of its fossil beds, which she kept up to "
                "date for forty years."
            ),
            (
                "Penhaligon was born in Saltmere. In 1931 she joined the county survey as its only "
                "woman."
            ),
        )
    )
    + "\n"
)

ONE_WORD_LIFE = (
    "\n\n".join(
        (
            "Harbourside Review — Lives of Sailors",
            "Tamsin (skipper)",
            (
                "Tamsin (born Tamsin Ruth Achebe-Lowry, 1944 – 2010) was a skipper of cargo "
                "ketches on the western rivers, the last to carry slate under sail, and a founder "
                "of the river museum."
            ),
            "She bought her first ketch in 1968 and sailed it until 1990.",
        )
    )
    + "\n"
)

MINUTES = (
    "\n\n".join(
        (
            "Journal of the Fenwater Society of Beekeepers",
            "Report of the autumn honey judging",
            "Minutes of the meeting held on 4 March 2024",
            (
                "Present: the Chair, Mr Idris Fallowby, Ms Perpetua Anyango and eleven members "
                "of the society."
            ),
            (
                "1. The Chair opened the judging and thanked the orchard keepers for the loan of "
                "their barn and their tables for the afternoon."
            ),
            "2. There being no other business, the Chair closed the meeting at 8.15 p.m.",
        )
    )
    + "\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            LIFE,
            Metadata(title="Orla Penhaligon", publisher="The Brackenfield Atlas of Geology"),
        ),
        (ONE_WORD_LIFE, Metadata(title="Tamsin (skipper)", publisher="Harbourside Review")),
        (
            MINUTES,
            Metadata(
                title="Report of the autumn honey judging",
                publisher="Journal of the Fenwater Society of Beekeepers",
                published=datetime.date(2024, 3, 4),
            ),
        ),
    ],
    ids=["life", "one-word-headword", "minutes"],
)
def test_a_reference_page_has_its_headline_outlet_and_date(text: str, expected: Metadata) -> None:
    assert find_metadata(text) == expected


def _events(text: str, published: datetime.date | None = None) -> list[tuple[str, str]]:
    result = extract_text("page.txt", text, published=published)
    return [(event.date.text, event.span.of(text)) for event in result.events]


def test_a_lifespan_in_brackets_is_no_event() -> None:
    events = _events(LIFE)
    assert [date for date, _ in events] == ["1931"]
    events = _events(ONE_WORD_LIFE)
    assert all("1944" not in date for date, _ in events)


def test_minutes_date_their_clock_times_by_the_meeting() -> None:
    events = _events(MINUTES)
    assert (
        "8.15 p.m.",
        "There being no other business, the Chair closed the meeting at 8.15 p.m.",
    ) in [(date, span) for date, span in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The choir's Saturday rehearsal draws forty singers from the valley.",
        "Her Tuesday column is read in every staff room of the district.",
        "Which of the kites did you build in the 1980s?",
        "The exhibition shows the painted kites from the 1970s.",
        "Half of the orchard's pickers this year are students.",
        "The ferryman is at the slipway today, coiling ropes and saying little.",
    ],
)
def test_a_date_that_describes_or_asks_is_no_event(sentence: str) -> None:
    text = f"Kites over Marlow Down\n\n{sentence}\n"
    assert _events(text, published=datetime.date(2025, 6, 4)) == []


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Aurelio Vance (born 1950) is a kite maker from the downs.", "1950"),
        ("The club flew its largest kite on Saturday.", "Saturday"),
        ("The orchard hired forty pickers this year.", "this year"),
        ("The ferryman retired today after forty years at the slipway.", "today"),
        ("The court's Friday ruling sent the ferry back into service.", "Friday"),
        ("A survey out this week shows the ferry ahead, but there are doubts.", "this week"),
        ("The mayor wrote in a column this month that the ferry is safe.", "this month"),
    ],
)
def test_a_date_that_tells_when_something_happened_stays(sentence: str, date: str) -> None:
    text = f"Kites over Marlow Down\n\n{sentence}\n"
    found = _events(text, published=datetime.date(2025, 6, 4))
    assert [d for d, _ in found] == [date]


@pytest.mark.parametrize(
    "sentence, dates",
    [
        (
            "The lighthouse was painted over in 1979 and repainted the following year.",
            [("1979", "1979-01-01"), ("the following year", "1980-01-01")],
        ),
        (
            "The orchard flooded on 3 May 1950; two days later the pickers returned.",
            [("3 May 1950", "1950-05-03"), ("two days later", "1950-05-05")],
        ),
        (
            "The kite club won in 1980, and the next year it lost.",
            [("1980", "1980-01-01"), ("the next year", "1981-01-01")],
        ),
        (
            "In March 2001 the pier fell. A month later it was rebuilt.",
            [("March 2001", "2001-03-01"), ("A month later", "2001-04-01")],
        ),
        (  # tens, as a lifetime or a building's story counts them
            "The pier opened in 1961. Forty years earlier a ferry had been the only link.",
            [("1961", "1961-01-01"), ("Forty years earlier", "1921-01-01")],
        ),
        # told from a happening, not from the date before: no date of its own
        ("In March, the month after the keeper died, the lamp failed.", [("March", "2025-03-01")]),
        # describing the date before it
        (
            "A ferry strike was set for May 2031, only six weeks later.",
            [("May 2031", "2031-05-01")],
        ),
    ],
)
def test_a_time_told_from_the_date_before_it(sentence: str, dates: list[tuple[str, str]]) -> None:
    found = find_dates(sentence, reference=datetime.date(2025, 6, 4))
    assert [(d.text, d.interval.first.isoformat()) for d in found] == dates
