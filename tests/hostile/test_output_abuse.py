"""What chronicle writes is safe to show and to open: no escape sequence from a stored string in
any output format, no live formula in any CSV, and a failed write to stdout said in one line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.hostile.attacks import output
from tests.hostile.attacks.output import (
    ESCAPES,
    EXPORTS,
    FULL_LINE,
    LISTINGS,
    POISONED_NAME,
    formula_cells,
    hostile_database,
    leak,
    run_into,
    unsafe,
)
from tests.hostile.harness import chronicle


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_database(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def long(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return output.long_database(tmp_path_factory.mktemp("long"))


# --- escape sequences ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORTS)
def test_no_escape_sequence_reaches_an_export(hostile: Path, fmt: str) -> None:
    assert leak(hostile, "export", "--format", fmt) is None


@pytest.mark.parametrize(("kind", "fmt"), LISTINGS)
def test_no_escape_sequence_reaches_a_listing(hostile: Path, kind: str, fmt: str) -> None:
    assert leak(hostile, "list", kind, "--format", fmt) is None


def test_export_to_a_file_is_as_clean_as_stdout(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "timeline.md"
    assert chronicle(hostile, "export", "--format", "markdown", "-o", target).returncode == 0
    assert unsafe(target.read_text()) == []


def test_json_keeps_the_stored_values_exactly(hostile: Path) -> None:
    # JSON is data for programs: the stored path comes out as it is, each control written
    # \\uXXXX (inert text on a terminal), and citations still index the document's text.
    assert output.exact_json(hostile) is None
    raw = chronicle(hostile, "export", "--format", "json").stdout
    assert "\\u001b]0;PWNED\\u0007" in raw and "\\u009b2J" in raw and "\\u202e" in raw
    actors = json.loads(chronicle(hostile, "list", "actors", "--format", "json").stdout)
    assert {a["name"] for a in actors} == {POISONED_NAME}


def test_the_markdown_names_the_file_without_its_escapes(hostile: Path) -> None:
    markdown = chronicle(hostile, "export", "--format", "markdown").stdout
    assert "`" + str(hostile.parent / "articles" / "evil") in markdown
    assert "0;PWNED" not in markdown


@pytest.mark.parametrize(
    "attack", [output.escapes_through_export, output.escapes_through_list], ids=lambda a: a.__name__
)
def test_escape_attacks_hold(tmp_path: Path, attack: output.Attack) -> None:
    outcome = attack(tmp_path)
    assert outcome.held, outcome.detail


def test_json_attack_holds(tmp_path: Path) -> None:
    outcome = output.escapes_kept_exact_in_json(tmp_path)
    assert outcome.held, outcome.detail


# --- spreadsheet formulas -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "csv"),
        ("list", "events", "--format", "csv"),
        ("list", "quotes", "--format", "csv"),
        ("list", "actors", "--format", "csv"),
    ],
    ids=" ".join,
)
def test_no_csv_cell_is_a_live_formula(hostile: Path, args: tuple[str, ...]) -> None:
    run = chronicle(hostile, *args)
    assert run.returncode == 0, run.stderr
    assert formula_cells(run.stdout) == []
    assert unsafe(run.stdout) == []


def test_formula_cells_are_quoted_and_prefixed_as_owasp_says(hostile: Path) -> None:
    listed = chronicle(hostile, "list", "quotes", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(listed)))
    texts = {row["text"] for row in rows}
    assert {"'" + words for words in output.FORMULAS[:1]} <= texts
    assert "'=HYPERLINK(A1&A2)" in texts and "'@SUM(1+9)*cmd|' /C calc'!A0" in texts
    assert "'-2+3+cmd|' /C calc'!A0" in texts
    actors = chronicle(hostile, "list", "actors", "--format", "csv").stdout
    # The poisoned name begins with `=`, the second alias with a tab: both neutralised, quoted.
    assert "\"'=1+1" in actors and "\"'@alias" in actors
    assert all(not cell.startswith("\t") for row in csv.reader(io.StringIO(actors)) for cell in row)
    assert ESCAPES not in actors


def test_an_ordinary_csv_still_reads_back(long: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(chronicle(long, "export", "--format", "csv").stdout)))
    assert len(rows) > 300 and all(r["kind"] in ("event", "quote") for r in rows)
    assert rows[0]["start"].startswith("2024-")


@pytest.mark.parametrize(
    "attack", [output.formulas_in_export_csv, output.formulas_in_list_csv], ids=lambda a: a.__name__
)
def test_formula_attacks_hold(tmp_path: Path, attack: output.Attack) -> None:
    outcome = attack(tmp_path)
    assert outcome.held, outcome.detail


# --- stdout that cannot be written --------------------------------------------------------


@pytest.mark.parametrize("command", output.DEV_FULL_COMMANDS, ids=" ".join)
def test_a_full_stdout_is_one_line_and_exit_1(long: Path, command: tuple[str, ...]) -> None:
    article = long.parent / "articles" / "pier.txt"
    args = [str(article) if a == "{article}" else a for a in command]
    run = run_into(long, Path("/dev/full"), *args)
    assert (run.returncode, run.stderr) == (1, FULL_LINE + "\n")


def test_a_disk_that_fills_mid_output(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.mkdir()
    if not output.can_mount_tmpfs(probe, "4k"):
        pytest.skip("cannot mount a tmpfs here (needs root); /dev/full covers the failure")
    subprocess.run(["umount", str(probe)], check=True)
    outcome = output.stdout_fills_a_disk(tmp_path)
    assert outcome.held, outcome.detail


def test_a_closed_pipe_stays_quiet(tmp_path: Path) -> None:
    outcome = output.closed_pipe(tmp_path)
    assert outcome.held, outcome.detail


def test_dev_full_attack_holds(tmp_path: Path) -> None:
    outcome = output.stdout_to_dev_full(tmp_path)
    assert outcome.held, outcome.detail
