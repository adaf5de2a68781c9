"""Finding article files and reading their bytes: the one place `extract` touches the file system.

Problems are values or one-line errors without the path, so the command line can print
"PATH: message" and carry on with the other files.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extract.display import path_text, shown_path

SUFFIXES = (".txt", ".md", ".html", ".htm")

# The message for a folder in which the walk found no article file.
_NO_ARTICLES = "no .txt, .md, .html or .htm files"


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A path given on the command line that yields no article file; `path` is its `path_text`."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{shown_path(self.path)}: {_one_line(self.message)}"


class SourceError(OSError):
    """A file that cannot be read as an article; `str()` is a one-line message without the path.

    An `OSError` subclass so that callers handling file-system errors handle this one too.
    """


def discover(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[SourceProblem]]:
    """The article files that `paths` name, in order and without repeats, and the paths giving none.

    A file given explicitly is taken whatever its suffix; a folder is walked recursively in sorted
    order for files with one of `SUFFIXES`, skipping hidden names and following symlinks once.
    """
    files: list[Path] = []
    problems: list[SourceProblem] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            problems.append(SourceProblem(path_text(path), "no such file or directory"))
            continue
        except OSError as error:
            problems.append(SourceProblem(path_text(path), _reason(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found, walk_problems = _walk(path)
            problems.extend(walk_problems)
            if not found and not walk_problems:
                problems.append(SourceProblem(path_text(path), _NO_ARTICLES))
            candidates = found
        elif stat.S_ISREG(info.st_mode):
            candidates = [(path, info)]
        else:
            problems.append(SourceProblem(path_text(path), "not a regular file"))
            continue
        for file, file_info in candidates:
            key = (file_info.st_dev, file_info.st_ino)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


def _walk(folder: Path) -> tuple[list[tuple[Path, os.stat_result]], list[SourceProblem]]:
    """Article files under `folder` with their stat results, depth first in name order."""
    found: list[tuple[Path, os.stat_result]] = []
    problems: list[SourceProblem] = []
    visited: set[tuple[int, int]] = set()
    stack = [(folder, folder.stat())]  # an explicit stack: no recursion limit on deep trees
    while stack:
        path, info = stack.pop()
        if not stat.S_ISDIR(info.st_mode):
            found.append((path, info))
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:  # a symlink loop, or the same folder reached twice
            continue
        visited.add(key)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
        except OSError as error:
            problems.append(SourceProblem(path_text(path), _reason(error)))
            continue
        children = []
        for name in names:
            child = path / name
            try:
                child_info = child.stat()
            except FileNotFoundError:  # a broken symlink or a file that vanished: nothing to read
                continue
            except OSError as error:  # a symlink loop, a folder we may not enter
                problems.append(SourceProblem(path_text(child), _reason(error)))
                continue
            if stat.S_ISDIR(child_info.st_mode) or (
                stat.S_ISREG(child_info.st_mode) and child.suffix.lower() in SUFFIXES
            ):
                children.append((child, child_info))
        stack.extend(reversed(children))
    return found, problems


def read_source(path: Path, *, max_bytes: int = 20 * 2**20) -> bytes:
    """The bytes of `path`; raises `SourceError` if it is not a regular file, is unreadable or is
    larger than `max_bytes`.

    The open cannot block: a named pipe or a device put in a file's place after the folder walk
    is refused, not waited on. The read asks for no more than the file's size, so that small
    files are read into ordinary heap memory: a buffer of `max_bytes` would be a memory mapping
    of its own, kept as long as the bytes, and 65,530 of them (`vm.max_map_count`) end the run.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise SourceError(_reason(error)) from error
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("not a regular file")
        if info.st_size > max_bytes:
            raise SourceError(_too_large(info.st_size, max_bytes))
        data = _read_at_most(descriptor, info.st_size, max_bytes + 1)
    except SourceError:
        raise
    except OSError as error:
        raise SourceError(_reason(error)) from error
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:  # the file grew, or its size was not known in advance
        raise SourceError(_too_large(len(data), max_bytes))
    return data


# How much a read asks for past a file's stated size: small enough for the heap.
_CHUNK = 64 * 2**10


def _read_at_most(descriptor: int, size: int, limit: int) -> bytes:
    """Up to `limit` bytes from `descriptor`, asking first for the `size` it stated."""
    chunks = []
    total = 0
    want = min(size + 1, limit)  # one byte more: whether the file grew shows at once
    while total < limit and (chunk := os.read(descriptor, want)):
        chunks.append(chunk)
        total += len(chunk)
        want = min(_CHUNK, limit - total)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {limit:,})"


def _reason(error: OSError) -> str:
    """A short lower-case reason for an OS error, without the path that the error may carry."""
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    if error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return _one_line(str(error)) or type(error).__name__


def _one_line(message: str) -> str:
    return " ".join(message.split())
