"""Corrections applied to a merged corpus: each kind, in order, with orphans kept apart."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from extract.model import ActorKind, Corpus, CorpusActor, CorpusDocument, CorpusEvent, Document
from extract.pipeline import extract_text
from store import SCHEMA_VERSION, forget, ingest, load_index, open_database
from store.corpus import correct, corrections, store_extracted, withdraw
from store.corrections import (
    ACCEPT_ACTOR,
    ACCEPT_DATE,
    ACCEPT_SPEAKER,
    ACTOR_KIND,
    DOCUMENT_DATE,
    DOCUMENT_OUTLET,
    DOCUMENT_TITLE,
    EVENT_DATE,
    MERGE_ACTOR,
    NOT_EVENT,
    NOT_QUOTE,
    RENAME_ACTOR,
    SPEAKER,
    SPLIT_ACTOR,
    Correction,
    CorrectionError,
    apply,
    from_row,
    to_row,
)
from tests.corpora import HARBOUR, STRIKE, cite, day, write
from tests.store.older import as_schema_3


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
        {"kind": ACCEPT_DATE, "target": "e1", "value": ""},
        {"kind": ACCEPT_ACTOR, "target": "a", "value": ""},
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


# --- stored: applied by every merge, kept through re-ingest and removals -----------------------


def test_stored_corrections_survive_reingest_and_removal_and_orphans_are_kept(
    tmp_path, articles
) -> None:
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [articles])
    index = load_index(db_path)
    (quote,) = index.quotes()
    agreement = next(e for e in index.events() if "agreement" in e.summary)
    march_6 = next(e for e in index.events() if e.date.first == date(2024, 3, 6))
    with open_database(db_path, write=True) as db:
        orphans = correct(
            db,
            [
                Correction(SPEAKER, quote.id, ""),
                Correction(EVENT_DATE, agreement.id, "2024-03-12"),
                Correction(NOT_EVENT, march_6.id),
            ],
        )
    assert orphans == []

    def state() -> tuple:
        index = load_index(db_path)
        return (
            [q.speaker for q in index.quotes()],
            [str(e.date.first) for e in index.events()],
        )

    assert state() == ([None], ["2024-03-04", "2024-03-12"])

    write(articles, "harbour.txt", HARBOUR + "Cranes were idle on March 8, 2024.\n")
    with open_database(db_path, write=True) as db:  # an edit elsewhere in the quote's document
        ingest(db, [articles])
        assert [orphan for _, orphan in corrections(db)] == [False, False, False]
    write(articles, "harbour.txt", HARBOUR.replace("offer is fair", "offer is decent"))
    with open_database(db_path, write=True) as db:  # the quote's own words change: a new quote
        ingest(db, [articles])
        assert [orphan for _, orphan in corrections(db)] == [True, False, False]
    write(articles, "harbour.txt", HARBOUR)
    with open_database(db_path, write=True) as db:  # back as it was: found again
        ingest(db, [articles])
        assert [orphan for _, orphan in corrections(db)] == [False, False, False]
        forget(db, [str((articles / "wire.txt").resolve())])  # another document goes
    assert state() == ([None], ["2024-03-04", "2024-03-12"])

    with open_database(db_path, write=True) as db:
        (withdrawn,) = withdraw(db, [1])
        assert withdrawn.kind == SPEAKER
        assert [c.kind for c, _ in corrections(db)] == [EVENT_DATE, NOT_EVENT]
    assert state()[0] == [load_index(db_path).find_actors("Marta Jansen")[0].id]


def test_a_schema_2_database_is_read_and_upgraded_by_its_first_writer(tmp_path, articles) -> None:
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [articles / "wire.txt"])
    as_schema_3(db_path)
    data = db_path.read_bytes()
    head, _, tail = data.partition(b"\n")
    old = head.replace(b'"schema":3', b'"schema":2').replace(b'"corrections":{},', b"")
    assert old.count(b'"schema":2') == 1 and b'"corrections"' not in old
    db_path.write_bytes(old + b"\n" + tail)
    with open_database(db_path) as db:  # a reader: in memory only
        assert db.meta["schema"] == SCHEMA_VERSION
    assert db_path.read_bytes() == old + b"\n" + tail
    with open_database(db_path, write=True) as db:
        assert corrections(db) == []
    assert b'"schema":%d' % SCHEMA_VERSION in db_path.read_bytes()


MEETING = """Union and mayor meet
Published March 12, 2024

