"""Adding, updating and removing documents; the merged tables follow in the same atomic write.

Extraction is a pure function of a file's path and bytes, so `ingest` can spread it over
processes; this process alone writes. After every change an item reported by several
documents has exactly the citations of the documents still stored: a few documents added,
updated or removed are changes appended to the file, worked out as a merge of everything would
make them (`store.increments`); other writes merge every stored document's records again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import chain, islice
from typing import TYPE_CHECKING

import orjson
from tinydb import Query

from extract.display import path_text, shown_path
from extract.model import Corpus, DocumentExtraction
from extract.serialize import document_to_dict, extraction_from_dict, extraction_to_dict
from extract.sources import discover, read_source
from store.corrections import (
    ORPHAN,
    Correction,
    NoTarget,
    document_overrides,
    from_row,
    to_row,
)
from store.corrections import apply as apply_corrections
from store.database import ACTORS, CORRECTIONS, DOCUMENTS, EVENTS, QUOTES, TALLIES, Database
from store.increments import (
    ACTOR_MAP,
    Change,
    Stored,
    TablesView,
    plan_change,
    tallies_row,
)
from store.lifetime import die_with_parent
from store.log import apply_changes
from store.rows import Row, corpus_rows, document_row, extraction_of
from store.storage import Blob, collector_paused

if TYPE_CHECKING:
    from concurrent.futures import Future

    from store.early import EarlyExtraction


@dataclass(frozen=True, slots=True)
class Failure:
    path: str  # the file's `path_text`: bytes that are not UTF-8 written \xNN
    message: str

    def __str__(self) -> str:
        return f"{shown_path(self.path)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Totals:
    documents: int
    events: int
    quotes: int
    actors: int


@dataclass(frozen=True, slots=True)
class IngestReport:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: tuple[Failure, ...]
    totals: Totals
    undated: tuple[str, ...] = ()  # stored (added or updated) without a date: none found or given


@dataclass(frozen=True, slots=True)
class RemoveReport:
    document: str  # the path of the removed document
    before: Totals
    after: Totals


# Called once per file when its outcome is known: (files done, files in all, path).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class _Pending:
    """A file whose content is not stored yet; `doc_id` is set when it replaces a document."""

    path: str
    data: bytes
    sha256: str
    doc_id: str | None


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest(
    db: Database,
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    default_date: date | None = None,
    rebuild: bool = False,
    early: EarlyExtraction | None = None,
) -> IngestReport:
    """Store what the files and folders in `paths` say (folders are searched for articles).

    `default_date` is the date of the articles whose text, markup, address and file name give
    none (their relative dates are read against it); it never overrides a date found. A file
    already stored without a date is extracted again when `default_date` is given.

    A file whose content is already stored changes nothing; a path stored with other content is
    an update: its records are replaced. With `rebuild`, every stored document is merged again
    and the file written whole, even if no file changed: the events, quotes and actors are made
    again from the stored articles (a damaged record among them is repaired, the change log
    folded in). Paths that cannot be read or extracted are reported in
    `failed`; the others are stored all the same. The database is written once, at the end, and
    (without `rebuild`) only if something changed. `early`: the files of `paths` extracted
    while the database was read (`store.early`), taken for the files found new or changed.
    """
    files, problems = discover(paths)
    done = iter(range(1, len(files) + 1))

    def report(path: str) -> None:
        if progress:
            progress(next(done), len(files), path)

    rows = db.rows(DOCUMENTS)
    by_path = {row["path"]: row for row in rows}
    known = {row["sha256"] for row in rows}
    pending: list[_Pending] = []
    unchanged: list[str] = []
    failed = [Failure(problem.path, problem.message) for problem in problems]

    def changed() -> Iterator[_Pending]:
        """The files to extract, read one at a time: the first are extracted while the others
        are read."""
        for file in files:
            # Stored as text that is valid UTF-8 whatever the name's bytes, and the same always.
            path = path_text(file.resolve())
            try:
                data = read_source(file)
            except OSError as error:  # named as found: a symlink's target would not say which
                failed.append(Failure(path_text(file.absolute()), str(error)))
                report(path)
                continue
            sha = hashlib.sha256(data).hexdigest()
            stored = by_path.get(path)
            # A file stored without a date is read again when a date is given for it now.
            redate = (
                default_date is not None
                and stored is not None
                and stored["sha256"] == sha
                and stored.get("published") is None
            )
            if sha in known and not redate:  # the same file again, or the same article elsewhere
                unchanged.append(path)
                report(path)
                continue
            known.add(sha)
            pending.append(_Pending(path, data, sha, stored["id"] if stored else None))
            yield pending[-1]

    results: dict[str, _Extracted | str] = {}
    # The records of thousands of articles and their merge are millions of objects and no
    # garbage: the cyclic collector walking them again and again took a third of the merge.
    with collector_paused():
        rest, ready = _taken_early(changed(), early) if early is not None else (changed(), [])
        extracting = chain(
            ready, _extract_all(rest, len(files), jobs=jobs, default_date=default_date)
        )
        for item, result in extracting:
            results[item.path] = result
            report(item.path)
        # Files keep the order they were given in, whichever process finished first: ids and
        # the merge do not depend on the number of jobs.
        extracted = [(item, r) for item in pending if not isinstance(r := results[item.path], str)]
        failed += [
            Failure(item.path, r) for item in pending if isinstance(r := results[item.path], str)
        ]
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        if rebuild:
            with db.transaction():
                _store_all(db, extracted, added=stamp)  # merges everything again
            after = totals(db)
        else:
            after = _store(db, extracted, added=stamp) if extracted else totals(db)
    return IngestReport(
        added=tuple(item.path for item, _ in extracted if item.doc_id is None),
        updated=tuple(item.path for item, _ in extracted if item.doc_id is not None),
        unchanged=tuple(unchanged),
        failed=tuple(failed),
        totals=after,
        undated=tuple(
            item.path for item, r in extracted if r.extraction.document.published is None
        ),
    )


def remove(db: Database, doc_id: str) -> RemoveReport:
    """Remove a stored document and every item only it reported."""
    rows = db.rows(DOCUMENTS)
    row = next((r for r in rows if r["id"] == doc_id), None)
    if row is None:
        raise LookupError(f"no document {doc_id}")
    before = totals(db)
    return RemoveReport(row["path"], before, _remove_documents(db, {doc_id}))


def forget(db: Database, paths: Iterable[str]) -> list[str]:
    """Remove the documents stored at `paths` (each a `path_text`) or anywhere under them, in one
    write: files that were deleted, or a folder with everything in it. Returns the stored paths
    removed, in stored order."""
    roots = set(paths)
    prefixes = tuple(root.rstrip("/") + "/" for root in roots)
    gone = [
        row
        for row in db.rows(DOCUMENTS)
        if row["path"] in roots or row["path"].startswith(prefixes)
    ]
    if gone:
        _remove_documents(db, {row["id"] for row in gone})
    return [row["path"] for row in gone]


def _remove_documents(db: Database, ids: set[str]) -> Totals:
    """Remove the documents `ids` and what only they reported: one document as one change
    appended to the file when that is as a full merge would leave it, else by merging again.
    Returns what is stored then."""
    if len(ids) == 1 and (change := plan_change(db, removed=next(iter(ids)))) is not None:
        return _append(db, [change])
    with db.transaction():
        db.table(DOCUMENTS).remove(Query()["id"].one_of(list(ids)))
        _remerge(db, {})
    return totals(db)


def _append(db: Database, changes: Sequence[Change]) -> Totals:
    """Append `changes` to the database and return what is stored then, counted from them: the
    tables are not read again (`Database.append` leaves them to the file)."""
    before = totals(db)
    actors = {row["id"] for row in db.rows(ACTORS)}
    documents, events, quotes = before.documents, before.events, before.quotes
    for change in changes:
        documents += len(change["documents"]["insert"]) - len(change["documents"]["remove"])
        events += len(change[EVENTS]["insert"]) - len(change[EVENTS]["remove"])
        quotes += len(change[QUOTES]["insert"]) - len(change[QUOTES]["remove"])
        actors |= {row["id"] for row in change["actors"]["set"]}
        actors -= set(change["actors"]["remove"])
    db.append(list(changes))
    return Totals(documents, events, quotes, len(actors))


def write_corpus(db: Database, corpus: Corpus, *, added: str) -> None:
    """Store an already merged corpus as it is, its documents with empty per-document records:
    synthetic databases for benchmarks and tests, written through the real rows and storage."""
    with db.transaction():
        db.table(DOCUMENTS).insert_multiple(
            document_row(
                d.id,
                DocumentExtraction(d.document),
                sha256=hashlib.sha256(d.document.text.encode()).hexdigest(),
                added=added,
            )
            for d in corpus.documents
        )
        actors, events, quotes = corpus_rows(corpus, [d.id for d in corpus.documents])
        db.table(ACTORS).insert_multiple(actors)
        db.table(EVENTS).insert_multiple(events)
        db.table(QUOTES).insert_multiple(quotes)
        db.set_meta(next_document=len(corpus.documents) + 1)


def store_extracted(db: Database, extractions: Sequence[DocumentExtraction], *, added: str) -> None:
    """Store documents whose records are already made, as `ingest` stores what it extracts (a
    path already stored is updated), merged and corrected in one write: databases for tests and
    benchmarks that need records of a given shape (unsure ones, say)."""
    stored = {row["path"]: row["id"] for row in db.rows(DOCUMENTS)}
    pending = []
    for extraction in extractions:
        path, data = extraction.document.path, extraction.document.text.encode()
        item = _Pending(path, data, hashlib.sha256(data).hexdigest(), stored.get(path))
        pending.append((item, _Extracted(extraction)))
    _store(db, pending, added=added)


def totals(db: Database) -> Totals:
    items = [rows[0]["first"] if rows else [] for rows in (db.rows(EVENTS), db.rows(QUOTES))]
    return Totals(len(db.rows(DOCUMENTS)), len(items[0]), len(items[1]), len(db.rows(ACTORS)))


@dataclass(frozen=True, slots=True)
class _Extracted:
    """A file's records; `records` is their per-document part already encoded as `document_row`
    stores it (by the worker that extracted them), or None to encode them when stored."""

    extraction: DocumentExtraction
    records: bytes | None = None


def extract_file_to_json(
    path: str, data: bytes, default_date: date | None = None
) -> tuple[bytes, bytes] | str:
    """`extract_file` for a worker process: the document and its records as orjson bytes, which
    cross the pipe several times faster than pickled dataclasses. The records' bytes are stored
    as they come, so the ingest does not encode them again."""
    from extract.pipeline import extract_file  # heavy: loaded only by commands that extract

    result = extract_file(path, data, default_date=default_date)
    if isinstance(result, str):
        return result
    records = extraction_to_dict(result)
    document = records.pop("document")
    return orjson.dumps(document), orjson.dumps(records)


def _extract_files(
    files: Sequence[tuple[str, bytes]], default_date: date | None
) -> list[tuple[bytes, bytes] | str]:
    """`extract_file_to_json` of each (path, bytes), in one call to a worker."""
    return [extract_file_to_json(path, data, default_date) for path, data in files]


def _from_json(document: bytes, records: bytes) -> _Extracted:
    """What `extract_file_to_json` sent, as records again."""
    data = orjson.loads(records)
    data["document"] = orjson.loads(document)
    return _Extracted(extraction_from_dict(data), records)


def _taken_early(
    pending: Iterator[_Pending], early: EarlyExtraction
) -> tuple[Iterator[_Pending], list[tuple[_Pending, _Extracted | str]]]:
    """The pending files `early` did not extract, and those it did with their extraction."""
    files = list(pending)
    found = early.results() if files else {}
    ready = [(item, found.get((item.path, item.sha256))) for item in files]
    rest = (item for item, made in ready if made is None)
    return rest, [(item, _decoded(made)) for item, made in ready if made is not None]


def _decoded(made: tuple[bytes, bytes] | str) -> _Extracted | str:
    return made if isinstance(made, str) else _from_json(*made)


def _extract_all(
    pending: Iterator[_Pending], most: int, *, jobs: int, default_date: date | None
) -> Iterator[tuple[_Pending, _Extracted | str]]:
    """Each pending file (`most` of them at most) with its extraction, in the order they finish.
    Files are handed to the workers as they come, so that the workers start (a second or so of
    imports) while the rest are read."""
    first = list(islice(pending, 2))
    if not first:
        return
    if jobs <= 1 or len(first) <= 1:  # no process to start for one file
        from extract.pipeline import extract_file  # heavy: loaded only by commands that extract

        for item in chain(first, pending):
            made = extract_file(item.path, item.data, default_date=default_date)
            yield item, made if isinstance(made, str) else _Extracted(made)
        return
    # spawn: workers start from a clean interpreter, not a fork of this one (which may run a
    # progress thread), and are children of this process, so they can die with it. (A fork
    # server would be their parent instead, and outlive a SIGKILL with them.)
    # Loaded only here: one file, the common case of a watched folder, needs no process pool
    # (multiprocessing and concurrent.futures cost 40-50 ms of every ingest's start).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(jobs, most),
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        # Files go to the workers a few at a time: one call each cost this process as much as
        # decoding what came back. Small enough batches that every worker gets some.
        size = max(1, min(_BATCH, most // (4 * jobs)))
        futures: dict[Future[list[tuple[bytes, bytes] | str]], list[_Pending]] = {}

        def submit(batch: list[_Pending]) -> None:
            files = [(item.path, item.data) for item in batch]
            futures[pool.submit(_extract_files, files, default_date)] = batch

        batch: list[_Pending] = []
        for item in chain(first, pending):
            batch.append(item)
            if len(batch) == size:
                submit(batch)
                batch = []
        if batch:
            submit(batch)
        for future in as_completed(futures):
            for item, result in zip(futures[future], future.result(), strict=True):
                yield item, _decoded(result)


# The most files a worker is given at once.
_BATCH = 16


def _store(db: Database, extracted: Sequence[tuple[_Pending, _Extracted]], *, added: str) -> Totals:
    """Store the documents extracted, in one write: a few documents as changes appended to the
    file when they are what a full merge would make of them (`store.increments`), else all
    merged again. Returns what is stored then."""
    if len(extracted) <= MOST_APPENDED:
        changes = _planned(db, extracted, added=added)
        if changes is not None:
            return _append(db, changes)
    with db.transaction():
        _store_all(db, extracted, added=added)
    return totals(db)


# The most documents one ingest appends as changes; more are merged in full. Each change after
# the first is planned over the tables with the ones before applied (~0.1 s at 100,000 events),
# where a full merge then takes seconds.
MOST_APPENDED = 8


def _planned(
    db: Database, extracted: Sequence[tuple[_Pending, _Extracted]], *, added: str
) -> list[Change] | None:
    """One change per document, each planned over the tables as the changes before it leave
    them; None if any of them needs a full merge."""
    view: Stored = db
    changes: list[Change] = []
    for n, (item, result) in enumerate(extracted):
        if n:
            tables = (view if isinstance(view, TablesView) else TablesView.of(db)).tables()
            view = TablesView(apply_changes(tables, changes[-1:]))
        doc_id = item.doc_id or f"d{view.meta['next_document']}"
        row = _document_row(doc_id, result, sha256=item.sha256, added=added)
        change = plan_change(view, removed=item.doc_id, added=(row, result.extraction))
        if change is None:
            return None
        changes.append(change)
    return changes


def _store_all(
    db: Database, extracted: Sequence[tuple[_Pending, _Extracted]], *, added: str
) -> None:
    table = db.table(DOCUMENTS)
    number = db.meta["next_document"]
    fresh: dict[str, DocumentExtraction] = {}
    new_rows = []
    for item, result in extracted:
        if item.doc_id is None:
            doc_id, number = f"d{number}", number + 1
            new_rows.append(_document_row(doc_id, result, sha256=item.sha256, added=added))
        else:
            doc_id = item.doc_id
            row = _document_row(doc_id, result, sha256=item.sha256, added=added)
            table.update(row, Query()["id"] == doc_id)
        fresh[doc_id] = result.extraction
    table.insert_multiple(new_rows)
    db.set_meta(next_document=number)
    _remerge(db, fresh)


def _document_row(doc_id: str, result: _Extracted, *, sha256: str, added: str) -> Row:
    """`document_row`, with the records' bytes a worker already encoded when there are some."""
    if result.records is None:
        return document_row(doc_id, result.extraction, sha256=sha256, added=added)
    document = result.extraction.document
    return {
        "id": doc_id,
        **document_to_dict(document),
        "sha256": sha256,
        "added": added,
        "text": Blob(document.text),
        "records": Blob(raw=result.records),
    }


