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
            "In the harbour district, Chan Wai-kit lost his seat to Chow Mei-ling by 900 "
            "votes. Chow Mei-ling thanked her volunteers.",
            {"Chan Wai-kit", "Chow Mei-ling"},
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


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # the party after "of the" is no part of the name, and no person of its own
            "Ossian Pell of the Green League said the count was fair.",
            {"Ossian Pell"},
        ),
        (  # a title, a given name that is also a title word, an affiliation
            "Mayor Dean Harlow of Springfield said no. Dean Kamara founded the club.",
            {"Dean Harlow", "Dean Kamara"},
        ),
        (  # organisations keep their "of"
            "The Royal Bank of Scotland and the Bank of England agreed, Secretary of State "
            "Marco Rubio said.",
            {"Marco Rubio"},
        ),
    ],
)
def test_an_affiliation_after_of_is_no_part_of_the_name(text, persons):
    assert _persons(text) == persons


def test_what_a_person_of_a_place_says_is_said_by_the_person():
    from extract.pipeline import extract_text

    text = (
        "Mayor Rita Okoye of Lakeside, a critic of the budget, said on Monday the "
        "plan was “reckless.”\n"
    )
    found = extract_text("story.txt", text)
    names = {a.key: a.name for a in found.actors}
    assert [names[q.speaker] for q in found.quotes if q.speaker] == ["Rita Okoye"]
    assert "Lakeside" not in names.values()


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # common given names, not only the most frequent
            "Delia Marchetti opened the bakery in 1998, and Curtis Abernathy bought it.",
            {"Delia Marchetti", "Curtis Abernathy"},
        ),
        (  # given names that are also words or places start no person by themselves
            "Grace Church hosts the fair. Hope Street is closed. Lola Beach is busy.",
            set(),
        ),
    ],
)
def test_given_names(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # occupations before a name, singular and plural
            "The album features guitarist Renzo Albani and producer Idris Okonjo.",
            {"Renzo Albani", "Idris Okonjo"},
        ),
        (
            "Portraits of actor Tobin Vale hang beside those of photographers Ilse Brandvold "
            "and others.",
            {"Tobin Vale", "Ilse Brandvold"},
        ),
        (  # sports positions before a name
            "Early on, defender Kaan Yildiran was booked and goalkeeper Ruud Vossberg saved twice.",
            {"Kaan Yildiran", "Ruud Vossberg"},
        ),
        (  # a title that is no general news title, then the surname alone
            "Councillor Petra Lindqvist of the Harbour Alliance won. Councillor Lindqvist said "
            "little.",
            {"Petra Lindqvist"},
        ),
    ],
)
def test_an_occupation_or_title_before_a_name(text, persons):
    assert _persons(text) == persons


def test_two_people_sharing_a_surname_stay_apart():
    text = "Coach Lena Brandt picked her brother, striker Jonas Brandt. Brandt scored twice."
    assert _persons(text) == {"Lena Brandt", "Jonas Brandt"}


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # one person in a list makes the other names of the same shape persons
            "Guests included novelist Yorick Brandt, Ossian Pell and Marit Vosloo.",
            {"Yorick Brandt", "Ossian Pell", "Marit Vosloo"},
        ),
        (  # a list after "such as", the known one in the middle
            "Painters such as Anselm Roore, Yorick Quell, Thomas Okonjo, and Vasco Pirelli came.",
            {"Anselm Roore", "Yorick Quell", "Thomas Okonjo", "Vasco Pirelli"},
        ),
        (  # two names joined by "and" after a plural occupation
            "It shows photographers Ilse Brandvold and Kasimir Oduya at work.",
            {"Ilse Brandvold", "Kasimir Oduya"},
        ),
        (  # firms and places listed beside a person stay what they are
            "Bids came from Thomas Okonjo, Harbour Freight Holdings and Lola Beach Partners.",
            {"Thomas Okonjo"},
        ),
    ],
)
def test_lists_of_names(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "New", "North", "South" open the names of places and countries
            "South Sudan and New Zealand signed the deal in North Macedonia.",
            {"South Sudan": ActorKind.COUNTRY, "New Zealand": ActorKind.COUNTRY},
        ),
        (  # and of places before a title
            "North Dakota Governor Kelly Brandt and New Jersey Senator Andy Kimura met.",
            {"Kelly Brandt": ActorKind.PERSON, "Andy Kimura": ActorKind.PERSON},
        ),
        (  # "New" alone opens no name
            "New rules apply from Monday, the New Mexico Senate said.",
            {},
        ),
    ],
)
def test_new_north_and_south_open_names(text, expected):
    found = {a.name: a.kind for a in find_actors(text, blocks(text))}
    assert {name: found.get(name) for name in expected} == expected
    assert "New" not in found