On Tuesday, the union met the mayor at the town hall.
"""


def test_a_document_takes_the_date_title_and_outlet_a_reader_gives_it(tmp_path) -> None:
    path = write(tmp_path, "meeting.txt", MEETING)
    db_path = tmp_path / "db.json"
    with open_database(db_path, write=True) as db:
        ingest(db, [path])
    before = load_index(db_path)
    (event,) = before.events()
    stored = str(path.resolve())
    with open_database(db_path, write=True) as db:
        correct(
            db,
            [
                Correction(DOCUMENT_DATE, stored, "2024-05-20"),
                Correction(DOCUMENT_TITLE, stored, "Mayor meets union"),
                Correction(DOCUMENT_OUTLET, stored, "Valley Courier"),
            ],
        )
    after = load_index(db_path)
    (moved,) = after.events()
    # "on Tuesday" is read against the reader's date now, as in a fresh extraction with it
    expected = extract_text(stored, MEETING, published=date(2024, 5, 20)).events[0].date
    assert (moved.date, event.date.first) == (expected.interval, date(2024, 3, 12))
    document = after.document("d1").document
    assert (document.title, document.publisher, document.published) == (
        "Mayor meets union",
        "Valley Courier",
        date(2024, 5, 20),
    )
    assert document.published_from == "reader"
    with open_database(db_path, write=True) as db:  # withdrawn: the extractor's values again
        withdraw(db, [1, 2, 3])
    again = load_index(db_path)
    assert again.document("d1").document == before.document("d1").document
    assert [e.date for e in again.events()] == [event.date]


def test_names_split_off_an_actor_take_the_items_of_the_documents_using_only_them():
    one = Document("/news/one.txt", "Kim Berg opened the bridge on 3 May 2024.\n")
    two = Document("/news/two.txt", "Kerstin Berg closed the school on 4 May 2024.\n")
    corpus = Corpus(
        documents=(CorpusDocument("d1", one), CorpusDocument("d2", two)),
        actors=(CorpusActor("a1", "Kim Berg", ActorKind.PERSON, ("Kim Berg", "Kerstin Berg")),),
        events=(
            CorpusEvent(
                "e1",
                "3 May 2024",
                day("2024-05-03"),
                "opened",
                ("a1",),
                (cite("d1", one, "Kim Berg opened the bridge on 3 May 2024."),),
            ),
            CorpusEvent(
                "e2",
                "4 May 2024",
                day("2024-05-04"),
                "closed",
                ("a1",),
                (cite("d2", two, "Kerstin Berg closed the school on 4 May 2024."),),
            ),
        ),
    )
    split, orphans = apply(corpus, [Correction(SPLIT_ACTOR, "Kim Berg", "Kerstin Berg")])
    assert orphans == []
    assert [(a.id, a.name, a.aliases) for a in split.actors] == [
        ("a1", "Kim Berg", ("Kim Berg",)),
        ("a2", "Kerstin Berg", ("Kerstin Berg",)),
    ]
    assert [e.actors for e in split.events] == [("a1",), ("a2",)]
    _, orphans = apply(corpus, [Correction(SPLIT_ACTOR, "Kim Berg", "Kim Berg|Kerstin Berg")])
    assert len(orphans) == 1  # every name split off: nothing would be left


# --- confidence: a reader's decision is certain ------------------------------------------------

UNSURE = 0.3
# The strike corpus as an unsure extractor would give it: every date, speaker and actor at 0.3.
UNSURE_STRIKE = dataclasses.replace(
    STRIKE,
    actors=tuple(dataclasses.replace(a, confidence=UNSURE) for a in STRIKE.actors),
    events=tuple(dataclasses.replace(e, confidence=UNSURE) for e in STRIKE.events),
    quotes=tuple(dataclasses.replace(q, confidence=UNSURE) for q in STRIKE.quotes),
)


def _unsure(*corrections: Correction) -> tuple[Corpus, list[Correction]]:
    return apply(UNSURE_STRIKE, corrections)


def _confidences(corpus: Corpus) -> dict[str, float]:
    items = (*corpus.events, *corpus.quotes)
    return {i.id: i.confidence for i in items} | {a.name: a.confidence for a in corpus.actors}


@pytest.mark.parametrize(
    "correction, certain",
    [
        (Correction(SPEAKER, "q1", "Brandt"), {"q1"}),
        (Correction(SPEAKER, "q2", ""), {"q2"}),
        (Correction(EVENT_DATE, "e4", "2024-04-02"), {"e4"}),
        (Correction(MERGE_ACTOR, "Zoë Brandt", "José Álvarez"), {"José Álvarez"}),
        (Correction(RENAME_ACTOR, "union", "Water Union"), {"Water Union"}),
        (Correction(ACTOR_KIND, "Brandt", "group"), {"Zoë Brandt"}),
        (Correction(ACCEPT_SPEAKER, "q1", "José Álvarez"), {"q1"}),
        (Correction(ACCEPT_DATE, "e4", "2024-04-01/2024-04-30"), {"e4"}),
        (Correction(ACCEPT_ACTOR, "Brandt", "Zoë Brandt|Brandt"), {"Zoë Brandt"}),
    ],
)
def test_what_a_reader_decides_is_certain_and_the_rest_as_unsure_as_before(correction, certain):
    corpus, orphans = _unsure(correction)
    assert orphans == []
    assert {key for key, c in _confidences(corpus).items() if c == 1.0} == certain
    assert {c for c in _confidences(corpus).values() if c != 1.0} == {UNSURE}


def test_accepting_changes_nothing_but_the_confidence():
    corpus, _ = _unsure(
        Correction(ACCEPT_SPEAKER, "q1", "Álvarez"),  # any of the speaker's names
        Correction(ACCEPT_SPEAKER, "q2", "Zoë Brandt"),
        Correction(ACCEPT_DATE, "e2", "2024-03-03"),
        Correction(ACCEPT_ACTOR, "union", "Water Workers Union|union"),
    )
    reset = dataclasses.replace(
        corpus,
        actors=tuple(dataclasses.replace(a, confidence=UNSURE) for a in corpus.actors),
        events=tuple(dataclasses.replace(e, confidence=UNSURE) for e in corpus.events),
        quotes=tuple(dataclasses.replace(q, confidence=UNSURE) for q in corpus.quotes),
    )
    assert reset == UNSURE_STRIKE
    assert _confidences(corpus)["q2"] == _confidences(corpus)["e2"] == 1.0


def test_a_split_actor_and_the_name_split_off_are_both_certain():
    corpus, _ = _unsure(Correction(SPLIT_ACTOR, "Zoë Brandt", "Brandt"))
    names = {a.name: a.confidence for a in corpus.actors}
    assert (names["Zoë Brandt"], names["Brandt"], names["José Álvarez"]) == (1.0, 1.0, UNSURE)


@pytest.mark.parametrize(
    "correction",
    [
        Correction(ACCEPT_SPEAKER, "q99", "José Álvarez"),  # no such quote
        Correction(ACCEPT_DATE, "e99", "2024-03-03"),  # no such event
        Correction(ACCEPT_ACTOR, "Ann Other", "Ann Other"),  # no such actor
        # what was accepted is no longer the machine's answer: the decision has no target
        Correction(ACCEPT_SPEAKER, "q1", "Zoë Brandt"),
        Correction(ACCEPT_SPEAKER, "q1", ""),
        Correction(ACCEPT_DATE, "e2", "2024-03-04"),
        Correction(ACCEPT_ACTOR, "Zoë Brandt", "Zoë Brandt"),  # it goes by "Brandt" too now
    ],
)
def test_an_accept_whose_item_or_answer_is_gone_is_an_orphan(correction):
    corpus, orphans = _unsure(correction)
    assert orphans == [correction]
    assert set(_confidences(corpus).values()) == {UNSURE}


def test_accepts_describe_the_answer_accepted():
    assert [
        c.describe()
        for c in (
            Correction(ACCEPT_SPEAKER, "q1", "José Álvarez"),
            Correction(ACCEPT_SPEAKER, "q2", ""),
            Correction(ACCEPT_DATE, "e4", "2024-04-01/2024-04-30"),
            Correction(ACCEPT_ACTOR, "Brandt", "Zoë Brandt|Brandt"),
        )
    ] == [
        "q1: accepted: spoken by José Álvarez",
        "q2: accepted: spoken by nobody",
        "e4: accepted: dated 2024-04-01 to 2024-04-30",
        "Brandt: accepted: one actor, Zoë Brandt, Brandt",
    ]


FERRY = """Ferry crews return
Published June 3, 2025

