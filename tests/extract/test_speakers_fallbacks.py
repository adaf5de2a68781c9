"""Speakers of quotes that no reporting pattern frames: the person the sentence is about, and
the last speaker for a quote that carries on after an attribution."""

import pytest

from tests.extract.speakers import quoted_speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a verb of speech no list holds: the sentence's subject said the words
            "Coach Dana Whitfield mocked the referee for “losing control of the whole game.”",
            [("losing control of the whole game.", "Dana Whitfield")],
        ),
        (  # "is telling": a progressive, not a passive
            "Coach Dana Whitfield is telling fans that “the title is still within reach.”",
            [("the title is still within reach.", "Dana Whitfield")],
        ),
        (  # the second of two quotes in one sentence
            "Dana Whitfield praised the team. Whitfield said the goal was not to “win ugly” "
            "but to “win with some style for once.”",
            [("win ugly", "Dana Whitfield"), ("win with some style for once.", "Dana Whitfield")],
        ),
        (  # a quote of its own after "X said in a statement."
            "The board met on Friday. Ruth Okoye said in a statement. "
            "“The ruling ignores the evidence and will not stand.”",
            [("The ruling ignores the evidence and will not stand.", "Ruth Okoye")],
        ),
        (  # a paragraph that carries on the quote of the paragraph before
            "The board met on Friday.\n\n“We will appeal,” Ruth Okoye said after the vote. "
            "“The ruling ignores the evidence.”\n\n“It will not stand, and we will say so in "
            "court.”",
            [
                ("We will appeal,", "Ruth Okoye"),
                ("The ruling ignores the evidence.", "Ruth Okoye"),
                ("It will not stand, and we will say so in court.", "Ruth Okoye"),
            ],
        ),
        (  # a pronoun subject stands for the last person named
            "Ruth Okoye chairs the board. She later thanked the staff for “years of patient work.”",
            [("years of patient work.", "Ruth Okoye")],
        ),
    ],
)
def test_unframed_quotes_take_the_speaker_the_text_implies(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a title in quotation marks is still no quote
            "Dana Whitfield read the report “Silent Spring” twice.",
            [],
        ),
        (  # a document's words stay without a speaker
            "The report states that “costs will double by the end of the decade.”",
            [("costs will double by the end of the decade.", None)],
        ),
    ],
)
def test_fallbacks_leave_titles_and_documents_alone(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a no-break space between the quote and the name
            "The council met on Monday.\n\n“We will rebuild the bridge by spring,”\u00a0Hollis "
            "said in May.",
            [("We will rebuild the bridge by spring,", "Hollis")],
        ),
        (  # age, home town and a relative clause between the name and the verb
            "“It was a fair result,” Ralf Mertens, 44, of Ghent, who watched from the stands, "
            "said afterwards.",
            [("It was a fair result,", "Ralf Mertens")],
        ),
        (  # verbs that only attribute after the quote
            "“We will keep fighting for the title,” Vanderbilt continued.",
            [("We will keep fighting for the title,", "Vanderbilt")],
        ),
        (
            "“Nobody gave us a chance in March,” Okonkwo concluded.",
            [("Nobody gave us a chance in March,", "Okonkwo")],
        ),
        (  # a party and state in brackets after the name
            "“Our rates are the lowest in the state,” Senator Mark Ellison (R-Ohio) said Tuesday.",
            [("Our rates are the lowest in the state,", "Mark Ellison")],
        ),
        (  # a role before the name, with the organisation the role belongs to
            '"We will sign two strikers this summer," Harbour City manager Petra Lindqvist said.',
            [("We will sign two strikers this summer,", "Petra Lindqvist")],
        ),
        (  # "X of The Tribune wrote"
            "“The budget hides a deficit of two billion,” Carla Mendes of The Tribune wrote.",
            [("The budget hides a deficit of two billion,", "Carla Mendes")],
        ),
        (  # the role in apposition before the name
            "“Membership has doubled since April,” its chair, Ingrid Solberg, said.",
            [("Membership has doubled since April,", "Ingrid Solberg")],
        ),
    ],
)
def test_names_after_the_quote(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "continued" as an adjective after a possessive attributes nothing
            "Mayor Lena Ortiz blamed the “reckless and costly spending plan” and the council’s "
            "continued delays for the deficit.",
            [("reckless and costly spending plan", "Lena Ortiz")],
        ),
        (  # a clause after the quote, not a speaker
            "Mayor Lena Ortiz called the plan “a reckless gamble with our savings” and Brandt "
            "later said he agreed.",
            [("a reckless gamble with our savings", "Lena Ortiz")],
        ),
        (  # a title word after an honorific is a surname
            "''We owe the fans a win,'' Mr. King said.",
            [("We owe the fans a win,", "King")],
        ),
    ],
)
def test_words_after_a_quote_that_name_nobody(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # age, trade and home town between the person and the verb
            "Dean Parrish, a 55-year-old farmer from Dunmore, Ohio, says the plan will “leave "
            "most growers worse off than before.”",
            [("leave most growers worse off than before.", "Dean Parrish")],
        ),
        (
            "Stacy Lund of Lakeside, Oregon says she thinks the team can “pull off a win in "
            "the final week.”",
            [("pull off a win in the final week.", "Stacy Lund")],
        ),
        (
            "Jason Mole — a teacher from Mount Albion — says the new rule was “a big deal "
            "for every family.”",
            [("a big deal for every family.", "Jason Mole")],
        ),
        (  # a title before the name, a party in brackets after it
            "After winning the vote in Berea, Ohio, Governor John Keel (R-OH), said, “I am "
            "getting ready to rent a car and drive home.”",
            [("I am getting ready to rent a car and drive home.", "John Keel")],
        ),
        (  # the person after a comma before the verb is the subject, not the one before
            "After meeting Mayor Lena Ortiz, Governor John Keel said the deal was “a good "
            "day for the whole region.”",
            [("a good day for the whole region.", "John Keel")],
        ),
    ],
)
def test_the_person_an_apposition_describes_is_the_subject(text, expected):
    assert quoted_speakers(text) == expected


def test_a_participle_after_a_comma_belongs_to_its_own_sentence():
    text = (
        "“We will not raise taxes,” Governor John Keel said on Monday.\n\n"
        "In a heated meeting, Mayor Lena Ortiz launched an attack against Keel, calling him "
        "“reckless”."
    )
    assert quoted_speakers(text) == [
        ("We will not raise taxes,", "John Keel"),
        ("reckless", "Lena Ortiz"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a middle initial, and the place the person represents after "of"
            "''Nobody expected the bridge to fail,'' said Representative Nils T. Bishop of New "
            "York, who chairs the transport committee.",
            [("Nobody expected the bridge to fail,", "Nils T. Bishop")],
        ),
        (  # initials first
            "''The market will recover by spring,'' said J. M. Delaney of Harbour Bank.",
            [("The market will recover by spring,", "J. M. Delaney")],
        ),
    ],
)
def test_names_with_initials_after_said(text, expected):
    assert quoted_speakers(text) == expected
