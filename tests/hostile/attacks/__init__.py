"""Attacks on chronicle, each one procedure that tests/hostile asserts on and bench/hardening.py
counts: a function `(work: Path) -> Outcome` run in an empty scratch folder.

Each module here lists its attacks in `ATTACKS`, in the order the bench reports them.
"""

from __future__ import annotations

import importlib
import pkgutil
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


def every_attack() -> list[tuple[str, Attack]]:
    """(area, attack) for every attack of every module in this package, area by area."""
    found = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        attacks = importlib.import_module(f"{__name__}.{module.name}").ATTACKS
        found += [(module.name, attack) for attack in attacks]
    return found
