"""Load and append times of a database with a change log (issue 13 point 1).

Copies a database (default /tmp/big/db.json, ~100,000 events; never written to), appends frames
like an ingest of one article each (24 new events, 3 replaced, 2 quotes, 3 actors set), and
times `load_index` with 0, 1, 16 and 64 frames (best of --runs), and `Database.append`.
Last line: the figures as one JSON object.

    python bench/log.py [--db /tmp/big/db.json] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/big/db.json"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.json"
        shutil.copyfile(args.db, path)
        figures: dict[str, Any] = {"frames_0": timed_load(path, args.runs)}
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
        for frames in (1, 16, MAX_FRAMES):
            figures[f"frames_{frames}"] = timed_load(Path(folder) / f"db{frames}.json", args.runs)
        appends.sort()
        figures["append_median"] = appends[len(appends) // 2]
        figures["append_max"] = appends[-1]
        figures["file_mb"] = path.stat().st_size / 1e6
    print(f"{'load_index, frames':<28}{'seconds':>10}")
    for frames in (0, 1, 16, MAX_FRAMES):
        print(f"{frames:<28}{figures[f'frames_{frames}']:>10.3f}")
    median, most = figures["append_median"], figures["append_max"]
    print(f"{'append (median, max)':<28}{median:>10.4f}{most:>10.4f}")
    print(orjson.dumps({k: round(v, 4) for k, v in figures.items()}).decode())


if __name__ == "__main__":
    main()