def test_a_title_alone_never_picks_a_relative_sharing_the_surname():
    text = (
        "Amy Harlow, the daughter of Mayor Dean Harlow, opened the fair. "
        "Mayor Harlow said the town had never been busier."
    )
    actors = {a.name: a for a in find_actors(text, blocks(text))}
    assert len(actors["Dean Harlow"].mentions) == 2
    assert len(actors["Amy Harlow"].mentions) == 1


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a common word before a full name, in lower case or opening the sentence
            "The seat went to veteran Ivo Rask. Volunteer Paul Tamsin won the other.",
            {"Ivo Rask", "Paul Tamsin"},
        ),
        (  # a first given name unknown to the lists, then a known one: all one name
            "Xavi Esteban Lluch said the stall would open again in the spring.",
            {"Xavi Esteban Lluch"},
        ),
        (  # a capitalised word opening the sentence is no part of the name
            "Undecided Maria Lunde voted last, after the clerks had checked the count twice.",
            {"Maria Lunde"},
        ),
        (  # but the first word of a place is: no person in a place named like one
            "Officials in Fort Alden said the water was clean. San Tomas Alto reported no "
            "damage on Tuesday, and neither did Lake Evans.",
            set(),
        ),
    ],
)
def test_words_before_a_full_name(text, persons):
    assert _persons(text) == persons


def test_initials_are_part_of_the_name():
    text = (
        "The study was led by Mara B. Quist, a professor at the institute. Quist said the "
        "data were clear, and Hana J. K. Okafor agreed. The U.S. Senate took note."
    )
    actors = {a.name: a for a in find_actors(text, blocks(text))}
    assert {n for n, a in actors.items() if a.kind is ActorKind.PERSON} == {
        "Mara B. Quist",
        "Hana J. K. Okafor",
    }
    assert len(actors["Mara B. Quist"].mentions) == 2


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a title word after an initial is the surname
            "Representative Ruth M. Bishop of Lakeside said the bridge would wait.",
            {"Ruth M. Bishop"},
        ),
        (  # initials after a title; a name never ends with an initial
            "The campaign sent Gov. J.R. Halvard, an early backer. It was signed by Owen J.",
            {"J.R. Halvard"},
        ),
    ],
)
def test_initials_beside_titles(text, persons):
    assert _persons(text) == persons


