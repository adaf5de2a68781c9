"""`chronicle extract PATH...`: print what the articles say, as JSON or as readable tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from extract.model import Corpus, DocumentExtraction


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract events, actors and quotes from files and folders and print them",
        description="Extract events, actors and quotes from article files (.txt, .md, .html, "
        ".htm; folders are searched recursively) and print them without storing anything.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="json: the SCHEMA.md extraction output; table: a readable summary (default)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.pipeline import merge

    extractions, problems = extract_paths(args.paths)
    for problem in problems:
        print(f"chronicle: {problem}", file=sys.stderr)
    corpus = merge(extractions)
    if args.format == "json":
        from extract.serialize import corpus_to_dict
        from publish import json_text

        sys.stdout.write(json_text(corpus_to_dict(corpus)))
    else:
        print_tables(corpus)
    return 1 if problems else 0


def extract_paths(paths: Sequence[str]) -> tuple[list[DocumentExtraction], list[str]]:
    """Extractions of every readable file under `paths`, and one line per file that failed."""
    from extract.display import path_text, shown_path
    from extract.pipeline import extract_file
    from extract.sources import discover, read_source

    files, found_problems = discover(paths)
    problems = [str(p) for p in found_problems]
    extractions = []
    for path in files:
        try:  # named by its path_text: the JSON must be valid UTF-8 whatever the name's bytes
            result = extract_file(path_text(path), read_source(path))
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
