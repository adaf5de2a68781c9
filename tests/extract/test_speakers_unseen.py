"""Speaker shapes met on articles the rules were not written from (issue 10): each an invented
sentence in the shape, the quote's words and the speaker's name expected."""

import pytest

from tests.extract.speakers import quoted_speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a modifier of the title before the name: "former", "acting"
            "Turnout fell in the valley. “Nobody knocked on a door this year,” said former "
            "Gov. Orla Penhallow of Dunmere.",
            [("Nobody knocked on a door this year,", "Orla Penhallow")],
        ),
        (
            "“The pumps will run all night,” said acting Commissioner Tobin Strale.",
            [("The pumps will run all night,", "Tobin Strale")],
        ),
    ],
)
def test_the_name_after_the_verb_past_a_title_and_its_modifier(text, expected):
    assert quoted_speakers(text) == expected
