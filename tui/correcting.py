"""Corrections made in the browser: what a key asks of the selected item, written to the store.

Each function builds one `store.corrections.Correction` (or withdraws the last one) and writes
it with the store's own lock and atomic write; they block, so the app runs them in a worker and
shows the returned notice. The browser then sees the write as it sees any other process's
(`ChronicleApp._look_for_writes`): it reads the database again and keeps its place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from extract.model import CorpusEvent, CorpusQuote
from store import ActorCount, StoreError, open_database
from store.corpus import correct, corrections, withdraw
from store.corrections import (
    ACTOR_KIND,
    EVENT_DATE,
    MERGE_ACTOR,
    NOT_EVENT,
    NOT_QUOTE,
    RENAME_ACTOR,
    SPEAKER,
    SPLIT_ACTOR,
    Correction,
)
from store.review import Unsure, acceptance
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


def event_date(db_path: Path, event: CorpusEvent, first: date, last: date) -> Notice:
    value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return _store(db_path, Correction(EVENT_DATE, event.id, value, made=_now()))


def rename(db_path: Path, actor: ActorCount, name: str) -> Notice:
    return _store(db_path, Correction(RENAME_ACTOR, actor.actor.name, name, made=_now()))


def split(db_path: Path, actor: ActorCount, name: str) -> Notice:
    return _store(db_path, Correction(SPLIT_ACTOR, actor.actor.name, name, made=_now()))


def kind(db_path: Path, actor: ActorCount, value: str) -> Notice:
    return _store(db_path, Correction(ACTOR_KIND, actor.actor.name, value, made=_now()))


def document(db_path: Path, path: str, kind: str, value: str) -> Notice:
    """Set a document's date (ISO), title or outlet (`kind`: a document correction)."""
    return _store(db_path, Correction(kind, path, value, made=_now()))


def accept(db_path: Path, unsure: Unsure, speaker: str | None) -> Notice:
    """The extractor's answer for `unsure` is right (`speaker`: its quote's speaker's name)."""
    return _store(db_path, acceptance(unsure, speaker=speaker, made=_now()))


def withdraw_one(db_path: Path, number: int) -> Notice:
    """Withdraw the correction numbered `number` (1: the first made)."""
    try:
        with open_database(db_path, write=True) as db:
            (removed,) = withdraw(db, [number])
    except IndexError:
        return Notice("That correction is gone already", "warning")
    except StoreError as problem:
        return Notice(one_line(str(problem)), "error")
    return Notice(f"Removed: {one_line(removed.describe())}")


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
    return Notice(f"Corrected: {one_line(correction.describe())} (u undoes)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
