"""Full garbage collections wait for a pause in the reader's input, never a keystroke's answer;
the collector's settings are given back when the browser closes."""

from __future__ import annotations

import gc

from tui.collector import IDLE


async def test_full_collections_run_in_pauses_not_while_keys_come(drive, strike_db):
    thresholds = gc.get_threshold()
    full_passes: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full_passes.append(1)

    gc.callbacks.append(count)
    try:
        async with drive(strike_db) as ui:
            await ui.pilot.pause(IDLE * 2)  # whatever the load left is collected now
            full_passes.clear()
            kept: list[list] = []  # as rendered lines kept in caches: they reach the old generation
            for n in range(30):
                kept.extend([[n] for _ in range(20_000)])
                await ui.pilot.press("j" if n % 2 else "k")
            during_keys = len(full_passes)
            await ui.pilot.pause(IDLE * 2)
            after_pause = len(full_passes)
    finally:
        gc.callbacks.remove(count)
    assert during_keys == 0
    assert after_pause >= 1
    assert gc.get_threshold() == thresholds
