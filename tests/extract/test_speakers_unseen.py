"""Speaker shapes met on articles the rules were not written from (issue 10): each an invented
sentence in the shape, the quote's words and the speaker's name expected."""

import pytest

from tests.extract.speakers import quoted_speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a modifier of the title before the name: "former", "acting"
            "Turnout fell in the valley. “Nobody knocked on a door this year,” said former "
            "Gov. Orla Penhallow of Dunmere.",
            [("Nobody knocked on a door this year,", "Orla Penhallow")],
        ),
        (
            "“The pumps will run all night,” said acting Commissioner Tobin Strale.",
            [("The pumps will run all night,", "Tobin Strale")],
        ),
    ],
)
def test_the_name_after_the_verb_past_a_title_and_its_modifier(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a report speaks for the body that published it
            "Rail delays doubled last winter, according to a report published on Tuesday by "
            "the Office of Rail Quality.\n\n“Passengers have been let down,” the report said.",
            [("Passengers have been let down,", "Office of Rail Quality")],
        ),
        (  # a statement for whoever said something in it
            "The Ostrava Glassworks said in a statement that it would rehire 40 staff.\n\n"
            "“We owe this town our jobs,” the statement said.",
            [("We owe this town our jobs,", "Ostrava Glassworks")],
        ),
        (  # a document its subject did not issue
            "Mayor Ilse Varga called the document a draft. “It is not final,” she said.\n\n"
            "The document states that “the tenant pays for repairs.”",
            [("It is not final,", "Ilse Varga"), ("the tenant pays for repairs.", None)],
        ),
        (  # a memo nobody signed or sent stays nobody's
            "A memo seen by the Gazette was sent to ward managers in May. The memo, which is "
            "unsigned, warned that “the wards cannot cope.”",
            [("the wards cannot cope.", None)],
        ),
    ],
)
def test_a_document_speaks_for_the_body_that_issued_it(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the first word of a company's name stands for it
            "Quillfeather Brands recalled two paints on Monday. The Hale Safety Office said it "
            "had found lead in both.\n\n“We are deeply sorry,” Quillfeather said.",
            [("We are deeply sorry,", "Quillfeather Brands")],
        ),
        (  # and "the company" after it is that company, not the office named between
            "Quillfeather Brands recalled two paints on Monday. The Hale Safety Office said it "
            "had found lead in both. Quillfeather said it would refund buyers.\n\n“We are "
            "deeply sorry,” the company said.",
            [("We are deeply sorry,", "Quillfeather Brands")],
        ),
        (  # not a word the article also writes in lower case
            "The Granite Workers Union met on Friday. Granite prices fell, and the Sorrel Mining "
            "Company cut jobs.\n\n“We will appeal,” the company said.",
            [("We will appeal,", "Sorrel Mining Company")],
        ),
    ],
)
def test_an_organisation_by_the_first_word_of_its_name(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an unnamed speaker known by an occupation is a group of that name
            "The depot ran short of drivers. A driver who asked not to be named said the "
            "buses were old.\n\n“Half of them fail their checks,” the driver said.",
            [("Half of them fail their checks,", "driver")],
        ),
        (  # the person named with it, when the name came with the occupation as a title
            "Firefighter Ola Brenn was first on the scene.\n\n“The roof went in minutes,” "
            "the firefighter said.",
            [("The roof went in minutes,", "Ola Brenn")],
        ),
        (  # or in apposition after the name
            "Ines Darrow, a senior nurse at the clinic, stayed late.\n\n“We ran out of beds,” "
            "the nurse said.",
            [("We ran out of beds,", "Ines Darrow")],
        ),
    ],
)
def test_a_speaker_known_by_an_occupation(text, expected):
    assert quoted_speakers(text) == expected


