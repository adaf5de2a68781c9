"""`chronicle export --format FORMAT`: the stored corpus as a file to share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.errors import error
from cli.list_cmd import add_filter_arguments, filtered_index
from publish import EXPORT_FORMATS, export
from store.storage import write_atomically


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle export`, whose one line of help is in cli.main."""
    parser.description = (
        "Export the stored timeline, with its citations: json (docs/json.md), csv, "
        "markdown (a readable cited timeline), timelinejs (Knight Lab TimelineJS JSON) or ics "
        "(iCalendar, one all-day event per event)."
    )
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    add_filter_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = filtered_index(args)
    if isinstance(found, int):
        return found
    index, where = found
    text = export(index, args.format, where)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(Path(args.output), text.encode())  # never half a file
    except OSError as problem:
        return error(f"cannot write {args.output}: {problem.strerror or problem}")
    return 0
