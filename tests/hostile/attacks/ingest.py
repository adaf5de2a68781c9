"""Attacks on `chronicle ingest` and `chronicle extract` through the files they are given: names
that are not UTF-8 or hold control characters, more files than the kernel allows mappings, a file
swapped for a named pipe after the folder walk, and a parallel ingest killed with SIGKILL."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.attacks import Attack, Outcome
from tests.hostile.corpus import article
from tests.hostile.harness import ROOT, chronicle, problem_lines, stored_names

# A file name that is not UTF-8 (Latin-1 "café"), and the text chronicle stores and shows for it.
UNDECODABLE = os.fsdecode(b"caf\xe9.txt")
UNDECODABLE_SHOWN = "caf\\xe9.txt"
# File names that would split an error line or drive the terminal, and how they must be shown.
CONTROL_NAMES = {
    "two\nlines.txt": "two\\nlines.txt",
    "evil\x1b]0;PWNED\x07\x1b[2J.txt": "evil\\x1b]0;PWNED\\x07\\x1b[2J.txt",
    "back\rspace\x08\x7f\u202e.txt": "back\\rspace\\x08\\x7f\\u202e.txt",
}


def _odd_folder(work: Path) -> Path:
    folder = work / "articles"
    folder.mkdir(parents=True)
    (folder / UNDECODABLE).write_text(article("port", 2))
    (folder / "good.txt").write_text(article("harbour", 3))
    return folder


def _failed(run: subprocess.CompletedProcess[str]) -> str:
    last = problem_lines(run.stderr)[-1:] or ["no output"]
    return f"exit {run.returncode}: {last[0][:120]}"


def undecodable_name_is_stored(work: Path) -> Outcome:
    """A file name that is not UTF-8 beside a good file: both stored, the odd one under its name
    with the bad byte written `\\xe9`; ingesting again changes nothing, an edit updates it, and
    `remove` finds it by that name."""
    folder = _odd_folder(work)
    database = work / "chronicle.json"
    run = chronicle(database, "ingest", "--jobs", "1", folder)
    if run.returncode != 0 or "Traceback" in run.stderr:
        return Outcome(False, f"ingest: {_failed(run)}", documents_lost=2)
    names = sorted(stored_names(database))
    if names != sorted([UNDECODABLE_SHOWN, "good.txt"]):
        return Outcome(False, f"stored {names}")
    again = chronicle(database, "ingest", "--jobs", "1", folder)
    if not again.stdout.startswith("documents: 0 added, 0 updated, 2 unchanged, 0 failed"):
        return Outcome(False, f"second ingest not idempotent: {again.stdout[:80]!r}")
    (folder / UNDECODABLE).write_text(article("port", 4))
    edited = chronicle(database, "ingest", "--jobs", "1", folder)
    if not edited.stdout.startswith("documents: 0 added, 1 updated, 1 unchanged, 0 failed"):
        return Outcome(False, f"an edit was not an update: {edited.stdout[:80]!r}")
    removed = chronicle(database, "remove", UNDECODABLE_SHOWN)
    if removed.returncode != 0 or stored_names(database) != ["good.txt"]:
        return Outcome(False, f"remove {UNDECODABLE_SHOWN}: {_failed(removed)}")
    return Outcome(
        True, f"stored as {UNDECODABLE_SHOWN}; re-ingest unchanged, edit updated, remove found it"
    )


def undecodable_name_in_parallel(work: Path) -> Outcome:
    """The same folder ingested by two worker processes."""
    folder = _odd_folder(work)
    database = work / "chronicle.json"
    run = chronicle(database, "ingest", "--jobs", "2", folder)
    if run.returncode != 0 or "Traceback" in run.stderr:
        return Outcome(False, f"ingest --jobs 2: {_failed(run)}", documents_lost=2)
    names = sorted(stored_names(database))
    if names != sorted([UNDECODABLE_SHOWN, "good.txt"]):
        return Outcome(False, f"stored {names}")
    return Outcome(True, f"--jobs 2 stored both, the odd one as {UNDECODABLE_SHOWN}")


def undecodable_name_in_extract(work: Path) -> Outcome:
    """`chronicle extract --format json` on the same folder: valid JSON naming both files."""
    folder = _odd_folder(work)
    run = chronicle(work / "unused.json", "extract", "--format", "json", folder)
    if run.returncode != 0 or "Traceback" in run.stderr:
        return Outcome(False, f"extract: {_failed(run)}")
    paths = sorted(Path(d["path"]).name for d in json.loads(run.stdout)["documents"])
    if paths != sorted([UNDECODABLE_SHOWN, "good.txt"]):
        return Outcome(False, f"extract printed {paths}")
    return Outcome(True, f"extract printed both, the odd one as {UNDECODABLE_SHOWN}")


# Counts the process's memory mappings before and after reading (and keeping) many small files.
_MAPPINGS = """
import sys
from pathlib import Path
from extract.sources import read_source

