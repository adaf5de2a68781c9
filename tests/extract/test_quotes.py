"""find_quotes on short texts: which spans are quotes, and who said them."""

import pytest

from extract.actors import find_actors
from extract.book import ActorBook
from extract.model import ActorKind
from extract.quotes import find_quotes
from extract.segments import blocks


def _quotes(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker's name) in order."""
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    names = {a.key: a.name for a in actors}
    for quote in quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # wire copy: attribution after the quote, pronoun for the last person named
            "Lawyer Jane Okafor filed the appeal on Monday.\n"
            "“We will take this to the Supreme Court,” she said.",
            [("We will take this to the Supreme Court,", "Jane Okafor")],
        ),
        (  # verb first, with titles before the name
            '"Rates will stay high," said Bank of England Governor Andrew Bailey.',
            [("Rates will stay high,", "Andrew Bailey")],
        ),
        (  # an apposition between the name and the verb
            "“We are not against the future,” Jan Verbeke, the union's chief negotiator, "
            "told reporters.",
            [("We are not against the future,", "Jan Verbeke")],
        ),
        (  # according to
            'Prices could rise "as much as 30% a year," according to economist Marcus Klein.',
            [("as much as 30% a year,", "Marcus Klein")],
        ),
        (  # the subject of the reporting verb before a partial quote
            "Finance Minister Rachel Reeves insisted that the budget was “fully funded”.",
            [("fully funded", "Rachel Reeves")],
        ),
        (  # a speech noun with its owner
            "Mayor Lena Ortiz arrived late. Her criticism of the “reckless” plan drew applause.",
            [("reckless", "Lena Ortiz")],
        ),
        (  # "he" in a relative clause means the last person named
            "Coach Tom Hale resigned. It was not what he called a “good season”.",
            [("good season", "Tom Hale")],
        ),
        (  # an unnamed spokesperson is a group of its own
            'Acme Corp. declined to comment. "We do not discuss rumours," '
            "a company spokeswoman said.",
            [("We do not discuss rumours,", "company spokeswoman")],
        ),
        (  # a document states things but is nobody
            "The report states that ‘costs will double’ by 2030.",
            [("costs will double", None)],
        ),
        (  # a paragraph introduced by "X said:"
            "Health Secretary Wes Streeting said:\n“We will fix the NHS, and we will do it fast.”",
            [("We will fix the NHS, and we will do it fast.", "Wes Streeting")],
        ),
        (  # a second quote of one speaker in one paragraph
            '"We are planning a restart," said Raúl Ibarra. "But the ash decides."',
            [
                ("We are planning a restart,", "Raúl Ibarra"),
                ("But the ash decides.", "Raúl Ibarra"),
            ],
        ),
        (  # an organisation named by a lower-case phrase, as the subject before the quote
            "The water authority said it would appeal against the “unlawful” ruling.",
            [("unlawful", "water authority")],
        ),
        (  # "the union" after the quote is the union named before
            "The Northern Rail Workers' Union called a strike on Monday.\n"
            "“We have run out of patience with management,” the union said.",
            [("We have run out of patience with management,", "Northern Rail Workers' Union")],
        ),
        (  # an abbreviation in brackets names the organisation later
            "The World Meteorological Organization (WMO) issued a heat warning.\n"
            "“These temperatures are not normal for June,” the WMO said in a statement.",
            [("These temperatures are not normal for June,", "World Meteorological Organization")],
        ),
        (  # a quote inside a quote: "my mum always said" is the mother introduced before
            "Her mother, Grace Mensah, who ran the stall for 30 years, taught her the trade.\n"
            "“My mum always said, ‘Sell the story, not the fish,’ and she was right,” says Abena"
            " Mensah.",
            [
                (
                    "My mum always said, ‘Sell the story, not the fish,’ and she was right,",
                    "Abena Mensah",
                ),
                ("Sell the story, not the fish,", "Grace Mensah"),
            ],
        ),
    ],
)
def test_speakers(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a role, then the name between commas, then the verb: the name speaks
            "The shadow transport secretary, Maya Lindqvist, said the fares were “a tax on "
            "commuters”. Its chief executive, Omar Haddad, said in a statement: “We will appeal.”",
            [
                ("a tax on commuters", "Maya Lindqvist"),
                ("We will appeal.", "Omar Haddad"),
            ],
        ),
        (  # straight single quotes, speaker after the verb with a role in apposition
            "The growers' cooperative welcomed the ruling. 'This is a good day for every farm in "
            "the valley,' said its chairwoman, Ines Duarte.",
            [("This is a good day for every farm in the valley,", "Ines Duarte")],
        ),
        (  # a possessive role phrase in apposition
            '"Orders doubled in the spring," said the airline\'s finance director, Omar Haddad.',
            [("Orders doubled in the spring,", "Omar Haddad")],
        ),
        (  # a given name and a surname that is also a capital
            '"We will hire again next year," said the bakery\'s chief executive, Ana Lima.',
            [("We will hire again next year,", "Ana Lima")],
        ),
        (  # the role in apposition after the name
            "'The rent is too high,' said Petra Novak, the tenants' spokeswoman.",
            [("The rent is too high,", "Petra Novak")],
        ),
        (  # apostrophes inside straight single quotes close nothing
            "'We didn't choose the '80s sound, and the Jones' studio isn't O'Hara's,' said "
            "producer Lars Berg.",
            [
                (
                    "We didn't choose the '80s sound, and the Jones' studio isn't O'Hara's,",
                    "Lars Berg",
                )
            ],
        ),
        (  # a surname before the verb, named in full earlier without any person cue
            "Goalkeeper Tariq Bello saved two penalties in the shoot-out.\n\n"
            '"I guessed left both times," Bello said. "Luck was on our side."',
            [
                ("I guessed left both times,", "Tariq Bello"),
                ("Luck was on our side.", "Tariq Bello"),
            ],
        ),
        (  # a surname after the verb, in straight single quotes; a sentence-opening common word
            "Apprentice Rosa Lindqvist baked the winning loaf.\n\n"
            "'I nearly burnt it,' said Lindqvist. 'Then it rose.'",
            [("I nearly burnt it,", "Rosa Lindqvist"), ("Then it rose.", "Rosa Lindqvist")],
        ),
        (  # known organisations stay organisations
            '"We will appeal," Google said. "The fine is unlawful."',
            [("We will appeal,", "Google"), ("The fine is unlawful.", "Google")],
        ),
        (
            '"Prices will rise again," Reuters reported, citing two traders.',
            [("Prices will rise again,", "Reuters")],
        ),
        (  # an organisation by its form
            '"We reject the claims," Harbour Freight Holdings said.',
            [("We reject the claims,", "Harbour Freight Holdings")],
        ),
    ],
)
def test_speakers_in_other_styles(text, expected):
    assert _quotes(text) == expected


