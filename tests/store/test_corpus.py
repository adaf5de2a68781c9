"""Ingest, update and remove with the real extractor: cross-document merges stay right after
each change, re-ingesting changes nothing, bad files are reported and the rest is stored."""

from __future__ import annotations

from pathlib import Path

from store import Filter, database_version, forget, ingest, load_index, open_database, remove
from store.database import DOCUMENTS, EVENTS, QUOTES
from tests.corpora import WIRE, write

AGREEMENT = "The port authority and the union signed a new wage agreement"


def timeline(db_path: Path) -> dict[str, list[str]]:
    """Each event's date (one event a day in these articles) -> the files that cite it."""
    index = load_index(db_path)
    return {
        str(e.date.first): [
            Path(index.document(c.document).document.path).name for c in e.citations
        ]
        for e in index.events(Filter())
    }


def test_merges_stay_right_after_add_update_and_remove(tmp_path: Path, articles: Path) -> None:
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        report = ingest(db, [articles / "harbour.txt"])
    assert [Path(p).name for p in report.added] == ["harbour.txt"]
    assert timeline(db_path) == {
        "2024-03-04": ["harbour.txt"],
        "2024-03-11": ["harbour.txt"],
    }

    with open_database(db_path, write=True) as db:  # add: the agreement gains a citation
        report = ingest(db, [articles / "harbour.txt", articles / "wire.txt"])
    assert (len(report.added), len(report.unchanged)) == (1, 1)
    assert timeline(db_path) == {
        "2024-03-04": ["harbour.txt"],
        "2024-03-06": ["wire.txt"],
        "2024-03-11": ["harbour.txt", "wire.txt"],
    }

    write(
        articles,
        "wire.txt",
        WIRE.replace("On March 11, 2024, the port authority", "Earlier, the port authority"),
    )
    with open_database(db_path, write=True) as db:  # update: the changed file loses its citation
        report = ingest(db, [articles])
    assert ([Path(p).name for p in report.updated], len(report.unchanged)) == (["wire.txt"], 1)
    assert timeline(db_path) == {
        "2024-03-04": ["harbour.txt"],
        "2024-03-06": ["wire.txt"],
        "2024-03-11": ["harbour.txt"],
    }

    write(articles, "wire.txt", WIRE)
    with open_database(db_path, write=True) as db:
        ingest(db, [articles])
        removed = remove(db, "d1")  # remove: what only harbour.txt said goes, shared items stay
    assert Path(removed.document).name == "harbour.txt"
    assert (removed.before.documents, removed.after.documents) == (2, 1)
    assert timeline(db_path) == {
        "2024-03-06": ["wire.txt"],
        "2024-03-11": ["wire.txt"],
    }
    index = load_index(db_path)
    assert len(index.quotes()) == 0
    assert index.find_actors("Marta Jansen") == []

    with open_database(db_path, write=True) as db:  # ids are never reused
        ingest(db, [articles / "harbour.txt"])
        assert sorted(row["id"] for row in db.rows(DOCUMENTS)) == ["d2", "d3"]


def test_ingesting_the_same_files_again_changes_nothing(tmp_path: Path, articles: Path) -> None:
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [articles / "harbour.txt", articles / "wire.txt"])
    before = db_path.read_bytes(), db_path.stat().st_mtime_ns
    write(articles, "copy-of-wire.txt", WIRE)  # the same article under another name
    with open_database(db_path, write=True) as db:
        report = ingest(db, sorted(articles.iterdir()))
    assert (report.added, report.updated, len(report.unchanged)) == ((), (), 3)
    assert (db_path.read_bytes(), db_path.stat().st_mtime_ns) == before


def test_bad_files_are_reported_and_the_others_stored(tmp_path: Path, articles: Path) -> None:
    write(articles, "empty.txt", b"")
    write(articles, "binary.txt", bytes(range(256)) * 8)
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        report = ingest(db, sorted(articles.iterdir()))
    assert {Path(f.path).name: f.message for f in report.failed} == {
        "binary.txt": "binary data, not text",
        "empty.txt": "empty file",
    }
    assert report.totals.documents == 2
    assert {Path(s.path).name for s in load_index(db_path).sources()} == {
        "harbour.txt",
        "wire.txt",
    }


def test_citations_point_into_the_stored_text(tmp_path: Path, articles: Path) -> None:
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [articles])
    (articles / "harbour.txt").unlink()  # the citations do not need the file any more
    index = load_index(db_path)
    items = [*index.events(), *index.quotes()]
    assert items
    for item in items:
        for citation in item.citations:
            text = index.document(citation.document).document.text
            assert text[citation.span.start : citation.span.end] == citation.text


def test_parallel_extraction_stores_the_same_records(tmp_path: Path, articles: Path) -> None:
    tables = []
    for jobs in (1, 2):
        db_path = tmp_path / f"db-{jobs}.json"
        with open_database(db_path, write=True) as db:
            ingest(db, [articles], jobs=jobs)
            tables.append(
                (
                    sorted((r["path"], r["records"]) for r in db.rows(DOCUMENTS)),
                    db.rows(EVENTS),
                    db.rows(QUOTES),
                )
            )
    assert tables[0] == tables[1]


def test_forget_removes_deleted_files_and_whole_folders_in_one_write(
    tmp_path: Path, articles: Path
) -> None:
    db_path = tmp_path / "db.json"
    inner = articles / "inner"
    inner.mkdir()
    write(inner, "copy.txt", WIRE.replace("Rotterdam", "Antwerp"))
    write(articles, "inner-notes.txt", WIRE.replace("Rotterdam", "Hamburg"))  # not under inner/
    with open_database(db_path, write=True) as db:
        ingest(db, [articles])
        stored = {Path(row["path"]).name: row["path"] for row in db.rows(DOCUMENTS)}
        assert forget(db, [str(articles / "absent.txt")]) == []
        gone = forget(db, [stored["harbour.txt"], str(inner.resolve())])
    assert sorted(Path(p).name for p in gone) == ["copy.txt", "harbour.txt"]
    # what only the forgotten files reported is gone; the wire's own items stay
    with open_database(db_path) as db:
        assert sorted(Path(row["path"]).name for row in db.rows(DOCUMENTS)) == [
            "inner-notes.txt",
            "wire.txt",
        ]
    assert "harbour.txt" not in str(timeline(db_path))


def test_a_later_read_finds_the_items_of_an_earlier_one(tmp_path: Path, articles: Path) -> None:
    """What a browser following the database relies on: it sees that the file changed, which
    documents did, and where each item it showed is now."""
    db_path = tmp_path / "db.json"
    assert database_version(db_path) is None
    with open_database(db_path, write=True) as db:
        ingest(db, [articles / "wire.txt"])
    before = load_index(db_path)
    assert before.version == database_version(db_path)
    with open_database(db_path, write=True) as db:  # harbour's March 4 event comes first now
        ingest(db, [articles / "harbour.txt"])
    after = load_index(db_path)
    assert after.version == database_version(db_path) != before.version
    assert before.fingerprints().items() < after.fingerprints().items()

    for kind in ("events", "quotes"):
        for item in getattr(before, kind)():
            found = getattr(after, kind)()[after.locate(item)]
            assert found.citations[0] == item.citations[0]
            assert found.date == item.date
    assert [after.locate(e) for e in before.events()] == [1, 2]  # one new event before them
    gone = load_index(db_path).events()[0]  # harbour's own event ...
    with open_database(db_path, write=True) as db:
        forget(db, [str((articles / "harbour.txt").resolve())])
    assert load_index(db_path).locate(gone) is None  # ... has nowhere to be
