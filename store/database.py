"""Opening the database: the file lock for writers, the schema check, the tables.

Readers take no lock: writes replace the file atomically, so a reader always sees one whole
state. Writers take `PATH.lock` (an OS lock, released even if the process is killed) before
they read, so two writers never interleave.

Schema 1 files (before the column layout and blobs) are upgraded when opened: in memory for a
reader, and rewritten at once, in one atomic write, for a writer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
from tinydb import TinyDB
from tinydb.table import Table

from store.rows import upgrade
from store.storage import (
    TEMP_SUFFIX,
    AtomicJSONStorage,
    DatabaseBusy,
    NewerSchema,
    StoreError,
    Transactions,
    corrupt,
    temp_prefix,
)

# The layout of the tables this version reads and writes; a file with a higher number is
# refused, never rewritten.
SCHEMA_VERSION = 2
DOCUMENTS, ACTORS, EVENTS, QUOTES, META = "documents", "actors", "events", "quotes", "meta"
# How long a writer waits for another one to finish before saying the database is busy.
DEFAULT_WAIT = 10.0


class Database:
    """One open chronicle database; use `open_database` rather than the constructor."""

    def __init__(self, path: Path, *, lock: filelock.BaseFileLock | None) -> None:
        self.path = path
        self._lock = lock
        self._middleware = Transactions(AtomicJSONStorage)
        self._db = TinyDB(str(path), storage=self._middleware)
        if self._check_schema() < SCHEMA_VERSION:
            self._middleware.adopt(upgrade(self._middleware.read() or {}), write=self.writable)

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

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _check_schema(self) -> int:
        """The file's schema version (this one's for an empty file)."""
        tables = self._middleware.read()
        if not tables:
            return SCHEMA_VERSION
        meta = tables.get(META)
        if not meta:
            raise corrupt(
                self.path, "it has no chronicle schema version (is it another program's file?)"
            )
        schema = next(iter(meta.values())).get("schema")
        if not isinstance(schema, int):
            raise corrupt(self.path, f"its schema version {schema!r} is not a number")
        if schema > SCHEMA_VERSION:
            raise NewerSchema(
                f"the database {self.path} was written by a newer chronicle (schema {schema}; this "
                f"one reads up to {SCHEMA_VERSION}). It has not been changed: upgrade chronicle, "
                f"or use another database with --db PATH."
            )
        return schema


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
        if lock is not None:
            _remove_stale_temp_files(path)
        db = Database(path, lock=lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    try:
        yield db
    finally:
        db.close()


def _acquire(path: Path, wait: float) -> filelock.BaseFileLock:
    lock_path = path.with_name(path.name + ".lock")
    lock = filelock.FileLock(lock_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
