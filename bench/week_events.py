"""Events inside their own article's week: how much of a week's news an extraction dates.

    python bench/week_events.py FOLDER [FOLDER ...]

For a folder of articles whose file names hold their publication date (`outlet_2016-09-12_
slug.txt`, as news archives often name them), extracts each article as `chronicle ingest`
would (the date in the file name is the article's when its text gives none) and counts the
events each article dates inside its own ISO week (Monday to Sunday of its publication date),
inside seven days either side of it, and in all. Issue 9 asks for about three events a week
per political article: 250 for 84 of them. Prints a table, then one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.metadata import date_in_file_name
from extract.pipeline import extract_file


def count(paths: list[Path]) -> dict[str, float]:
    figures = dict.fromkeys(
        ("articles", "failed", "undated", "events", "own_week", "week_around"), 0
    )
    started = time.process_time()
    for path in paths:
        published = date_in_file_name(str(path))
        result = extract_file(str(path), path.read_bytes())
        if isinstance(result, str):
            figures["failed"] += 1
            continue
        figures["articles"] += 1
        if result.document.published is None:
            figures["undated"] += 1
        if published is None:
            continue
        week = published.isocalendar()[:2]
        for event in result.events:
            first, last = event.date.interval.first, event.date.interval.last
            figures["events"] += 1
            if first.isocalendar()[:2] == week == last.isocalendar()[:2]:
                figures["own_week"] += 1
            if published - timedelta(days=7) <= first and last <= published + timedelta(days=7):
                figures["week_around"] += 1
    articles = figures["articles"] or 1
    return figures | {
        "own_week_per_article": round(figures["own_week"] / articles, 2),
        "week_around_per_article": round(figures["week_around"] / articles, 2),
        "cpu_s": round(time.process_time() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    paths = sorted(p for folder in args.folders for p in folder.iterdir() if p.is_file())
    dated = [p for p in paths if date_in_file_name(str(p)) is not None]
    figures = count(dated)
    figures["without_date_in_name"] = len(paths) - len(dated)
    rows = (
        ("articles with a date in their name", figures["articles"]),
        ("  failed to extract", figures["failed"]),
        ("  stored without a date", figures["undated"]),
        ("events (citations)", figures["events"]),
        ("  inside the article's ISO week", figures["own_week"]),
        ("  within 7 days of its date", figures["week_around"]),
        ("ISO-week events per article", figures["own_week_per_article"]),
        ("7-day events per article", figures["week_around_per_article"]),
    )
    for label, value in rows:
        print(f"{label:<38} {value:>8}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
