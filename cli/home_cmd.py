"""`chronicle` with no command: on an empty database, ingest the bundled seeds; then open the
browser (or, when stdout is not a terminal, print the timeline so scripts keep working)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from rich.console import Console

from cli.errors import error
from cli.ingest_cmd import ingest_files, print_summary
from cli.list_cmd import table
from store import (
    CorpusIndex,
    Filter,
    StoreError,
    database_path,
    default_jobs,
    load_index,
)
from store.database import DEFAULT_WAIT


def run(args: argparse.Namespace) -> int:
    path = database_path(args.db)
    try:
        # Read once, for the emptiness test and for what comes next: the browser is handed the
        # index rather than reading the file again in its worker.
        index = load_index(path)
        if not index.counts["documents"]:
            _ingest_seeds(path)
            index = load_index(path)
        if not sys.stdout.isatty():
            show_timeline(index)
            return 0
    except StoreError as problem:
        return error(str(problem))
    from tui.app import ChronicleApp

    app = ChronicleApp(path, index=index)
    app.run()
    return app.return_code or 0  # 1 when the app ended on an error


def _ingest_seeds(path: Path) -> None:
    print("The database is empty: adding the bundled demo articles.", file=sys.stderr)
    with resources.as_file(resources.files("seeds")) as folder:
        report = ingest_files(path, [folder], jobs=default_jobs(), wait=DEFAULT_WAIT)
    for failure in report.failed:
        error(str(failure))
    print_summary(report, out=sys.stderr)


def show_timeline(index: CorpusIndex) -> None:
    console = Console()
    console.print(table(index, "events", Filter()))
    counts = index.counts
    console.print(
        f"{counts['events']} events, {counts['quotes']} quotes and {counts['actors']} actors from "
        f"{counts['documents']} documents. More: chronicle list quotes | chronicle list actors | "
        "chronicle export --format markdown",
        markup=False,
        highlight=False,
    )
