"""TinyDB storage that never leaves a half-written file, and transactions on top of it.

`AtomicJSONStorage` writes the whole database to a temporary file in the same folder, fsyncs it
and renames it over the old one, so a reader or a crash sees either the old or the new file.
TinyDB writes the whole database once per table operation; `Transactions` holds those writes in
memory and turns everything inside `transaction()` into one such atomic write.

The file is two parts in one: a first line, the tables as one JSON object, parsed at load; then
the blobs, one JSON value a line, parsed only when asked for. A row field holding a `Blob` (one
value) or `Blobs` (a column of values) is written to the blob part and stands in the first line
as `{"$blob": k}` or `{"$blobs": [k, n]}`; reading gives back lazy `Blob`s and `Blobs` over the
bytes read, so document texts and display records cost nothing until shown. orjson never writes
a raw newline, so lines are blobs. A file without a newline is a plain TinyDB file (schema 1).
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

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
# Where the first line says how long the blob part is and where its line offsets are.
TAIL = "$tail"
BLOB, BLOBS = "$blob", "$blobs"


class Blob:
    """One JSON value kept as bytes until `.value` is read (or a value to write as a blob)."""

    __slots__ = ("_at", "_raw", "_value")

    def __init__(
        self, value: Any = None, *, raw: bytes | None = None, at: tuple[_Tail, int] | None = None
    ) -> None:
        self._value, self._raw, self._at = value, raw, at

    @property
    def value(self) -> Any:
        if self._value is None and (self._raw is not None or self._at is not None):
            self._value = orjson.loads(self.raw)
        return self._value

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            if self._at is not None:
                tail, index = self._at
                start, end = tail.span(index, 1)
                self._raw = tail.data[start:end]
            else:
                self._raw = orjson.dumps(self._value)
        return self._raw

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Blob) and self.raw == other.raw

    def __hash__(self) -> int:
        return hash(self.raw)

    def __repr__(self) -> str:
        return f"Blob({self.raw[:40]!r})"


class Blobs(Sequence[Any]):
    """A column of JSON values, each decoded when read: values to write, or lines of a file."""

    __slots__ = ("_lines", "_values")

    def __init__(self, values: Sequence[Any] = (), *, lines: _Lines | None = None) -> None:
        self._values, self._lines = values, lines

    def __len__(self) -> int:
        return len(self._lines) if self._lines is not None else len(self._values)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if self._lines is None:
            return self._values[index]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return orjson.loads(self._lines.line(index))

    def all(self) -> list[Any]:
        """Every value, decoded in one call (far faster than one by one)."""
        if self._lines is None:
            return list(self._values)
        return orjson.loads(self._lines.array())

    def raws(self) -> list[bytes]:
        if self._lines is None:
            return list(map(orjson.dumps, self._values))
        return [self._lines.line(i) for i in range(len(self))]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Blobs) and self.raws() == other.raws()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Blobs(<{len(self)} values>)"


class _Tail:
    """The blob part of a file: its bytes, and where each line starts (read on first use)."""

    def __init__(self, data: bytes, start: int, offsets_at: int) -> None:
        self.data, self.start, self._offsets_at = data, start, offsets_at
        self._offsets: list[int] | None = None

    @property
    def offsets(self) -> list[int]:
        if self._offsets is None:
            self._offsets = orjson.loads(self.data[self.start + self._offsets_at :])
        return self._offsets

    def span(self, first: int, count: int) -> tuple[int, int]:
        """The bytes of lines first..first+count (without the last newline)."""
        offsets = self.offsets
        return self.start + offsets[first], self.start + offsets[first + count] - 1


class _Lines:
    """`count` consecutive lines of a tail, from `first`."""

    __slots__ = ("count", "first", "tail")

    def __init__(self, tail: _Tail, first: int, count: int) -> None:
        self.tail, self.first, self.count = tail, first, count

    def __len__(self) -> int:
        return self.count

    def line(self, index: int) -> bytes:
        if not 0 <= index < self.count:
            raise IndexError(index)
        start, end = self.tail.span(self.first + index, 1)
        return self.tail.data[start:end]

    def array(self) -> bytes:
        if not self.count:
            return b"[]"
        start, end = self.tail.span(self.first, self.count)
        return b"[" + self.tail.data[start:end].replace(b"\n", b",") + b"]"


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
        end = data.find(b"\n")
        try:
            with collector_paused():
                tables = orjson.loads(data if end < 0 else data[:end])
        except orjson.JSONDecodeError as error:
            raise corrupt(self.path, f"it is not valid JSON ({error})") from None
        if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
            raise corrupt(self.path, "it is JSON but not a TinyDB database")
        layout = tables.pop(TAIL, None)
        if layout is None:
            return tables
        if end < 0 or len(data) - end - 1 != layout.get("size"):
            raise corrupt(self.path, "its blob part is missing or cut short")
        return _with_blobs(tables, _Tail(data, end + 1, layout["offsets"]))

    def write(self, data: Tables) -> None:
        payload = encode(data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, payload)
        except OSError as error:  # a full disk, a read-only folder: the old file is still whole
            raise StoreError(
                f"cannot write the database {self.path}: {error.strerror or error}. "
                f"The previous version is intact; nothing from this run was saved."
            ) from error
        _fsync_folder(self.path.parent)


def write_atomically(path: Path, payload: bytes) -> None:
    """Write `payload` to a temporary file next to `path`, flush it to disk, then rename it over
    `path`: a reader, or a crash, finds the old file or the new one, never half of either."""
    fd, temp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def encode(tables: Tables) -> bytes:
    """The file's bytes: the tables on the first line, their `Blob`s and `Blobs` after it."""
    lines: list[bytes] = []

    def blob(value: Any) -> dict[str, Any]:
        if isinstance(value, Blob):
            lines.append(value.raw)
            return {BLOB: len(lines) - 1}
        if isinstance(value, Blobs):
            first = len(lines)
            lines.extend(value.raws())
            return {BLOBS: [first, len(lines) - first]}
        raise TypeError(f"cannot store {type(value).__name__}")

    head = orjson.dumps(tables, default=blob)
    if not lines:
        return head
    offsets = [0, *accumulate(len(line) + 1 for line in lines)]
    tail = b"\n".join(lines) + b"\n" + orjson.dumps(offsets)
    layout = orjson.dumps({TAIL: {"size": len(tail), "offsets": offsets[-1]}})
    return head[:-1] + b"," + layout[1:] + b"\n" + tail


def _with_blobs(tables: Tables, tail: _Tail) -> Tables:
    """`tables` with each blob reference in a row field made a lazy `Blob` or `Blobs`."""
    for table in tables.values():
        for row in table.values():
            for key, value in row.items():
                if type(value) is dict and len(value) == 1:
                    if BLOB in value:
                        row[key] = Blob(at=(tail, value[BLOB]))
                    elif BLOBS in value:
                        row[key] = Blobs(lines=_Lines(tail, *value[BLOBS]))
    return tables


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

    def adopt(self, tables: Tables, *, write: bool) -> None:
        """Hold `tables` as if read from the file (an upgraded layout); with `write`, write them."""
        self._tables, self._loaded = tables, True
        if write:
            self.storage.write(tables)

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
