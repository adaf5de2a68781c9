"""A reader's corrections of the extractor's mistakes, kept as decisions and applied to every merge.

Each decision names its target by what outlives a merge: an event or a quote by its stable id
(`extract.merge`), an actor by a name it goes by (its name or an alias, matched without case or
accents). They are applied in the order they were made, after the merge and before the rows are
written, so `list`, every export, copied citations and the browser all show the corrected data,
and re-ingest, other documents coming and going or a new extractor version keep them. A decision
whose target is no longer there is kept and reported as orphaned, never dropped.

What a reader decides is certain: the item or actor a correction sets gets confidence 1.0, so it
leaves the review queue (`store.review`). The accept-* decisions change nothing else: they say
the machine's answer (kept as their value) is right, and find no target once it is not the
machine's answer any more.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from extract.model import ActorKind, Corpus, CorpusActor, DateInterval, Precision
from store.rows import Row, fold

# What a correction does, and what its `value` holds.
NOT_EVENT = "not-event"  # target: event id
NOT_QUOTE = "not-quote"  # target: quote id
SPEAKER = "speaker"  # target: quote id; value: the speaker's name, "" for nobody
EVENT_DATE = "event-date"  # target: event id; value: "YYYY-MM-DD/YYYY-MM-DD"
MERGE_ACTOR = "merge-actor"  # target: actor name; value: the name of the actor it joins
RENAME_ACTOR = "rename-actor"  # target: actor name; value: the new name
ACTOR_KIND = "actor-kind"  # target: actor name; value: person, organization, country, group
SPLIT_ACTOR = "split-actor"  # target: actor name; value: the names to split off, "|" between
DOCUMENT_DATE = "document-date"  # target: a document's stored path; value: YYYY-MM-DD
DOCUMENT_TITLE = "document-title"  # target: a document's stored path; value: the title
DOCUMENT_OUTLET = "document-outlet"  # target: a document's stored path; value: the outlet
# The machine's answer is right: only the confidence changes, to 1.0.
ACCEPT_SPEAKER = "accept-speaker"  # target: quote id; value: its speaker's name, "" for nobody
ACCEPT_DATE = "accept-date"  # target: event id; value: "YYYY-MM-DD/YYYY-MM-DD", its dates
ACCEPT_ACTOR = "accept-actor"  # target: actor name; value: all its names, "|" between
ACCEPTS = (ACCEPT_SPEAKER, ACCEPT_DATE, ACCEPT_ACTOR)
KINDS = (
    NOT_EVENT,
    NOT_QUOTE,
    SPEAKER,
    EVENT_DATE,
    MERGE_ACTOR,
    RENAME_ACTOR,
    ACTOR_KIND,
    SPLIT_ACTOR,
    DOCUMENT_DATE,
    DOCUMENT_TITLE,
    DOCUMENT_OUTLET,
    *ACCEPTS,
)
# The document field each document correction sets.
DOCUMENT_FIELDS = {
    DOCUMENT_DATE: "published",
    DOCUMENT_TITLE: "title",
    DOCUMENT_OUTLET: "publisher",
}
FIELDS = ("kind", "target", "value", "made")
# The confidence of what a reader decided.
CERTAIN = 1.0
# The stored row's field saying that the last merge found no target for it.
ORPHAN = "orphan"


class CorrectionError(ValueError):
    """A correction that cannot be one (an unknown kind, a date that is not one...)."""


class NoTarget(CorrectionError):
    """A new correction whose target is not in the corpus."""


@dataclass(frozen=True, slots=True)
class Correction:
    kind: str
    target: str
    value: str = ""
    made: str = ""  # when, ISO 8601

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CorrectionError(f"unknown correction {self.kind!r} (one of {', '.join(KINDS)})")
        if not self.target:
            raise CorrectionError(f"a {self.kind} correction needs a target")
        if self.kind in (EVENT_DATE, ACCEPT_DATE):
            interval(self.value)
        if self.kind == DOCUMENT_DATE:
            day(self.value)
        if self.kind in (DOCUMENT_TITLE, DOCUMENT_OUTLET) and not self.value.strip():
            raise CorrectionError(f"a {self.kind} correction needs a text")
        if self.kind == ACTOR_KIND and self.value not in ActorKind.__members__.values():
            raise CorrectionError(f"{self.value!r} is not an actor kind")
        if self.kind in (MERGE_ACTOR, RENAME_ACTOR, SPLIT_ACTOR, ACCEPT_ACTOR) and not (
            self.value.strip()
        ):
            raise CorrectionError(f"a {self.kind} correction needs a name")

    def describe(self) -> str:
        """One line a person reads: what was corrected, how."""
        value = {
            NOT_EVENT: "not an event",
            NOT_QUOTE: "not a quote",
            SPEAKER: f"spoken by {self.value or 'nobody'}",
            EVENT_DATE: f"dated {self.value.replace('/', ' to ')}",
            MERGE_ACTOR: f"is {self.value}",
            RENAME_ACTOR: f"renamed {self.value}",
            ACTOR_KIND: f"is {'an' if self.value[:1] in 'aeiou' else 'a'} {self.value}",
            SPLIT_ACTOR: f"{self.value.replace('|', ', ')} split off",
            DOCUMENT_DATE: f"published {self.value}",
            DOCUMENT_TITLE: f"titled {self.value}",
            DOCUMENT_OUTLET: f"from {self.value}",
            ACCEPT_SPEAKER: f"accepted: spoken by {self.value or 'nobody'}",
            ACCEPT_DATE: f"accepted: dated {self.value.replace('/', ' to ')}",
            ACCEPT_ACTOR: f"accepted: one actor, {', '.join(names(self.value))}",
        }[self.kind]
        return f"{self.target}: {value}"


def interval(value: str) -> tuple[date, date]:
    """The days of an `EVENT_DATE` value, "2024-03-04/2024-03-08" (or one day)."""
    first, _, last = value.partition("/")
    try:
        days = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        raise CorrectionError(f"{value!r} is not a date or YYYY-MM-DD/YYYY-MM-DD") from None
    if days[1] < days[0]:
        raise CorrectionError(f"{value!r} ends before it begins")
    return days


def names(value: str) -> list[str]:
    """The names of a `SPLIT_ACTOR` or `ACCEPT_ACTOR` value, "Ana Ruiz|Ruiz"."""
    return [name.strip() for name in value.split("|") if name.strip()]


def day(value: str) -> date:
    """The day of a `DOCUMENT_DATE` value, "2024-03-04"."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CorrectionError(f"{value!r} is not a date YYYY-MM-DD") from None


