"""`merge` finds the groups an event may join through indexes; it must place every event as the
plain definition does: the first group of its dates, in the order groups were made, that holds
no event of its document and a wording close enough to its own (`SAME_WORDING`, or
`SIMILAR_WORDING_WITH_ACTOR` with an actor in common)."""

import random
from datetime import date

import pytest

from extract.merge import (
    SAME_WORDING,
    SIMILAR_WORDING_WITH_ACTOR,
    event_words,
    merge_with_actors,
)
from extract.model import (
    Actor,
    ActorKind,
    DateInterval,
    DateMention,
    Document,
    DocumentExtraction,
    Event,
    Precision,
    Span,
)

# Invented words and people: a small vocabulary, so that wordings overlap at every degree.
WORDS = "orchard ferry glacier lantern harbour violin quarry meadow kettle beacon tram loom".split()
PEOPLE = ["Ilsa Morrow", "Teo Vance", "Pia Lund", "Ravi Osei", "Noor Hale", "Dag Brenn"]
DAYS = [date(2031, 5, 1), date(2031, 5, 2), date(2031, 5, 3)]


def _document(rng: random.Random, number: int) -> DocumentExtraction:
    actors = tuple(
        Actor(f"p{i}", name, ActorKind.PERSON, mentions=(Span(0, 1),))
        for i, name in enumerate(PEOPLE)
    )
    events, parts, offset = [], [], 0
    for _ in range(rng.randint(0, 12)):
        text = " ".join(rng.sample(WORDS, rng.randint(0, 6))) + "."
        first = rng.choice(DAYS)
        last = first if rng.random() < 0.8 else DAYS[-1]
        interval = DateInterval(first, last, Precision.DAY)
        span = Span(offset, offset + len(text))
        events.append(
            Event(
                span,
                text,
                DateMention(span, text, interval),
                text,
                tuple(a.key for a in rng.sample(actors, rng.randint(0, 2))),
            )
        )
        parts.append(text)
        offset += len(text) + 1
    document = Document(f"doc{number}.txt", "\n".join(parts))
    return DocumentExtraction(document, actors, tuple(events))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common) if common else 0.0


def _plain_groups(extractions: list[DocumentExtraction], ids: list[dict[str, str]]) -> list:
    """Each event's (document, start) grouped by the plain definition."""
    groups: list[list[tuple[tuple[str, int], frozenset[str], frozenset[str], tuple]]] = []
    for number, (extraction, local) in enumerate(zip(extractions, ids, strict=True), start=1):
        document = f"d{number}"
        for event in extraction.events:
            words = event_words(event.text)
            actors = frozenset(local[k] for k in event.actors)
            dates = (event.date.interval.first, event.date.interval.last)
            for group in groups:
                if group[0][3] != dates or any(d == document for (d, _), *_ in group):
                    continue
                shared = any(actors & a for _, _, a, _ in group)
                threshold = SIMILAR_WORDING_WITH_ACTOR if shared else SAME_WORDING
                if any(_jaccard(words, w) >= threshold for _, w, _, _ in group):
                    group.append(((document, event.span.start), words, actors, dates))
                    break
            else:
                groups.append([((document, event.span.start), words, actors, dates)])
    return [[place for place, *_ in group] for group in groups]


@pytest.mark.parametrize("seed", range(8))
def test_events_are_grouped_as_the_plain_definition_groups_them(seed: int) -> None:
    rng = random.Random(seed)
    extractions = [_document(rng, n) for n in range(40)]
    corpus, ids, _ = merge_with_actors(extractions)
    merged = [[(c.document, c.span.start) for c in e.citations] for e in corpus.events]
    assert sorted(merged) == sorted(_plain_groups(extractions, ids))
    assert sum(len(e.citations) > 1 for e in corpus.events) > 10  # some did merge
