"""`chronicle browse` opens the Textual browser."""

from __future__ import annotations

import argparse

from store import database_path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    browse = subparsers.add_parser(
        "browse", help="open the timeline browser", description=__doc__.splitlines()[0]
    )
    browse.set_defaults(run=run_browse)


def run_browse(args: argparse.Namespace) -> int:
    from tui.app import ChronicleApp

    ChronicleApp(database_path(args.db)).run()
    return 0
