"""Ingest benchmark: articles per second for `ingest --jobs 1` and `--jobs 2` on 1,000 articles;
with `--grow`, what one more article costs as the database grows.

The articles are the bundled seeds made distinct (years shifted, months rotated, a reference
line), so they read like news and no two have the same content; with `--generated`, articles of
~24 dated statements each that no other article reports (issue 13's 5,000 articles, ~120,000
events: `--articles 5000 --jobs 2 --generated`). Each run starts from an empty database and
includes reading, extraction, the cross-document merge and the atomic write. `--runs 3` gives
the median of three runs. `cpu_s` is the CPU time of the ingest and its worker processes: on a
machine that others share, the wall time moves with their load, the CPU time much less.

`--grow 10000 100000 300000` builds databases of about that many events from generated
articles of ~24 dated statements each (full ingest, --jobs 2, timed), then times whole
`chronicle ingest` and `chronicle remove` processes that add one article, update it and remove
it (median of 5 each): how the cost of one change grows with the database (issue 13 asks for
<= 0.5 s at 100,000), and by how much one add grows from each size to the next; "rewrites"
counts the changes that wrote the file whole (a full merge, or the change log compacted) rather
than appending a change; "load s" is a `load_index` of the database the full ingest wrote, and
"load after s" of the one the 15 changes leave (their frames applied at each load).
Usage: python bench/ingest.py [--articles 1000] [--jobs 1 2] [--generated] [--runs 1]
                             [--grow N ...]
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.processes import cached_bytecode  # noqa: E402
from store import ingest, load_index, open_database  # noqa: E402
from store.corpus import totals  # noqa: E402

# A year in the seeds' range, to shift.
_YEAR = re.compile(r"\b20(1\d|2\d)\b")
# A month name, to rotate.
_MONTH = re.compile(r"\b(" + "|".join(calendar.month_name[1:]) + r")\b")


def variant(text: str, n: int) -> str:
    shift = n // 5 % 30
    months = calendar.month_name[1:]

    def year(match: re.Match[str]) -> str:
        return str(int(match[0]) - shift)

    def month(match: re.Match[str]) -> str:
        return months[(months.index(match[0]) + n) % 12]

    return _MONTH.sub(month, _YEAR.sub(year, text)) + f"\nReference: bench article {n}.\n"


def write_articles(folder: Path, count: int) -> int:
    seeds = sorted(p for p in resources.files("seeds").iterdir() if p.name.endswith(".txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    words = 0
    for n in range(count):
        text = variant(texts[n % len(texts)], n)
        words += len(text.split())
        (folder / f"article-{n:04}.txt").write_text(text, encoding="utf-8")
    return words // count


# Words for generated articles: statements that do not merge across articles.
_PEOPLE = "Ada Bo Cyr Dag Eli Fay Gus Hal Ida Jon Kai Lea Mo Nia Oz Pia Rex Sol Tia Uma".split()
_FAMILIES = "Aro Bek Cal Dov Eck Fen Gil Hox Ivo Jax Kol Lum Mak Nox Orr Pym Quo Rud".split()
_BODIES = "council board union court agency league guild panel bank club".split()
_VERBS = "approved rejected delayed signed vetoed debated funded paused opened closed".split()
_THINGS = "bridge budget treaty merger school canal stadium tariff pipeline library".split()


def generated_article(n: int, statements: int = 24) -> str:
    """Article `n`: a headline, a date line and `statements` dated sentences of its own."""
    rng = random.Random(n)
    lines = [f"Regional roundup number {n}", f"Published March 1, {2010 + n % 15}", ""]
    for k in range(statements):
        day, month = rng.randint(1, 28), calendar.month_name[rng.randint(1, 12)]
        person = f"{rng.choice(_PEOPLE)} {rng.choice(_FAMILIES)}{n % 97}"
        lines.append(
            f"On {month} {day}, {2000 + rng.randint(0, 24)}, {person} of the "
            f"{rng.choice(_BODIES)} {rng.choice(_VERBS)} the {rng.choice(_THINGS)} plan "
            f"{n}-{k} after a vote of {rng.randint(3, 99)} to {rng.randint(1, 60)}."
        )
    return "\n".join(lines) + "\n"


# One add, update and removal of an article per trial, at each size.
TRIALS = 5


def grow(sizes: list[int]) -> dict[str, dict[str, float]]:
    """Per size: the full ingest, then one add, update and remove as whole processes (median of
    `TRIALS`), how many of those rewrote the file, and a load of what they left."""
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="chronicle-grow-") as tmp:
        for size in sizes:
            folder, extra = Path(tmp) / f"a{size}", Path(tmp) / f"x{size}"
            folder.mkdir()
            extra.mkdir()
            count = max(1, size // 24)
            for n in range(count):
                (folder / f"g{n:06}.txt").write_text(generated_article(n), encoding="utf-8")
            db = Path(tmp) / f"db{size}.json"
            started = time.perf_counter()
            _chronicle(db, "ingest", str(folder), "--jobs", "2")
            full = time.perf_counter() - started
            with open_database(db) as opened:
                events = totals(opened).events
            base_load = _median_load(db)  # before any change: no frame to apply
            adds, updates, removes, rewrites = [], [], [], 0
            for trial in range(TRIALS):
                path = extra / f"new{trial}.txt"
                path.write_text(generated_article(10**6 + trial), encoding="utf-8")
                for times, args, length in (
                    (adds, ("ingest", str(path)), 24),
                    (updates, ("ingest", str(path)), 25),
                    (removes, ("remove", str(path.resolve())), 0),
                ):
                    if length:
                        path.write_text(generated_article(10**6 + trial, length), encoding="utf-8")
                    inode = db.stat().st_ino
                    times.append(_timed(db, *args))
                    rewrites += db.stat().st_ino != inode  # merged in full, or the log compacted
            figures[str(size)] = {
                "articles": count,
                "events": events,
                "full_ingest_s": round(full, 1),
                "full_articles_per_s": round(count / full, 1),
                "add_one_s": round(statistics.median(adds), 3),
                "update_one_s": round(statistics.median(updates), 3),
                "remove_one_s": round(statistics.median(removes), 3),
                "rewrites": rewrites,
                "changes": 3 * TRIALS,
                "load_s": round(base_load, 3),
                "load_after_s": round(_median_load(db), 3),
                "db_mb": round(db.stat().st_size / 2**20, 1),
            }
    return figures


def _median_load(db: Path) -> float:
    """`load_index` of `db`, median of 3, in this process."""
    loads = []
    for _ in range(3):
        started = time.perf_counter()
        load_index(db)
        loads.append(time.perf_counter() - started)
    return statistics.median(loads)


def _cpu() -> float:
    """CPU seconds used so far by this process and its waited-for children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def full_ingest(folder: Path, db_path: Path, jobs: int) -> dict[str, float]:
    db_path.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), _cpu()
    with open_database(db_path, write=True) as db:
        report = ingest(db, [folder], jobs=jobs)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    assert not report.failed, report.failed[:3]
    return {
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "events": report.totals.events,
        "quotes": report.totals.quotes,
        "actors": report.totals.actors,
        "db_mb": round(db_path.stat().st_size / 2**20, 1),
    }


