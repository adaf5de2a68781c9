"""Extraction speed on one core over a generated corpus of news articles.

    python bench/extract.py [--articles 1000] [--repeat 3]

The corpus varies the bundled seeds and the test articles (years shifted, paragraphs rotated),
so no two documents are identical. Prints a table, then one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract_document, merge  # noqa: E402

# A year in the 2000s or 2010s/2020s.
_YEAR = re.compile(r"\b20([0-2]\d)\b")


def base_articles() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "extract" / "articles").glob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def vary(text: str, n: int) -> str:
    """Another article of the same shape: years moved, paragraphs rotated."""
    shifted = _YEAR.sub(lambda m: f"20{(int(m[1]) + n % 5) % 30:02d}", text)
    paragraphs = shifted.split("\n")
    k = n % max(1, len(paragraphs))
    return "\n".join(paragraphs[k:] + paragraphs[:k])


def corpus(size: int) -> list[tuple[str, bytes]]:
    bases = base_articles()
    return [
        (f"{i:05d}_{name}", vary(text, i // len(bases)).encode())
        for i in range(size)
        for name, text in [bases[i % len(bases)]]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()

    docs = corpus(args.articles)
    words = sum(len(data.split()) for _, data in docs)
    extract_times, cpu_times, merge_times = [], [], []
    for _ in range(args.repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        extractions = [extract_document(name, data) for name, data in docs]
        extract_times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        start = time.perf_counter()
        merged = merge(extractions)
        merge_times.append(time.perf_counter() - start)
    seconds, cpu_seconds, merge_seconds = min(extract_times), min(cpu_times), min(merge_times)
    figures = {
        "articles": len(docs),
        "words": words,
        "extract_seconds": round(seconds, 3),
        "articles_per_second": round(len(docs) / seconds, 1),
        "words_per_second": round(words / seconds),
        "cpu_seconds": round(cpu_seconds, 3),  # the process's own time: fair on a busy machine
        "articles_per_cpu_second": round(len(docs) / cpu_seconds, 1),
        "merge_seconds": round(merge_seconds, 3),
        "events": len(merged.events),
        "quotes": len(merged.quotes),
        "actors": len(merged.actors),
    }
    print(f"{'figure':<22}{'value':>14}")
    for key, value in figures.items():
        print(f"{key:<22}{value:>14,}" if isinstance(value, int) else f"{key:<22}{value:>14}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
