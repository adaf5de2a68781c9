"""What one document coming, changing or going changes in the merged tables, without merging
every stored document again.

A full merge (`extract.merge`) of 4,000 documents takes seconds; a reader following a story adds
them one at a time. When one document is added, updated or removed and no reader's correction is
stored, `plan_change` works out what a merge of all stored documents with that one last would
change, and returns it as one change for `Database.append` (see `store.log`):

- its actors join the corpus actors a merge would join them to, by the same rules (keys; full
  names, their spellings and lone surnames: `extract.actor_merge`), read from each actor's tally
  (`extract.actor_merge.tally`) instead of from every document; new actors take the next ids;
- its events and quotes join the groups a merge would put them in (`extract.merge.
  place_document`), found through the stored columns (the events of their first day, the quotes
  holding their rarest word), or start new ones;
- a removed document's events and quotes go, and its members leave their actors' tallies.

It returns None whenever the outcome might differ from a full merge, and the caller merges
everything again:
- a correction is stored (corrections apply to the merged corpus as a whole);
- the tables were written before tallies and actor maps were kept, or hold a value of the wrong
  type (the full merge makes them again);
- a new full name could change which actor a lone surname elsewhere belongs to, or would join two
  existing actors; a new qualified party of a story ("Portuguese firefighters") where bare ones
  of its class ("firefighters") are stored, which might now join it;
- a removed document takes from an actor that keeps other members a key (a full name, a party)
  that may have held them together, or shares an event or quote with another document;
- a new quote's words match several stored quotes, or its first day would change.

Where a full merge would number actors again (one whose members all left, or whose first
mention left), every actor keeps its id (ids ascend, with gaps) until the next full merge; after
a removal an actor's names and roles keep the order they had, less those nobody gives any more,
where a full merge would list them in the order of their first mention among the articles left.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property
from typing import Any, Protocol

import orjson

from extract.actor_merge import (
    SURE_SAME_KEY,
    SURE_SPELLING,
    SURE_STORY_GROUP,
    SURE_SURNAME,
    SURE_SURNAMES_ONLY,
    Tally,
    corpus_actor,
    is_bare_story_group,
    is_story_group,
    same_person,
    similar_surnames,
    tally,
    tally_is_sound,
    tally_keys,
)
from extract.book import country_key, organisation_key
from extract.merge import Group, Namer, event_words, new_event, new_quote, place_document
from extract.merge import quote_key as words_of_quote
from extract.model import (
    Actor,
    ActorKind,
    Citation,
    CorpusEvent,
    CorpusQuote,
    DocumentExtraction,
    Event,
    Quote,
    Span,
)
from extract.serialize import actor_to_dict, interval_from_dict
from store.database import (
    ACTORS,
    CORRECTIONS,
    DOCUMENTS,
    EVENTS,
    META,
    QUOTES,
    SCHEMA_VERSION,
    TABLES,
    TALLIES,
)
from store.rows import TALLIES_FIELD, Row, event_row, extraction_of, quote_row, timeline_key
from store.storage import Blob, DatabaseCorrupt

Change = dict[str, Any]


class Stored(Protocol):
    """What planning a change reads: a `store.Database`, or a `TablesView` of tables in memory."""

    def rows(self, name: str) -> list[Row]: ...

    @property
    def meta(self) -> dict[str, Any]: ...


class TablesView:
    """Tables in memory as a `Database` shows them, to plan a change over the tables that the
    changes before it will leave (several documents in one write)."""

    def __init__(self, tables: dict[str, dict[str, Row]]) -> None:
        self._tables = tables

    @classmethod
    def of(cls, db: Stored) -> TablesView:
        """The tables of `db` (its rows numbered again: a change never names a row's key)."""
        return cls(
            {
                name: {str(n): row for n, row in enumerate(db.rows(name), 1)}
                for name in sorted(TABLES)
            }
        )

    def tables(self) -> dict[str, dict[str, Row]]:
        return self._tables

    def rows(self, name: str) -> list[Row]:
        return list(self._tables.get(name, {}).values())

    @property
    def meta(self) -> dict[str, Any]:
        rows = self.rows(META)
        return dict(rows[0]) if rows else {"schema": SCHEMA_VERSION, "next_document": 1}


# The fields of a document row that hold what the merge made of it: its actor keys' corpus ids.
ACTOR_MAP = "actors"
# The fields of an actor row in a change that hold its tally (`store.rows.TALLY_FIELDS`): every
# key its members give, as a list (the index of keys is made of all actors' at each change), and
# the whole tally as JSON text (one string to parse, not twenty small objects: the tallies table
# holds 21,000 of them at 100,000 events, of which a change reads a few).
TALLY_KEYS = "keys"
TALLY = "merge"


def stored_tally(counted: Tally) -> dict[str, Any]:
    """The fields an actor row of a change carries its tally in."""
    return {TALLY_KEYS: list(counted["keys"]), TALLY: orjson.dumps(counted).decode()}


def tallies_row(actor_ids: Sequence[str], counted: Sequence[Tally]) -> Row:
    """The tallies table's row for the actors `actor_ids`, whose tallies are `counted`."""
    held = {
        actor_id: [list(c["keys"]), orjson.dumps(c).decode()]
        for actor_id, c in zip(actor_ids, counted, strict=True)
    }
    return {TALLIES_FIELD: Blob(held)}


def plan_change(
    db: Stored, *, removed: str | None = None, added: tuple[Row, DocumentExtraction] | None = None
) -> Change | None:
    """The change that removing the document `removed` (its id) and then adding `added` (its row
    as `store.rows.document_row` makes it, and its records) makes to the merged tables, or None
    when only a full merge can tell (see the module's docstring). An update is both, with the
    same id."""
    if db.rows(CORRECTIONS):
        return None
    plan = _Plan(db)
    if not plan.sound:
        return None
    try:
        if removed is not None and not plan.remove(removed):
            return None
        if added is not None and not plan.add(*added):
            return None
    except (_Unsound, DatabaseCorrupt, TypeError, ValueError, KeyError, AttributeError):
        # A stored value that is not what a merge writes (a damaged file that the load's checks
        # let through: they check the columns, not every field of every record): the full
        # merge makes everything again from the stored articles, as before changes were kept.
        return None
    return plan.change()


def _keys_of(held: Any) -> Any:
    """The keys of a stored tally (`[keys, text]`), None if it is not one."""
    return held[0] if type(held) is list and len(held) == 2 else None


class _Unsound(Exception):
    """A stored tally is not one `tally` makes: the tables are merged in full, which writes
    them again."""


class _Plan:
    """The change being worked out, over the tables as they are."""

    def __init__(self, db: Stored) -> None:
        self.db = db
        self.documents = {row["id"]: row for row in db.rows(DOCUMENTS)}
        actor_rows = db.rows(ACTORS)
        # written with tallies (by this version's merge), so that actors can be joined; each
        # is checked when read (`_stored_tally`): checking 20,000 here cost 0.17 s a write
        held = next(iter(db.rows(TALLIES)), None)
        self.sound = held is not None
        self._held: Blob | None = held[TALLIES_FIELD] if held else None
        self.actors: dict[str, Row] = {row["id"]: row for row in actor_rows}
        # ids ascend (`store.rows.problem` checks it): the last is the highest
        self.next_actor = 1 + (int(actor_rows[-1]["id"][1:]) if actor_rows else 0)
        self.tallies: dict[str, Tally] = {}  # changed ones
        self.confidence: dict[str, float] = {}
        self.gone_actors: list[str] = []
        self.new_actors: list[str] = []
        self.items: dict[str, Row | None] = {
            name: next(iter(db.rows(name)), None) for name in (EVENTS, QUOTES)
        }
        self.removed: dict[str, set[int]] = {EVENTS: set(), QUOTES: set()}
        self.replaced: dict[str, dict[int, Row]] = {EVENTS: {}, QUOTES: {}}
        self.inserted: dict[str, list[Row]] = {EVENTS: [], QUOTES: []}
        self.gone_documents: list[str] = []
        self.new_documents: list[Row] = []
        self.meta: dict[str, Any] = {}
        self._texts: dict[str, str] = {}
        self._extractions: dict[str, DocumentExtraction] = {}  # of documents read for their items
        self._keys: dict[str, list[str]] | None = None
        # set when a quote's words give no single stored group to compare with (`_quote_groups`)
        self._failed = False

    # --- the change ---------------------------------------------------------------------------

    def change(self) -> Change:
        changed = sorted(set(self.tallies) - set(self.new_actors), key=lambda a: int(a[1:]))
        actors = [*changed, *self.new_actors]  # new ones numbered in order: appended so
        return {
            "documents": {"remove": self.gone_documents, "insert": self.new_documents},
            "actors": {
                "remove": self.gone_actors,
                "set": [self._actor_row(a) for a in actors if a not in self.gone_actors],
            },
            **{
                name: {
                    "replace": sorted(self.replaced[name].items()),
                    "remove": sorted(self.removed[name]),
                    "insert": self.inserted[name],
                }
                for name in (EVENTS, QUOTES)
            },
            "meta": self.meta,
        }

    def _actor_row(self, actor_id: str) -> Row:
        counted = self._tally(actor_id)
        confidence = self.confidence.get(actor_id)
        if confidence is None:
            confidence = self.actors[actor_id]["confidence"]
        return actor_to_dict(corpus_actor(actor_id, counted, confidence)) | stored_tally(counted)

    def _tally(self, actor_id: str) -> Tally:
        """The tally of an actor, to change: a copy of the stored one, or a new one."""
        counted = self.tallies.get(actor_id)
        if counted is None:
            stored = self._stored_tally(actor_id) if actor_id in self.actors else None
            counted = self.tallies[actor_id] = stored if stored else tally(())  # a fresh one
        return counted

    @cached_property
    def held(self) -> dict[str, Any]:
        """The stored tallies, `{actor id: [keys, tally as JSON text]}`."""
        held = self._held.value if self._held is not None else None
        if type(held) is not dict:
            raise _Unsound("the tallies")
        return held

    def _stored_tally(self, actor_id: str) -> Tally:
        text = self.held[actor_id][1]
        try:
            counted: Tally = orjson.loads(text)
        except (TypeError, orjson.JSONDecodeError):
            raise _Unsound(actor_id) from None
        if not tally_is_sound(counted):
            raise _Unsound(actor_id)
        return counted

    # --- removing a document --------------------------------------------------------------------

    def remove(self, doc_id: str) -> bool:
        row = self.documents.get(doc_id)
        if row is None or type(row.get(ACTOR_MAP)) is not Blob:
            return False
        shared: list[tuple[str, int]] = []
        for name in (EVENTS, QUOTES):
            table = self.items[name]
            for position in table["documents"].get(doc_id, []) if table else []:
                cited = self._record(name, position)["citations"]
                if all(c[0] == doc_id for c in cited):
                    self.removed[name].add(position)
                elif cited[0][0] == doc_id:
                    return False  # it reported the item first: the item's id and place change
                else:
                    shared.append((name, position))
        extraction = extraction_of(row)
        actor_ids: dict[str, str] = row[ACTOR_MAP].value
        members: dict[str, list[Actor]] = {}
        for actor in extraction.actors:
            if actor.key not in actor_ids:
                return False
            members.setdefault(actor_ids[actor.key], []).append(actor)
        for actor_id, leaving in members.items():
            if actor_id not in self.actors:
                return False
            counted = self._tally(actor_id)
            keys = set(counted["keys"])
            tally(leaving, counted, sign=-1)
            if not counted["kinds"]:
                self.gone_actors.append(actor_id)
            elif keys - counted["keys"].keys():
                return False  # a full name or a party it loses may have held others to it
        self.gone_documents.append(doc_id)
        del self.documents[doc_id]
        return all(self._leave(name, position, doc_id) for name, position in shared)

    def _leave(self, name: str, position: int, doc_id: str) -> bool:
        """The item at `position` without the citation of `doc_id`, made again from the records
        of the documents that still report it, as a merge makes it (its first report, so its
        id, summary, dates and place, stay)."""
        old = self._record(name, position)
        kept = [c for c in old["citations"] if c[0] != doc_id]
        reported = [self._reported(name, c) for c in kept]
        found = [f for f in reported if f is not None]
        if len(found) < len(reported):
            return False
        citations = tuple(self._citation(c) for c in kept)
        if name == EVENTS:
            events = [(r, a) for r, a in found if isinstance(r, Event)]
            event = CorpusEvent(
                id=old["id"],
                date_text=old["date_text"],
                date=interval_from_dict(old),
                summary=old["summary"],
                actors=tuple(dict.fromkeys(a for _, actors in events for a in actors)),
                citations=citations,
                relative=all(r.date.relative for r, _ in events),
                confidence=max(r.confidence for r, _ in events),
            )
            self.replaced[EVENTS][position] = event_row(event, _SAME)
            return True
        quotes = [(r, a) for r, a in found if isinstance(r, Quote)]
        speakers = [a[0] if a else None for _, a in quotes]
        speaker = next((s for s in speakers if s), None)
        dates = [r.date for r, _ in quotes if r.date]
        quote = CorpusQuote(
            id=old["id"],
            text=old["text"],
            speaker=speaker,
            date=min(dates, key=lambda d: d.last - d.first) if dates else None,
            citations=citations,
            confidence=max(
                r.confidence for (r, _), s in zip(quotes, speakers, strict=True) if s == speaker
            ),
        )
        days = {c[0]: self._published(c[0]) for c in kept}
        row = quote_row(quote, _SAME, days)
        if timeline_key(row) != timeline_key(old):
            return False  # it would move in the timeline
        self.replaced[QUOTES][position] = row
        return True

    def _reported(
        self, name: str, cited: list[Any]
    ) -> tuple[Event | Quote, tuple[str, ...]] | None:
        """The record a stored document gives for a citation, and its corpus actors (an event's
        parties, a quote's speaker), or None if the document's records do not hold it."""
        doc_id, start, end = cited
        row = self.documents.get(doc_id)
        if row is None or type(row.get(ACTOR_MAP)) is not Blob:
            return None
        extraction = self._extractions.get(doc_id)
        if extraction is None:
            extraction = self._extractions[doc_id] = extraction_of(row)
        actor_ids: dict[str, str] = row[ACTOR_MAP].value
        if name == EVENTS:
            for event in extraction.events:
                if (event.span.start, event.span.end) == (start, end):
                    keys = (k for k in event.actors if k in actor_ids)
                    return event, tuple(dict.fromkeys(actor_ids[k] for k in keys))
            return None
        for quote in extraction.quotes:
            if (quote.span.start, quote.span.end) == (start, end):
                speaker = actor_ids.get(quote.speaker) if quote.speaker else None
                return quote, (speaker,) if speaker else ()
        return None

    # --- adding a document ----------------------------------------------------------------------

    def add(self, row: Row, extraction: DocumentExtraction) -> bool:
        doc_id = row["id"]
        if not all(quote_words_safe(q.text) for q in extraction.quotes):
            return False
        actor_ids = self._join_actors(extraction.actors)
        if actor_ids is None:
            return False
        self.documents[doc_id] = row
        self._texts[doc_id] = extraction.document.text
        events, quotes = place_document(
            doc_id, extraction, actor_ids, self._event_groups, self._quote_groups
        )
        if self._failed:
            return False
        published = {doc_id: extraction.document.published}
        name = Namer({doc_id: extraction.document.path})
        new_events = sorted(
            (g for g in events if g.stored is None),
            key=lambda g: (g.first.record.date.interval.first, g.order),
        )
        for group in events:
            if group.stored is not None:
                self._join_event(group)
        for group in new_events:
            self.inserted[EVENTS].append(event_row(new_event(name("e", group.first), group), _SAME))
        for quote_group in quotes:
            if quote_group.stored is not None:
                if not self._join_quote(quote_group, extraction.document.published):
                    return False
            else:
                quote = new_quote(name("q", quote_group.first), quote_group)
                self.inserted[QUOTES].append(quote_row(quote, _SAME, published))
        self.new_documents.append(row | {ACTOR_MAP: Blob(actor_ids)})
        self.meta["next_document"] = max(
            self.db.meta["next_document"], int(doc_id[1:]) + 1 if doc_id[1:].isdecimal() else 0
        )
        return True

    def _event_groups(self, dates: tuple[date, date]) -> list[Group[Event]]:
        """The stored event groups of these first and last days, in the order they were made."""
        table = self.items[EVENTS]
        if table is None:
            return []
        first, last = (d.isoformat() for d in dates)
        day = dates[0].toordinal()
        groups: list[Group[Event]] = []
        for position in range(bisect_left(table["first"], day), bisect_right(table["first"], day)):
            if position in self.removed[EVENTS]:
                continue
            record = self._record(EVENTS, position)
            if record["start"] != first or record["end"] != last:
                continue
            citations = record["citations"]
            groups.append(
                Group(
                    -1,
                    documents={c[0] for c in citations},
                    actors=set(record["actors"]),
                    wordings={event_words(self._text(d)[s:e]) for d, s, e in citations},
                    stored=position,
                )
            )
        return groups

    def _quote_groups(self, words: str) -> list[Group[Quote]]:
        """The stored quote groups of these words (at most one: with several, which one a merge
        would pick depends on an order the columns do not keep)."""
        table = self.items[QUOTES]
        if table is None or not words:
            self._failed = self._failed or not words
            return []
        vocabulary, counts = table["words"].value
        known = []
        for word in words.split():
            at = bisect_left(vocabulary, word)
            if at == len(vocabulary) or vocabulary[at] != word:
                return []  # no stored quote holds this word
            known.append(at)
        rarest = min(known, key=counts.__getitem__)
        groups: list[Group[Quote]] = []
        for position in table["postings"][rarest]:
            if position in self.removed[QUOTES]:
                continue
            record = self._record(QUOTES, position)
            if words_of_quote(record["text"]) == words:
                speaker = record["speaker"]
                documents = {c[0] for c in record["citations"]}
                groups.append(
                    Group(
                        -1,
                        documents=documents,
                        actors={speaker} if speaker else set(),
                        stored=position,
                    )
                )
        if len(groups) > 1:
            self._failed = True
        return groups

    def _join_event(self, group: Group[Event]) -> None:
        position = group.stored
        old = self._record(EVENTS, position)
        citations = tuple(self._citation(c) for c in old["citations"])
        item = group.items[0]
        event = CorpusEvent(
            id=old["id"],
            date_text=old["date_text"],
            date=interval_from_dict(old),
            summary=old["summary"],
            actors=tuple(dict.fromkeys((*old["actors"], *item.actors))),
            citations=(*citations, Citation(item.document, item.record.span, item.record.text)),
            relative=old["relative"] and item.record.date.relative,
            confidence=max(old["confidence"], item.record.confidence),
        )
        self.replaced[EVENTS][position] = event_row(event, _SAME)

    def _join_quote(self, group: Group[Quote], published: date | None) -> bool:
        position = group.stored
        old = self._record(QUOTES, position)
        item = group.items[0]
        speaker = old["speaker"] or (item.actors[0] if item.actors else None)
        new_speaker = item.actors[0] if item.actors else None
        if speaker != old["speaker"]:
            confidence = item.record.confidence
        elif new_speaker == speaker:
            confidence = max(old["confidence"], item.record.confidence)
        else:
            confidence = old["confidence"]
        dated = interval_from_dict(old) if old["start"] else None
        new_date = item.record.date
        if new_date and (
            dated is None or new_date.last - new_date.first < dated.last - dated.first
        ):
            dated = new_date
        quote = CorpusQuote(
            id=old["id"],
            text=old["text"],
            speaker=speaker,
            date=dated,
            citations=(
                *(self._citation(c) for c in old["citations"]),
                Citation(item.document, item.record.span, item.record.text),
            ),
            confidence=confidence,
        )
        days = {c[0]: self._published(c[0]) for c in old["citations"]} | {item.document: published}
        row = quote_row(quote, _SAME, days)
        if timeline_key(row) != timeline_key(old):
            return False  # it would move in the timeline, to a place only its age tells
        self.replaced[QUOTES][position] = row
        return True

    # --- actors -----------------------------------------------------------------------------------

    def _join_actors(self, actors: Sequence[Actor]) -> dict[str, str] | None:
        """Each actor key of a new document -> the corpus actor a full merge would give it, with
        the tallies and confidences of the actors joined updated and new actors numbered; None
        when a merge might also change other documents' actors."""
        keys = self._key_index()
        joins = _Joins()
        for i, actor in enumerate(actors):
            joins.item(i)
            if is_bare_story_group(actor.key):
                continue  # joined below, by what its document names
            if is_story_group(actor.key) and actor.key not in keys:
                noun_class = actor.key.rsplit(":", 1)[1]
                if f"group::{noun_class}" in keys:
                    return None  # a new party that bare ones elsewhere might now join
            if actor.kind is not ActorKind.PERSON:
                owners = keys.get(actor.key, ())
                if len(owners) > 1:
                    return None
                if owners:
                    joins.union(i, ("old", owners[0]), SURE_SAME_KEY)
                else:
                    joins.union(i, ("key", actor.key), SURE_SAME_KEY)
        self._join_story_groups(actors, keys, joins)
        if not self._join_persons(actors, keys, joins):
            return None
        return self._number(actors, joins)

    @staticmethod
    def _join_story_groups(
        actors: Sequence[Actor], keys: dict[str, list[str]], joins: _Joins
    ) -> None:
        """A bare party ("passengers") joins the one qualified group of its class, stored or
        new, whose qualifiers its document names (`extract.actor_merge`)."""
        named = {a.key for a in actors}
        for i, actor in enumerate(actors):
            if not is_bare_story_group(actor.key):
                continue
            noun_class = actor.key.rsplit(":", 1)[1]
            found = {
                key
                for key in (*keys, *named)
                if key.startswith("group:")
                and key.endswith(":" + noun_class)
                and key != actor.key
                and key.count(":") == 2
                and all(
                    country_key(name) in named or organisation_key(name) in named
                    for name in key[6:].rsplit(":", 1)[0].removeprefix("of ").split("+")
                )
            }
            if len(found) == 1:
                key = found.pop()
                node = ("old", keys[key][0]) if key in keys else ("key", key)
                joins.union(i, node, SURE_STORY_GROUP)

    def _join_persons(
        self, actors: Sequence[Actor], keys: dict[str, list[str]], joins: _Joins
    ) -> bool:
        persons = [
            (i, key.split(":", 1)[1].split())
            for i, a in enumerate(actors)
            if a.kind is ActorKind.PERSON
            for key in tally_keys(a)
        ]
        full = {tuple(words): i for i, words in reversed(persons) if len(words) > 1}
        for i, words in persons:
            if len(words) > 1:
                joins.union(i, full[tuple(words)], SURE_SAME_KEY)
        surnames = self._surnames(keys, full)
        similar = similar_surnames(surnames)
        new_names = [name for name in full if f"name:{' '.join(name)}" not in keys]
        for name, i in full.items():
            exact = keys.get("name:" + " ".join(name), ())
            for owner in exact:
                joins.union(i, ("old", owner), SURE_SAME_KEY)
            for other in self._variants(name, surnames, similar):
                if other in full:
                    joins.union(i, full[other], SURE_SPELLING)
                elif name in new_names:
                    for owner in keys["name:" + " ".join(other)]:
                        joins.union(i, ("old", owner), SURE_SPELLING)
        for i in full.values():
            if len(joins.olds(i)) > 1:
                return False  # it would make two actors one
        similar_single = similar_surnames(self._singles(keys))
        for name in new_names:
            owners = joins.olds(full[name])
            for single in similar_single(name[-1]):
                if set(keys["single:" + single]) != owners:
                    return False  # a lone surname elsewhere would change hands
        singles: dict[str, list[int]] = {}
        for i, words in persons:
            if len(words) == 1:
                singles.setdefault(words[0], []).append(i)
        for surname, members in singles.items():
            roots = {
                joins.find(full[n] if n in full else ("old", keys["name:" + " ".join(n)][0]))
                for s in similar(surname)
                for n in surnames[s]
            }
            if len(roots) == 1:
                root = roots.pop()
                for i in members:
                    joins.union(i, root, SURE_SURNAME)
            elif not roots:
                for owner in keys.get("single:" + surname, ()):
                    joins.union(members[0], ("old", owner), SURE_SURNAMES_ONLY)
                for i in members:
                    joins.union(i, members[0], SURE_SURNAMES_ONLY)
        return True

    def _number(self, actors: Sequence[Actor], joins: _Joins) -> dict[str, str] | None:
        """Corpus ids for the new document's actors: an old actor's, or new ones numbered by
        first mention, as a merge numbers them; tallies and confidences brought up to date."""
        clusters: dict[Any, list[int]] = {}
        for i in range(len(actors)):
            clusters.setdefault(joins.find(i), []).append(i)
        owned: dict[Any, str] = {}
        for root, members in clusters.items():
            olds = joins.olds(members[0])
            if len(olds) > 1:
                return None
            if olds:
                owned[root] = olds.pop()

        def first(members: list[int]) -> tuple[int, int]:
            starts = [min((m.start for m in actors[i].mentions), default=0) for i in members]
            return (min(starts), members[0])

        for root in sorted(
            (r for r in clusters if r not in owned), key=lambda r: first(clusters[r])
        ):
            owned[root] = f"a{self.next_actor}"
            self.next_actor += 1
            self.new_actors.append(owned[root])
        actor_ids: dict[str, str] = {}
        for root, members in clusters.items():
            actor_id = owned[root]
            tally((actors[i] for i in members), self._tally(actor_id))
            surety = joins.surety(root)
            if actor_id in self.new_actors:
                self.confidence[actor_id] = surety
            else:
                stored = self.confidence.get(actor_id)
                if stored is None:
                    stored = float(self.actors[actor_id]["confidence"])
                self.confidence[actor_id] = min(stored, surety)
            for i in members:
                actor_ids[actors[i].key] = actor_id
        return actor_ids

    def _key_index(self) -> dict[str, list[str]]:
        """Every key an actor's members give -> those actors (removed members left out)."""
        if self._keys is None:
            gone = set(self.gone_actors)
            stored = self.held
            held: list[tuple[str, Any]] = [
                (actor_id, list(self.tallies[actor_id]["keys"]))
                if actor_id in self.tallies
                else (actor_id, _keys_of(stored.get(actor_id)))
                for actor_id in self.actors
                if actor_id not in gone
            ]
            if not all(type(k) is list for _, k in held):
                raise _Unsound("a tally without keys")
            pairs = [(key, actor_id) for actor_id, given in held for key in given]
            # most keys have one actor: made in C, then the few held by several listed in full
            keys = {key: [actor_id] for key, actor_id in pairs}
            if len(keys) < len(pairs):
                shared = {key for key, n in Counter(key for key, _ in pairs).items() if n > 1}
                for key in shared:
                    keys[key] = []
                for key, actor_id in pairs:
                    if key in shared:
                        keys[key].append(actor_id)
            self._keys = keys
        return self._keys

    @staticmethod
    def _singles(keys: dict[str, list[str]]) -> dict[str, list[str]]:
        return {k[7:]: [] for k in keys if k.startswith("single:")}

    @staticmethod
    def _surnames(
        keys: dict[str, list[str]], full: dict[tuple[str, ...], int]
    ) -> dict[str, list[tuple[str, ...]]]:
        """Every full name, stored (its "name:" key) or new, by its surname."""
        by_surname: dict[str, list[tuple[str, ...]]] = {}
        stored = [tuple(k[5:].split()) for k in keys if k[:5] == "name:"]
        for name in dict.fromkeys((*stored, *full)):
            by_surname.setdefault(name[-1], []).append(name)
        return by_surname

    @staticmethod
    def _variants(
        name: tuple[str, ...],
        surnames: dict[str, list[tuple[str, ...]]],
        similar: Callable[[str], list[str]],
    ) -> list[tuple[str, ...]]:
        """The other full names, stored or new, that a merge takes for this one spelt another
        way."""
        return [
            other
            for surname in similar(name[-1])
            for other in surnames[surname]
            if other != name and other[0][0] == name[0][0] and same_person(list(name), list(other))
        ]

    # --- reading the tables -------------------------------------------------------------------

    def _record(self, name: str, position: int) -> Row:
        replaced = self.replaced[name].get(position)
        if replaced is not None:
            return replaced
        table = self.items[name]
        assert table is not None, "a position in a table that is empty"
        record: Row = table["records"][position]
        return record

    def _text(self, doc_id: str) -> str:
        text = self._texts.get(doc_id)
        if text is None:
            text = self._texts[doc_id] = self.documents[doc_id]["text"].value
        return text

    def _published(self, doc_id: str) -> date | None:
        published = self.documents[doc_id]["published"]
        return date.fromisoformat(published) if published else None

    def _citation(self, cited: list[Any]) -> Citation:
        doc_id, start, end = cited
        return Citation(doc_id, Span(start, end), self._text(doc_id)[start:end])


class _SameIds(dict[str, str]):
    """Citations already name stored documents: the id mapping `store.rows` asks for is the
    identity."""

    def __missing__(self, key: str) -> str:
        return key


_SAME = _SameIds()


class _Joins:
    """Union-find over the new document's actors (ints) and the stored actors they join
    (("old", id)) or keys they share (("key", key)), keeping each root's weakest join."""

    def __init__(self) -> None:
        self._parent: dict[Any, Any] = {}
        self._surety: dict[Any, float] = {}

    def item(self, node: Any) -> None:
        self._parent.setdefault(node, node)

    def find(self, node: Any) -> Any:
        self.item(node)
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def union(self, a: Any, b: Any, sure: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[rb] = ra
            self._surety[ra] = min(self._surety.get(ra, 1.0), self._surety.get(rb, 1.0), sure)

    def surety(self, root: Any) -> float:
        return self._surety.get(root, 1.0)

    def olds(self, node: Any) -> set[str]:
        """The stored actors in `node`'s cluster."""
        root = self.find(node)
        return {
            n[1]
            for n in list(self._parent)
            if type(n) is tuple and n[0] == "old" and self.find(n) == root
        }


def quote_words_safe(text: str) -> bool:
    """Whether the stored word index finds every quote with the words of `text` (no accents or
    underscores, which the index and `extract.merge.quote_key` split differently)."""
    return "_" not in text and unicodedata.normalize("NFKD", text) == text
