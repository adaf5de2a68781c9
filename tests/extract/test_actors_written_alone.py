"""extract.actors: words found in a text with str.find, not with a search for a pattern."""

from __future__ import annotations

import pytest

from extract.actors import _written_alone, find_actors
from extract.model import ActorKind
from extract.segments import blocks


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("the brill harvest", "brill", True),
        ("brill", "brill", True),
        ("Brill Foods", "brill", False),  # as written: case counts
        ("brilliant work", "brill", False),
        ("a brill-like fish", "brill", False),  # a hyphen joins it to a word
        ("the brill's nets", "brill", False),
        ("o’brill", "brill", False),
        ("brill_2 and brill.", "brill", True),  # the second stands alone
        ("brillbrill brill", "brill", True),
        ("3brill", "brill", False),
        ("", "brill", False),
    ],
)
def test_written_alone(text: str, word: str, expected: bool) -> None:
    assert _written_alone(text, word) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Firefighters reached the depot at dawn, and the firefighters said the roof held.",
            [(0, 12), (48, 60)],
        ),
        # "İ" lower-cases to two characters: the offsets still point into the text as it is
        (
            "The İzmir depot burned. Firefighters reached it, and the firefighters said so.",
            [(24, 36), (57, 69)],
        ),
        # neither inside a word nor a name's word in mid-sentence nor in capitals
        ("The refirefighters and the Firefighters club met FIREFIGHTERS there.", []),
    ],
)
def test_story_groups_by_their_letters(text: str, expected: list[tuple[int, int]]) -> None:
    found = [
        (m.start, m.end)
        for a in find_actors(text, blocks(text))
        if a.kind is ActorKind.GROUP
        for m in a.mentions
    ]
    assert found == expected
