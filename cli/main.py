"""The `chronicle` command: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cli.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

# Each command, its module and its line in `chronicle --help`. A module defines
# `add_arguments(parser)`, which gives the command's parser its description and arguments and
# sets `run=function(args) -> int` as its default. Only the module of the command being run is
# imported: `chronicle ingest FILE` does not load the tables of `list` or the exports.
COMMANDS = {
    "extract": (
        "cli.extract_cmd",
        "extract events, actors and quotes from files and folders and print them",
    ),
    "ingest": ("cli.ingest_cmd", "add article files and folders to the database"),
    "watch": (
        "cli.watch_cmd",
        "keep the database in step with article files and folders as they change",
    ),
    "remove": ("cli.remove_cmd", "remove a document and whatever only it reported"),
    "corrections": (
        "cli.corrections_cmd",
        "list, add, remove, export or import corrections of the extracted records",
    ),
    "list": ("cli.list_cmd", "list stored events, actors, quotes or documents"),
    "export": ("cli.export_cmd", "export the timeline as json, csv, markdown, timelinejs or ics"),
    "browse": ("cli.browse_cmd", "open the timeline browser"),
    "serve": ("cli.serve_cmd", "serve the browser to a web browser (textual-serve)"),
    "config": ("cli.config_cmd", "show the settings file and the settings in force"),
}
# What `chronicle` does with no sub-command.
DEFAULT_MODULE = "cli.home_cmd"
DB_HELP = "database file (default: $CHRONICLE_DB, the settings' database or the user data dir)"


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of `chronicle`, every command listed in its help, with the arguments of the
    command that `argv` (default: sys.argv[1:]) names: a first parse, whose commands have no
    arguments yet, finds which one that is."""
    parser, commands = _skeleton()
    found, _ = parser.parse_known_args(argv)
    if found.command is not None:
        command = commands[found.command]
        command.add_argument("-h", "--help", action="help", help="show this help message and exit")
        importlib.import_module(COMMANDS[found.command][0]).add_arguments(command)
        # `--db` after the command too; absent there, it leaves the value given before it alone.
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    return parser


def _skeleton() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser and each command's parser, still without arguments (nor `-h`, so
    that the first parse takes `chronicle ingest -h` for the ingest command, not for help)."""
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="A terminal timeline browser for news: what happened when, who was "
        "involved and who said what, with exact citations.",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--db", metavar="PATH", help=DB_HELP)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    commands = {
        name: subparsers.add_parser(name, help=summary, add_help=False)
        for name, (_, summary) in COMMANDS.items()
    }
    return parser, commands


class _Version(argparse.Action):
    """`--version`: prints the installed version, looked up only when asked (importing
    importlib.metadata costs every other command time for nothing)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="print the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from importlib.metadata import version

        print(f"chronicle {version('chronicle')}")
        parser.exit()


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
        args = build_parser(argv).parse_args(argv)
        return _command(args)
    finally:
        sys.stdout.flush()  # the last of the output is written here, checked, not at exit


def _command(args: argparse.Namespace) -> int:
    """Run the command `args` asks for with the settings in force; a StoreError it did not
    catch (a damaged database) ends it with one line."""
    # Imported here, once the arguments are read: `--help` and `--version` need no store.
    from store.settings import load_settings
    from store.storage import StoreError

    try:
        settings_problem = load_settings()[1]
        if settings_problem:  # one line, then the defaults: the command still runs
            error(settings_problem)
        run = getattr(args, "run", None) or importlib.import_module(DEFAULT_MODULE).run
        status: int = run(args)
        return status
    except StoreError as problem:
        sys.stdout.flush()  # what the command printed comes before the error
        return error(str(problem))


if __name__ == "__main__":
    sys.exit(main())
