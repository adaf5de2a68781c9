"""`chronicle ingest` on a folder of hostile files: no traceback, one line per bad file, every
good file stored, a non-zero exit status, and what was stored before left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import store.corpus
from extract.sources import read_source
from store import ingest, open_database
from tests.hostile.corpus import article, build
from tests.hostile.harness import chronicle, problem_lines, state, stored_names


def test_ingest_of_a_hostile_folder_reports_each_bad_file_and_stores_the_rest(
    tmp_path: Path,
) -> None:
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    for n, topic in enumerate(("orchard", "airport")):
        (earlier / f"{topic}.txt").write_text(article(topic, n))
    database = tmp_path / "chronicle.json"
    assert chronicle(database, "ingest", earlier).returncode == 0
    documents_before, *_ = state(database)

    hostile = build(tmp_path / "hostile")
    run = chronicle(database, "ingest", "--jobs", "2", tmp_path / "hostile", *hostile.explicit)

    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = problem_lines(run.stderr)
    for name in hostile.bad:
        naming = [line for line in lines if f"/{name}: " in line]
        assert len(naming) == 1, (name, lines)
        assert naming[0].startswith("chronicle: ")
    assert len(lines) == len(hostile.bad), lines
    names = stored_names(database)
    assert sorted(names) == sorted(["orchard.txt", "airport.txt", *hostile.good])
    documents_after, *_ = state(database)
    assert set(documents_before) <= set(documents_after)  # the earlier rows, unchanged
    assert run.stdout.startswith(
        f"documents: {len(hostile.good)} added, 0 updated, 0 unchanged, {len(hostile.bad)} failed"
    )


def test_a_file_that_disappears_during_ingest_is_reported_and_the_others_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, topic in (("a.txt", "harbour"), ("b.txt", "museum"), ("c.txt", "stadium")):
        (folder / name).write_text(article(topic))

    def read_then_delete_b(path: Path) -> bytes:
        data = read_source(path)
        if path.name == "a.txt":  # b.txt has been found but is not read yet: it goes now
            (folder / "b.txt").unlink()
        return data

    monkeypatch.setattr(store.corpus, "read_source", read_then_delete_b)
    with open_database(tmp_path / "db.json", write=True) as db:
        report = ingest(db, [folder])
    assert [Path(p).name for p in report.added] == ["a.txt", "c.txt"]
    assert [(Path(f.path).name, f.message) for f in report.failed] == [
        ("b.txt", "no such file or directory")
    ]
