"""One document added, updated or removed as a change to the stored tables: whenever
`plan_change` gives one, applying it leaves exactly the tables a full merge of the same documents
would write, and where it cannot be sure it gives none."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from extract.model import DocumentExtraction
from extract.pipeline import extract_text
from store import SCHEMA_VERSION, Filter, ingest, load_index, open_database, remove
from store.corpus import _Extracted, _Pending, _store_all, totals
from store.database import ACTORS, DOCUMENTS, EVENTS, QUOTES, TALLIES, Database
from store.increments import plan_change
from store.log import apply_changes
from store.rows import TALLIES_FIELD, document_row, merged_rows, split_tally, timeline_key
from store.storage import AtomicJSONStorage
from tests.hostile.corpus import article
from tests.store.older import as_schema_3

Row = dict[str, Any]
ADDED = "2026-01-01T00:00:00+00:00"

STRIKE = """Dockers walk out at Elsby
Published March 2, 2025

Dockworkers at Port Elsby walked out on March 1, 2025, after talks with the Harbour Board failed.
Union leader Mara Quist said the strike would last a week. "We have waited long enough for a fair
offer," Quist said.

The Harbour Board met on February 27, 2025, to discuss a pay rise for crane drivers.
"""

STRIKE_AGAIN = """Elsby port stands still
Published March 3, 2025

Dockworkers at Port Elsby walked out on March 1, 2025, after talks with the Harbour Board failed,
leaving forty ships at anchor.

"We have waited long enough for a fair offer," said union leader Mara Quist.

Norway sent two ferries to Elsby on March 2, 2025, to carry stranded passengers.
"""

SURNAME_ONLY = """Talks to resume at Elsby
Published March 5, 2025

Quist told reporters on March 4, 2025, that talks with the Harbour Board would resume on Friday.
"The board has called us back," she said.
"""

SPELLING = """Strike ends at Elsby
Published March 9, 2025

Mara Quisty, who led the strike, signed a new agreement with the Harbour Board on March 8, 2025.
"""

NAMESAKE = """Elsby ferry captain retires
Published April 2, 2025

Tomas Quist retired on April 1, 2025, after thirty years as a ferry captain at Port Elsby.
"""

UNRELATED = """Orchard fair draws crowds
Published May 12, 2025

