"""Extraction of pathological articles (thousands of quotes, dates, names; a sentence that never
ends; unbalanced quotation marks) takes time linear in the text: 200 KB in about 2 s at most.

Growth is asserted twice: by the Python calls one extraction makes (a count noise cannot move),
and by the best of three timings with generous slack, as the machine is shared and noisy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.attacks import Attack
from tests.hostile.attacks.extract import (
    ATTACKS,
    SHAPES,
    SIZES,
    article,
    calls,
    growth,
    scaling,
)

# Slack for a shared, noisy machine: 8 times the text in at most 16 times the time, and the
# 200 KB article in 3 s where the attack itself asks 2 s.
TIME_SLACK = 16.0
SECONDS_200KB = 3.0
# Function calls are exact: 8 times the text makes at most 10 times the calls (n log n, not n²).
CALL_SLACK = 10.0


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_work_of_an_extraction_grows_linearly(shape: str) -> None:
    small, large = (calls(article(shape, size).encode()) for size in (SIZES[0], SIZES[-1]))
    assert large <= CALL_SLACK * small, (shape, small, large)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_200_kb_pathological_article_is_extracted_in_seconds(shape: str) -> None:
    times = scaling(shape, (SIZES[0], SIZES[-1]), runs=3)
    assert times[-1][0] >= 195_000
    assert times[-1][1] <= SECONDS_200KB, times
    assert growth(times) <= TIME_SLACK, times


def test_the_quadratic_article_of_the_issue_is_read_in_two_seconds() -> None:
    """The article of issue 14: `'"a" ' * 50000`, which held the write lock past 120 s."""
    (_, seconds), *_ = scaling("quotes", (8,), runs=3)
    assert seconds <= SECONDS_200KB


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.__name__)
def test_attack_holds(attack: Attack, tmp_path: Path) -> None:
    """The attack's own bounds (2 s, 12x) are tight for a shared machine: it holds if one of three
    tries does. Quadratic work never does (it took 60 s and more before the fix)."""
    outcomes = []
    for attempt in range(3):
        outcomes.append(attack(tmp_path / str(attempt)))
        if outcomes[-1].held:
            break
    assert outcomes[-1].held, [o.detail for o in outcomes]
