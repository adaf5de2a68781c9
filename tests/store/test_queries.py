"""The browser's queries: filters alone and combined, on the hand-made strike corpus, and the
indexes against a brute-force scan on a random corpus."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from extract.model import (
    ActorKind,
    Citation,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    DateInterval,
    Document,
    Precision,
    Span,
)
from store import Filter, load_index
from tests.corpora import STRIKE, cite, store_corpus

D = date.fromisoformat


@pytest.mark.parametrize(
    "where, expected",
    [
        (Filter(), ["e1", "e2", "e3", "e4"]),
        (Filter(actors=frozenset({"a1"})), ["e2"]),
        (Filter(actors=frozenset({"a1", "a2"})), ["e2", "e3"]),
        (Filter(actors=frozenset({"a3"})), ["e1", "e2", "e3"]),
        # dates: items within the interval ("since 2014" runs to 4 March 2024)
        (Filter(since=D("2024-03-04")), ["e3", "e4"]),
        (Filter(since=D("2014-01-01"), until=D("2024-03-31")), ["e1", "e2", "e3"]),
        (Filter(since=D("2024-03-01"), until=D("2024-03-31")), ["e2", "e3"]),
        (Filter(until=D("2024-03-05")), ["e1", "e2"]),
        (Filter(until=D("2020-01-01")), []),
        (Filter(since=D("2024-04-15"), until=D("2024-04-15")), []),
        (Filter(since=D("2024-04-01"), until=D("2024-04-30")), ["e4"]),
        # ... or, asked for, every item overlapping it
        (Filter(since=D("2024-03-04"), overlapping=True), ["e1", "e3", "e4"]),
        (Filter(since=D("2024-03-05"), overlapping=True), ["e3", "e4"]),
        (Filter(until=D("2020-01-01"), overlapping=True), ["e1"]),
        (Filter(since=D("2024-04-15"), until=D("2024-04-15"), overlapping=True), ["e4"]),
        (Filter(since=D("2024-05-01"), overlapping=True), []),
        (Filter(overlapping=True), ["e1", "e2", "e3", "e4"]),  # no dates: nothing to overlap
        # text: case and accents ignored, citations searched as well as summaries
        (Filter(text="alvarez"), ["e2"]),
        (Filter(text="ZOË"), ["e3"]),
        (Filter(text="zoe brandt"), ["e3"]),
        (Filter(text="water utility"), ["e2"]),
        (Filter(text="  "), ["e1", "e2", "e3", "e4"]),
        (Filter(documents=frozenset({"d2"})), ["e2", "e3"]),
        # combinations
        (Filter(actors=frozenset({"a3"}), documents=frozenset({"d1"})), ["e1", "e2"]),
        (Filter(actors=frozenset({"a3"}), since=D("2024-03-05"), text="mayor"), ["e3"]),
        (Filter(documents=frozenset({"d2"}), until=D("2024-03-05"), text="strike"), ["e2"]),
        (Filter(actors=frozenset({"a3"}), until=D("2024-03-05")), ["e1", "e2"]),
        (Filter(actors=frozenset({"a3"}), since=D("2024-03-04"), overlapping=True), ["e1", "e3"]),
        (Filter(actors=frozenset({"a2"}), documents=frozenset({"d1"})), []),
    ],
)
def test_event_filters(strike_db: Path, where: Filter, expected: list[str]) -> None:
    assert [e.id for e in load_index(strike_db).events(where)] == expected


@pytest.mark.parametrize(
    "where, expected",
    [
        (Filter(), ["q1", "q2"]),  # q1 has no date of its own: dated by its article, 4 March
        (Filter(since=D("2024-03-04"), until=D("2024-03-04")), ["q1"]),
        (Filter(actors=frozenset({"a2"})), ["q2"]),
        (Filter(text="LISTENING"), ["q2"]),
        (Filter(documents=frozenset({"d1"})), ["q1"]),
    ],
)
def test_quote_filters(strike_db: Path, where: Filter, expected: list[str]) -> None:
    assert [q.id for q in load_index(strike_db).quotes(where)] == expected


def test_days_answer_from_the_column_without_decoding(strike_db: Path) -> None:
    index = load_index(strike_db)
    events = index.events(Filter(actors=frozenset({"a3"})))  # e1 (2014), e2, e3 (March 2024)
    days = events.days
    assert list(days) == [
        D("2014-01-01").toordinal(),
        *(e.date.first.toordinal() for e in events[1:]),
    ]
    assert (len(days), days.dated) == (3, 3)
    assert days.first_on_or_after(D("2024-03-04")) == 2  # e3, 10 March
    assert days.first_on_or_after(D("2024-03-03")) == 1
    assert days.first_on_or_after(D("2025-01-01")) == 3  # none: the end
    edges = [D(d).toordinal() for d in ("2014-01-01", "2024-01-01", "2024-03-05", "2024-04-01")]
    assert days.counts(edges) == [1, 1, 1]
    quotes = index.quotes().days  # q1 is dated by its article, 4 March
    assert quotes.dated == 2 and quotes[0] == D("2024-03-04").toordinal()


def test_results_are_records_whose_citations_are_the_document_text(strike_db: Path) -> None:
    index = load_index(strike_db)
    event = index.events(Filter(actors=frozenset({"a1"})))[0]
    assert event.summary == "José Álvarez called a strike"
    assert event.date == DateInterval(D("2024-03-03"), D("2024-03-03"), Precision.DAY)
    assert [c.document for c in event.citations] == ["d1", "d2"]
    for citation in event.citations:
        text = index.document(citation.document).document.text
        assert text[citation.span.start : citation.span.end] == citation.text


def test_actor_counts(strike_db: Path) -> None:
    index = load_index(strike_db)
    counts = {c.actor.id: (c.events, c.quotes) for c in index.actor_counts()}
    assert counts == {"a1": (1, 1), "a2": (1, 1), "a3": (3, 0)}
    filtered = {
        c.actor.id: (c.events, c.quotes)
        for c in index.actor_counts(Filter(documents=frozenset({"d1"})))
    }
    assert filtered == {"a1": (1, 1), "a2": (0, 0), "a3": (2, 0)}
    assert index.actor_counts()[0].actor.id == "a3"  # most first
    # the browser hands over the items it already selected: the same counts
    where = Filter(documents=frozenset({"d1"}))
    within = (index.events(where), index.quotes(where))
    assert index.actor_counts(where, within=within) == index.actor_counts(where)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("alvarez", ["a1"]),  # an alias, accents ignored
        ("Zoë Brandt", ["a2"]),
        ("union", ["a3"]),  # exact alias wins over substring matches
        ("workers", ["a3"]),  # else any name containing it
        ("Nobody", []),
    ],
)
def test_find_actors(strike_db: Path, name: str, expected: list[str]) -> None:
    assert [a.id for a in load_index(strike_db).find_actors(name)] == expected


def test_sources_are_the_documents_metadata(strike_db: Path) -> None:
    index = load_index(strike_db)
    for source in index.sources():
        document = index.document(source.id).document
        assert (source.path, source.title, source.publisher, source.published) == (
            document.path,
            document.title,
            document.publisher,
            document.published,
        )
    assert [s.id for s in index.sources()] == ["d1", "d2"]


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("d2", ["d2"]),
        ("/news/riverton-strike.txt", ["d1"]),
        ("mayor-meets-union.txt", ["d2"]),
        ("nothing", []),
    ],
)
def test_find_documents(strike_db: Path, reference: str, expected: list[str]) -> None:
    assert [d.id for d in load_index(strike_db).find_documents(reference)] == expected


def test_empty_database_has_nothing(tmp_path: Path) -> None:
    index = load_index(tmp_path / "missing.json")
    assert (len(index.events()), len(index.quotes()), index.actor_counts()) == (0, 0, [])


def _random_corpus(rng: random.Random, n_events: int) -> Corpus:
    text = "word " * 2000
    documents = tuple(CorpusDocument(f"d{i}", Document(f"/r/{i}.txt", text)) for i in range(1, 9))
    actors = tuple(CorpusActor(f"a{i}", f"Actor {i}", ActorKind.PERSON) for i in range(1, 13))
    vocabulary = ["harbour", "Crédit", "budget", "école", "vote", "storm", "Ünion", "rail"]
    events = []
    for i in range(n_events):
        first = D("2020-01-01") + timedelta(days=rng.randrange(1500))
        length = rng.choice([0, 0, 0, 2, 20, 40, 70, 400, 3000])
        cited = rng.sample(documents, rng.randint(1, 3))
        events.append(
            CorpusEvent(
                f"e{i}",
                "some day",
                DateInterval(first, first + timedelta(days=length), Precision.RANGE),
                " ".join(rng.sample(vocabulary, 2)),
                tuple(a.id for a in rng.sample(actors, rng.randint(0, 3))),
                tuple(Citation(d.id, Span(5, 14), text[5:14]) for d in cited),
            )
        )
    events.sort(key=lambda e: e.date.first)
    return Corpus(documents, actors, tuple(events), ())


def _brute_force(corpus: Corpus, where: Filter) -> list[str]:
    from store.rows import fold

    def keep(e: CorpusEvent) -> bool:
        words = fold(" ".join([e.summary, *(c.text for c in e.citations)]))
        return (
            (not where.actors or bool(where.actors & set(e.actors)))
            and (not where.documents or any(c.document in where.documents for c in e.citations))
            and (where.since is None or e.date.last >= where.since)
            and (where.until is None or e.date.first <= where.until)
            and (where.overlapping or where.since is None or e.date.first >= where.since)
            and (where.overlapping or where.until is None or e.date.last <= where.until)
            and fold(where.text) in words
        )

    return sorted(e.id for e in corpus.events if keep(e))


def test_indexes_agree_with_a_brute_force_scan(tmp_path: Path) -> None:
    rng = random.Random(7)
    corpus = _random_corpus(rng, 600)
    store_corpus(tmp_path / "random.json", corpus)
    index = load_index(tmp_path / "random.json")
    for _ in range(300):
        since = (
            D("2019-06-01") + timedelta(days=rng.randrange(2000)) if rng.random() < 0.5 else None
        )
        until = since + timedelta(days=rng.randrange(90)) if since and rng.random() < 0.5 else None
        where = Filter(
            actors=frozenset(f"a{rng.randint(1, 12)}" for _ in range(rng.choice([0, 0, 1, 2]))),
            since=since,
            until=until or (D("2021-01-01") if rng.random() < 0.2 else None),
            text=rng.choice(["", "", "", "ecole", "CREDIT", "union", "rail vote", "e", "n u"]),
            documents=frozenset(f"d{rng.randint(1, 8)}" for _ in range(rng.choice([0, 0, 1, 2]))),
            overlapping=rng.random() < 0.5,
        )
        events = index.events(where)
        found = [e.id for e in events]
        assert sorted(found) == _brute_force(corpus, where), where
        firsts = [e.date.first for e in events]
        assert firsts == sorted(firsts)  # timeline order
        # the browser finds its selected row again by store position, without decoding records
        everything = index.events()
        for n, position in enumerate(events.positions[:5]):
            assert events.index_of(position) == n
            assert everything[position] == events[n]
        listed = set(events.positions)
        missing = next((p for p in range(len(everything)) if p not in listed), None)
        if missing is not None:
            assert events.index_of(missing) is None
        assert events == index.events(where)


def _schema_1(path: Path) -> bytes:
    """The database at `path` rewritten as chronicle's first layout wrote it: a row per event and
    quote (here in reverse order), actors without postings, document text and records inline."""
    import orjson

    from store import open_database
    from store.database import ACTORS, DOCUMENTS, EVENTS, META, QUOTES

    with open_database(path) as db:
        items = {}
        for name in (EVENTS, QUOTES):
            table = db.rows(name)[0]
            rows = [
                r | {"search": s}
                for r, s in zip(table["records"].all(), table["search"].all(), strict=True)
            ]
            items[name] = rows[::-1]
        documents = [
            r | {"text": r["text"].value, "records": orjson.dumps(r["records"].value).decode()}
            for r in db.rows(DOCUMENTS)
        ]
        actors = [
            {k: v for k, v in r.items() if k not in ("events", "quotes")} for r in db.rows(ACTORS)
        ]
        tables = {
            name: {str(n): row for n, row in enumerate(rows, 1)}
            for name, rows in (
                (DOCUMENTS, documents),
                (ACTORS, actors),
                (META, [db.meta | {"schema": 1}]),
                *items.items(),
            )
        }
    content = orjson.dumps(tables)
    path.write_bytes(content)
    return content


def test_a_schema_1_database_is_read_as_it_is_and_upgraded_by_the_first_writer(
    tmp_path: Path,
) -> None:
    from store import SCHEMA_VERSION, open_database

    path = tmp_path / "old.json"
    store_corpus(path, STRIKE)
    content = _schema_1(path)
    for write in (False, True):  # a reader leaves the file as it is; a writer upgrades it
        with open_database(path, write=write) as db:
            assert db.meta["schema"] == SCHEMA_VERSION
        assert (path.read_bytes() == content) is not write
        index = load_index(path)
        assert [e.id for e in index.events()] == ["e1", "e2", "e3", "e4"]
        assert [e.id for e in index.events(Filter(actors=frozenset({"a3"})))] == ["e1", "e2", "e3"]
        assert [q.id for q in index.quotes(Filter(text="listening"))] == ["q2"]
        assert index.document("d1").document == STRIKE.documents[0].document
        assert index.counts == {"documents": 2, "events": 4, "quotes": 2, "actors": 3}


def test_a_database_with_an_undated_quote_loads(tmp_path: Path) -> None:
    """A quote in an article with no date has no day at all: stored as the day after the
    calendar's last, which the load check must take for what it is, not damage."""
    undated = Document("/news/undated.txt", "“We are ready,” the coach said.\n", title="Undated")
    corpus = Corpus(
        documents=(CorpusDocument("d1", undated),),
        actors=(),
        events=(),
        quotes=(
            CorpusQuote("q1", "We are ready", None, None, (cite("d1", undated, "We are ready"),)),
        ),
    )
    path = tmp_path / "undated.json"
    store_corpus(path, corpus)
    assert [q.id for q in load_index(path).quotes()] == ["q1"]
