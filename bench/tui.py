"""Browser benchmark through Textual's `run_test`: launch, filter keystrokes, jump to the end.

Builds a synthetic database (bench/store.py's corpus, through the real write path), then drives
the app headless: time to the first frame (the loading indicator) and until the timeline is
drawn (the database read in the worker; `load_index_s` is that read alone, measured first),
each keystroke of a search typed letter by letter until the list is repainted, and `G` (jump
to the last event). Key figures are net of Pilot's own press-and-wait round trip, measured
on a key nothing is bound to.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store import load_index  # noqa: E402
from tui.app import ChronicleApp  # noqa: E402
from tui.widgets import TimelineView  # noqa: E402

# What the bench types into the search, one key at a time.
TYPED = "budget vote"
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
        # A key nothing is bound to: what Pilot's press-and-wait costs by itself.
        idle = []
        for _ in range(5):
            began = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            idle.append(time.perf_counter() - began)
        baseline = statistics.median(idle)

        await pilot.press("slash")
        await pilot.pause()
        keystrokes = []
        for key in TYPED:
            began = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            await pilot.pause()
            keystrokes.append(time.perf_counter() - began)
        matched = len(timeline.items)
        await pilot.press("enter", "x")
        await app.workers.wait_for_complete()
        await pilot.pause()

        jumps = []
        for _ in range(5):
            await pilot.press("g")
            await pilot.pause()
            began = time.perf_counter()
            await pilot.press("G")
            await pilot.pause()
            jumps.append(time.perf_counter() - began)
        assert timeline.cursor == events - 1
    return {
        "events": events,
        "first_frame_s": round(first_frame, 3),
        "interactive_s": round(interactive, 3),
        "load_index_s": round(loaded, 3),
        "pilot_round_trip_ms": round(baseline * 1000, 1),
        "keystroke_ms_median": _net(statistics.median(keystrokes), baseline),
        "keystroke_ms_max": _net(max(keystrokes), baseline),
        "keystrokes_ms": {
            f"{TYPED[: i + 1]!r}": _net(k, baseline) for i, k in enumerate(keystrokes)
        },
        "search_matches": matched,
        "jump_to_end_ms": _net(statistics.median(jumps), baseline),
    }


def _net(seconds: float, baseline: float) -> float:
    """Milliseconds the app took, without Pilot's own press-and-wait round trip."""
    return round(max(0.0, seconds - baseline) * 1000, 1)


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
