"""Opening the database: the file lock for writers, the schema check, the tables.

Readers take no lock: writes replace the file atomically, so a reader always sees one whole
state. Writers take `PATH.lock` (an OS lock, released even if the process is killed) before
they read, so two writers never interleave. A database reached through symlinks is their final
target: its lock, its temporary files and the file replaced all sit in the target's folder.

A file is used only once it is known to be chronicle's and whole (`Database._checked`): another
program's file, or a damaged one, is refused before anything is written. Older schemas (1: before
the column layout and blobs; 2: before corrections; 3: tallies in the actor rows) are upgraded
when opened: in memory for a reader, and rewritten at once, in one atomic write, for a writer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

import filelock
from tinydb import TinyDB
from tinydb.table import Table

from store.corrections import CorrectionError, from_row
from store.log import Change, apply_changes
from store.rows import changes_problem, problem, upgrade
from store.storage import (
    TEMP_SUFFIX,
    AtomicJSONStorage,
    DatabaseBusy,
    NewerSchema,
    StoreError,
    Tables,
    Transactions,
    collector_paused,
    corrupt,
    final_target,
    temp_prefix,
)

# The layout of the tables this version reads and writes; a file with a higher number is
# refused, never rewritten.
SCHEMA_VERSION = 4
DOCUMENTS, ACTORS, EVENTS, QUOTES, META = "documents", "actors", "events", "quotes", "meta"
CORRECTIONS = "corrections"  # since schema 3: the reader's decisions (`store.corrections`)
TALLIES = "tallies"  # since schema 4: what the merge keeps of each actor (`store.rows`)
TABLES = frozenset((DOCUMENTS, ACTORS, EVENTS, QUOTES, META, CORRECTIONS, TALLIES))
# The tables whose rows hold blobs (`store.rows`): the others are not searched for them.
BLOB_TABLES = frozenset((DOCUMENTS, EVENTS, QUOTES, TALLIES))
# The fields of the meta table's one row.
META_FIELDS = {"schema", "next_document"}
# How long a writer waits for another one to finish before saying the database is busy.
DEFAULT_WAIT = 10.0


def database_version(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever a writer replaces the database at `path` (every write renames a new
    file into place: its inode, size and time), or None while there is none. A stat: cheap
    enough to poll."""
    try:
        info = final_target(path).stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class Database:
    """One open chronicle database; use `open_database` rather than the constructor."""

    def __init__(self, path: Path, *, lock: filelock.BaseFileLock | None) -> None:
        self.path = path
        self._lock = lock
        self._middleware = Transactions(AtomicJSONStorage)
        self._replayed = False  # whether the last read applied a change log (checked then)
        self._db = TinyDB(
            str(path), storage=self._middleware, replay=self._replay, blob_tables=BLOB_TABLES
        )
        with collector_paused():
            tables = self._checked()
        if tables is not None and tables is not self._middleware.read():  # upgraded
            self._middleware.adopt(tables, write=self.writable)

    @property
    def writable(self) -> bool:
        return self._lock is not None

    def table(self, name: str) -> Table:
        return self._db.table(name)

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The rows of a table in insertion order, as stored: read them, never change them.

        Bulk reads go straight to the loaded data: `Table.all()` would copy every row.
        """
        tables = self._middleware.read() or {}
        return list(tables.get(name, {}).values())  # TinyDB only appends ids: stored order

    @property
    def meta(self) -> dict[str, Any]:
        rows = self.rows(META)
        return dict(rows[0]) if rows else {"schema": SCHEMA_VERSION, "next_document": 1}

    def set_meta(self, **values: Any) -> None:
        meta = self.meta | values
        table = self.table(META)
        table.truncate()
        table.insert(meta)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside the block reaches the file in one atomic write, or nothing."""
        if not self.writable:
            raise RuntimeError("the database was opened for reading only")
        with self._middleware.transaction():
            yield
        self._db.clear_cache()

    def append(self, changes: list[Change]) -> None:
        """Append `changes` (`store.log`) to the file as one frame, or rewrite it whole with
        them applied when its log is long: a few milliseconds where a rewrite takes a second at
        100,000 events. For a writer, outside `transaction()`.

        The tables loaded are not changed (applying the changes would cost a hundred times the
        append): they are stale, and the next read of this database goes back to the file,
        which holds them changed. A caller that reads after appending pays a load."""
        if not self.writable:
            raise RuntimeError("the database was opened for reading only")

        def whole() -> Tables:
            tables = self._middleware.read() or {}
            if not tables.get(META):
                tables = {**tables, META: {"1": self.meta}}
            return apply_changes(tables, changes)

        self._middleware.append(changes, whole)
        # TinyDB's tables keep the next row id they counted: let them count again
        self._db._tables.clear()

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _replay(self, tables: Tables, changes: list[Change]) -> Tables:
        """The changes of the file's frames applied to the tables just read from it: what was
        read is checked, the tables (`_verified`) and each change's rows and positions
        (`changes_problem`), before they are applied, so that what the changes make need not be
        (checking it would read every posting they translate when read)."""
        tables = self._verified(tables, deep=not self._middleware.sealed, upgraded=False)
        reason = changes_problem(tables, changes)
        if reason is not None:
            raise corrupt(self.path, f"its change log is damaged: {reason}")
        applied = apply_changes(tables, changes, owned=True)
        ids = set(map(itemgetter("id"), applied.get(DOCUMENTS, {}).values()))
        for name in (EVENTS, QUOTES):
            for row in applied.get(name, {}).values():
                if not row["documents"].keys() <= ids:
                    raise corrupt(self.path, f"its change log leaves {name} citing documents gone")
        self._replayed = True
        return applied

    def _checked(self) -> Tables | None:
        """The tables read from the file, once they are known to be chronicle's and whole;
        schema 1 tables upgraded (in memory: the caller writes them for a writer).

        A positive check: chronicle's tables only, one meta row of exactly chronicle's fields,
        and rows as chronicle writes them (`store.rows.problem`). Anything else raises
        `DatabaseCorrupt` (or `NewerSchema`) before anything is written.
        """
        self._replayed = False
        tables = self._middleware.read()
        if not tables:
            return None
        return self._verified(tables, deep=not (self._replayed or self._middleware.sealed))

    def _verified(self, tables: Tables, *, deep: bool = True, upgraded: bool = True) -> Tables:
        """`tables` checked (`_checked`), and upgraded unless not `upgraded`; without `deep`,
        their rows are taken as checked (`_replay` did, or the file is sealed: as chronicle
        wrote it). Upgraded tables are always checked."""
        others = sorted(set(tables) - TABLES)
        if others:
            raise corrupt(
                self.path,
                f"it is not a chronicle database: it has tables chronicle never writes "
                f"({', '.join(map(repr, others[:5]))})",
            )
        meta = tables.get(META)
        if not meta:
            raise corrupt(
                self.path, "it has no chronicle schema version (is it another program's file?)"
            )
        row = next(iter(meta.values()))
        schema = row.get("schema")
        if type(schema) is not int or schema < 1:
            raise corrupt(self.path, f"its schema version {schema!r} is not a number")
        if schema > SCHEMA_VERSION:
            raise NewerSchema(
                f"the database {self.path} was written by a newer chronicle (schema {schema}; this "
                f"one reads up to {SCHEMA_VERSION}). It has not been changed: upgrade chronicle, "
                f"or use another database with --db PATH."
            )
        if len(meta) != 1 or row.keys() != META_FIELDS or type(row["next_document"]) is not int:
            raise corrupt(
                self.path,
                f"it is not a chronicle database: its meta table is not chronicle's "
                f"({len(meta)} rows, fields {', '.join(sorted(map(repr, row)))})",
            )
        if schema < SCHEMA_VERSION and upgraded:
            try:
                tables = upgrade(tables, schema, SCHEMA_VERSION)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise corrupt(
                    self.path, f"its schema {schema} tables are malformed ({error!r})"
                ) from None
        reason = problem(tables) if deep or schema < SCHEMA_VERSION else None
        for row in tables.get(CORRECTIONS, {}).values():
            try:
                from_row(row)
            except CorrectionError as error:
                reason = reason or f"a stored correction is not one ({error})"
        if reason is not None:
            raise corrupt(self.path, reason)
        return tables


