"""Merge per-document records into one corpus: an item reported by several outlets is one item
with one citation per document."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from extract.actor_merge import Tally, merge_actors
from extract.model import (
    Citation,
    Corpus,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    DocumentExtraction,
    Event,
    Quote,
)

# Words that say nothing about what happened, left out when comparing two statements.
_STOPWORDS = frozenset(
    """the a an and or of to in on at for with by from as is are was were be been has have had
    its it this that these those their his her they he she we our but not over after before
    into about amid while which who whom than also more most said says would will could""".split()
)
# A word of a statement, for comparing wordings.
_WORD = re.compile(r"[^\W_]{3,}")
# Two statements with the same dates and at least this share of common words are one event
# (with a shared actor, the lower threshold).
SAME_WORDING = 0.5
SIMILAR_WORDING_WITH_ACTOR = 0.2

# The kind of record a group holds: events and quotes are grouped apart, never together.
_R = TypeVar("_R", Event, Quote)


def merge(extractions: Sequence[DocumentExtraction]) -> Corpus:
    """The corpus of these documents: d1.. follows `extractions`; events and quotes get stable
    ids (`Namer`)."""
    return merge_with_actors(extractions)[0]


def merge_with_actors(
    extractions: Sequence[DocumentExtraction],
) -> tuple[Corpus, list[dict[str, str]], list[Tally]]:
    """`merge`, with what a store keeps to add documents later without merging again: per
    document, its actor keys' corpus actor ids, and each corpus actor's tally."""
    doc_ids = [f"d{i}" for i in range(1, len(extractions) + 1)]
    documents = tuple(
        CorpusDocument(i, x.document) for i, x in zip(doc_ids, extractions, strict=True)
    )
    actors, actor_ids, tallies = merge_actors([x.actors for x in extractions])

    # Events are compared only with events of the same dates: placed one pair of dates at a
    # time, each group is compared while it is still in the processor's cache (placed in the
    # corpus's order, the groups a day gathers over the corpus are scattered in memory, and
    # fetching them cost half of merging 100,000 events); their words are read then too, so
    # that a day's word sets lie together. Each group is numbered by its first event's place
    # in the corpus, the order placing the events in turn makes them.
    by_date: dict[tuple[date, date], list[tuple[int, str, Event, dict[str, str]]]]
    by_date = defaultdict(list)
    number = 0
    for doc_id, extraction, local in zip(doc_ids, extractions, actor_ids, strict=True):
        for event in extraction.events:
            interval = event.date.interval
            by_date[interval.first, interval.last].append((number, doc_id, event, local))
            number += 1
    # (first day, order, group); made in the order of the days, so that sorting them is
    # merging the runs of each day (comparing days scattered in memory cost a tenth as much
    # as placing the events).
    event_groups: list[tuple[date, int, Group[Event]]] = []
    for first, last in sorted(by_date):
        candidates: list[Group[Event]] = []
        for number, doc_id, event, local in by_date[first, last]:
            actors_of = tuple(dict.fromkeys(local[k] for k in event.actors if k in local))
            event_item = _Item(doc_id, event, actors_of, _words(event.text))
            group = _first_same_event(event_item, candidates)
            if group is None:
                group = Group(number)
                candidates.append(group)
                event_groups.append((first, number, group))
            group.add(event_item)
    quote_groups: list[Group[Quote]] = []
    by_words: dict[str, list[Group[Quote]]] = defaultdict(list)
    for doc_id, extraction, local in zip(doc_ids, extractions, actor_ids, strict=True):
        for quote in extraction.quotes:
            speaker = local.get(quote.speaker) if quote.speaker else None
            quote_item = _Item(doc_id, quote, (speaker,) if speaker else (), frozenset())
            _place(quote_item, by_words[quote_key(quote.text)], quote_groups, _same_quote)

    events = [group for _, _, group in sorted(event_groups)]  # by first day, then as made
    quotes = sorted(quote_groups, key=lambda g: g.order)
    name = Namer({d.id: d.document.path for d in documents})
    corpus = Corpus(
        documents=documents,
        actors=tuple(actors),
        events=tuple(_corpus_event(name("e", g.first), g) for g in events),
        quotes=tuple(_corpus_quote(name("q", g.first), g) for g in quotes),
    )
    return corpus, actor_ids, tallies


def place_document(
    doc_id: str,
    extraction: DocumentExtraction,
    actor_ids: Mapping[str, str],
    stored_events: Callable[[tuple[date, date]], list[Group[Event]]],
    stored_quotes: Callable[[str], list[Group[Quote]]],
) -> tuple[list[Group[Event]], list[Group[Quote]]]:
    """One more document's events and quotes placed as `merge` places those of a corpus's last
    document, among groups already made (`stored_events(dates)`: the groups of those first and
    last days, `stored_quotes(quote_key(text))`: the quote groups of those words, each in the
    order `merge` made them, each a `Group(-1, documents=, actors=, wordings=, stored=handle)`
    of what it holds, with no items).

    Returns the groups that received an item: stored ones (holding only the new items) and new
    ones, in the order `merge` would have made them. `actor_ids` maps the document's actor keys
    to corpus actor ids."""
    event_groups: list[Group[Event]] = []
    quote_groups: list[Group[Quote]] = []
    by_date: dict[tuple[date, date], list[Group[Event]]] = {}
    by_words: dict[str, list[Group[Quote]]] = {}
    for event in extraction.events:
        key = (event.date.interval.first, event.date.interval.last)
        candidates = by_date.get(key)
        if candidates is None:
            candidates = by_date[key] = stored_events(key)
        actors_of = tuple(dict.fromkeys(actor_ids[k] for k in event.actors if k in actor_ids))
        _place_event(_Item(doc_id, event, actors_of, _words(event.text)), candidates, event_groups)
    for quote in extraction.quotes:
        words = quote_key(quote.text)
        candidates_q = by_words.get(words)
        if candidates_q is None:
            candidates_q = by_words[words] = stored_quotes(words)
        speaker = actor_ids.get(quote.speaker) if quote.speaker else None
        item = _Item(doc_id, quote, (speaker,) if speaker else (), frozenset())
        _place(item, candidates_q, quote_groups, _same_quote)
    return (
        [g for c in by_date.values() for g in c if g.stored is not None and g.items] + event_groups,
        [g for c in by_words.values() for g in c if g.stored is not None and g.items]
        + quote_groups,
    )


def event_words(text: str) -> frozenset[str]:
    """The words that `merge` compares two statements by."""
    return _words(text)


def new_event(event_id: str, group: Group[Event]) -> CorpusEvent:
    return _corpus_event(event_id, group)


def new_quote(quote_id: str, group: Group[Quote]) -> CorpusQuote:
    return _corpus_quote(quote_id, group)


class Namer:
    """Stable ids for merged items: from the path of the document that first reported the item
    and the words it cites there ("e" + 12 hex digits). An item keeps its id through re-ingest,
    other documents coming and going, edits elsewhere in its document and a new extractor version
    that cites the same words; it changes when those words change or that document is removed.
    The same words cited twice in one document take "-2", "-3"... in timeline order."""

    def __init__(self, paths: dict[str, str]) -> None:
        self._paths = paths
        self._used: set[str] = set()

    def __call__(self, prefix: str, item: _Item[_R]) -> str:
        seed = f"{self._paths[item.document]}\0{item.record.text}".encode("utf-8", "surrogatepass")
        base = prefix + hashlib.blake2b(seed, digest_size=6).hexdigest()
        name, n = base, 1
        while name in self._used:
            n += 1
            name = f"{base}-{n}"
        self._used.add(name)
        return name


@dataclass(slots=True)
class _Item(Generic[_R]):
    document: str
    record: _R
    actors: tuple[str, ...]
    words: frozenset[str]


@dataclass(slots=True)
class Group(Generic[_R]):
    """Items that are one event or quote, with what comparisons ask of them kept at hand, so
    that placing an item costs the same however many documents the group has."""

    order: int
    items: list[_Item[_R]] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)  # of all items (a quote's: its speaker)
    wordings: set[frozenset[str]] = field(default_factory=set)  # distinct word sets of items
    stored: Any = None  # a group made by an earlier merge: the store's handle on it

    @property
    def first(self) -> _Item[_R]:
        return self.items[0]

    def add(self, item: _Item[_R]) -> None:
        self.items.append(item)
        self.documents.add(item.document)
        self.actors.update(item.actors)
        self.wordings.add(item.words)


def _place(
    item: _Item[_R],
    candidates: list[Group[_R]],
    groups: list[Group[_R]],
    same: Callable[[Group[_R], _Item[_R]], bool],
) -> None:
    """Add `item` to the first candidate group it belongs to, else to a new group."""
    for group in candidates:
        if item.document not in group.documents and same(group, item):
            group.add(item)
            return
    _new_group(item, candidates, groups)


def _place_event(
    item: _Item[Event], candidates: list[Group[Event]], groups: list[Group[Event]]
) -> None:
    """`_place` for an event: the first candidate it is the same event as, else a new group."""
    group = _first_same_event(item, candidates)
    if group is None:
        _new_group(item, candidates, groups)
    else:
        group.add(item)


def _first_same_event(item: _Item[Event], candidates: list[Group[Event]]) -> Group[Event] | None:
    """The first of `candidates` (groups of the event's dates) that `item` is the same event
    as: a wording shared enough (the overlap of their words, Jaccard, at least SAME_WORDING, or
    SIMILAR_WORDING_WITH_ACTOR with an actor in common), by an item of another document.

    Written out rather than as `_place` with a test for each pair: this runs once per pair of
    an event and a group of its dates, hundreds of thousands of times in a large corpus, and
    the calls and generators of the general form cost as much as the comparisons."""
    words, actors, document = item.words, item.actors, item.document
    size = len(words)
    for group in candidates:
        if document in group.documents:
            continue
        threshold = SAME_WORDING if group.actors.isdisjoint(actors) else SIMILAR_WORDING_WITH_ACTOR
        for other in group.wordings:
            common = len(words & other)
            if common and common / (size + len(other) - common) >= threshold:
                return group
    return None


def _new_group(item: _Item[_R], candidates: list[Group[_R]], groups: list[Group[_R]]) -> None:
    """A group of `item` alone, the last of `groups` and of the candidates of its key."""
    group: Group[_R] = Group(len(groups))
    group.add(item)
    groups.append(group)
    candidates.append(group)


def _same_quote(group: Group[Quote], item: _Item[Quote]) -> bool:
    speakers = group.actors
    return not speakers or not item.actors or not speakers.isdisjoint(item.actors)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold())) - _STOPWORDS


def quote_key(text: str) -> str:
    """Quotes that differ only in case, accents, punctuation or spacing are the same words."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(re.findall(r"[^\W_]+", folded))


def _citation(item: _Item[_R]) -> Citation:
    span = item.record.span
    return Citation(item.document, span, item.record.text)


def _corpus_event(event_id: str, group: Group[Event]) -> CorpusEvent:
    items = group.items
    first = items[0].record
    if len(items) == 1:  # most events: one report, written out (a large corpus has 100,000s)
        item = items[0]
        return CorpusEvent(
            event_id,
            first.date.text,
            first.date.interval,
            first.summary,
            tuple(dict.fromkeys(item.actors)),
            (Citation(item.document, first.span, first.text),),
            bool(first.date.relative),  # all() of one
            first.confidence,
        )
    actors = tuple(dict.fromkeys(a for item in items for a in item.actors))
    return CorpusEvent(
        id=event_id,
        date_text=first.date.text,
        date=first.date.interval,
        summary=first.summary,
        actors=actors,
        citations=tuple(_citation(item) for item in group.items),
        relative=all(item.record.date.relative for item in group.items),
        confidence=max(item.record.confidence for item in group.items),
    )


def _corpus_quote(quote_id: str, group: Group[Quote]) -> CorpusQuote:
    first = group.first.record
    speakers = [a for item in group.items for a in item.actors]
    speaker = speakers[0] if speakers else None
    dates = [item.record.date for item in group.items if item.record.date]
    return CorpusQuote(
        id=quote_id,
        text=first.text,
        speaker=speaker,
        date=min(dates, key=lambda d: d.last - d.first) if dates else None,
        citations=tuple(_citation(item) for item in group.items),
        # as sure as the surest outlet that gives it this speaker (or none)
        confidence=max(
            item.record.confidence
            for item in group.items
            if (item.actors[0] if item.actors else None) == speaker
        ),
    )
