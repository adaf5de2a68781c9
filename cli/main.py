"""The `chronicle` command: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cli.list_cmd import error
from store.settings import load_settings
from store.storage import StoreError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

# Each module defines `add_parser(subparsers)`, which registers its sub-command and sets
# `run=function(args) -> int` as the parser's default.
COMMAND_MODULES = (
    "cli.extract_cmd",
    "cli.ingest_cmd",
    "cli.watch_cmd",
    "cli.remove_cmd",
    "cli.corrections_cmd",
    "cli.list_cmd",
    "cli.export_cmd",
    "cli.browse_cmd",
    "cli.serve_cmd",
    "cli.config_cmd",
)
# What `chronicle` does with no sub-command.
DEFAULT_MODULE = "cli.home_cmd"
DB_HELP = "database file (default: $CHRONICLE_DB, the settings' database or the user data dir)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="A terminal timeline browser for news: what happened when, who was "
        "involved and who said what, with exact citations.",
    )
    parser.add_argument("--db", metavar="PATH", help=DB_HELP)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    # `--db` after the command too; absent there, it leaves the value given before it alone.
    for command in subparsers.choices.values():
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    return parser


class OutputError(Exception):
    """Standard output could not be written (a full disk, an I/O error); `str()` says why.

    Not an OSError, so that no `except OSError` meant for an input file swallows it."""


class _CheckedOutput(io.FileIO):
    """The file under standard output, whose failed writes raise OutputError: a bare OSError
    could come from anything, this one says that the output is lost."""

    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:  # the reader left: quiet, as `head` expects
            raise
        except OSError as problem:
            raise OutputError(problem.strerror or str(problem)) from None


def check_stdout() -> None:
    """Send `sys.stdout` through _CheckedOutput with the same encoding and buffering; a stream
    that is not a file (a test's capture) is left as it is."""
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper):
        return
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        return
    stream.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_CheckedOutput(descriptor, "w", closefd=False)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def _drop_output() -> None:
    """Point standard output at /dev/null once it has failed: Python flushes stdout at exit,
    and would print a second error ("Exception ignored ...") for what is still buffered."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Its writes to stdout are checked: a failed one ends the command with
    one line on stderr and status 1 (141, quietly, when the reader has gone)."""
    stdout = sys.stdout
    check_stdout()
    try:
        return _run(argv)
    except StoreError as problem:  # one a command did not catch: a damaged database
        return error(str(problem))
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_output()
        return 141
    except OutputError as problem:
        _drop_output()
        print(f"chronicle: cannot write the output: {problem}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout


def _run(argv: Sequence[str] | None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        settings_problem = load_settings()[1]
        if settings_problem:  # one line, then the defaults: the command still runs
            error(settings_problem)
        run = getattr(args, "run", None) or importlib.import_module(DEFAULT_MODULE).run
        status: int = run(args)
        return status
    finally:
        sys.stdout.flush()  # the last of the output is written here, checked, not at exit


if __name__ == "__main__":
    sys.exit(main())
