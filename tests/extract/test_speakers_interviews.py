"""Speakers in interviews, profiles, speeches and biographies (issue 10, "who said it"): an
interviewee's run of quotes, quotes inside a speech or an answer, pronouns whose nearest name is
the wrong person. Each case is an invented text in the shape, the quotes' words and speakers."""

import pytest

from tests.extract.speakers import quoted_speakers


def test_a_speech_running_over_paragraphs_keeps_its_speaker_past_a_sentence_it_quotes():
    # The paragraph before a quote paragraph is itself the running speech: its last sentence
    # ("Jonas tells me she ...") introduces nobody.
    text = (
        "At the club dinner the captain, Mr Osric Pellow, spoke about the retiring groundsman, "
        "Mrs Wilhelmina Tarrant-Oyelaran. He said:\n\n"
        '"Good evening, all of you.\n\n'
        '"When Wilhelmina came here the pitch was a swamp. Jonas tells me she still walks '
        "the boundary every morning.\n\n"
        '"Some thanks are owed. To the tea ladies, who never once ran out of scones.\n\n'
        '"Wilhelmina, the square is yours for ever."'
    )
    assert quoted_speakers(text) == [
        ("Good evening, all of you.", "Osric Pellow"),
        (
            "When Wilhelmina came here the pitch was a swamp. Jonas tells me she still walks "
            "the boundary every morning.",
            "Osric Pellow",
        ),
        (
            "Some thanks are owed. To the tea ladies, who never once ran out of scones.",
            "Osric Pellow",
        ),
        ("Wilhelmina, the square is yours for ever.", "Osric Pellow"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the teacher the quote talks about is not whom "she told me" stands for
            "Marisol Quenby-Adeyemi learned to shear from her uncle and then from the best "
            'shearer in the valley, Ebenezer Colquitt. "Ebenezer never hurried a sheep. He '
            'would wait until it stopped fighting," she told me. "I copied him for ten years."',
            [
                (
                    "Ebenezer never hurried a sheep. He would wait until it stopped fighting,",
                    "Marisol Quenby-Adeyemi",
                ),
                ("I copied him for ten years.", "Marisol Quenby-Adeyemi"),
            ],
        ),
        (  # a named colleague the quote praises is not its speaker
            "Dr Hester Vangelder-Ruiz runs the seed bank. Her deputy is Bartholomew Achterberg. "
            '"Achterberg could run this place tomorrow," she said.',
            [("Achterberg could run this place tomorrow,", "Hester Vangelder-Ruiz")],
        ),
    ],
)
def test_a_person_the_quote_names_is_not_whom_the_pronoun_after_it_stands_for(text, expected):
    assert quoted_speakers(text) == expected
