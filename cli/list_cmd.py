"""`chronicle list events|actors|quotes|documents`: the stored corpus as tables, JSON or CSV.

Also the filter options and console helpers that `export` and the home screen share.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import sys
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.errors import error
from extract.display import date_label, path_text, printable, shown_path
from extract.model import DateInterval, Precision
from extract.serialize import actor_to_dict, corpus_to_dict
from publish import csv_text, json_text, subset, to_csv
from store import (
    ActorCount,
    CorpusIndex,
    Filter,
    Source,
    StoreError,
    database_path,
    load_index,
    parse_span,
)

KINDS = ("events", "actors", "quotes", "documents")
# The fields of a listed document, in JSON and CSV.
DOCUMENT_FIELDS = ("id", "title", "publisher", "published", "path", "events", "quotes")


class UsageError(Exception):
    """A filter the user gave that means nothing here; `str()` is the message."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle list`, whose one line of help is in cli.main."""
    parser.description = __doc__.splitlines()[0]
    parser.add_argument("kind", choices=KINDS)
    add_filter_arguments(parser)
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(run=run)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    filters = parser.add_argument_group("filters (combined with AND)")
    filters.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="involving this actor (repeatable: any of them)",
    )
    filters.add_argument(
        "--since",
        metavar="DATE",
        help='dated on or after DATE ("2025-11-20", "Nov 20", "late November 2025"); an item '
        "whose dates reach back before it (November 2025, since 2014) is left out unless "
        "--overlapping",
    )
    filters.add_argument(
        "--until", metavar="DATE", help="dated on or before DATE (the same, forwards)"
    )
    filters.add_argument(
        "--overlapping",
        action="store_true",
        help="with --since/--until: also the items whose dates only overlap the range",
    )
    filters.add_argument(
        "--search", metavar="TEXT", default="", help="containing TEXT (ignores case and accents)"
    )
    filters.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="DOC",
        help="cited by this document: id, path, file name or sha256 prefix",
    )


def build_filter(index: CorpusIndex, args: argparse.Namespace) -> Filter:
    """The filter the options ask for; raises UsageError naming what it cannot resolve."""
    actors: set[str] = set()
    for name in args.actor:
        found = index.find_actors(name)
        if not found:
            raise UsageError(f"--actor: no actor matches {name!r} (see `chronicle list actors`)")
        actors.update(a.id for a in found)
    documents: set[str] = set()
    for reference in args.source:
        found_docs = index.find_documents(reference)
        if not found_docs:
            raise UsageError(f"--source: no stored document matches {reference!r}")
        documents.update(d.id for d in found_docs)
    try:
        since = parse_span(args.since)[0] if args.since else None
    except ValueError as problem:
        raise UsageError(f"--since: {problem}") from None
    try:
        until = parse_span(args.until)[1] if args.until else None
    except ValueError as problem:
        raise UsageError(f"--until: {problem}") from None
    if since is not None and until is not None and until < since:
        # "--since 'nov 20'" is the last Nov 20, perhaps this year's: an empty list would not say
        raise UsageError(
            f"--until {args.until!r} ({until.isoformat()}) is before "
            f"--since {args.since!r} ({since.isoformat()})"
        )
    return Filter(
        frozenset(actors),
        since,
        until,
        args.search,
        frozenset(documents),
        overlapping=args.overlapping,
    )


def open_index(args: argparse.Namespace) -> CorpusIndex:
    return load_index(database_path(args.db))


def filtered_index(args: argparse.Namespace) -> tuple[CorpusIndex, Filter] | int:
    """The database's index and the filter the arguments ask for, or the exit status of the
    one-line error saying why not."""
    try:
        index = open_index(args)
        return index, build_filter(index, args)
    except StoreError as problem:
        return error(str(problem))
    except UsageError as problem:
        return error(str(problem), 2)


def run(args: argparse.Namespace) -> int:
    found = filtered_index(args)
    if isinstance(found, int):
        return found
    index, where = found
    sys.stdout.write(render(index, args.kind, where, args.format))
    return 0


def render(index: CorpusIndex, kind: str, where: Filter, fmt: str) -> str:
    """The listing as text: a rich table (plain when not on a terminal), JSON or CSV."""
    if fmt == "table":
        console = Console(file=io.StringIO(), force_terminal=sys.stdout.isatty(), width=_width())
        console.print(table(index, kind, where))
        return console.file.getvalue()  # type: ignore[attr-defined]
    if kind == "actors":
        return _actors_json(index, where) if fmt == "json" else _actors_csv(index, where)
    if kind == "documents":
        rows = [_document_fields(count) for count in _listed_documents(index, where)]
        if fmt == "json":
            return json_text([dict(zip(DOCUMENT_FIELDS, row, strict=True)) for row in rows])
        return csv_text(DOCUMENT_FIELDS, rows)
    events = list(index.events(where)) if kind == "events" else []
    quotes = list(index.quotes(where)) if kind == "quotes" else []
    if fmt == "json":
        return json_text(corpus_to_dict(subset(index, events, quotes))[kind])
    return to_csv(index, events, quotes)


