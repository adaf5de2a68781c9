"""Two happenings in one sentence, each with its own date, are two events (issue 9, class 3)."""

from extract.pipeline import extract_text

ARTICLE = """Ferry talks stall
Published May 10, 2024

The ferry talks ended at 6 p.m. on Friday and will resume on Monday, May 13.
The skipper was hired on March 2, 2019 and retired on April 30, 2024.
Ticket sales rose in 2022 and 2023, the operator said.
Traffic doubled between 2019 and 2023.
The terminal, which opened in 1987, closed on May 1, 2024.
"""


def _events(text: str) -> list[tuple[str, str]]:
    extraction = extract_text("ferry.txt", text)
    for event in extraction.events:
        assert text[event.span.start : event.span.end] == event.text
    return [(str(e.date.interval.first), e.text) for e in extraction.events]


def test_each_dated_clause_of_a_sentence_is_an_event():
    events = _events(ARTICLE)
    assert ("2024-05-10", "The ferry talks ended at 6 p.m. on Friday") in events
    assert ("2024-05-13", "will resume on Monday, May 13.") in events
    assert ("2019-03-02", "The skipper was hired on March 2, 2019") in events
    assert ("2024-04-30", "retired on April 30, 2024.") in events


def test_a_list_or_a_range_of_dates_and_a_side_date_stay_one_event():
    events = _events(ARTICLE)
    texts = [text for _, text in events]
    assert "Ticket sales rose in 2022 and 2023, the operator said." in texts
    assert "Traffic doubled between 2019 and 2023." in texts
    assert ("2024-05-01", "The terminal, which opened in 1987, closed on May 1, 2024.") in events


def test_a_clause_in_the_present_after_and_is_an_event_of_its_own():
    text = (
        "Pool season\nPublished May 10, 2024\n\n"
        "The lido opens on June 1 and closes on September 15.\n"
        "The pool reopened in May and early June was busy.\n"
    )
    events = _events(text)
    assert ("2024-06-01", "The lido opens on June 1") in events
    assert ("2024-09-15", "closes on September 15.") in events
    # "and" before a part of a month is a list of dates, not a second happening
    assert "The pool reopened in May and early June was busy." in [text for _, text in events]
