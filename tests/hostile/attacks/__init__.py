"""Attacks on chronicle, each one procedure that tests/hostile asserts on and bench/hardening.py
counts: a function `(work: Path) -> Outcome` run in an empty scratch folder.

Each module here lists its attacks in `ATTACKS`, in the order the bench reports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether chronicle held, and one line on what it did (shown in bench/hardening.md)."""

    held: bool
    detail: str
    documents_lost: int = 0


Attack = Callable[[Path], Outcome]
