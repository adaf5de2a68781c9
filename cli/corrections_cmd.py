"""`chronicle corrections list|add|remove|export|import`: the reader's corrections of the
extractor, kept in the database and applied to every merge; exported and imported as JSON so a
team can share them."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

import orjson

from cli.errors import error
from cli.ingest_cmd import add_wait_option
from extract.display import printable, shown_path
from store import StoreError, database_path, open_database
from store.corpus import correct, corrections, withdraw
from store.corrections import (
    ACCEPT_ACTOR,
    ACCEPTS,
    DOCUMENT_FIELDS,
    KINDS,
    Correction,
    CorrectionError,
    NoTarget,
    from_row,
    to_row,
)
from store.database import DOCUMENTS
from store.queries import load_index, match_documents
from store.review import ACTORS_DOUBT, DATE_DOUBT, SPEAKER_DOUBT, Unsure, acceptance
from store.rows import fold

# The largest corrections file `import` reads.
MAX_IMPORT_BYTES = 64 * 2**20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle corrections`, whose one line of help is in cli.main."""
    parser.description = __doc__.splitlines()[0] + " " + " ".join(__doc__.splitlines()[1:])
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    actions.add_parser("list", help="every correction, oldest first, numbered").set_defaults(
        run=run_list
    )
    add = actions.add_parser(
        "add",
        help="add a correction",
        description="KIND is one of: " + ", ".join(KINDS) + ". TARGET is an event or quote id "
        "(e..., q...), an actor's name, or a document (its id d3, path or file name); VALUE is "
        "the speaker's name (empty: nobody), the date (YYYY-MM-DD, for an event also "
        "YYYY-MM-DD/YYYY-MM-DD), the actor it joins, its new name or kind, or the document's "
        "title or outlet. The accept-* kinds say the extractor's answer is right (its confidence "
        "becomes 1.0 and the item leaves the review queue): without a VALUE, its present answer "
        "(the speaker, the dates, the actor's names) is the one accepted.",
    )
    add.add_argument("kind", choices=KINDS, metavar="KIND")
    add.add_argument("target", metavar="TARGET")
    add.add_argument("value", nargs="?", default=None, metavar="VALUE")
    add.set_defaults(run=run_add)
    remove = actions.add_parser("remove", help="remove corrections by their numbers in `list`")
    remove.add_argument("numbers", nargs="+", type=int, metavar="N")
    remove.set_defaults(run=run_remove)
    actions.add_parser("export", help="print every correction as JSON").set_defaults(run=run_export)
    imported = actions.add_parser("import", help="add the corrections of an exported JSON file")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.set_defaults(run=run_import)
    for action in actions.choices.values():
        add_wait_option(action)
        action.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)


def run_list(args: argparse.Namespace) -> int:
    try:
        with open_database(database_path(args.db)) as db:
            stored = corrections(db)
    except StoreError as problem:
        return error(str(problem))
    if not stored:
        print("no corrections")
    for number, (correction, orphan) in enumerate(stored, 1):
        gone = "  (orphaned: its target is no longer extracted)" if orphan else ""
        made = correction.made[:16].replace("T", " ")
        print(printable(f"{number:>4}  {made:<16}  {correction.describe()}{gone}"))
    return 0


def run_add(args: argparse.Namespace) -> int:
    target = args.target
    if args.kind in DOCUMENT_FIELDS:  # named as `remove` and `--source` name it: stored by path
        try:
            with open_database(database_path(args.db)) as db:
                found = match_documents(db.rows(DOCUMENTS), target)
        except StoreError as problem:
            return error(str(problem))
        if len(found) != 1:
            how = "no stored document" if not found else f"{len(found)} documents"
            return error(f"{target!r} names {how} (see `chronicle list documents`)", 2)
        target = found[0]["path"]
    try:
        if args.kind in ACCEPTS and args.value is None:
            correction = _accepting(args.kind, target, database_path(args.db))
        else:
            correction = Correction(args.kind, target, args.value or "", made=_now())
    except NoTarget as problem:
        return error(str(problem), 2)
    except CorrectionError as problem:
        return error(str(problem), 2)
    except StoreError as problem:
        return error(str(problem))
    return _store([correction], f"added: {correction.describe()}", args, strict=True)


def _accepting(kind: str, target: str, db: Path) -> Correction:
    """The accept-* correction of the extractor's present answer for `target`."""
    index = load_index(db)
    record: Unsure | None = None
    if kind == ACCEPT_ACTOR:
        wanted = fold(target.strip())
        actors = [a for a in index.actors() if wanted in {fold(n) for n in (a.name, *a.aliases)}]
        record = Unsure(ACTORS_DOUBT, 1.0, actors[0]) if actors else None
    else:
        item = index.item(target)
        doubt = SPEAKER_DOUBT if kind == ACCEPTS[0] else DATE_DOUBT
        wrong = item is None or (doubt == SPEAKER_DOUBT) != target.startswith("q")
        record = None if wrong or item is None else Unsure(doubt, 1.0, item)
    if record is None:
        raise NoTarget(f"{target}: no such event, quote or actor; nothing changed")
    speaker = getattr(record.record, "speaker", None)
    name = index.actor(speaker).name if speaker else None
    return acceptance(record, speaker=name, made=_now())


def run_remove(args: argparse.Namespace) -> int:
    try:
        with open_database(database_path(args.db), write=True, wait=args.wait) as db:
            removed = withdraw(db, args.numbers)
    except IndexError as problem:
        return error(f"no such correction ({problem}; see `chronicle corrections list`)", 2)
    except StoreError as problem:
        return error(str(problem))
    for correction in removed:
        print(printable(f"removed: {correction.describe()}"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        with open_database(database_path(args.db)) as db:
            rows = [to_row(c) | {"orphan": o} for c, o in corrections(db)]
    except StoreError as problem:
        return error(str(problem))
    sys.stdout.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    name = shown_path(args.file)
    try:
        with args.file.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as problem:
        return error(f"{name}: {problem.strerror or problem}")
    if len(data) > MAX_IMPORT_BYTES:
        return error(f"{name}: larger than {MAX_IMPORT_BYTES // 2**20} MB")
    try:
        rows = orjson.loads(data)
        if not isinstance(rows, list):
            raise CorrectionError("not a list of corrections (see `chronicle corrections export`)")
        loaded = [from_row(row) for row in rows]
    except orjson.JSONDecodeError as problem:
        return error(f"{name}: not JSON ({problem})")
    except (CorrectionError, TypeError) as problem:
        return error(f"{name}: {problem}")
    return _store(loaded, f"imported {len(loaded)} corrections from {name}", args)


def _store(
    new: list[Correction], done: str, args: argparse.Namespace, *, strict: bool = False
) -> int:
    try:
        with open_database(database_path(args.db), write=True, wait=args.wait) as db:
            orphans = correct(db, new, strict=strict)
    except NoTarget as problem:
        return error(str(problem), 2)
    except StoreError as problem:
        return error(str(problem))
    print(printable(done))
    for correction in orphans:
        error(f"{correction.describe()}: no such item or actor now (kept, orphaned)")
    return 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
