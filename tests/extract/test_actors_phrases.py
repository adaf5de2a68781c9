"""actors._PHRASE, which opens with a capital so that a search skips from capital to capital,
finds the runs of tokens that _TOKEN_PATTERN, tried at every start, finds."""

import re

import pytest

from extract import actors

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