def mappings():
    with open("/proc/self/maps") as maps:
        return sum(1 for _ in maps)

files = sorted(Path(sys.argv[1]).iterdir())
read_source(files[0])  # the first read may set up what every later read reuses
before = mappings()
kept = [read_source(path) for path in files]
print(len(kept), mappings() - before)
"""
MAPPED_FILES = 3000


def many_files_leave_no_mappings(work: Path) -> Outcome:
    """Reading 3,000 one-line files in one process: a mapping per file would run out of
    `vm.max_map_count` (65,530) at about 65,000 files and crash the ingest."""
    folder = work / "many"
    folder.mkdir(parents=True)
    for n in range(MAPPED_FILES):
        (folder / f"{n:05}.txt").write_text(f"On March {n % 27 + 1}, 2024 item {n} shipped.\n")
    run = subprocess.run(
        [sys.executable, "-c", _MAPPINGS, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if run.returncode != 0:
        return Outcome(False, f"the reader failed: {_failed(run)}")
    read, grown = map(int, run.stdout.split())
    held = read == MAPPED_FILES and grown < 50
    return Outcome(held, f"{read:,} files read and kept: {grown:+,} memory mappings")


# Ingests a folder whose file `victim` becomes a named pipe once the folder has been walked.
_SWAP = """
import json, os, sys
from pathlib import Path
import store.corpus
from store import open_database

folder, victim, database = map(Path, sys.argv[1:])
walk = store.corpus.discover

def discover_then_swap(paths):
    found = walk(paths)
    victim.unlink()
    os.mkfifo(victim)
    return found

store.corpus.discover = discover_then_swap
with open_database(database, write=True) as db:
    report = store.corpus.ingest(db, [folder])
print(json.dumps({"added": report.added, "failed": [str(f) for f in report.failed]}))
"""


def fifo_swapped_in_after_the_walk(work: Path) -> Outcome:
    """A file replaced by a named pipe between the folder walk and its read: opening it must not
    wait for a writer (for ever, holding the write lock)."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    for n, topic in enumerate(("harbour", "museum", "stadium")):
        (folder / f"{topic}.txt").write_text(article(topic, n))
    victim = folder / "museum.txt"
    command = [sys.executable, "-c", _SWAP, str(folder), str(victim), str(work / "db.json")]
    try:
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return Outcome(False, "ingest hung for 30 s on the pipe (killed)")
    if run.returncode != 0:
        return Outcome(False, f"ingest failed: {_failed(run)}")
    report = json.loads(run.stdout)
    added = sorted(Path(p).name for p in report["added"])
    held = added == ["harbour.txt", "stadium.txt"] and report["failed"] == [
        f"{victim}: not a regular file"
    ]
    return Outcome(held, f"added {added}, failed {report['failed']}")


