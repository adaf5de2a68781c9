"""Fixtures for every test: no test touches the user's data or config directory, and the
material of tests/corpora.py (the strike corpus, the two port-strike articles) serves every tier
alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpora import HARBOUR, STRIKE, WIRE, store_corpus, write


@pytest.fixture(autouse=True)
def private_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's default database and settings file are in its tmp_path, never in the
    user's data and config directories (subprocesses inherit the variables)."""
    path = tmp_path / "default-db" / "chronicle.json"
    monkeypatch.setenv("CHRONICLE_DB", str(path))
    monkeypatch.setenv("CHRONICLE_CONFIG", str(settings_file(tmp_path)))
    return path


def settings_file(tmp_path: Path) -> Path:
    """The settings file of a test whose tmp_path is `tmp_path` (none until a test writes it)."""
    return tmp_path / "config" / "settings.toml"


@pytest.fixture
def strike_db(tmp_path: Path) -> Path:
    path = tmp_path / "strike.json"
    store_corpus(path, STRIKE)
    return path


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder holding the two port-strike reports, for tests that run the real extractor."""
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "harbour.txt", HARBOUR)
    write(folder, "wire.txt", WIRE)
    return folder
