"""Persons named only by their place in a family or a job: a given name alone after a kinship
noun ("my sister, Oona"), given names listed after a plural one ("two sons, Ivo and Matz"), and
a full name after an occupation or a role and "is" or "was" ("the head gardener is Ruan Teodor")."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON}


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a given name alone after a kinship noun, with or without the comma
            "The potter Halvor Strand keeps forty hives. His sister, Oona, sells the honey, "
            "and his nephew Brannoc paints the labels.",
            {"Halvor Strand", "Oona", "Brannoc"},
        ),
        (  # given names listed after a plural kinship noun
            "The weaver Yusra Bellamine raised three sons, Ivo, Matz and Dario, on the island.",
            {"Yusra Bellamine", "Ivo", "Matz", "Dario"},
        ),
        (  # full names listed after "children"
            "They had two children, Edda Vorhalt and Sten Vorhalt-Ruin, both glassblowers.",
            {"Edda Vorhalt", "Sten Vorhalt-Ruin"},
        ),
    ],
)
def test_given_names_after_kinship_nouns(text, persons):
    assert persons <= _persons(text)


def test_a_country_after_a_kinship_noun_is_no_person():
    assert _persons("Their son, Kenya's envoy, wrote. The children of Norland were cold.") == set()


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # an occupation, then a name nobody lists as a given name
            "The glazier Osk Varnhelm fitted the windows. The archive's cataloguer, Quilla "
            "Dremmer, found the plans.",
            {"Osk Varnhelm", "Quilla Dremmer"},
        ),
        (  # a role, "is" or "was", then a full name
            "The head gardener is Ruan Teodor, and the ferry's skipper was Ivet Palomaa.",
            {"Ruan Teodor", "Ivet Palomaa"},
        ),
    ],
)
def test_full_names_after_an_occupation(text, persons):
    assert persons <= _persons(text)


def test_a_thing_named_after_a_one_word_person_is_no_mention_of_her():
    text = (
        "Her aunt, Brisca, ran the bakery. The family named their boat after her, and the "
        "smaller Brisca still sails. Nobody steers the Brisca's wheel but Oto."
    )
    (person,) = [a for a in find_actors(text, blocks(text)) if a.name == "Brisca"]
    assert [text[m.start : m.end] for m in person.mentions] == ["Brisca"]
    assert person.mentions[0].start == text.index("Brisca")


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # given names of other languages, in a list nobody quotes
            "The night shift is three people: Sigrun Tvedtmoen, Obinna Ekwueme-Hart and Radek "
            "Zelinka.",
            {"Sigrun Tvedtmoen", "Obinna Ekwueme-Hart", "Radek Zelinka"},
        ),
        (  # as the object of a verb
            "In 1988 he married Mirela Vantoiu and moved north with Ilkka Rautavaara.",
            {"Mirela Vantoiu", "Ilkka Rautavaara"},
        ),
    ],
)
def test_given_names_of_other_languages_make_persons(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # an Irish particle inside the name, then the surname with it
            "The harbour was mapped by Tadhg Ó Ceallaigh. Later Ó Ceallaigh sold the charts.",
            {"Tadhg Ó Ceallaigh"},
        ),
        (  # a birth or a lifespan in brackets: only people have them
            "Brannagh Ó Léime (born 1951) is a harpist. Halvard Mesk (1902–1977) built organs.",
            {"Brannagh Ó Léime", "Halvard Mesk"},
        ),
    ],
)
def test_irish_particles_and_lifespans(text, persons):
    found = {a.name: a for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON}
    assert set(found) == persons
    for actor in found.values():
        for mention in actor.mentions:
            assert text[mention.start : mention.end] in actor.aliases


def test_a_given_name_before_and_a_full_name_shares_its_surname():
    text = "The mill is run by Ivo and Petra Lundquist, who bought it in 2019."
    found = {a.name: a for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON}
    assert set(found) == {"Ivo", "Petra Lundquist"}
    assert [(m.start, m.end) for m in found["Ivo"].mentions] == [(19, 22)]


def test_a_birth_name_is_an_alias_not_a_second_person():
    text = "Quillon (born Mirela Ardeleanu Voss, 1950) was a sculptor. Quillon died in Brest."
    (person,) = [a for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON]
    assert person.name == "Quillon"
    assert "Mirela Ardeleanu Voss" in person.aliases
    assert [text[m.start : m.end] for m in person.mentions] == [
        "Quillon",
        "Mirela Ardeleanu Voss",
        "Quillon",
    ]


def test_a_name_after_a_person_noun_and_named():
    text = "A girl named Tsiory won the race; a dog named Rex came second."
    assert _persons(text) == {"Tsiory"}


@pytest.mark.parametrize(
    "text",
    [
        "His daughter, Ryu Da-an, paints murals.",
        "Their children, Ilse Brandvold and Mette Vik-van den Berg, both sail.",
    ],
)
def test_a_name_read_only_in_part_after_a_kinship_noun_makes_no_one_word_person(text):
    assert not {name for name in _persons(text) if " " not in name}


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a given name of syllables before the surname, listed next to a person
            "The two cooks, Lidia Wrona and Hye-jin Baskaran, start at six.",
            {"Lidia Wrona", "Hye-jin Baskaran"},
        ),
        (  # a hyphenated common word before a name-shaped word is no person
            "The Wi-fi Zone opened next to the Co-op Bank.",
            set(),
        ),
    ],
)
def test_given_syllables_before_a_surname(text, persons):
    assert _persons(text) == persons


def test_a_given_name_with_accents_the_list_lacks():
    text = (
        "After the long winter in the hills, the two of them met Jösef Harkavy at the old "
        "station on the coast."
    )
    assert _persons(text) == {"Jösef Harkavy"}


def test_a_full_name_whose_surname_labels_a_transcript_is_a_person():
    text = (
        "Tuvaro Tarrant-Whyte on thirty winters at the lighthouse\n\n"
        "Tuvaro Tarrant-Whyte kept the lamp at Cape Orrin until the automation came.\n\n"
        "Q: When did you start?\n\n"
        "Tarrant-Whyte: In the spring, with a borrowed coat.\n\n"
        "Q: And the last night?\n\n"
        "Tarrant-Whyte: Quiet. The sea was flat as a plate.\n"
    )
    assert "Tuvaro Tarrant-Whyte" in _persons(text)
    assert "Q" not in _persons(text)
