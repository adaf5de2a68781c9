"""`chronicle watch` as a real process on a real folder: files land, change, go and arrive half
written; the database follows, one line per file, and Ctrl+C stops it cleanly."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store import load_index, open_database
from store.database import DOCUMENTS
from tests.corpora import council_article, write

ROOT = Path(__file__).resolve().parents[2]
# How long one change may take to show: the debounce, the settling, one ingest, a loaded CI.
PATIENCE = 30.0


class Watch:
    """A running `chronicle watch`; its output lines, both streams, arrive in `lines`."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(stream,), daemon=True)
            for stream in (process.stdout, process.stderr)
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def until(self, *wanted: str) -> list[str]:
        """The lines read until each of `wanted` has appeared in one of them (in any order)."""
        deadline = time.monotonic() + PATIENCE
        missing = [w for w in wanted if not any(w in line for line in self.seen)]
        while missing:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"never saw {missing}; saw {self.seen}") from None
            self.seen.append(line)
            missing = [w for w in missing if w not in line]
        return self.seen

    def all_lines(self) -> list[str]:
        """Every line, once the process has ended and both streams are read to the end."""
        for reader in self._readers:
            reader.join(timeout=PATIENCE)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return self.seen


@contextmanager
def watching(db: Path, *paths: Path) -> Iterator[Watch]:
    command = [sys.executable, "-m", "cli", "--db", str(db), "watch", *map(str, paths)]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        watch = Watch(process)
        watch.until("watching")
        yield watch
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def stored(db: Path) -> list[str]:
    with open_database(db) as database:
        return sorted(Path(row["path"]).name for row in database.rows(DOCUMENTS))


def test_a_watched_folder_follows_files_that_land_change_and_go(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "council-00.txt", council_article(0))  # there before the watch: caught up
    db = tmp_path / "db.json"
    with watching(db, folder) as watch:
        assert "added " + str(folder / "council-00.txt") in watch.seen
        for n in range(1, 20):
            write(folder, f"council-{n:02}.txt", council_article(n))
            time.sleep(0.05)  # one at a time, as a feed would deliver them
        write(folder, "notes.json", "{}")  # not an article: never read
        watch.until(*(f"council-{n:02}.txt" for n in range(1, 20)))
        assert stored(db) == [f"council-{n:02}.txt" for n in range(20)]

        (folder / "council-07.txt").unlink()
        watch.until("removed " + str(folder / "council-07.txt"))
        write(folder, "council-08.txt", council_article(8).replace("Mayor", "Deputy mayor"))
        watch.until("updated " + str(folder / "council-08.txt"))

        watch.process.send_signal(signal.SIGINT)
        assert watch.process.wait(timeout=PATIENCE) == 0
        lines = watch.all_lines()
    assert stored(db) == [f"council-{n:02}.txt" for n in range(20) if n != 7]
    assert lines[-1] == "stopped watching"  # and nothing after it: no traceback, no notice
    assert not any("notes.json" in line for line in lines)


def test_a_file_first_seen_half_written_is_stored_whole_once_complete(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    db = tmp_path / "db.json"
    text = council_article(3)
    with watching(db, folder) as watch:
        path = folder / "late.txt"
        with path.open("w", encoding="utf-8") as handle:
            handle.flush()  # an empty file first: nothing to store yet
            watch.until(f"{path}: empty file (tried again when it changes)")
            handle.write(text)
        watch.until("added " + str(path))
    index = load_index(db)
    (doc_id,) = index.document_ids
    assert index.document(doc_id).document.text == text


def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(tmp_path / "db.json"), "watch", "nowhere"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=PATIENCE,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "chronicle: nowhere: no such file or directory\n"
