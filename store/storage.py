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

After that base, a writer may append changes (`store.log`) instead of rewriting it: one line a
frame, `frame <digest> <payload>` (the payload `{"changes": [...]}`, its blake2b digest of 16
bytes in hex), written with O_APPEND and fsynced. A reader applies them in order to the base
(the `replay` function it is given). A last frame cut short or whose digest fails is the torn
tail of a killed writer: ignored, and cut away by the next writer before it appends (it holds
the lock; readers never touch those bytes). A bad frame with more after it is damage.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import mmap
import os
import secrets
import stat
import sys
from array import array
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO, overload

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
# Not inherited by the processes a writer may start (absent on Windows).
O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Where the first line says how long the blob part is and where its line offsets are.
TAIL = "$tail"
BLOB, BLOBS = "$blob", "$blobs"
# The width of a blob line's offset in the file: hex digits of 8 bytes.
OFFSET_DIGITS = 16
# What opens each frame of the change log, and the size of its payload's digest.
FRAME = b"frame "
DIGEST_SIZE = 16
# The log is written into a new base (compacted) rather than appended to once it holds this many
# frames, or once its frames would weigh more than this share of the base: a reader applies
# every frame at each load, and 64 frames of one article each cost it ~10 ms at 100,000 events.
MAX_FRAMES = 64
MAX_LOG_SHARE = 0.25


class Blob:
    """One JSON value kept as bytes until `.value` is read (or a value to write as a blob)."""

    __slots__ = ("_at", "_raw", "_value")

    def __init__(
        self, value: Any = None, *, raw: bytes | None = None, at: tuple[_Tail, int] | None = None
    ) -> None:
        self._value, self._raw, self._at = value, raw, at

    @property
    def value(self) -> Any:
        if self._value is None and self._at is not None:
            tail, index = self._at
            self._value = tail.decode(self.raw, f"blob {index}")
        elif self._value is None and self._raw is not None:
            self._value = orjson.loads(self._raw)
        return self._value

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            if self._at is not None:
                tail, index = self._at
                self._raw = tail.line(index)
            else:
                self._raw = orjson.dumps(self._value)
        return self._raw

    @property
    def source(self) -> Path | None:
        """The database file this blob was read from (None for a value to write)."""
        return self._at[0].path if self._at is not None else None

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
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        return self._item(index)

    def _item(self, index: int) -> Any:
        """The value at `index`: where it comes from is what the subclasses change."""
        if self._lines is None:
            return self._values[index]
        lines = self._lines
        return lines.tail.decode(lines.line(index), f"blob {lines.first + index}")

    @property
    def source(self) -> Path | None:
        """The database file these values were read from (None for values to write)."""
        return self._lines.tail.path if self._lines is not None else None

    def all(self) -> list[Any]:
        """Every value, decoded in one call (far faster than one by one)."""
        if self._lines is None:
            return list(self._values)
        lines = self._lines
        values = lines.tail.decode(lines.array(), f"blobs {lines.first}-{lines.first + len(lines)}")
        if type(values) is not list or len(values) != len(lines):
            raise lines.tail.damaged(f"its blobs from {lines.first} do not add up")
        return values

    def raws(self) -> list[bytes]:
        if self._lines is None:
            return _encoded(self._values)
        return [self._lines.line(i) for i in range(len(self))]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Blobs) and self.raws() == other.raws()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Blobs(<{len(self)} values>)"


def _encoded(values: Sequence[Any]) -> list[bytes]:
    """Each value as JSON. A column of texts (the search texts of 100,000 items) in one call:
    indented, orjson writes a list of texts one a line (a JSON text holds no raw newline), and
    cutting them out is four times faster than a call for each."""
    if not values or not set(map(type, values)) <= {str}:
        return list(map(orjson.dumps, values))
    lines = orjson.dumps(list(values), option=orjson.OPT_INDENT_2).split(b"\n")[1:-1]
    raws = [line[2:-1] for line in lines]  # '  "text",'
    raws[-1] = lines[-1][2:]  # the last has no comma
    return raws


