"""find_actors on short texts in several styles: who is named, as what, and where."""

import pytest

from extract.actors import find_actors
from extract.model import ActorKind
from extract.segments import blocks


def _actors(text: str) -> dict[str, tuple[ActorKind, tuple[str, ...], int]]:
    """name -> (kind, roles, number of mentions)."""
    return {a.name: (a.kind, a.roles, len(a.mentions)) for a in find_actors(text, blocks(text))}


def _persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text, blocks(text)) if a.kind is ActorKind.PERSON}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # wire copy: title before the name, surname later
            "Bank of England Governor Andrew Bailey said on Thursday that rates would stay high. "
            "Bailey added that inflation was falling.",
            {"Andrew Bailey": (ActorKind.PERSON, ("Bank of England Governor",), 2)},
        ),
        (  # lower-case role with a qualifier before the name
            "The plan was drafted by Kremlin official Kirill Petrov and a team of lawyers.",
            {"Kirill Petrov": (ActorKind.PERSON, ("Kremlin official",), 1)},
        ),
        (  # honorifics
            "Dr Priya Shah runs the clinic. Dr Shah said the waiting list had doubled.",
            {"Priya Shah": (ActorKind.PERSON, ("Dr",), 2)},
        ),
        (  # an agency's acronym before a title word
            "FEMA Administrator Greg Nolan told reporters the fund could run dry.",
            {"Greg Nolan": (ActorKind.PERSON, ("FEMA Administrator",), 1)},
        ),
        (  # apposition after the name
            "Tomasz Nowak, a spokesman for the airport, said flights would resume.",
            {"Tomasz Nowak": (ActorKind.PERSON, ("spokesman for the airport",), 1)},
        ),
    ],
)
def test_persons_with_roles(text, expected):
    found = _actors(text)
    for name, record in expected.items():
        assert found[name] == record


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # particles, and a sentence-initial surname with a capital particle
            "Commission President Ursula von der Leyen arrived late. Von der Leyen said little.",
            {"Ursula von der Leyen"},
        ),
        (  # apostrophe and hyphenated names
            "Senator Mary O'Brien and Jean-Luc Moreau, who leads the opposition, met. "
            "O'Brien said the talks were useful.",
            {"Mary O'Brien", "Jean-Luc Moreau"},
        ),
        (  # a name introduced by "said"
            "The fire spread quickly, said Jane Okafor, who lives nearby.",
            {"Jane Okafor"},
        ),
        (  # months, headings, ads and ships are no people
            "March 2023: Markets Rally As Investors Cheer\n"
            "Gorilla Tape – Stronger than regular duct tape.\n"
            "Background & Context\n"
            "A drone hit the tanker MR Orinda near the port.\n",
            set(),
        ),
        (  # "&" joins the words of headings and firms, never a person's names
            "Official Statements & Analysis\n"
            "Procter & Gamble said sales rose, according to Chief Executive Jon Moeller.\n",
            {"Jon Moeller"},
        ),
        (  # "told X" names a listener, not a speaker
            "The company grew fast, its founder told Marketline Daily.",
            set(),
        ),
    ],
)
def test_who_is_a_person(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a full name with no person cue, then its surname as a speaker
            "Substitute Kwabo Asante scored in the 89th minute. Asante said he had hit it blind.",
            {"Kwabo Asante": (ActorKind.PERSON, ("Substitute",), 2)},
        ),
        (  # the surname after the verb; no descriptor, three words at a sentence start
            "Volunteer Nils Aberg Holm rebuilt the bridge. The river rose, said Holm.",
            {"Nils Aberg Holm": (ActorKind.PERSON, ("Volunteer",), 2)},
        ),
        (  # a two-word phrase whose first word is a common descriptor
            "Veteran Okafor carried the team. Okafor told reporters it was his last season.",
            {"Okafor": (ActorKind.PERSON, ("Veteran",), 2)},
        ),
        (  # a given name before a surname that is also a capital
            "The firm hired Ana Lima, a former adviser, in May.",
            {"Ana Lima": (ActorKind.PERSON, ("adviser",), 1)},
        ),
    ],
)
def test_a_surname_speaker_names_the_full_name_before_it(text, expected):
    found = _actors(text)
    for name, record in expected.items():
        assert found[name] == record


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a place named after a preposition is no person, though its last word speaks
            "Floods hit villages near Kenton Falls on Monday. Falls said nothing.",
            set(),
        ),
        (  # known organisations stay organisations
            "Google Cloud grew fast. Google said revenue doubled.",
            set(),
        ),
        (  # a surname nobody speaks with stays unknown
            "Substitute Kwabo Asante scored in the 89th minute. Asante celebrated.",
            set(),
        ),
    ],
)
def test_no_person_from_a_lone_word(text, persons):
    assert _persons(text) == persons


