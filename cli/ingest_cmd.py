"""`chronicle ingest PATH...`: add article files and folders to the database."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from cli.errors import error
from cli.extract_cmd import add_date_option, warn_undated
from extract.display import shown_path
from store import (
    IngestReport,
    StoreError,
    Totals,
    database_path,
    default_jobs,
    ingest,
    open_database,
)
from store.database import DEFAULT_WAIT
from store.early import extraction_ahead


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle ingest`, whose one line of help is in cli.main."""
    parser.description = (
        "Add article files and folders (.txt, .md, .html) to the database. Files "
        "already stored with the same content change nothing; a changed file replaces its "
        "old records. An article's date is read from its date line, byline or dateline, its "
        "page's metadata, its address, or a date in its file name, in that order, else taken "
        "from --date (which also dates files already stored without one); each article "
        "stored without a date is named on stderr (a warning: the exit status stays 0)."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help="extract in N processes (default: %(default)s, the machine's cores)",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="merge every stored article again and rewrite the database whole (repairs a "
        "damaged event or quote record; slower: seconds at 100,000 events)",
    )
    add_wait_option(parser)
    add_date_option(parser)
    parser.set_defaults(run=run)


def add_wait_option(parser: argparse.ArgumentParser) -> None:
    """`--wait SECONDS`, for every command that writes to the database."""
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to wait while another chronicle writes (default: %(default)s)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        report = ingest_files(
            database_path(args.db),
            args.paths,
            jobs=args.jobs,
            wait=args.wait,
            default_date=args.date,
            rebuild=args.rebuild,
        )
    except StoreError as problem:
        return error(str(problem))
    for failure in report.failed:
        error(str(failure))
    warn_undated(report.undated)
    print_summary(report)
    return 1 if report.failed else 0


def ingest_files(
    database: Path,
    paths: Sequence[str | Path],
    *,
    jobs: int,
    wait: float,
    default_date: datetime.date | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Ingest with a progress bar on stderr (shown only on a terminal); `default_date` dates the
    articles that show none; `rebuild` merges everything again (`store.ingest`)."""
    with (
        extraction_ahead(paths, jobs=jobs, default_date=default_date) as early,
        open_database(database, write=True, wait=wait) as db,
    ):
        if not _may_be_terminal():  # no bar to show: rich is not even loaded
            return ingest(
                db, paths, jobs=jobs, default_date=default_date, rebuild=rebuild, early=early
            )
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(stderr=True)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}", markup=False),
        )
        with Progress(
            *columns, console=console, transient=True, disable=not console.is_terminal
        ) as bar:
            task = bar.add_task("Ingesting", total=None, current="")

            def advance(done: int, total: int, path: str) -> None:
                name = shown_path(Path(path).name)[:40]
                bar.update(task, completed=done, total=total, current=name)

            return ingest(
                db,
                paths,
                jobs=jobs,
                progress=advance,
                default_date=default_date,
                rebuild=rebuild,
                early=early,
            )


def _may_be_terminal() -> bool:
    """False when rich's Console would certainly find stderr no terminal: it is no tty and
    neither TTY_COMPATIBLE nor FORCE_COLOR says otherwise. (When True, rich decides.)"""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def print_summary(report: IngestReport, *, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    failed = len(report.failed)
    undated = f", {len(report.undated)} without a date" if report.undated else ""
    print(
        f"documents: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {failed} failed{undated}",
        file=out,
    )
    print(database_line(report.totals), file=out)


def database_line(totals: Totals) -> str:
    """What the database holds now, the last line of every command that writes articles."""
    return (
        f"database: {totals.documents} documents, {totals.events} events, "
        f"{totals.quotes} quotes, {totals.actors} actors"
    )


def missing_path(paths: Iterable[str | Path]) -> int | None:
    """The exit status of the one-line error for the first of `paths` that does not exist."""
    for path in map(Path, paths):
        if not path.exists():
            return error(f"{shown_path(path)}: no such file or directory", 2)
    return None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
