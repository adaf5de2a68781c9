"""Test material shared by every tier: a small hand-made corpus (a water workers' strike) and
how to store it without running the extractor, and two reports of one port strike for tests that
run the real extractor. The fixtures built on them are in tests/conftest.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
from store.corpus import write_corpus
from store.database import open_database

D1 = Document(
    path="/news/riverton-strike.txt",
    title="Riverton water workers strike",
    publisher="Valley Courier",
    published=date(2024, 3, 4),
    text=(
        "Riverton water workers strike\n"
        "On 3 March 2024 José Álvarez called a strike at the water utility.\n"
        "Wages have been frozen since 2014, the union says.\n"
        "The strike ended in April 2024.\n"
        "“We will not back down,” Álvarez said.\n"
    ),
)
D2 = Document(
    path="/news/mayor-meets-union.txt",
    title="Mayor meets union",
    publisher=None,
    published=None,
    text=(
        "March 3, 2024: union leader José Álvarez called a strike.\n"
        "Mayor Zoë Brandt met the Water Workers Union on 10 March 2024.\n"
        "“The city is listening,” Brandt said on 10 March 2024.\n"
    ),
)


def cite(doc_id: str, document: Document, words: str) -> Citation:
    start = document.text.index(words)
    return Citation(doc_id, Span(start, start + len(words)), words)


def day(text: str) -> DateInterval:
    d = date.fromisoformat(text)
    return DateInterval(d, d, Precision.DAY)


STRIKE = Corpus(
    documents=(CorpusDocument("d1", D1), CorpusDocument("d2", D2)),
    actors=(
        CorpusActor("a1", "José Álvarez", ActorKind.PERSON, ("José Álvarez", "Álvarez")),
        CorpusActor("a2", "Zoë Brandt", ActorKind.PERSON, ("Zoë Brandt", "Brandt"), ("Mayor",)),
        CorpusActor("a3", "Water Workers Union", ActorKind.ORGANIZATION, ("union",)),
    ),
    events=(
        CorpusEvent(
            "e1",
            "since 2014",
            DateInterval(date(2014, 1, 1), date(2024, 3, 4), Precision.RANGE),
            "Wages have been frozen since 2014",
            ("a3",),
            (cite("d1", D1, "Wages have been frozen since 2014, the union says."),),
        ),
        CorpusEvent(
            "e2",
            "3 March 2024",
            day("2024-03-03"),
            "José Álvarez called a strike",
            ("a1", "a3"),
            (
                cite(
                    "d1", D1, "On 3 March 2024 José Álvarez called a strike at the water utility."
                ),
                cite("d2", D2, "March 3, 2024: union leader José Álvarez called a strike."),
            ),
        ),
        CorpusEvent(
            "e3",
            "10 March 2024",
            day("2024-03-10"),
            "Zoë Brandt met the union",
            ("a2", "a3"),
            (cite("d2", D2, "Mayor Zoë Brandt met the Water Workers Union on 10 March 2024."),),
        ),
        CorpusEvent(
            "e4",
            "April 2024",
            DateInterval(date(2024, 4, 1), date(2024, 4, 30), Precision.MONTH),
            "The strike ended",
            (),
            (cite("d1", D1, "The strike ended in April 2024."),),
        ),
    ),
    quotes=(
        CorpusQuote(
            "q1", "We will not back down", "a1", None, (cite("d1", D1, "We will not back down"),)
        ),
        CorpusQuote(
            "q2",
            "The city is listening",
            "a2",
            day("2024-03-10"),
            (cite("d2", D2, "The city is listening"),),
        ),
    ),
)


def store_corpus(path: Path, corpus: Corpus) -> None:
    """Write `corpus` as merged tables, its documents with empty per-document records."""
    with open_database(path, write=True, wait=0) as db:
        write_corpus(db, corpus, added="2024-05-01T00:00:00+00:00")


# Two reports of one port strike, for ingest tests that run the real extractor.
HARBOUR = """Port workers end strike in Rotterdam
Published March 12, 2024

On March 4, 2024, dock workers at the Port of Rotterdam walked off the job over pay.
Union leader Marta Jansen said the strike would continue "until the offer is fair".
On March 11, 2024, the port authority and the union signed a new wage agreement.
"""
WIRE = """Rotterdam dock strike is over
Published March 13, 2024

On March 11, 2024, the port authority and the union signed a new wage agreement.
Shipping companies had warned on March 6, 2024 that cargo was piling up.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


CITIES = ["Lyon", "Porto", "Graz", "Aarhus", "Tartu", "Split", "Ghent", "Cork", "Brno", "Turku"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def council_article(n: int) -> str:
    """The `n`th of many short, distinct, dated council reports."""
    city, month = CITIES[n % len(CITIES)], MONTHS[n % len(MONTHS)]
    return (
        f"{city} council approves budget number {n}\n"
        f"Published {month} 20, 2023\n\n"
        f"On {month} {n % 27 + 1}, 2023, the {city} city council approved a budget of {n} "
        "million euros.\n"
        f'Mayor Anna Berg said the plan was "a fair deal for every district".\n'
        f"Opposition councillors had walked out of the session on {month} 3, 2023.\n"
    )
