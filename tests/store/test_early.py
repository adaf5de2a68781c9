"""Extraction started before the database is read (`store.early`): what is stored is what an
ingest that extracts everything itself stores, whatever happens to the child or the files."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from store import Filter, ingest, load_index, open_database
from store.early import MOST_EARLY, extraction_ahead
from tests.corpora import WIRE, write


def stored(db_path: Path) -> list[tuple[str, str, list[str]]]:
    """Each event's summary, day and cited files."""
    index = load_index(db_path)
    return [
        (
            e.summary,
            str(e.date.first),
            [Path(index.document(c.document).document.path).name for c in e.citations],
        )
        for e in index.events(Filter())
    ]


def ingested(db_path: Path, paths: list[Path], *, early: bool, jobs: int = 2) -> list[str]:
    """Ingest `paths` (with a child extracting them while the database opens, if `early`);
    returns the files it reported added or updated."""
    with (
        extraction_ahead(paths if early else [], jobs=jobs, default_date=None) as ahead,
        open_database(db_path, write=True) as db,
    ):
        report = ingest(db, paths, jobs=jobs, early=ahead)
    return [Path(p).name for p in (*report.added, *report.updated)]


def test_an_early_extraction_stores_what_extracting_after_the_load_stores(
    tmp_path: Path, articles: Path
) -> None:
    for early in (False, True):
        db = tmp_path / f"db{early}.json"
        assert ingested(db, [articles / "harbour.txt"], early=early) == ["harbour.txt"]
        assert ingested(db, [articles / "harbour.txt", articles / "wire.txt"], early=early) == [
            "wire.txt"
        ]
    assert stored(tmp_path / "dbTrue.json") == stored(tmp_path / "dbFalse.json")
    assert len(stored(tmp_path / "dbTrue.json")) >= 3


def test_a_file_changed_after_the_child_read_it_is_stored_as_it_is_now(
    tmp_path: Path, articles: Path
) -> None:
    wire = articles / "wire.txt"
    db = tmp_path / "db.json"
    with extraction_ahead([wire], jobs=2, default_date=None) as ahead:
        assert ahead is not None
        assert len(ahead.results()) == 1  # the child has read and extracted the first version
        write(articles, "wire.txt", WIRE.replace("March 6, 2024", "March 7, 2024"))
        with open_database(db, write=True) as opened:
            ingest(opened, [wire], jobs=2, early=ahead)
    days = {day for _, day, _ in stored(db)}
    assert "2024-03-07" in days and "2024-03-06" not in days


def test_a_child_killed_before_it_answers_leaves_the_extraction_to_the_ingest(
    tmp_path: Path, articles: Path
) -> None:
    db = tmp_path / "db.json"
    with extraction_ahead([articles / "wire.txt"], jobs=2, default_date=None) as ahead:
        assert ahead is not None
        os.kill(ahead.pid, signal.SIGKILL)
        with open_database(db, write=True) as opened:
            report = ingest(opened, [articles / "wire.txt"], jobs=2, early=ahead)
        assert ahead.results() == {}
    assert [Path(p).name for p in report.added] == ["wire.txt"]
    assert stored(db) == stored_alone(tmp_path, articles / "wire.txt")


def stored_alone(tmp_path: Path, path: Path) -> list[tuple[str, str, list[str]]]:
    db = tmp_path / "alone.json"
    ingested(db, [path], early=False)
    return stored(db)


def test_no_child_is_left_and_none_starts_without_a_second_core_or_for_many_files(
    tmp_path: Path, articles: Path
) -> None:
    with extraction_ahead([articles], jobs=2, default_date=None) as ahead:
        assert ahead is not None
        pid = ahead.pid
    with pytest.raises(ChildProcessError):  # reaped, though its results were never asked for
        os.waitpid(pid, os.WNOHANG)
    with extraction_ahead([articles], jobs=1, default_date=None) as ahead:
        assert ahead is None
    for n in range(MOST_EARLY + 1):
        write(articles, f"more{n}.txt", WIRE)
    with extraction_ahead([articles], jobs=2, default_date=None) as ahead:
        assert ahead is None