def _listed_actors(index: CorpusIndex, where: Filter) -> list[ActorCount]:
    """Actors with their counts; with a filter, only those it leaves something for."""
    counts = index.actor_counts(where)
    return counts if where.is_empty else [c for c in counts if c.events or c.quotes]


def _actors_json(index: CorpusIndex, where: Filter) -> str:
    return json_text(
        [
            actor_to_dict(c.actor) | {"events": c.events, "quotes": c.quotes}
            for c in _listed_actors(index, where)
        ]
    )


def _actors_csv(index: CorpusIndex, where: Filter) -> str:
    header = ("id", "name", "kind", "aliases", "roles", "events", "quotes")
    return csv_text(header, map(_actor_row, _listed_actors(index, where)))


def _actor_row(count: ActorCount) -> tuple[object, ...]:
    actor = count.actor
    aliases, roles = "; ".join(actor.aliases), "; ".join(actor.roles)
    return (actor.id, actor.name, actor.kind, aliases, roles, count.events, count.quotes)


@dataclass(frozen=True, slots=True)
class DocumentCount:
    source: Source
    events: int
    quotes: int


def _listed_documents(index: CorpusIndex, where: Filter) -> list[DocumentCount]:
    """Documents in stored order with the events and quotes they cite (within `where`); with
    a filter, only those it leaves something for."""
    listed = []
    for source in index.sources():
        if where.documents and source.id not in where.documents:
            continue
        own = dataclasses.replace(where, documents=frozenset({source.id}))
        count = DocumentCount(source, len(index.events(own)), len(index.quotes(own)))
        if where.is_empty or count.events or count.quotes:
            listed.append(count)
    return listed


def _document_fields(count: DocumentCount) -> tuple[object, ...]:
    source = count.source
    published = source.published.isoformat() if source.published else None
    return (
        source.id,
        source.title,
        source.publisher,
        published,
        path_text(source.path),
        count.events,
        count.quotes,
    )


def _documents_table(index: CorpusIndex, where: Filter) -> Table:
    grid = Table(
        "Id", "Title", "Outlet", "Published", "Events", "Quotes", "File", title="Documents"
    )
    for count in _listed_documents(index, where):
        source = count.source
        grid.add_row(
            source.id,
            _text(source.title or "—"),
            _text(source.publisher or "—"),
            date_label(DateInterval(source.published, source.published, Precision.DAY))
            if source.published
            else "—",
            str(count.events),
            str(count.quotes),
            Text(shown_path(os.path.basename(source.path))),
        )
    return grid


def table(index: CorpusIndex, kind: str, where: Filter) -> Table:
    """A rich table; every cell from the corpus is a Text, never markup."""
    if kind == "documents":
        return _documents_table(index, where)
    if kind == "actors":
        grid = Table("Actor", "Kind", "Events", "Quotes", "Also called", title="Actors")
        for count in _listed_actors(index, where):
            actor = count.actor
            others = ", ".join(a for a in actor.aliases if a != actor.name)
            grid.add_row(
                _text(actor.name),
                _text(str(actor.kind)),
                str(count.events),
                str(count.quotes),
                _text(others),
            )
        return grid
    if kind == "events":
        grid = Table("Date", "Event", "Actors", "Sources", title="Events")
        for event in index.events(where):
            grid.add_row(
                date_label(event.date),
                _text(event.summary),
                _text(", ".join(index.actor(a).name for a in event.actors)),
                _text(", ".join(dict.fromkeys(c.document for c in event.citations))),
            )
        return grid
    grid = Table("Date", "Speaker", "Quote", "Sources", title="Quotes")
    for quote in index.quotes(where):
        grid.add_row(
            date_label(quote.date) if quote.date else "",
            _text(index.actor(quote.speaker).name if quote.speaker else "—"),
            _text(f"“{quote.text}”"),
            _text(", ".join(dict.fromkeys(c.document for c in quote.citations))),
        )
    return grid


def _text(untrusted: str) -> Text:
    return Text(printable(untrusted))


def _width() -> int | None:
    return None if sys.stdout.isatty() else 120
