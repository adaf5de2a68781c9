"""Speaker shapes of unseen news (issue 10), each in invented sentences: the quote's words and
its speaker's name expected."""

import pytest

from tests.extract.speakers import quoted_speakers

_TOUR = "Mayor Tomas Brekke toured the bridge site on Monday.\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a possessive opens the description: the name that ends it speaks, not its owner
            _TOUR + "“We will finish the deck by spring,” added his project manager Odile "
            "Framboise, speaking to reporters.",
            [("We will finish the deck by spring,", "Odile Framboise")],
        ),
        (  # a description, a comma, then the name
            _TOUR + "“The cables arrived late,” said Brekke’s deputy harbour master, Lio "
            "Vantongeren, who joined the tour.",
            [("The cables arrived late,", "Lio Vantongeren")],
        ),
        (
            _TOUR + "“The town never trusted the plan,” wrote the Danish consul at the time, "
            "Petra Smolen.",
            [("The town never trusted the plan,", "Petra Smolen")],
        ),
        (
            _TOUR + "“He always finished what he started,” said his oldest friend from school, "
            "Ruth Amsel, who now lives in Bergen.",
            [("He always finished what he started,", "Ruth Amsel")],
        ),
        (  # the name ends the description where a clause or a preposition follows it
            _TOUR + "“Nobody asked us,” said Brekke constituent Hal Ormsby when asked about "
            "the tolls.",
            [("Nobody asked us,", "Hal Ormsby")],
        ),
        (
            _TOUR + "“Nobody asked us,” said Brekke campaign manager Hal Ormsby in a statement.",
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
            _STRIKE + "Kestrel Tribune columnist Wendell Ashgrove, a former engineer, calls the "
            'strike "a test of nerve": "Nobody in the harbour will blink first."',
            [
                ("a test of nerve", "Wendell Ashgrove"),
                ("Nobody in the harbour will blink first.", "Wendell Ashgrove"),
            ],
        ),
        (
            _STRIKE + 'Quayside Communications Director Lotte Brandvik called the offer "an '
            'insult," adding that the people who "need to come back to the table are the '
            'owners, not the crews."',
            [
                ("an insult,", "Lotte Brandvik"),
                ("need to come back to the table are the owners, not the crews.", "Lotte Brandvik"),
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
            _TALKS + "Brekke says he was “kind of on the fence about it” until Marlow said she "
            "would accept mediation.",
            [("kind of on the fence about it", "Tomas Brekke")],
        ),
        (
            _TALKS + "Marlow said she was “very encouraged by the talks” and Brekke called it a "
            "“good start.”",
            [("very encouraged by the talks", "Ines Marlow"), ("good start.", "Tomas Brekke")],
        ),
        (
            _TALKS + "Brekke accuses Marlow of an “artful dodge on wages” while Marlow suggests "
            "the owners are to blame.",
            [("artful dodge on wages", "Tomas Brekke")],
        ),
        (  # "for X to criticise": the infinitive's subject reports nothing
            _TALKS + "Mayor Hal Ormsby said it was “totally inappropriate” for Marlow to "
            "criticize the owners.",
            [("totally inappropriate", "Hal Ormsby")],
        ),
        (  # a relative clause's subject said the words the clause is about
            _TALKS + "The “dirty tricks with the rota” that Marlow accused the owners of were "
            "never proved.",
            [("dirty tricks with the rota", "Ines Marlow")],
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
            _FERRY + "Ines Marlow took to Facebook to call the decision “short-sighted and cruel.”",
            [("short-sighted and cruel.", "Ines Marlow")],
        ),
        (
            _FERRY + "Ines Marlow wrote in a statement to Harbour Weekly explaining her vote, "
            "“The numbers never added up.”",
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
            _TOUR + "“The cables arrived late,” Mayor Tomas Brekke’s chief of staff, Dina Lowe, "
            "told the Herald. “We lost a week.”",
            [("The cables arrived late,", "Dina Lowe"), ("We lost a week.", "Dina Lowe")],
        ),
        (
            _TOUR + "“The cables arrived late,” the engineer who drew the deck, Anouk Veldhuis, "
            "said.",
            [("The cables arrived late,", "Anouk Veldhuis")],
        ),
        (  # the name first, then its description
            _TOUR + "“The cables arrived late,” Dina Lowe, Brekke’s chief of staff, said.",
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
            _TALKS + "Like Brekke, Marlow also rejected the idea, arguing that there is “room "
            "for a deal in the offer.”",
            [("room for a deal in the offer.", "Ines Marlow")],
        ),
        (
            _TALKS + "And after the Harbour Board refused to meet, Mayor Hal Ormsby blamed the "
            "owners’ “stubborn refusal to talk.”",
            [("stubborn refusal to talk.", "Hal Ormsby")],
        ),
        (  # not "As X put it": its clause names the speaker
            _TALKS + "As the columnist Ada Lind put it a few years earlier, “Nobody wins a strike "
            "like this one.”",
            [("Nobody wins a strike like this one.", "Ada Lind")],
        ),
        (  # the quote's own clause, after a conjunction, has its subject
            _TALKS + "Brekke on Monday signed the new rota, while Marlow, the crews’ leader, "
            "proposed they “sit down and start again.”",
            [("sit down and start again.", "Ines Marlow")],
        ),
        (
            _TALKS + "It was a sharp rebuke from the Harbour Board, as Brekke echoed the "
            "criticism, saying the crews “have made their point.”",
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
            _STRIKE + "As the columnist Ada Lind had written a few years earlier, ''We cannot run "
            "a port without the crews.''",
            [("We cannot run a port without the crews.", "Ada Lind")],
        ),
        (  # verbs that report words, after the quote
            _STRIKE + "“An awful lot of people told her no,” remembered Ralf Eddings, the "
            "bakery's former manager.",
            [("An awful lot of people told her no,", "Ralf Eddings")],
        ),
        (
            _STRIKE + "“The crews should stay at home,” opined the Kestrel Tribune.",
            [("The crews should stay at home,", "Kestrel Tribune")],
        ),
        (
            _TALKS + "“The owners will sign,” Brekke said. “Sign what?” Marlow repeated.",
            [("The owners will sign,", "Tomas Brekke"), ("Sign what?", "Ines Marlow")],
        ),
        (
            _TALKS
            + "Brekke defended the rota, to which Marlow interjected: “It was never agreed.”",
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
            _TALKS + "The union's lawyer is Niels Andres. Brekke didn’t seem impressed with "
            "Andres’ comments on Tuesday, telling reporters, “Nobody here is in a hurry.”",
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
            _TALKS + "Brekke didn’t seem impressed with Marlow's comments on Tuesday, telling "
            "reporters, “Nobody here is in a hurry.”",
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
            _AUDIT + "A former clerk testified that the owner, Ada Vark, told her to “fix the "
            "numbers” on thousands of Quillfeather claims and then “forget we ever talked about "
            "it,” in the second week of the trial.",
            [
                ("fix the numbers", "Ada Vark"),
                ("forget we ever talked about it,", "Ada Vark"),
            ],
        ),
        (
            _AUDIT + "Vark posted a Facebook comment of her own, saying, “I did nothing wrong.”",
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


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a second quote the first one's verb still frames
            "The trial of Ada Vark entered its second week.\n\nA former bookkeeper for Vark "
            "Family Stores testified on Wednesday that the chain's founder, Ada Vark, told her to "
            "“fix the numbers” on thousands of claims and then “forget we ever talked about it,” "
            "in the second week of the trial.",
            [
                ("fix the numbers", "Ada Vark"),
                ("forget we ever talked about it,", "Ada Vark"),
            ],
        ),
        (  # a name after a preposition between them is no speaker
            _AUDIT + "A former bookkeeper for Vark Family Stores testified on Wednesday that the "
            "chain's founder, Ada Vark, told her to “fix the numbers” on thousands of "
            "Quillfeather claims and then “forget we ever talked about it,” in the second week "
            "of the trial.",
            [
                ("fix the numbers", "Ada Vark"),
                ("forget we ever talked about it,", "Ada Vark"),
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
            _TALKS + "“I have made it clear that the owners voted against the crews every time” "
            "and against the new rota, Marlow said.",
            [
                (
                    "I have made it clear that the owners voted against the crews every time",
                    "Ines Marlow",
                )
            ],
        ),
        (
            _TALKS + "“Let me thank the thousands of crew members who came out” for the vote, she "
            "said.",
            [("Let me thank the thousands of crew members who came out", "Ines Marlow")],
        ),
        (  # no actor before the verb: no speaker
            _TALKS + "“Let me thank the thousands of crew members who came out” for the vote, the "
            "crews said.",
            [("Let me thank the thousands of crew members who came out", None)],
        ),
    ],
)
def test_a_sentence_that_ends_on_the_speaker_and_the_verb(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an acronym no actor holds, before the verb after the quote: an organisation
            "The harbour pilot Ivo Quell was dismissed on Friday after a post on his blog.\n\n"
            "To that, Quell added: “I sail where I like.”\n\n“Kestrel is an open port for "
            "everyone,” KPA said in a statement. “Ivo Quell has been told that his conduct was "
            "unacceptable.”\n\nQuell, through a lawyer, declined to comment.",
            [
                ("I sail where I like.", "Ivo Quell"),
                ("Kestrel is an open port for everyone,", "KPA"),
                ("Ivo Quell has been told that his conduct was unacceptable.", "KPA"),
            ],
        ),
        (  # not an acronym of a role
            "The harbour pilot Ivo Quell was dismissed on Friday.\n\n“We had no choice,” CEO "
            "Petra Lind said.",
            [("We had no choice,", "Petra Lind")],
        ),
    ],
)
def test_an_acronym_before_the_verb_after_the_quote(text, expected):
    assert quoted_speakers(text) == expected


def test_no_break_spaces_around_the_medium_and_the_name():
    text = (
        _FERRY + "Ines Marlow wrote in a statement to\u00a0Harbour\u00a0Weekly explaining her "
        "vote, “The numbers never added up.”\n\n“Let me thank the crews who came out” for the "
        "vote,\u00a0she\u00a0said."
    )
    assert quoted_speakers(text) == [
        ("The numbers never added up.", "Ines Marlow"),
        ("Let me thank the crews who came out", "Ines Marlow"),
    ]


def test_an_opening_mark_typed_where_a_closing_one_belongs_closes_the_quote():
    text = (
        _TALKS + "“It is unusual,“ said Petra Lind, a lawyer with the Harbour Legal Centre. “It "
        "is a hard thing to do.”"
    )
    assert quoted_speakers(text) == [
        ("It is unusual,", "Petra Lind"),
        ("It is a hard thing to do.", "Petra Lind"),
    ]
