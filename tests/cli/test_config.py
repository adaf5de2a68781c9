"""`chronicle config` and the settings file as the commands see it, through real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import settings_file

ROOT = Path(__file__).resolve().parents[2]


def chronicle(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_config_prints_the_file_and_where_each_value_comes_from(tmp_path: Path) -> None:
    path = settings_file(tmp_path)
    path.parent.mkdir()
    path.write_text('citation_format = "apa"\n\n[keys]\ncopy = "c"\n')
    done = chronicle("config")
    assert (done.returncode, done.stderr) == (0, "")
    db = os.environ["CHRONICLE_DB"]
    width = max(len(str(path)), len(db))
    assert done.stdout.splitlines() == [
        f"settings file    {path!s:<{width}}  $CHRONICLE_CONFIG",
        f"citation_format  {'apa':<{width}}  file",
        f"theme            {'textual-dark':<{width}}  default",
        f"database         {db:<{width}}  $CHRONICLE_DB",
        f"keys.copy        {'c':<{width}}  file",
    ]
    after = chronicle("config", "--db", "elsewhere.json")  # the option after the command
    assert after.stdout.splitlines()[3].split() == ["database", "elsewhere.json", "--db"]


def test_config_names_the_default_file_and_the_database_from_the_settings(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CHRONICLE_DB", "CHRONICLE_CONFIG")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    path = tmp_path / "xdg" / "chronicle" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('database = "news.json"\n')
    done = chronicle("config", env=env)
    assert (done.returncode, done.stderr) == (0, "")
    rows = [line.split() for line in done.stdout.splitlines()]
    assert rows[0] == ["settings", "file", str(path), "default"]
    assert rows[3] == ["database", str(path.parent / "news.json"), "file"]


def test_a_malformed_settings_file_is_one_line_and_the_defaults(tmp_path: Path) -> None:
    path = settings_file(tmp_path)
    path.parent.mkdir()
    path.write_text('theme = "nord"\ncitation_format = apa\n')
    done = chronicle("config")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"chronicle: settings file {path}: not valid TOML (Invalid value (at line 2, column 19)); "
        "using the default settings"
    ]
    rows = [line.split() for line in done.stdout.splitlines()]
    assert rows[1:3] == [
        ["citation_format", "plain", "default"],
        ["theme", "textual-dark", "default"],
    ]
    listed = chronicle("list", "events")  # every command says it once, and works on
    assert listed.returncode == 0
    assert listed.stderr == done.stderr
    assert path.read_text() == 'theme = "nord"\ncitation_format = apa\n'
