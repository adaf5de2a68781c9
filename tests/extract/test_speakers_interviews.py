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


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "Mr X, she said later, …": the pronoun is the verb's subject, X what she spoke of
            "Philomena Oduya-Hart trained under the blacksmith Cornelius Webbe. Mr Webbe, she "
            'said later, "never praised a horseshoe in his life."',
            [("never praised a horseshoe in his life.", "Philomena Oduya-Hart")],
        ),
        (
            "Councillor Ambrose Tillinghast chaired the flood meeting with the clerk, Ms Rowena "
            'Petrakis-Lowe. The clerk, he said afterwards, "had every culvert on a map."',
            [("had every culvert on a map.", "Ambrose Tillinghast")],
        ),
    ],
)
def test_a_pronoun_right_before_the_verb_is_its_subject_not_the_name_before_it(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an organisation's relative clause: ", which said … that “…”"
            "Seed can be ordered from the growers' union, the Kestrel Valley Grain Cooperative, "
            'which said in its winter letter that it would "favour old varieties over yield."',
            [("favour old varieties over yield.", "Kestrel Valley Grain Cooperative")],
        ),
        (  # a person's: ", who told the inquiry that “…”"
            "The pumps were checked by the engineer Oswin Farrant-Leigh, who told the inquiry "
            'that the valves had been "rusted shut for a decade."',
            [("rusted shut for a decade.", "Oswin Farrant-Leigh")],
        ),
    ],
)
def test_the_subject_of_a_relative_clause_that_reports_is_the_name_before_it(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a man's given name: "she" is not Bertram
            "The orchard belongs to Henrietta Quayle-Bryce. Her neighbour, Bertram Okonjo, "
            "grows pears on the next hill.\n\n"
            "“We share the ladders and argue about the wasps,” she said.",
            [("We share the ladders and argue about the wasps,", "Henrietta Quayle-Bryce")],
        ),
        (  # the subject of a sentence before, over a nearer name that is no subject
            "Margaret Castellví-Matu was born in Pellmoor to Edmund Arkwright, a ferryman, and "
            "Lisbet Arkwright, who kept bees. At twelve she was sent away to a boarding school "
            "on the coast. “I hated every day of it,” she said.",
            [("I hated every day of it,", "Margaret Castellví-Matu")],
        ),
        (  # the subject of a second main clause (", and Ferrow checked …") is a subject too
            "Interviewer: Who taught you to draw?\n\n"
            "Dunmore-Achebe: My uncle, at first. Then I went to study with Henry Ferrow, and "
            "Ferrow checked everything. The first day he took my sketch and said, “Lines first, "
            "colour never.”\n\n"
            "Interviewer: Did you listen?\n\n"
            "Dunmore-Achebe: For ten years.",
            [("Lines first, colour never.", "Henry Ferrow")],
        ),
    ],
)
def test_a_pronoun_stands_for_a_person_of_its_sex_and_a_recent_subject(text, expected):
    assert quoted_speakers(text) == expected


