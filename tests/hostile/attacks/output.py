"""Attacks on what chronicle writes: escape sequences and spreadsheet formulas carried by stored
strings into every output format, and standard output that cannot be written (a full disk).

Stored strings are poisoned twice: by the article itself (its file name, headline, address and
quotes) and, for what extraction would have cleaned (an outlet, actor names, aliases, roles), by
editing the stored rows, as a database written elsewhere could hold them.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from store import load_index, open_database
from store.database import ACTORS, DOCUMENTS
from tests.hostile.attacks import Attack, Outcome
from tests.hostile.corpus import article
from tests.hostile.harness import ROOT, chronicle

# Retitle the terminal (OSC, BEL-terminated), clear the screen (CSI), the same as 8-bit C1
# controls, and a right-to-left override.
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x9b2J\x9d0;PWNED\x9c\u202e"
# Quotes that a spreadsheet would run as formulas (OWASP's CSV injection examples).
FORMULAS = (
    "+cmd|' /C calc'!A0 ready now",
    "=HYPERLINK(A1&A2)",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
)
SPEAKERS = ("Chair Ines Roth", "Mayor Anna Berg", "Clerk Tom Hale", "Critics")
# What stored rows are poisoned with: a formula start, then escapes (a tab is a formula start).
POISONED_NAME = f"=1+1{ESCAPES}"
POISONED_ALIASES = [f"@alias{ESCAPES}", "\t=2+2"]
POISONED_ROLE = f"-role{ESCAPES}"
POISONED_OUTLET = f"+Outlet{ESCAPES}"
# The first characters OWASP says a CSV cell must not start with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORTS = ("json", "csv", "markdown", "timelinejs", "ics")
KINDS = ("events", "quotes", "actors")
LISTINGS = tuple((kind, fmt) for kind in KINDS for fmt in ("table", "json", "csv"))
FULL_LINE = "chronicle: cannot write the output: No space left on device"


def unsafe(text: str) -> list[str]:
    """Characters a terminal can act on (C0 but tab, newline and CR; DEL; C1; bidi overrides),
    as "U+001B at 12", the first three."""
    found = [
        f"U+{ord(c):04X} at {n}"
        for n, c in enumerate(text)
        if (ord(c) < 0x20 and c not in "\t\n\r")
        or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E
        or 0x2066 <= ord(c) <= 0x2069
    ]
    return found[:3]


def hostile_article() -> str:
    quotes = "".join(
        f'{speaker} said "{words}" on March {n + 4}, 2024.\n'
        for n, (speaker, words) in enumerate(zip(SPEAKERS, FORMULAS, strict=True))
    )
    return (
        f"Harbour {ESCAPES}pier plan approved\n"
        "Published March 4, 2024\n\n"
        f"On March 3, 2024 the harbour board {ESCAPES} voted for the pier.\n"
        + quotes
        + f"Source reference: https://evil.example/{ESCAPES}pier\n"
        + "The pier will serve ferries, fishing boats and the coast guard for decades. " * 12
        + "\n"
    )


def hostile_database(work: Path) -> Path:
    """A database holding an article named with escape sequences, whose headline, address and
    quotes carry escapes and formulas, beside a plain one; then its outlet and every actor's
    name, aliases and roles poisoned in the stored rows."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    (folder / f"evil{ESCAPES}.txt").write_text(hostile_article())
    (folder / "plain.txt").write_text(article("rail"))
    database = work / "db.json"
    ingested = chronicle(database, "ingest", folder)
    if ingested.returncode != 0:
        raise RuntimeError(f"the attack's own ingest failed: {ingested.stderr}")
    with open_database(database, write=True) as db, db.transaction():
        actors = db.table(ACTORS)
        poison = {"name": POISONED_NAME, "aliases": POISONED_ALIASES, "roles": [POISONED_ROLE]}
        actors.update(poison, doc_ids=[row.doc_id for row in actors.all()])
        documents = db.table(DOCUMENTS)
        documents.update({"publisher": POISONED_OUTLET}, doc_ids=[documents.all()[0].doc_id])
    return database


# --- escape sequences ---------------------------------------------------------------------


