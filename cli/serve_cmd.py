"""`chronicle serve` opens the browser in web pages, at the address (with a token) it prints.

One app process per tab, four at most; only the page at that address can drive one."""

from __future__ import annotations

import argparse
import sys

from store import database_path


def add_arguments(serve: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle serve`, whose one line of help is in cli.main."""
    serve.description = __doc__.splitlines()[0]
    serve.add_argument("--host", default="localhost", help="address to listen on (localhost)")
    serve.add_argument("--port", type=port, default=8000, help="port to listen on (8000)")
    serve.set_defaults(run=run_serve)


def port(text: str) -> int:
    """A TCP port number, 1 to 65535 (argparse turns the error into one line and exit 2)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{number} is not a port (1 to 65535)")
    return number


def run_serve(args: argparse.Namespace) -> int:
    from cli.serve import ChronicleServer, ServeError

    command = [sys.executable, "-m", "cli", "--db", str(database_path(args.db)), "browse"]
    try:
        ChronicleServer(command, host=args.host, port=args.port).serve()
    except ServeError as problem:
        print(f"chronicle: {problem}", file=sys.stderr)
        return 1
    return 0