On June 2, 2025, ferry crews in Lindholm returned to work after a week-long stoppage.
“We are glad to sail,” said deckhand Oskar Pell.
"""
BRIDGE = """Bridge repairs begin
Published June 4, 2025

Repairs to the Lindholm bridge began on June 3, 2025, the roads office said.
"""


def _lowered(extraction):
    """An extraction as an unsure extractor would give it: every date and speaker at 0.3."""
    return dataclasses.replace(
        extraction,
        events=tuple(dataclasses.replace(e, confidence=UNSURE) for e in extraction.events),
        quotes=tuple(dataclasses.replace(q, confidence=UNSURE) for q in extraction.quotes),
    )


def test_stored_accepts_survive_reingest_and_removal_and_withdrawing_one_brings_doubt_back(
    tmp_path,
) -> None:
    db_path = tmp_path / "db.json"
    ferry = _lowered(extract_text("/news/ferry.txt", FERRY))
    bridge = _lowered(extract_text("/news/bridge.txt", BRIDGE))
    with open_database(db_path, write=True) as db:
        store_extracted(db, [ferry, bridge], added="2025-06-05T00:00:00+00:00")
    index = load_index(db_path)
    (quote,) = index.quotes()
    crews = next(e for e in index.events() if "ferry" in e.summary.lower())
    assert (quote.confidence, crews.confidence) == (UNSURE, UNSURE)
    speaker = index.actor(quote.speaker).name if quote.speaker else ""
    days = f"{crews.date.first}/{crews.date.last}"
    with open_database(db_path, write=True) as db:
        orphans = correct(
            db,
            [
                Correction(ACCEPT_SPEAKER, quote.id, speaker),
                Correction(ACCEPT_DATE, crews.id, days),
            ],
            strict=True,
        )
    assert orphans == []

    def state() -> tuple:
        index = load_index(db_path)
        with open_database(db_path) as db:
            orphaned = [orphan for _, orphan in corrections(db)]
        items = {i.id: i.confidence for i in (*index.events(), *index.quotes())}
        return items.get(quote.id), items.get(crews.id), orphaned

    assert state() == (1.0, 1.0, [False, False])
    edited = _lowered(extract_text("/news/bridge.txt", BRIDGE + "Traffic was diverted.\n"))
    with open_database(db_path, write=True) as db:  # another document changes
        store_extracted(db, [edited], added="2025-06-06T00:00:00+00:00")
    assert state() == (1.0, 1.0, [False, False])
    with open_database(db_path, write=True) as db:  # and goes
        forget(db, ["/news/bridge.txt"])
    assert state() == (1.0, 1.0, [False, False])
    with open_database(db_path, write=True) as db:
        withdraw(db, [1])
    assert state() == (UNSURE, 1.0, [False])