def _session(leader: int) -> list[int]:
    """The live processes of the session `leader` started (it may be gone itself)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        if fields[0] != "Z" and int(fields[3]) == leader:  # state, ppid, pgrp, session
            found.append(int(entry.name))
    return found


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def killed_parallel_ingest_leaves_no_process(work: Path) -> Outcome:
    """`ingest --jobs 2` killed with SIGKILL while its workers extract: within 5 s nothing it
    started (workers, a fork server, a resource tracker) may still run."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    body = article("harbour") * 40
    for n in range(400):
        (folder / f"a{n:03}.txt").write_text(f"Item {n}\n{body}")
    command = [sys.executable, "-m", "cli", "--db", str(work / "db.json"), "ingest", "--jobs"]
    parent = subprocess.Popen(
        [*command, "2", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own session: everything it starts can be found and ended
    )
    try:
        # The parent, two workers and whatever helps them (a fork server, a resource tracker).
        if not _wait_for(lambda: len(_session(parent.pid)) >= 4, 60):
            return Outcome(False, "the workers never started")
        time.sleep(0.5)  # into the extraction
        started = len(_session(parent.pid)) - 1
        parent.kill()
        parent.wait()
        gone = _wait_for(lambda: not _session(parent.pid), 5)
        left = _session(parent.pid)
        return Outcome(
            gone,
            f"SIGKILL with {started} processes under it: {len(left)} still running after 5 s",
        )
    finally:
        for pid in _session(parent.pid):  # only what this attack started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        parent.kill()
        parent.wait()


def _blank_files(work: Path) -> Path:
    """A folder of files that hold only blanks (each a different number: no two are the same
    content), named with `CONTROL_NAMES`."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    for n, name in enumerate(CONTROL_NAMES, start=1):
        (folder / name).write_text(" " * n)
    return folder


def _one_line_each(stderr: str) -> str | None:
    """Why stderr is not one escaped line per control name, or None when it is."""
    lines = problem_lines(stderr)
    if len(lines) != len(CONTROL_NAMES):
        return f"{len(lines)} lines for {len(CONTROL_NAMES)} files: {lines[:4]}"
    for shown in CONTROL_NAMES.values():
        naming = [line for line in lines if f"/{shown}: " in line]
        if len(naming) != 1:
            return f"{shown!r} not named on one line: {lines}"
    if any(not line.startswith("chronicle: ") for line in lines):
        return f"a line without the prefix: {lines}"
    return None


def control_names_in_ingest_errors(work: Path) -> Outcome:
    """Blank files named with a newline, a terminal title and clear-screen sequence, a carriage
    return, a backspace and a right-to-left override: one escaped line each on stderr."""
    folder = _blank_files(work)
    run = chronicle(work / "db.json", "ingest", "--jobs", "1", folder)
    wrong = _one_line_each(run.stderr) or (None if run.returncode == 1 else "exit status 0")
    return Outcome(wrong is None, wrong or "one escaped line per file")


def control_names_in_extract_errors(work: Path) -> Outcome:
    """The same files given to `chronicle extract`."""
    folder = _blank_files(work)
    run = chronicle(work / "db.json", "extract", folder)
    wrong = _one_line_each(run.stderr) or (None if run.returncode == 1 else "exit status 0")
    return Outcome(wrong is None, wrong or "one escaped line per file")


def control_name_in_remove(work: Path) -> Outcome:
    """A valid article named with a newline, stored and then removed: `removed d1: PATH` on one
    line."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    (folder / "two\nlines.txt").write_text(article("harbour"))
    database = work / "db.json"
    chronicle(database, "ingest", "--jobs", "1", folder)
    run = chronicle(database, "remove", "d1")
    first = run.stdout.splitlines()[:1]
    held = run.returncode == 0 and bool(first) and first[0].endswith("/two\\nlines.txt")
    return Outcome(held, f"exit {run.returncode}, first line {first}")


ATTACKS: list[Attack] = [
    undecodable_name_is_stored,
    undecodable_name_in_parallel,
    undecodable_name_in_extract,
    many_files_leave_no_mappings,
    fifo_swapped_in_after_the_walk,
    killed_parallel_ingest_leaves_no_process,
    control_names_in_ingest_errors,
    control_names_in_extract_errors,
    control_name_in_remove,
]
