"""Where the database lives: `--db PATH`, else `$CHRONICLE_DB`, else the settings file's
`database`, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from store.settings import Settings, database_setting, load_settings

# The environment variable that names the database file when `--db` is not given.
ENV_VAR = "CHRONICLE_DB"
FILE_NAME = "chronicle.json"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to use; the folder is created on the first write, not here."""
    return database_source(explicit)[0]


def database_source(
    explicit: str | os.PathLike[str] | None = None, settings: Settings | None = None
) -> tuple[Path, str]:
    """The database file and what chose it: "--db", "environment", "file" (the settings) or
    "default". `settings` are read from their file when not given (an unusable file counts as
    no file: the command that started reports it)."""
    if explicit:
        return Path(explicit).expanduser(), "--db"
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser(), "environment"
    chosen = database_setting(load_settings()[0] if settings is None else settings)
    if chosen is not None:
        return chosen, "file"
    return Path(platformdirs.user_data_dir("chronicle", appauthor=False)) / FILE_NAME, "default"
