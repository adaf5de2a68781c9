"""The database file under abuse: another program's file and damaged contents refused in one line
and left untouched, symlinks followed, modes kept; and a fuzzer that damages a real database's
structure at random: every command works or refuses in one line, never a traceback."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.main import main
from store import DatabaseCorrupt, load_index, open_database
from tests.hostile.attacks.store import (
    ATTACKS,
    LEDGER,
    articles,
    commands,
    split,
    valid_database,
)


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.__name__)
def test_attack_holds(tmp_path: Path, attack) -> None:
    outcome = attack(tmp_path)
    assert outcome.held, outcome.detail
    assert outcome.documents_lost == 0


@pytest.mark.parametrize("write", [False, True])
def test_another_apps_file_is_refused_by_the_browsers_loader_and_writers(
    tmp_path: Path, write: bool
) -> None:
    database = tmp_path / "ledger.json"
    content = orjson.dumps(LEDGER)
    database.write_bytes(content)
    with pytest.raises(DatabaseCorrupt, match="not a chronicle database") as caught:
        if write:
            with open_database(database, write=True):
                pass
        else:
            load_index(database)
    assert str(database) in str(caught.value) and "\n" not in str(caught.value)
    assert database.read_bytes() == content


# --- the fuzzer -----------------------------------------------------------------------------

# What a mutation may put in place of a value: every JSON type, blob references, edge numbers.
REPLACEMENTS: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2**40,
    1.5,
    "",
    "x",
    "2024-13-45",
    [],
    [0],
    ["x"],
    {},
    {"1": {}},
    {"$blob": 0},
    {"$blobs": [0, 1]},
]


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a JSON tree (keys and list indexes), the root first."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:6]):  # long columns: their first few suffice
            yield from _nodes(child, (*path, index))


def _mutated(tables: dict[str, Any], path: tuple[Any, ...], op: str, new: Any) -> Any:
    """`tables` (a deep copy) with the value at `path` replaced, shifted by one, deleted, or
    given an extra key."""
    tables = orjson.loads(orjson.dumps(tables))
    if not path:
        return new if op == "replace" else tables
    parent = tables
    for key in path[:-1]:
        parent = parent[key]
    key, old = path[-1], parent[path[-1]]
    if op == "replace":
        parent[key] = new
    elif op == "shift" and type(old) is int:
        parent[key] = old + 1
    elif op == "delete":
        del parent[key]
    elif op == "extra" and isinstance(old, dict):
        old["extra"] = new
    return tables


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """A real two-article database's bytes, and a folder holding one more article."""
    work = tmp_path_factory.mktemp("valid")
    return valid_database(work).read_bytes(), articles(work / "new", "harbour")


def _run(database: Path, args: tuple[str, ...]) -> tuple[int, str]:
    """`chronicle --db DATABASE ARGS` in this process: its exit status and stderr. An exception
    that leaves `main` (a traceback for the user) fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--db", str(database), *args])
    return status, err.getvalue()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_randomly_damaged_database_works_or_is_refused_in_one_line(
    valid: tuple[bytes, Path], data: st.DataObject
) -> None:
    content, folder = valid
    tables, tail = split(content)
    path = data.draw(st.sampled_from(list(_nodes(tables))), label="path")
    op = data.draw(st.sampled_from(["replace", "shift", "delete", "extra"]), label="op")
    new = data.draw(st.sampled_from(REPLACEMENTS), label="new")
    damaged = orjson.dumps(_mutated(tables, path, op, new)) + tail
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "chronicle.json"
        database.write_bytes(damaged)
        for args in commands(folder):
            before = database.read_bytes()
            status, stderr = _run(database, args)
            lines = stderr.splitlines()
            if status == 0:
                load_index(database)  # whatever a command wrote, a reader can read
                continue
            assert len(lines) == 1, (args, stderr)
            if "is damaged" in lines[0] or "written by a newer chronicle" in lines[0]:
                assert str(database) in lines[0]
                assert database.read_bytes() == before, args
            else:  # refusing something else: only `remove` of a document no longer found
                assert args[0] == "remove" and "stored document" in lines[0], (args, lines[0])
