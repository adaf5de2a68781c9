"""Speakers the text describes but does not name: "said a grower in Kisii", "A grower in Kisii
said …". The description is a group (SCHEMA.md), and the place it names is no person."""

import pytest

from extract.model import ActorKind
from extract.pipeline import extract_text

HEAD = "Farm news\nPublished 3 March 2025\n\n"


def _speakers(body: str) -> list[tuple[str, ActorKind] | None]:
    extraction = extract_text("article.txt", HEAD + body + "\n")
    actors = {a.key: (a.name, a.kind) for a in extraction.actors}
    return [actors.get(q.speaker) if q.speaker else None for q in extraction.quotes]


@pytest.mark.parametrize(
    "body",
    [
        '"Prices have halved since January," said a grower in Kisii.',
        'A grower in Kisii said prices had halved. "We cannot pay the pickers," he said.',
        'A beekeeper near Tarnow was angry. "The hives are empty," he said.',
    ],
)
def test_a_described_speaker_is_a_group_and_the_place_no_person(body: str) -> None:
    speakers = _speakers(body)
    assert speakers and all(s is not None and s[1] is ActorKind.GROUP for s in speakers)
    names = {a.name for a in extract_text("article.txt", HEAD + body + "\n").actors}
    assert not names & {"Kisii", "Tarnow"}


def test_a_name_after_according_to_is_still_a_person() -> None:
    speakers = _speakers('"The hives are empty," according to Wanjiru Kamau.')
    assert speakers == [("Wanjiru Kamau", ActorKind.PERSON)]