class Spliced(Blobs):
    """A column made of another (`base`) and new values: the value at `i` is the base's at
    `slots[i]`, or from `len(base)` on, `added[slots[i] - len(base)]`. What applying changes
    makes of a column at 100,000 items without decoding it. A spliced base is looked through,
    so a column spliced again and again stays one step from the file."""

    __slots__ = ("_added", "_base", "_slots")

    def __init__(self, base: Blobs, slots: Sequence[int], added: list[Any]) -> None:
        super().__init__()
        if isinstance(base, Spliced):
            inner: Spliced = base
            end = len(inner._base) + len(inner._added)
            through = [*inner._slots, *range(end, end + len(added))]
            slots = list(map(through.__getitem__, slots))
            base, added = inner._base, inner._added + added
        self._base: Blobs = base
        self._slots: Sequence[int] = slots
        self._added: list[Any] = added

    def __len__(self) -> int:
        return len(self._slots)

    def _item(self, index: int) -> Any:
        slot, size = self._slots[index], len(self._base)
        return self._base[slot] if slot < size else self._added[slot - size]

    def all(self) -> list[Any]:
        return list(map((self._base.all() + self._added).__getitem__, self._slots))

    def raws(self) -> list[bytes]:
        raws = self._base.raws() + list(map(orjson.dumps, self._added))
        return list(map(raws.__getitem__, self._slots))

    def __repr__(self) -> str:
        return f"Spliced(<{len(self)} values>)"


class LazyBlobs(Blobs):
    """A column of `count()` values, each made by `get(i)` when read (`every()` makes them
    all): nothing is counted or made before it is read."""

    __slots__ = ("_count", "_every", "_get")

    def __init__(
        self, count: Callable[[], int], get: Callable[[int], Any], every: Callable[[], list[Any]]
    ) -> None:
        super().__init__()
        self._count, self._get, self._every = count, get, every

    def __len__(self) -> int:
        return self._count()

    def _item(self, index: int) -> Any:
        size = len(self)
        if not -size <= index < size:
            raise IndexError(index)
        return self._get(index % size)

    def all(self) -> list[Any]:
        return self._every()

    def raws(self) -> list[bytes]:
        return list(map(orjson.dumps, self._every()))

    def __repr__(self) -> str:
        return f"LazyBlobs(<{len(self)} values>)"


class Postings(Sequence[int]):
    """Positions (of one actor's or document's items) made by `translate(base, added)` when
    first read, whose number, `size`, is known before: what applying changes makes of 25,000
    postings at 100,000 items, of which a reader reads a few. Compares equal to the list it
    makes; a file is written with that list. Made of a damaged file, the list may not have the
    size announced: reading it then raises `DatabaseCorrupt` naming `source`."""

    __slots__ = ("_added", "_base", "_done", "_size", "_source", "_translate")

    def __init__(
        self,
        translate: Callable[[list[int], list[int] | None], list[int]],
        base: Sequence[int],
        size: int,
        added: list[int] | None = None,
        source: Path | None = None,
    ) -> None:
        self._translate, self._base, self._size = translate, base, size
        self._added, self._source = added, source
        self._done: list[int] | None = None

    def positions(self) -> list[int]:
        """The positions, made on the first call."""
        if self._done is None:
            base = self._base if type(self._base) is list else list(self._base)
            done = self._translate(base, self._added)
            if len(done) != self._size:
                reason = "its item postings do not match its items"
                raise corrupt(self._source or Path("?"), reason)
            self._done = done
        return self._done

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        return self.positions()[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self.positions())

    def __contains__(self, value: object) -> bool:
        return value in self.positions()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Postings):
            other = other.positions()
        return self.positions() == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict[int, Any]) -> list[int]:
        return self.positions()[:]

    def __repr__(self) -> str:
        return f"Postings(<{self._size} positions>)"