def document_overrides(corrections: Iterable[Correction]) -> dict[str, dict[str, Any]]:
    """Each corrected document's path -> its corrected fields ("published" as a date, "title",
    "publisher"); the last correction of a field wins."""
    overrides: dict[str, dict[str, Any]] = {}
    for c in corrections:
        if c.kind in DOCUMENT_FIELDS:
            value: Any = day(c.value) if c.kind == DOCUMENT_DATE else c.value
            overrides.setdefault(c.target, {})[DOCUMENT_FIELDS[c.kind]] = value
    return overrides


def to_row(correction: Correction, *, orphan: bool = False) -> Row:
    return dataclasses.asdict(correction) | {ORPHAN: orphan}


def from_row(row: Any) -> Correction:
    """A correction from a stored row or an imported JSON object; raises `CorrectionError`."""
    if isinstance(row, dict):
        row = {key: value for key, value in row.items() if key != ORPHAN}
    if not isinstance(row, dict) or not {"kind", "target"} <= row.keys() <= set(FIELDS):
        raise CorrectionError(f"not a correction: {str(row)[:80]}")
    if not all(isinstance(row.get(key, ""), str) for key in FIELDS):
        raise CorrectionError(f"a correction's fields are text: {str(row)[:80]}")
    return Correction(**row)


def apply(corpus: Corpus, corrections: Iterable[Correction]) -> tuple[Corpus, list[Correction]]:
    """`corpus` as the reader corrected it, and the corrections whose target is not in it."""
    state = _Corpus(corpus)
    orphans = [c for c in corrections if not state.apply(c)]
    return state.corpus(), orphans


