"""An organisation, country or group takes part in an event its words name only when it acts or
is acted on, not when it qualifies another noun or says where something is (issue 10: the
actors that act or speak). A person named in an event always takes part. Invented sentences on
an article dated 14 June 2021."""

import pytest

from extract.pipeline import extract_text

HEAD = "Harbour news\nPublished 14 June 2021\n\n"


def _parties(body: str) -> list[set[str]]:
    """For each event of the article, the names of the actors it involves."""
    extraction = extract_text("article.txt", HEAD + body)
    names = {actor.key: actor.name for actor in extraction.actors}
    return [{names[key] for key in event.actors} for event in extraction.events]


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        ("The Tarrow Ferry Company cancelled every sailing on Tuesday.\n", "Tarrow Ferry Company"),
        (
            "Two sailings were cancelled on Tuesday by the Tarrow Ferry Company.\n",
            "Tarrow Ferry Company",
        ),
        ("On Tuesday the European Union fined the Tarrow Ferry Company.\n", "European Union"),
    ],
)
def test_a_body_that_acts_or_is_the_agent_takes_part(body, body_name):
    assert any(body_name in parties for parties in _parties(body))


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        # its possessive: what it owns acts
        (
            "The Tarrow Ferry Company's new vessel ran aground on Tuesday.\n",
            "Tarrow Ferry Company",
        ),
        # a title or role after it: its official acts
        ("A European Union official visited the quay on Tuesday.\n", "European Union"),
        # a place or an affiliation after a preposition
        (
            "Two deckhands were treated at the Kelby Royal Infirmary on Tuesday.\n",
            "Kelby Royal Infirmary",
        ),
        (
            "Mira Sandoval, a pilot for the Tarrow Ferry Company, retired on Tuesday.\n",
            "Tarrow Ferry Company",
        ),
    ],
)
def test_a_body_that_only_qualifies_or_places_takes_no_part(body, body_name):
    parties = _parties(body)
    assert parties, "the sentence is an event"
    assert all(body_name not in names for names in parties)


def test_a_dateline_place_takes_no_part_in_the_story():
    body = "NORWAY, June 12 (Coastwire) - Pilots of the Tarrow Ferry Company struck on Saturday.\n"
    parties = _parties(body)
    assert parties and all("Norway" not in names for names in parties)


def test_a_person_takes_part_wherever_named():
    parties = _parties("A statue of Mira Sandoval was unveiled on Tuesday.\n")
    assert parties == [{"Mira Sandoval"}]
