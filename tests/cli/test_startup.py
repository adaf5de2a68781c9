"""What a `chronicle` process loads before it does its work: a command imports its own module
and what that needs, not every command's (issue 13: one article added in half a second)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from cli.main import COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds once `chronicle ARGV` has run (stdout not a
    terminal)."""
    code = (
        "import sys\n"
        "from cli.main import main\n"
        f"main({list(argv)!r})\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


def test_help_lists_every_command_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for name, (_, summary) in COMMANDS.items():
        assert f"{name} {summary}" in out


def test_a_command_help_shows_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db", "somewhere.json", "ingest", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: chronicle ingest [-h]")
    assert "--jobs N" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert (ended.value.code, capsys.readouterr().out) == (0, f"chronicle {version('chronicle')}\n")


def test_help_loads_no_command_and_no_store() -> None:
    loaded = loaded_after("--help")
    assert not {m for m in loaded if m.startswith(("cli.", "store", "rich", "extract"))} - {
        "cli.main"
    }


def test_ingest_and_remove_load_neither_other_commands_nor_rich(tmp_path: Path) -> None:
    article = tmp_path / "kites.txt"
    article.write_text(
        "The kite festival opened on Saturday, May 3, 2025, in Marlow Bay.\n\n"
        "“The wind was kind to us,” said Tove Brannigan, who runs the festival.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "db.json")
    unwanted = {"rich", "publish", "textual", "watchfiles", "tui"}
    for argv in (("ingest", str(article)), ("remove", "d1")):
        loaded = loaded_after("--db", db, *argv)
        commands = {m for m in loaded if m.startswith("cli.") and m.endswith("_cmd")}
        # ingest's and extract's modules hold the options that the writing commands share
        assert commands - {"cli.ingest_cmd", "cli.extract_cmd"} <= {f"cli.{argv[0]}_cmd"}
        assert not {m.split(".")[0] for m in loaded} & unwanted
