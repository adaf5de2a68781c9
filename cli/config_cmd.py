"""`chronicle config`: the settings file's path and the settings in force, with where each comes
from (default, the file, the environment or `--db`)."""

from __future__ import annotations

import argparse
import os
import sys

from extract.display import shown_path
from store.paths import ENV_VAR as DB_VAR
from store.paths import database_source
from store.settings import ENV_VAR as CONFIG_VAR
from store.settings import STRINGS, load_settings, settings_path

# What chose the database, as `database_source` names it -> as shown.
_DATABASE_FROM = {"--db": "--db", "environment": f"${DB_VAR}", "file": "file", "default": "default"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `chronicle config`, whose one line of help is in cli.main."""
    parser.description = __doc__.splitlines()[0] + " " + __doc__.splitlines()[1]
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Status 1 when the file is unusable (`chronicle` has said why on stderr)."""
    path = settings_path()
    settings, problem = load_settings(path)
    where = f"${CONFIG_VAR}" if os.environ.get(CONFIG_VAR) else "default"
    if not path.exists():
        where += " (no file yet)"
    rows = [("settings file", shown_path(path), where)]
    for name in STRINGS:
        if name == "database":
            database, chosen = database_source(args.db, settings)
            rows.append((name, shown_path(database), _DATABASE_FROM[chosen]))
        else:
            origin = "file" if name in settings.in_file else "default"
            rows.append((name, shown_path(getattr(settings, name)), origin))
    for action, keys in settings.keys.items():
        rows.append((f"keys.{shown_path(action)}", shown_path(keys), "file"))
    widths = [max(len(row[column]) for row in rows) for column in (0, 1)]
    for name, value, origin in rows:
        sys.stdout.write(f"{name:<{widths[0]}}  {value:<{widths[1]}}  {origin}\n")
    return 1 if problem else 0
