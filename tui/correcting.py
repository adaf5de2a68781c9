"""Corrections made in the browser: what a key asks of the selected item, written to the store.

Each function builds one `store.corrections.Correction` (or withdraws the last one) and writes
it with the store's own lock and atomic write; they block, so the app runs them in a worker and
shows the returned notice. The browser then sees the write as it sees any other process's
(`ChronicleApp._look_for_writes`): it reads the database again and keeps its place.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from extract.model import CorpusEvent, CorpusQuote
from store import ActorCount, StoreError, open_database
from store.corpus import correct, corrections, withdraw
from store.corrections import MERGE_ACTOR, NOT_EVENT, NOT_QUOTE, SPEAKER, Correction
from tui.format import one_line
from tui.sharing import Notice

# The picker's key for "nobody spoke this quote" (actor ids are a1, a2...).
NOBODY = "-"


def not_an_item(db_path: Path, item: CorpusEvent | CorpusQuote) -> Notice:
    kind = NOT_EVENT if isinstance(item, CorpusEvent) else NOT_QUOTE
    return _store(db_path, Correction(kind, item.id, made=_now()))


def speaker(db_path: Path, quote: CorpusQuote, name: str | None) -> Notice:
    """`name` speaks `quote`; None: nobody does."""
    return _store(db_path, Correction(SPEAKER, quote.id, name or "", made=_now()))


def merge(db_path: Path, actor: ActorCount, into: str) -> Notice:
    return _store(db_path, Correction(MERGE_ACTOR, actor.actor.name, into, made=_now()))


def undo(db_path: Path) -> Notice:
    """Withdraw the last correction made (in the browser or not)."""
    try:
        with open_database(db_path, write=True) as db:
            made = corrections(db)
            if not made:
                return Notice("No correction to undo", "warning")
            (removed,) = withdraw(db, [len(made)])
    except StoreError as problem:
        return Notice(one_line(str(problem)), "error")
    return Notice(f"Undone: {one_line(removed.describe())}")


def _store(db_path: Path, correction: Correction) -> Notice:
    try:
        with open_database(db_path, write=True) as db:
            correct(db, [correction], strict=True)
    except (StoreError, ValueError) as problem:  # NoTarget: changed meanwhile
        return Notice(one_line(str(problem)), "error")
    return Notice(f"Corrected: {one_line(correction.describe())} (z undoes)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
