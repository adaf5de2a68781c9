"""Rich tables of an extracted corpus for `chronicle extract --format table`.

Every cell is a `Text` built from `printable` text: article words are never read as markup.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from extract.display import date_label, printable
from extract.model import Corpus


def _cell(value: object) -> Text:
    return Text(printable("" if value is None else str(value)))


def corpus_tables(corpus: Corpus) -> list[Table]:
    names = {a.id: a.name for a in corpus.actors}

    documents = Table(title="Documents", title_justify="left")
    for column in ("id", "file", "title", "publisher", "published"):
        documents.add_column(column)
    for d in corpus.documents:
        doc = d.document
        documents.add_row(*map(_cell, (d.id, doc.path, doc.title, doc.publisher, doc.published)))

    events = Table(title=f"Events ({len(corpus.events)})", title_justify="left")
    events.add_column("date", no_wrap=True)
    events.add_column("summary", ratio=3)
    events.add_column("actors", ratio=1)
    events.add_column("sources", justify="right")
    for e in corpus.events:
        involved = ", ".join(names[a] for a in e.actors)
        events.add_row(
            _cell(date_label(e.date)), _cell(e.summary), _cell(involved), _cell(len(e.citations))
        )

    quotes = Table(title=f"Quotes ({len(corpus.quotes)})", title_justify="left")
    quotes.add_column("speaker", ratio=1)
    quotes.add_column("words", ratio=3)
    quotes.add_column("sources", justify="right")
    for q in corpus.quotes:
        speaker = names.get(q.speaker, "") if q.speaker else "(unattributed)"
        quotes.add_row(_cell(speaker), _cell(q.text), _cell(len(q.citations)))

    actors = Table(title=f"Actors ({len(corpus.actors)})", title_justify="left")
    for column in ("name", "kind", "roles", "aliases"):
        actors.add_column(column)
    for a in corpus.actors:
        actors.add_row(*map(_cell, (a.name, a.kind, "; ".join(a.roles), "; ".join(a.aliases))))
    return [documents, events, quotes, actors]
