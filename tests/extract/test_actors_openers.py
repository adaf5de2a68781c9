"""Where an organisation's name starts and ends (issue 10, organisations): an adjective
capitalised because it opens the sentence is no part of it ("Rival Brill Foods said" names Brill
Foods), and the words of companies and unions end it ("Ruvo Motor", "Kemper GmbH"). Invented."""

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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ruvo Motor recalled 20,000 cars on Monday.", "Ruvo Motor"),
        ("The United Loom Workers struck on Monday.", "United Loom Workers"),
        ("Kemper GmbH said it would appeal.", "Kemper GmbH"),
        ("Brill Pharma said it would appeal.", "Brill Pharma"),
    ],
)
def test_a_company_or_union_word_ends_an_organisations_name(text, name):
    assert _organisations(text) == {name}