def _chronicle(db: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(db), *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=cached_bytecode(BYTECODE),
    )


# Where the timed processes keep their compiled modules (`bench/processes.py`).
BYTECODE = Path(tempfile.gettempdir()) / "chronicle-bench-bytecode"


def _timed(db: Path, *args: str) -> float:
    started = time.perf_counter()
    _chronicle(db, *args)
    return time.perf_counter() - started


def print_growth(figures: dict[str, dict[str, float]]) -> None:
    columns = ("events", "articles", "full ingest s", "articles/s", "add 1 s", "update 1 s")
    more = ("remove 1 s", "rewrites", "load s", "load after s", "db MB")
    print(" ".join(f"{c:>13}" for c in (*columns, *more)))
    for f in figures.values():
        rewrites = f"{f['rewrites']} of {f['changes']}"
        print(
            f"{f['events']:>13,} {f['articles']:>13,} {f['full_ingest_s']:>13.1f} "
            f"{f['full_articles_per_s']:>13.1f} {f['add_one_s']:>13.3f} "
            f"{f['update_one_s']:>13.3f} {f['remove_one_s']:>13.3f} "
            f"{rewrites:>13} {f['load_s']:>13.3f} {f['load_after_s']:>13.3f} "
            f"{f['db_mb']:>13.1f}"
        )
    for small, large in pairwise(figures.values()):
        print(
            f"from {small['events']:,} to {large['events']:,} events "
            f"(x{large['events'] / small['events']:.1f}): one add costs "
            f"x{large['add_one_s'] / small['add_one_s']:.2f} "
            f"({small['add_one_s']:.3f} s -> {large['add_one_s']:.3f} s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--generated", action="store_true", help="generated articles")
    parser.add_argument("--runs", type=int, default=1, help="median of this many runs")
    parser.add_argument("--grow", type=int, nargs="+", metavar="EVENTS")
    args = parser.parse_args()
    if args.grow:
        figures = grow(args.grow)
        print(f"one more article, as whole chronicle processes (median of {TRIALS})")
        print_growth(figures)
        print(json.dumps({"grow": figures}))
        return
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="chronicle-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        if args.generated:
            texts = [generated_article(n) for n in range(args.articles)]
            for n, text in enumerate(texts):
                (folder / f"g{n:06}.txt").write_text(text, encoding="utf-8")
            words = sum(len(text.split()) for text in texts) // args.articles
        else:
            words = write_articles(folder, args.articles)
        figures = {}
        for jobs in args.jobs:
            runs = [full_ingest(folder, Path(tmp) / "db.json", jobs) for _ in range(args.runs)]
            median = {
                key: statistics.median(run[key] for run in runs) for key in ("seconds", "cpu_s")
            }
            figures[jobs] = runs[-1] | median
            figures[jobs]["articles_per_s"] = round(args.articles / median["seconds"], 1)
    kind = "generated" if args.generated else "seed-like"
    print(
        f"{args.articles} {kind} articles, {words} words each on average; empty database each "
        f"run; median of {args.runs}; load average {load:.2f} at the start"
    )
    columns = ("jobs", "seconds", "articles/s", "cpu s", "events", "quotes", "actors", "db MB")
    widths = (5, 9, 11, 8, 8, 8, 8, 7)
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for jobs, f in figures.items():
        print(
            f"{jobs:>5} {f['seconds']:>9.2f} {f['articles_per_s']:>11.1f} {f['cpu_s']:>8.1f} "
            f"{f['events']:>8} {f['quotes']:>8} {f['actors']:>8} {f['db_mb']:>7.1f}"
        )
    summary = {"articles": args.articles, "words_per_article": words, "kind": kind}
    summary |= {"runs": args.runs, "load_average": round(load, 2)}
    summary |= {f"jobs_{jobs}": f for jobs, f in figures.items()}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
