from datetime import date

import pytest

from extract.events import SUMMARY_LENGTH, find_events, summarise
from extract.model import Actor, ActorKind, DateInterval, DateMention, Precision, Span
from extract.segments import blocks


def mention(
    text: str,
    phrase: str,
    first: date,
    last: date | None = None,
    precision: Precision = Precision.DAY,
) -> DateMention:
    start = text.index(phrase)
    interval = DateInterval(first, last or first, precision)
    return DateMention(Span(start, start + len(phrase)), phrase, interval)


def person(text: str, key: str, *names: str) -> Actor:
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            spans.append(Span(at, at + len(name)))
            at = text.find(name, at + 1)
    return Actor(key, names[0], ActorKind.PERSON, names, (), tuple(sorted(spans)))


CHRONOLOGY = (
    "Takeover battle: a timeline\n"
    "March 3, 2024\n"
    "- Late June 2023: Acme bids for Brightline. Shareholders balk at the price.\n"
    "Jan. 5, 2024 — Regulators open a review.\n"
    "The board met in 2022 to plan. Nothing was decided. Okafor resigned on May 2, 2023.\n"
    "Analysts expect a ruling in the coming days.\n"
)


def test_chronology_entries_prose_sentences_and_datelines():
    dates = [
        mention(CHRONOLOGY, "March 3, 2024", date(2024, 3, 3)),
        mention(
            CHRONOLOGY,
            "Late June 2023",
            date(2023, 6, 21),
            date(2023, 6, 30),
            Precision.PART_OF_MONTH,
        ),
        mention(CHRONOLOGY, "Jan. 5, 2024", date(2024, 1, 5)),
        mention(CHRONOLOGY, "2022", date(2022, 1, 1), date(2022, 12, 31), Precision.YEAR),
        mention(CHRONOLOGY, "May 2, 2023", date(2023, 5, 2)),
    ]
    okafor = person(CHRONOLOGY, "okafor", "Okafor")
    events = find_events(CHRONOLOGY, blocks(CHRONOLOGY), dates, [okafor])
    assert [(e.text, e.date.text, e.actors) for e in events] == [
        (
            "Late June 2023: Acme bids for Brightline. Shareholders balk at the price.",
            "Late June 2023",
            (),
        ),
        ("Jan. 5, 2024 — Regulators open a review.", "Jan. 5, 2024", ()),
        ("The board met in 2022 to plan.", "2022", ()),
        ("Okafor resigned on May 2, 2023.", "May 2, 2023", ("okafor",)),
    ]
    assert [e.summary for e in events] == [
        "Acme bids for Brightline. Shareholders balk at the price.",
        "Regulators open a review.",
        "The board met in 2022 to plan.",
        "Okafor resigned on May 2, 2023.",
    ]


def test_skipped_spans_yield_no_event():
    text = "Copyright 2024 Example News\nThe vote took place on March 3, 2024.\n"
    dates = [
        mention(text, "2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
        mention(text, "March 3, 2024", date(2024, 3, 3)),
    ]
    events = find_events(text, blocks(text), dates, [], skip=[Span(0, 27)])
    assert [e.text for e in events] == ["The vote took place on March 3, 2024."]


POST = (
    "The mayor answered within minutes, in a message that many residents shared online:\n"
    "Our budget is balanced. https://t.co/x\n"
    "— Jane Doe (@janedoe) March 3, 2024\n"
)


def test_an_embedded_post_is_one_event_dated_by_its_attribution():
    dates = [mention(POST, "March 3, 2024", date(2024, 3, 3))]
    doe = person(POST, "jane doe", "Jane Doe")
    (event,) = find_events(POST, blocks(POST), dates, [doe])
    assert event.text == POST[POST.index("Our") :].rstrip("\n")
    assert event.summary == "Jane Doe: Our budget is balanced."
    assert event.actors == ("jane doe",)


@pytest.mark.parametrize(
    "sentence, phrase, summary",
    [
        (
            "On November 23, 2025, talks in Geneva marked a breakthrough.",
            "November 23, 2025",
            "Talks in Geneva marked a breakthrough.",
        ),
        ("In late 2025, a plan was drafted.", "late 2025", "A plan was drafted."),
        (
            "Talks resumed on Monday after a pause.",
            "on Monday",
            "Talks resumed on Monday after a pause.",
        ),
        (
            "November 2025 (ongoing): Tensions remain high.",
            "November 2025",
            "Tensions remain high.",
        ),
    ],
)
def test_summary_drops_a_leading_date_and_stays_one_short_line(sentence, phrase, summary):
    date_mention = mention(sentence, phrase, date(2025, 1, 1))
    assert summarise(sentence, Span(0, len(sentence)), date_mention) == summary


def test_a_long_statement_is_cut_at_a_word_with_an_ellipsis():
    sentence = "2024-03-01 - " + "Parliament debated the budget " * 10
    summary = summarise(
        sentence, Span(0, len(sentence)), mention(sentence, "2024-03-01", date(2024, 3, 1))
    )
    assert len(summary) <= SUMMARY_LENGTH + 1
    body = sentence[13:]
    assert summary.endswith("…") and body.startswith(summary[:-1])
    assert body[len(summary) - 1] == " "  # cut between words


def test_a_sentence_with_two_dates_is_about_the_more_precise_one():
    text = "The hospital, which opened in 1952, was scheduled to close on Oct. 1, 2024.\n"
    dates = [
        mention(text, "1952", date(1952, 1, 1), date(1952, 12, 31), Precision.YEAR),
        mention(text, "Oct. 1, 2024", date(2024, 10, 1)),
    ]
    (event,) = find_events(text, blocks(text), dates, [])
    assert event.date.text == "Oct. 1, 2024"


def test_a_wire_dateline_is_neither_the_statement_nor_its_date():
    text = (
        "ANTWERP, March 14 (Reuters) - Dockworkers walked off the job on Thursday, "
        "officials said.\n"
    )
    dates = [
        mention(text, "March 14", date(2024, 3, 14)),
        mention(text, "Thursday", date(2024, 3, 14)),
    ]
    (event,) = find_events(text, blocks(text), dates, [])
    assert event.text == "Dockworkers walked off the job on Thursday, officials said."
    assert event.date.text == "Thursday"


@pytest.mark.parametrize(
    "line, phrase",
    [
        ("Oct. 3, evening: Fans gather at the gates. The match is called off.", "Oct. 3"),
        ("May 2015, Oslo — Ministers sign the fishing accord. Trawlers cheer.", "May 2015"),
        ("2019 (estimate): Sales of the scooter peak. Rivals follow.", "2019"),
        ("Spring 2021, first round - The club buys a striker. He scores twice.", "Spring 2021"),
    ],
)
def test_a_date_with_a_short_qualifier_before_its_separator_leads_an_entry(line, phrase):
    text = line + "\n"
    (event,) = find_events(text, blocks(text), [mention(text, phrase, date(2019, 1, 1))], [])
    assert event.text == line
    assert event.summary == line[line.index(next(c for c in line if c in ":—-")) + 2 :]
