"""Pure presentation helpers: cells, wrapping, month groups, evidence and filter chips."""

from __future__ import annotations

from datetime import date

import pytest

from extract.model import Citation, Span
from store import Filter
from tui.format import boundaries, change_summary, describe, evidence, fit, groups, wrap


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("Kyiv", 6, "Kyiv  "),
        ("Kyiv talks", 6, "Kyiv… "),
        ("talks", 5, "talks"),
        ("日本語", 4, "日… "),
        ("anything", 0, ""),
    ],
)
def test_fit_pads_or_cuts_with_an_ellipsis(text, width, expected):
    assert fit(text, width) == expected


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("one two three", 20, ["one two three       "]),
        ("one two three four", 9, ["one two  ", "three fo…"]),
        ("averyveryverylongword", 6, ["avery…"]),
    ],
)
def test_wrap_breaks_at_spaces_into_at_most_two_lines(text, width, expected):
    assert wrap(text, width, lines=2) == expected


def test_boundaries_find_each_run_of_a_monotone_key():
    months = [1, 1, 1, 2, 5, 5, 5, 5, 9]
    assert boundaries(len(months), months.__getitem__) == [(0, 1), (3, 2), (4, 5), (8, 9)]
    assert boundaries(0, months.__getitem__) == []


@pytest.mark.parametrize(
    "positions, expected",
    [
        (range(9), [(0, 1), (3, 2), (4, 5), (8, 9)]),
        ([1, 5, 6], [(0, 1), (1, 5)]),  # month 2 has no match: dropped
        ([3, 8], [(0, 2), (1, 9)]),
        ([], []),
    ],
)
def test_groups_place_runs_in_filtered_results(positions, expected):
    runs = [(0, 1), (3, 2), (4, 5), (8, 9)]
    assert groups(positions, runs) == expected


def test_evidence_is_the_paragraph_around_the_span_made_printable():
    text = "Title\nBefore \x1b[31mthe cited words\x1b[0m after.\nNext paragraph."
    start = text.index("the cited")
    found = evidence(text, Citation("d1", Span(start, start + 15), "the cited words"))
    assert (found.before, found.cited, found.after, found.line) == (
        "Before ",
        "the cited words",
        " after.",
        2,
    )


def test_filter_chips_name_each_active_filter():
    where = Filter(
        actors=frozenset({"a1"}),
        since=date(2025, 11, 20),
        text="talks",
        documents=frozenset({"d2"}),
    )
    chips = describe(where, {"a1": "Marco Rubio"}.__getitem__, {"d2": "Reuters"}.__getitem__)
    assert chips == [
        ("actors", "actor: Marco Rubio"),
        ("dates", "since 20 Nov 2025"),
        ("text", "“talks”"),
        ("documents", "source: Reuters"),
    ]


@pytest.mark.parametrize(
    "after, new, expected",
    [
        (
            {"events": 13, "quotes": 5, "actors": 4},
            {"d1": "a", "d2": "b"},
            "+3 events, +1 quote from 1 new article",
        ),
        ({"events": 8, "quotes": 4, "actors": 3}, {}, "−2 events, −1 actor from 1 removed article"),
        (
            {"events": 10, "quotes": 4, "actors": 4},
            {"d1": "c"},
            "nothing new from 1 updated article",
        ),
        ({"events": 10, "quotes": 4, "actors": 4}, {"d1": "a"}, ""),
    ],
)
def test_a_write_from_elsewhere_is_summed_up_in_one_line(after, new, expected):
    before = {"events": 10, "quotes": 4, "actors": 4}
    assert change_summary(before, after, {"d1": "a"}, new) == expected
