"""A place is no speaker: not a state taken for a person ("…,” Montana said"), not a state a
pronoun stands for, not a state before the speaker's name. A state that acts as its
government ("Nebraska said in its filing") still speaks."""

import pytest

from tests.extract.speakers import quoted_speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a pronoun stands for the last person, not for a place named as a title's
            "Ruth Okoye thanked the former Attorney General of Vermont, who retired last year. "
            "“Nobody served this state longer,” she said.",
            [("Nobody served this state longer,", "Ruth Okoye")],
        ),
        (  # a state before a description of the speaker
            "“The season is long, and we will fight for every point,” said Oregon orchard "
            "grower Ruth Okoye.",
            [("The season is long, and we will fight for every point,", "Ruth Okoye")],
        ),
        (  # a state with nothing that makes it a government is no person
            "“The dam will hold through the spring,” Montana said.",
            [("The dam will hold through the spring,", None)],
        ),
    ],
)
def test_a_place_is_no_speaker(text, expected):
    assert quoted_speakers(text) == expected


def test_a_state_acting_as_its_government_speaks():
    text = (
        "The lawsuit was filed in federal court. Nebraska said in its filing that the rule was "
        "“unlawful and unenforceable.”"
    )
    assert quoted_speakers(text) == [("unlawful and unenforceable.", "Nebraska")]


def test_a_name_that_is_also_a_state_s_stays_a_name():
    text = "“We will finish the bridge by May,” Virginia Holt said."
    assert quoted_speakers(text) == [("We will finish the bridge by May,", "Virginia Holt")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ruth Okoye spoke first.\n\n“The dam will hold through the spring,” said a North "
            "Dakota Republican, who asked not to be named.",
            [("The dam will hold through the spring,", "North Dakota Republican")],
        ),
        (
            "Ruth Okoye spoke first.\n\n“The dam will hold,” another South Dakota Democrat added.",
            [("The dam will hold,", "South Dakota Democrat")],
        ),
        (  # before the quote
            "A Montana Republican said the plan was “dead on arrival.”",
            [("dead on arrival.", "Montana Republican")],
        ),
    ],
)
def test_a_party_member_a_place_describes_is_an_unnamed_speaker(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the place where the subject is, not the subject
            "Her critics in the United Kingdom, many of them farmers, argue that the plan is a "
            "“costly mistake for everyone involved.”",
            [("costly mistake for everyone involved.", None)],
        ),
        (  # a country that is the subject speaks for its government
            "After a week of silence, the United Kingdom said the plan was “a costly mistake "
            "for everyone involved.”",
            [("a costly mistake for everyone involved.", "United Kingdom")],
        ),
    ],
)
def test_a_country_speaks_only_as_a_subject(text, expected):
    assert quoted_speakers(text) == expected
