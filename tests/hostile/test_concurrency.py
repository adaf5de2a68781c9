"""Two ingests and a browser's loads at once on one database: no lost document, no torn file."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.harness import concurrent_ingests


def test_two_writers_and_a_reader_lose_nothing(tmp_path: Path) -> None:
    seen = concurrent_ingests(tmp_path, writers=2, each=6)
    assert seen.exits == (0, 0)
    assert seen.stored == seen.expected  # both writers' documents, none lost
    assert seen.read_errors == ()  # every load saw one whole file
    assert list(seen.counts_seen) == sorted(seen.counts_seen)  # never a step back
    assert set(seen.counts_seen) <= {0, 6, 12}  # whole ingests only, never half of one
