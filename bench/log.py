"""Load and append times of a database with a change log (issue 13 point 1).

Copies a database (default /tmp/big/db.json, ~100,000 events; never written to), appends frames
like an ingest of one article each (24 new events, 3 replaced, 2 quotes, 3 actors set), and
times `load_index` and a writer's open with 0, 1, 16 and 64 frames (best of --runs), and
`Database.append` (which applies nothing in memory); each file is timed in a new process.
Last line: the figures as one JSON object.

    python bench/log.py [--db /tmp/big/db.json] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this folder holds a store.py of its own

from store import load_index, open_database  # noqa: E402
from store.log import Change  # noqa: E402
from store.rows import item_day  # noqa: E402
from store.storage import MAX_FRAMES  # noqa: E402


def article(db: Any, rng: random.Random, serial: int) -> Change:
    """A change like one new article's: rows copied from the database with new ids."""
    events = db.rows("events")[0]
    quotes = db.rows("quotes")[0]
    count, quote_count = len(events["first"]), len(quotes["first"])
    inserted = []
    for i in range(24):
        row = events["records"][rng.randrange(count)] | {"search": f"fresh{serial} word{i}"}
        inserted.append(row | {"id": f"n{serial}-{i}"})
    replaced = []
    for p in rng.sample(range(count), 3):
        row = events["records"][p] | {"search": events["search"][p] + f" again{serial}"}
        assert item_day(row) == events["first"][p]
        replaced.append([p, row | {"summary": row["summary"] + "."}])
    said = [
        quotes["records"][rng.randrange(quote_count)] | {"id": f"m{serial}-{i}", "search": "x"}
        for i in range(2 if quote_count else 0)
    ]
    actors = db.rows("actors")
    last = max(int(a["id"][1:]) for a in actors)
    set_rows = [
        {k: v for k, v in a.items() if k not in ("events", "quotes")} | {"roles": ["mayor"]}
        for a in rng.sample(actors, 2)
    ]
    set_rows.append(
        {
            "id": f"a{last + 1}",
            "name": f"Nobody {serial}",
            "kind": "person",
            "aliases": [],
            "roles": [],
            "confidence": 1.0,
        }
    )
    return {
        "events": {"replace": replaced, "insert": inserted},
        "quotes": {"insert": said},
        "actors": {"set": set_rows},
    }


def timed_load(path: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        index = load_index(path)
        best = min(best, time.perf_counter() - started)
        del index
    return best


def timed_open(path: Path, runs: int) -> float:
    """A writer's open (lock, read, frames applied, checks): what every ingest pays first."""
    best = float("inf")
    for _ in range(runs):
        opened = open_database(path, write=True)
        started = time.perf_counter()
        opened.__enter__()
        best = min(best, time.perf_counter() - started)
        opened.__exit__(None, None, None)
    return best


def timed_in_child(path: Path, runs: int) -> dict[str, float]:
    """`timed_load` and `timed_open` of `path` in a new process: in the one that appended 64
    frames (64 loads of 100 MB made and freed) every load took 0.05-0.1 s more."""
    done = subprocess.run(
        [sys.executable, __file__, "--time", str(path), "--runs", str(runs)],
        check=True,
        capture_output=True,
    )
    figures: dict[str, float] = orjson.loads(done.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/big/db.json"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time", type=Path, help=argparse.SUPPRESS)  # one file, in a child
    args = parser.parse_args()
    if args.time:
        found = {"load": timed_load(args.time, args.runs), "open": timed_open(args.time, args.runs)}
        print(orjson.dumps(found).decode())
        return
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.json"
        shutil.copyfile(args.db, path)
        shutil.copyfile(path, Path(folder) / "db0.json")
        appends = []
        with open_database(path, write=True) as db:
            for frames in range(1, MAX_FRAMES + 1):
                change = article(db, rng, frames)
                started = time.perf_counter()
                db.append([change])
                appends.append(time.perf_counter() - started)
                if frames in (1, 16, MAX_FRAMES):
                    copy = Path(folder) / f"db{frames}.json"
                    shutil.copyfile(path, copy)
        figures: dict[str, Any] = {}
        for frames in (0, 1, 16, MAX_FRAMES):
            found = timed_in_child(Path(folder) / f"db{frames}.json", args.runs)
            figures[f"frames_{frames}"], figures[f"open_{frames}"] = found["load"], found["open"]
        appends.sort()
        figures["append_median"] = appends[len(appends) // 2]
        figures["append_max"] = appends[-1]
        figures["file_mb"] = path.stat().st_size / 1e6
    print(f"{'frames':<28}{'load_index':>12}{'writer open':>12}")
    for frames in (0, 1, 16, MAX_FRAMES):
        load, opened = figures[f"frames_{frames}"], figures[f"open_{frames}"]
        print(f"{frames:<28}{load:>12.3f}{opened:>12.3f}")
    median, most = figures["append_median"], figures["append_max"]
    print(f"{'append (median, max)':<28}{median:>10.4f}{most:>10.4f}")
    print(orjson.dumps({k: round(v, 4) for k, v in figures.items()}).decode())


if __name__ == "__main__":
    main()
