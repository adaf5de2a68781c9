"""The words of a language, kept as data: one plain UTF-8 file per kind of word.

`extract/lang/<language>/` holds two kinds of file, each opening with a comment that says what
it holds and which modules read it:

- `<name>.txt`, a word list: one entry per line (an entry may hold spaces: "new york");
- `<name>.tsv`, a table: one row per line, its cells separated by tabs; an empty cell is
  written `-` (so no row starts or ends with a tab that an editor would drop), and a cell that
  holds several entries separates them with commas.

In both, a line whose first character other than white space is `#` is a comment, and blank
lines are skipped. Entries are read as written: the modules that use them fold case where they
need to. Each file is read once, when the modules that use it are imported, through the package's
own loader (pkgutil.get_data), so the files are found wherever the package is: a source tree, an
installed wheel, a zip archive. importlib.resources would find them as well, but importing it
imports tempfile, zipfile, shutil, bz2 and lzma: some 34 million instructions (4 ms here) more
of every start, for nothing more.
"""

from __future__ import annotations

import pkgutil
from functools import cache

__all__ = ["entries", "rows", "table", "words"]


@cache
def entries(name: str, *, language: str = "en") -> tuple[str, ...]:
    """The entries of the word list `<language>/<name>.txt`, in the file's order."""
    return tuple(_lines(language, f"{name}.txt"))


def words(name: str, *, language: str = "en") -> frozenset[str]:
    """The entries of the word list `<language>/<name>.txt` as a set."""
    return frozenset(entries(name, language=language))


@cache
def rows(name: str, *, language: str = "en") -> tuple[tuple[str, ...], ...]:
    """The rows of the table `<language>/<name>.tsv`, in the file's order, each its cells."""
    return tuple(tuple(map(_cell, line.split("\t"))) for line in _lines(language, f"{name}.tsv"))


def _cell(text: str) -> str:
    """A cell's text; "-" writes an empty one."""
    text = text.strip()
    return "" if text == "-" else text


def table(name: str, *, language: str = "en") -> dict[str, str]:
    """The table `<language>/<name>.tsv` of two columns as a dict from the first to the second,
    in the file's order. A key written twice is an error, not a silent overwrite."""
    out: dict[str, str] = {}
    for line in _lines(language, f"{name}.tsv"):  # not through `rows`: 20,000 lines at most
        row = line.split("\t")
        if len(row) != 2:
            raise ValueError(f"{language}/{name}.tsv: a row of {len(row)} cells, not 2: {row}")
        key, value = (_cell(cell) for cell in row)
        if key in out:
            raise ValueError(f"{language}/{name}.tsv: {key!r} is written twice")
        out[key] = value
    return out


def _lines(language: str, filename: str) -> list[str]:
    """The lines of a file that are neither blank nor comments, stripped of white space at
    either end."""
    data = pkgutil.get_data(__name__, f"{language}/{filename}")
    if data is None:  # a loader that cannot read data files
        raise FileNotFoundError(f"{__name__}: {language}/{filename}")
    text = data.decode("utf-8")
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append(stripped)
    return out
