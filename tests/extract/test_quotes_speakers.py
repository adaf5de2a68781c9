"""Speaker shapes of unseen news (issue 10), each in invented sentences on invented people: the
quote's words and its speaker's name expected."""

import pytest

from extract.actors import find_actors
from extract.book import ActorBook
from extract.model import ActorKind
from extract.quotes import find_quotes
from extract.segments import blocks
from tests.extract.speakers import quoted_speakers

_TOUR = "Mayor Tomas Brekke toured the bridge site on Monday.\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a possessive opens the description: the name that ends it speaks, not its owner
            _TOUR + "“We will finish the deck by spring,” added his site engineer Odile "
            "Framboise, who had walked the deck that morning.",
            [("We will finish the deck by spring,", "Odile Framboise")],
        ),
        (  # a description, a comma, then the name
            _TOUR + "“The cables arrived late,” said Brekke’s deputy harbour master, Lio "
            "Vantongeren, who joined the tour.",
            [("The cables arrived late,", "Lio Vantongeren")],
        ),
        (
            _TOUR + "“The town never trusted the plan,” wrote the Danish consul in those years, "
            "Petra Smolen.",
            [("The town never trusted the plan,", "Petra Smolen")],
        ),
        (
            _TOUR + "“He always finished what he started,” said a neighbour of forty years, Ruth "
            "Amsel, who now lives in Bergen.",
            [("He always finished what he started,", "Ruth Amsel")],
        ),
        (  # the name ends the description where a clause or a preposition follows it
            _TOUR + "“Nobody asked us,” said longtime Brekke supporter Hal Ormsby as the tour "
            "ended.",
            [("Nobody asked us,", "Hal Ormsby")],
        ),
        (
            _TOUR + "“Nobody asked us,” said Brekke fundraiser Hal Ormsby in an email.",
            [("Nobody asked us,", "Hal Ormsby")],
        ),
    ],
)
def test_the_name_that_ends_a_description_after_the_verb(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the owner stays the speaker when no name follows the description
            _TOUR + "“We are on budget,” said Brekke, the town’s mayor since 2019.",
            [("We are on budget,", "Tomas Brekke")],
        ),
        (  # a place or a time after the comma is no name
            _TOUR + "“We are on budget,” said the mayor on Tuesday, Brekke’s office confirmed.",
            [("We are on budget,", "Tomas Brekke")],
        ),
    ],
)
def test_a_description_without_a_name_after_it(text, expected):
    assert quoted_speakers(text) == expected


_STRIKE = "The ferry strike entered its second week.\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the second quote of the sentence: its subject is the columnist, not his paper
            _STRIKE + "Kestrel Tribune columnist Wendell Ashgrove, a former engineer, sees the "
            'strike as "a test of nerve": "Nobody in the harbour will blink first."',
            [
                ("a test of nerve", "Wendell Ashgrove"),
                ("Nobody in the harbour will blink first.", "Wendell Ashgrove"),
            ],
        ),
        (
            _STRIKE + 'Quayside Communications Director Lotte Brandvik called the offer "an '
            'insult," adding that it was "the owners who walked out first."',
            [
                ("an insult,", "Lotte Brandvik"),
                ("the owners who walked out first.", "Lotte Brandvik"),
            ],
        ),
        (  # a person's name before the role is no subject either
            _STRIKE + 'Brandvik adviser Tomas Oyelaran praised the crews for "holding the line" '
            'and mocked the owners\' "final offer that was never final."',
            [
                ("holding the line", "Tomas Oyelaran"),
                ("final offer that was never final.", "Tomas Oyelaran"),
            ],
        ),
    ],
)
def test_the_role_holder_an_organisation_or_a_person_qualifies_is_the_subject(text, expected):
    assert quoted_speakers(text) == expected


