"""Where the database lives: `--db PATH`, else `$CHRONICLE_DB`, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

# The environment variable that names the database file when `--db` is not given.
ENV_VAR = "CHRONICLE_DB"
FILE_NAME = "chronicle.json"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to use; the folder is created on the first write, not here."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return Path(platformdirs.user_data_dir("chronicle", appauthor=False)) / FILE_NAME
