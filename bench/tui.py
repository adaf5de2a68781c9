"""Browser benchmark through Textual's `run_test`: launch, filter keystrokes, jump to the end.

Builds a synthetic database (bench/store.py's corpus, through the real write path), then drives
the app headless at 120×40:
- time to the first frame (the loading indicator) and until the timeline is drawn (the database
  read in the worker; `load_index_s` is that read alone, measured first);
- each keystroke of a search typed letter by letter and deleted again, `ROUNDS` times, from the
  key reaching the app to the end of the last frame drawn in answer to it. Frames are timed
  where the app hands them to the terminal (`App._display`); the headless driver writes nothing,
  so the bench also renders each frame to the bytes a real terminal would receive, as the real
  driver does;
- a keystroke typed while the actor counts of the previous filter are being computed (they
  start `COUNT_DELAY` after typing pauses, in a thread);
- `G`, the jump to the last event, timed the same way; so are pane switches (2, 3, 1), the
  review queue (`r`, then moving in it) and keys typed into the actor picker;
- `t`, the jump to a date: `enter` on a typed date, until the timeline and its time strip are
  redrawn on the first event on or after it; and `w` under a date filter, which lists or drops
  the events that only overlap it (the strip recounts, the bar counts both ways). Every frame
  above includes the time strip, drawn above the timeline;
- a fixed pure-Python loop (`calibration_ms`): how fast the machine was at the time.
Usage: python bench/tui.py [--events 100000] [--db PATH (reuse)]
Targets at 100,000 events: interactive <= 1 s, keystroke <= 50 ms, jump to end <= 50 ms.
The last line printed is the figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual._compositor import CompositorUpdate  # noqa: E402

from store import load_index  # noqa: E402
from tui.app import COUNT_DELAY, ChronicleApp  # noqa: E402
from tui.widgets import ReviewView, TimelineView, TimeStrip  # noqa: E402

# What the bench types into the search, one key at a time.
TYPED = "budget vote"
KEY_NAMES = {" ": "space", "-": "minus"}
# How many times it is typed and deleted again, the first time on a cold index.
ROUNDS = 5
# The dates the bench jumps to with `t` (the synthetic corpus spans 2015-2024), and the date
# filter under which it toggles `w`.
JUMPS = ("2020-06-01", "2017-01-15", "2023-09-30", "2016-03-01", "2021-12-24")
DATES = "2020-03-02 - 2020-03-08"
# What the bench types into the actor picker.
PICKED = "nadia"
# The terminal the bench drives (columns, rows): the wide layout of UI.md.
SIZE = (120, 40)


def _store_bench():
    """bench/store.py, loaded by path (its name would shadow the `store` package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_store", Path(__file__).with_name("store.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FrameClock:
    """The moments the app finishes drawing a frame (each rendered to terminal output)."""

    def __init__(self, app: ChronicleApp) -> None:
        self.frames: list[float] = []
        display = app._display  # Textual's private step that writes a frame; textual is pinned

        def timed(screen, renderable) -> None:
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.frames.append(time.perf_counter())

        app._display = timed

    async def answer(self, pilot, key: str) -> float:
        """Milliseconds from pressing `key` to the end of the last frame drawn in answer to it.

        Frames drawn `COUNT_DELAY` or more after the key belong to the deferred actor count,
        not to the key.
        """
        drawn = len(self.frames)
        began = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        answered = [t for t in self.frames[drawn:] if t - began < COUNT_DELAY]
        assert answered, f"no frame was drawn after {key!r}"
        return round((answered[-1] - began) * 1000, 1)


async def measure(path: Path) -> dict:
    began = time.perf_counter()
    load_index(path)
    loaded = time.perf_counter() - began
    started = time.perf_counter()
    app = ChronicleApp(path)
    async with app.run_test(size=SIZE) as pilot:
        first_frame = time.perf_counter() - started
        timeline = app.query_one(TimelineView)
        while not timeline.items:
            await asyncio.sleep(0.005)
        await pilot.pause()
        interactive = time.perf_counter() - started
        await app.workers.wait_for_complete()
        events = len(timeline.items)
        clock = FrameClock(app)

        await pilot.press("slash")
        await pilot.pause()
        first: dict[str, float] = {}  # the session's first search, on a cold index
        typing: list[float] = []  # every key of every round, backspaces included
        for round_ in range(ROUNDS):
            for n, key in enumerate(TYPED):
                ms = await clock.answer(pilot, KEY_NAMES.get(key, key))
                typing.append(ms)
                if round_ == 0:
                    first[TYPED[: n + 1]] = ms
            matched = len(timeline.items)
            for _ in TYPED:
                typing.append(await clock.answer(pilot, "backspace"))
        # The first letter again, then a pause: the actors are being counted for it (the most
        # matches, the longest count) when the second letter comes.
        await clock.answer(pilot, TYPED[0])
        await asyncio.sleep(COUNT_DELAY + 0.005)
        during_count = await clock.answer(pilot, TYPED[1])
        await pilot.press("enter", "x")
        await app.workers.wait_for_complete()
        await pilot.pause()

        jumps = []
        for _ in range(5):
            await pilot.press("g")
            await pilot.pause()
            jumps.append(await clock.answer(pilot, "G"))
        assert timeline.cursor == events - 1

        strip = app.query_one(TimeStrip)
        to_date = []
        for when in JUMPS:
            await pilot.press("t", *when)
            await pilot.pause()
            to_date.append(await clock.answer(pilot, "enter"))
            days = timeline.items.days
            assert days[timeline.cursor] >= date.fromisoformat(when).toordinal()
            assert strip.selected == timeline.cursor
        await pilot.press("d", *(KEY_NAMES.get(c, c) for c in DATES), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        within = len(timeline.items)
        overlap = [await clock.answer(pilot, "w") for _ in range(4)]
        await pilot.press("x")
        await pilot.pause()

        switches = [await clock.answer(pilot, key) for key in "231" * 3]
        # the review queue (bench/store.py's corpus has a fifth of its items unsure)
        review_open = await clock.answer(pilot, "r")
        review_keys = [await clock.answer(pilot, key) for key in "jjjjkkG"]
        review_items = len(app.query_one(ReviewView).items)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        picker = [await clock.answer(pilot, key) for key in PICKED]
        await pilot.press("escape")
    return {
        "events": events,
        "first_frame_s": round(first_frame, 3),
        "interactive_s": round(interactive, 3),
        "load_index_s": round(loaded, 3),
        "keystrokes": len(typing),
        "keystroke_ms_median": statistics.median(typing),
        "keystroke_ms_p90": round(statistics.quantiles(typing, n=10)[-1], 1),
        "keystroke_ms_max": max(typing),
        "first_search_ms": {repr(typed): ms for typed, ms in first.items()},
        "keystroke_during_count_ms": during_count,
        "search_matches": matched,
        "jump_to_end_ms": statistics.median(jumps),
        "jump_to_date_ms_median": statistics.median(to_date),
        "jump_to_date_ms_max": max(to_date),
        "dates_within_week": within,
        "overlap_toggle_ms_max": max(overlap),
        "pane_switch_ms_median": statistics.median(switches),
        "pane_switch_ms_max": max(switches),
        "review_open_ms": review_open,
        "review_key_ms_max": max(review_keys),
        "review_items": review_items,
        "actor_picker_keystroke_ms_median": statistics.median(picker),
        "actor_picker_keystroke_ms_max": max(picker),
        "actors": len(app.index.actors()),
        "calibration_ms": calibration_ms(),
    }


def calibration_ms() -> float:
    """A fixed pure-Python loop: this machine's speed at the time, to compare runs by (the
    figures above scale with it; on a shared machine it varies by half)."""
    began = time.perf_counter()
    total = 0
    for n in range(3_000_000):
        total += n
    return round((time.perf_counter() - began) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="use (or build and keep) this database")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="chronicle-tui-bench-")) / "bench.json"
    if not path.exists():
        build_s = _store_bench().build(path, args.events)
        print(f"built {args.events:,} events in {build_s:.1f} s: {path}", file=sys.stderr)
    figures = asyncio.run(measure(path))
    if not args.db:
        path.unlink()
    for name, value in figures.items():
        print(f"{name:>22}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
