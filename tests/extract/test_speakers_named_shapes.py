"""Names written in shapes a word list cannot foresee, and the quotes their people speak: a party
member before a name, a surname that is also a title, a no-break hyphen inside a name."""

import pytest

from extract.model import ActorKind
from extract.pipeline import extract_text

HEAD = "County news\nPublished 3 March 2025\n\n"


def _extract(body: str) -> tuple[list[tuple[str, ActorKind]], list[str | None]]:
    """The persons and organisations named, and each quote's speaker's name."""
    extraction = extract_text("article.txt", HEAD + body + "\n")
    names = {a.key: a.name for a in extraction.actors}
    actors = [(a.name, a.kind) for a in extraction.actors]
    return actors, [names.get(q.speaker) if q.speaker else None for q in extraction.quotes]


@pytest.mark.parametrize(
    "body, name",
    [
        ("Democrat Maria Ortiz lost the county race on Tuesday.", "Maria Ortiz"),
        ("The seat went to Republican Carla Vane by four points.", "Carla Vane"),
        ("Independent Idris Kane held on in the east ward.", "Idris Kane"),
        ("Conservative Maria Lund Ortiz took the north ward.", "Maria Lund Ortiz"),
    ],
)
def test_a_party_member_before_a_name_is_no_part_of_it(body: str, name: str) -> None:
    actors, _ = _extract(body)
    assert (name, ActorKind.PERSON) in actors


def test_a_candidate_named_after_her_party_speaks_in_a_pronoun() -> None:
    _, speakers = _extract(
        "Republican Carla Vane won the seat. Democrat Maria Ortiz lost by four points.\n\n"
        'Ortiz conceded just after midnight. "We came close," she said in a video.'
    )
    assert speakers == ["Maria Ortiz"]


@pytest.mark.parametrize("hyphen", ["\u2011", "\u2010"])
def test_a_name_joined_by_a_typeset_hyphen_is_one_name(hyphen: str) -> None:
    name = f"Anna{hyphen}Lise Brandvold"
    actors, speakers = _extract(
        f"The museum's director, {name}, said on Monday that the roof would be mended.\n\n"
        f'"We will reopen in May," Brandvold said. "The paintings are safe," said {name}.'
    )
    assert [a for a in actors if a[1] is ActorKind.PERSON] == [(name, ActorKind.PERSON)]
    assert speakers == [name, name]


@pytest.mark.parametrize("surname", ["Bishop", "Judge", "Major", "Governor"])
def test_a_title_word_after_a_given_name_is_a_surname(surname: str) -> None:
    actors, speakers = _extract(
        f"The charity's treasurer, Martin {surname}, who joined in 2019, spoke first.\n\n"
        f'"The accounts are clean," he said. "Every penny is there," {surname} added.'
    )
    assert [a for a in actors if a[1] is ActorKind.PERSON] == [
        (f"Martin {surname}", ActorKind.PERSON)
    ]
    assert speakers == [f"Martin {surname}"] * 2


def test_a_title_word_ends_a_name_of_two_given_names() -> None:
    actors, _ = _extract("Ellen Mary Judge chaired the inquiry, which reported on Monday.")
    assert ("Ellen Mary Judge", ActorKind.PERSON) in actors


def test_a_title_before_a_name_stays_a_title() -> None:
    actors, _ = _extract("Bishop Helen Marsh and Governor Tom Reid met on Monday.")
    persons = [a for a in actors if a[1] is ActorKind.PERSON]
    assert persons == [("Helen Marsh", ActorKind.PERSON), ("Tom Reid", ActorKind.PERSON)]


@pytest.mark.parametrize(
    "body",
    [
        '"We came close," she said in a video.',
        'The count ended after midnight.\n\n"Not this time," he said.',
        '"Deeply sorry," it added.',
    ],
)
def test_a_short_quote_a_pronoun_reports_is_kept_though_its_speaker_is_unknown(body: str) -> None:
    _, speakers = _extract(body)
    assert speakers == [None]


def test_a_short_quote_inside_a_sentence_stays_a_scare_quote() -> None:
    _, speakers = _extract('The plan is a "bridge to nowhere" and it added nothing.')
    assert speakers == []


@pytest.mark.parametrize(
    "name", ["Norland Water", "Coastline Rail", "Tarrow Gas", "Pell Capital", "Ostby Biotech"]
)
def test_a_firm_named_by_its_trade_is_an_organisation_that_speaks(name: str) -> None:
    actors, speakers = _extract(
        f"{name} cut its forecast on Monday, blaming the cold spring.\n\n"
        '"We regret the disruption to customers," the company said in a statement.'
    )
    assert (name, ActorKind.ORGANIZATION) in actors
    assert speakers == [name]