def test_a_name_in_apposition_after_an_occupation_is_the_speaker():
    text = (
        "Voters trust the mayor more than the council, “by a wide margin,” a survey by a "
        "respected local sociologist, Petra Holm, concluded this spring."
    )
    assert quoted_speakers(text) == [("by a wide margin,", "Petra Holm")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a partial quote inside the speaker's sentence, the verb at its end
            "Ferry fares rose again. “The cheapest crossing in the region,” as it was sold in "
            "2019, now costs twice as much, said Ona Lindqvist, who runs the harbour café.",
            [("The cheapest crossing in the region,", "Ona Lindqvist")],
        ),
        (
            "“Nobody planned for this,” at least not in the budget, says Tomas Reyes, a "
            "councillor in Brill.",
            [("Nobody planned for this,", "Tomas Reyes")],
        ),
        (  # no comma inside the marks
            "“They have no choice” but to cut the timetable, says Vera Okoro, a transport analyst.",
            [("They have no choice", "Vera Okoro")],
        ),
    ],
)
def test_the_verb_that_ends_the_quote_sentence(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the verb nearest the quote has a subject no actor is: the speaker's verb before it
            "Harvests fell by half. Mayor Ilse Varga said growers could notify the fund “within "
            "weeks, not months” if their papers were in order.",
            [("within weeks, not months", "Ilse Varga")],
        ),
        (
            "Harvests fell by half. A ministry official said growers could notify the fund "
            "“within weeks, not months” if their papers were in order.",
            [("within weeks, not months", "ministry official")],
        ),
    ],
)
def test_the_speaker_of_a_reported_clause_with_a_reporting_verb_of_its_own(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a phrase before the subject names someone else
            "The race tightened. In a swipe at rival Oskar Brandt, Mayor Ilse Varga vowed to "
            "make the city “whole again.”",
            [("whole again.", "Ilse Varga")],
        ),
        (
            "When asked about Oskar Brandt, Ilse Varga only smiled and called the plan “a "
            "fairy tale for adults.”",
            [("a fairy tale for adults.", "Ilse Varga")],
        ),
    ],
)
def test_the_subject_after_a_fronted_phrase(text, expected):
    assert quoted_speakers(text) == expected


def test_a_possessive_names_the_owner_not_the_subject():
    text = (
        "In early May, Ilse Varga’s housing adviser, Tomas Reyes, handed the builders a note: "
        "“We want this settled by June.”"
    )
    assert quoted_speakers(text) == [("We want this settled by June.", "Tomas Reyes")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "it" stands for the organisation a description named last
            "The Lakeside Water Trust was criticised by the Office of River Standards on Monday. "
            "The trust said it accepted the findings.\n\n“We apologise to every customer,” it "
            "said.",
            [("We apologise to every customer,", "Lakeside Water Trust")],
        ),
        (
            "The Office of River Standards criticised the Lakeside Water Trust on Monday. The "
            "trust said it accepted the findings. In a statement, it said “we apologise.”",
            [("we apologise.", "Lakeside Water Trust")],
        ),
    ],
)
def test_it_stands_for_the_organisation_described_last(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a description with a capitalised adjective
            "Kessler Brands cut 300 jobs on Monday, the Ulm Works Council said.\n\n“We are not "
            "leaving Ulm,” the German firm said.",
            [("We are not leaving Ulm,", "Kessler Brands")],
        ),
        (
            "Kessler Brands cut 300 jobs on Monday, the Ulm Works Council said. The Bavarian "
            "company said it would keep “every apprentice.”",
            [("every apprentice.", "Kessler Brands")],
        ),
    ],
)
def test_an_organisation_described_with_a_capitalised_adjective(text, expected):
    assert quoted_speakers(text) == expected


def test_the_group_may_be_any_kind_of_body():
    text = (
        "Kessler Brands recalled the kit. Playwell Safety Alliance, a charity, said the recall "
        "came late. “Children were hurt for months,” the group said."
    )
    assert quoted_speakers(text) == [("Children were hurt for months,", "Playwell Safety Alliance")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“Silly rules made by people who never skated,” scoffed Mira Tan, 22, who runs the "
            "club.",
            [("Silly rules made by people who never skated,", "Mira Tan")],
        ),
        (
            "“You will not be disappointed,” Mayor Ilse Varga assured the crowd.",
            [("You will not be disappointed,", "Ilse Varga")],
        ),
    ],
)
def test_more_reporting_verbs(text, expected):
    assert quoted_speakers(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ilse Varga, the mayor, visited the site. Said Varga, “The pier will open in June.”",
            [("The pier will open in June.", "Ilse Varga")],
        ),
        (
            "Ilse Varga, the mayor, visited the site.\n\nContinued Varga: “The pier will open "
            "in June.”",
            [("The pier will open in June.", "Ilse Varga")],
        ),
    ],
)
def test_the_verb_before_the_name(text, expected):
    assert quoted_speakers(text) == expected


