"""`chronicle browse` opens the Textual browser; with `--watch PATH...` a `chronicle watch`
runs beside it, and the browser shows what it stores as it lands."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

from cli.ingest_cmd import missing_path
from store import database_path

# Seconds the watch is given to finish its write and stop when the browser closes.
STOP_WAIT = 10.0


def add_arguments(browse: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle browse`, whose one line of help is in cli.main."""
    browse.description = __doc__.splitlines()[0]
    browse.add_argument(
        "--watch",
        nargs="+",
        metavar="PATH",
        help="also keep the database in step with these files and folders (`chronicle watch`)",
    )
    browse.set_defaults(run=run_browse)


def run_browse(args: argparse.Namespace) -> int:
    from tui.app import ChronicleApp

    path = database_path(args.db)
    if not args.watch:
        ChronicleApp(path).run()
        return 0
    if (status := missing_path(args.watch)) is not None:
        return status
    # Its own session: a Ctrl+C meant for the browser does not reach it. Its lines would draw
    # over the browser's screen: the browser shows its problems (stderr) as notes instead.
    watcher = subprocess.Popen(
        [sys.executable, "-m", "cli", "--db", str(path), "watch", "--parent", str(os.getpid())]
        + [str(p) for p in args.watch],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        start_new_session=True,
    )
    assert watcher.stderr is not None
    try:
        ChronicleApp(path, notices=watcher.stderr).run()
    finally:
        watcher.send_signal(signal.SIGINT)  # a write under way is discarded whole, or completes
        try:
            watcher.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            watcher.kill()
            watcher.wait()
    return 0
