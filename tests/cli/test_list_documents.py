"""`chronicle list documents`, `--db` on either side of the command, and `remove`'s hint, run as
the user runs them: real processes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def chronicle(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_db_after_the_command_and_documents_listed(tmp_path: Path, articles: Path) -> None:
    db = str(tmp_path / "db.json")
    assert chronicle("ingest", str(articles), "--jobs", "1", "--db", db).returncode == 0
    after = chronicle("list", "documents", "--db", db, "--format", "json")
    before = chronicle("--db", db, "list", "documents", "--format", "json")
    assert (after.returncode, after.stderr) == (0, "")
    assert after.stdout == before.stdout
    assert json.loads(after.stdout) == [
        {
            "id": "d1",
            "title": "Port workers end strike in Rotterdam",
            "publisher": None,
            "published": "2024-03-12",
            "path": str(articles / "harbour.txt"),
            "events": 2,
            "quotes": 1,
        },
        {
            "id": "d2",
            "title": "Rotterdam dock strike is over",
            "publisher": None,
            "published": "2024-03-13",
            "path": str(articles / "wire.txt"),
            "events": 2,
            "quotes": 0,
        },
    ]
    table = chronicle("list", "documents", "--db", db)
    rows = [line.split("│") for line in table.stdout.splitlines()]
    assert [cell.strip() for cell in rows[4]] == [
        "",
        "d1",
        "Port workers end strike in Rotterdam",
        "—",
        "12 Mar 2024",
        "2",
        "1",
        "harbour.txt",
        "",
    ]
    as_csv = chronicle("list", "documents", "--db", db, "--format", "csv", "--search", "cargo")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["id", "title", "publisher", "published", "path", "events", "quotes"],
        [
            "d2",
            "Rotterdam dock strike is over",
            "",
            "2024-03-13",
            str(articles / "wire.txt"),
            "1",
            "0",
        ],
    ]


def test_remove_points_to_the_list_of_documents(tmp_path: Path, articles: Path) -> None:
    db = str(tmp_path / "db.json")
    assert chronicle("--db", db, "ingest", str(articles)).returncode == 0
    done = chronicle("remove", "nothing.txt", "--db", db)
    assert done.returncode == 2
    assert done.stderr == (
        "chronicle: no stored document matches 'nothing.txt' (see `chronicle list documents`)\n"
    )
