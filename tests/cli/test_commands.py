"""`chronicle ingest`, `remove`, `list` and the home command, run through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

from cli.main import main
from store.database import META, SCHEMA_VERSION
from tests.corpora import write

ROOT = Path(__file__).resolve().parents[2]


def chronicle(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_ingest_twice_then_remove(tmp_path: Path, articles: Path, capsys) -> None:
    db = str(tmp_path / "db.json")
    assert chronicle(capsys, "--db", db, "ingest", str(articles), "--jobs", "1") == (
        0,
        "documents: 2 added, 0 updated, 0 unchanged, 0 failed\n"
        "database: 2 documents, 3 events, 1 quotes, 1 actors\n",
        "",
    )
    status, out, _ = chronicle(
        capsys, "--db", db, "ingest", str(articles / "wire.txt"), str(articles)
    )
    assert (status, out.splitlines()[0]) == (
        0,
        "documents: 0 added, 0 updated, 2 unchanged, 0 failed",
    )
    status, out, _ = chronicle(capsys, "--db", db, "remove", "harbour.txt")
    assert status == 0
    assert out.splitlines() == [
        f"removed d1: {articles / 'harbour.txt'}",
        "database: 1 documents, 2 events (-1), 0 quotes (-1), 0 actors (-1)",
    ]


def test_bad_input_gets_one_line_each_and_a_failing_status(
    tmp_path: Path, articles: Path, capsys
) -> None:
    write(articles, "noise.txt", bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    status, out, err = chronicle(
        capsys, "--db", str(tmp_path / "db.json"), "ingest", str(articles), str(missing)
    )
    assert status == 1
    assert err.splitlines() == [
        f"chronicle: {missing}: no such file or directory",
        f"chronicle: {articles / 'noise.txt'}: binary data, not text",
    ]
    assert out.splitlines()[0] == "documents: 2 added, 0 updated, 0 unchanged, 2 failed"


def test_two_jobs_store_each_file_as_one_job_does(tmp_path: Path, capsys) -> None:
    """Files go to the worker processes a few at a time: each file keeps its own records and id
    whichever worker read it, and a file that fails among others fails alone."""
    news = tmp_path / "news"
    news.mkdir()
    for n in range(41):
        day = n % 28 + 1
        write(
            news,
            f"ferry-{n:02}.txt",
            f"Ferry line {n} reopens\nPublished May {day}, 2024\n\n"
            f"On May {day}, 2024, the harbour board of Lindqvist reopened ferry line {n} after "
            f"a vote of {n + 3} to 2.\n“We kept our word,” said Mara Tollen{n}.\n",
        )
    write(news, "ferry-22.txt", bytes(range(256)) * 4)  # inside a batch: binary, not text
    stored = []
    for jobs in ("1", "2"):
        db = str(tmp_path / f"db-{jobs}.json")
        status, out, err = chronicle(capsys, "--db", db, "ingest", str(news), "--jobs", jobs)
        assert (status, out.splitlines()[0]) == (
            1,
            "documents: 40 added, 0 updated, 0 unchanged, 1 failed",
        )
        assert err == f"chronicle: {news / 'ferry-22.txt'}: binary data, not text\n"
        stored.append(
            [
                json.loads(chronicle(capsys, "--db", db, "list", kind, "--format", "json")[1])
                for kind in ("documents", "events", "quotes", "actors")
            ]
        )
    assert stored[0] == stored[1]
    cited = [c["document"] for event in stored[0][1] for c in event["citations"]]
    assert sorted(cited) == sorted(d["id"] for d in stored[0][0])  # one event an article


@pytest.mark.parametrize(
    "content, message",
    [
        (b'{"documents": {"1": {"id": "d1", "pa', "is damaged: it is not valid JSON"),
        (
            orjson.dumps({META: {"1": {"schema": SCHEMA_VERSION + 1}}}),
            "was written by a newer chronicle",
        ),
    ],
)
def test_damaged_or_newer_databases_are_refused_and_kept(
    tmp_path: Path, articles: Path, capsys, content: bytes, message: str
) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(content)
    for argv in (
        ["ingest", str(articles)],
        ["list", "events"],
        ["remove", "d1"],
        ["export", "--format", "json"],
        [],
    ):
        status, out, err = chronicle(capsys, "--db", str(db), *argv)
        assert (status, out) == (1, ""), argv
        assert err.startswith("chronicle: ") and message in err and str(db) in err
    assert db.read_bytes() == content


def test_a_second_writer_says_the_database_is_busy(tmp_path: Path, articles: Path, capsys) -> None:
    db = tmp_path / "db.json"
    hold = textwrap.dedent(
        """
        import sys, time
        from store import open_database
        with open_database(sys.argv[1], write=True):
            print("locked", flush=True)
            time.sleep(30)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        status, _, err = chronicle(
            capsys, "--db", str(db), "ingest", str(articles), "--wait", "0.2"
        )
        assert status == 1 and "is busy: another chronicle is writing to it" in err
    finally:
        holder.kill()
        holder.wait()
    assert chronicle(capsys, "--db", str(db), "ingest", str(articles))[0] == 0


