"""Dates as people type them for --since and --until."""

from __future__ import annotations

from datetime import date

import pytest

from store import parse_span

TODAY = date(2025, 12, 3)
D = date.fromisoformat


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-11-20", ("2025-11-20", "2025-11-20")),
        ("since Nov 20", ("2025-11-20", "2025-11-20")),
        ("Nov 20 2025", ("2025-11-20", "2025-11-20")),
        ("20 November 2025", ("2025-11-20", "2025-11-20")),
        ("November 2025", ("2025-11-01", "2025-11-30")),
        ("February 2024", ("2024-02-01", "2024-02-29")),
        ("2023", ("2023-01-01", "2023-12-31")),
        ("last week of November 2025", ("2025-11-24", "2025-11-30")),
        ("first week of March 2024", ("2024-03-01", "2024-03-07")),
        ("early March 2024", ("2024-03-01", "2024-03-10")),
        ("mid-March 2024", ("2024-03-11", "2024-03-20")),
        ("late February 2023", ("2023-02-21", "2023-02-28")),
        ("yesterday", ("2025-12-02", "2025-12-02")),
        ("until 3 days ago", ("2025-11-30", "2025-11-30")),
    ],
)
def test_parse_span(text: str, expected: tuple[str, str]) -> None:
    assert parse_span(text, today=TODAY) == (D(expected[0]), D(expected[1]))


@pytest.mark.parametrize("text", ["", "soonish", "last week of Blursday", "31 February 2025x"])
def test_unreadable_dates_say_so(text: str) -> None:
    with pytest.raises(ValueError, match="cannot read the date"):
        parse_span(text, today=TODAY)