@contextlib.contextmanager
def open_database(
    path: str | os.PathLike[str], *, write: bool = False, wait: float = DEFAULT_WAIT
) -> Iterator[Database]:
    """The database at `path` (an empty one if the file does not exist yet).

    With `write`, waits up to `wait` seconds for other writers, then raises `DatabaseBusy`.
    Raises `DatabaseCorrupt` or `NewerSchema` for a file it must not touch.
    """
    path = Path(path)
    lock = _acquire(path, wait) if write else None
    try:
        db = Database(path, lock=lock)  # refuses a file that is not chronicle's, or damaged
        if lock is not None:
            _remove_stale_temp_files(final_target(path))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    try:
        yield db
    finally:
        db.close()


def _acquire(path: Path, wait: float) -> filelock.BaseFileLock:
    """The lock beside the file writes replace (a symlink's target), so that writers through
    different links to one database take one lock."""
    target = final_target(path)
    lock_path = target.with_name(target.name + ".lock")
    lock = filelock.FileLock(lock_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise DatabaseBusy(
            f"the database {path} is busy: another chronicle is writing to it (waited {wait:g} s "
            f"for {lock_path}). Try again when it has finished."
        ) from None
    except OSError as error:  # (after Timeout, an OSError) a read-only file system or folder
        raise StoreError(
            f"cannot write to the database {path}: {error.strerror or error}. It has not been "
            f"changed and can still be browsed; use another database with --db PATH to add "
            f"articles."
        ) from None
    return lock


def _remove_stale_temp_files(path: Path) -> None:
    """Temporary files of writers that were killed mid-write; only the lock holder writes any."""
    prefix = temp_prefix(path)
    for entry in path.parent.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()
