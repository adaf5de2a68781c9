"""Attacks on the database file itself: another program's TinyDB file, contents damaged in ways
that still parse, a database reached through symlinks, and the file modes a write leaves.

A file chronicle must not use is refused by every command, `list`, `export`, `ingest` and
`remove`, with one line naming it, exit status 1, and the file left byte for byte as it was.
"""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tests.hostile.attacks import Attack, Outcome
from tests.hostile.corpus import article
from tests.hostile.harness import ROOT, chronicle, ingest_args, problem_lines, stored_names

Tables = dict[str, Any]


def articles(work: Path, *topics: str) -> Path:
    """A folder of small articles, one per topic."""
    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for n, topic in enumerate(topics or ("orchard", "airport")):
        (folder / f"{topic}.txt").write_text(article(topic, n))
    return folder


def valid_database(work: Path) -> Path:
    """A small real database: two articles ingested by `chronicle ingest`."""
    database = work / "chronicle.json"
    run = chronicle(database, "ingest", "--jobs", "1", articles(work / "valid"))
    if run.returncode != 0:
        raise RuntimeError(f"cannot build the database: {run.stderr}")
    return database


def split(content: bytes) -> tuple[Tables, bytes]:
    """A database file as its first line (the tables, parsed) and the rest (blobs), as is."""
    head, newline, tail = content.partition(b"\n")
    return orjson.loads(head), newline + tail


def commands(folder: Path) -> list[tuple[str, ...]]:
    """Every command that reads or writes the database: two readers and two writers."""
    return [
        ("list", "events"),
        ("export", "--format", "json"),
        ("ingest", "--jobs", "1", str(folder)),
        ("remove", "d1"),
    ]


def refused_by_every_command(
    work: Path, database: Path, what: str, *, writers: bool = True
) -> Outcome:
    """Held when each command (only the readers without `writers`) refused `database` in one
    line naming it (exit 1, no traceback) and the file is byte for byte what it was."""
    before = database.read_bytes()
    folder = articles(work / "new", "harbour")
    problems = []
    for args in commands(folder)[: None if writers else 2]:
        run = chronicle(database, *args)
        lines = problem_lines(run.stderr)
        said = lines[-1][:160] if lines else "nothing on stderr"
        if "Traceback" in run.stderr:
            problems.append(f"{args[0]}: a traceback ending {said!r}")
        elif run.returncode != 1 or len(lines) != 1 or run.stdout:
            problems.append(f"{args[0]}: exit {run.returncode}, {len(lines)} lines: {said!r}")
        elif "is damaged" not in lines[0] or str(database) not in lines[0]:
            problems.append(f"{args[0]}: said {said!r}")
    if database.read_bytes() != before:
        problems.append("the file was rewritten")
    if problems:
        return Outcome(False, f"{what}: {'; '.join(problems)}")
    done = "list, export, ingest and remove" if writers else "list and export"
    return Outcome(True, f"{what}: {done} refused it, file unchanged")


# --- another program's file -----------------------------------------------------------------

LEDGER = {"_default": {"1": {"user": "alice"}}, "meta": {"1": {"schema": 1, "app": "ledger"}}}


def another_apps_tinydb_file(work: Path) -> Outcome:
    """Another app's TinyDB file, with a meta table and a schema number of its own."""
    database = work / "ledger.json"
    database.write_bytes(orjson.dumps(LEDGER))
    return refused_by_every_command(work, database, "another app's TinyDB file")


def schema_that_is_true(work: Path) -> Outcome:
    """The same file whose schema is `true` (a bool is an int to Python)."""
    database = work / "ledger.json"
    database.write_bytes(orjson.dumps(LEDGER | {"meta": {"1": {"schema": True, "app": "x"}}}))
    return refused_by_every_command(work, database, '"schema": true')


def chronicle_tables_of_another_app(work: Path) -> Outcome:
    """chronicle's table names, a plausible meta row, but rows of another shape."""
    database = work / "other.json"
    tables = {
        "meta": {"1": {"schema": 2, "next_document": 2}},
        "documents": {"1": {"name": "alice", "balance": 12}},
    }
    database.write_bytes(orjson.dumps(tables))
    return refused_by_every_command(work, database, "chronicle's table names, other rows")


# --- damaged contents that still parse ------------------------------------------------------


