"""`chronicle browse` opens the Textual browser; `chronicle serve` opens it in a web browser."""

from __future__ import annotations

import argparse
import shlex
import sys

from store import database_path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    browse = subparsers.add_parser(
        "browse", help="open the timeline browser", description=__doc__.splitlines()[0]
    )
    browse.set_defaults(run=run_browse)
    serve = subparsers.add_parser(
        "serve", help="serve the browser to a web browser (textual-serve)"
    )
    serve.add_argument("--host", default="localhost")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=run_serve)


def run_browse(args: argparse.Namespace) -> int:
    from tui.app import ChronicleApp

    ChronicleApp(database_path(args.db)).run()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    command = [sys.executable, "-m", "cli", "--db", str(database_path(args.db)), "browse"]
    Server(shlex.join(command), host=args.host, port=args.port, title="chronicle").serve()
    return 0
