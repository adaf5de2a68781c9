"""What may qualify a group: a country or its demonym, a bloc, or an organisation ("UN
inspectors", "Interpol investigators"), each under one name whatever the form used."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _groups(text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in find_actors(text, blocks(text)) if a.kind is ActorKind.GROUP}


@pytest.mark.parametrize(
    "text, groups",
    [
        (  # an organisation's staff, under two of its names
            "UN inspectors reached the reactor site on Monday. United Nations inspectors "
            "left two days later.",
            {"UN inspectors": ("UN inspectors", "United Nations inspectors")},
        ),
        (  # any organisation, not only the blocs
            "Interpol investigators traced the account to a shell firm in Tallinn.",
            {"Interpol investigators": ("Interpol investigators",)},
        ),
        (  # an abbreviation and the full name of one organisation
            "World Health Organization experts toured the ward. WHO experts praised the nurses.",
            {
                "World Health Organization experts": (
                    "World Health Organization experts",
                    "WHO experts",
                )
            },
        ),
        (  # an organisation of states is a bloc: its members are one group, in any form
            "European Union countries agreed on the fishing quota. EU countries will share "
            "the cost, and European governments welcomed it.",
            {
                "European Union countries": (
                    "European Union countries",
                    "EU countries",
                    "European governments",
                )
            },
        ),
        (  # a demonym and a country's acronym joined by "and" qualify one group
            "Kenyan and UK investigators studied the wreck off Mombasa.",
            {"Kenyan and UK investigators": ("Kenyan and UK investigators",)},
        ),
        (  # a country's name before "and" is a country of its own, not a qualifier
            "Ghana and Nigerian investigators met in Lomé to compare the seized ledgers.",
            {"Nigerian investigators": ("Nigerian investigators",)},
        ),
        (  # a demonym joined to a bloc: officials of both, one group
            "Danish and Nordic officials inspected the bridge at dawn.",
            {"Danish and Nordic officials": ("Danish and Nordic officials",)},
        ),
        (  # allies are someone's: a country's acronym before a bloc's allies is that country
            "The UK and Nordic allies agreed on the patrols. Nordic partners paid for fuel.",
            {"Nordic allies": ("Nordic allies", "Nordic partners")},
        ),
    ],
)
def test_qualified_groups(text, groups):
    assert _groups(text) == groups


def _actors(text: str) -> dict[str, tuple[ActorKind, tuple[str, ...]]]:
    return {a.name: (a.kind, a.aliases) for a in find_actors(text, blocks(text))}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a country's possessive opens a title: an unnamed holder of that office
            "Kenya’s Deputy Health Minister told reporters the clinics would reopen.",
            {
                "Kenya’s Deputy Health Minister": (
                    ActorKind.GROUP,
                    ("Kenya’s Deputy Health Minister",),
                )
            },
        ),
        (  # the holder named once, the office alone later is that person
            "Kenya’s Deputy Health Minister Amina Otieno toured the ward. Kenya’s Deputy "
            "Health Minister later said the clinics would reopen.",
            {
                "Amina Otieno": (
                    ActorKind.PERSON,
                    (
                        "Amina Otieno",
                        "Kenya’s Deputy Health Minister Amina Otieno",
                        "Kenya’s Deputy Health Minister",
                    ),
                )
            },
        ),
        (  # the possessive of a name that is no known entity ends the phrase
            "Lumora’s Chief Executive Jane Roe said sales fell.",
            {"Jane Roe": (ActorKind.PERSON, ("Jane Roe", "Chief Executive Jane Roe"))},
        ),
    ],
)
def test_offices_after_a_possessive(text, expected):
    assert _actors(text) == expected
