"""Running `chronicle` as a user would, and reading back what a database holds; shared by the
hostile tests and bench/hardening.py."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store import StoreError, load_index, open_database
from store.database import ACTORS, DOCUMENTS, EVENTS, QUOTES
from store.storage import Blob
from tests.hostile.corpus import article

ROOT = Path(__file__).resolve().parents[2]


def chronicle(database: Path, *args: str | Path, timeout: float = 120, **options: Any):
    """`python -m cli --db DATABASE ARGS...` run to the end; stdout and stderr as text."""
    command = [sys.executable, "-m", "cli", "--db", str(database), *map(str, args)]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **options
    )


def state(path: Path) -> tuple[Any, ...]:
    """Everything stored, but the time each document was added."""
    with open_database(path) as db:
        documents = sorted(
            tuple(
                sorted(
                    (k, v.raw if isinstance(v, Blob) else v) for k, v in row.items() if k != "added"
                )
            )
            for row in db.rows(DOCUMENTS)
        )
        return documents, db.rows(EVENTS), db.rows(QUOTES), db.rows(ACTORS)


def _plain(value: Any) -> Any:
    """A blob as its bytes, which sort."""
    return value.raw if isinstance(value, Blob) else value


def stored_names(path: Path) -> list[str]:
    """The file names of the stored documents, in storage order."""
    with open_database(path) as db:
        return [Path(row["path"]).name for row in db.rows(DOCUMENTS)]


def problem_lines(stderr: str) -> list[str]:
    """The lines of stderr (a terminal-less run prints no progress bar), less the warnings that
    name an article stored without a date (not a problem with the file)."""
    return [line for line in stderr.splitlines() if line.strip() and UNDATED not in line]


# What the warning about an article stored without a date says after its path.
UNDATED = ": no date found ("


@dataclass(frozen=True, slots=True)
class Kills:
    """What `kill_ingests` saw: how many runs, which state each left, and the runs that left
    anything else (each a line saying when it was killed)."""

    runs: int
    before: int
    after: int
    broken: tuple[str, ...]


def ingest_args(database: Path, folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cli",
        "--db",
        str(database),
        "ingest",
        str(folder),
        "--jobs",
        "1",
    ]


def kill_ingests(
    work: Path, *, runs: int, seed: int, parallel: int = 2, one_article: bool = False
) -> Kills:
    """`runs` ingests into copies of one database, each killed (SIGKILL) at a random moment
    between its start and a little after its usual end; each copy is read back at once.

    The ingests update one article and add four (the whole database merged and written again),
    or with `one_article` add one (a change appended to the file, `store.increments`)."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    for n, topic in enumerate(("orchard", "airport")):
        (folder / f"{topic}.txt").write_text(article(topic, n))
    for n in range(12 if one_article else 0):  # a base that one change is small beside
        (folder / f"more-{n}.txt").write_text(article(f"quarry{n} ", n + 20))
    before_db = work / "before.json"
    subprocess.run(ingest_args(before_db, folder), cwd=ROOT, check=True, capture_output=True)
    if not one_article:
        (folder / "airport.txt").write_text(article("airport", 1) + "The runway reopened.\n")
    for n, topic in enumerate(
        ("tunnel",) if one_article else ("tunnel", "clinic", "dam", "market")
    ):
        (folder / f"{topic}.txt").write_text(article(topic, n + 5))

    # The usual length of a run, measured as the killed runs go: `parallel` at once.
    def timed(k: int) -> float:
        db = work / f"after-{k}.json"
        shutil.copy(before_db, db)
        started = time.monotonic()
        subprocess.run(ingest_args(db, folder), cwd=ROOT, check=True, capture_output=True)
        return time.monotonic() - started

    with ThreadPoolExecutor(parallel) as pool:
        duration = max(pool.map(timed, range(parallel)))
    before, after = state(before_db), state(work / "after-0.json")
    assert before != after

    rng = random.Random(seed)
    # One article's ingest is short and mostly start-up, whose length moves most with the
    # machine's load: its moments reach further past the usual end, so some land after it.
    stretch = 2.0 if one_article else 1.3
    moments = [rng.uniform(0, duration * stretch) for _ in range(runs)]

    def one(k: int) -> str:
        db = work / f"killed-{k}.json"
        shutil.copy(before_db, db)
        process = subprocess.Popen(
            ingest_args(db, folder),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(moments[k])
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        try:
            found = state(db)
        except StoreError as problem:
            return f"killed after {moments[k]:.3f} s: {problem}"
        if found == before:
            return "before"
        if found == after:
            return "after"
        return f"killed after {moments[k]:.3f} s: a state that is neither before nor after"

    with ThreadPoolExecutor(parallel) as pool:
        outcomes = list(pool.map(one, range(runs)))
    return Kills(
        runs=runs,
        before=outcomes.count("before"),
        after=outcomes.count("after"),
        broken=tuple(o for o in outcomes if o not in ("before", "after")),
    )


@dataclass(frozen=True, slots=True)
class Concurrency:
    writers: int
    expected: tuple[str, ...]  # the file names all the writers were given
    stored: tuple[str, ...]  # what the database holds afterwards
    exits: tuple[int, ...]
    reads: int  # whole loads by the reader while the writers ran
    read_errors: tuple[str, ...]
    counts_seen: tuple[int, ...]  # document counts the reader saw, in order


def concurrent_ingests(work: Path, *, writers: int = 2, each: int = 6) -> Concurrency:
    """`writers` ingests of different folders into one database at once, while a reader loads
    it again and again as the browser does."""
    database = work / "shared.json"
    folders = []
    for w in range(writers):
        folder = work / f"writer-{w}"
        folder.mkdir(parents=True)
        for n in range(each):
            (folder / f"w{w}-{n}.txt").write_text(article(f"writer{w} item{n} ", n + w))
        folders.append(folder)
    processes = [
        subprocess.Popen(
            ingest_args(database, folder),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    reads, errors, counts = 0, [], []
    while any(p.poll() is None for p in processes):
        try:
            counts.append(load_index(database).counts["documents"])
            reads += 1
        except StoreError as problem:
            errors.append(str(problem))
        time.sleep(0.02)
    exits = tuple(p.wait() for p in processes)
    return Concurrency(
        writers=writers,
        expected=tuple(sorted(f.name for folder in folders for f in folder.iterdir())),
        stored=tuple(sorted(stored_names(database))),
        exits=exits,
        reads=reads,
        read_errors=tuple(errors),
        counts_seen=tuple(counts),
    )