@pytest.mark.parametrize("role", ["agent", "publicist", "treasurer", "coroner"])
def test_a_role_given_in_apposition_names_its_holder_later(role: str) -> None:
    _, speakers = _extract(
        f"In May, Lund asked to leave, and his {role}, Dario Fenn, said talks had stalled.\n\n"
        'The club director, Jens Ober, was blunt. "We will not sell," Ober said.\n\n'
        f'According to Fenn, Lund turned down a larger offer. "Money was never the point," the'
        f" {role} said."
    )
    assert speakers == ["Jens Ober", "Dario Fenn"]


def test_a_role_with_an_age_is_the_person_last_named() -> None:
    _, speakers = _extract(
        "The ferry line's owner, Kit Marlow, sold the last boat on Friday.\n\n"
        '"I never wanted it to end this way," the 71-year-old skipper said.'
    )
    assert speakers == ["Kit Marlow"]


def test_a_role_without_an_age_or_a_holder_is_a_group() -> None:
    _, speakers = _extract(
        "The ferry line's owner, Kit Marlow, sold the last boat on Friday.\n\n"
        '"We will miss the crossings," a local skipper said.'
    )
    assert speakers == ["local skipper"]


@pytest.mark.parametrize("given", ["Jordan", "Georgia", "Chad"])
def test_a_place_that_is_a_given_name_opens_a_name(given: str) -> None:
    actors, speakers = _extract(
        f"A spokesman for the mayor, {given} Bellweather, said the talks would go on and"
        ' "nobody should panic".'
    )
    assert (f"{given} Bellweather", ActorKind.PERSON) in actors
    assert speakers == [f"{given} Bellweather"]


def test_a_place_before_an_organisation_word_names_no_person() -> None:
    actors, _ = _extract("Georgia Power restored supplies in Jordan on Monday.")
    assert not [a for a in actors if a[1] is ActorKind.PERSON]


def test_a_name_apposed_to_a_role_for_an_organisation_is_a_person() -> None:
    actors, speakers = _extract('A spokeswoman for the council, Ana Ruiz, said: "We listen."')
    assert ("Ana Ruiz", ActorKind.PERSON) in actors
    assert speakers == ["Ana Ruiz"]


def test_a_name_apposed_to_a_kind_of_organisation_is_the_organisation() -> None:
    actors, _ = _extract("The valley cooperative, Ostby Growers, said prices had halved.")
    assert ("Ostby Growers", ActorKind.ORGANIZATION) in actors


@pytest.mark.parametrize(
    "title, role", [("Sen.", "senator"), ("Gov.", "governor"), ("Rep.", "congresswoman")]
)
def test_a_role_spelled_out_is_the_person_an_abbreviated_title_named(title: str, role: str) -> None:
    _, speakers = _extract(
        f"{title} Lou Parks opened the hearing. Ann Lee, a farmer, spoke next.\n\n"
        f'"We want answers from the agency," the {role} said.'
    )
    assert speakers == ["Lou Parks"]


def test_words_that_describe_a_holder_do_not_hide_the_role() -> None:
    _, speakers = _extract(
        "Rep. Lou Parks, R-Texas, held the seat. Ann Lee, a farmer, lost hers.\n\n"
        '"We won," the four-term congressman said.'
    )
    assert speakers == ["Lou Parks"]


@pytest.mark.parametrize("gap", [" ", "\n", "\n\n"])
def test_a_quote_signed_with_a_dash_a_name_and_what_the_signer_is(gap: str) -> None:
    _, speakers = _extract(f'"Nobody is above the law."{gap}— Ines Vale, mayor of Kelby')
    assert speakers == ["Ines Vale"]


def test_a_headline_cited_with_its_outlet_and_date_has_no_speaker() -> None:
    actors, speakers = _extract('"Ferry fares to rise in spring" — Kelby Post, May 3, 2024')
    assert speakers in ([], [None])
    assert not [a for a in actors if a[1] is ActorKind.PERSON]


@pytest.mark.parametrize(
    "before",
    [
        "Ada Lind shrugged.",
        "Asked about the delay, Ada Lind shrugged.",
        "Ada Lind builds harpsichords. Asked about the delay, she laughed.",
    ],
)
def test_a_quote_after_a_person_acting_in_the_paragraph_is_theirs(before: str) -> None:
    _, speakers = _extract(f'{before} "It takes what it takes."')
    assert speakers == ["Ada Lind"]


def test_a_quote_after_a_sentence_about_a_person_is_not_theirs() -> None:
    _, speakers = _extract('The ruling angered Ada Lind. "It is a disgrace to the court."')
    assert speakers == [None]
