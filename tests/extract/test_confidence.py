"""Confidence (issue 11, point 4): a speaker named next to its reporting verb is surer than one
borrowed from an earlier paragraph; an explicit date surer than a time of day; one full name
surer than a surname joined across articles. Invented articles."""

from extract.actors import find_actors
from extract.book import ActorBook
from extract.pipeline import extract_document, extract_text, merge
from extract.quotes import NOBODY_SAID, UNATTRIBUTED, find_quotes
from extract.segments import blocks


def _quotes(text: str) -> dict[str, tuple[str | None, float]]:
    """Each quote's words -> (its speaker's name, its confidence)."""
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    names = {a.key: a.name for a in actors}
    return {q.text: (names.get(q.speaker) if q.speaker else None, q.confidence) for q in quotes}


REGATTA = (
    "The harbour regatta was called off on Saturday after the wind rose above 40 knots.\n"
    "\n"
    "“We cannot send children out in that,” said race officer Tomasz Wirth.\n"
    "\n"
    "Wirth spent the morning on the pier. He watched the flags for an hour.\n"
    "\n"
    "“The boats will be back next month,” he said.\n"
    "\n"
    "The sailing club's treasurer counted the cost of the day.\n"
    "\n"
    "A notice on the clubhouse door read “closed until further notice” all afternoon.\n"
    "\n"
    "“Nobody wanted this outcome for the juniors after a whole season of training.”\n"
)


def test_a_speaker_named_by_its_verb_is_surer_than_one_a_pronoun_stands_for():
    quotes = _quotes(REGATTA)
    named, pronoun = (
        quotes["We cannot send children out in that,"],
        quotes["The boats will be back next month,"],
    )
    assert named[0] == pronoun[0] == "Tomasz Wirth"
    assert named[1] >= 0.9
    assert pronoun[1] < named[1]


def test_a_speaker_known_by_one_word_or_not_a_person_is_less_sure_than_a_full_name():
    said = "“Every ward will reopen by June,” {} said on Friday.\n"
    full = _quotes(said.format("Grace Okafor"))["Every ward will reopen by June,"]
    surname = _quotes(said.format("Okafor"))["Every ward will reopen by June,"]
    ministry = _quotes(said.format("the Ministry of Health"))["Every ward will reopen by June,"]
    assert (full[0], surname[0], ministry[0]) == ("Grace Okafor", "Okafor", "Ministry of Health")
    assert ministry[1] < surname[1] < 0.8 <= full[1]


def test_a_quote_no_rule_attributes_is_marked_unsure():
    speaker, confidence = _quotes(REGATTA)[
        "Nobody wanted this outcome for the juniors after a whole season of training."
    ]
    if speaker is None:
        assert confidence == UNATTRIBUTED < 0.5
    else:  # borrowed from the last speaker, paragraphs back: a guess
        assert confidence < 0.5


def test_a_quote_the_text_gives_to_no_one_is_half_sure():
    text = "“The barriers were never tested, and nobody checked them,” the letter said.\n"
    quotes = _quotes(text)
    assert quotes["The barriers were never tested, and nobody checked them,"] == (None, NOBODY_SAID)


def test_every_confidence_is_within_zero_and_one():
    for _, confidence in _quotes(REGATTA).values():
        assert 0.0 <= confidence <= 1.0


def _event_confidences(text: str, path: str = "article.txt") -> dict[str, float]:
    extraction = extract_text(path, text)
    return {e.text: e.confidence for e in extraction.events}


def test_an_explicit_day_is_surer_than_a_time_of_day():
    text = (
        "Published 4 May 2023\n"
        "\n"
        "The ferry company was founded on 2 March 1998 in a shed by the quay.\n"
        "\n"
        "At 9.15 a.m., the first ferry of the season left for the islands.\n"
    )
    events = _event_confidences(text)
    founded = events["The ferry company was founded on 2 March 1998 in a shed by the quay."]
    ferry = events["At 9.15 a.m., the first ferry of the season left for the islands."]
    assert founded >= 0.9
    assert ferry < 0.8 < founded


def test_a_relative_date_is_no_surer_than_the_article_date_it_is_read_against():
    body = "The library board voted on Tuesday to open on Sundays.\n"
    from_dateline = _event_confidences("Published 9 June 2021\n\n" + body)
    from_file_name = _event_confidences(body, path="gazette_2021-06-09_library.txt")
    sentence = body.strip()
    assert from_file_name[sentence] < from_dateline[sentence]


def test_a_sentence_with_two_dates_is_less_sure_of_the_one_it_chose():
    text = (
        "Published 2 February 2024\n"
        "\n"
        "The mill reopened on 1 February 2024 and the weir was rebuilt.\n"
        "\n"
        "The mill, built in 1871, reopened on 1 February 2024.\n"
    )
    events = _event_confidences(text)
    alone = events["The mill reopened on 1 February 2024 and the weir was rebuilt."]
    among = events["The mill, built in 1871, reopened on 1 February 2024."]
    assert among < alone


def _actors(*articles: str) -> dict[str, float]:
    extractions = [
        extract_document(f"a{i}.txt", text.encode()) for i, text in enumerate(articles, 1)
    ]
    return {a.name: a.confidence for a in merge(extractions).actors}


def test_one_full_name_is_surer_than_a_surname_joined_across_articles():
    first = "Published 3 April 2022\n\nCoach Ilse Vandermolen resigned on Sunday, the club said.\n"
    same = "Published 4 April 2022\n\nIlse Vandermolen thanked the fans on Monday.\n"
    surname = "Published 5 April 2022\n\nMs Vandermolen flew home on Tuesday, her agent said.\n"
    assert _actors(first, same)["Ilse Vandermolen"] == 1.0
    assert _actors(first, same, surname)["Ilse Vandermolen"] < 0.8


def test_a_name_spelt_two_ways_is_less_sure_than_a_surname():
    first = "Published 3 April 2022\n\nMayor Oskar Lindqvist opened the bridge on Sunday.\n"
    variant = "Published 4 April 2022\n\nMayor Oskar Lindquist closed the bridge on Monday.\n"
    surname = "Published 5 April 2022\n\nLindqvist reopened it on Tuesday.\n"
    spelt = _actors(first, variant)
    assert len(spelt) == 1
    assert next(iter(spelt.values())) < _actors(first, surname)["Oskar Lindqvist"]