class _Corpus:
    """A corpus being corrected: items by id, actors by id, one decision at a time."""

    def __init__(self, corpus: Corpus) -> None:
        self._documents = corpus.documents
        self._paths = {d.document.path for d in corpus.documents}
        self.events = {e.id: e for e in corpus.events}
        self.quotes = {q.id: q for q in corpus.quotes}
        self.actors = {a.id: a for a in corpus.actors}
        self._redated = False

    def corpus(self) -> Corpus:
        events = list(self.events.values())
        quotes = list(self.quotes.values())
        if self._redated:  # timeline order: by first day, ties as they were
            events.sort(key=lambda e: e.date.first)
        # Actors are numbered a1, a2... in order (the store checks it): after a merge, again.
        number = {old: f"a{n}" for n, old in enumerate(self.actors, 1)}
        actors = [dataclasses.replace(a, id=number[a.id]) for a in self.actors.values()]
        if any(old != new for old, new in number.items()):
            events = [
                dataclasses.replace(e, actors=tuple(number[a] for a in e.actors)) for e in events
            ]
            quotes = [
                dataclasses.replace(q, speaker=number[q.speaker] if q.speaker else None)
                for q in quotes
            ]
        return Corpus(self._documents, tuple(actors), tuple(events), tuple(quotes))

    def apply(self, c: Correction) -> bool:
        """Make the correction; False if its target is not there. Document corrections were
        made before the merge (`document_overrides`): here they only look for their document."""
        if c.kind in DOCUMENT_FIELDS:
            return c.target in self._paths
        if c.kind == NOT_EVENT:
            return self.events.pop(c.target, None) is not None
        if c.kind == NOT_QUOTE:
            return self.quotes.pop(c.target, None) is not None
        if c.kind in (EVENT_DATE, ACCEPT_DATE):
            event = self.events.get(c.target)
            if event is None:
                return False
            first, last = interval(c.value)
            if c.kind == ACCEPT_DATE:
                if (event.date.first, event.date.last) != (first, last):
                    return False  # the machine dates it otherwise now: not what was accepted
                self.events[c.target] = dataclasses.replace(event, confidence=CERTAIN)
                return True
            precision = Precision.DAY if first == last else Precision.RANGE
            dated = DateInterval(first, last, precision)
            self.events[c.target] = dataclasses.replace(
                event, date=dated, relative=False, confidence=CERTAIN
            )
            self._redated = True
            return True
        if c.kind in (SPEAKER, ACCEPT_SPEAKER):
            quote = self.quotes.get(c.target)
            speaker = self.named(c.value) if c.value else None
            if quote is None or (c.value and speaker is None):
                return False
            said = speaker.id if speaker else None
            if c.kind == ACCEPT_SPEAKER and quote.speaker != said:
                return False  # another speaker now: not what was accepted
            self.quotes[c.target] = dataclasses.replace(quote, speaker=said, confidence=CERTAIN)
            return True
        actor = self.named(c.target)
        if actor is None:
            return False
        if c.kind == RENAME_ACTOR:  # the old name stays an alias: later decisions still find it
            self.actors[actor.id] = dataclasses.replace(
                actor,
                name=c.value,
                aliases=_union(actor.aliases, (actor.name, c.value)),
                confidence=CERTAIN,
            )
        elif c.kind == ACTOR_KIND:
            self.actors[actor.id] = dataclasses.replace(
                actor, kind=ActorKind(c.value), confidence=CERTAIN
            )
        elif c.kind == ACCEPT_ACTOR:
            accepted = {fold(n) for n in names(c.value)}
            if not {fold(n) for n in (actor.name, *actor.aliases)} <= accepted:
                return False  # it goes by a name that was not accepted: another actor now
            self.actors[actor.id] = dataclasses.replace(actor, confidence=CERTAIN)
        elif c.kind == SPLIT_ACTOR:
            return self._split(actor, names(c.value))
        else:  # MERGE_ACTOR
            into = self.named(c.value)
            if into is None:
                return False
            if into.id != actor.id:
                self._merge(actor, into)
            self.actors[into.id] = dataclasses.replace(self.actors[into.id], confidence=CERTAIN)
        return True

    def named(self, name: str) -> CorpusActor | None:
        wanted = fold(name.strip())
        for actor in self.actors.values():
            if wanted == fold(actor.name) or any(wanted == fold(a) for a in actor.aliases):
                return actor
        return None

    def _split(self, actor: CorpusActor, names: list[str]) -> bool:
        """A new actor for `names` (some of `actor`'s); the items of the documents that call it
        by those names only, never by its others, go to the new actor."""
        split = {fold(n) for n in names}
        if not split <= {fold(a) for a in (actor.name, *actor.aliases)}:
            return False
        kept = [a for a in dict.fromkeys((actor.name, *actor.aliases)) if fold(a) not in split]
        if not kept:
            return False
        new = CorpusActor(
            f"a{len(self.actors) + 1}-split", names[0], actor.kind, tuple(names), confidence=CERTAIN
        )
        self.actors[actor.id] = dataclasses.replace(
            actor,
            name=actor.name if fold(actor.name) not in split else kept[0],
            aliases=tuple(kept),
            confidence=CERTAIN,
        )
        self.actors[new.id] = new
        cited = {e.citations[0].document for e in self.events.values() if actor.id in e.actors}
        cited |= {q.citations[0].document for q in self.quotes.values() if q.speaker == actor.id}
        texts = {d.id: fold(d.document.text) for d in self._documents if d.id in cited}
        moved = {
            doc_id
            for doc_id, text in texts.items()
            if any(name in text for name in split) and not any(fold(k) in text for k in kept)
        }
        for key, event in self.events.items():
            if actor.id in event.actors and event.citations[0].document in moved:
                swapped = tuple(new.id if a == actor.id else a for a in event.actors)
                self.events[key] = dataclasses.replace(event, actors=swapped)
        for key, quote in self.quotes.items():
            if quote.speaker == actor.id and quote.citations[0].document in moved:
                self.quotes[key] = dataclasses.replace(quote, speaker=new.id)
        return True

    def _merge(self, actor: CorpusActor, into: CorpusActor) -> None:
        self.actors[into.id] = dataclasses.replace(
            into,
            aliases=_union(into.aliases, (actor.name, *actor.aliases)),
            roles=_union(into.roles, actor.roles),
        )
        del self.actors[actor.id]
        for key, event in self.events.items():
            if actor.id in event.actors:
                joined = tuple(dict.fromkeys(into.id if a == actor.id else a for a in event.actors))
                self.events[key] = dataclasses.replace(event, actors=joined)
        for key, quote in self.quotes.items():
            if quote.speaker == actor.id:
                self.quotes[key] = dataclasses.replace(quote, speaker=into.id)


def _union(first: Sequence[str], more: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *more)))
