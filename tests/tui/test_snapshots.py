"""Snapshots of the three panes on the bundled seeds (pytest-textual-snapshot). Regenerate with
`pytest tests/tui/test_snapshots.py --snapshot-update` after a deliberate change, and look."""

from __future__ import annotations

import pytest

from tests.tui.conftest import TODAY
from tui.app import ChronicleApp


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(
    "keys, size",
    [
        (["j", "j"], (120, 40)),
        (["2", "j"], (120, 40)),
        (["3", "j"], (120, 40)),
        (["j"], (80, 24)),
    ],
    ids=["timeline", "actors", "quotes", "timeline-narrow"],
)
def test_panes_on_the_seeds(snap_compare, seeds_db, keys, size):
    app = ChronicleApp(seeds_db, today=TODAY)
    assert snap_compare(app, press=keys, terminal_size=size, run_before=_settle)


async def _date_filtered(pilot) -> None:
    """The seeds under a date filter: the strip counts per day, the bar within / overlapping."""
    await _settle(pilot)
    keys = [{" ": "space", "-": "minus"}.get(c, c) for c in "2025-11-20 - 2025-11-26"]
    await pilot.press("d", *keys, "enter")
    await _settle(pilot)


@pytest.mark.parametrize(
    "size, run_before",
    [((80, 24), _settle), ((160, 45), _date_filtered)],
    ids=["80x24", "160x45-dates"],
)
def test_time_strip_on_the_seeds(snap_compare, seeds_db, size, run_before):
    app = ChronicleApp(seeds_db, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
