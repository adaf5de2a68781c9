"""Sentence spans at the edges of a block: trimmed of white space, never empty (speed work on
extract.segments.sentences must keep them so)."""

import pytest

from extract.model import Span
from extract.segments import sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  Rain fell. Roads closed.  ", [(2, 12), (13, 26)]),
        ("\t\n ", []),
        ("", []),
        ("Ferries halted!\u00a0\u00a0Docks shut.\u2028", [(0, 15), (17, 28)]),
        ("He asked: “Why?”  Nobody knew.", [(0, 16), (18, 30)]),
        ("Lights out…\nStreets dark.", [(0, 11), (12, 25)]),
        ("The end. ", [(0, 8)]),
    ],
)
def test_sentence_spans_are_trimmed(text, expected):
    assert sentences(text, Span(0, len(text))) == [Span(a, b) for a, b in expected]


def test_a_span_inside_a_longer_text():
    text = "Header line\n  Crews worked late.   Power returned. \nFooter"
    assert [s.of(text) for s in sentences(text, Span(12, 51))] == [
        "Crews worked late.",
        "Power returned.",
    ]
