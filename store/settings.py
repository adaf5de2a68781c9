"""The user's settings, kept in a TOML file under the user's config directory.

```toml
citation_format = "apa"          # what `y` copies in the browser (chosen there with `Y`)
theme = "nord"                   # a Textual theme (chosen there in the command palette)
database = "~/news/chronicle.json"   # after `--db` and $CHRONICLE_DB; relative to this file

[keys]                           # binding id = key(s), as in the browser's `?` screen
copy = "c"
pick_source = "S,ctrl+s"
```

`$CHRONICLE_CONFIG` names another file. A file that cannot be read or holds anything else is
reported in one line naming it and the problem, and the defaults are used; it is never written
over (`save_settings` raises instead), so what the user wrote is not lost. Writes go to a temporary
file in the same folder, then `os.replace`, and follow a symbolic link to the real file.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from extract.display import shown_path
from store.storage import write_atomically

# The environment variable that names the settings file.
ENV_VAR = "CHRONICLE_CONFIG"
FILE_NAME = "settings.toml"
DEFAULT_CITATION_FORMAT = "plain"
# Textual's own default theme (`textual.constants.DEFAULT_THEME`; store does not import textual).
DEFAULT_THEME = "textual-dark"
KEYS = "keys"
# A TOML key that needs no quotes.
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
# Characters a TOML basic string cannot hold as they are: controls, DEL, `"` and `\`.
_ESCAPED = re.compile(r'[\x00-\x1f\x7f"\\]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_SHORT_ESCAPES["\r"] = "\\r"


class SettingsError(Exception):
    """The settings file cannot be read or holds something else; `str()` names the file and
    the problem on one line."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The values in force; `in_file` names those the file sets (the others are defaults)."""

    citation_format: str = DEFAULT_CITATION_FORMAT
    theme: str = DEFAULT_THEME
    database: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    in_file: frozenset[str] = frozenset()


# The plain string settings, in the order they are written.
STRINGS = ("citation_format", "theme", "database")


def settings_path() -> Path:
    """`$CHRONICLE_CONFIG`, else `settings.toml` in the user's config directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return Path(platformdirs.user_config_dir("chronicle", appauthor=False)) / FILE_NAME


def read_settings(path: Path | None = None) -> Settings:
    """The settings `path` holds (defaults when it does not exist); SettingsError otherwise."""
    path = settings_path() if path is None else path
    try:
        with path.open("rb") as file:
            table = tomllib.load(file)
    except FileNotFoundError:
        return Settings()
    except OSError as problem:
        raise _error(path, f"cannot read it ({problem.strerror or problem})") from None
    except UnicodeDecodeError:
        raise _error(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as problem:
        raise _error(path, f"not valid TOML ({problem})") from None
    return _settings(path, table)


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings in force and, when the file is unusable, the line saying why (the
    defaults are then in force). Never raises."""
    try:
        return read_settings(path), None
    except SettingsError as problem:
        return Settings(), f"{problem}; using the default settings"


def save_settings(path: Path | None = None, **changes: str | Mapping[str, str]) -> Settings:
    """Set `changes` in the file as it is now (another process may have changed it) and write
    it atomically. Raises SettingsError, leaving the file as it is, when it is unusable."""
    path = settings_path() if path is None else path
    current = read_settings(path)
    unknown = set(changes) - {*STRINGS, KEYS}
    if unknown:
        raise ValueError(f"not settings: {sorted(unknown)}")
    updated = replace(current, **changes, in_file=current.in_file | set(changes))  # type: ignore[arg-type]
    _write(path.resolve(), settings_text(updated))
    return updated


def settings_text(settings: Settings) -> str:
    """The TOML text of what the file sets: only the settings in `in_file`."""
    lines = []
    for name in STRINGS:
        value = getattr(settings, name)
        if name in settings.in_file and value is not None:
            lines.append(f"{name} = {_string(value)}")
    if KEYS in settings.in_file and settings.keys:
        lines += ["", f"[{KEYS}]"]
        lines += [f"{_key(action)} = {_string(key)}" for action, key in settings.keys.items()]
    return "".join(f"{line}\n" for line in lines)


def database_setting(settings: Settings, path: Path | None = None) -> Path | None:
    """The database the settings name, relative to the settings file's folder."""
    if settings.database is None:
        return None
    folder = (settings_path() if path is None else path).parent
    return folder / Path(settings.database).expanduser()


def _settings(path: Path, table: dict[str, object]) -> Settings:
    values: dict[str, object] = {}
    for name, value in table.items():
        if name in STRINGS:
            if not isinstance(value, str) or not value:
                raise _error(path, f"{name} must be a non-empty string, not {value!r}")
        elif name == KEYS:
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
            ):
                raise _error(path, f'[{KEYS}] must map binding ids to keys, e.g. copy = "c"')
        else:
            known = ", ".join((*STRINGS, KEYS))
            raise _error(path, f"unknown setting {name!r} (known: {known})")
        values[name] = value
    return Settings(**values, in_file=frozenset(values))  # type: ignore[arg-type]


def _error(path: Path, problem: str) -> SettingsError:
    return SettingsError(f"settings file {shown_path(path)}: {' '.join(problem.split())}")


def _string(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return f'"{_ESCAPED.sub(escape, value)}"'


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _string(name)


def _write(path: Path, text: str) -> None:
    """Write `text` atomically, keeping the old file's permissions (a new one is readable by
    its owner only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), new_mode=0o600)
