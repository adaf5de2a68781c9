"""actors._PHRASE, which opens with a capital so that a search skips from capital to capital,
finds the runs of tokens that _TOKEN_PATTERN, tried at every start, finds."""

import re

import pytest

from extract import actors
from extract.segments import blocks

# The phrase as _TOKEN_PATTERN defines it: tokens and gaps, at a capital that does not run on
# from a word.
_REFERENCE = re.compile(
    rf"(?<![\w’'@#.-])(?=[{actors._UPPER}]){actors._TOKEN_PATTERN}"
    rf"(?:{actors._GAP}{actors._TOKEN_PATTERN})*"
)


def _reference_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Matches tried at every character from `start`, each going on after the last match."""
    spans, at = [], start
    while at < len(text):
        match = _REFERENCE.match(text, at)
        if match is None:
            at += 1
            continue
        spans.append(match.span())
        at = match.end()
    return spans


@pytest.mark.parametrize(
    "text",
    [
        "Mrs. Ilse Varga met Sen. Oren Quist and Gov. Teodor Brandt at Vell Corp. on Monday.",
        "Mr. and Mrs. Halloran left; Dr. Pim Ostrow stayed. Lt. Col. Anders Feo said so.",
        "The U.S. and the E.U. spoke, and J.K. Marlowe and H. W. Tennant wrote it down.",
        "Chow Mei-ling and Joon-ho Yeom met at the Sit-in Hall before the Run-up Cup.",
        "Niamh O'Dowd’s brother, Tariq al-Rashidi and Ibn Khaldoun Street were named.",
        "Kremlin-linked groups and US-backed forces met the Bank of the North in Ostby.",
        "Ludo van der Berg, Ana de la Cruz and Máire Ní Chonaill joined the Ossory & Pell Trust.",
        "@Halvor wrote to #Ostby, e-Mail.Brands and x.Corp before Élodie Ängström replied.",
        "the Okafors’ house, the Lindqvists' dogs, St. Ives and St Brannoc's Well",
        "Ben. Oake, Fen. Lorrow and Jr. Wilms; Sena. Oster and Gen.Tomas",
        "ÀÖ Ünal Şahin Ćosić Ĳssel AB.C. A. B. C.D.E.F. Q.",
    ],
)
def test_phrase_finds_what_tokens_tried_at_every_start_find(text):
    for start in range(len(text)):  # from any place, as _phrases searches each block
        found = [match.span() for match in actors._PHRASE.finditer(text, start)]
        assert found == _reference_spans(text, start)


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Harbour Minister Ilse Varga of the Ostby Growers Union met Vell Corp. staff.",
        "University of Tarnby Professor Oren Quist and Mayor Dean Halloran spoke in Ostby.",
        "Ana Lima, Niamh O'Dowd’s aide, joined the Bank of the North and Brill Foods Ltd.",
        "Ruth M. Bishop, Chow Mei-ling and Sen. Anders Feo read the Kellan Water Board report.",
        "The Danish Trade Minister told Kenyan Deputy Sports Minister Wambui Otieno to wait.",
    ],
)
def test_run_facts_are_what_the_placed_tokens_give(text):
    """A run's _RunFacts, read once in its phrase's own text, agree with the run's tokens as
    placed in the document (after other text, so that offsets differ): its segments, the end
    of an organisation's name and what _read_person_part makes of it."""
    text = "Some words before. " + text
    phrases = actors._phrases(text, blocks(text))
    assert any(len(phrase.tokens) > 1 for phrase in phrases)
    for phrase in phrases:
        assert phrase.facts is not None
        tokens = phrase.tokens
        segments = actors._given_name_first(tokens, actors._segments(text, tokens))
        assert phrase.facts.segments() == segments
        assert phrase.facts.plan() == actors._person_plan(text, tokens, [], segments)
        assert phrase.facts.org_end() == actors._org_end(tokens, text)


@pytest.mark.parametrize(
    "before",
    [
        "the board met, and then said ",
        "the board met, and then said\u00a0\t",
        "the board met, and then said \n",
        "the board met, and then said\n",
        "the board met, and then said \n\n",
        "it was left unsaid ",
        "she told ",
        "as the statement added  ",
        "said",
        "",
        "the regional carrier, ",
        "the regional carrier,\n",
        "the regional carrier, \n",
        "a small family-run bakery,\u00a0",
        "the bakery , ",
        "The ship's operator, ",
        "the carrier ",
    ],
)
def test_context_checks_agree_with_their_patterns(before):
    """_verb_before and _org_noun_before, which search only after a cheap look at the end of
    the text, find what their patterns find."""
    assert actors._verb_before(before) == (actors._VERB_BEFORE.search(before) is not None)
    text = before + "Ostby Growers, which said"
    start = len(before)
    found = actors._ORG_NOUN_BEFORE.search(text, max(0, start - 60), start) is not None
    assert actors._org_noun_before(text, start) == found


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Quist: We sailed at dawn.\nHost: And then?\nQuist: The wind turned.", {"Quist"}),
        ("\n  Marit: Yes.\n\tMarit:\tNo.\nMarit:no space", {"Marit"}),
        ("Intro line.\nOrla: One.\r\nOrla: Two.\nHost: Three.\nHost: Four.", {"Orla", "Host"}),
        ("Time: 10:30.\nTime: 11:00.", {"Time"}),
        ("No labels here: only a colon.", set()),
    ],
)
def test_speaker_labels_open_two_lines_or_more(text, labels):
    """The words that open two lines or more before a colon, the text's first line among them,
    that may be names."""
    assert actors._speaker_labels(text) == labels