def _remerge(db: Database, fresh: dict[str, DocumentExtraction]) -> None:
    """Recompute the merged tables from every stored document (`fresh`: ones already parsed),
    with the reader's corrections applied; each correction learns whether it found its target."""
    from extract.merge import merge_with_actors

    rows: list[Row] = db.rows(DOCUMENTS)
    decisions = [from_row(row) for row in db.rows(CORRECTIONS)]
    redated = {
        path: fields["published"]
        for path, fields in document_overrides(decisions).items()
        if "published" in fields
    }
    with collector_paused():  # millions of objects and no garbage (see `ingest`)
        extractions = [
            _redated(row, redated[row["path"]])
            if row["path"] in redated
            else fresh.get(row["id"]) or extraction_of(row)
            for row in rows
        ]
        merged, actor_maps, tallies = merge_with_actors(extractions)
        corpus, orphans = apply_corrections(merged, decisions)
        actors, events, quotes = corpus_rows(corpus, [row["id"] for row in rows])
        held = []
        if not decisions:  # what adding one document later reads (`store.increments`)
            held = [tallies_row([row["id"] for row in actors], tallies)]
            rows = [
                row | {ACTOR_MAP: Blob(actor_ids)}
                for row, actor_ids in zip(rows, actor_maps, strict=True)
            ]
        else:
            rows = [{k: v for k, v in row.items() if k != ACTOR_MAP} for row in rows]
    orphaned = {id(c) for c in orphans}
    marked = [to_row(c, orphan=id(c) in orphaned) for c in decisions]
    for name, new_rows in (
        (DOCUMENTS, rows),
        (ACTORS, actors),
        (EVENTS, events),
        (QUOTES, quotes),
        (CORRECTIONS, marked),
        (TALLIES, held),
    ):
        table = db.table(name)
        table.truncate()
        table.insert_multiple(new_rows)