def test_a_quote_paragraph_after_a_paragraph_about_a_person_is_hers():
    # The paragraph before quotes nobody and ends on what she does; the last speaker (Ruaridh)
    # spoke two paragraphs earlier.
    text = (
        "“The ewes come first,” said Ruaridh Penhallow, the shepherd, at the gate.\n\n"
        "Everyone at the show asks Constance Abernethy-Oyo why she still keeps the old breed. "
        "Her reply takes a while, and she gives it while trimming a hoof.\n\n"
        "“Because they know the hill better than I do. They find water in a drought and "
        "shelter in a storm, and the new breeds do not.”"
    )
    assert quoted_speakers(text) == [
        ("The ewes come first,", "Ruaridh Penhallow"),
        (
            "Because they know the hill better than I do. They find water in a drought and "
            "shelter in a storm, and the new breeds do not.",
            "Constance Abernethy-Oyo",
        ),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "I" in a transcript's answer is the person the answer is labelled with
            "The beekeeper Rosalind Achterberg-Nwachukwu spoke to our reporter, Fintan "
            "Oyelowo.\n\n"
            "Oyelowo: Who helps you now?\n\n"
            "Achterberg-Nwachukwu: My nephew, Emeka Obi, since last spring. The first time he "
            "opened a hive alone I told him, “Slow hands, or no hands.” He has not been stung "
            "since.\n\n"
            "Oyelowo: Will he take over?\n\n"
            "Achterberg-Nwachukwu: If the bees agree.",
            [("Slow hands, or no hands.", "Rosalind Achterberg-Nwachukwu")],
        ),
        (  # "I" in a quote is its speaker, and so is a quote "I" reports inside it
            "“When the river rose in March I said to the council, ‘Open the sluices now,’ and "
            "nobody listened,” said Gwendolyn Frobisher-Amadi, who farms the water meadows.",
            [
                (
                    "When the river rose in March I said to the council, ‘Open the sluices now,’ "
                    "and nobody listened,",
                    "Gwendolyn Frobisher-Amadi",
                ),
                ("Open the sluices now,", "Gwendolyn Frobisher-Amadi"),
            ],
        ),
    ],
)
def test_i_is_the_speaker_of_the_words_it_stands_in(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a headline: the quote, a colon, the person and what she talks about
            "“Nobody reads the soil any more”: Margaret Mbeki-Lindqvist on fifty harvests\n\n"
            "Margaret Mbeki-Lindqvist has farmed the same forty acres since 1976.",
            [("Nobody reads the soil any more", "Margaret Mbeki-Lindqvist")],
        ),
        (
            "“The keeper saved us”: Thaddeus Okonkwo-Berg about the cup run\n\n"
            "Thaddeus Okonkwo-Berg coached the side for nine seasons.",
            [("The keeper saved us", "Thaddeus Okonkwo-Berg")],
        ),
    ],
)
def test_a_quote_before_a_colon_and_a_person_on_a_topic_is_that_person_s(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "her family": the family of the person the pronoun stands for
            "The climber Ingeborg Halvorsen-Mensah died on the north face in 2019. Her family "
            'said that the ridge "was the one place she never complained about."',
            [
                (
                    "was the one place she never complained about.",
                    "Ingeborg Halvorsen-Mensah's family",
                )
            ],
        ),
        (  # a named owner
            "Fergus Adeyemi-Lowther was cleared on Friday. “He never doubted the verdict,” "
            "Fergus Adeyemi-Lowther's lawyers said.",
            [("He never doubted the verdict,", "Fergus Adeyemi-Lowther's lawyers")],
        ),
    ],
)
def test_a_person_s_family_or_lawyers_speak_as_a_group_named_after_the_person(text, expected):
    assert quoted_speakers(text) == expected


def test_a_name_only_ever_used_as_a_place_is_no_antecedent():
    # "Rosa Alta" is named twice, each time as a place ("in", "the town of"): "her" in "Her
    # family" stands for the woman, not for it.
    text = (
        "Margaret Oyelaran-Voss painted the harbour walls of the town of Rosa Alta for thirty "
        "years. She died in Rosa Alta on 4 May 2022. Her family asked that mourners "
        '"walk along the harbour and look up."'
    )
    assert quoted_speakers(text) == [
        ("walk along the harbour and look up.", "Margaret Oyelaran-Voss's family")
    ]


def test_unattributed_paragraphs_of_a_questioning_take_turns():
    # A cross-examination: after a question and its answer, quote paragraphs with no
    # attribution alternate between the one who asks and the one who answers, while a question
    # is asked or answered.
    text = (
        "At the planning inquiry, counsel Desmond Ashcroft-Bello questioned the developer, "
        "Ottilie Brandvold.\n\n"
        "“You knew the field flooded every winter, didn’t you?” Ashcroft-Bello asked.\n\n"
        "“I did,” she said.\n\n"
        "“And you built there anyway?”\n\n"
        "“Yes.”\n\n"
        "“So the buyers were never told?”\n\n"
        "Brandvold looked at the panel and did not answer."
    )
    assert quoted_speakers(text) == [
        ("You knew the field flooded every winter, didn’t you?", "Desmond Ashcroft-Bello"),
        ("I did,", "Ottilie Brandvold"),
        ("And you built there anyway?", "Desmond Ashcroft-Bello"),
        ("Yes.", "Ottilie Brandvold"),
        ("So the buyers were never told?", "Desmond Ashcroft-Bello"),
    ]


