"""`chronicle watch PATH...`: keep the database in step with files and folders of articles.

Once the watch is in place it catches up (stores what is new or changed, forgets what was
deleted while nobody watched), then waits for the operating system's file events (watchfiles:
inotify on Linux, debounced) and answers each batch with one ingest and one removal, one line
per file. A file still being written when it is first seen is left for the next batch, and a
file that fails is tried again when it changes, so an article saved in several steps lands
whole in the end.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import signal
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import watchfiles

from cli.errors import error
from cli.extract_cmd import add_date_option, warn_undated
from cli.ingest_cmd import add_wait_option, database_line, missing_path
from extract.display import path_text, shown_path
from extract.sources import SUFFIXES, discover
from store import StoreError, database_path, forget, ingest, open_database
from store.corpus import totals
from store.database import DOCUMENTS
from store.lifetime import die_with_parent

# Milliseconds of quiet before a batch of file events is handled (watchfiles' debounce): a file
# copied in or saved by an editor fires several events, handled once.
DEBOUNCE_MS = 400
# Milliseconds after which a watch with no events wakes up anyway (the first time, to catch up).
WAKE_MS = 500
# Seconds a file's size and time must stay the same before it is read: one still being written
# waits for its next event.
SETTLE_S = 0.2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle watch`, whose one line of help is in cli.main."""
    parser.description = (
        "Store the articles in PATH... as `ingest` does, then keep watching: new and "
        "changed files are stored as they land and the records of deleted files removed, one "
        "line per file. A file that cannot be stored yet (half written, empty) is tried again "
        "when it changes. Ctrl+C stops."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    # The browser that started this watch (`browse --watch`): the watch stops when it ends.
    parser.add_argument("--parent", type=int, help=argparse.SUPPRESS)
    add_wait_option(parser)
    add_date_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.parent is not None:
        die_with_parent(args.parent, signal_number=signal.SIGINT)  # stops as on Ctrl+C
    roots = [Path(raw) for raw in args.paths]
    if (status := missing_path(roots)) is not None:
        return status
    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its Ctrl+C notice: ours says it
    watcher = Watcher(database_path(args.db), roots, wait=args.wait, default_date=args.date)
    try:
        caught_up = False
        for changes in watchfiles.watch(
            *roots,
            watch_filter=watcher.wanted,
            debounce=DEBOUNCE_MS,
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            # The first pass comes once the OS watch is in place: a file that lands while the
            # folder is caught up is then seen by one or the other (both would do no harm).
            if not caught_up:
                watcher.catch_up()
                names = ", ".join(shown_path(root) for root in roots)
                print(f"watching {names} (Ctrl+C stops)", flush=True)
                caught_up = True
            watcher.handle(changes)
    except KeyboardInterrupt:  # while storing: the write in progress is discarded whole
        pass
    except StoreError as problem:
        return error(str(problem))
    print("stopped watching", flush=True)
    return 0


class Watcher:
    """What `watch` does with the files under `roots`; the database is opened per batch, so
    other writers take turns with it."""

    def __init__(
        self,
        database: Path,
        roots: Sequence[Path],
        *,
        wait: float,
        default_date: datetime.date | None,
    ) -> None:
        self.database, self.wait, self.default_date = database, wait, default_date
        self.roots = list(roots)
        self.files = {path_text(root.resolve()) for root in roots if root.is_file()}
        self.folders = [path_text(root.resolve()) for root in roots if root.is_dir()]

    def wanted(self, _change: watchfiles.Change, raw: str) -> bool:
        """An event worth a look: on a root file, or on a path under a root folder that is not
        hidden (an article, or a folder that may hold some: a deleted one takes them along)."""
        return self._inside(path_text(Path(raw).resolve()))

    def catch_up(self) -> None:
        """Store what is new or changed under the roots; forget stored files that are gone."""
        files, _ = discover(self.roots)
        present = {path_text(file.resolve()) for file in files}
        with open_database(self.database, write=True, wait=self.wait) as db:
            stored = [row["path"] for row in db.rows(DOCUMENTS)]
        gone = [path for path in stored if self._article(path) and path not in present]
        self._store(files, gone)

    def handle(self, changes: Iterable[tuple[watchfiles.Change, str]]) -> None:
        """One batch of file events: store what landed or changed, forget what was deleted."""
        landed: list[Path] = []
        gone: list[str] = []
        for change, raw in sorted(changes, key=lambda c: c[1]):
            path = Path(raw)
            if change is watchfiles.Change.deleted and not path.exists():
                gone.append(path_text(path.resolve()))
            elif path.is_dir():
                landed.extend(discover([path])[0])
            elif path.is_file() and self._article(path_text(path.resolve())):
                landed.append(path)
        self._store(_settled(landed), gone)

    def _inside(self, path: str) -> bool:
        if path in self.files:
            return True
        for folder in self.folders:
            if path.startswith(folder.rstrip("/") + "/"):
                return not any(part.startswith(".") for part in path[len(folder) :].split("/"))
        return False

    def _article(self, path: str) -> bool:
        """A file `watch` stores: a root file, or one with an article's suffix in a root folder."""
        return path in self.files or (self._inside(path) and Path(path).suffix.lower() in SUFFIXES)

    def _store(self, files: Sequence[Path], gone: Sequence[str]) -> None:
        if not files and not gone:
            return
        with open_database(self.database, write=True, wait=self.wait) as db:
            report = ingest(db, files, default_date=self.default_date) if files else None
            removed = forget(db, gone) if gone else []
            after = totals(db)
        for path in removed:
            print(f"removed {shown_path(path)}", flush=True)
        if report is not None:
            for path in report.added:
                print(f"added {shown_path(path)}", flush=True)
            for path in report.updated:
                print(f"updated {shown_path(path)}", flush=True)
            for failure in report.failed:
                error(f"{failure} (tried again when it changes)")
            warn_undated(report.undated)
        if removed or (report and (report.added or report.updated)):
            print(database_line(after), flush=True)


def _settled(files: Sequence[Path]) -> list[Path]:
    """The files whose size and modification time stay the same for `SETTLE_S`: one still being
    written raises another event when the writer goes on, and is read then."""
    if not files:
        return []
    before = {file: _signature(file) for file in files}
    time.sleep(SETTLE_S)
    return [file for file in files if before[file] is not None and _signature(file) == before[file]]


def _signature(file: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(file)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns
