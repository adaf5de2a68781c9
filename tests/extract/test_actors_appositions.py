"""A name whose apposition ends with a kind of organisation is that organisation, however short
and unmarked the name (issue 10: one-word companies without a suffix), and a later attribution
to that name is the organisation's. Invented sentences."""

import pytest

from extract.model import ActorKind
from extract.pipeline import extract_text

HEAD = "Business news\nPublished 14 June 2021\n\n"


def _kinds(body: str) -> dict[str, ActorKind]:
    extraction = extract_text("article.txt", HEAD + body)
    return {actor.name: actor.kind for actor in extraction.actors}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Brindle's, the discount chain, said on Tuesday it had cut prices.\n", "Brindle's"),
        ("Korvak, a Swedish carmaker, will hire 300 people, it said.\n", "Korvak"),
        ("Prices rose at Tolland Sands, a regional water utility.\n", "Tolland Sands"),
        (  # the kind first, the name set apart by commas
            "The grant went to the valley cooperative, Caminos del Orrin, which said it would "
            "buy seed.\n",
            "Caminos del Orrin",
        ),
        (  # the same opening a sentence, and a possessive before the kind
            "The ship's operator, Holmvik Sea Lines, says two tugs will reach it on Wednesday.\n",
            "Holmvik Sea Lines",
        ),
        ("A regional carrier, Brisa Air, said on Monday it would add flights.\n", "Brisa Air"),
    ],
)
def test_an_apposition_naming_a_kind_of_organisation_makes_one(body, name):
    assert _kinds(body).get(name) is ActorKind.ORGANIZATION


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Tom Hale, the head of the union, said little on Tuesday.\n", "Tom Hale"),
        ("Ann Ruiz, the firm's founder, said on Tuesday she would retire.\n", "Ann Ruiz"),
        ("Ivo Marsh, a union member, said on Tuesday the vote was close.\n", "Ivo Marsh"),
        ("The company's founder, Ann Ruiz, said on Tuesday she would retire.\n", "Ann Ruiz"),
    ],
)
def test_a_person_described_by_an_organisation_stays_a_person(body, name):
    assert _kinds(body).get(name) is ActorKind.PERSON


def test_a_later_attribution_to_the_name_is_the_organisation():
    text = HEAD + (
        "Brindle's, the discount chain, cut prices on Tuesday.\n\n"
        '"We are glad to help," Brindle\'s said.\n'
    )
    extraction = extract_text("article.txt", text)
    speakers = {quote.speaker for quote in extraction.quotes}
    kinds = {actor.key: actor.kind for actor in extraction.actors}
    assert [kinds[key] for key in speakers if key] == [ActorKind.ORGANIZATION]


def test_the_company_said_is_the_operator_its_apposition_named():
    text = HEAD + (
        "The ferry's operator, Holmvik Sea Lines, says two tugs from Bergen will reach the scene "
        "on Wednesday.\n\n"
        '"Our first priority was the passengers," the company said in a statement.\n'
    )
    extraction = extract_text("article.txt", text)
    names = {actor.key: actor.name for actor in extraction.actors}
    assert [names.get(quote.speaker) for quote in extraction.quotes] == ["Holmvik Sea Lines"]