def _redated(row: Row, published: date) -> DocumentExtraction:
    """A stored document extracted again with the date a reader set for it, so that its relative
    dates ("on Tuesday") are read against that date."""
    from extract.pipeline import extract_text

    return extract_text(row["path"], row["text"].value, published=published)


def corrections(db: Database) -> list[tuple[Correction, bool]]:
    """The stored corrections in the order they were made, each with whether the last merge
    found no target for it (orphaned)."""
    return [(from_row(row), row[ORPHAN]) for row in db.rows(CORRECTIONS)]


def correct(db: Database, new: Sequence[Correction], *, strict: bool = False) -> list[Correction]:
    """Store `new` corrections (those already stored are skipped) and apply them all, in one
    write; returns those of `new` that found no target. With `strict`, one that finds none
    raises `NoTarget` and nothing is written (a typing mistake, not a target that went away)."""
    stored = {c for c, _ in corrections(db)}
    added = [c for c in dict.fromkeys(new) if c not in stored]
    if not added:
        return []
    with db.transaction():
        db.table(CORRECTIONS).insert_multiple(to_row(c) for c in added)
        _remerge(db, {})
        orphans = [c for c, orphan in corrections(db)[-len(added) :] if orphan]
        if strict and orphans:
            raise NoTarget(f"{orphans[0].target}: no such event, quote or actor; nothing changed")
    return orphans


def withdraw(db: Database, numbers: Iterable[int]) -> list[Correction]:
    """Remove the corrections numbered `numbers` (1 for the first made) and merge again without
    them, in one write; returns the removed ones. Raises IndexError for a number not stored."""
    rows = db.rows(CORRECTIONS)
    chosen = sorted(set(numbers))
    if any(not 1 <= n <= len(rows) for n in chosen):
        raise IndexError(f"there are {len(rows)} corrections")
    removed = [from_row(rows[n - 1]) for n in chosen]
    if removed:
        kept = [row for n, row in enumerate(rows, 1) if n not in chosen]
        with db.transaction():
            db.table(CORRECTIONS).truncate()
            db.table(CORRECTIONS).insert_multiple(kept)
            _remerge(db, {})
    return removed