The Lindholm Orchard Society opened its spring fair on May 10, 2025, in the village of Brask.
Its chair, Ilse Varga, said: "Every apple here was grown within ten miles."
"""

ARTICLES = {
    "strike.txt": STRIKE,
    "again.txt": STRIKE_AGAIN,
    "surname.txt": SURNAME_ONLY,
    "spelling.txt": SPELLING,
    "namesake.txt": NAMESAKE,
    "orchard.txt": UNRELATED,
}


def extraction(name: str, text: str | None = None) -> DocumentExtraction:
    return extract_text(f"/news/{name}", ARTICLES[name] if text is None else text)


def merged_fully(path: Path, extractions: list[DocumentExtraction]) -> Path:
    """A database of these documents, d1... in order, merged in full."""
    with open_database(path, write=True) as db:
        pending = [
            (_Pending(x.document.path, x.document.text.encode(), f"sha-{n}", None), _Extracted(x))
            for n, x in enumerate(extractions, 1)
        ]
        _store_all(db, pending, added=ADDED)
    return path


def row_of(doc_id: str, result: DocumentExtraction, sha: str) -> Row:
    return document_row(doc_id, result, sha256=sha, added=ADDED)


def applied(db: Database, change: dict[str, Any]) -> dict[str, Any]:
    """The tables after `change`, applied the plain way: every item decoded, the change made to
    the lists, everything packed again (`merged_rows`)."""
    items = {}
    for name in (EVENTS, QUOTES):
        table = (db.rows(name) or [None])[0]
        rows = (
            [
                r | {"search": s}
                for r, s in zip(table["records"].all(), table["search"].all(), strict=True)
            ]
            if table
            else []
        )
        part = change[name]
        for position, row in part["replace"]:
            rows[position] = row
        rows = [r for p, r in enumerate(rows) if p not in set(part["remove"])]
        for row in part["insert"]:
            days = [timeline_key(r) for r in rows]
            rows.insert(bisect_right(days, timeline_key(row)), row)
        items[name] = rows
    actors = {row["id"]: dict(row) for row in db.rows(ACTORS)}
    tallies = dict(db.rows(TALLIES)[0][TALLIES_FIELD].value)
    for actor_id in change["actors"]["remove"]:
        del actors[actor_id], tallies[actor_id]
    for row in change["actors"]["set"]:
        actors[row["id"]], tallies[row["id"]] = split_tally(row)
    actor_rows = [
        {k: v for k, v in row.items() if k not in ("events", "quotes")}
        for row in actors.values()  # replaced in place, new ones appended as listed
    ]
    actor_rows, events, quotes = merged_rows(actor_rows, items[EVENTS], items[QUOTES])
    documents = [r for r in db.rows(DOCUMENTS) if r["id"] not in change["documents"]["remove"]]
    return {
        DOCUMENTS: documents + change["documents"]["insert"],
        ACTORS: actor_rows,
        EVENTS: events,
        QUOTES: quotes,
        TALLIES: tallies,
    }


def comparable(tables: dict[str, Any]) -> dict[str, Any]:
    """Tables with blobs as their values, documents named by path (their ids, and the hash this
    test gives them, aside) and actors by kind and name: a change keeps every actor's id (a
    removal leaves gaps), where a full merge numbers them again by first mention; and after a
    removal an actor's names and roles may come in another order (the order their first givers
    among the remaining articles would give them is not kept)."""
    paths = {row["id"]: row["path"] for row in tables[DOCUMENTS]}
    number = {row["id"]: f"{row['kind']}:{row['name']}" for row in tables[ACTORS]}

    def plain(value: Any) -> Any:
        if hasattr(value, "all"):
            return value.all()
        if hasattr(value, "value"):
            return value.value
        return value

    def items(row: Row) -> Row:
        records = [
            r
            | {"citations": [[paths[d], s, e] for d, s, e in r["citations"]]}
            | ({"actors": [number[a] for a in r["actors"]]} if "actors" in r else {})
            | ({"speaker": number.get(r["speaker"])} if "speaker" in r else {})
            for r in plain(row["records"])
        ]
        documents = {paths[d]: p for d, p in row["documents"].items()}
        return {k: plain(v) for k, v in row.items()} | {"records": records, "documents": documents}

    documents = {
        row["path"]: {k: plain(v) for k, v in row.items() if k not in ("id", "sha256", "actors")}
        | {"actors": {k: number[a] for k, a in plain(row.get("actors", {})).items()}}
        for row in tables[DOCUMENTS]
    }
    return {
        DOCUMENTS: documents,
        ACTORS: sorted(
            (
                row
                | {"id": number[row["id"]], "aliases": sorted(row["aliases"])}
                | {"roles": sorted(row["roles"])}
                for row in tables[ACTORS]
            ),
            key=lambda r: r["id"],
        ),
        EVENTS: [items(row) for row in tables[EVENTS]],
        QUOTES: [items(row) for row in tables[QUOTES]],
        TALLIES: {number[actor_id]: held for actor_id, held in tables[TALLIES].items()},
    }


def full_tables(path: Path) -> dict[str, Any]:
    with open_database(path) as db:
        tables: dict[str, Any] = {
            name: db.rows(name) for name in (DOCUMENTS, ACTORS, EVENTS, QUOTES)
        }
        return tables | {TALLIES: db.rows(TALLIES)[0][TALLIES_FIELD].value}


ORDERS = [
    ["strike.txt", "again.txt"],
    ["strike.txt", "surname.txt"],
    ["strike.txt", "again.txt", "surname.txt"],
    ["strike.txt", "surname.txt", "spelling.txt"],
    ["strike.txt", "orchard.txt", "again.txt"],
    ["orchard.txt", "strike.txt"],
    ["strike.txt", "namesake.txt"],
]


@pytest.mark.parametrize("names", ORDERS, ids="+".join)
def test_adding_the_last_document_as_a_change_equals_merging_all(
    tmp_path: Path, names: list[str]
) -> None:
    extractions = [extraction(n) for n in names]
    db_path = merged_fully(tmp_path / "before.json", extractions[:-1])
    with open_database(db_path, write=True) as db:
        doc_id = f"d{len(names)}"
        change = plan_change(
            db, added=(row_of(doc_id, extractions[-1], f"sha-{len(names)}"), extractions[-1])
        )
        assert change is not None  # (the cases merged in full have tests of their own)
        incremental = applied(db, change)
    full = full_tables(merged_fully(tmp_path / "full.json", extractions))
    assert comparable(incremental) == comparable(full)


@pytest.mark.parametrize(
    "names",
    [
        ["strike.txt", "again.txt"],  # the same event and quote from a second outlet
        ["strike.txt", "surname.txt"],  # a surname joins the one full name that ends with it
        ["strike.txt", "spelling.txt"],  # a full name spelt another way
        ["strike.txt", "orchard.txt"],  # nobody in common
    ],
    ids="+".join,
)
def test_the_common_additions_are_changes_not_full_merges(tmp_path: Path, names: list[str]) -> None:
    extractions = [extraction(n) for n in names]
    db_path = merged_fully(tmp_path / "before.json", extractions[:-1])
    with open_database(db_path, write=True) as db:
        row = row_of("d9", extractions[-1], "sha-9")
        assert plan_change(db, added=(row, extractions[-1])) is not None


def test_a_full_name_after_its_surname_alone_is_merged_in_full(tmp_path: Path) -> None:
    """'Quist' alone, with no full name stored, is an actor of its own; Mara Quist now gives it
    a full name, which changes an earlier document's actors: only a full merge does that."""
    extractions = [extraction(n) for n in ("surname.txt", "strike.txt")]
    db_path = merged_fully(tmp_path / "before.json", extractions[:-1])
    with open_database(db_path, write=True) as db:
        assert plan_change(db, added=(row_of("d2", extractions[-1], "s"), extractions[-1])) is None


