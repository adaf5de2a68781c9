"""Organisations named in shapes without a company suffix (issue 10): an institution word
before a place ("Health Canada", "Police Scotland"), and two names joined by "and" before an
institution word ("the Ashdown and Pellow Hospitals Trust")."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _kinds(text: str) -> dict[str, ActorKind]:
    return {a.name: a.kind for a in find_actors(text, blocks(text))}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police Scotland said the coast road would stay shut.", "Police Scotland"),
        ("The firm is working with Health Canada on a second recall.", "Health Canada"),
        ("Figures from Statistics Norway showed a drop in births.", "Statistics Norway"),
        ("The court heard from Police Ontario on Friday.", "Police Ontario"),
    ],
)
def test_an_institution_word_before_a_place_is_an_organisation(text, name):
    assert _kinds(text).get(name) is ActorKind.ORGANIZATION


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Inspectors called on the Ashdown and Pellow Hospitals Trust to act within 60 days.",
            "Ashdown and Pellow Hospitals Trust",
        ),
        (
            "The Quarry, Kiln and Brick Workers Union said it would ballot members.",
            "Quarry, Kiln and Brick Workers Union",
        ),
    ],
)
def test_names_joined_by_and_before_an_institution_word_are_one(text, name):
    assert _kinds(text).get(name) is ActorKind.ORGANIZATION


def test_a_title_after_an_institution_word_stays_a_title():
    found = find_actors(*_read("Health Secretary Ona Brisk opened the ward."))
    assert {a.name: a.kind for a in found} == {"Ona Brisk": ActorKind.PERSON}


def test_without_the_before_them_joined_names_stay_apart():
    found = _kinds("Marlow Freight and Kaal Shipping Ltd both bid for the site.")
    assert "Kaal Shipping Ltd" in found
    assert not any(name.startswith("Marlow") and "Kaal" in name for name in found)


def _read(text: str):
    return text, blocks(text)


def test_a_title_that_is_an_institution_word_still_makes_a_person():
    found = _kinds("Justice Ferrand said the appeal would be heard in May.")
    assert found.get("Ferrand") is ActorKind.PERSON


def test_a_shorter_name_of_an_organisation_is_the_same_organisation():
    text = (
        "The Dunmere Town Council voted 5-2 on Monday. A week later the Town Council met again "
        "and the Harbour Board objected."
    )
    found = {a.name: a.aliases for a in find_actors(text, blocks(text))}
    assert "Town Council" not in found
    assert "Town Council" in found["Dunmere Town Council"]


def test_a_shorter_name_two_organisations_end_with_stays_apart():
    text = (
        "The Arland Foreign Ministry and the Brill Foreign Ministry both protested. The Foreign "
        "Ministry later withdrew its note."
    )
    found = {a.name for a in find_actors(text, blocks(text))}
    assert {"Arland Foreign Ministry", "Brill Foreign Ministry"} <= found


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Larchfield Medical Practice said it was listening to patients.",
            "Larchfield Medical Practice",
        ),
        (
            "Dr Ama Osei, who runs the Quay Street Surgery, said it would close.",
            "Quay Street Surgery",
        ),
        ("Ward Pharmacy said it had run out of the vaccine.", "Ward Pharmacy"),
        ("The NHS said the clinic would stay open.", "National Health Service"),
    ],
)
def test_practices_surgeries_and_the_health_service_are_organisations(text, name):
    assert _kinds(text).get(name) is ActorKind.ORGANIZATION


def test_an_unknown_acronym_after_the_that_acts_is_an_organisation():
    assert _kinds("The KNRM said the lifeboat would stay in service.").get("KNRM") is (
        ActorKind.ORGANIZATION
    )
    assert _kinds("The CEO said profits rose and the GDP grew.") == {}
    spelled = (
        "The Office of Coastal Safety (OCS) opened an inquiry. The OCS said it would report in May."
    )
    assert "OCS" not in _kinds(spelled)


def test_each_acronym_of_a_text_is_looked_for_among_its_capitalised_names():
    kinds = _kinds(
        "Crews met the Tarn Valley Board at dawn, then the Kellan Port Office. The TVB agreed, "
        "the KPO objected and the KQRN stayed away."
    )
    assert "TVB" not in kinds and "KPO" not in kinds
    assert kinds["KQRN"] is ActorKind.ORGANIZATION