def test_a_lone_speaker_named_only_by_the_attribution_is_an_actor():
    text = '"It was never a penalty," Ferreira said. "Everybody saw it."'
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    speakers = {a.key: (a.name, a.kind) for a in actors}
    assert [speakers[q.speaker] for q in quotes] == [("Ferreira", ActorKind.PERSON)] * 2


def test_a_quote_continued_over_two_paragraphs_keeps_its_speaker():
    text = (
        "“The port will automate,” said Chief Executive Marleen Goossens. "
        "“Every port in Europe will.\n\n“We will not negotiate under pressure.”"
    )
    assert _quotes(text) == [
        ("The port will automate,", "Marleen Goossens"),
        ("Every port in Europe will.", "Marleen Goossens"),
        ("We will not negotiate under pressure.", "Marleen Goossens"),
    ]


def test_nested_quotes_are_quotes_too():
    text = "“My teacher used to say, ‘Never give up,’ and I believe it,” says Ada Obi."
    assert _quotes(text) == [
        ("My teacher used to say, ‘Never give up,’ and I believe it,", "Ada Obi"),
        ("Never give up,", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It’s the ’90s again and rock ’n’ roll is back in the shops’ windows.",
        "The players' union and the clubs' owners met on Tuesday.",
        "In the '90s Reyes' car was a wreck and O'Connell's bar didn't open on Sundays.",
        "Rock 'n' roll filled the Hendricks' garage, but the '70s records weren't theirs.",
        "The so-called 'reform' passed without debate.",  # a scare quote
        "She wrote the novel “The Long Road Home” in 2019.",  # a title
        "Behind the till hangs a sleeve of ‘Lagos Nights, Vol. 2’, the first record sold.",
    ],
)
def test_no_quotes(text):
    assert _quotes(text) == []


def test_an_embedded_post_is_a_quote_of_its_author():
    text = (
        "The minister replied online.\n\n"
        "We will not back down. https://t.co/abc123\n"
        "— Jane Doe (@janedoe) March 3, 2025\n"
    )
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    (quote,) = quotes
    (author,) = [a for a in actors if a.key == quote.speaker]
    assert (quote.text, author.name, "@janedoe" in author.aliases) == (
        "We will not back down.",
        "Jane Doe",
        True,
    )


def test_a_speaker_only_the_attribution_names_is_added():
    text = "While Okonjo has welcomed the deal as a “turning point”, critics are unconvinced."
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes, actors = find_quotes(text, found, book), book.actors()
    assert [a.name for a in actors if a.key == quotes[0].speaker] == ["Okonjo"]


def test_a_post_signed_with_a_title_is_its_author_s():
    text = (
        "Lawmakers reacted within minutes.\n\n"
        "This ruling is a gift to polluters. Congress must act.\n"
        "— Senator Maria Duarte (@SenMariaDuarte) May 2, 2025\n"
    )
    assert _quotes(text) == [
        ("This ruling is a gift to polluters. Congress must act.", "Maria Duarte")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # old wire copy: two apostrophes open and close a quote
            "''We are ready for the storm,'' said Mayor Ilse Vark. Later she added, ''nobody "
            "will be left behind.''",
            [
                ("We are ready for the storm,", "Ilse Vark"),
                ("nobody will be left behind.", "Ilse Vark"),
            ],
        ),
        (  # typewriter style: two backticks open, two apostrophes close
            "``The dam will hold,'' the engineer Tomasz Brandt said on Monday.",
            [("The dam will hold,", "Tomasz Brandt")],
        ),
        (  # a plural's apostrophe is no quotation mark
            "The farmers' co-operative met on Friday. ''Prices must rise,'' Amara Okonkwo said.",
            [("Prices must rise,", "Amara Okonkwo")],
        ),
    ],
)
def test_doubled_apostrophes_and_backticks_are_double_quotation_marks(text, expected):
    assert _quotes(text) == expected


def test_a_question_or_exclamation_ending_the_sentence_keeps_the_attribution_after_it():
    text = (
        "The river rose all night.\n\n"
        "“Does nobody see the dyke is failing?” Okonkwo asked.\n\n"
        "“Move the sandbags now!” shouted the fire chief, Tomasz Brandt. "
        "“How long do we have?” He looked at the sky."
    )
    assert _quotes(text) == [
        ("Does nobody see the dyke is failing?", "Okonkwo"),
        ("Move the sandbags now!", "Tomasz Brandt"),
        ("How long do we have?", "Tomasz Brandt"),
    ]