def test_an_answer_running_over_two_paragraphs_is_one_voice():
    text = (
        "“Will the mill reopen?” the reporter Anand Okafor-Lind asked the owner, Greta "
        "Solheim-Baptiste.\n\n"
        "“Not this year,” Solheim-Baptiste said.\n\n"
        "“We need a new turbine first, and the river board has not answered our letters.”"
    )
    assert quoted_speakers(text) == [
        ("Will the mill reopen?", "Anand Okafor-Lind"),
        ("Not this year,", "Greta Solheim-Baptiste"),
        (
            "We need a new turbine first, and the river board has not answered our letters.",
            "Greta Solheim-Baptiste",
        ),
    ]


def test_you_after_a_name_called_out_is_that_person():
    # A speech that calls someone by name: "X, you once told me '…'" reports X's words.
    text = (
        "At the farewell for the head gardener, Margaret Holloway-Nnamdi, her deputy Ewan "
        "Tollemache spoke first.\n\n"
        "“Margaret, you once told me that a hedge is ‘a promise you keep for forty years.’ "
        "You kept it,” Tollemache said."
    )
    assert quoted_speakers(text) == [
        (
            "Margaret, you once told me that a hedge is ‘a promise you keep for forty years.’ "
            "You kept it,",
            "Ewan Tollemache",
        ),
        ("a promise you keep for forty years.", "Margaret Holloway-Nnamdi"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the person a role names, not the person the role serves
            "The mayor, Isolde Brannigan-Oke, lost the vote. “It was a long night,” said "
            "Brannigan-Oke adviser Tobias Achterberg.",
            [("It was a long night,", "Tobias Achterberg")],
        ),
        (
            "“The dredging starts in May,” said former Ravensworth Harbour chairman Leopold "
            "Ffoulkes-Ama.",
            [("The dredging starts in May,", "Leopold Ffoulkes-Ama")],
        ),
    ],
)
def test_the_name_after_a_role_is_the_speaker_not_the_name_the_role_belongs_to(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an unnamed person described at length, then "she said"
            "The ward was quiet on Sunday. A nurse in her fifties, who has worked nights at the "
            "hospital since 1998 and asked not to be named, described the winter as the worst "
            "she could remember. “We ran out of beds by eight in the evening,” she said.",
            [("We ran out of beds by eight in the evening,", "nurse")],
        ),
        (  # after a named person: the description is the nearer antecedent
            "Dr Alistair Mbeki-Rowe chairs the water board. A farmer who has worked the hill "
            "above the reservoir for thirty years says the springs are lower than ever. “The "
            "well ran dry in November and nobody came,” he said.",
            [("The well ran dry in November and nobody came,", "farmer")],
        ),
        (  # the description's sex must be the pronoun's
            "Dr Alistair Mbeki-Rowe chairs the trust. A woman who sells flowers by the gate "
            "waved at him. “He never buys any,” he said.",
            [("He never buys any,", "Alistair Mbeki-Rowe")],
        ),
    ],
)
def test_a_pronoun_may_stand_for_an_unnamed_person_described_before_it(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a place, an organisation or a person describing the speaker, then the speaker
            "Prices fell again. “We cannot sell below cost,” said Dunmore resident Hollis "
            "Achterberg-Obi.",
            [("We cannot sell below cost,", "Hollis Achterberg-Obi")],
        ),
        (
            "Mayor Ingrid Tallow-Nwosu lost her seat. “It was the bins,” said Tallow-Nwosu "
            "campaign volunteer Rupert Fenwick.",
            [("It was the bins,", "Rupert Fenwick")],
        ),
        (  # a person named later in the clause is no speaker when a verb stands between
            "“We will see what the spring brings,” said Greta Lindholm-Achebe when she met "
            "Rupert Fenwick.",
            [("We will see what the spring brings,", "Greta Lindholm-Achebe")],
        ),
    ],
)
def test_after_the_verb_the_name_that_ends_a_description_is_the_speaker(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "Her crew is X, Y and Z": the pronoun after the list is whom "Her" stands for
            "Captain Sunniva Oyelaran-Holt has sailed the ferry for twenty years.\n\n"
            "Her crew is three people: the mate Ragnar Eidsvik, two deckhands, Mikkel Aas and "
            "Sol Jin-woo, and a cook everyone calls Bosse. Eidsvik has been with her since "
            "2009. “Ragnar could take the wheel tomorrow,” she said.\n\n"
            "At the end of the crossing she walks me to the gangway. “Come back in summer,” "
            "she says.",
            [
                ("Ragnar could take the wheel tomorrow,", "Sunniva Oyelaran-Holt"),
                ("Come back in summer,", "Sunniva Oyelaran-Holt"),
            ],
        ),
        (  # a person the pronoun's paragraph names first stays its antecedent: no subject of
            # an earlier paragraph is preferred to her
            "Judge Harriet Okafor-Lindqvist warned the gallery twice.\n\n"
            "On cross-examination, counsel Bertram Achterberg pressed the witness Wilhelmina "
            "Tresize on why she had stayed. “I needed the job,” she said.",
            [("I needed the job,", "Wilhelmina Tresize")],
        ),
        (  # the subject of the verb after a quote is a subject
            "The hall was full. “The wall is a lie,” Mr Peter Achterberg said, and mocked the "
            "plan of Thomas Webbe. “It is a joke,” he said.",
            [("The wall is a lie,", "Peter Achterberg"), ("It is a joke,", "Peter Achterberg")],
        ),
        (  # and so is the subject after a participle phrase that opens the sentence
            "Repeating his speech from the spring, Peter Achterberg mocked the plan of Thomas "
            "Webbe. “It is a joke,” he said.",
            [("It is a joke,", "Peter Achterberg")],
        ),
    ],
)
def test_a_pronoun_follows_the_subjects_and_pronouns_before_it(text, expected):
    assert quoted_speakers(text) == expected