def test_a_surname_alone_means_the_first_person_introduced_with_it():
    text = (
        "Chief Executive Anna Berg founded the firm. Her brother, Lars Berg, joined later. "
        "Berg said the company would list its shares."
    )
    actors = {a.name: a for a in find_actors(text, blocks(text))}
    assert len(actors["Anna Berg"].mentions) == 2
    assert len(actors["Lars Berg"].mentions) == 1


@pytest.mark.parametrize(
    "text, name, kind",
    [
        (
            "The Ministry of Defence confirmed the order.",
            "Ministry of Defence",
            ActorKind.ORGANIZATION,
        ),
        ("Shares in Acme Corp. fell 4%.", "Acme Corp.", ActorKind.ORGANIZATION),
        (
            "Researchers at Harvard University disagreed.",
            "Harvard University",
            ActorKind.ORGANIZATION,
        ),
        ("The University of Oxford said no.", "University of Oxford", ActorKind.ORGANIZATION),
        ("The Federal Reserve held rates.", "Federal Reserve", ActorKind.ORGANIZATION),
        ("Moscow rejected the proposal.", "Russia", ActorKind.COUNTRY),
        ("The U.S. imposed new tariffs.", "United States", ActorKind.COUNTRY),
        ("Israel Implements New Rules in West Bank", None, None),
        # companies and clubs named by the words that end such names, without a suffix
        ("Harlan Toys recalled 9,000 kites.", "Harlan Toys", ActorKind.ORGANIZATION),
        ("Pinewell Brands said sales fell.", "Pinewell Brands", ActorKind.ORGANIZATION),
        ("Penhale United beat Kestrel Athletic.", "Kestrel Athletic", ActorKind.ORGANIZATION),
        ("The Greyport Observatory lost its dish.", "Greyport Observatory", ActorKind.ORGANIZATION),
    ],
)
def test_organisations_and_countries(text, name, kind):
    found = _actors(text)
    if name is None:
        assert all(k is not ActorKind.ORGANIZATION for k, _, _ in found.values())
    else:
        assert found[name][0] is kind


def test_a_capital_is_an_alias_of_its_country():
    text = "Kyiv rejected the plan. Ukraine will not cede land, officials said."
    (ukraine,) = [a for a in find_actors(text, blocks(text)) if a.kind is ActorKind.COUNTRY]
    assert (ukraine.name, ukraine.aliases) == ("Ukraine", ("Kyiv", "Ukraine"))


@pytest.mark.parametrize(
    "text, groups",
    [
        (  # one class of nouns under one qualifier is one group
            "US senators criticised the deal. U.S. lawmakers want a vote.",
            {"US senators": ("US senators", "U.S. lawmakers")},
        ),
        (  # under a bloc qualifier allies, leaders and countries are one group
            "European allies met in Paris. European leaders later issued a statement.",
            {"European allies": ("European allies", "European leaders")},
        ),
        (  # adjectives joined by "and" qualify one group
            "U.K. and Chilean scientists met in Valparaíso.",
            {"U.K. and Chilean scientists": ("U.K. and Chilean scientists",)},
        ),
        (  # a country named before a group is a country of its own
            "The fishing accord included Norway and Baltic partners.",
            {"Baltic partners": ("Baltic partners",)},
        ),
        (  # an unnamed role holder with a qualifier
            "A Pentagon official said the drills would go ahead.",
            {"Pentagon official": ("Pentagon official",)},
        ),
    ],
)
def test_groups(text, groups):
    found = {
        a.name: a.aliases for a in find_actors(text, blocks(text)) if a.kind is ActorKind.GROUP
    }
    assert found == groups


def test_mentions_are_exact_offsets():
    text = "Ukrainian President Volodymyr Zelensky met Polish authorities. Zelensky left."
    for actor in find_actors(text, blocks(text)):
        for span in actor.mentions:
            assert text[span.start : span.end] in actor.aliases


def test_a_bare_surname_is_the_first_introduced_of_those_sharing_it():
    text = (
        "The bakery was founded by Marta Quell in 1990. Her nephew, baker Tomas Quell, joined "
        "later. Quell said the ovens were older than the building."
    )
    mentions = {a.name: len(a.mentions) for a in find_actors(text, blocks(text))}
    assert mentions["Marta Quell"] == 2
    assert mentions["Tomas Quell"] == 1
