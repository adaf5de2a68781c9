"""`chronicle extract` as a user runs it: a real subprocess on real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Port strike ends\n"
    "March 14, 2024\n"
    "Dockworkers at the port of Rotterdam ended their strike on March 12, 2024, "
    "union leader Anna de Vries said.\n"
    "“We got what we came for,” de Vries told reporters.\n"
)


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ignored: not an article suffix")
    return tmp_path


def test_json_output_follows_the_schema_and_cites_exactly(folder):
    result = chronicle("extract", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"documents", "actors", "events", "quotes"}
    (doc,) = out["documents"]
    assert doc["path"].endswith("strike.txt") and doc["published"] == "2024-03-14"
    text = (folder / "nested" / "strike.txt").read_text(encoding="utf-8")
    citations = [c for item in out["events"] + out["quotes"] for c in item["citations"]]
    assert citations and all(text[c["start"] : c["end"]] == c["text"] for c in citations)
    (quote,) = out["quotes"]
    speaker = next(a for a in out["actors"] if a["id"] == quote["speaker"])
    assert (quote["text"], speaker["name"]) == ("We got what we came for,", "Anna de Vries")
    (event,) = out["events"]
    assert event["date"]["start"] == event["date"]["end"] == "2024-03-12"


def test_bad_paths_get_one_line_each_and_the_rest_is_still_extracted(folder, tmp_path):
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    binary = folder / "broken.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    result = chronicle("extract", str(folder), str(missing), str(empty), "--format", "json")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert any(str(missing) in line for line in lines)
    assert any(str(empty) in line for line in lines)
    assert any(str(binary) in line for line in lines)
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_table_output_shows_article_markup_literally(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "On March 3, 2024, the mayor said [bold red]hello[/] \x1b]52;c;aGk=\x07 to all.\n",
        encoding="utf-8",
    )
    result = chronicle("extract", str(hostile))
    assert result.returncode == 0, result.stderr
    assert "[bold red]hello[/]" in result.stdout
    assert "\x1b]52" not in result.stdout


def test_json_escapes_controls_and_direction_overrides_yet_cites_exactly(tmp_path):
    text = ARTICLE.replace("ended their strike", "ended \x9b2J their \u202e strike")
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    result = chronicle("extract", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in "\x1b\x9b\u202e")  # a terminal shows \u009b
    (event,) = json.loads(result.stdout)["events"]
    (citation,) = event["citations"]
    assert "\x9b2J" in citation["text"]  # the value, once parsed, is exact
    assert text[citation["start"] : citation["end"]] == citation["text"]


def test_json_gives_a_confidence_in_zero_to_one_for_every_event_quote_and_actor(tmp_path):
    """Issue 11, point 4: how sure each date, speaker and actor is, for a reader to check the
    least sure first."""
    article = tmp_path / "regatta.txt"
    article.write_text(
        "Published 7 August 2022\n\n"
        "The harbour regatta was called off on Saturday after the wind rose.\n\n"
        "“Nobody wanted this outcome after a whole season of training for it.”\n\n"
        "“We cannot send children out in that,” said race officer Tomasz Wirth.\n",
        encoding="utf-8",
    )
    result = chronicle("extract", "--format", "json", str(article))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    for section in ("events", "quotes", "actors"):
        assert out[section], section
        for record in out[section]:
            assert 0.0 <= record["confidence"] <= 1.0, (section, record)
    sure = {q["text"]: q["confidence"] for q in out["quotes"]}
    assert sure["We cannot send children out in that,"] > 0.8
    assert sure["Nobody wanted this outcome after a whole season of training for it."] < 0.5
