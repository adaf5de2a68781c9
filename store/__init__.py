"""chronicle's store: one TinyDB database of documents, events, actors and quotes.

Entry points (the browser reads through `CorpusIndex`; the commands write through `ingest` and
`remove`):

- `database_path(explicit=None) -> Path`: `--db`, else `$CHRONICLE_DB`, else the user data dir.
- `open_database(path, *, write=False, wait=10.0)`: context manager yielding a `Database`;
  writers hold `PATH.lock` (else `DatabaseBusy`); damaged files raise `DatabaseCorrupt`, newer
  schemas `NewerSchema` (all `StoreError`, whose message says how to recover).
- `ingest(db, paths, *, jobs=1, progress=None, default_date=None) -> IngestReport`,
  `remove(db, doc_id) -> RemoveReport` and `forget(db, paths) -> removed paths` (files deleted,
  or everything under a folder): one atomic write each; a few documents are changes appended
  to the file (`store.increments` plans them, `store.log` applies them), otherwise the merged
  tables are recomputed; `default_date` dates the articles that show no date of their own.
- `database_version(path)`: changes with every write (a stat, to poll); `index.version` is the
  one `load_index` read.
- `load_index(path) -> CorpusIndex`, or `CorpusIndex(db)`: in-memory indexes, built once.
  - `index.events(where: Filter | None) -> Results[CorpusEvent]`, `index.quotes(where)`:
    timeline order, lazy records; `Filter(actors, since, until, text, documents, overlapping)`
    fields combine with AND (actor ids, items within [since, until] or with `overlapping` every
    item overlapping it, case- and accent-insensitive text, document ids);
    `results.days` (a `Days`): each item's first day from the store's column, for counts per
    period and "the first item on or after a day" by bisection.
  - `index.actor_counts(where=None, within=None) -> list[ActorCount]` (`within`: the events and
    quotes already selected), `index.actor(id)`, `index.actors()`, `index.find_actors(name)`,
    `index.document(id)`, `index.sources()` (documents without their text),
    `index.fingerprints()` (id -> sha256), `index.locate(item)` (an item of an earlier read,
    found again by its first citation),
    `index.find_documents(reference)`, `index.counts`;
    `index.prepare_search()` decodes what filters need ahead of the first search (call it in
    the loading worker).
- `parse_span(text, *, today=None) -> (first, last)`: dates as people type them.
"""

from store.corpus import (
    Failure,
    IngestReport,
    RemoveReport,
    Totals,
    default_jobs,
    forget,
    ingest,
    remove,
)
from store.database import SCHEMA_VERSION, Database, database_version, open_database
from store.dates import parse_span
from store.paths import database_path
from store.queries import ActorCount, CorpusIndex, Days, Filter, Results, Source, load_index
from store.storage import DatabaseBusy, DatabaseCorrupt, NewerSchema, StoreError

__all__ = [
    "SCHEMA_VERSION",
    "ActorCount",
    "CorpusIndex",
    "Database",
    "DatabaseBusy",
    "DatabaseCorrupt",
    "Days",
    "Failure",
    "Filter",
    "IngestReport",
    "NewerSchema",
    "RemoveReport",
    "Results",
    "Source",
    "StoreError",
    "Totals",
    "database_path",
    "database_version",
    "default_jobs",
    "forget",
    "ingest",
    "load_index",
    "open_database",
    "parse_span",
    "remove",
]
