"""Corrections applied to a merged corpus: each kind, in order, with orphans kept apart."""

from __future__ import annotations

from datetime import date

import pytest

from extract.model import ActorKind
from store.corrections import (
    ACTOR_KIND,
    EVENT_DATE,
    MERGE_ACTOR,
    NOT_EVENT,
    NOT_QUOTE,
    RENAME_ACTOR,
    SPEAKER,
    Correction,
    CorrectionError,
    apply,
    from_row,
    to_row,
)
from tests.corpora import STRIKE


def _apply(*corrections: Correction):
    corpus, orphans = apply(STRIKE, corrections)
    assert orphans == []
    return corpus


def test_items_marked_wrong_are_gone():
    corpus = _apply(Correction(NOT_EVENT, "e4"), Correction(NOT_QUOTE, "q1"))
    assert [e.id for e in corpus.events] == ["e1", "e2", "e3"]
    assert [q.id for q in corpus.quotes] == ["q2"]


def test_a_quote_changes_speaker_to_anyone_named_or_to_nobody():
    corpus = _apply(Correction(SPEAKER, "q1", "brandt"), Correction(SPEAKER, "q2", ""))
    assert [q.speaker for q in corpus.quotes] == ["a2", None]


def test_a_redated_event_moves_to_its_place_on_the_timeline():
    corpus = _apply(Correction(EVENT_DATE, "e4", "2024-03-05/2024-03-06"))
    assert [e.id for e in corpus.events] == ["e1", "e2", "e4", "e3"]
    moved = corpus.events[2]
    assert (moved.date.first, moved.date.last) == (date(2024, 3, 5), date(2024, 3, 6))
    assert moved.citations == STRIKE.events[3].citations  # the evidence is untouched


def test_a_merged_actor_hands_over_its_names_items_and_quotes():
    corpus = _apply(Correction(MERGE_ACTOR, "Zoë Brandt", "José Álvarez"))
    assert [(a.id, a.name) for a in corpus.actors] == [
        ("a1", "José Álvarez"),
        ("a2", "Water Workers Union"),  # numbered again, in order
    ]
    assert set(corpus.actors[0].aliases) >= {"Zoë Brandt", "Brandt"}
    assert corpus.actors[0].roles == ("Mayor",)
    assert [e.actors for e in corpus.events] == [("a2",), ("a1", "a2"), ("a1", "a2"), ()]
    assert [q.speaker for q in corpus.quotes] == ["a1", "a1"]


def test_a_renamed_actor_is_still_found_by_its_old_name():
    corpus = _apply(
        Correction(RENAME_ACTOR, "union", "Water Workers' Union"),
        Correction(ACTOR_KIND, "Water Workers Union", "group"),
    )
    union = corpus.actors[2]
    assert (union.name, union.kind) == ("Water Workers' Union", ActorKind.GROUP)
    assert "Water Workers Union" in union.aliases


def test_a_correction_whose_target_is_gone_is_an_orphan_and_the_rest_apply():
    gone = [
        Correction(NOT_EVENT, "e99"),
        Correction(SPEAKER, "q1", "Nobody Known"),
        Correction(MERGE_ACTOR, "Ann Other", "José Álvarez"),
    ]
    corpus, orphans = apply(STRIKE, [*gone, Correction(NOT_QUOTE, "q2")])
    assert orphans == gone
    assert [q.id for q in corpus.quotes] == ["q1"]


@pytest.mark.parametrize(
    "row",
    [
        {"kind": "delete-everything", "target": "e1"},
        {"kind": NOT_EVENT, "target": ""},
        {"kind": EVENT_DATE, "target": "e1", "value": "soon"},
        {"kind": EVENT_DATE, "target": "e1", "value": "2024-03-09/2024-03-01"},
        {"kind": ACTOR_KIND, "target": "a", "value": "robot"},
        {"kind": MERGE_ACTOR, "target": "a", "value": " "},
        {"kind": NOT_EVENT, "target": "e1", "extra": "field"},
        {"kind": NOT_EVENT, "target": 3},
        ["not", "a", "row"],
    ],
)
def test_what_is_not_a_correction_is_refused_with_a_reason(row):
    with pytest.raises(CorrectionError):
        from_row(row)


def test_a_correction_round_trips_through_its_row():
    made = Correction(EVENT_DATE, "e1", "2024-03-01", made="2026-12-06T04:00:00+00:00")
    assert from_row(to_row(made)) == made
