"""Named persons by the shape of the text around them: syllable names, occupations, lists,
affiliations after "of", given names, and the cases that must stay apart or stay no person."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON}


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # East Asian names: a surname, then a given name of syllables joined by a hyphen
            "In the harbour district, Tsang Wing-hon lost his seat to Chow Mei-ling by 900 "
            "votes. Chow Mei-ling thanked her volunteers.",
            {"Tsang Wing-hon", "Chow Mei-ling"},
        ),
        (  # a capitalised first syllable too, and a possessive
            "Park Seo-Jun's late goal sealed the win for Busan.",
            {"Park Seo-Jun"},
        ),
        (  # a hyphenated lower-case word after a capital is no syllable name
            "Pre-war Housing is scarce. Anti-aircraft Guns were moved. Vitamin-rich Foods sold.",
            set(),
        ),
    ],
)
def test_syllable_names(text, persons):
    assert _persons(text) == persons