def test_a_second_full_name_for_a_surname_used_alone_is_merged_in_full(tmp_path: Path) -> None:
    """'Quist' alone joined Mara Quist; with Tomas Quist too it joins nobody: that changes an
    earlier document's actors, which only a full merge does."""
    extractions = [extraction(n) for n in ("strike.txt", "surname.txt", "namesake.txt")]
    db_path = merged_fully(tmp_path / "before.json", extractions[:-1])
    with open_database(db_path, write=True) as db:
        assert plan_change(db, added=(row_of("d3", extractions[-1], "s"), extractions[-1])) is None


def test_removing_a_document_of_its_own_equals_merging_the_rest(tmp_path: Path) -> None:
    names = ["strike.txt", "orchard.txt", "again.txt"]
    extractions = [extraction(n) for n in names]
    db_path = merged_fully(tmp_path / "before.json", extractions)
    with open_database(db_path, write=True) as db:
        change = plan_change(db, removed="d2")
        assert change is not None
        incremental = applied(db, change)
    rest = [extractions[0], extractions[2]]
    full = full_tables(merged_fully(tmp_path / "full.json", rest))
    assert comparable(incremental) == comparable(full)


def test_removing_a_second_report_of_an_event_equals_merging_the_rest(
    tmp_path: Path,
) -> None:
    """The events the first article reported stay, with one citation fewer, made again from the
    records of the articles that still report them."""
    extractions = [extraction(n) for n in ("strike.txt", "orchard.txt", "again.txt")]
    db_path = merged_fully(tmp_path / "before.json", extractions)
    with open_database(db_path, write=True) as db:
        change = plan_change(db, removed="d3")
        assert change is not None
        assert change[EVENTS]["replace"]
        incremental = applied(db, change)
    full = full_tables(merged_fully(tmp_path / "full.json", extractions[:2]))
    assert comparable(incremental) == comparable(full)