def _set(path: tuple[str, ...], value: Any) -> Callable[[Tables], None]:
    def mutate(tables: Tables) -> None:
        node = tables
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def _delete(path: tuple[str, ...]) -> Callable[[Tables], None]:
    def mutate(tables: Tables) -> None:
        node = tables
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


# Each: what is wrong, and how to make it so in a valid database's first line.
MALFORMED: dict[str, Callable[[Tables], None]] = {
    "a meta row that is a number": _set(("meta",), {"1": 5}),
    "next_document that is a string": _set(("meta", "1", "next_document"), "3"),
    "a document row that is a string": _set(("documents", "1"), "d1"),
    "a document without a path": _delete(("documents", "1", "path")),
    "a document text that is not a blob": _set(("documents", "1", "text"), "inline text"),
    "a table that is a list": _set(("actors",), [1, 2]),
    "an actor row that is a list": _set(("actors", "1"), ["a1", "Ruth Okafor"]),
    "an event column of strings": _set(("events", "1", "first"), ["738928", "x", "y"]),
    "an event day past the calendar": lambda tables: tables["events"]["1"]["last"].__setitem__(
        0, 10**9
    ),
    "a $tail without offsets": _delete(("$tail", "offsets")),
    "a $tail whose size is a string": _set(("$tail", "size"), "3946"),
    "a $tail that is a list": _set(("$tail",), [1, 2]),
    "a blob reference out of range": _set(("documents", "1", "text"), {"$blob": 10**6}),
    "a blob reference that is negative": _set(("documents", "2", "records"), {"$blob": -1}),
    "a blob column past the end": _set(("events", "1", "records"), {"$blobs": [4, 10**6]}),
    "a blob column that is a string": _set(("quotes", "1", "search"), {"$blobs": "36,1"}),
    "actor tallies written inline": _set(("tallies", "1", "actors"), {"a1": [[], "{}"]}),
    "a second tallies row": lambda tables: tables["tallies"].__setitem__("2", {"actors": 5}),
}


def _malformed(reason: str, mutate: Callable[[Tables], None]) -> Attack:
    def attack(work: Path) -> Outcome:
        database = valid_database(work)
        tables, tail = split(database.read_bytes())
        mutate(tables)
        database.write_bytes(orjson.dumps(tables) + tail)
        return refused_by_every_command(work, database, reason)

    attack.__name__ = attack.__qualname__ = "malformed: " + reason
    attack.__doc__ = f"A database file with {reason}."
    return attack


def damaged_event_record(work: Path) -> Outcome:
    """An event's record, in the blob part, that is no longer JSON: readers find it when they
    decode it (blobs are read lazily) and refuse in one line; `ingest --rebuild`, which merges
    the events again from the stored articles, repairs it. (A plain ingest of one article appends
    a change and reads only the records it needs.)"""
    database = valid_database(work)
    tables, tail = split(database.read_bytes())
    first, _ = tables["events"]["1"]["records"]["$blobs"]
    lines = tail[1:].split(b"\n")
    lines[first] = b"\x00" + lines[first][1:]  # same length: the layout still adds up
    database.write_bytes(orjson.dumps(tables) + b"\n" + b"\n".join(lines))
    readers = refused_by_every_command(work, database, "a damaged event record", writers=False)
    if not readers.held:
        return readers
    rebuilt = chronicle(
        database, "ingest", "--rebuild", "--jobs", "1", articles(work / "new", "harbour")
    )
    listed = chronicle(database, "list", "events")
    if rebuilt.returncode or listed.returncode or "Traceback" in rebuilt.stderr + listed.stderr:
        said = (problem_lines(rebuilt.stderr + listed.stderr) or ["nothing"])[-1][:160]
        return Outcome(False, f"a damaged event record: not rebuilt by ingest --rebuild: {said!r}")
    return Outcome(
        True, "a damaged event record: list and export refused it, ingest --rebuild rebuilt it"
    )


