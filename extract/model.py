"""The records extraction produces: frozen values that point back into their document's text.

Per document, `DocumentExtraction` holds what one article says (offsets into that article).
Across documents, `Corpus` holds merged items, each with one `Citation` per reporting document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) into a document's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Precision(StrEnum):
    """How much of a date the text gives (SCHEMA.md `precision`)."""

    DAY = "day"
    RANGE = "range"  # several days, a week, a quarter, a season, part of a year
    MONTH = "month"
    PART_OF_MONTH = "part-of-month"  # early / mid / late a month
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed interval of calendar days."""

    first: date
    last: date
    precision: Precision


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text, normalised to days."""

    span: Span
    text: str
    interval: DateInterval
    relative: bool = False  # resolved against the reference (published) date
    # How sure the reading is, in [0, 1], before the reference date's own surety (`dates`).
    confidence: float = 1.0


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"  # unnamed people or collectives: "US senators", "European allies"


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of one document, with every place the document names it.

    `key` identifies the actor inside its document (events and quotes refer to it);
    `mentions` are the spans of its surface forms, pronouns excluded.
    """

    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (without the quotation marks) and who said them, if the text says."""

    span: Span
    text: str
    speaker: str | None = None  # Actor.key in the same document
    date: DateInterval | None = None
    # How sure the speaker (or that there is none) is, in [0, 1]: its rule's (`quotes.RULES`).
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: the sentence or bullet (`span`) and the date that anchors it."""

    span: Span
    text: str
    date: DateMention
    summary: str
    actors: tuple[str, ...] = ()  # Actor.key in the same document
    # How sure the date is, in [0, 1]: from how it was read (`events.date_confidence`).
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Document:
    """An article as chronicle cites it: `text` is what every offset refers to."""

    path: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    # Where `published` was read (`DATE_SOURCES`), None when the article has no date.
    published_from: str | None = None


# Where an article's date comes from, in the order they are tried: its dateline, byline or date
# line ("text"), its HTML metadata, its address, its file name, then the date given by the user.
DATE_SOURCES = ("text", "html", "url", "file name", "user", "reader")


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """Everything one document says; a pure function of its bytes and its path."""

    document: Document
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()


# --- across documents -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an item was reported: `text == documents[document].text[start:end]`."""

    document: str  # CorpusDocument.id
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    id: str
    document: Document


@dataclass(frozen=True, slots=True)
class CorpusActor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    # How sure it is that its names are one actor, in [0, 1] (`actor_merge`).
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CorpusEvent:
    id: str
    date_text: str
    date: DateInterval
    summary: str
    actors: tuple[str, ...] = ()  # CorpusActor.id
    citations: tuple[Citation, ...] = ()
    relative: bool = False
    confidence: float = 1.0  # of the date


@dataclass(frozen=True, slots=True)
class CorpusQuote:
    id: str
    text: str
    speaker: str | None = None  # CorpusActor.id
    date: DateInterval | None = None
    citations: tuple[Citation, ...] = ()
    confidence: float = 1.0  # of the speaker


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: tuple[CorpusDocument, ...] = ()
    actors: tuple[CorpusActor, ...] = ()
    events: tuple[CorpusEvent, ...] = ()
    quotes: tuple[CorpusQuote, ...] = ()
