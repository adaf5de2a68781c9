"""The code is checked as CI checks it: typed (mypy, strict where the data is made and kept) and
ruff clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "arguments",
    [
        ("--strict", "extract", "store", "publish"),  # records, their persistence, outputs: strict
        ("cli", "tui"),
    ],
    ids=" ".join,
)
def test_mypy_finds_no_errors(arguments: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *arguments], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("command", [("check",), ("format", "--check")], ids=" ".join)
def test_ruff_is_clean(command: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