class LazyBlob(Blob):
    """One value made by `make()` when first read."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        super().__init__()
        self._make = make

    @property
    def value(self) -> Any:
        if self._value is None:
            self._value = self._make()
        return self._value

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            self._raw = orjson.dumps(self.value)
        return self._raw


class _Tail:
    """The blob part of a file: its bytes, and where each line starts.

    Each line's offset is written as `OFFSET_DIGITS` hex digits, so that any one is read where
    it stands: decoding the 200,000 offsets of a large file as a JSON list cost 10 ms of the
    first blob read (files written so are still read). The offsets are checked when first read
    (as many as the first line refers to blobs, from 0 to where they end) and each line when it
    is read (it ends with the newline before the next), so that a damaged file raises
    `DatabaseCorrupt` naming it, never a wrong slice or an `IndexError`, and a writer never
    copies a blob that is not one line.
    """

    def __init__(
        self, data: bytes | mmap.mmap, start: int, offsets_at: int, end: int, path: Path
    ) -> None:
        self.data, self.start, self._offsets_at, self.path = data, start, offsets_at, path
        self.end = end  # where the offsets end: frames of the change log may follow
        self.count = 0  # how many lines the first line refers to (set once they are counted)
        self._checked = False
        self._listed: list[int] | None = None  # the offsets of a file that lists them in JSON

    def offset(self, index: int) -> int:
        """Where line `index` starts in the blob part (`index` up to `count`: where they end)."""
        if not self._checked:
            self._check_offsets()
        if not 0 <= index <= self.count:
            raise self.damaged(f"it refers to blob line {index}, past its {self.count} lines")
        if self._listed is not None:
            return self._listed[index]
        at = self.start + self._offsets_at + OFFSET_DIGITS * index
        try:
            return int(self.data[at : at + OFFSET_DIGITS], 16)
        except ValueError:
            raise self.damaged(f"its blob line offset {index} is not a number") from None

    def _check_offsets(self) -> None:
        where = self.start + self._offsets_at
        if self.data[where : where + 1] == b"[":  # a JSON list
            offsets = self.decode(self.data[where : self.end], "line offsets")
            if type(offsets) is not list or len(offsets) != self.count + 1:
                raise self.damaged("its blob line offsets do not match its blobs")
            self._listed = offsets
        elif self.end - where != OFFSET_DIGITS * (self.count + 1):
            raise self.damaged("its blob line offsets do not match its blobs")
        self._checked = True
        if self.offset(0) != 0 or self.offset(self.count) != self._offsets_at:
            raise self.damaged("its blob line offsets do not match its blobs")

    def span(self, first: int, count: int) -> tuple[int, int]:
        """The bytes of lines first..first+count (without the last newline)."""
        begin, end = self.offset(first), self.offset(first + count)
        if not (type(begin) is int and type(end) is int and 0 <= begin < end <= self._offsets_at):
            raise self.damaged(f"its blob line offsets {first}-{first + count} are out of order")
        begin, end = self.start + begin, self.start + end - 1
        if self.data[end] != NEWLINE or (begin > self.start and self.data[begin - 1] != NEWLINE):
            raise self.damaged(f"its blob lines {first}-{first + count} do not start on a line")
        return begin, end

    def line(self, index: int) -> bytes:
        begin, end = self.span(index, 1)
        if self.data.find(b"\n", begin, end) >= 0:
            raise self.damaged(f"its blob {index} is not one line")
        return self.data[begin:end]

    def decode(self, raw: bytes, what: str) -> Any:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise self.damaged(f"its {what} is not valid JSON ({error})") from None

    def damaged(self, reason: str) -> DatabaseCorrupt:
        return corrupt(self.path, reason)


NEWLINE = ord("\n")


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
        return self.tail.line(self.first + index)

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

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        replay: Replay | None = None,
        blob_tables: Collection[str] | None = None,
    ) -> None:
        """`replay(tables, changes)` applies the changes of the file's frames to its base tables
        (`store.log.apply_changes`); without it a file with frames is refused. `blob_tables`:
        the only tables whose rows may hold blobs (None: any); the rows of the others are not
        walked for blob references at load (21,000 actor rows at 100,000 events)."""
        super().__init__()
        self.path = Path(path)
        self._replay = replay
        self._blob_tables = None if blob_tables is None else frozenset(blob_tables)
        self._log: _Log | None = None  # the file as last read or written, if frames may follow
        # Whether the base tables last read are as chronicle wrote them: their text matches the
        # digest written with it (`encode_parts`). A reader checks the rows of a file that is
        # not sealed (`store.rows.problem`: ~45 ms at 100,000 events; the digest, ~6 ms).
        self.sealed = False

    def read(self) -> Tables | None:
        """The tables of the file, its frames applied.

        The read makes millions of objects, no garbage and no cycles, which live as long as the
        database is open: the collector is paused while they are made, and they are then moved
        out of its sight (`gc.freeze`), else its next passes would walk all of them (50 ms each
        at 100,000 events, more than the rest of the read); they are freed as usual."""
        self._log = None
        try:
            with self.path.open("rb") as file:
                data = _mapped(file)
                with collector_paused():
                    tables = self._read(data, file.fileno())
                    gc.freeze()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"cannot read the database {self.path}: {error.strerror}") from error
        return tables

    def _read(self, data: bytes | mmap.mmap, fd: int) -> Tables | None:
        """The tables of the file mapped as `data` and open as `fd`."""
        self.sealed = False
        end = data.find(b"\n")
        first = data[: len(data) if end < 0 else end]
        try:
            tables = orjson.loads(first)
        except orjson.JSONDecodeError as error:
            raise corrupt(self.path, f"it is not valid JSON ({error})") from None
        if type(tables) is not dict or not all(
            type(table) is dict and all(type(row) is dict for row in table.values())
            for name, table in tables.items()
            if name != TAIL
        ):
            raise corrupt(self.path, "it is JSON but not a TinyDB database")
        layout = tables.pop(TAIL, None)
        if layout is None:
            if end >= 0:
                raise corrupt(self.path, "it has more than one line but no blob layout")
            return tables
        if not (
            type(layout) is dict
            and layout.keys() - {"digest"} == {"size", "offsets"}
            and type(layout["size"]) is int
            and type(layout["offsets"]) is int
            and 0 <= layout["offsets"] < layout["size"]
        ):
            raise corrupt(self.path, f"its blob layout {TAIL} is malformed")
        base = end + 1 + layout["size"]
        if end < 0 or len(data) < base:
            raise corrupt(self.path, "its blob part is missing or cut short")
        self.sealed = layout.get("digest") == _tables_digest(first[: first.rfind(_LAYOUT)])
        tail = _Tail(data, end + 1, layout["offsets"], base, self.path)
        tables = _with_blobs(tables, tail, self._blob_tables)
        changes, frames, whole = _frames(_log_bytes(fd, base), base, self.path)
        self._log = _Log(base, frames, whole, 0)
        if not changes:
            return tables
        if self._replay is None:
            raise corrupt(self.path, "it has a change log this reader cannot apply")
        try:
            return self._replay(tables, changes)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
            reason = f"its change log does not apply to its tables ({error!r})"
            raise corrupt(self.path, reason) from None

    def write(self, data: Tables) -> None:
        self._log = None
        payload = encode_parts(data)
        try:
            final_target(self.path).parent.mkdir(parents=True, exist_ok=True)
            inode = write_atomically(self.path, payload)
        except OSError as error:  # a full disk, a read-only folder: the old file is still whole
            raise self._failed(error) from error
        if len(payload) > 1:  # a base with blobs, which frames may follow
            size = sum(map(len, payload))
            self._log = _Log(size, 0, size, inode)

    def append(self, changes: list[Any], whole: Callable[[], Tables]) -> bool:
        """Append `changes` to the file last read or written as one frame; or write `whole()`
        (the tables with the changes applied, made only then) and return True when there is no
        base to append to or the log is long (`MAX_FRAMES`, `MAX_LOG_SHARE`)."""
        log, line = self._log, frame(changes)
        if (
            log is None
            or log.frames >= MAX_FRAMES
            or log.end - log.base + len(line) > log.base * MAX_LOG_SHARE
        ):
            self.write(whole())
            return True
        try:
            fd = os.open(final_target(self.path), os.O_WRONLY | os.O_APPEND | O_CLOEXEC)
        except FileNotFoundError:
            self.write(whole())
            return True
        except OSError as error:
            raise self._failed(error) from error
        try:
            info = os.fstat(fd)
            if info.st_size < log.end or (log.inode and info.st_ino != log.inode):
                os.close(fd)  # not the file read (not reached: writers hold the lock)
                fd = -1
                self.write(whole())
                return True
            if info.st_size > log.end:
                os.ftruncate(fd, log.end)  # the torn tail of a killed writer
            log.inode = info.st_ino
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError as error:
            raise self._failed(error) from error
        finally:
            if fd >= 0:
                os.close(fd)
        log.frames += 1
        log.end += len(line)
        return False

    def _failed(self, error: OSError) -> StoreError:
        return StoreError(
            f"cannot write the database {self.path}: {error.strerror or error}. "
            f"The previous version is intact; nothing from this run was saved."
        )


Replay = Callable[[Tables, list[Any]], Tables]


@dataclass
class _Log:
    """Where a file's base ends, how many whole frames follow it and where they end."""

    base: int
    frames: int
    end: int
    inode: int  # 0: not known yet


