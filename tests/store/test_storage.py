"""The database file: atomic writes, one write per transaction, damaged and newer files refused
and left untouched, one writer at a time."""

from __future__ import annotations

import gc
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from store import DatabaseBusy, DatabaseCorrupt, NewerSchema, ingest, open_database
from store.database import BLOB_TABLES, EVENTS, META, SCHEMA_VERSION
from store.storage import AtomicJSONStorage, Blob, Blobs
from tests.corpora import WIRE
from tests.corpora import write as write_file

ROOT = Path(__file__).resolve().parents[2]


def test_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "db.json"
    storage = AtomicJSONStorage(path)
    assert storage.read() is None
    storage.write({"t": {"1": {"x": "é"}}})
    first_inode = path.stat().st_ino
    storage.write({"t": {"1": {"x": 2}}})
    assert storage.read() == {"t": {"1": {"x": 2}}}
    assert path.stat().st_ino != first_inode  # a new file renamed over the old one
    assert sorted(p.name for p in path.parent.iterdir()) == ["db.json"]


def test_blob_references_are_looked_for_only_in_the_tables_said_to_hold_blobs(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    plain = {"$blob": 1}  # written as it is, not as a blob
    AtomicJSONStorage(path).write(
        {"a": {"1": {"x": Blob("one")}}, "b": {"1": {"y": plain}}, "c": {"1": {"z": Blob(2)}}}
    )
    read = AtomicJSONStorage(path, blob_tables={"a", "c"}).read()
    assert read is not None and read["b"]["1"]["y"] == {"$blob": 1}  # a plain dict there
    assert (read["a"]["1"]["x"].value, read["c"]["1"]["z"].value) == ("one", 2)
    with pytest.raises(DatabaseCorrupt):  # what the whole walk takes for a reference
        AtomicJSONStorage(path).read()
    # a blob where none may be: the numbers of the others have a gap, or run short
    AtomicJSONStorage(path).write(
        {"a": {"1": {"x": Blob(1)}}, "b": {"1": {"y": Blob(2)}}, "c": {"1": {"z": Blob(3)}}}
    )
    with pytest.raises(DatabaseCorrupt, match="out of place"):
        AtomicJSONStorage(path, blob_tables={"a", "c"}).read()
    read = AtomicJSONStorage(path, blob_tables={"a", "b"}).read()
    assert read is not None
    with pytest.raises(DatabaseCorrupt, match="offsets"):
        read["a"]["1"]["x"].value  # noqa: B018


def test_the_tables_read_are_moved_out_of_the_collectors_sight(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    AtomicJSONStorage(path).write({"t": {str(n): {"x": [n]} for n in range(1, 1000)}})
    before = gc.get_freeze_count()
    tables = AtomicJSONStorage(path).read()
    assert tables is not None and gc.isenabled()
    assert gc.get_freeze_count() >= before + 2000  # each row and its list


def test_a_transaction_is_one_write_and_an_error_discards_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_database(path, write=True) as db:
        with db.transaction():
            db.table(EVENTS).insert({"id": "e1"})
            db.set_meta(next_document=1)
            assert not path.exists()  # nothing written until the block ends
        before = path.read_bytes()
        with pytest.raises(RuntimeError), db.transaction():
            db.table(EVENTS).insert({"id": "e2"})
            raise RuntimeError("extraction crashed")
        assert [r["id"] for r in db.rows(EVENTS)] == ["e1"]
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content, reason",
    [
        (b'{"events": {"1": {"id": "e1", "summ', "not valid JSON"),  # truncated
        (b"", "not valid JSON"),
        (b"\x00\x00\x00\x00", "not valid JSON"),
        (b"[1, 2, 3]", "not a TinyDB database"),
        (b'{"events": {"1": {"id": "e1"}}}', "no chronicle schema version"),
    ],
)
def test_a_damaged_file_is_named_explained_and_never_overwritten(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    for write in (False, True):
        with pytest.raises(DatabaseCorrupt) as caught, open_database(path, write=write):
            pass
        message = str(caught.value)
        assert str(path) in message and reason in message and "mv " in message
    assert path.read_bytes() == content


def test_a_newer_schema_is_refused_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    content = orjson.dumps({META: {"1": {"schema": SCHEMA_VERSION + 1, "next_document": 1}}})
    path.write_bytes(content)
    with pytest.raises(NewerSchema, match="newer chronicle"), open_database(path, write=True):
        pass
    assert path.read_bytes() == content


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from store import open_database
    with open_database(sys.argv[1], write=True):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_a_second_writer_waits_then_says_the_database_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "1.5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        busy = pytest.raises(DatabaseBusy, match="busy: another chronicle is writing")
        with busy, open_database(path, write=True, wait=0.3):
            pass
        assert time.monotonic() - started >= 0.3
        with open_database(path) as reader:  # readers need no lock
            assert reader.rows(EVENTS) == []
        with open_database(path, write=True, wait=10):  # waits for the holder to finish
            pass
    finally:
        holder.kill()
        holder.wait()


WRITE_FOREVER = textwrap.dedent(
    """
    import sys
    from store.storage import AtomicJSONStorage, Blob, Blobs
    storage = AtomicJSONStorage(sys.argv[1])
    big = "x" * 200_000
    n = 0
    while True:
        n += 1
        rows = {str(i): {"n": n, "pad": big} for i in range(1, 30)}
        storage.write({"meta": {"1": {"schema": 1, "next_document": 1}}, "t": rows})
    """
)


def test_a_writer_killed_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    """SIGKILL during a stream of ~6 MB writes: every time, the file parses and is one write."""
    path = tmp_path / "db.json"
    for attempt in range(15):
        writer = subprocess.Popen([sys.executable, "-c", WRITE_FOREVER, str(path)], cwd=ROOT)
        time.sleep(0.25 + 0.037 * attempt)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        if not path.exists():
            continue  # killed before the first write completed: the database is still empty
        tables = AtomicJSONStorage(path).read()
        assert tables is not None
        rows = tables["t"]
        assert len(rows) == 29 and len({row["n"] for row in rows.values()}) == 1
    path.write_bytes(b"{}")  # the writer's test table is not chronicle's: an empty database
    with open_database(path, write=True):  # the next writer clears the killed ones' temp files
        pass
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_rows_are_checked_again_only_in_a_file_changed_since_chronicle_wrote_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    with open_database(path, write=True) as db:
        ingest(db, [write_file(tmp_path, "wire.txt", WIRE)])
    storage = AtomicJSONStorage(path, blob_tables=BLOB_TABLES)
    assert storage.read() is not None and storage.sealed  # its digest matches: no check needed
    # the article's date made a month 13 in place: the file is still JSON, its layout the same
    data = path.read_bytes()
    month = re.search(rb'"published":"\d{4}-(\d\d)', data)
    assert month is not None
    path.write_bytes(data[: month.start(1)] + b"13" + data[month.end(1) :])
    assert storage.read() is not None and not storage.sealed
    reason = "a document has a publication date that is not one"
    with pytest.raises(DatabaseCorrupt, match=reason), open_database(path):
        pass


def test_a_column_of_texts_is_written_as_each_text_alone_would_be() -> None:
    rng = random.Random(5)
    alphabet = ['"', "\\", "\n", "\u2028", "é", "日", " ", ",", "a", "\t", "\x00", "}"]
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(500)]
    for column in (texts, texts[:1], [""], ["", ""]):
        assert Blobs(column).raws() == [orjson.dumps(text) for text in column]


def _blob_file(path: Path) -> dict[str, Any]:
    """Write tables with a blob column to `path`; returns them."""
    tables = {"t": {"1": {"x": Blob("first"), "y": Blobs(["a", "bb", "ccc"]), "z": Blob([1, 2])}}}
    AtomicJSONStorage(path).write(tables)
    return tables


def _values(path: Path) -> list[Any]:
    read = AtomicJSONStorage(path).read()
    assert read is not None
    row = read["t"]["1"]
    return [row["x"].value, list(row["y"]), row["z"].value]


def test_blob_offsets_listed_in_json_by_earlier_versions_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _blob_file(path)
    head, rest = path.read_bytes().split(b"\n", 1)
    layout = orjson.loads(head)["$tail"]
    blobs = rest[: layout["offsets"]]
    digits = rest[layout["offsets"] :]
    listed = orjson.dumps([int(digits[i : i + 16], 16) for i in range(0, len(digits), 16)])
    size = b'"size":%d' % (len(blobs) + len(listed))
    old_head = head.replace(b'"size":%d' % layout["size"], size)
    path.write_bytes(old_head + b"\n" + blobs + listed)
    assert _values(path) == ["first", ["a", "bb", "ccc"], [1, 2]]


@pytest.mark.parametrize("at", [0, 17, -1])
def test_a_damaged_blob_offset_is_named_not_misread(tmp_path: Path, at: int) -> None:
    path = tmp_path / "db.json"
    _blob_file(path)
    data = bytearray(path.read_bytes())
    offsets = len(data) - 16 * 5  # five offsets: three lines of "y", "x" and "z", and the end
    data[offsets + (at % (16 * 5))] = ord("g")  # not a hex digit
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="offset"):
        _values(path)
