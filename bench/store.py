"""Store benchmark: load time, query times and peak memory at 10,000 and 100,000 events.

Builds synthetic databases through the real write path (merged rows, atomic storage, 1,000
stored corrections), then, in a
fresh process per size, loads the index and times each query the browser makes (median of 5,
counting the matches and reading the first 50 records, as a screen would).
Usage: python bench/store.py [--sizes 10000 100000] [--keep DIR]
Targets at 100,000 events: load <= 0.15 s (with the corrections), each query <= 20 ms. The
synthetic records draw their confidences from `CONFIDENCES`, so about a third of the items are
in the review queue (speakers, dates, actors below 0.8): its build is timed as a query.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.model import (  # noqa: E402
    ActorKind,
    Citation,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    DateInterval,
    Document,
    Precision,
    Span,
)
from store import Filter, load_index, open_database  # noqa: E402
from store.corrections import (  # noqa: E402
    EVENT_DATE,
    NOT_EVENT,
    NOT_QUOTE,
    RENAME_ACTOR,
    SPEAKER,
    Correction,
    to_row,
)
from store.database import CORRECTIONS  # noqa: E402

# Stored corrections in every database the bench builds (issue 11: loading with 1,000).
CORRECTIONS_MADE = 1000
from store.corpus import write_corpus  # noqa: E402

EVENTS_PER_DOCUMENT = 20
WORDS = (
    "council budget vote harbour strike ministers talks agreement tariffs election court ruling "
    "protest storm flooding rescue pipeline sanctions summit treaty ceasefire inquiry report "
    "union wages hospital school bridge railway airport company shares market inflation"
).split()
NAMES = "Ana Ben Chloé Dmitri Élodie Farah Goran Hiro Inés Jonas Kofi Lena Mateo Nadia Omar".split()
# Confidences the synthetic records draw from: most sure, about a fifth below the review's 0.8.
CONFIDENCES = (1.0,) * 6 + (0.9, 0.75, 0.5, 0.3)


def synthetic_corpus(n_events: int, rng: random.Random) -> Corpus:
    """Articles of about 5,000 characters, 20 events each; an event cites 1-3 of them."""
    n_docs = max(1, n_events // EVENTS_PER_DOCUMENT)
    documents, sentences = [], []
    for d in range(1, n_docs + 1):
        lines = [
            " ".join(rng.choices(WORDS, k=rng.randint(12, 25))).capitalize() + "."
            for _ in range(40)
        ]
        text = "\n".join(lines)
        documents.append(
            CorpusDocument(f"d{d}", Document(f"/bench/{d:06}.txt", text, title=lines[0][:60]))
        )
        spans, start = [], 0
        for line in lines:
            spans.append(Span(start, start + len(line)))
            start += len(line) + 1
        sentences.append(spans)
    n_actors = max(10, n_events // 50)
    actors = tuple(
        CorpusActor(
            f"a{i}",
            f"{rng.choice(NAMES)} {rng.choice(WORDS).capitalize()}{i}",
            ActorKind.PERSON,
            confidence=rng.choice(CONFIDENCES),
        )
        for i in range(1, n_actors + 1)
    )
    weights = [1 / i for i in range(1, n_actors + 1)]  # a few actors are in many events
    origin = date(2015, 1, 1)
    events = []
    for e in range(1, n_events + 1):
        first = origin + timedelta(days=rng.randrange(3650))
        kind = rng.random()
        if kind < 0.8:
            interval = DateInterval(first, first, Precision.DAY)
        elif kind < 0.95:
            interval = DateInterval(first.replace(day=1), first.replace(day=28), Precision.MONTH)
        else:
            interval = DateInterval(
                first, first + timedelta(days=rng.randrange(60, 2000)), Precision.RANGE
            )
        cited = rng.sample(range(n_docs), min(n_docs, rng.choice((1, 1, 1, 2, 3))))
        citations = []
        for d in cited:
            span = rng.choice(sentences[d])
            citations.append(Citation(f"d{d + 1}", span, span.of(documents[d].document.text)))
        events.append(
            CorpusEvent(
                f"e{e}",
                interval.first.isoformat(),
                interval,
                citations[0].text[:120],
                tuple(
                    dict.fromkeys(a.id for a in rng.choices(actors, weights, k=rng.randint(0, 3)))
                ),
                tuple(citations),
                confidence=rng.choice(CONFIDENCES),
            )
        )
    events.sort(key=lambda e: e.date.first)
    quotes = []
    for q in range(1, n_events // 4 + 1):
        d = rng.randrange(n_docs)
        span = rng.choice(sentences[d])
        speaker = rng.choices(actors, weights)[0].id if rng.random() < 0.8 else None
        quotes.append(
            CorpusQuote(
                f"q{q}",
                span.of(documents[d].document.text),
                speaker,
                None,
                (Citation(f"d{d + 1}", span, ""),),
                confidence=rng.choice(CONFIDENCES),
            )
        )
    return Corpus(tuple(documents), actors, tuple(events), tuple(quotes))


def build(path: Path, n_events: int) -> float:
    corpus = synthetic_corpus(n_events, random.Random(n_events))
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    with open_database(path, write=True) as db:
        write_corpus(db, corpus, added="2025-01-01T00:00:00+00:00")
        with db.transaction():
            db.table(CORRECTIONS).insert_multiple(map(to_row, corrections(corpus)))
    return time.perf_counter() - started


def corrections(corpus: Corpus) -> list[Correction]:
    """`CORRECTIONS` reader's corrections of every kind, as `store.corpus.correct` stores them.
    Corrections are applied when a merge writes the records, so loading only reads them; here
    they stand beside synthetic records, which no merge wrote."""
    made = "2025-01-02T00:00:00+00:00"
    kinds = [
        lambda n: Correction(NOT_EVENT, corpus.events[n].id, made=made),
        lambda n: Correction(NOT_QUOTE, corpus.quotes[n % len(corpus.quotes)].id, made=made),
        lambda n: Correction(SPEAKER, corpus.quotes[n % len(corpus.quotes)].id, "", made=made),
        lambda n: Correction(EVENT_DATE, corpus.events[n].id, "2020-01-01/2020-01-02", made=made),
        lambda n: Correction(
            RENAME_ACTOR, corpus.actors[n % len(corpus.actors)].name, "X", made=made
        ),
    ]
    return [kinds[n % len(kinds)](n) for n in range(CORRECTIONS_MADE)]


def measure(path: Path) -> dict:
    """Runs in a fresh process: load, then every query; peak RSS of this process."""
    started = time.perf_counter()
    index = load_index(path)
    load = time.perf_counter() - started
    # What text filters need is decoded once, by the browser's loading worker: timed apart,
    # then the first text query, cold, before the medians below could hide anything.
    started = time.perf_counter()
    index.prepare_search()
    prepare = time.perf_counter() - started
    started = time.perf_counter()
    index.events(Filter(text="budget"))[:50]
    first_text = time.perf_counter() - started
    top = index.actor_counts()
    popular, rare = top[0].actor.id, top[len(top) // 2].actor.id
    some_doc = index.document_ids[len(index.document_ids) // 2]
    queries = {
        "all events": ("events", Filter()),
        "actor (most frequent)": ("events", Filter(actors=frozenset({popular}))),
        "actor (median)": ("events", Filter(actors=frozenset({rare}))),
        "two actors": ("events", Filter(actors=frozenset({popular, rare}))),
        "one week": ("events", Filter(since=date(2020, 3, 2), until=date(2020, 3, 8))),
        "one year": ("events", Filter(since=date(2019, 1, 1), until=date(2019, 12, 31))),
        "since (half the span)": ("events", Filter(since=date(2020, 1, 1))),
        "text, common word": ("events", Filter(text="budget")),
        "text, rare phrase": ("events", Filter(text="Railway airport")),
        "text, accents": ("events", Filter(text="CHLOE")),
        "source document": ("events", Filter(documents=frozenset({some_doc}))),
        "actor+year+text": (
            "events",
            Filter(
                actors=frozenset({popular}),
                since=date(2019, 1, 1),
                until=date(2019, 12, 31),
                text="vote",
            ),
        ),
        "year+text": (
            "events",
            Filter(since=date(2016, 1, 1), until=date(2023, 12, 31), text="strike"),
        ),
        # the last keystroke of a search typed letter by letter (the earlier ones not timed)
        "text, typed (last key)": ("typed", Filter(text="Railway airport")),
        "quotes by actor": ("quotes", Filter(actors=frozenset({popular}))),
        "quotes, text": ("quotes", Filter(text="market")),
        "actor counts": ("counts", None),
        # the review queue (speakers, dates, actors below 0.8), built anew, its first screen read
        "review queue": ("review", None),
        "actor counts, one year": (
            "counts",
            Filter(since=date(2019, 1, 1), until=date(2019, 12, 31)),
        ),
    }
    times, matches = {}, {}
    for name, (kind, where) in queries.items():
        runs = []
        for _ in range(5):
            # Each run searches as if for the first time: the index keeps the matches of recent
            # needles (a private cache, emptied here), which would time the cache, not the query.
            for items in (index._events, index._quotes):
                items._searched.clear()
            index._queues.clear()  # the review queue is built once per read: time the build
            if kind == "typed":
                for end in range(1, len(where.text)):
                    index.events(Filter(text=where.text[:end]))[:50]
            started = time.perf_counter()
            if kind == "counts":
                found = index.actor_counts(where)
            elif kind == "review":
                found = index.review()
                found[:50]
            else:
                found = index.quotes(where) if kind == "quotes" else index.events(where)
                found[:50]  # what one screen shows
            runs.append(time.perf_counter() - started)
        times[name], matches[name] = statistics.median(runs), len(found)
    peak_mb = _peak_mb()
    return {
        "load_s": load,
        "peak_mb": peak_mb,
        "prepare_search_s": prepare,
        "first_text_query_ms": first_text * 1000,
        "queries_ms": {k: v * 1000 for k, v in times.items()},
        "matches": matches,
        "counts": index.counts,
        "corrections": len(index.corrections()),
    }


def _peak_mb() -> float:
    """This process's peak memory: VmHWM where Linux has it (ru_maxrss survives exec, so it
    would report the parent's build), else ru_maxrss."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="build the databases in DIR and keep them")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="chronicle-bench-"))
    figures = {}
    for size in args.sizes:
        path = folder / f"store-{size}.json"
        build_s = build(path, size)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
        result.update(build_s=build_s, file_mb=path.stat().st_size / 2**20)
        figures[size] = result
        if not args.keep:
            path.unlink()
    names = list(next(iter(figures.values()))["queries_ms"])
    header = f"{'':28}" + "".join(f"{size:>18,}" for size in figures)
    print(header + "   (events)")
    rows = [
        ("file size (MB)", lambda f: f"{f['file_mb']:.1f}"),
        ("stored corrections", lambda f: f"{f['corrections']:,}"),
        ("build + write (s)", lambda f: f"{f['build_s']:.2f}"),
        ("load + index (s)", lambda f: f"{f['load_s']:.3f}"),
        ("prepare search (s)", lambda f: f"{f['prepare_search_s']:.3f}"),
        ("first text query (ms)", lambda f: f"{f['first_text_query_ms']:.1f}"),
        ("peak memory (MB)", lambda f: f"{f['peak_mb']:.0f}"),
    ]
    for label, cell in rows:
        print(f"{label:28}" + "".join(f"{cell(f):>18}" for f in figures.values()))
    print("query (ms, matches)")
    for name in names:
        cells = "".join(
            f"{f['queries_ms'][name]:>10.2f} ms {f['matches'][name]:>5}" for f in figures.values()
        )
        print(f"  {name:26}{cells}")
    worst = {size: max(f["queries_ms"].values()) for size, f in figures.items()}
    summary = {
        str(size): {
            "events": f["counts"]["events"],
            "documents": f["counts"]["documents"],
            "corrections": f["corrections"],
            "file_mb": round(f["file_mb"], 1),
            "load_s": round(f["load_s"], 3),
            "prepare_search_s": round(f["prepare_search_s"], 3),
            "first_text_query_ms": round(f["first_text_query_ms"], 1),
            "peak_mb": round(f["peak_mb"]),
            "max_query_ms": round(worst[size], 2),
            "queries_ms": {k: round(v, 2) for k, v in f["queries_ms"].items()},
        }
        for size, f in figures.items()
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
