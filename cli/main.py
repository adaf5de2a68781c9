"""The `chronicle` command: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each module defines `add_parser(subparsers)`, which registers its sub-command and sets
# `run=function(args) -> int` as the parser's default.
COMMAND_MODULES = (
    "cli.extract_cmd",
    "cli.ingest_cmd",
    "cli.remove_cmd",
    "cli.list_cmd",
    "cli.export_cmd",
    "cli.browse_cmd",
    "cli.serve_cmd",
)
# What `chronicle` does with no sub-command.
DEFAULT_MODULE = "cli.home_cmd"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="A terminal timeline browser for news: what happened when, who was "
        "involved and who said what, with exact citations.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $CHRONICLE_DB or the user data dir)"
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None) or importlib.import_module(DEFAULT_MODULE).run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141


if __name__ == "__main__":
    sys.exit(main())
