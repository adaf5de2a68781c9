"""Ingest and extract under abuse: odd file names, many files, a file swapped for a pipe, a
killed parallel ingest. Each attack is a procedure in tests/hostile/attacks/ingest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.display import path_text, shown_path
from tests.hostile.attacks import Attack
from tests.hostile.attacks.ingest import ATTACKS


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.__name__)
def test_chronicle_holds(attack: Attack, tmp_path: Path) -> None:
    outcome = attack(tmp_path)
    assert outcome.held, outcome.detail
    assert outcome.documents_lost == 0


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("plain/name.txt", "plain/name.txt"),
        ("caf\u00e9 \u65e5\u672c.txt", "caf\u00e9 \u65e5\u672c.txt"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
        ("two\nlines\r\t.txt", "two\\nlines\\r\\t.txt"),
        ("\x1b]0;title\x07\x1b[2J", "\\x1b]0;title\\x07\\x1b[2J"),
        ("c1\x85\x9b del\x7f", "c1\\x85\\x9b del\\x7f"),
        ("rtl\u202eoverride\u2066\u2028\u2029", "rtl\\u202eoverride\\u2066\\u2028\\u2029"),
        (Path(os.fsdecode(b"a/\xff\nb")), "a/\\xff\\nb"),
    ],
)
def test_shown_path_is_one_line_of_printable_text(raw: str | Path, shown: str) -> None:
    assert shown_path(raw) == shown
    assert shown_path(shown) == shown  # showing a shown path again changes nothing
    assert len(shown.splitlines()) == 1


def test_path_text_escapes_only_bytes_that_are_not_utf8() -> None:
    raw = os.fsdecode(b"/news/caf\xe9\n" + "\u00e9.txt".encode())
    assert path_text(raw) == "/news/caf\\xe9\n\u00e9.txt"
    assert path_text(path_text(raw)) == path_text(raw)
    path_text(raw).encode()  # valid UTF-8: orjson and the terminal take it
