"""Fixtures for every test: no test touches the user's data directory, and the small strike
corpus (tests/store/conftest.py) is one fixture for the store and the browser alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import STRIKE, store_corpus


@pytest.fixture(autouse=True)
def private_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's default database is in its tmp_path, never in the user's data directory
    (subprocesses inherit the variable)."""
    path = tmp_path / "default-db" / "chronicle.json"
    monkeypatch.setenv("CHRONICLE_DB", str(path))
    return path


@pytest.fixture
def strike_db(tmp_path: Path) -> Path:
    path = tmp_path / "strike.json"
    store_corpus(path, STRIKE)
    return path
