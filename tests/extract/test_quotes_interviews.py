"""Speakers in interviews, live blogs and press-conference transcripts: quotes in a paragraph a
speaker label opens ("Quell:", "QUELL:", "MINISTER OKAFOR:", "Q:" / "A:"), quotes in the
timestamped entries of a live blog. Each case is an invented article in the shape, the quotes'
words and speakers (an unquoted answer is no quote: SCHEMA.md counts quoted words only)."""

import pytest

from tests.extract.speakers import quoted_speakers

# An interview labelled by surname, the outlet asking: a quoted answer is the interviewee's,
# a quote she reports inside her answer is its own speaker's.
_BY_SURNAME = (
    "The ice will not wait: a glaciologist on a shrinking glacier\n\n"
    "Marta Quell, a glaciologist at the Institute of Polar Studies in Tromhavn, has measured the "
    "Brenvald glacier every summer since 2004. She spoke to the Northern Courier about what the "
    "ice is telling her.\n\n"
    "The Northern Courier: When did you first notice the change?\n\n"
    "Quell: In 2011. My supervisor, Anders Fjellvik, walked up to the old survey stake with me "
    'and said, "This stake was under ten metres of ice when I was your age." I did not believe '
    "him.\n\n"
    "The Northern Courier: Will the glacier survive the century?\n\n"
    'Quell: "Not in any form we would recognise." We are measuring a funeral.\n\n'
    "The Northern Courier: And the village below it?\n\n"
    'Quell: "They have a plan. Nobody reads it."'
)

# A press conference transcript: capital labels with a title, questions from the floor.
_PRESS_CONFERENCE = (
    "The Minister for Agriculture, Adaeze Okafor-Brandt, held a press conference in Lagosport "
    "on Tuesday with the port director, Henrik Solvang.\n\n"
    "MINISTER OKAFOR-BRANDT: Good afternoon. The corridor reopens on Monday. I spoke to the "
    'port director this morning and he told me, "The cranes are ready."\n\n'
    "QUESTION: Minister, will the tariffs stay?\n\n"
    'MINISTER OKAFOR-BRANDT: "For this season, yes."\n\n'
    'DIRECTOR SOLVANG: "We can load twelve ships a day. Not more."\n\n'
    'QUESTION: "Is that enough?"\n\n'
    'MINISTER OKAFOR-BRANDT: "It has to be, and it will be."'
)

# Questions and answers labelled "Q:" and "A:": the answers are the person the intro
# introduces, the questions nobody's the text names.
_Q_AND_A = (
    "Beekeeping in the city: ten minutes with Oscar Lantermann\n\n"
    "Oscar Lantermann keeps forty hives on the roofs of Haldersby. We asked him about the "
    "year.\n\n"
    "Q: How was the honey this year?\n\n"
    'A: "Thin. The lime trees flowered late and the rain came on the same week."\n\n'
    'Q: "And the council, is it helping?"\n\n'
    'A: "They promised a meadow on the ring road two years ago."\n\n'
    "Q: What keeps you going?\n\n"
    'A: "The bees do not read the news."\n\n'
    'Q: The deputy mayor said the hives were "a danger to the public." Is he right?\n\n'
    'A: Every spring I tell the parks office, "Leave the dandelions." Nobody listens.'
)

# Bold labels as pages write them in Markdown, the interviewee by surname or full name.
_BOLD_LABELS = (
    "The ferry pilot Haldis Brenner, 61, retires this week after thirty years on the Kessel "
    "crossing. She spoke to us from the wheelhouse.\n\n"
    "**What was your worst crossing?**\n\n"
    '**Brenner:** "February 1998. The wind turned in the middle of the channel and we lost '
    'the ramp."\n\n'
    "**Who will take the wheel now?**\n\n"
    '**Haldis Brenner:** "Her name is Ingrid Solberg, and she is better than I was."'
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            _BY_SURNAME,
            [
                ("This stake was under ten metres of ice when I was your age.", "Anders Fjellvik"),
                ("Not in any form we would recognise.", "Marta Quell"),
                ("They have a plan. Nobody reads it.", "Marta Quell"),
            ],
        ),
        (
            _PRESS_CONFERENCE,
            [
                ("The cranes are ready.", "Henrik Solvang"),
                ("For this season, yes.", "Adaeze Okafor-Brandt"),
                ("We can load twelve ships a day. Not more.", "Henrik Solvang"),
                ("Is that enough?", None),
                ("It has to be, and it will be.", "Adaeze Okafor-Brandt"),
            ],
        ),
        (
            _Q_AND_A,
            [
                (
                    "Thin. The lime trees flowered late and the rain came on the same week.",
                    "Oscar Lantermann",
                ),
                ("And the council, is it helping?", None),
                ("They promised a meadow on the ring road two years ago.", "Oscar Lantermann"),
                ("The bees do not read the news.", "Oscar Lantermann"),
                ("a danger to the public.", "deputy mayor"),
                ("Leave the dandelions.", "Oscar Lantermann"),  # "I" in an answer
            ],
        ),
        (
            _BOLD_LABELS,
            [
                (
                    "February 1998. The wind turned in the middle of the channel and we lost "
                    "the ramp.",
                    "Haldis Brenner",
                ),
                ("Her name is Ingrid Solberg, and she is better than I was.", "Haldis Brenner"),
            ],
        ),
    ],
    ids=["surname labels", "press conference", "q and a", "bold labels"],
)
def test_a_quote_in_a_labelled_turn_is_the_label_s_speaker(text, expected):
    assert quoted_speakers(text) == expected


