"""`chronicle corrections`: made, listed, withdrawn, moved between databases as JSON, and seen in
every listing and export; a mistyped target or a bad file changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from publish import EXPORT_FORMATS

ROOT = Path(__file__).resolve().parents[2]


def chronicle(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=check,
    )


@pytest.fixture
def db(tmp_path: Path, articles: Path) -> Path:
    path = tmp_path / "db.json"
    chronicle(path, "ingest", str(articles))
    return path


def _items(db: Path, kind: str) -> list[dict]:
    return json.loads(chronicle(db, "list", kind, "--format", "json").stdout)


def test_corrections_show_everywhere_and_move_between_databases(db: Path, tmp_path: Path) -> None:
    cargo = next(e for e in _items(db, "events") if "cargo" in e["citations"][0]["text"])
    chronicle(db, "corrections", "add", "not-event", cargo["id"])
    chronicle(db, "corrections", "add", "rename-actor", "Marta Jansen", "Marta Jansen-Vos")
    listed = chronicle(db, "corrections", "list").stdout.splitlines()
    assert [line.split(maxsplit=3)[3] for line in listed] == [
        f"{cargo['id']}: not an event",
        "Marta Jansen: renamed Marta Jansen-Vos",
    ]
    assert cargo["id"] not in {e["id"] for e in _items(db, "events")}
    for fmt in EXPORT_FORMATS:  # every export shows the corrected records
        out = chronicle(db, "export", "--format", fmt).stdout
        assert "piling up" not in out, fmt
        if not EXPORT_FORMATS[fmt].events_only:
            assert "Marta Jansen-Vos" in out, fmt

    exported = tmp_path / "corrections.json"
    exported.write_text(chronicle(db, "corrections", "export").stdout)
    other = tmp_path / "other.json"
    chronicle(other, "ingest", str(tmp_path / "articles" / "harbour.txt"))
    imported = chronicle(other, "corrections", "import", str(exported))
    assert imported.stdout == f"imported 2 corrections from {exported}\n"
    assert "no such item or actor now (kept, orphaned)" in imported.stderr  # wire's event
    assert "(orphaned" in chronicle(other, "corrections", "list").stdout
    assert [a["name"] for a in _items(other, "actors") if "Jansen" in a["name"]] == [
        "Marta Jansen-Vos"
    ]

    assert chronicle(db, "corrections", "remove", "2").stdout.startswith("removed: Marta")
    assert "Marta Jansen" in [a["name"] for a in _items(db, "actors")]


def test_a_mistyped_target_or_a_bad_file_changes_nothing(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    typo = chronicle(db, "corrections", "add", "not-quote", "q000000000000", check=False)
    assert (typo.returncode, typo.stderr) == (
        2,
        "chronicle: q000000000000: no such event, quote or actor; nothing changed\n",
    )
    bad = tmp_path / "bad.json"
    for content, problem in (
        (b"{not json", "not JSON"),
        (b'{"kind": "not-event"}', "not a list of corrections"),
        (b'[{"kind": "erase-all", "target": "e1"}]', "unknown correction 'erase-all'"),
    ):
        bad.write_bytes(content)
        result = chronicle(db, "corrections", "import", str(bad), check=False)
        assert result.returncode == 1
        assert result.stderr.startswith(f"chronicle: {bad}: {problem}"), result.stderr
    missing = chronicle(db, "corrections", "import", str(tmp_path / "none.json"), check=False)
    assert missing.stderr == f"chronicle: {tmp_path / 'none.json'}: No such file or directory\n"
    assert db.read_bytes() == before


def test_a_document_is_named_as_remove_names_it(db: Path) -> None:
    added = chronicle(db, "corrections", "add", "document-outlet", "wire.txt", "Harbour Wire")
    assert added.stdout.endswith("wire.txt: from Harbour Wire\n")
    documents = json.loads(chronicle(db, "list", "documents", "--format", "json").stdout)
    assert {d["publisher"] for d in documents if d["path"].endswith("wire.txt")} == {"Harbour Wire"}
    missing = chronicle(
        db, "corrections", "add", "document-date", "none.txt", "2024-01-01", check=False
    )
    assert (missing.returncode, missing.stderr) == (
        2,
        "chronicle: 'none.txt' names no stored document (see `chronicle list documents`)\n",
    )


def test_accepting_the_machines_answer_is_a_correction_like_the_others(
    db: Path, tmp_path: Path
) -> None:
    quote = _items(db, "quotes")[0]
    agreement = next(e for e in _items(db, "events") if "agreement" in e["summary"])
    speaker = next(a["name"] for a in _items(db, "actors") if a["id"] == quote["speaker"])
    # without a value, the machine's present answer is what is accepted
    for kind, target in (
        ("accept-speaker", quote["id"]),
        ("accept-date", agreement["id"]),
        ("accept-actor", "Marta Jansen"),
    ):
        chronicle(db, "corrections", "add", kind, target)
    listed = [
        line.split(maxsplit=3)[3]
        for line in chronicle(db, "corrections", "list").stdout.splitlines()
    ]
    assert listed[:2] == [
        f"{quote['id']}: accepted: spoken by {speaker}",
        f"{agreement['id']}: accepted: dated 2024-03-11 to 2024-03-11",
    ]
    assert listed[2].startswith("Marta Jansen: accepted: one actor, Marta Jansen")
    exported = json.loads(chronicle(db, "corrections", "export").stdout)
    assert [(c["kind"], c["orphan"]) for c in exported] == [
        ("accept-speaker", False),
        ("accept-date", False),
        ("accept-actor", False),
    ]
    path = tmp_path / "accepts.json"
    path.write_text(json.dumps(exported))
    other = tmp_path / "other.json"
    chronicle(other, "ingest", str(tmp_path / "articles" / "harbour.txt"))
    chronicle(other, "corrections", "import", str(path))
    moved = json.loads(chronicle(other, "corrections", "export").stdout)
    assert [c["kind"] for c in moved] == [c["kind"] for c in exported]
    missing = chronicle(db, "corrections", "add", "accept-speaker", "q000000000000", check=False)
    assert (missing.returncode, missing.stderr) == (
        2,
        "chronicle: q000000000000: no such event, quote or actor; nothing changed\n",
    )