_TALKS = (
    "Talks over the ferry strike resumed on Monday. Ines Marlow leads the crews; Tomas Brekke "
    "speaks for the owners.\n\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a conjunction after the quote opens another clause, with its own speaker
            _TALKS + "Marlow accuses the owners of “playing chicken with wages” and Brekke says "
            "the crews are tired.",
            [("playing chicken with wages", "Ines Marlow")],
        ),
        (
            _TALKS + "Brekke says he was “still weighing it up” until Marlow said she would "
            "accept mediation.",
            [("still weighing it up", "Tomas Brekke")],
        ),
        (
            _TALKS + "Marlow said she felt “more hopeful than last week” and Brekke called it “a "
            "fair beginning.”",
            [("more hopeful than last week", "Ines Marlow"), ("a fair beginning.", "Tomas Brekke")],
        ),
        (
            _TALKS + "Brekke charges Marlow with “clever footwork on wages” while Marlow suggests "
            "the owners are to blame.",
            [("clever footwork on wages", "Tomas Brekke")],
        ),
        (  # "for X to attack": the infinitive's subject reports nothing
            _TALKS + "Mayor Hal Ormsby said it was “quite wrong” for Marlow to attack the owners.",
            [("quite wrong", "Hal Ormsby")],
        ),
        (  # a relative clause's subject said the words the clause is about
            _TALKS
            + "The “games with the rota” that Marlow accused the owners of playing were never "
            "proved.",
            [("games with the rota", "Ines Marlow")],
        ),
        (  # the speaker named right after the quote keeps it
            _TALKS + "“We are not going back,” Marlow said while Brekke told reporters the offer "
            "stood.",
            [("We are not going back,", "Ines Marlow")],
        ),
    ],
)
def test_a_clause_after_the_quote_is_no_attribution(text, expected):
    assert quoted_speakers(text) == expected


_FERRY = "The Larkspur ferry will stop running in April.\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # where the words went is not who said them
            _FERRY + "Ines Marlow turned to Facebook to call the closure “short-sighted.”",
            [("short-sighted.", "Ines Marlow")],
        ),
        (
            _FERRY + "Ines Marlow replied in an email to Harbour Weekly defending her vote, “The "
            "numbers never added up.”",
            [("The numbers never added up.", "Ines Marlow")],
        ),
        (  # an organisation that speaks keeps its words
            _FERRY + "Analysts at Fenwick Bank said the ferry was “never going to pay.”",
            [("never going to pay.", "Fenwick Bank")],
        ),
        (
            _FERRY + "Councillor Ines Marlow told the Larkspur Gazette that the ferry was “a "
            "lifeline for the islands.”",
            [("a lifeline for the islands.", "Ines Marlow")],
        ),
    ],
)
def test_the_medium_a_preposition_names_is_no_speaker(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a description, then the name between commas, then the verb
            _TOUR + "“The cables arrived late,” Mayor Tomas Brekke’s press officer, Dina Lowe, "
            "told the Herald. “We lost a week.”",
            [("The cables arrived late,", "Dina Lowe"), ("We lost a week.", "Dina Lowe")],
        ),
        (
            _TOUR + "“The cables arrived late,” the engineer who drew the deck, Anouk Veldhuis, "
            "said.",
            [("The cables arrived late,", "Anouk Veldhuis")],
        ),
        (  # the name first, then its description
            _TOUR + "“The cables arrived late,” Dina Lowe, Brekke’s press officer, said.",
            [("The cables arrived late,", "Dina Lowe")],
        ),
    ],
)
def test_the_name_apposed_to_a_description_before_the_verb(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a phrase that fronts the sentence names someone else
            _TALKS + "Like Brekke, Marlow turned the proposal down, arguing the offer leaves "
            "“space to settle by June.”",
            [("space to settle by June.", "Ines Marlow")],
        ),
        (
            _TALKS + "And once the Harbour Board declined to meet, Mayor Hal Ormsby faulted the "
            "owners’ “stubborn silence on every point.”",
            [("stubborn silence on every point.", "Hal Ormsby")],
        ),
        (  # not "As X put it": its clause names the speaker
            _TALKS + "As Ada Lind put it in her memoir, “Nobody wins a strike like this one.”",
            [("Nobody wins a strike like this one.", "Ada Lind")],
        ),
        (  # the quote's own clause, after a conjunction, has its subject
            _TALKS + "Brekke published the new rota on Monday, while Marlow, the crews’ leader, "
            "suggested they “begin from a blank page.”",
            [("begin from a blank page.", "Ines Marlow")],
        ),
        (
            _TALKS + "The Harbour Board sent a stern letter, as Brekke took up its complaint, "
            "saying the crews “have made their point.”",
            [("have made their point.", "Tomas Brekke")],
        ),
    ],
)
def test_the_subject_of_the_quote_s_clause(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the past participle of "write"
            _STRIKE + "As Ada Lind had written in her memoir, ''A port without crews is only a "
            "car park.''",
            [("A port without crews is only a car park.", "Ada Lind")],
        ),
        (  # verbs that report words, after the quote
            _STRIKE + "“She never listened to the accountants,” remembered Ralf Eddings, the "
            "bakery's former manager.",
            [("She never listened to the accountants,", "Ralf Eddings")],
        ),
        (
            _STRIKE + "“The owners must return to the table,” opined the Kestrel Tribune.",
            [("The owners must return to the table,", "Kestrel Tribune")],
        ),
        (
            _TALKS + "“The owners will sign,” Brekke said. “Sign what?” Marlow repeated.",
            [("The owners will sign,", "Tomas Brekke"), ("Sign what?", "Ines Marlow")],
        ),
        (
            _TALKS + "Brekke defended the rota, and Marlow interjected: “It was never agreed.”",
            [("It was never agreed.", "Ines Marlow")],
        ),
    ],
)
def test_more_reporting_verbs(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a name ending in s takes an apostrophe alone as its possessive
            _TALKS + "The union's lawyer is Niels Andres. Brekke brushed aside Andres’ remarks "
            "on the rota, assuring reporters, “Nobody here is in a hurry.”",
            [("Nobody here is in a hurry.", "Tomas Brekke")],
        ),
        (
            _TALKS + "The union's lawyer is Niels Andres. Andres’ deputy, Mette Hald, called the "
            "offer “a start.”",
            [("a start.", "Mette Hald")],
        ),
        (
            _TALKS + "The union's lawyer is Niels Andres. The owners rejected Andres’ call for "
            "“a fresh start.”",
            [("a fresh start.", "Niels Andres")],
        ),
    ],
)
def test_a_possessive_with_an_apostrophe_alone(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a reporting verb after the speech noun frames the quote
            _TALKS + "Brekke brushed aside Marlow's remarks on the rota, assuring reporters, "
            "“Nobody here is in a hurry.”",
            [("Nobody here is in a hurry.", "Tomas Brekke")],
        ),
    ],
)
def test_a_verb_after_the_speech_noun_frames_the_quote(text, expected):
    assert quoted_speakers(text) == expected


