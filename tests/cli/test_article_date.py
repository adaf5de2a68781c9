"""No article silently undated: `chronicle ingest` and `extract` name each article without a date
on stderr (a warning: the exit status stays 0), count them in the summary, and `--date` dates
them, never overriding a date found."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from store import open_database
from store.database import DOCUMENTS, EVENTS

# An invented story with a relative date ("on Tuesday") and an absolute one.
STORY = (
    "Ferry operator adds a winter timetable\n\n"
    "The island ferry operator announced on Tuesday that boats will run twice a day through the "
    "winter, after a petition signed by most of the island's residents.\n\n"
    "The first winter crossing is planned for 3 December 2019, the operator's manager said.\n"
)
WARNING = "no date found (relative dates left unresolved; give one with --date)"


def chronicle(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(STORY, encoding="utf-8")
    dated = STORY.replace("\n\n", "\nPublished: 12 November 2019\n\n", 1)
    (folder / "timetable.txt").write_text(dated, encoding="utf-8")
    return folder


def _stored(db: str) -> tuple[dict[str, tuple[str | None, str | None]], list[str]]:
    with open_database(Path(db)) as database:
        documents = {
            Path(row["path"]).name: (row["published"], row.get("published_from"))
            for row in database.rows(DOCUMENTS)
        }
        days = sorted(day for row in database.rows(EVENTS) for day in row["first"])
    return documents, [date.fromordinal(day).isoformat() for day in days]


def test_ingest_names_each_undated_article_and_counts_them(
    tmp_path: Path, news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.json")
    status, out, err = chronicle(capsys, "--db", db, "ingest", str(news), "--jobs", "1")
    assert status == 0
    assert err == f"chronicle: {news / 'ferry.txt'}: {WARNING}\n"
    assert out.splitlines()[0] == (
        "documents: 2 added, 0 updated, 0 unchanged, 0 failed, 1 without a date"
    )
    documents, _ = _stored(db)
    assert documents == {"ferry.txt": (None, None), "timetable.txt": ("2019-11-12", "text")}


def test_date_dates_the_undated_already_stored_and_never_overrides(
    tmp_path: Path, news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.json")
    chronicle(capsys, "--db", db, "ingest", str(news), "--jobs", "1")
    status, out, err = chronicle(
        capsys, "--db", db, "ingest", str(news), "--jobs", "1", "--date", "2019-11-20"
    )
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "documents: 0 added, 1 updated, 1 unchanged, 0 failed"
    documents, _ = _stored(db)
    assert documents == {
        "ferry.txt": ("2019-11-20", "user"),
        "timetable.txt": ("2019-11-12", "text"),
    }


def test_relative_dates_are_resolved_against_the_given_date(
    tmp_path: Path, news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.json")
    (news / "timetable.txt").unlink()
    chronicle(capsys, "--db", db, "ingest", str(news), "--jobs", "1")
    assert _stored(db)[1] == ["2019-12-03"]  # "on Tuesday" is left out, not guessed
    chronicle(capsys, "--db", db, "ingest", str(news), "--jobs", "1", "--date", "2019-11-20")
    # 20 November 2019 is a Wednesday: the Tuesday before is the 19th.
    assert _stored(db)[1] == ["2019-11-19", "2019-12-03"]


def test_extract_warns_the_same_and_takes_date(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = chronicle(capsys, "extract", str(news), "--format", "json")
    assert (status, err) == (0, f"chronicle: {news / 'ferry.txt'}: {WARNING}\n")
    assert [d["published_from"] for d in json.loads(out)["documents"]] == [None, "text"]
    status, out, err = chronicle(
        capsys, "extract", str(news), "--format", "json", "--date", "2019-11-20"
    )
    assert (status, err) == (0, "")
    published = [(d["published"], d["published_from"]) for d in json.loads(out)["documents"]]
    assert published == [("2019-11-20", "user"), ("2019-11-12", "text")]


@pytest.mark.parametrize("value", ["2019-11-31", "20/11/2019", "2019-1-5", "tomorrow"])
def test_a_date_that_is_not_one_is_refused(
    news: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(news), "--date", value])
    assert exit_.value.code == 2
    assert "not a date written YYYY-MM-DD" in capsys.readouterr().err
