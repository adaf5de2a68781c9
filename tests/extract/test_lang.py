"""The word lists and tables of extract/lang/: each file says what it holds, and reads as its
kind of file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import lang

LANG = Path(lang.__file__).parent
FILES = sorted(p for p in LANG.glob("*/*") if p.suffix in {".txt", ".tsv"})


def test_there_are_english_words() -> None:
    assert {p.parent.name for p in FILES} == {"en"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_file_opens_with_what_it_holds_and_who_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert all(line.startswith("#") for line in header.splitlines())
    assert "Read by extract." in " ".join(header.split())


@pytest.mark.parametrize(
    "path", [p for p in FILES if p.suffix == ".txt"], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_a_word_list_holds_one_entry_a_line_each_once(path: Path) -> None:
    entries = lang.entries(path.stem, language=path.parent.name)
    assert entries
    assert not any("\t" in entry or "  " in entry for entry in entries)
    assert len(set(entries)) == len(entries)


@pytest.mark.parametrize(
    "path", [p for p in FILES if p.suffix == ".tsv"], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_a_table_has_as_many_cells_in_every_row(path: Path) -> None:
    rows = lang.rows(path.stem, language=path.parent.name)
    assert rows
    assert len({len(row) for row in rows}) == 1
    assert all(row[0] for row in rows)  # the first cell, the key, is never empty
    assert len({row[0] for row in rows}) == len(rows)


def test_a_table_of_two_columns_reads_as_a_dict_in_the_files_order() -> None:
    groups = lang.table("group_nouns")
    assert groups["senators"] == "legislators"
    assert next(iter(groups)) == "senators"
