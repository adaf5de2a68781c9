"""The labels of link and credit lines are a word list (lang/en/link_labels.txt), read into one
pattern by vocabulary.phrase_alternation."""

import re

import pytest

from extract.boilerplate import noise_spans
from extract.vocabulary import phrase_alternation


def test_phrase_alternation_spaces_words_and_either_apostrophe():
    alternation = phrase_alternation(["pick", "chef's pick", "top picks"])
    pattern = re.compile(rf"(?:{alternation})$")
    assert pattern.match("chef’s pick") and pattern.match("chef's \t pick")
    assert pattern.match("top\npicks") and pattern.match("pick")
    assert not pattern.match("chefs pick") and not pattern.match("toppicks")
    dotted = re.compile(phrase_alternation(["a.b", "a.b c", "c"]))
    assert not dotted.fullmatch("axb") and dotted.fullmatch("a.b")  # each character itself
    assert dotted.match("a.b c").group() == "a.b c"  # the longer phrase wins


@pytest.mark.parametrize(
    "line, noise",
    [
        ("Related coverage: Harbour ferries return", True),
        ("EDITOR’S PICKS | Ten walks by the canal", True),
        ("Originally   published on: the Valley Gazette", True),
        ("Photographs: Ines Varga", True),
        ("Filed under - Transport", True),
        ("Related to the ferries, the council met on Tuesday to vote on the new timetable.", False),
        ("Watchmakers: a trade in decline", False),
    ],
)
def test_labelled_lines_are_noise(line, noise):
    text = f"Ferries return to the harbour after a winter of repairs, the operator said.\n{line}\n"
    assert bool(noise_spans(text)) is noise
