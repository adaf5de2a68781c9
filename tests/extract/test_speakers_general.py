"""Speaker rules in their general shapes: a joint statement, a document, a participle clause
that opens a sentence, a speech noun with its owner, a post's signature."""

import pytest

from tests.extract.speakers import quoted_speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a joint statement speaks for the parties to the talks named before it
            "Union and management negotiators met in Brill for a third day of wage talks. A "
            "joint statement later called the meeting “frank and constructive.”",
            [("frank and constructive.", "negotiators")],
        ),
        (  # after the quote, and "both sides"
            "Union and management negotiators met in Brill for a third day of wage talks. Both "
            "sides agreed on a “balanced and fair settlement,” a joint statement said.",
            [("balanced and fair settlement,", "negotiators")],
        ),
        (  # any group taking part in the story's event, not only negotiators
            "Strikers at the bottling plant met the company's managers on Monday. Afterwards "
            "both sides said “the talks were constructive and will go on next week”.",
            [("the talks were constructive and will go on next week", "Strikers")],
        ),
    ],
)
def test_a_joint_statement_speaks_for_the_parties(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a document says nothing on anyone's behalf
            "The council published its budget on Monday. The document states that “no new "
            "taxes are expected” before next spring.",
            [("no new taxes are expected", None)],
        ),
        (
            "The ruling notes that the club “failed to keep proper accounts for three seasons.”",
            [("failed to keep proper accounts for three seasons.", None)],
        ),
        (  # a document its author is named with speaks for the author
            "Mayor Ilse Varga published a letter calling the plan “a gift to the developers.”",
            [("a gift to the developers.", "Ilse Varga")],
        ),
    ],
)
def test_a_document_speaks_for_its_author_or_for_nobody(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the comma that ends the clause inside the quotation marks
            "Ilse Varga coaches Brill United. Accusing the referee of “ruining a fine evening of "
            "football,” Varga left the ground early.",
            [("ruining a fine evening of football,", "Ilse Varga")],
        ),
        (  # a pronoun subject
            "Coach Ilse Varga was furious. Praising the fans for “a wonderful, loud evening,” she "
            "left the ground early.",
            [("a wonderful, loud evening,", "Ilse Varga")],
        ),
        (  # the comma outside the quotation marks
            "Coach Ilse Varga was furious. Accusing the league of “greed” in its scheduling, she "
            "called for a players' strike.",
            [("greed", "Ilse Varga")],
        ),
        (  # a reporting verb after the subject
            "Warning that “the river will rise again before the weekend,” Mayor Tomas Berg said "
            "the dikes would be checked.",
            [("the river will rise again before the weekend,", "Tomas Berg")],
        ),
        (  # a subject the sentence names only by a role
            "Coach Ilse Varga was furious. Accusing the referee of “ruining a fine evening of "
            "football,” the coach left the ground early.",
            [("ruining a fine evening of football,", "Ilse Varga")],
        ),
    ],
)
def test_a_participle_clause_opening_the_sentence_is_its_subject_s(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Coach Ilse Varga spoke after the match. Her criticism of the league's “endless "
            "calendar” drew applause.",
            [("endless calendar", "Ilse Varga")],
        ),
        (  # words between the owner and the noun
            "Tomas Berg runs the airline. Berg's often repeated claim that fares were “the lowest "
            "in a decade” was disputed.",
            [("the lowest in a decade", "Tomas Berg")],
        ),
        (  # an owner named by a role
            "Coach Ilse Varga spoke after the match. The coach's complaint about the “endless "
            "calendar” drew applause.",
            [("endless calendar", "Ilse Varga")],
        ),
    ],
)
def test_a_speech_noun_speaks_for_its_owner(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # on the quote's own line
            "The club's owner had a message for the fans. “We will be back next year, stronger "
            "than ever.” — Tomas Berg (@tberg_fc) May 3, 2024",
            [("We will be back next year, stronger than ever.", "Tomas Berg")],
        ),
        (  # a dash and a name with no handle, ending the paragraph
            "The club's owner had a message for the fans. “We will be back next year.” — Tomas "
            "Berg",
            [("We will be back next year.", "Tomas Berg")],
        ),
    ],
)
def test_a_post_signed_after_the_quote_is_its_signer_s(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "the office" is the organisation named before with that word in its name
            "The Coastal Fisheries Office said it had received 40 complaints. The office said "
            "the nets were “twice the permitted length.”",
            [("twice the permitted length.", "Coastal Fisheries Office")],
        ),
        (  # "the company" is any organisation: the last one named
            "Marlow Nets Ltd, a family firm, makes the nets in a mill by the river.\n\n"
            "“We are deeply sorry,” the company said in a statement.",
            [("We are deeply sorry,", "Marlow Nets Ltd")],
        ),
        (  # the organisers of the story's event are one group
            "Runners were stopped at the 30km mark as the heat rose.\n\n"
            "“This is for their safety,” the organisers said in a message.",
            [("This is for their safety,", "organisers")],
        ),
    ],
)
def test_an_organisation_or_a_group_speaks_under_a_description(text, expected):
    assert quoted_speakers(text) == expected
