"""`chronicle extract PATH...`: print what the articles say, as JSON or as readable tables."""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from extract.model import Corpus, DocumentExtraction

# A date as --date takes it: year, month and day.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle extract`, whose one line of help is in cli.main."""
    parser.description = (
        "Extract events, actors and quotes from article files (.txt, .md, .html, "
        ".htm; folders are searched recursively) and print them without storing anything."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="json: the SCHEMA.md extraction output; table: a readable summary (default)",
    )
    add_date_option(parser)
    parser.set_defaults(run=run)


def add_date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=iso_day,
        metavar="YYYY-MM-DD",
        help="the date of the articles that show none (in their text, markup, address or file "
        "name); their relative dates ('on Tuesday') are read against it. It never overrides a "
        "date found in an article.",
    )


def iso_day(text: str) -> datetime.date:
    """--date's value: a calendar day written YYYY-MM-DD."""
    try:
        if _ISO_DAY.fullmatch(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {text!r}")


def warn_undated(paths: Iterable[str], *, out: TextIO | None = None) -> None:
    """One line on stderr per article stored or printed without a date: a warning, not a
    failure (the exit status does not change)."""
    from extract.display import shown_path

    for path in paths:
        print(
            f"chronicle: {shown_path(path)}: no date found "
            "(relative dates left unresolved; give one with --date)",
            file=out or sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    from extract.pipeline import merge

    extractions, problems = extract_paths(args.paths, default_date=args.date)
    for problem in problems:
        print(f"chronicle: {problem}", file=sys.stderr)
    warn_undated(e.document.path for e in extractions if e.document.published is None)
    corpus = merge(extractions)
    if args.format == "json":
        from extract.serialize import corpus_to_dict
        from publish import json_text

        sys.stdout.write(json_text(corpus_to_dict(corpus)))
    else:
        print_tables(corpus)
    return 1 if problems else 0


def extract_paths(
    paths: Sequence[str], *, default_date: datetime.date | None = None
) -> tuple[list[DocumentExtraction], list[str]]:
    """Extractions of every readable file under `paths`, and one line per file that failed.

    `default_date` dates the articles that show no date (see `extract_file`)."""
    from extract.display import path_text, shown_path
    from extract.pipeline import extract_file
    from extract.sources import discover, read_source

    files, found_problems = discover(paths)
    problems = [str(p) for p in found_problems]
    extractions = []
    for path in files:
        try:  # named by its path_text: the JSON must be valid UTF-8 whatever the name's bytes
            result = extract_file(path_text(path), read_source(path), default_date=default_date)
        except OSError as error:  # read_source says why in one line
            result = str(error)
        if isinstance(result, str):
            problems.append(f"{shown_path(path)}: {result}")
        else:
            extractions.append(result)
    return extractions, problems


def print_tables(corpus: Corpus) -> None:
    from rich.console import Console

    from cli.tables import corpus_tables

    console = Console()
    for table in corpus_tables(corpus):
        console.print(table)
