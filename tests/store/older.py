"""Databases as older versions of chronicle wrote them, made through the real storage."""

from __future__ import annotations

from pathlib import Path

from store.database import ACTORS, META, TALLIES
from store.log import apply_changes
from store.rows import TALLIES_FIELD, TALLY_FIELDS
from store.storage import AtomicJSONStorage


def as_schema_3(path: Path) -> None:
    """The database at `path` (its frames applied) written again as schema 3 kept it: each
    actor's tally in its row, and no tallies table."""
    tables = AtomicJSONStorage(path, replay=apply_changes).read()
    assert tables is not None
    held = tables.pop(TALLIES)["1"][TALLIES_FIELD].value
    actors = {
        key: row | dict(zip(TALLY_FIELDS, held[row["id"]], strict=True))
        for key, row in tables[ACTORS].items()
    }
    meta = {key: row | {"schema": 3} for key, row in tables[META].items()}
    AtomicJSONStorage(path).write(tables | {ACTORS: actors, META: meta})