@pytest.fixture
def stored(tmp_path: Path, articles: Path, capsys) -> str:
    db = str(tmp_path / "db.json")
    assert chronicle(capsys, "--db", db, "ingest", str(articles), "--jobs", "1")[0] == 0
    return db


@pytest.mark.parametrize(
    "options, expected",
    [
        ([], ["2024-03-04", "2024-03-06", "2024-03-11"]),
        (["--since", "March 6 2024"], ["2024-03-06", "2024-03-11"]),
        (["--since", "2024-03-05", "--until", "March 10, 2024"], ["2024-03-06"]),
        (["--until", "first week of March 2024"], ["2024-03-04", "2024-03-06"]),
        (["--search", "WAGE agreement"], ["2024-03-11"]),
        (["--source", "wire.txt"], ["2024-03-06", "2024-03-11"]),
        (["--source", "d1", "--search", "cargo"], []),
    ],
)
def test_list_events_filters(stored: str, capsys, options: list[str], expected: list[str]) -> None:
    status, out, _ = chronicle(
        capsys, "--db", stored, "list", "events", "--format", "json", *options
    )
    assert status == 0
    assert [e["date"]["start"] for e in json.loads(out)] == expected


def test_list_quotes_and_actors_as_csv(stored: str, capsys) -> None:
    status, out, _ = chronicle(
        capsys, "--db", stored, "list", "quotes", "--actor", "jansen", "--format", "csv"
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["kind"], r["text"], r["actors"]) for r in rows] == [
        ("quote", "until the offer is fair", "Marta Jansen")
    ]
    status, out, _ = chronicle(capsys, "--db", stored, "list", "actors", "--format", "csv")
    assert [(r["name"], r["events"], r["quotes"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("Marta Jansen", "0", "1")
    ]


@pytest.mark.parametrize(
    "options, message",
    [
        (["--since", "the day after never"], "--since: cannot read the date 'the day after never'"),
        (["--until", "Blursday"], "--until: cannot read the date 'Blursday'"),
        (["--actor", "Nobody Atall"], "--actor: no actor matches 'Nobody Atall'"),
        (["--source", "other.txt"], "--source: no stored document matches 'other.txt'"),
        (  # an empty list would not say why
            ["--since", "March 10 2024", "--until", "2024-03-06"],
            "--until '2024-03-06' (2024-03-06) is before --since 'March 10 2024' (2024-03-10)",
        ),
    ],
)
def test_list_rejects_what_it_cannot_read(
    stored: str, capsys, options: list[str], message: str
) -> None:
    status, out, err = chronicle(capsys, "--db", stored, "list", "events", *options)
    assert (status, out, err) == (
        2,
        "",
        f"chronicle: {message}" + err[len("chronicle: ") + len(message) :],
    )
    assert err.startswith(f"chronicle: {message}")


def test_the_table_shows_article_text_literally_without_terminal_controls(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    write(
        folder,
        "a.txt",
        "Markup test\n\n"
        "On May 2, 2024, the [bold red]council[/] voted \x1b[31mred\x1b[0m on a budget.\n",
    )
    db = str(tmp_path / "db.json")
    assert chronicle(capsys, "--db", db, "ingest", str(folder))[0] == 0
    status, out, _ = chronicle(capsys, "--db", db, "list", "events")
    assert status == 0
    assert "[bold red]council[/]" in out and "\x1b" not in out and "voted red on a budget" in out


def test_remove_needs_exactly_one_document(stored: str, capsys) -> None:
    assert chronicle(capsys, "--db", stored, "remove", "nothing.txt")[0] == 2
    status, _, err = chronicle(capsys, "--db", stored, "remove", "d9")
    assert status == 2 and "no stored document matches 'd9'" in err


def test_chronicle_alone_ingests_the_seeds_once_then_prints_the_timeline(
    tmp_path: Path, capsys
) -> None:
    db = str(tmp_path / "db.json")
    status, out, err = chronicle(capsys, "--db", db)
    assert status == 0
    assert "adding the bundled demo articles" in err and "documents: 5 added" in err
    assert "Events" in out and "from 5 documents" in out
    status, out_again, err = chronicle(capsys, "--db", db)
    assert (status, err, out_again) == (0, "", out)


def test_since_keeps_what_lies_within_and_overlapping_adds_wider_dates(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "ferry"
    folder.mkdir()
    (folder / "ferry.txt").write_text(
        "Ferry service resumes\nPublished April 2, 2024\n\n"
        "The harbour was closed for repairs in March 2024.\n"
        "On March 20, 2024 the first ferry returned to the island.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "db.json")
    assert chronicle(capsys, "--db", db, "ingest", str(folder))[0] == 0

    def starts(*options: str) -> list[str]:
        status, out, _ = chronicle(
            capsys, "--db", db, "list", "events", "--format", "json", *options
        )
        assert status == 0
        return [e["date"]["start"] for e in json.loads(out)]

    assert starts("--since", "2024-03-15") == ["2024-03-20"]
    assert starts("--since", "2024-03-15", "--overlapping") == ["2024-03-01", "2024-03-20"]
