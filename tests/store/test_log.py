"""The change log: changes appended to the database file as frames, and applied to the tables.

Applying changes must give exactly the tables a full merge would write (`merged_rows` of the
final items, in timeline order), so each test keeps a plain model of the items (`World`),
changes it, and compares the applied tables with the model's tables built from scratch.
"""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest

from store import SCHEMA_VERSION, DatabaseCorrupt, Filter, load_index, open_database
from store.log import apply_changes
from store.rows import TALLIES_FIELD, merged_rows, problem, split_tally, timeline_key
from store.storage import AtomicJSONStorage, Blob

ROOT = Path(__file__).resolve().parents[2]
Row = dict[str, Any]

DAYS = ["2024-03-01", "2024-03-01", "2024-03-02", "2024-05-10", "2025-01-07", "1999-12-31"]
WORDS = "harbour lantern ferry quarry orchard tunnel meadow bridge kiln mill".split()


@dataclass
class World:
    """What a full merge would store: rows by TinyDB key, items in timeline order."""

    documents: dict[str, Row]
    actors: dict[str, Row]
    events: list[Row]
    quotes: list[Row]
    meta: Row
    serial: int = 0
    actor_number: int = 0
    document_number: int = 0

    def tables(self, schema: int = SCHEMA_VERSION) -> dict[str, dict[str, Row]]:
        """The tables; the actors' tallies in the tallies table, or in their rows up to schema
        3."""
        actors, events, quotes = merged_rows(list(self.actors.values()), self.events, self.quotes)
        tables = {
            "documents": dict(self.documents),
            "actors": dict(zip(self.actors, actors, strict=True)),
            "events": {"1": events[0]},
            "quotes": {"1": quotes[0]},
            "meta": {"1": self.meta | {"schema": schema}},
        }
        if schema > 3:
            parts = {row["id"]: split_tally(row) for row in actors}
            tables["actors"] = {k: parts[row["id"]][0] for k, row in tables["actors"].items()}
            held = {actor_id: tally for actor_id, (_, tally) in parts.items() if tally is not None}
            tables["tallies"] = {"1": {TALLIES_FIELD: Blob(held)}}
        return tables


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _document(world: World, rng: random.Random) -> Row:
    world.document_number += 1
    doc_id = f"d{world.document_number}"
    return {
        "id": doc_id,
        "path": f"/news/{doc_id}.txt",
        "title": _text(rng),
        "publisher": None,
        "published": rng.choice([None, "2024-03-01"]),
        "url": None,
        "published_from": None,
        "sha256": f"{world.document_number:064x}",
        "added": "2024-06-01T10:00:00",
        "text": Blob(_text(rng) + " é\n“quoted”"),
        "records": Blob({"events": [], "n": rng.random()}),
    }


def _actor(world: World, rng: random.Random) -> Row:
    world.actor_number += 1
    row: Row = {
        "id": f"a{world.actor_number}",
        "name": _text(rng).title(),
        "kind": rng.choice(["person", "organization"]),
        "aliases": [],
        "roles": [_text(rng)] if rng.random() < 0.3 else [],
        "confidence": rng.choice([1.0, 0.6]),
    }
    if rng.random() < 0.3:
        key = f"org:{rng.randint(0, 9)}"
        row["keys"] = [key]
        row["merge"] = orjson.dumps({"keys": {key: 1}}).decode()
    return row


def _cited(world: World, rng: random.Random) -> list[list[Any]]:
    ids = [row["id"] for row in world.documents.values()]
    return [[rng.choice(ids), s, s + 5] for s in sorted(rng.sample(range(50), rng.randint(1, 2)))]


def _event(world: World, rng: random.Random, actors: list[str], start: str | None = None) -> Row:
    world.serial += 1
    start = start or rng.choice(DAYS)
    return {
        "id": f"e{world.serial}",
        "start": start,
        "end": start if rng.random() < 0.8 else "2025-12-31",
        "precision": "day",
        "date_text": "on a day",
        "relative": False,
        "confidence": rng.choice([1.0, 1.0, 0.4, 0.7]),
        "summary": _text(rng),
        "actors": rng.sample(actors, min(len(actors), rng.randint(0, 2))),
        "citations": _cited(world, rng),
        "search": _text(rng),
    }


def _quote(world: World, rng: random.Random, actors: list[str], start: Any = ...) -> Row:
    world.serial += 1
    if start is ...:
        start = rng.choice([*DAYS, None, None])
    return {
        "id": f"q{world.serial}",
        "text": _text(rng),
        "speaker": rng.choice([*actors, None]) if actors else None,
        "confidence": rng.choice([1.0, 0.5]),
        "start": start,
        "end": start,
        "precision": "day" if start else None,
        "reported": rng.choice([None, "2024-03-02"]),
        "citations": _cited(world, rng),
        "search": _text(rng),
    }