_AUDIT = (
    "The trial of Ada Vark entered its second week.\n\nThe Quillfeather Benefits Office began "
    "the audit in 2022. "
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a reporting verb's form that is a noun after a name: "Quillfeather claims"
            _AUDIT + "A clerk told the court that the owner, Ada Vark, asked her to “round the "
            "totals up” on dozens of Quillfeather claims and then “shred every draft of the "
            "ledgers,” as the audit began.",
            [
                ("round the totals up", "Ada Vark"),
                ("shred every draft of the ledgers,", "Ada Vark"),
            ],
        ),
        (
            _AUDIT + "Vark answered with a Facebook post on Sunday, saying, “I did nothing wrong.”",
            [("I did nothing wrong.", "Ada Vark")],
        ),
        (  # the name before the verb still speaks
            _AUDIT + "A spokesman for Quillfeather claims that the audit was “routine.”",
            [("routine.", "spokesman for Quillfeather")],
        ),
    ],
)
def test_a_reporting_noun_after_a_name_is_no_verb(text, expected):
    assert quoted_speakers(text) == expected


_SHOP = (
    "The trial of Ada Vark entered its second week.\n\nA shop assistant at Vark Family Stores "
    "told the court on Thursday that the company's owner, Ada Vark, asked her to “round the "
    "totals up” on dozens of "
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a second quote the first one's verb still frames
            _SHOP + "receipts and later “shred every draft of the ledgers,” as the audit began.",
            [
                ("round the totals up", "Ada Vark"),
                ("shred every draft of the ledgers,", "Ada Vark"),
            ],
        ),
        (  # a name after a preposition between them is no speaker
            _AUDIT.split("\n\n")[1]
            + _SHOP.split("\n\n")[1]
            + "Quillfeather receipts and later “shred every draft of the ledgers,” as the audit "
            "began.",
            [
                ("round the totals up", "Ada Vark"),
                ("shred every draft of the ledgers,", "Ada Vark"),
            ],
        ),
        (  # not when another speaker and verb come between
            "The trial of Ada Vark entered its second week.\n\nVark called the audit “a farce,” "
            "while the auditor, Petra Lind, called it “long overdue.”",
            [("a farce,", "Ada Vark"), ("long overdue.", "Petra Lind")],
        ),
    ],
)
def test_a_quote_the_verb_of_the_quote_before_frames(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the sentence runs on after the quote and ends on its speaker and the verb
            _TALKS + "“The owners have never once sat down with the crews” or with the pilots, "
            "Marlow said.",
            [("The owners have never once sat down with the crews", "Ines Marlow")],
        ),
        (
            _TALKS + "“Every deckhand on the quay deserves a rest” after the winter, she said.",
            [("Every deckhand on the quay deserves a rest", "Ines Marlow")],
        ),
        (  # no actor before the verb: no speaker
            _TALKS + "“Every deckhand on the quay deserves a rest” after the winter, the crews "
            "said.",
            [("Every deckhand on the quay deserves a rest", None)],
        ),
    ],
)
def test_a_sentence_that_ends_on_the_speaker_and_the_verb(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an acronym no actor holds, before the verb after the quote: an organisation
            "The harbour pilot Ivo Quell lost his licence on Friday.\n\nQuell had written on "
            "his blog: “I sail where I like.”\n\n“Pilots answer to the port,” KPA said on "
            "Saturday. “His licence stays suspended until the review.”\n\nQuell has appealed.",
            [
                ("I sail where I like.", "Ivo Quell"),
                ("Pilots answer to the port,", "KPA"),
                ("His licence stays suspended until the review.", "KPA"),
            ],
        ),
        (  # not an acronym of a role
            "The harbour pilot Ivo Quell lost his licence on Friday.\n\n“We had no choice,” CEO "
            "Petra Lind said.",
            [("We had no choice,", "Petra Lind")],
        ),
    ],
)
def test_an_acronym_before_the_verb_after_the_quote(text, expected):
    assert quoted_speakers(text) == expected