def leak(database: Path, *args: str) -> str | None:
    """What `chronicle ARGS` let through to a terminal, or None when nothing did."""
    run = chronicle(database, *args)
    if run.returncode != 0 or not run.stdout:
        return f"`{' '.join(args)}` exited {run.returncode}: {run.stderr.strip()[-200:]!r}"
    found = unsafe(run.stdout) or unsafe(run.stderr)
    if found:
        return f"`{' '.join(args)}` wrote {', '.join(found)}"
    if "--format" in args and args[args.index("--format") + 1] in ("json", "timelinejs"):
        json.loads(run.stdout)  # still JSON
    return None


def exact_json(database: Path) -> str | None:
    """Whether `export --format json` keeps every stored value exactly (the escapes included):
    the file's path and title as stored, and each citation's text the stored document's
    `text[start:end]`; None when it does."""
    run = chronicle(database, "export", "--format", "json")
    data = json.loads(run.stdout)
    index = load_index(database)
    for document in data["documents"]:
        stored = index.document(document["id"]).document
        if (document["path"], document["title"]) != (stored.path, stored.title):
            return f"{document['id']}: path or title changed: {document['path']!r}"
    if not any(ESCAPES in d["path"] for d in data["documents"]):
        return "the hostile file name is not in the JSON"
    for item in (*data["events"], *data["quotes"]):
        for c in item["citations"]:
            text = index.document(c["document"]).document.text
            if text[c["start"] : c["end"]] != c["text"]:
                return f"{item['id']}: citation text is not document[start:end]"
    return None


def _leaks(work: Path, commands: Sequence[Sequence[str]]) -> Outcome:
    database = hostile_database(work)
    problems = [p for command in commands if (p := leak(database, *command))]
    if problems:
        return Outcome(False, f"{len(problems)} of {len(commands)} leaked; {problems[0]}")
    return Outcome(True, f"{len(commands)} outputs, no control character or escape sequence")


def escapes_through_export(work: Path) -> Outcome:
    """A file named `evil\\e]0;PWNED\\a\\e[2J…`, escapes in its headline, address and outlet,
    and in actor names: `export --format` each of json, csv, markdown, timelinejs, ics."""
    return _leaks(work, [("export", "--format", fmt) for fmt in EXPORTS])


def escapes_through_list(work: Path) -> Outcome:
    """The same database: `list events|quotes|actors --format table|json|csv`."""
    return _leaks(work, [("list", kind, "--format", fmt) for kind, fmt in LISTINGS])


def escapes_kept_exact_in_json(work: Path) -> Outcome:
    """JSON is data for programs: the stored values come out exactly (escaped as \\u001b), so
    `text == document[start:end]` still holds, and no raw control reaches a terminal."""
    database = hostile_database(work)
    problem = leak(database, "export", "--format", "json") or exact_json(database)
    return Outcome(problem is None, problem or "exact values, every control written as \\uXXXX")


# --- spreadsheet formulas -----------------------------------------------------------------


def formula_cells(text: str) -> list[str]:
    """Cells of a CSV text that a spreadsheet would read as a formula, or that were neutralised
    but left unquoted (OWASP: prefix a single quote and quote the cell)."""
    found = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    live = [cell for cell in found if cell.startswith(FORMULA_STARTS)]
    unquoted = [
        cell
        for cell in found
        if cell.startswith("'") and '"' + cell.replace('"', '""') + '"' not in text
    ]
    return live + unquoted


def _formulas(work: Path, commands: Sequence[Sequence[str]]) -> Outcome:
    database = hostile_database(work)
    problems, neutralised = [], 0
    for command in commands:
        run = chronicle(database, *command)
        if run.returncode != 0:
            problems.append(f"`{' '.join(command)}` exited {run.returncode}")
            continue
        cells = formula_cells(run.stdout)
        if cells:
            problems.append(f"`{' '.join(command)}`: live cell {cells[0]!r}")
        neutralised += sum(
            cell.startswith("'") for row in csv.reader(io.StringIO(run.stdout)) for cell in row
        )
    if problems:
        return Outcome(False, f"{len(problems)} of {len(commands)} CSVs; {problems[0]}")
    if not neutralised:
        return Outcome(False, "no formula cell came out at all: the attack did not reach the CSV")
    return Outcome(True, f"{neutralised} formula cells quoted and prefixed with '")


def formulas_in_export_csv(work: Path) -> Outcome:
    """Quotes beginning `+cmd|' /C calc'!A0`, `=HYPERLINK(`, `@SUM(`, `-2+3+cmd`, and actor names
    beginning `=`, `@`, tab, `-`: `export --format csv`."""
    return _formulas(work, [("export", "--format", "csv")])