def test_surnames_that_are_also_nouns():
    text = "The seat went to Nadia Law, and Grace Park came second, ahead of Tom Hall."
    assert _persons(text) == {"Nadia Law", "Grace Park", "Tom Hall"}


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a middle initial between two names says "a person" by itself
            "The report, by Keziah M. Dorling of the Orrin Institute, came out on Monday.",
            {"Keziah M. Dorling"},
        ),
        (
            "According to Keziah M. Dorling, the levy failed. Dorling's office was closed.",
            {"Keziah M. Dorling"},
        ),
        (  # "Gen." is a title, no part of the name
            "Gen. Keziah M. Dorling, the commander, said the drill was cancelled.",
            {"Keziah M. Dorling"},
        ),
        (  # an initial in a place or an organisation's name is no person's
            "Orrin Q. Holdings and Washington D.C. Council met in Port Q. Ellis.",
            set(),
        ),
    ],
)
def test_middle_initials(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # a no-break space inside a name
            "Tobin\u00a0Marsh said the pitch was heavy.",
            {"Tobin Marsh"},
        ),
        (  # a no-break space before a surname standing for the person
            "Striker Tobin Marsh scored twice. “It was easy,” said\u00a0Marsh.",
            {"Tobin Marsh"},
        ),
        (  # a narrow no-break space after a title
            "Coach\u202fIlse Brandvold\u00a0said the squad was tired.",
            {"Ilse Brandvold"},
        ),
    ],
)
def test_no_break_spaces(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # the clause after "of" and a place is about the person before it
            "Among them was Torvald Eskeby, 44, of Tarnby, who said the smoke came first.",
            {"Torvald Eskeby"},
        ),
        (
            "The first to call was Hilde Rask from Ostvik, a nurse on the night shift.",
            {"Hilde Rask"},
        ),
        (  # after "according to", the apposition is the speaker's
            "According to Pruitt, a spokeswoman for the port, the cranes were idle.",
            {"Pruitt"},
        ),
        (  # a surname after "of" is still the person named before
            "Mayor Ada Quist spoke first. A close ally of Quist, who chairs the board, spoke next.",
            {"Ada Quist"},
        ),
    ],
)
def test_a_place_after_a_person_is_no_person(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        ("Gen. Osric Vale inspected the troops.", {"Osric Vale"}),
        ("Gen. Vale inspected the troops.", {"Vale"}),
        (  # without its full stop, "Gen" is a given name
            "Defence Minister Gen Tomura said the drills would go ahead.",
            {"Gen Tomura"},
        ),
    ],
)
def test_abbreviated_titles(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        (  # an age after the name, whatever the given name
            "The first diver through the sump was Ewan Lattimer, a 51-year-old engineer from "
            "Kendal.",
            {"Ewan Lattimer"},
        ),
        (  # an occupation after "a"
            "The night shift was run by Oskar Brennick, a retired nurse who lives by the harbour.",
            {"Oskar Brennick"},
        ),
        (  # a firm described after its name is no person, nor a book "with" an illustrator
            "Marlow Nets Ltd, a family firm, makes the nets. She launched her novel Brass "
            "Lantern, with illustrator Tove Ekdal.",
            {"Tove Ekdal"},
        ),
    ],
)
def test_an_age_or_an_occupation_after_a_name(text, persons):
    assert _persons(text) == persons


@pytest.mark.parametrize(
    "text",
    [
        "The Austin Comets beat the Tulsa Cowboys 24-17 on Sunday night.",
        "Harlan Sentinel and the Ostby Courier both ran the story on Monday.",
    ],
)
def test_a_given_name_before_a_team_or_paper_word_is_no_person(text):
    assert _persons(text) == set()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The agency's head, the Director-General, Ulla Brandt, resigned.", "Director-General"),
        ("The agency's director-general, Ulla Brandt, resigned.", "director-general"),
        ("UN Secretary-General Ulla Brandt spoke first.", "UN Secretary-General"),
        ("Captive medic Ulla Brandt was freed on Monday.", "medic"),
        ("Council Member Ulla Brandt voted against the budget.", "Council Member"),
    ],
)
def test_a_role_before_a_name_makes_a_person_whatever_the_given_name(text, role):
    actors = find_actors(text, blocks(text))
    assert [(a.name, a.kind, a.roles) for a in actors] == [
        ("Ulla Brandt", ActorKind.PERSON, (role,))
    ]


def test_the_names_of_a_roll_are_persons_though_the_line_is_capitalised():
    text = (
        "The motion to sell the quarry passed by nine votes to two.\n\n"
        "Against: Karmenu Grech, Marija Vella.\n"
        "Present: Ada Moss, Ivo Lund and Kai Roe.\n"
    )
    assert _persons(text) == {"Karmenu Grech", "Marija Vella", "Ada Moss", "Ivo Lund", "Kai Roe"}


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("The polls closed at ten. Mara Will thanked the voters on Tuesday.", {"Mara Will"}),
        ("Did Mara Will it?", set()),  # no lower-case word after it
    ],
)
def test_a_surname_that_is_also_a_word_after_a_given_name(text, persons):
    assert _persons(text) == persons