def _next_key(world: World, table: str) -> str:
    """One more than the largest key of the table."""
    rows: dict[str, Row] = getattr(world, table)
    return str(max(map(int, rows), default=0) + 1)


def random_world(rng: random.Random, *, items: int = 12) -> World:
    world = World({}, {}, [], [], {"schema": SCHEMA_VERSION, "next_document": 1})
    for _ in range(rng.randint(1, 3)):
        world.documents[_next_key(world, "documents")] = _document(world, rng)
    for _ in range(rng.randint(0, 5)):
        world.actors[_next_key(world, "actors")] = _actor(world, rng)
    ids = [row["id"] for row in world.actors.values()]
    world.events = [_event(world, rng, ids) for _ in range(rng.randint(0, items))]
    world.quotes = [_quote(world, rng, ids) for _ in range(rng.randint(0, items))]
    world.events.sort(key=timeline_key)
    world.quotes.sort(key=timeline_key)
    world.meta["next_document"] = world.document_number + 1
    return world


def _item_change(
    world: World, rng: random.Random, name: str, actors: list[str]
) -> tuple[Row, list[Row]]:
    """A random change of the events or quotes, and the items after it (timeline order)."""
    items: list[Row] = getattr(world, name)
    make = _event if name == "events" else _quote
    positions = list(range(len(items)))
    rng.shuffle(positions)
    replaced = positions[: rng.randint(0, min(3, len(positions)))]
    removed = positions[len(replaced) : len(replaced) + rng.randint(0, 3)]
    change: Row = {"replace": [], "remove": removed, "insert": []}
    after = list(items)
    for p in replaced:
        row = make(world, rng, actors, items[p]["start"]) | {
            "id": items[p]["id"],
            "reported": items[p].get("reported"),
        }
        if name == "events":
            del row["reported"]
        else:
            row["end"] = items[p]["end"]
        if timeline_key(row) != timeline_key(items[p]):
            continue
        change["replace"].append([p, row])
        after[p] = row
    after = [row for p, row in enumerate(after) if p not in set(removed)]
    for _ in range(rng.randint(0, 4)):
        row = make(world, rng, actors)
        change["insert"].append(row)
        after.append(row)
    after.sort(key=timeline_key)  # stable: new rows after the ones of their day
    return change, after


def random_change(world: World, rng: random.Random) -> Row:
    """A random change of `world`, applied to it (the model) as a full merge would."""
    change: Row = {}
    # documents no item cites may go (before new ones come)
    cited_docs = {c[0] for row in world.events + world.quotes for c in row["citations"]}
    spare = [row["id"] for row in world.documents.values() if row["id"] not in cited_docs]
    if spare and rng.random() < 0.4:
        doc_id = rng.choice(spare)
        change["documents"] = {"remove": [doc_id]}
        world.documents = {k: r for k, r in world.documents.items() if r["id"] != doc_id}
    if rng.random() < 0.5 or not world.documents:
        new_docs = [_document(world, rng) for _ in range(rng.randint(1, 2))]
        for row in new_docs:
            world.documents[_next_key(world, "documents")] = row
        change.setdefault("documents", {})["insert"] = new_docs
    new_actors = [_actor(world, rng) for _ in range(rng.randint(0, 2))]
    old_actors = list(world.actors.values())
    renamed = [
        {k: v for k, v in row.items() if k not in ("events", "quotes")} | {"name": _text(rng)}
        for row in rng.sample(old_actors, min(len(old_actors), rng.randint(0, 2)))
    ]
    ids = [row["id"] for row in old_actors] + [row["id"] for row in new_actors]
    for name in ("events", "quotes"):
        if rng.random() < 0.8:
            change[name], after = _item_change(world, rng, name, ids)
            setattr(world, name, after)
    # actors whose items are all gone may go, if not set just now
    cited = {a for row in world.events for a in row["actors"]}
    cited |= {row["speaker"] for row in world.quotes}
    set_ids = {row["id"] for row in renamed}
    idle = [a["id"] for a in old_actors if a["id"] not in cited | set_ids]
    gone = rng.sample(idle, min(len(idle), rng.randint(0, 2)))
    if renamed or new_actors or gone:
        change["actors"] = {"set": renamed + new_actors, "remove": gone}
    world.actors = {k: row for k, row in world.actors.items() if row["id"] not in gone}
    by_id = {row["id"]: key for key, row in world.actors.items()}
    for row in renamed:
        world.actors[by_id[row["id"]]] = row
    for row in new_actors:
        world.actors[_next_key(world, "actors")] = row
    if "insert" in change.get("documents", {}) or rng.random() < 0.5:
        change["meta"] = {"next_document": world.document_number + 1}
        world.meta["next_document"] = world.document_number + 1
    return change


