"""A reader's corpus survives SIGKILL at any moment, a full disk and a read-only file system."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import store.storage
from cli.main import main
from store import load_index
from tests.hostile.corpus import article
from tests.hostile.harness import chronicle, kill_ingests, state

KILLS = 50


def test_fifty_ingests_killed_at_random_moments_leave_the_state_before_or_after(
    tmp_path: Path,
) -> None:
    kills = kill_ingests(tmp_path, runs=KILLS, seed=20251122)
    assert kills.broken == ()
    assert kills.before + kills.after == KILLS
    assert kills.before and kills.after  # the moments covered the whole run, write included


def test_fifty_one_article_adds_killed_at_random_moments_leave_the_state_before_or_after(
    tmp_path: Path,
) -> None:
    """One article added is a change appended to the file: a kill while it is written leaves a
    torn tail that readers ignore (the state before), never a mixture."""
    kills = kill_ingests(tmp_path, runs=KILLS, seed=20261206, one_article=True)
    before = (tmp_path / "before.json").read_bytes()
    assert (tmp_path / "after-0.json").read_bytes().startswith(before)  # appended, not rewritten
    assert kills.broken == ()
    assert kills.before + kills.after == KILLS
    assert kills.before and kills.after


@contextlib.contextmanager
def tmpfs(folder: Path, *, size: str) -> Iterator[Path]:
    """A small tmpfs mounted at `folder` (skips the test where mounting is not permitted)."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _folders(tmp_path: Path, *, many: int) -> tuple[Path, Path]:
    first, more = tmp_path / "first", tmp_path / "more"
    first.mkdir()
    more.mkdir()
    (first / "orchard.txt").write_text(article("orchard"))
    for n in range(many):  # long enough that their database does not fit
        (more / f"article-{n}.txt").write_text(article(f"topic{n} ", n) + "Filler. " * 400)
    return first, more


def _assert_refused_and_intact(run, database: Path, before) -> None:
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "No space left on device" in run.stderr and "previous version is intact" in run.stderr
    assert state(database) == before
    leftovers = [p.name for p in database.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mounting needs root")
def test_a_full_disk_leaves_the_previous_database_and_says_so(tmp_path: Path) -> None:
    first, more = _folders(tmp_path, many=40)
    with tmpfs(tmp_path / "small", size="96k") as disk:
        database = disk / "chronicle.json"
        assert chronicle(database, "ingest", first).returncode == 0
        before = state(database)
        run = chronicle(database, "ingest", more)
        _assert_refused_and_intact(run, database, before)


def test_an_injected_enospc_leaves_the_previous_database_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same, anywhere: fsync of the new file fails as it would on a full disk."""
    first, more = _folders(tmp_path, many=2)
    database = tmp_path / "chronicle.json"
    assert main(["--db", str(database), "ingest", "--jobs", "1", str(first)]) == 0
    before = state(database)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store.storage.os, "fsync", full)
    capsys.readouterr()
    status = main(["--db", str(database), "ingest", "--jobs", "1", str(more)])
    monkeypatch.undo()
    run = subprocess.CompletedProcess([], status, *capsys.readouterr())
    _assert_refused_and_intact(run, database, before)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mounting needs root")
def test_a_read_only_database_is_browsed_and_refuses_writes_clearly(tmp_path: Path) -> None:
    first, more = _folders(tmp_path, many=1)
    with tmpfs(tmp_path / "ro", size="1m") as disk:
        database = disk / "chronicle.json"
        assert chronicle(database, "ingest", first).returncode == 0
        before = state(database)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)

        assert load_index(database).counts  # what the browser loads
        listed = chronicle(database, "list", "events", "--format", "json")
        assert listed.returncode == 0 and "orchard" in listed.stdout
        run = chronicle(database, "ingest", "--wait", "1", more)
        removed = chronicle(database, "remove", "d1")
        assert state(database) == before
    for refused in (run, removed):
        assert refused.returncode == 1
        assert "Traceback" not in refused.stderr
        assert "Read-only file system" in refused.stderr
        assert "has not been changed and can still be browsed" in refused.stderr
