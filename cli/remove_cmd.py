"""`chronicle remove DOC`: remove a document and whatever only it reported."""

from __future__ import annotations

import argparse

from cli.errors import error
from cli.ingest_cmd import add_wait_option
from extract.display import shown_path
from store import StoreError, database_path, open_database, remove
from store.database import DOCUMENTS
from store.queries import match_documents


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle remove`, whose one line of help is in cli.main."""
    parser.description = (
        "Remove a stored document; events and quotes other documents also report "
        "keep their other citations."
    )
    parser.add_argument(
        "document", metavar="DOC", help="document id (d3), path, file name or sha256 prefix"
    )
    add_wait_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_database(database_path(args.db), write=True, wait=args.wait) as db:
            found = match_documents(db.rows(DOCUMENTS), args.document)
            if not found:
                hint = "see `chronicle list documents`"
                return error(f"no stored document matches {args.document!r} ({hint})", 2)
            if len(found) > 1:
                names = ", ".join(f"{row['id']} ({shown_path(row['path'])})" for row in found[:5])
                return error(
                    f"{args.document!r} matches {len(found)} documents: {names}; give its id", 2
                )
            report = remove(db, found[0]["id"])
    except StoreError as problem:
        return error(str(problem))
    before, after = report.before, report.after
    print(f"removed {found[0]['id']}: {shown_path(report.document)}")
    print(
        f"database: {after.documents} documents, "
        f"{after.events} events ({after.events - before.events:+}), "
        f"{after.quotes} quotes ({after.quotes - before.quotes:+}), "
        f"{after.actors} actors ({after.actors - before.actors:+})"
    )
    return 0