def test_a_curly_quote_inside_a_straight_one_is_nested():
    text = (
        "Ilse Varga, the mayor, said:\n\n"
        '"The council is not about “Fair Play for All” anymore. It is about deals.\n\n'
        '"The latest example is the pier lease. I will stop it."'
    )
    assert quoted_speakers(text) == [
        ("The council is not about “Fair Play for All” anymore. It is about deals.", "Ilse Varga"),
        ("The latest example is the pier lease. I will stop it.", "Ilse Varga"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # relatives sharing a surname: "Mrs" and "Mr" pick the one of that sex
            "Arthur Quinn died in 2021. His son, Daniel Quinn, and his widow, Margaret Quinn, "
            "both claim the house.\n\n“My father promised it to me,” Mr Quinn told the court.\n\n"
            "“That is not true,” Mrs Quinn said.",
            [
                ("My father promised it to me,", "Daniel Quinn"),
                ("That is not true,", "Margaret Quinn"),
            ],
        ),
        (  # one of each: the title alone is enough
            "Ruth Abara and her husband, Samuel Abara, run the bakery.\n\n“We open at five,” "
            "Mr Abara said.",
            [("We open at five,", "Samuel Abara")],
        ),
    ],
)
def test_a_sexed_title_picks_among_people_sharing_a_surname(text, expected):
    assert quoted_speakers(text) == expected


def test_a_noun_like_claims_after_a_quote_is_no_reporting_verb():
    text = (
        "A former clerk testified that the firm's founder, Corwin Vale, told her to “fix the "
        "figures” on hundreds of Harbourcare claims."
    )
    assert quoted_speakers(text) == [("fix the figures", "Corwin Vale")]


def test_a_headline_quote_is_the_speaker_of_the_same_words_below():
    text = (
        "‘We heard them singing’: divers reach trapped miners\n\n"
        "Divers reached the two miners on Friday. “We swam for an hour. We heard them singing "
        "before we saw them,” said Ewan Tarrant, who led the team."
    )
    assert quoted_speakers(text) == [
        ("We heard them singing", "Ewan Tarrant"),
        ("We swam for an hour. We heard them singing before we saw them,", "Ewan Tarrant"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a rider described by nationality or age
            "Jonas Vik won the stage by 12 seconds.\n\n“I had good legs today,” the Norwegian "
            "said after the finish.",
            [("I had good legs today,", "Jonas Vik")],
        ),
        (
            "Jonas Vik won the stage by 12 seconds. “I had good legs today,” the 24-year-old said.",
            [("I had good legs today,", "Jonas Vik")],
        ),
        (  # several holders of an occupation: a group of that name
            "Researchers at the Halvard Institute tracked 40 reefs for a decade. “Recovery was "
            "faster where fishing was banned,” the researchers wrote.",
            [("Recovery was faster where fishing was banned,", "researchers")],
        ),
    ],
)
def test_a_speaker_described_not_named(text, expected):
    assert quoted_speakers(text) == expected


def test_a_titled_name_in_apposition_after_a_role_is_the_subject():
    text = (
        "The pier belongs to the Coastline Heritage Trust. Its chief executive, Dr Mira Holt, "
        "said the work had been “painstaking”."
    )
    assert quoted_speakers(text) == [("painstaking", "Mira Holt")]


def test_someone_who_speaks_for_a_named_body_is_a_group_of_that_name():
    text = (
        "A spokesperson for Quillon Glassworks, the region's largest employer, said the plant "
        "held orders for “about eighteen months”.\n\n“We have lived through slow years before,” "
        "the spokesperson said."
    )
    assert quoted_speakers(text) == [
        ("about eighteen months", "spokesperson for Quillon Glassworks"),
        ("We have lived through slow years before,", "spokesperson for Quillon Glassworks"),
    ]


def test_the_ministry_is_the_ministry_of_its_name():
    text = (
        "The Ministry of Canals reviewed the line. “Safety comes first,” the ministry said in a "
        "statement, adding that “no barges will run until May.”"
    )
    assert quoted_speakers(text) == [
        ("Safety comes first,", "Ministry of Canals"),
        ("no barges will run until May.", "Ministry of Canals"),
    ]