def test_a_label_that_opens_one_paragraph_only_is_no_transcript():
    # One paragraph that opens with a name and a colon is a heading of sorts, not a turn: the
    # quote after it keeps its own attribution.
    text = (
        "Ilse Marwick chairs the allotment society; her deputy is Tom Haverley.\n\n"
        "Marwick: the name on every seed packet in the shed. “We grow what the soil wants,” "
        "Haverley said."
    )
    assert quoted_speakers(text) == [("We grow what the soil wants,", "Tom Haverley")]


# A live blog: timestamped entries, each its own little story.
_LIVE_BLOG = (
    "Harbour strike live: talks resume in Keldmouth\n\n"
    "09:12 GMT\n\n"
    "Union leader Brigitte Osterhaus arrived at the talks shortly after nine. “We are here to "
    "settle, not to posture,” she told waiting reporters.\n\n"
    "09:40 GMT\n\n"
    "“The offer on the table is the best this port can afford.”\n\n"
    "That was the port's chief executive, Magnus Treloar, speaking on local radio a few minutes "
    "ago.\n\n"
    "10:05 GMT\n\n"
    "Dockers on the picket line are in good spirits. Marit Solheim-Dahl, a crane driver for "
    "twenty years, said: “We have done this before and we will do it again.”\n\n"
    "Updated 10:30 GMT\n\n"
    "Ferries are still crossing. “We are full every sailing,” one of the ticket clerks told "
    "us.\n\n"
    "10:52 GMT\n\n"
    "The mayor of Keldmouth, Jonas Brekkestad, has just spoken to reporters outside the town "
    "hall:\n\n"
    "“Nobody in this town wants the port closed for a day longer than it has to be.”\n\n"
    "11.15am\n\n"
    "The harbour master has posted an update:\n\n"
    "The outer basin stays closed to all traffic until further notice.\n"
    "— Hilde Varangen (@hvarangen) March 3, 2026\n\n"
    "11.40am\n\n"
    "Osterhaus has left the talks for lunch. Asked whether a deal was close, she said: “Closer "
    "than this morning.”"
)


def test_a_live_blog_s_quotes_are_attributed_within_their_entry():
    assert quoted_speakers(_LIVE_BLOG) == [
        ("We are here to settle, not to posture,", "Brigitte Osterhaus"),
        ("The offer on the table is the best this port can afford.", "Magnus Treloar"),
        ("We have done this before and we will do it again.", "Marit Solheim-Dahl"),
        ("We are full every sailing,", None),  # not the crane driver of the entry before
        (
            "Nobody in this town wants the port closed for a day longer than it has to be.",
            "Jonas Brekkestad",
        ),
        ("The outer basin stays closed to all traffic until further notice.", "Hilde Varangen"),
        ("Closer than this morning.", "Brigitte Osterhaus"),
    ]


