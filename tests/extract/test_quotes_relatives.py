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