def assert_same_tables(got: dict[str, dict[str, Row]], want: dict[str, dict[str, Row]]) -> None:
    assert got.keys() == want.keys()
    # postings made when read (`storage.Postings`) know their length before: the one read
    postings = [row[n] for row in got.get("actors", {}).values() for n in ("events", "quotes")]
    postings += [p for n in ("events", "quotes") for p in got[n]["1"]["documents"].values()]
    sizes = [len(p) for p in postings]
    assert [len(list(p)) for p in postings] == sizes
    for name in want:
        assert list(got[name]) == list(want[name]), name  # the same TinyDB keys, in order
        for key in want[name]:
            assert got[name][key] == want[name][key], (name, key)
    events, quotes = got["events"]["1"], got["quotes"]["1"]
    for items in (events, quotes):  # each lazy column read the ways readers read it
        assert items["records"].all() == list(items["records"])
        assert items["postings"].all() == [
            items["postings"][i] for i in range(len(items["postings"]))
        ]
    assert problem(got) is None


@pytest.mark.parametrize("schema", [3, SCHEMA_VERSION])  # 3: the tallies in the actor rows
@pytest.mark.parametrize("seed", range(150))
def test_applied_changes_give_the_tables_of_a_full_merge(seed: int, schema: int) -> None:
    rng = random.Random(seed)
    world = random_world(rng)
    tables = world.tables(schema)
    for _ in range(4):
        changes = [random_change(world, rng) for _ in range(rng.randint(1, 3))]
        before = copy.deepcopy(tables)
        applied = apply_changes(tables, copy.deepcopy(changes))
        assert_same_tables(tables, before)  # left as it was
        assert_same_tables(applied, world.tables(schema))
        owned = apply_changes(copy.deepcopy(tables), copy.deepcopy(changes), owned=True)
        assert_same_tables(owned, world.tables(schema))
        tables = applied


# --- the file ---------------------------------------------------------------------------


def _database(tmp_path: Path, seed: int = 1, items: int = 12) -> tuple[Path, World, random.Random]:
    """A database of a random world, whose first document is long enough that its frames are
    appended, not compacted at once into a new base (`storage.MAX_LOG_SHARE`)."""
    rng = random.Random(seed)
    world = random_world(rng, items=items)
    world.documents["1"]["text"] = Blob("long text " * 100_000)
    path = tmp_path / "db.json"
    AtomicJSONStorage(path).write(world.tables())
    return path, world, rng


def _read(path: Path) -> dict[str, dict[str, Row]]:
    with open_database(path) as db:
        return {name: dict(enumerate(db.rows(name))) for name in db._middleware.read() or {}}


def _tables_of(path: Path) -> dict[str, dict[str, Row]]:
    tables = AtomicJSONStorage(path, replay=apply_changes).read()
    assert tables is not None
    return tables


