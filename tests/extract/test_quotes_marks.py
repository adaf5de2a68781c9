"""Quotes and their speakers in shapes of real news (issue 10): a quoted title is no quote (a
programme someone spoke on or to, the headline of a piece before its author), while words quoted
before a passive's agent stay a quote; a verb after a quote and its speaker ("pressed",
"laughed", "agreed") attributes it; a dateline's place is no speaker; "according to" a document
"by" someone is that author's. Invented sentences."""

import pytest

from extract.pipeline import extract_text

HEAD = "Media notes\nPublished 14 June 2021\n\n"


def _quotes(body: str) -> list[str]:
    return [quote.text for quote in extract_text("article.txt", HEAD + body).quotes]


def _speakers(body: str) -> list[str | None]:
    """The name of each quote's speaker, in order."""
    extraction = extract_text("article.txt", HEAD + body)
    names = {actor.key: actor.name for actor in extraction.actors}
    return [names.get(quote.speaker) if quote.speaker else None for quote in extraction.quotes]


@pytest.mark.parametrize(
    "body",
    [
        "The mayor told Channel Nine's “Morning Harbour” that the ferry would run.\n",
        "The senator said on ''Sunday Ledger'' that he would run again.\n",
        "Ines Varga appeared on “Farm Hour” to talk about the drought.\n",
        "Weekend reading: “Museum hires a director from the shipyard,” by Ines Varga.\n",
    ],
)
def test_a_title_is_no_quote(body):
    assert _quotes(body) == []


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            "The plan was branded “a reckless gamble with our ferries” by the harbour master.\n",
            "a reckless gamble with our ferries",
        ),
        ("“We will keep sailing,” the mayor told reporters on Monday.\n", "We will keep sailing,"),
        ("The mayor told Channel Nine: “The ferry will run.”\n", "The ferry will run."),
    ],
)
def test_quoted_words_stay_quotes(body, quote):
    assert _quotes(body) == [quote]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“Would the price change if the rain came?” Ines Varga pressed.\n", "Ines Varga"),
        ("Ines Varga spoke first.\n\n“Not this year,” Tomas Hale laughed.\n", "Tomas Hale"),
        ("“Then we wait,” Tomas Hale agreed.\n", "Tomas Hale"),
    ],
)
def test_a_verb_after_a_quote_and_its_speaker_attributes_it(body, speaker):
    assert _speakers(body) == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        "OSLO — Mayor Ines Varga on Wednesday downplayed the attack and said it is the same "
        "thing as calling the harbour “a wise place.”\n",
        "WASHINGTON — Sen. Ines Varga (D-Ohio) on Wednesday downplayed the mayor's attack on a "
        "judge — something that has split the party all week — and said it is the same thing as "
        "Justice Mara Lind referring to herself as “a wise farmer.”\n",
    ],
)
def test_a_datelines_place_is_no_speaker(body):
    assert _speakers(body) == ["Ines Varga"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The captain was charged in May.\n\n“The evidence was too thin to go on,” according "
            "to a court record lodged by county prosecutor Ines Varga.\n",
            "Ines Varga",
        ),
        (
            "According to a statement released by the Tarrow Ferry Company, the crossing was "
            "“safe at all times.”\n",
            "Tarrow Ferry Company",
        ),
    ],
)
def test_according_to_a_document_by_its_author(body, speaker):
    assert _speakers(body) == [speaker]