def frame(changes: list[Any]) -> bytes:
    """One frame of the change log: a line (orjson writes no raw newline) with its digest; a
    `Blob` in a row is written as `{"$blob": value}`, its bytes as they are."""
    payload = orjson.dumps({"changes": changes}, default=_frame_blob)
    return b"%s%s %s\n" % (FRAME, _digest(payload), payload)


def _frame_blob(value: Any) -> Any:
    if isinstance(value, Blob):
        return {BLOB: orjson.Fragment(value.raw)}
    raise TypeError(f"cannot store {type(value).__name__} in a frame")


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=DIGEST_SIZE).hexdigest().encode()


def _log_bytes(fd: int, start: int) -> bytes:
    """The bytes of the file open as `fd` from `start` (its frames), copied rather than read from
    its mapping: a writer cuts off the torn tail a killed one left (`append`), and reading a
    mapping past the end of a file cut short kills the reader (SIGBUS); a read only ends sooner."""
    size = os.fstat(fd).st_size
    return os.pread(fd, size - start, start) if size > start else b""


def _frames(log: bytes, start: int, path: Path) -> tuple[list[Any], int, int]:
    """The changes of the whole frames in `log`, the file's bytes from `start`: how many frames,
    and where in the file they end."""
    changes: list[Any] = []
    frames, at, size = 0, 0, len(log)
    head = len(FRAME) + 2 * DIGEST_SIZE + 1
    while at < size:
        end = log.find(b"\n", at)
        if end < 0:
            break  # the torn tail of a killed writer (no newline yet): the state before it
        line = log[at:end]
        payload = line[head:]
        if not (
            line[: len(FRAME)] == FRAME
            and line[head - 1 : head] == b" "
            and line[len(FRAME) : head - 1] == _digest(payload)
        ):
            if end + 1 == size:
                break  # torn too: cut short by a crash after its newline was on disk
            raise corrupt(path, f"its change log frame {frames + 1} is damaged, and more follow")
        try:
            decoded = orjson.loads(payload)
            found = decoded["changes"] if type(decoded) is dict else None
            if type(found) is not list:
                raise ValueError("no list of changes")
            changes += map(_blob_fields, found)
        except (orjson.JSONDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            reason = f"its change log frame {frames + 1} is not one ({error})"
            raise corrupt(path, reason) from None
        frames, at = frames + 1, end + 1
    return changes, frames, start + at


def _blob_fields(change: Any) -> Any:
    """A change as written, with the `{"$blob": value}` fields of its rows made `Blob`s."""
    for table in change.values():
        for rows in table.values() if type(table) is dict else ():
            for row in rows if type(rows) is list else ():
                for key, value in row.items() if type(row) is dict else ():
                    if type(value) is dict and len(value) == 1 and BLOB in value:
                        row[key] = Blob(value[BLOB])
    return change


def _mapped(file: BinaryIO) -> bytes | mmap.mmap:
    """The file's bytes, mapped rather than copied: at 100,000 events copying its 110 MB took
    half of a load, and only the first line and the blobs shown are ever touched.

    Safe because writes never change what a file holds up to the end of its frames: they rename
    a new file over it (a mapping keeps reading the file it was made of), or append frames after
    them; the torn tail a writer cuts off is read by copy (`_log_bytes`)."""
    if os.fstat(file.fileno()).st_size == 0:
        return b""
    return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def final_target(path: Path) -> Path:
    """The file a write to `path` must replace: the last target of its symlinks (which need not
    exist yet), so that the links stay links and every writer through them locks one file."""
    return Path(os.path.realpath(path))


def write_atomically(path: Path, payload: bytes | Sequence[bytes], *, new_mode: int = 0o666) -> int:
    """Write `payload` (bytes, or parts written one after the other) to a temporary file next to
    `path`, flush it to disk, then rename it over `path`: a reader, or a crash, finds the old
    file or the new one, never half of either.

    A symlink is followed: its final target is replaced, the temporary file written in the
    target's folder. The file keeps its permission bits (and owner, where allowed); a new one
    gets `new_mode` less the umask, as `open` gives any new file. Returns the new file's inode.
    """
    target = final_target(path)
    try:
        old: os.stat_result | None = target.stat()
    except FileNotFoundError:
        old = None
    fd, temp = _create_temporary(target, new_mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            if old is not None:
                _keep_owner_and_mode(handle.fileno(), old)
            if isinstance(payload, bytes):
                handle.write(payload)
            else:
                handle.writelines(payload)  # parts larger than the buffer are not copied
            handle.flush()
            os.fsync(handle.fileno())
            inode = os.fstat(handle.fileno()).st_ino
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(target.parent)
    return inode


def _create_temporary(target: Path, mode: int) -> tuple[int, str]:
    """A new, empty, uniquely named file next to `target`, created as `open` creates files
    (`mode` less the umask: `mkstemp` would make it 0600 whatever is asked)."""
    for _ in range(100):
        temp = target.with_name(f"{temp_prefix(target)}{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_CLOEXEC, mode), str(temp)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner (when this user may: root, or the same user with
    another group) and permission bits."""
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def encode(tables: Tables) -> bytes:
    """The file's bytes: the tables on the first line, their `Blob`s and `Blobs` after it."""
    return b"".join(encode_parts(tables))


def encode_parts(tables: Tables) -> list[bytes]:
    """`encode` in the parts that make it, so that a writer does not copy the blobs (a hundred
    megabytes at 100,000 events) into one string again and again to join them."""
    lines: list[bytes] = []

    def blob(value: Any) -> Any:
        if isinstance(value, Blob):
            lines.append(value.raw)
            return {BLOB: len(lines) - 1}
        if isinstance(value, Blobs):
            first = len(lines)
            lines.extend(value.raws())
            return {BLOBS: [first, len(lines) - first]}
        if isinstance(value, Postings):
            return value.positions()
        raise TypeError(f"cannot store {type(value).__name__}")

    try:
        head = orjson.dumps(tables, default=blob)
    except orjson.JSONEncodeError as error:
        if isinstance(error.__cause__, StoreError):  # `Postings` read of a damaged file
            raise error.__cause__ from None
        raise
    if not lines:
        return [head]
    offsets = [0, *accumulate(len(line) + 1 for line in lines)]
    blobs, where = b"\n".join(lines), _offsets_text(offsets)
    size = len(blobs) + 1 + len(where)
    tables_text = head[:-1]  # the layout goes in after the tables, before the closing brace
    digest = _tables_digest(tables_text)
    layout = orjson.dumps({TAIL: {"size": size, "offsets": offsets[-1], "digest": digest}})
    return [tables_text, b",", layout[1:], b"\n", blobs, b"\n", where]


def _offsets_text(offsets: list[int]) -> bytes:
    """The offsets as `_Tail` reads them: each `OFFSET_DIGITS` hex digits, big-endian."""
    packed = array("Q", offsets)
    if sys.byteorder == "little":
        packed.byteswap()
    return packed.tobytes().hex().encode()


def _tables_digest(text: bytes) -> str:
    """The digest of the tables' text on a file's first line (`AtomicJSONStorage.sealed`)."""
    return hashlib.sha256(text).hexdigest()


# Where the blob layout starts on the first line: after the tables' text.
_LAYOUT = b',"%s":' % TAIL.encode()


def _with_blobs(tables: Tables, tail: _Tail, only: frozenset[str] | None = None) -> Tables:
    """`tables` with each blob reference in a row field made a lazy `Blob` or `Blobs`; with
    `only`, in the rows of those tables alone.

    `encode` numbers the blobs in the order the first line refers to them, so the references,
    in that order, must cover the lines 0, 1, 2, ... each once: anything else is damage (a
    reference changed, out of range, or two pointing at one blob). A reference in a table not
    walked is left a dict: a gap in the numbers of the others (damage, raised here), or blobs
    past the last one counted (damage, raised when the offsets are read).
    """
    count = 0
    for name, table in tables.items():
        if only is not None and name not in only:
            continue
        for row in table.values():
            for key, value in row.items():
                if type(value) is dict and len(value) == 1:
                    if BLOB in value:
                        if value[BLOB] != count or type(value[BLOB]) is not int:
                            raise tail.damaged(f"its blob reference {value} is out of place")
                        row[key] = Blob(at=(tail, count))
                        count += 1
                    elif BLOBS in value:
                        lines = value[BLOBS]
                        if not (
                            type(lines) is list
                            and len(lines) == 2
                            and lines[0] == count
                            and type(lines[0]) is int
                            and type(lines[1]) is int
                            and lines[1] >= 0
                        ):
                            raise tail.damaged(f"its blob reference {value} is out of place")
                        row[key] = Blobs(lines=_Lines(tail, count, lines[1]))
                        count += lines[1]
    tail.count = count
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
        # Tables made stale by an append, kept until the next read: freeing their millions of
        # objects costs more than the append (25 ms at 100,000 events); a process that ends
        # after appending may never pay it.
        self._stale: Tables | None = None

    def read(self) -> Tables | None:
        if not self._loaded:
            self._tables = self.storage.read()
            self._loaded, self._stale = True, None
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables, self._loaded = data, True
        if self._depth:
            self._dirty = True
        else:
            self.storage.write(data)

    def append(self, changes: list[Any], whole: Callable[[], Tables]) -> None:
        """Append `changes` to the file (`AtomicJSONStorage.append`; `whole()`: the tables held
        with the changes applied, for a rewrite). The tables held are then stale, whatever
        happened: the next read goes back to the file, which holds them changed (or not, if the
        append failed)."""
        if self._depth:
            raise RuntimeError("changes are appended outside transaction()")
        storage = self.storage
        if not isinstance(storage, AtomicJSONStorage):
            raise TypeError("only AtomicJSONStorage keeps a change log")
        try:
            storage.append(changes, whole)
        finally:
            self._stale = self._tables
            self._discard()

    @property
    def sealed(self) -> bool:
        """Whether the tables just read are as chronicle wrote them (`AtomicJSONStorage.sealed`)."""
        return getattr(self.storage, "sealed", False)

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
