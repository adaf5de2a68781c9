"""A person called by the given name alone after the full name, as features and stories about a
family do ("Ines" beside "Rafael Quintero"), is that person, when only one person of the article
has that given name. Invented articles."""

from extract.actors import find_actors
from extract.segments import blocks
from tests.extract.speakers import quoted_speakers


def _persons(text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in find_actors(text, blocks(text)) if a.kind == "person"}


FAMILY = (
    "The Okonjo family has run the orchard at Saltley for three generations. Tomas Okonjo "
    "planted the first pear trees in 1961; his granddaughter Adaeze Okonjo now keeps the books, "
    "and her brother Chidi Okonjo drives the tractor.\n\n"
    "Adaeze does the sums every Sunday night. “The pears pay for the apples,” she says.\n\n"
    "Chidi laughs at that. “The apples pay for the tractor,” he says.\n"
)


def test_a_given_name_alone_is_the_one_person_named_in_full_with_it():
    persons = _persons(FAMILY)
    assert "Adaeze" in persons["Adaeze Okonjo"]
    assert "Chidi" in persons["Chidi Okonjo"]
    assert "Adaeze" not in persons and "Chidi" not in persons


def test_the_quotes_of_a_person_called_by_the_given_name_are_hers():
    assert quoted_speakers(FAMILY) == [
        ("The pears pay for the apples,", "Adaeze Okonjo"),
        ("The apples pay for the tractor,", "Chidi Okonjo"),
    ]


def test_two_people_with_one_given_name_leave_it_alone():
    text = (
        "Maria Lenz and Maria Abbot both ran for the council seat in Brill. "
        "Maria said on Monday that she would concede.\n"
    )
    persons = _persons(text)
    assert "Maria" not in persons["Maria Lenz"] and "Maria" not in persons["Maria Abbot"]
