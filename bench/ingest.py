"""Ingest benchmark: articles per second for `ingest --jobs 1` and `--jobs 2` on 1,000 articles.

The articles are the bundled seeds made distinct (years shifted, months rotated, a reference
line), so they read like news and no two have the same content. Each run starts from an empty
database and includes reading, extraction, the cross-document merge and the atomic write.
Usage: python bench/ingest.py [--articles 1000] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store import ingest, open_database  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronicle-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = write_articles(folder, args.articles)
        figures = {}
        for jobs in args.jobs:
            db_path = Path(tmp) / f"db-{jobs}.json"
            started = time.perf_counter()
            with open_database(db_path, write=True) as db:
                report = ingest(db, [folder], jobs=jobs)
            seconds = time.perf_counter() - started
            assert not report.failed, report.failed[:3]
            figures[jobs] = {
                "seconds": round(seconds, 2),
                "articles_per_s": round(args.articles / seconds, 1),
                "events": report.totals.events,
                "quotes": report.totals.quotes,
                "actors": report.totals.actors,
                "db_mb": round(db_path.stat().st_size / 2**20, 1),
            }
    print(f"{args.articles} articles, {words} words each on average; empty database each run")
    columns = ("jobs", "seconds", "articles/s", "events", "quotes", "actors", "db MB")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (5, 9, 11, 8, 8, 8, 7), strict=True)))
    for jobs, f in figures.items():
        print(
            f"{jobs:>5} {f['seconds']:>9.2f} {f['articles_per_s']:>11.1f} {f['events']:>8} "
            f"{f['quotes']:>8} {f['actors']:>8} {f['db_mb']:>7.1f}"
        )
    summary = {"articles": args.articles, "words_per_article": words}
    summary |= {f"jobs_{jobs}": f for jobs, f in figures.items()}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