def test_frames_appended_read_back_as_the_tables_of_a_full_merge(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    base = path.read_bytes()
    for _ in range(5):
        with open_database(path, write=True) as db:
            db.append([random_change(world, rng)])
            assert_same_tables(db._middleware.read() or {}, world.tables())
        assert_same_tables(_tables_of(path), world.tables())
    data = path.read_bytes()
    assert data.startswith(base) and data[len(base) :].count(b"\n") == 5  # five frames


def test_an_append_applies_nothing_and_the_next_read_is_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, world, rng = _database(tmp_path)

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("changes applied in memory")

    with open_database(path, write=True) as db:
        for _ in range(3):
            before = db.rows("events")[0]
            with monkeypatch.context() as patched:
                patched.setattr("store.database.apply_changes", never)
                db.append([random_change(world, rng)])
            assert db.rows("events")[0] is not before  # read again, from the file
            assert_same_tables(db._middleware.read() or {}, world.tables())


def test_a_torn_last_frame_is_the_state_before_it(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
    before, want = path.read_bytes(), world.tables()
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
    whole = path.read_bytes()
    for cut in range(len(before), len(whole)):
        path.write_bytes(whole[:cut])
        assert_same_tables(_tables_of(path), want)
    # a last frame of the right length whose digest fails (a byte changed) is torn too
    damaged = bytearray(whole)
    damaged[-3] ^= 1
    path.write_bytes(bytes(damaged))
    assert_same_tables(_tables_of(path), want)


def test_a_damaged_frame_before_others_is_refused_naming_the_file(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    size = path.stat().st_size
    for _ in range(2):
        with open_database(path, write=True) as db:
            db.append([random_change(world, rng)])
    data = bytearray(path.read_bytes())
    data[size + 60] ^= 1
    path.write_bytes(bytes(data))
    for write in (False, True):
        with pytest.raises(DatabaseCorrupt) as caught, open_database(path, write=write):
            pass
        message = str(caught.value)
        assert "\n" not in message and str(path) in message and "change log" in message
    assert path.read_bytes() == data  # left as it is


def _bad_changes(world: World, rng: random.Random) -> list[Row]:
    """Changes whose rows or positions chronicle never writes, one fault each."""
    ids = [row["id"] for row in world.actors.values()]
    event, quote, document = _event(world, rng, ids), _quote(world, rng, ids), _document(world, rng)
    actor = {k: v for k, v in world.actors["1"].items() if k not in ("events", "quotes")}
    count = len(world.events)
    return [
        {"events": {"insert": [event | {"summary": 5}]}},
        {"events": {"insert": [event | {"citations": [["d1", "0", 5]]}]}},
        {"events": {"insert": [event | {"citations": [["d999", 0, 5]]}]}},
        {"quotes": {"insert": [quote | {"speaker": 7}]}},
        {"events": {"replace": [[-1, event]]}},
        {"events": {"replace": [[count, event]]}},
        {"events": {"remove": [count + 3]}},
        {"events": {"remove": [True]}},
        {"documents": {"insert": [document | {"published": "someday"}]}},
        {"documents": {"insert": [document | {"sha256": None}]}},
        {"actors": {"set": [actor | {"kind": "alien"}]}},
        {"actors": {"set": [actor | {"aliases": [3]}]}},
        {"actors": {"set": [actor | {"id": "x1"}]}},
        {"meta": {"next_document": "many"}},
        {"events": {"insert": "everything"}},
    ]


@pytest.mark.parametrize("fault", range(15))
def test_a_frame_chronicle_never_writes_is_refused_naming_the_file(
    tmp_path: Path, fault: int
) -> None:
    path, world, rng = _database(tmp_path)
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
        db.append([_bad_changes(world, rng)[fault]])
    data = path.read_bytes()
    for write in (False, True):
        with pytest.raises(DatabaseCorrupt) as caught, open_database(path, write=write):
            pass
        message = str(caught.value)
        assert "\n" not in message and str(path) in message
    with pytest.raises(DatabaseCorrupt):
        load_index(path)
    assert path.read_bytes() == data  # left as it is


def test_the_next_writer_cuts_a_torn_frame_away(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
    good = path.read_bytes()
    lost = random_change(copy.deepcopy(world), random.Random(99))  # the killed writer's
    with open_database(path, write=True) as db:
        db.append([lost])
    path.write_bytes(path.read_bytes()[: len(good) + 40])  # killed while writing it
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
    data = path.read_bytes()
    assert data.startswith(good) and data[len(good) :].count(b"\n") == 1
    assert_same_tables(_tables_of(path), world.tables())


def test_a_long_log_is_compacted_into_a_new_base(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    with open_database(path, write=True) as db:
        for _ in range(80):
            db.append([random_change(world, rng)])
            assert_same_tables(db._middleware.read() or {}, world.tables())
    assert path.read_bytes().count(b"frame ") <= 64  # rewritten at least once
    assert_same_tables(_tables_of(path), world.tables())
    assert sorted(os.listdir(tmp_path)) == ["db.json", "db.json.lock"]


def test_appending_to_a_new_database_writes_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    rng = random.Random(5)
    world = World({}, {}, [], [], {"schema": SCHEMA_VERSION, "next_document": 1})
    first = _document(world, rng)
    world.documents["1"] = first
    world.meta["next_document"] = 2
    with open_database(path, write=True) as db:
        db.append([{"documents": {"insert": [first]}, "meta": {"next_document": 2}}])
    with open_database(path) as db:
        assert db.rows("documents") == [first]
        assert db.meta == {"schema": SCHEMA_VERSION, "next_document": 2}


def test_an_index_over_frames_answers_as_one_over_the_compacted_file(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path, seed=7, items=40)
    with open_database(path, write=True) as db:
        for _ in range(6):
            db.append([random_change(world, rng)])
    compacted = tmp_path / "compacted.json"
    AtomicJSONStorage(compacted).write(_tables_of(path))
    assert b"frame " not in compacted.read_bytes() and b"frame " in path.read_bytes()
    logged, whole = load_index(path), load_index(compacted)
    assert logged.counts == whole.counts
    filters = [Filter(), Filter(text="harbour"), Filter(text="mill kiln"), Filter(text="an")]
    filters += [Filter(actors=frozenset({a["id"]})) for a in world.actors.values()]
    filters += [Filter(documents=frozenset({d["id"]})) for d in world.documents.values()]
    for where in filters:
        assert list(logged.events(where)) == list(whole.events(where)), where
        assert list(logged.quotes(where)) == list(whole.quotes(where)), where
    assert logged.actor_counts() == whole.actor_counts()
    assert list(logged.review()) == list(whole.review())


# --- writers: killed, and two at once ---------------------------------------------------

APPEND_FOREVER = textwrap.dedent(
    """
    import sys
    from store import open_database
    first = int(sys.argv[2])
    for _ in range(int(sys.argv[3])):
        with open_database(sys.argv[1], write=True) as db:
            n = db.meta["next_document"]
            row = {
                "id": f"e{first}-{n}", "start": "2024-03-0%d" % (1 + n % 9), "end": None,
                "precision": "day", "date_text": "", "relative": False, "confidence": 1.0,
                "summary": "x" * 3000, "actors": [], "citations": [["d1", 0, 1]],
                "search": "w%d" % n,
            }
            db.append([{"events": {"insert": [row]}, "meta": {"next_document": n + 1}}])
    """
)


def _base(tmp_path: Path) -> tuple[Path, int, int]:
    """A database with one document and no items; its next document number and event count."""
    path, _, _ = _database(tmp_path, seed=3, items=0)
    with open_database(path) as db:
        return path, db.meta["next_document"], len(db.rows("events")[0]["first"])


def test_a_writer_killed_while_appending_leaves_whole_frames(tmp_path: Path) -> None:
    path, start, events = _base(tmp_path)
    for attempt in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", APPEND_FOREVER, str(path), "0", "100000"], cwd=ROOT
        )
        time.sleep(0.6 + 0.05 * attempt)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        with open_database(path) as db:  # every frame whole: one event per frame
            n = db.meta["next_document"]
            column = db.rows("events")[0]["first"]
            assert len(column) - events == n - start
            ids = [r["id"] for r in db.rows("events")[0]["records"].all()]
            assert sorted(ids) == sorted(f"e0-{i}" for i in range(start, n))
    with open_database(path, write=True) as db:
        db.append([{"meta": {"next_document": db.meta["next_document"] + 1}}])


def test_two_writers_appending_take_turns(tmp_path: Path) -> None:
    path, start, events = _base(tmp_path)
    writers = [
        subprocess.Popen([sys.executable, "-c", APPEND_FOREVER, str(path), str(w), "15"], cwd=ROOT)
        for w in (1, 2)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    with open_database(path) as db:
        ids = [r["id"] for r in db.rows("events")[0]["records"].all()]
        assert len(ids) == events + 30
        assert len({i.split("-")[0] for i in ids}) == 2
        assert db.meta["next_document"] == start + 30


# A reader that maps the file, then finds it cut short (by a writer cutting off a torn frame)
# before it reads the frames: prints how many frames it read.
READ_AFTER_A_CUT = textwrap.dedent(
    """
    import os, sys
    import store.storage as storage
    from store.log import apply_changes

    mapped = storage._mapped

    def cut_after_mapping(file):
        data = mapped(file)
        os.truncate(sys.argv[1], int(sys.argv[2]))
        return data

    storage._mapped = cut_after_mapping
    reader = storage.AtomicJSONStorage(sys.argv[1], replay=apply_changes)
    reader.read()
    print(reader._log.frames)
    """
)


def test_a_reader_survives_the_torn_frame_being_cut_off_while_it_reads(tmp_path: Path) -> None:
    path, world, rng = _database(tmp_path)
    with open_database(path, write=True) as db:
        db.append([random_change(world, rng)])
    whole = path.stat().st_size
    with path.open("ab") as file:  # a killed writer's frame, pages long, with no newline yet
        file.write(b"frame " + b"x" * 50_000)
    read = subprocess.run(
        [sys.executable, "-c", READ_AFTER_A_CUT, str(path), str(whole)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (read.returncode, read.stdout.split()) == (0, ["1"]), read.stderr[-500:]
