"""TinyDB storage that never leaves a half-written file, and transactions on top of it.

`AtomicJSONStorage` writes the whole database to a temporary file in the same folder, fsyncs it
and renames it over the old one, so a reader or a crash sees either the old or the new file.
TinyDB writes the whole database once per table operation; `Transactions` holds those writes in
memory and turns everything inside `transaction()` into one such atomic write.
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

Tables = dict[str, dict[str, Any]]


class StoreError(Exception):
    """A problem with the database that the user can act on; `str()` says what and how."""


class DatabaseCorrupt(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class NewerSchema(StoreError):
    pass


def temp_prefix(path: Path) -> str:
    """The name prefix of the temporary files a write to `path` creates (next to it)."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"


class AtomicJSONStorage(Storage):
    """The whole database as one orjson file, replaced atomically on every write.

    No file handle stays open. A missing file is an empty database; a file that does not parse
    raises `DatabaseCorrupt` and is left as it is.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)

    def read(self) -> Tables | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"cannot read the database {self.path}: {error.strerror}") from error
        try:
            with collector_paused():
                tables = orjson.loads(data)
        except orjson.JSONDecodeError as error:
            raise corrupt(self.path, f"it is not valid JSON ({error})") from None
        if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
            raise corrupt(self.path, "it is JSON but not a TinyDB database")
        return tables

    def write(self, data: Tables) -> None:
        payload = orjson.dumps(data)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(
            prefix=temp_prefix(self.path), suffix=TEMP_SUFFIX, dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _fsync_folder(self.path.parent)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived containers.

    Parsing and indexing a database create millions of objects and no garbage; the collector
    would walk them again and again while they are created. Nests: the state is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def corrupt(path: Path, reason: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"the database {path} is damaged: {reason}. chronicle has not changed it. "
        f"Move it aside (mv {path} {path}.damaged) and run `chronicle ingest` again to rebuild "
        f"it, or use another database with --db PATH."
    )


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Transactions(Middleware):
    """Reads the file once and keeps the tables in memory; batches writes in `transaction()`.

    Outside a transaction every TinyDB write goes straight to the storage. Inside one, writes
    only change the tables in memory; leaving the block writes them once, and an exception
    discards them (the next read goes back to the file).
    """

    def __init__(self, storage_cls: type[Storage] = AtomicJSONStorage) -> None:
        super().__init__(storage_cls)
        self._tables: Tables | None = None
        self._loaded = False
        self._depth = 0
        self._dirty = False

    def read(self) -> Tables | None:
        if not self._loaded:
            self._tables = self.storage.read()
            self._loaded = True
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables, self._loaded = data, True
        if self._depth:
            self._dirty = True
        else:
            self.storage.write(data)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if not self._depth:
                self._discard()
            raise
        self._depth -= 1
        if not self._depth and self._dirty:
            try:
                self.storage.write(self._tables or {})
            except BaseException:
                self._discard()
                raise
            self._dirty = False

    def _discard(self) -> None:
        self._tables, self._loaded, self._dirty = None, False, False