def test_a_pronoun_in_a_live_blog_entry_stands_for_a_person_of_that_entry():
    # The entry before names a woman; this one names none, only the harbour master.
    text = (
        "Harbour strike live\n\n"
        "10:05\n\n"
        "Marit Solheim-Dahl, a crane driver for twenty years, said: “We have done this before "
        "and we will do it again.”\n\n"
        "10:30\n\n"
        "The harbour master has closed the outer basin to traffic. “No ship moves until the "
        "talks end,” she said.\n\n"
        "10:45\n\n"
        "Treloar spoke to the ferry captains. Later Ingrid Vasshus, the transport secretary, "
        "joined them. “Both sides must give a little,” she said."
    )
    speakers = quoted_speakers(text)
    assert speakers[1][1] != "Marit Solheim-Dahl"
    assert speakers[2] == ("Both sides must give a little,", "Ingrid Vasshus")


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the person the question names is not whom the pronoun after it stands for
            "The Minister for Agriculture, Adaeze Okafor-Brandt, spoke after the cabinet "
            "meeting on Tuesday.\n\n"
            "Asked whether Ingrid Vasshus had called her about the strike, she said: “Twice, "
            "and both times at midnight.”",
            [("Twice, and both times at midnight.", "Adaeze Okafor-Brandt")],
        ),
        (
            "The port director, Henrik Solvang, took questions from the floor. When asked "
            "about his deputy, Tomas Berglund, he said he had “no complaints at all.”",
            [("no complaints at all.", "Henrik Solvang")],
        ),
        (  # the name after the question is the speaker's
            "Asked whether the port would reopen, Henrik Solvang said: “By Friday.”",
            [("By Friday.", "Henrik Solvang")],
        ),
    ],
)
def test_asked_whether_x_the_pronoun_after_the_question_is_the_one_asked(text, expected):
    assert quoted_speakers(text) == expected


def test_a_live_blog_entry_s_heading_quote_echoes_a_quote_of_its_entry():
    text = (
        "Bridge closure live: traffic diverted through Holmvik\n\n"
        "09:30\n\n"
        "The bridge has been shut since Sunday. Engineers found cracks in two of its piers.\n\n"
        "10:15\n\n"
        "Drivers face long queues at the ferry terminal. “We waited two hours,” said Sigrid "
        "Aalen, a nurse on her way to the hospital.\n\n"
        "11:05\n\n"
        "Minister: ‘The bridge will reopen on Monday’\n\n"
        "The transport minister, Olav Rindal, has posted on social media:\n\n"
        "Crews worked through the night. The bridge will reopen on Monday morning, as "
        "promised.\n"
        "— Olav Rindal (@olavrindal) May 4, 2026"
    )
    assert quoted_speakers(text) == [
        ("We waited two hours,", "Sigrid Aalen"),
        ("The bridge will reopen on Monday", "Olav Rindal"),
        (
            "Crews worked through the night. The bridge will reopen on Monday morning, as "
            "promised.",
            "Olav Rindal",
        ),
    ]


def test_an_interview_s_headline_quote_echoes_an_answer():
    # The answer is not quoted: only the headline quotes it, and only the transcript says whose.
    text = (
        "‘A glacier is a slow river’: the glaciologist who has measured forty summers of ice\n\n"
        "Marta Quell has measured the Brenvald glacier every summer since 1986. She spoke to "
        "the Northern Courier.\n\n"
        "Courier: What is a glacier, to you?\n\n"
        "Quell: People think it is a block of ice. A glacier is a slow river, and rivers carry "
        "things away.\n\n"
        "Courier: What will it carry away next?\n\n"
        "Quell: The road to the village, in about ten years."
    )
    assert quoted_speakers(text) == [("A glacier is a slow river", "Marta Quell")]


def test_words_an_answer_reports_are_their_writer_s_not_the_interviewee_s():
    text = (
        "Hanne Vollrath ran the Skarby lighthouse museum for forty years. She spoke to Tomas "
        "Erlend.\n\n"
        'Erlend: Reviewers were harsh. Bruno Calloway called your first show "a cupboard of '
        'lamps."\n\n'
        "Vollrath: He had a point. Calloway and I quarrelled for years. Years later he posted "
        'me a letter which said, "My review was unfair to your lamps." It hangs in my office.\n\n'
        "Erlend: What happens to the collection?\n\n"
        'Vollrath: Most of it goes to the town. I told my deputy last month, "Keep the lamps '
        'lit."'
    )
    assert quoted_speakers(text) == [
        ("a cupboard of lamps.", "Bruno Calloway"),
        ("My review was unfair to your lamps.", "Bruno Calloway"),
        ("Keep the lamps lit.", "Hanne Vollrath"),
    ]


def test_a_quote_paragraph_after_a_person_s_reaction_is_that_person_s():
    """A profile: the paragraph before quotes someone else, then ends on its subject reacting;
    the quote paragraph that follows is the subject's, not the quoted critic's."""
    text = (
        "Ilona Varga has repaired clocks in the same narrow shop for fifty years.\n\n"
        '"I learned slowly," she told me.\n\n'
        'The dealer Piet Oosterhuis, who sells her clocks, says they "argue with the sun". '
        "Told of this, Varga smiles and shakes her head.\n\n"
        '"Piet is too kind. What he means is that they are honest."'
    )
    assert quoted_speakers(text) == [
        ("I learned slowly,", "Ilona Varga"),
        ("argue with the sun", "Piet Oosterhuis"),
        ("Piet is too kind. What he means is that they are honest.", "Ilona Varga"),
    ]