def formulas_in_list_csv(work: Path) -> Outcome:
    """The same database: `list events|quotes|actors --format csv`."""
    return _formulas(work, [("list", kind, "--format", "csv") for kind in KINDS])


# --- standard output that cannot be written -----------------------------------------------


def run_into(database: Path, target: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`chronicle ARGS > TARGET`."""
    command = [sys.executable, "-m", "cli", "--db", str(database), *map(str, args)]
    with target.open("w") as out:
        return subprocess.run(
            command, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, text=True, timeout=120
        )


def said_full(run: subprocess.CompletedProcess[str]) -> str | None:
    """None when the run exited 1 with the one line, else what it did."""
    if run.returncode == 1 and run.stderr == FULL_LINE + "\n":
        return None
    return f"exit {run.returncode}, stderr {run.stderr.strip()[-160:]!r}"


def long_article() -> str:
    """An article of 300 dated sentences: every output of it is larger than 40 KB."""
    return article("pier") + "".join(
        f"On March {n % 27 + 1}, 2024 the crew painted section {n} of the long pier.\n"
        for n in range(300)
    )


def long_database(work: Path) -> Path:
    folder = work / "articles"
    folder.mkdir(parents=True)
    (folder / "pier.txt").write_text(long_article())
    database = work / "db.json"
    ingested = chronicle(database, "ingest", folder)
    if ingested.returncode != 0:
        raise RuntimeError(f"the attack's own ingest failed: {ingested.stderr}")
    return database


DEV_FULL_COMMANDS = (
    ("export", "--format", "csv"),
    ("export", "--format", "json"),
    ("list", "events", "--format", "csv"),
    ("list", "events"),
    ("extract", "{article}", "--format", "json"),
)


def _commands(work: Path) -> list[tuple[str, ...]]:
    named = str(work / "articles" / "pier.txt")
    return [tuple(named if a == "{article}" else a for a in c) for c in DEV_FULL_COMMANDS]


def stdout_to_dev_full(work: Path) -> Outcome:
    """`export`, `list` and `extract` with stdout on /dev/full (every write: ENOSPC)."""
    database = long_database(work)
    for command in _commands(work):
        problem = said_full(run_into(database, Path("/dev/full"), *command))
        if problem:
            return Outcome(False, f"`{' '.join(command)} > /dev/full`: {problem}")
    return Outcome(True, f"{len(DEV_FULL_COMMANDS)} commands: exit 1 and one line each")


def can_mount_tmpfs(folder: Path, size: str = "64k") -> bool:
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    return mounted.returncode == 0


def stdout_fills_a_disk(work: Path) -> Outcome:
    """`export`, `list` and `extract` redirected to a 64 KiB tmpfs with 24 KiB left, which fills
    mid-output (on /dev/full instead when this machine refuses the mount)."""
    database = long_database(work)
    disk = work / "small"
    disk.mkdir()
    if not can_mount_tmpfs(disk):
        outcome = stdout_to_dev_full(work / "again")
        return Outcome(outcome.held, f"tmpfs refused, /dev/full instead: {outcome.detail}")
    try:
        for command in _commands(work):
            (disk / "fill").write_bytes(bytes(40 * 1024))
            target = disk / "out"
            problem = said_full(run_into(database, target, *command))
            if problem:
                cut = target.stat().st_size
                return Outcome(False, f"`{' '.join(command)}` cut at {cut:,} bytes: {problem}")
            target.unlink()
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
    return Outcome(True, f"{len(DEV_FULL_COMMANDS)} commands on a full disk: exit 1, one line")


def closed_pipe(work: Path) -> Outcome:
    """`export --format json | head -c 100`: the reader leaves early; quiet exit 141."""
    database = long_database(work)
    command = [sys.executable, "-m", "cli", "--db", str(database), "export", "--format", "json"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode(errors="replace")
    status = process.wait(timeout=60)
    held = status == 141 and not stderr
    return Outcome(held, f"exit {status}, stderr {stderr.strip()[-160:]!r}")


ATTACKS: list[Attack] = [
    escapes_through_export,
    escapes_through_list,
    escapes_kept_exact_in_json,
    formulas_in_export_csv,
    formulas_in_list_csv,
    stdout_to_dev_full,
    stdout_fills_a_disk,
    closed_pipe,
]