def test_removing_the_first_report_of_a_shared_event_is_merged_in_full(tmp_path: Path) -> None:
    """The item would take its id and its place from the next report: a full merge says where."""
    extractions = [extraction(n) for n in ("strike.txt", "again.txt")]
    db_path = merged_fully(tmp_path / "before.json", extractions)
    with open_database(db_path, write=True) as db:
        assert plan_change(db, removed="d1") is None


def test_an_update_is_the_old_version_removed_and_the_new_one_added_last(tmp_path: Path) -> None:
    extractions = [extraction(n) for n in ("orchard.txt", "strike.txt")]
    db_path = merged_fully(tmp_path / "before.json", extractions)
    edited = extraction("orchard.txt", UNRELATED.replace("May 10, 2025", "May 11, 2025"))
    with open_database(db_path, write=True) as db:
        change = plan_change(db, removed="d1", added=(row_of("d1", edited, "sha-e"), edited))
        assert change is not None
        incremental = applied(db, change)
    full = full_tables(merged_fully(tmp_path / "full.json", [extractions[1], edited]))
    assert comparable(incremental) == comparable(full)
    assert date(2025, 5, 11).isoformat() in {e["start"] for e in incremental[EVENTS][0]["records"]}


OWN = sorted(
    p for p in (Path(__file__).parents[2] / "bench" / "own").iterdir() if p.suffix == ".txt"
)


def test_on_news_of_many_shapes_every_change_equals_merging_all(tmp_path: Path) -> None:
    """Each of the project's own news articles added last to the ones before it: whenever a
    change is planned it must be what a full merge gives; most additions must be changes."""
    extractions = [extract_text(str(p), p.read_text(encoding="utf-8")) for p in OWN]
    planned = 0
    for k in range(1, len(extractions)):
        before = merged_fully(tmp_path / f"before{k}.json", extractions[:k])
        with open_database(before, write=True) as db:
            row = row_of(f"d{k + 1}", extractions[k], f"sha-{k + 1}")
            change = plan_change(db, added=(row, extractions[k]))
            if change is None:
                continue
            planned += 1
            incremental = applied(db, change)
        full = full_tables(merged_fully(tmp_path / f"full{k}.json", extractions[: k + 1]))
        assert comparable(incremental) == comparable(full), OWN[k].name
    assert planned >= (len(extractions) - 1) / 2


def test_on_news_of_many_shapes_every_removal_equals_merging_the_rest(tmp_path: Path) -> None:
    """Each of the project's own news articles removed from all of them: whenever a change is
    planned it must be what a full merge of the others gives; most removals must be changes."""
    extractions = [extract_text(str(p), p.read_text(encoding="utf-8")) for p in OWN]
    everything = merged_fully(tmp_path / "all.json", extractions)
    planned = 0
    for k in range(len(extractions)):
        with open_database(everything) as db:
            change = plan_change(db, removed=f"d{k + 1}")
            if change is None:
                continue
            planned += 1
            incremental = applied(db, change)
        rest = extractions[:k] + extractions[k + 1 :]
        full = full_tables(merged_fully(tmp_path / f"rest{k}.json", rest))
        assert comparable(incremental) == comparable(full), OWN[k].name
    assert planned >= len(extractions) / 2


def listing(path: Path) -> list[tuple[str, str, list[str]]]:
    """Every event as a reader sees it: its day, summary and the files citing it."""
    index = load_index(path)
    return [
        (
            str(e.date.first),
            e.summary,
            sorted(Path(index.document(c.document).document.path).name for c in e.citations),
        )
        for e in index.events(Filter())
    ]


