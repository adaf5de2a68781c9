"""extract.actors._written_alone: a word standing alone in a text, found without a regex search."""

from __future__ import annotations

import pytest

from extract.actors import _written_alone


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
