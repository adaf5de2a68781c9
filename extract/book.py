"""The actors of one document as one structure: keys, names, aliases, roles and mentions.

Every key is built here (`person_key`, `organisation_key`, `country_key`, `role_key`,
`group_key`), so that the actor finder and the quote reader name one actor the same way. An
`ActorBook` holds the document's actors with their mentions in text order; the quote reader adds
the speakers only an attribution names through `ActorBook.person` or `ActorBook.add`, and every
question about an actor (its roles, its name, the mention at a place) is answered from the one
record it keeps per actor, so nothing read from it can miss an actor added late.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from extract.model import Actor, ActorKind, Span
from extract.vocabulary import BLOC_CLASSES, fold

__all__ = [
    "ActorBook",
    "Mention",
    "country_key",
    "group_key",
    "is_role_key",
    "organisation_key",
    "person_key",
    "role_key",
]


def person_key(name: str) -> str:
    return "person:" + fold(name)


def organisation_key(name: str) -> str:
    return "org:" + fold(name)


def country_key(name: str) -> str:
    return "country:" + fold(name)


def role_key(role: str) -> str:
    """An unnamed role holder: "the defence lawyer" is role:defence lawyer."""
    return "role:" + " ".join(fold(role).split())


def is_role_key(key: str) -> bool:
    return key.startswith("role:")


def group_key(qualifiers: Sequence[tuple[str, str]], noun_class: str, *, possessive: bool) -> str:
    """One key for groups that are one actor: same qualifiers and nouns of one class.

    Under bloc qualifiers only ("European allies", "NATO countries", "European leaders") the
    classes allies, leaders and states are one; "US allies" and "US leaders" stay apart.
    """
    names = sorted({value for _, value in qualifiers})
    if qualifiers and all(kind == "bloc" for kind, _ in qualifiers) and noun_class in BLOC_CLASSES:
        noun_class = "bloc members"
    return f"group:{'of ' if possessive else ''}{'+'.join(names)}:{noun_class}"


class Mention(NamedTuple):
    """One place where the text names an actor. A tuple, so that making, sorting and bisecting
    a document's mentions runs in C, as the dataclass's generated methods do not."""

    start: int
    end: int
    key: str
    kind: ActorKind


@dataclass(slots=True)
class _Entry:
    """What the book knows of one actor while it may still grow."""

    name: str
    kind: ActorKind
    aliases: list[str]
    roles: list[str]
    mentions: list[Span]
    role_words: list[list[str]] = field(default_factory=list)  # each role's folded words
    starts: list[int] = field(default_factory=list)  # where its mentions start, sorted
    # The actor as last made, until a mention is added: the quotes and the pipeline both ask
    # for the book's actors, and most have not changed in between.
    made: Actor | None = None

    def actor(self, key: str) -> Actor:
        if self.made is None:
            self.made = Actor(
                key,
                self.name,
                self.kind,
                tuple(self.aliases),
                tuple(self.roles),
                tuple(sorted(self.mentions, key=_place)),
            )
        return self.made


def _place(span: Span) -> tuple[int, int]:
    """A span's sort key, its own order (start, then end) without the dataclass's slow
    comparisons."""
    return span.start, span.end


class ActorBook:
    """A document's actors by key, and their mentions sorted by place."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._entries: dict[str, _Entry] = {}
        self._persons: dict[str, str] = {}  # a person's folded name -> key
        self._surnames: dict[str, list[str]] = {}  # last word of a full name -> persons' keys
        self._organisations: dict[str, str] = {}  # an organisation's folded name -> key
        mentions: list[Mention] = []
        for actor in actors:
            key, kind = actor.key, actor.kind
            places = [_place(m) for m in actor.mentions]
            ordered = sorted(places)
            self._entries[key] = _Entry(
                actor.name,
                kind,
                list(actor.aliases),
                list(actor.roles),
                list(actor.mentions),
                [fold(r).split() for r in actor.roles],
                [start for start, _ in ordered],
                # the actor as the book would make it, when its mentions come in their order
                actor if places == ordered else None,
            )
            if kind is ActorKind.PERSON:
                self._index_person(actor.name, key)
            elif kind is ActorKind.ORGANIZATION:
                self._organisations.setdefault(fold(actor.name), key)
            mentions += [Mention(m.start, m.end, key, kind) for m in actor.mentions]
        mentions.sort()
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    # --- the actors

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        """The keys, in the order their actors came into the book."""
        return iter(self._entries)

    def name(self, key: str) -> str:
        return self._entries[key].name

    def kind(self, key: str) -> ActorKind:
        return self._entries[key].kind

    def role_words(self, key: str) -> list[list[str]]:
        """The actor's roles, each as its folded words: [["economy", "minister"]]."""
        return self._entries[key].role_words

    def spans(self, key: str) -> list[Span]:
        return self._entries[key].mentions

    def named_in(self, key: str, start: int, end: int) -> bool:
        """Whether a mention of the actor starts in [start, end)."""
        starts = self._entries[key].starts
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def actors(self) -> list[Actor]:
        """Every actor, in the order they came into the book."""
        return [entry.actor(key) for key, entry in self._entries.items()]

    # --- adding

    def add(self, key: str, name: str, kind: ActorKind, span: Span) -> str:
        """An actor only an attribution names (a group's name is its role), or one more mention
        of a known one."""
        entry = self._entries.get(key)
        if entry is None:
            roles = [name] if kind is ActorKind.GROUP else []
            entry = _Entry(name, kind, [name], roles, [], [fold(r).split() for r in roles])
            self._entries[key] = entry
            if kind is ActorKind.PERSON:
                self._index_person(name, key)
        if span not in entry.mentions:
            entry.mentions.append(span)
            bisect.insort(entry.starts, span.start)
            entry.made = None
        mention = Mention(span.start, span.end, key, entry.kind)
        i = bisect.bisect_left(self.mentions, mention)
        if i == len(self.mentions) or self.mentions[i] != mention:
            self.mentions.insert(i, mention)
            self.starts.insert(i, mention.start)
        return key

    def person(self, name: str, span: Span) -> str:
        """A person an attribution names: the known person of that full name; for one word, the
        person last named with it as surname before `span` (else the first); an organisation
        of that name ("Brindle's said" after "Brindle's, the discount chain,"); else a new one."""
        folded = fold(name)
        key = self._persons.get(folded) or self._organisations.get(folded)
        if key is None and " " not in folded:
            key = self._by_surname(folded, span.start)
        return self.add(key or person_key(name), name, ActorKind.PERSON, span)

    def _index_person(self, name: str, key: str) -> None:
        words = fold(name).split()
        self._persons.setdefault(" ".join(words), key)
        if len(words) > 1:
            self._surnames.setdefault(words[-1], []).append(key)

    def _by_surname(self, surname: str, before: int) -> str | None:
        """Of the persons whose full name ends with `surname`, the one last named before
        `before`, else the one named first."""
        best: tuple[int, str] | None = None
        first: tuple[int, str] | None = None
        for key in self._surnames.get(surname, ()):
            starts = self._entries[key].starts
            if not starts:
                continue
            i = bisect.bisect_left(starts, before)
            if i and (best is None or starts[i - 1] > best[0]):
                best = (starts[i - 1], key)
            if first is None or starts[0] < first[0]:
                first = (starts[0], key)
        found = best or first
        return found[1] if found else None

    # --- mentions by place

    def mention_at(self, start: int) -> Mention | None:
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.mentions) and self.mentions[i].start == start:
            return self.mentions[i]
        return None

    def first_mention(self, start: int, limit: int) -> Mention | None:
        """The first mention starting in [start, limit)."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.mentions) and self.mentions[i].start < limit:
            return self.mentions[i]
        return None

    def mentions_in(self, start: int, limit: int) -> Iterator[Mention]:
        """The mentions starting in [start, limit), in order."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i].start < limit:
            yield self.mentions[i]
            i += 1

    def mentions_before(self, at: int, *, limit: int) -> Iterator[Mention]:
        """At most `limit` mentions starting before `at`, the nearest first."""
        i = bisect.bisect_left(self.starts, at)
        for k in range(i - 1, max(-1, i - 1 - limit), -1):
            yield self.mentions[k]
