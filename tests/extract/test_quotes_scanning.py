"""The quotation marks, reporting verbs and last words quotes.py reads without a regex (issues
9 and 10: speed) are the ones the patterns they stand for would find, in every paragraph span,
even cut in the middle of a doubled mark or a word. Invented sentences."""

import re

import pytest

from extract.model import Span
from extract.quotes import (
    _REPORTING_WORDS,
    _double_marks,
    _ends_with,
    _mark_positions,
    _reporting_at,
    _reporting_verbs,
    _single_marks,
)

# The patterns the scanners stand for.
DOUBLE_MARK = re.compile(r"“|”|\"|``|''")
SINGLE_MARK = re.compile(r"‘|’|'(?<!'')(?!')")
REPORTING = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_REPORTING_WORDS, key=len, reverse=True)) + r")\b"
)

TEXTS = [
    "“We sail at dawn,” said Oskar Brandt. ‘Not before,’ she replied.",
    "The crew's ''best'' week, ``so far'', ended on '''Friday''' in the ’90s.",
    "He called it \"a 'rough' crossing\" and laughed; rock ’n’ roll, the Jones' car.",
    "''\n``\n'''\n‘’\n\"\n",
    "'Tis the season, 'she said' -said unsaid said-so Said. Accusing them, he added",
]


def _spans(text: str) -> list[Span]:
    return [Span(s, e) for s in range(len(text) + 1) for e in range(s, len(text) + 1)]


def _in(positions: list[int], span: Span) -> list[int]:
    return [at for at in positions if span.start <= at < span.end]


@pytest.mark.parametrize("text", TEXTS)
def test_double_marks_are_those_of_the_pattern(text):
    positions = _mark_positions(text)
    for span in _spans(text):
        found = DOUBLE_MARK.finditer(text, span.start, span.end)
        expected = [(m.start(), m.group(), m.end()) for m in found]
        assert list(_double_marks(text, span, _in(positions, span))) == expected, span


@pytest.mark.parametrize("text", TEXTS)
def test_single_marks_are_those_of_the_pattern(text):
    positions = _mark_positions(text)
    for span in _spans(text):
        found = SINGLE_MARK.finditer(text, span.start, span.end)
        expected = [(m.start(), m.group()) for m in found]
        assert list(_single_marks(text, span, _in(positions, span))) == expected, span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("No marks at all.", []),
        ("“a” 'b' ``c''", [0, 2, 4, 6, 8, 9, 11, 12]),
    ],
)
def test_mark_positions(text, expected):
    assert _mark_positions(text) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_a_reporting_verb_is_one_the_pattern_matches(text):
    for span in _spans(text):
        found = _reporting_at(text, span.start, span.end)
        expected = REPORTING.match(text, span.start, span.end)
        assert (found and found.span()) == (expected and expected.span()), span


@pytest.mark.parametrize("text", TEXTS)
def test_the_reporting_verbs_are_those_the_pattern_finds(text):
    for span in _spans(text):
        found = [m.span() for m in _reporting_verbs(text, span.start, span.end)]
        assert found == [m.span() for m in REPORTING.finditer(text, span.start, span.end)], span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said the union", True),
        ("said the union\n", True),  # "$" finds the end before a final line break
        ("said the union\n\n", False),
        ("said the reunion", True),  # a word's end: the pattern around it decides the rest
        ("said the unions", False),
        ("said the union chief", False),
        ("", False),
    ],
)
def test_ends_with_is_where_a_pattern_ending_in_dollar_may_match(text, expected):
    words = ("union", "council")
    assert _ends_with(text, words, 0, len(text)) is expected
    pattern = re.compile(r"(?:union|council)$")
    assert (pattern.search(text) is not None) <= expected  # never a match it rules out