def test_an_unnamed_person_described_as_the_subject_frames_the_quote():
    text = (
        "The county ambulance service missed its targets again in June.\n\n"
        "A paramedic who has worked in the county for twelve years, and who asked not to be "
        "named, described the waits outside the hospital as “a slow disaster.”"
    )
    assert quoted_speakers(text) == [("a slow disaster.", "paramedic")]


def test_a_relative_the_speaker_names_in_her_own_words_reports_the_quote_in_them():
    # Inside Agnes's words, "He always told me, ‘…’" stands for "My father", the man named
    # later as her father.
    text = (
        "Agnes Holloway-Osei still runs the mill on the Carrow.\n\n"
        "“My father ran it until 1990. He always told me, ‘Never trust a dry summer.’ I still "
        "don't,” she said.\n\n"
        "Her father, Thomas Holloway, built the mill in 1958."
    )
    assert quoted_speakers(text) == [
        (
            "My father ran it until 1990. He always told me, ‘Never trust a dry summer.’ I still "
            "don't,",
            "Agnes Holloway-Osei",
        ),
        ("Never trust a dry summer.", "Thomas Holloway"),
    ]


def test_a_relative_named_with_an_honorific_after_the_kinship_word_is_that_relative():
    # "Mrs Achebe" is named first, then "her mother, Mrs Grace Achebe": the kinship still counts.
    text = (
        "Mrs Grace Achebe opened the shop in 1971. Ngozi Achebe-Lund sings now.\n\n"
        "“My mother sang all day. When I was nine she told me, ‘Sing the weather and make "
        "them cry.’ I still try,” said Achebe-Lund.\n\n"
        "Her mother, Mrs Grace Achebe, still runs the shop."
    )
    assert quoted_speakers(text)[1] == ("Sing the weather and make them cry.", "Grace Achebe")
