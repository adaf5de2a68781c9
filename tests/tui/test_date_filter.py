"""The date filter's reading of free text into (since, until)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.screens.date_filter import interval_label, read_interval

TODAY = date(2025, 11, 25)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("since nov 20", (date(2025, 11, 20), None)),
        ("after nov 20", (date(2025, 11, 21), None)),
        ("until 2025-11-23", (None, date(2025, 11, 23))),
        ("before nov 23", (None, date(2025, 11, 22))),
        ("nov 20 - nov 23", (date(2025, 11, 20), date(2025, 11, 23))),
        ("between nov 20 and nov 23", (date(2025, 11, 20), date(2025, 11, 23))),
        ("2025-11-20 to 2025-11-23", (date(2025, 11, 20), date(2025, 11, 23))),
        ("last week of november 2025", (date(2025, 11, 24), date(2025, 11, 30))),
        ("late October 2025", (date(2025, 10, 21), date(2025, 10, 31))),
        ("November 2025", (date(2025, 11, 1), date(2025, 11, 30))),
    ],
)
def test_read_interval(text, expected):
    assert read_interval(text, today=TODAY) == expected


def test_unreadable_text_raises():
    with pytest.raises(ValueError):
        read_interval("blorp", today=TODAY)


@pytest.mark.parametrize(
    "interval, label",
    [
        ((date(2025, 11, 20), None), "since 20 Nov 2025"),
        ((None, date(2025, 11, 23)), "until 23 Nov 2025"),
        ((date(2025, 11, 20), date(2025, 11, 23)), "20 Nov 2025 – 23 Nov 2025"),
    ],
)
def test_interval_label(interval, label):
    assert interval_label(interval) == label