# --- symlinks and modes ---------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def symlinked_database(work: Path) -> Outcome:
    """The database path is a symlink to a file elsewhere: ingests through the link reach the
    target, the link stays a link, and the lock sits next to the target."""
    target = work / "real" / "chronicle.json"
    target.parent.mkdir(parents=True)
    (work / "links").mkdir()
    link = work / "links" / "db.json"
    link.symlink_to(target)  # dangling: the first write creates the target
    first = chronicle(link, "ingest", "--jobs", "1", articles(work / "a", "orchard"))
    second = chronicle(link, "ingest", "--jobs", "1", articles(work / "b", "airport"))
    if first.returncode or second.returncode:
        return Outcome(False, f"ingest through the link failed: {second.stderr[-160:]!r}")
    if not link.is_symlink():
        lost = len(stored_names(target)) if target.exists() else 0
        return Outcome(False, f"the link was replaced by a file; the target holds {lost} documents")
    names = sorted(stored_names(target))
    if names != ["airport.txt", "orchard.txt"]:
        return Outcome(False, f"the target holds {names}", documents_lost=2 - len(names))
    beside_link = sorted(p.name for p in link.parent.iterdir() if p != link)
    if beside_link or not target.with_name(target.name + ".lock").exists():
        return Outcome(False, f"lock or temporary files beside the link: {beside_link}")
    return Outcome(True, "both ingests reached the target; the link and its folder unchanged")


def two_links_one_lock(work: Path) -> Outcome:
    """Two writers at once through two different links to one database: they take one lock
    (the target's), so neither loses the other's documents."""
    target = work / "chronicle.json"
    links = [work / "one.json", work / "two.json"]
    for link in links:
        link.symlink_to(target.name)  # relative, as `ln -s chronicle.json one.json` makes
    folders = [
        articles(work / f"writer{w}", *(f"writer{w} item{n} " for n in range(4))) for w in (0, 1)
    ]
    runs = [
        subprocess.Popen(
            ingest_args(link, folder),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for link, folder in zip(links, folders, strict=True)
    ]
    exits = [run.wait(timeout=120) for run in runs]
    for run in runs:
        assert run.stderr is not None
        run.stderr.close()
    stored = len(stored_names(target)) if target.exists() else 0
    kept_links = all(link.is_symlink() for link in links)
    if exits != [0, 0] or stored != 8 or not kept_links:
        return Outcome(
            False,
            f"exits {exits}, target holds {stored} of 8, links kept: {kept_links}",
            documents_lost=8 - stored,
        )
    return Outcome(True, "8 of 8 documents in the target; both links still links")


def database_mode_kept(work: Path) -> Outcome:
    """A database made group-readable (0640) stays so after an ingest; a new database gets the
    usual mode for the umask (0644 under umask 022), not 0600."""
    database = valid_database(work)
    database.chmod(0o640)
    run = chronicle(database, "ingest", "--jobs", "1", articles(work / "more", "harbour"))
    kept = _mode(database)
    fresh = work / "fresh.json"
    made = chronicle(
        fresh, "ingest", "--jobs", "1", articles(work / "fresh", "tunnel"), umask=0o022
    )
    new = _mode(fresh) if fresh.exists() else None
    if run.returncode or made.returncode or kept != 0o640 or new != 0o644:
        new_mode = f"{new:o}" if new is not None else "missing"
        return Outcome(False, f"0640 became {kept:o}; a new database is {new_mode}")
    return Outcome(True, "0640 kept through an ingest; a new database is 0644 under umask 022")


def export_target_mode_kept(work: Path) -> Outcome:
    """`export --output` over a 0644 file keeps 0644, a new file is 0644 under umask 022, and an
    output path that is a symlink writes its target."""
    database = valid_database(work)
    existing, fresh = work / "existing.csv", work / "fresh.csv"
    existing.write_text("old\n")
    existing.chmod(0o644)
    target, link = work / "out" / "target.md", work / "link.md"
    target.parent.mkdir()
    link.symlink_to(target)
    problems = []
    for output, fmt in ((existing, "csv"), (fresh, "csv"), (link, "markdown")):
        run = chronicle(database, "export", "--format", fmt, "--output", output, umask=0o022)
        if run.returncode:
            problems.append(f"export to {output.name}: exit {run.returncode}")
    for output in (existing, fresh):
        if output.exists() and _mode(output) != 0o644:
            problems.append(f"{output.name} is {_mode(output):o}")
    if not link.is_symlink() or not target.exists():
        problems.append("the output link was replaced by a file")
    if problems:
        return Outcome(False, "; ".join(problems))
    return Outcome(True, "0644 kept, new file 0644, the output link's target written")


ATTACKS: list[Attack] = [
    another_apps_tinydb_file,
    schema_that_is_true,
    chronicle_tables_of_another_app,
    *(_malformed(reason, mutate) for reason, mutate in MALFORMED.items()),
    damaged_event_record,
    symlinked_database,
    two_links_one_lock,
    database_mode_kept,
    export_target_mode_kept,
]
