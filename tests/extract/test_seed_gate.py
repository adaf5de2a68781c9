"""The quality gate: the bundled seeds against the hand-made gold, scored by
../shared/eval/score.py."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared import shared

ROOT = Path(__file__).resolve().parents[2]

GATE = {
    "quotes.f1": 0.95,
    "quotes.speaker_accuracy": 0.95,
    "events.f1": 0.90,
    "events.date_accuracy": 0.95,
    "actors.persons.f1": 0.95,
}


@pytest.fixture(scope="module")
def prediction(tmp_path_factory) -> Path:
    shared("eval/score.py")
    out = tmp_path_factory.mktemp("gate") / "seeds.json"
    result = subprocess.run(
        [sys.executable, "-m", "cli", "extract", str(ROOT / "seeds"), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    out.write_bytes(result.stdout)
    return out


def _score(prediction: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        str(shared("eval/score.py")),
        "--gold",
        str(shared("eval/seeds/gold.json")),
        "--docs",
        str(ROOT / "seeds"),
        "--pred",
        str(prediction),
        *extra,
    ]
    return subprocess.run(command, capture_output=True, text=True)


def test_seeds_pass_the_score_gate(prediction):
    gate = [arg for key, value in GATE.items() for arg in ("--min", f"{key}={value}")]
    result = _score(prediction, *gate)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr


def test_seed_actors_are_neither_fragmented_nor_conflated(prediction):
    figures = json.loads(_score(prediction, "--json").stdout)
    actors = figures["actors"]
    assert (actors["fragmented"], actors["conflated"]) == ([], [])


def test_seed_citations_are_exact(prediction):
    figures = json.loads(_score(prediction, "--json").stdout)
    assert figures["citations"] == {"ignored": 0, "text_mismatches": 0}
