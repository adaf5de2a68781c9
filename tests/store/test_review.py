"""The review queue: the unsure speakers, dates and actors, least sure first, and accepting one."""

from __future__ import annotations

import dataclasses

import pytest

from extract.model import Corpus
from extract.pipeline import extract_text
from store import DatabaseCorrupt, load_index, open_database
from store.corpus import correct, store_extracted
from store.queries import _Items
from store.review import REVIEW_BELOW, Unsure, acceptance
from store.rows import corpus_rows
from store.storage import Blob
from tests.corpora import STRIKE, store_corpus


def _with(corpus: Corpus, **confidence: float) -> Corpus:
    """`corpus` with the confidences given by item id or actor name (the rest sure)."""

    def sure(record):
        key = getattr(record, "name", None) if hasattr(record, "kind") else record.id
        return dataclasses.replace(record, confidence=confidence.get(key, 1.0))

    return dataclasses.replace(
        corpus,
        actors=tuple(map(sure, corpus.actors)),
        events=tuple(map(sure, corpus.events)),
        quotes=tuple(map(sure, corpus.quotes)),
    )


def _shown(queue) -> list[tuple[str, float, str]]:
    return [(u.kind, u.confidence, getattr(u.record, "name", None) or u.record.id) for u in queue]


def test_the_least_sure_come_first_and_the_sure_enough_are_left_out(tmp_path):
    db = tmp_path / "db.json"
    corpus = _with(STRIKE, q1=0.3, e4=0.5, e1=0.9, q2=0.79)
    corpus = dataclasses.replace(
        corpus,
        actors=tuple(
            dataclasses.replace(a, confidence=0.6) if a.name == "Zoë Brandt" else a
            for a in corpus.actors
        ),
    )
    store_corpus(db, corpus)
    queue = load_index(db).review()
    assert _shown(queue) == [
        ("speaker", 0.3, "q1"),
        ("date", 0.5, "e4"),
        ("actors", 0.6, "Zoë Brandt"),
        ("speaker", 0.79, "q2"),
    ]
    assert queue.counts() == {"speaker": 2, "date": 1, "actors": 1}
    assert REVIEW_BELOW == 0.8  # e1 at 0.9 is sure enough
    assert [u.record.text for u in queue[:1]] == ["We will not back down"]


def test_equally_unsure_items_come_in_timeline_order(tmp_path):
    db = tmp_path / "db.json"
    # e1 starts in 2014, e2 on 3 March 2024, e3 on 10 March, e4 in April; q2 is dated 10 March
    store_corpus(db, _with(STRIKE, e4=0.5, e3=0.5, e1=0.5, q2=0.5, e2=0.4))
    assert [u.record.id for u in load_index(db).review()] == ["e2", "e1", "q2", "e3", "e4"]


def test_a_sure_database_has_nothing_to_review(strike_db):
    assert list(load_index(strike_db).review()) == []


ROWERS = """Rowing club wins regatta
Published July 7, 2025

The Nordvik rowing club won the summer regatta on July 6, 2025.
“It was our best race,” said captain Hedda Sand.
"""


def test_an_accepted_item_leaves_the_queue_and_the_others_stay(tmp_path):
    db = tmp_path / "db.json"
    extraction = extract_text("/news/rowers.txt", ROWERS)
    unsure = dataclasses.replace(
        extraction,
        events=tuple(dataclasses.replace(e, confidence=0.4) for e in extraction.events),
        quotes=tuple(dataclasses.replace(q, confidence=0.2) for q in extraction.quotes),
    )
    with open_database(db, write=True) as database:
        store_extracted(database, [unsure], added="2025-07-08T00:00:00+00:00")
    index = load_index(db)
    queue = index.review()
    assert [u.kind for u in queue] == ["speaker", "date"]
    first: Unsure = queue[0]
    speaker = index.actor(first.record.speaker).name if first.record.speaker else None
    with open_database(db, write=True) as database:
        assert correct(database, [acceptance(first, speaker=speaker)], strict=True) == []
    assert [u.kind for u in load_index(db).review()] == ["date"]


def _events_table():
    corpus = _with(STRIKE, e4=0.5, e2=0.4, e1=0.9)
    _, events, _ = corpus_rows(corpus, [d.id for d in corpus.documents])
    return events[0]


def test_rows_stored_before_the_unsure_column_are_read_from_their_records():
    table = _events_table()
    older = {key: value for key, value in table.items() if key != "unsure"}
    new, old = (_Items(t, by_actor=dict, make=dict) for t in (table, older))
    assert new.doubts == old.doubts
    assert new.doubts[1] == [0.4, 0.5, 0.9]


@pytest.mark.parametrize(
    "damaged",
    [["not", "lists"], [[0, 1], [0.5]], [[0, 9], [0.4, 0.5]], [[0, 1], [0.5, 0.4]], [[0], [1.5]]],
)
def test_a_damaged_unsure_column_is_reported_when_read(damaged):
    items = _Items(_events_table() | {"unsure": Blob(damaged)}, by_actor=dict, make=dict)
    with pytest.raises(DatabaseCorrupt, match="unsure items is damaged"):
        items.unsure(REVIEW_BELOW)
