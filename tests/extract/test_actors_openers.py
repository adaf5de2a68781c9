"""An adjective capitalised because it opens the sentence is no part of the organisation's name
after it: "Rival Brill Foods said" names Brill Foods (issue 10, organisations). Invented."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _organisations(text: str) -> set[str]:
    return {a.name for a in find_actors(text, blocks(text)) if a.kind is ActorKind.ORGANIZATION}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rival Brill Foods said on Monday it would cut prices.", "Brill Foods"),
        ("Embattled Norsk Kraft Group cut 300 jobs on Monday.", "Norsk Kraft Group"),
        ("Prices fell. Struggling Tarrow Ferry Company sold two boats.", "Tarrow Ferry Company"),
    ],
)
def test_an_opening_adjective_is_no_part_of_the_name(text, name):
    assert _organisations(text) == {name}


def test_inside_a_sentence_the_adjective_is_lower_case_and_never_read():
    assert _organisations("Its rival Brill Foods said so on Monday.") == {"Brill Foods"}
