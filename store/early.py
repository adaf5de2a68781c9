"""Extraction started before the database is read, on another core.

Adding one article to a database of 100,000 events is two waits of the same length: loading the
extraction rules (~0.1 s of compiled patterns) and extracting the article, and reading the
database (~0.15 s). Neither needs the other until the article is merged, so a forked child
extracts the few files given while this process opens the database; `ingest` then takes the
results of the files it finds new or changed (`store.corpus.ingest`), and extracts any others
itself. The child writes nothing but its results to a pipe, dies with this process (SIGKILL),
and anything it fails to hand back is extracted again here: the outcome is the same as without
it, only sooner.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import signal
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from extract.display import path_text
from extract.sources import discover, read_source
from store.lifetime import die_with_parent

# What a file's early extraction gave, keyed by its stored path and sha256: the document and its
# records as `store.corpus.extract_file_to_json` encodes them, or why there are none.
Results = Mapping[tuple[str, str], tuple[bytes, bytes] | str]

# Past this many files, the ingest merges in full and spreads extraction over a pool anyway.
MOST_EARLY = 8


class EarlyExtraction:
    """A child extracting files; `results()` waits for what it made."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self._pipe = pid, pipe  # the child's
        self._results: Results | None = None

    def results(self) -> Results:
        """What the child extracted (empty if it failed), once it has finished."""
        if self._results is None:
            chunks = []
            while chunk := os.read(self._pipe, 1 << 20):
                chunks.append(chunk)
            self._reap()
            try:
                self._results = pickle.loads(b"".join(chunks))
            except (pickle.UnpicklingError, EOFError, ValueError):  # it died before the end
                self._results = {}
        return self._results

    def _reap(self) -> None:
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def cancel(self) -> None:
        """Stop the child if it still runs (its work is not needed) and reap it."""
        if self._pipe >= 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()


@contextlib.contextmanager
def extraction_ahead(
    paths: Sequence[str | os.PathLike[str]], *, jobs: int, default_date: date | None
) -> Iterator[EarlyExtraction | None]:
    """A child extracting the files of `paths` while the block opens the database, or None when
    there is no second core to give it (`jobs` 1), no `fork`, or more than `MOST_EARLY` files."""
    files = discover(paths)[0] if jobs > 1 and hasattr(os, "fork") else []
    if not 0 < len(files) <= MOST_EARLY:
        yield None
        return
    parent = os.getpid()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to the caller's code
        status = 1
        try:
            os.close(read)
            die_with_parent(parent)
            payload = pickle.dumps(_extracted(files, default_date))
            view = memoryview(payload)
            while view:
                view = view[os.write(write, view) :]
            status = 0
        finally:
            os._exit(status)  # no cleanup of the parent's state: buffers, locks, atexit
    os.close(write)
    early = EarlyExtraction(pid, read)
    try:
        yield early
    finally:
        early.cancel()


def _extracted(files: Sequence[Path], default_date: date | None) -> Results:
    """Each file's results, keyed as `ingest` finds it (its resolved path and sha256)."""
    from store.corpus import extract_file_to_json

    results: dict[tuple[str, str], tuple[bytes, bytes] | str] = {}
    for file in files:
        try:
            data = read_source(file)
        except OSError:  # the ingest reports it
            continue
        path = path_text(file.resolve())
        sha = hashlib.sha256(data).hexdigest()
        results[path, sha] = extract_file_to_json(path, data, default_date)
    return results