def test_ingest_and_remove_of_one_article_append_to_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("strike.txt", "orchard.txt", "namesake.txt"):
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    for n in range(12):  # a database that one change is small beside (else it is compacted)
        (folder / f"filler-{n}.txt").write_text(article(f"quarry{n} ", n), encoding="utf-8")
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [folder])  # three articles: merged in full
    base = db_path.read_bytes()
    (folder / "again.txt").write_text(STRIKE_AGAIN, encoding="utf-8")
    with open_database(db_path, write=True) as db:
        report = ingest(db, [folder])
    assert [Path(p).name for p in report.added] == ["again.txt"]
    assert db_path.read_bytes().startswith(base)  # appended
    with open_database(db_path) as db:
        assert report.totals == totals(db)  # counted from the change, as read back
    fresh = tmp_path / "fresh.json"
    with open_database(fresh, write=True) as db:
        ingest(db, [p for p in sorted(folder.iterdir()) if p.name != "again.txt"])
        ingest(db, [folder / "again.txt"])
    assert listing(db_path) == listing(fresh)
    assert ["again.txt", "strike.txt"] in [files for _, _, files in listing(db_path)]

    grown = db_path.read_bytes()
    with open_database(db_path, write=True) as db:
        doc_id = next(r["id"] for r in db.rows(DOCUMENTS) if r["path"].endswith("orchard.txt"))
        removed = remove(db, doc_id)
    assert db_path.read_bytes().startswith(grown)
    with open_database(db_path) as db:
        assert removed.after == totals(db)
    assert removed.after.documents == removed.before.documents - 1
    assert not any("orchard.txt" in files for _, _, files in listing(db_path))

    appended, inode = listing(db_path), db_path.stat().st_ino
    (folder / "orchard.txt").unlink()
    with open_database(db_path, write=True) as db:  # everything merged again, the log folded in
        report = ingest(db, [folder], rebuild=True)
    assert (report.added, report.updated) == ((), ())
    assert db_path.stat().st_ino != inode and len(db_path.read_bytes()) < len(grown)
    assert listing(db_path) == appended


def test_a_damaged_tally_is_merged_in_full_not_trusted(tmp_path: Path) -> None:
    extractions = [extraction(n) for n in ("strike.txt",)]
    db_path = merged_fully(tmp_path / "db.json", extractions)
    with open_database(db_path, write=True) as db:
        held = db.rows(TALLIES)[0][TALLIES_FIELD].value
        for actor_id in held:
            held[actor_id][1] = '{"keys": "not a tally"}'
        added = extraction("again.txt")
        assert plan_change(db, added=(row_of("d2", added, "s"), added)) is None


def test_a_few_articles_at_once_are_changes_appended_in_one_write(tmp_path: Path) -> None:
    """A watched folder often receives several files at once: each is planned over the tables
    the ones before it leave, and all go into the file in one write."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-strike.txt").write_text(STRIKE, encoding="utf-8")
    for n in range(40):  # a base that three changes are small beside (else it is compacted)
        (folder / f"filler-{n}.txt").write_text(article(f"quarry{n} ", n), encoding="utf-8")
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [folder])
    base = db_path.read_bytes()
    for name, text in (("b-again.txt", STRIKE_AGAIN), ("c-surname.txt", SURNAME_ONLY)):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "d-orchard.txt").write_text(UNRELATED, encoding="utf-8")
    with open_database(db_path, write=True) as db:
        report = ingest(db, [folder])
    assert len(report.added) == 3
    assert db_path.read_bytes().startswith(base)
    with open_database(db_path) as db:
        assert report.totals == totals(db)
    fresh = tmp_path / "fresh.json"
    with open_database(fresh, write=True) as db:
        ingest(db, [folder])
    assert listing(db_path) == listing(fresh)


def test_a_stored_field_of_the_wrong_type_means_a_full_merge(tmp_path: Path) -> None:
    """The load checks the columns, not every field of every record: a damaged confidence is
    found when the change is planned, and the full merge makes it again."""
    db_path = merged_fully(tmp_path / "db.json", [extraction("strike.txt")])
    with open_database(db_path, write=True) as db:
        for row in db.rows(ACTORS):
            row["confidence"] = ["not", "a", "number"]
        added = extraction("again.txt")
        assert plan_change(db, added=(row_of("d2", added, "s"), added)) is None


def _news_with_fillers(folder: Path, names: tuple[str, ...]) -> Path:
    """A folder of these articles and forty others, beside which one change is small (else the
    file is compacted at once)."""
    folder.mkdir()
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    for n in range(40):
        (folder / f"filler-{n}.txt").write_text(article(f"quarry{n} ", n), encoding="utf-8")
    return folder


def test_a_schema_3_database_keeps_its_tallies_and_takes_changes_once_upgraded(
    tmp_path: Path,
) -> None:
    """Schema 3 kept each actor's tally in its row: the first writer moves them to the tallies
    table, and adding one article after that is still a change, not a full merge."""
    folder = _news_with_fillers(tmp_path / "news", ("strike.txt", "orchard.txt"))
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [folder])
    before = listing(db_path)
    as_schema_3(db_path)
    old = db_path.read_bytes()
    assert b'"schema":3' in old and b'"tallies"' not in old
    assert listing(db_path) == before and db_path.read_bytes() == old  # a reader: in memory
    (folder / "again.txt").write_text(STRIKE_AGAIN, encoding="utf-8")
    with open_database(db_path, write=True) as db:
        upgraded = db_path.read_bytes()  # written at once, as schema 4
        assert b'"tallies"' in upgraded
        assert db.rows(TALLIES)[0][TALLIES_FIELD].value.keys() == {r["id"] for r in db.rows(ACTORS)}
        ingest(db, [folder])
    assert db_path.read_bytes().startswith(upgraded)  # appended
    fresh = tmp_path / "fresh.json"
    with open_database(fresh, write=True) as db:
        ingest(db, [p for p in sorted(folder.iterdir()) if p.name != "again.txt"])
        ingest(db, [folder / "again.txt"])
    assert listing(db_path) == listing(fresh)


def test_frames_appended_to_a_schema_3_base_are_read_with_it(tmp_path: Path) -> None:
    """A file of the previous version may hold frames after its base: their actor rows carry
    tallies, which stay in the rows until the tables are upgraded."""
    folder = _news_with_fillers(tmp_path / "news", ("strike.txt", "orchard.txt"))
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [folder])
    added = extract_text(str(folder / "again.txt"), STRIKE_AGAIN)
    with open_database(db_path, write=True) as db:
        row = row_of(f"d{db.meta['next_document']}", added, "sha-again")
        change = plan_change(db, added=(row, added))
    assert change is not None
    as_schema_3(db_path)
    storage = AtomicJSONStorage(db_path, replay=apply_changes)
    base = storage.read()
    assert base is not None and TALLIES not in base
    storage.append([change], lambda: pytest.fail("the change is small: appended"))
    assert db_path.read_bytes().count(b"\n") > 2  # the base's line, its blobs, the frame
    with open_database(db_path) as db:
        held = db.rows(TALLIES)[0][TALLIES_FIELD].value
        assert held.keys() == {r["id"] for r in db.rows(ACTORS)}
    summaries = [summary for _, summary, files in listing(db_path) if "again.txt" in files]
    assert summaries, "the change's events are read"
    with open_database(db_path, write=True) as db:  # upgraded: written again as schema 4
        assert db.meta["schema"] == SCHEMA_VERSION
    assert b'"tallies"' in db_path.read_bytes()