def test_no_break_spaces_around_the_medium_and_the_name():
    text = (
        _FERRY + "Ines Marlow replied in an email to\u00a0Harbour\u00a0Weekly defending her "
        "vote, “The numbers never added up.”\n\n“Every deckhand deserves a rest” after the "
        "winter,\u00a0she\u00a0said."
    )
    assert quoted_speakers(text) == [
        ("The numbers never added up.", "Ines Marlow"),
        ("Every deckhand deserves a rest", "Ines Marlow"),
    ]


def test_an_opening_mark_typed_where_a_closing_one_belongs_closes_the_quote():
    text = (
        _TALKS + "“The tide turned early,“ said Petra Lind, who pilots the night ferry. “We "
        "waited two hours at the buoy.”"
    )
    assert quoted_speakers(text) == [
        ("The tide turned early,", "Petra Lind"),
        ("We waited two hours at the buoy.", "Petra Lind"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # capitalised words that end on a common noun: an organisation's name
            _FERRY + "“The council hid the survey for a year,” Quay Watch added.",
            [("The council hid the survey for a year,", "Quay Watch")],
        ),
        (
            _FERRY + "“The council hid the survey for a year,” according to Quay Watch.",
            [("The council hid the survey for a year,", "Quay Watch")],
        ),
    ],
)
def test_a_name_that_ends_on_a_common_noun_is_an_organisation(text, expected):
    assert quoted_speakers(text) == expected


def test_a_person_s_name_that_ends_on_a_common_noun_stays_a_person():
    text = _FERRY + "“We sold the tickets at a loss,” said Petra Watch, who ran the kiosk."
    found = blocks(text)
    book = ActorBook(find_actors(text, found))
    quotes = find_quotes(text, found, book)
    assert [book.kind(q.speaker) for q in quotes if q.speaker] == [ActorKind.PERSON]
