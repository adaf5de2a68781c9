"""Relatives as speakers: "her daughter said", "His son was blunter: “…”". A relative the text
names is that person; one it does not name is a group for the relative of the person the
possessive stands for (SCHEMA.md: an actor with no name is a group), never that person."""

import pytest

from tests.extract.speakers import quoted_speakers

FIRST = (
    'Shellfish growers are worried. "If the spill reaches the beds, we lose the year," said '
    "Morag Tennant, who farms oysters off Carrow Point. "
)
SECOND = "Nobody buys an oyster that tastes of oil."


@pytest.mark.parametrize(
    ("then", "speaker"),
    [
        (f'Her daughter, who runs the boat with her, was blunter. "{SECOND}"', "daughter"),
        (f'Her daughter was blunter: "{SECOND}"', "daughter"),
        (f'"{SECOND[:-1]}," her daughter said.', "daughter"),
        (f'Her daughter, Isla Tennant, was blunter: "{SECOND}"', "Isla Tennant"),
        (f'She paused. "{SECOND}"', "Morag Tennant"),
    ],
)
def test_a_relative_who_speaks_is_not_the_person_named_before(then: str, speaker: str) -> None:
    first, second = quoted_speakers(FIRST + then)
    assert first[1] == "Morag Tennant"
    want = "Morag Tennant's daughter" if speaker == "daughter" else speaker
    assert second[1] == want


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a possessive qualifying a noun: the sentence's subject speaks
            "Jonas Varga died on Monday. Among the sailors pulled from the water, the deckhand "
            "Pieter Smit later recalled how Varga's launch came out of the fog. \"I thought we "
            'were finished," he told the Courier in 2011.',
            "Pieter Smit",
        ),
        (  # a possessive opening the clause is its topic
            "While Pieter Smit hoped for calm, Jonas Varga's remarks were sharp. Accusing the "
            'board of "cowardice", he walked out.',
            "Jonas Varga",
        ),
        (  # the same person named before the possessive
            'The boat used by Jonas Varga in the rescue led to Varga\'s medal. "It was luck," he '
            "said.",
            "Jonas Varga",
        ),
    ],
)
def test_a_pronoun_after_a_possessive_stands_for_the_sentence_s_subject(
    text: str, speaker: str
) -> None:
    assert quoted_speakers(text)[-1][1] == speaker
