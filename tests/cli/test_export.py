"""`chronicle export`: every format parses with a real parser (or a strict reader written here)
and keeps every citation."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from cli.main import main
from tests.corpora import STRIKE

EVENT_CITATIONS = {e.id: [c.text for c in e.citations] for e in STRIKE.events}


def export(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    assert main(["--db", str(db), "export", *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_json_is_the_extraction_schema_for_the_matching_items(strike_db: Path, capsys) -> None:
    data = json.loads(export(capsys, strike_db, "--format", "json", "--actor", "Álvarez"))
    assert [e["id"] for e in data["events"]] == ["e2"]
    assert [q["id"] for q in data["quotes"]] == ["q1"]
    assert [d["id"] for d in data["documents"]] == ["d1", "d2"]
    assert {a["id"] for a in data["actors"]} == {"a1", "a3"}
    texts = {
        d["id"]: doc.document.text
        for d, doc in zip(data["documents"], STRIKE.documents, strict=True)
    }
    for item in data["events"] + data["quotes"]:
        for c in item["citations"]:
            assert texts[c["document"]][c["start"] : c["end"]] == c["text"]


def test_csv_has_a_row_per_item_with_its_sources(strike_db: Path, capsys) -> None:
    rows = list(csv.DictReader(io.StringIO(export(capsys, strike_db, "--format", "csv"))))
    assert [(r["kind"], r["id"], r["start"], r["end"]) for r in rows] == [
        ("event", "e1", "2014-01-01", "2024-03-04"),
        ("event", "e2", "2024-03-03", "2024-03-03"),
        ("event", "e3", "2024-03-10", "2024-03-10"),
        ("event", "e4", "2024-04-01", "2024-04-30"),
        ("quote", "q1", "", ""),
        ("quote", "q2", "2024-03-10", "2024-03-10"),
    ]
    assert rows[1]["actors"] == "José Álvarez; Water Workers Union"
    assert (
        rows[1]["sources"] == "/news/riverton-strike.txt[30:96]; /news/mayor-meets-union.txt[0:57]"
    )


# A strict reader for the Markdown timeline: every line is one of these, in this order.
_HEADING = re.compile(r"## (?P<label>.+)")
_EVENT = re.compile(r"- \*\*(?P<summary>(?:[^*\\]|\\.)+)\*\*(?: — (?P<actors>.+))?")
_CITATION = re.compile(
    r"  - \[(?P<n>\d+)\](?: “(?P<text>.*)”)? \(characters (?P<start>\d+)–(?P<end>\d+)\)"
)
_QUOTE = re.compile(r"- “(?P<text>.+)” — (?P<who>.+?)(?: \((?P<when>.+)\))?")
_SOURCE = re.compile(r"(?P<n>\d+)\. (?P<source>.+)")
_ESCAPE = re.compile(r"\\(.)")


def read_markdown(text: str) -> dict[str, list]:
    """The timeline's sections: date headings with events (and their citations), quotes,
    sources. Raises AssertionError on any line it does not expect."""
    lines = text.split("\n")
    assert lines[:2] == ["# Timeline", ""] and lines[-1] == ""
    sections: dict[str, list] = {}
    current: list | None = None
    item: dict | None = None
    for line in lines[2:-1]:
        if not line:
            continue
        if m := _HEADING.fullmatch(line):
            current = sections.setdefault(m["label"], [])
        elif current is not None and (m := _EVENT.fullmatch(line)):
            item = {"summary": _ESCAPE.sub(r"\1", m["summary"]), "citations": []}
            current.append(item)
        elif current is not None and (m := _QUOTE.fullmatch(line)):
            item = {"quote": _ESCAPE.sub(r"\1", m["text"]), "who": m["who"], "citations": []}
            current.append(item)
        elif item is not None and (m := _CITATION.fullmatch(line)):
            text = _ESCAPE.sub(r"\1", m["text"]) if m["text"] else None
            item["citations"].append((int(m["n"]), text, int(m["start"]), int(m["end"])))
        elif current is not None and (m := _SOURCE.fullmatch(line)):
            current.append(m["source"])
        else:
            raise AssertionError(f"unexpected Markdown line: {line!r}")
    return sections


def test_markdown_is_a_cited_timeline(strike_db: Path, capsys) -> None:
    sections = read_markdown(export(capsys, strike_db, "--format", "markdown"))
    assert list(sections) == [
        "1 Jan 2014 – 4 Mar 2024",
        "3 Mar 2024",
        "10 Mar 2024",
        "Apr 2024",
        "Quotes",
        "Sources",
    ]
    [strike] = sections["3 Mar 2024"]
    assert strike["summary"] == "José Álvarez called a strike"
    assert strike["citations"] == [
        (1, EVENT_CITATIONS["e2"][0], 30, 96),
        (2, EVENT_CITATIONS["e2"][1], 0, 57),
    ]
    assert [q["quote"] for q in sections["Quotes"]] == [
        "We will not back down",
        "The city is listening",
    ]
    assert sections["Sources"][0].startswith(
        "*Riverton water workers strike*, Valley Courier, 2024-03-04"
    )


def test_timelinejs_json_is_valid(strike_db: Path, capsys) -> None:
    data = json.loads(export(capsys, strike_db, "--format", "timelinejs"))
    assert set(data) == {"title", "events"} and data["title"]["text"]["headline"]

    def day_of(d: dict) -> date:
        assert set(d) <= {"year", "month", "day"} and all(isinstance(v, int) for v in d.values())
        return date(d["year"], d.get("month", 1), d.get("day", 1))  # raises if impossible

    slides = data["events"]
    assert [s["unique_id"] for s in slides] == ["e1", "e2", "e3", "e4"]
    for slide in slides:
        assert set(slide) <= {
            "unique_id",
            "start_date",
            "end_date",
            "display_date",
            "text",
            "group",
        }
        start = day_of(slide["start_date"])
        if "end_date" in slide:
            assert day_of(slide["end_date"]) >= start
        assert slide["text"]["headline"] and "<blockquote>" in slide["text"]["text"]
        assert isinstance(slide["group"], str) and slide["group"]
    assert slides[3]["start_date"] == {"year": 2024, "month": 4} and "end_date" not in slides[3]
    assert slides[1]["group"] == "José Álvarez"


def test_ics_is_a_valid_calendar_of_all_day_events(strike_db: Path, capsys) -> None:
    text = export(capsys, strike_db, "--format", "ics", "--since", "2024-03-01")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    wanted = [e for e in STRIKE.events if e.date.first >= date(2024, 3, 1)]  # within --since
    assert len(events) == len(wanted)
    for vevent, event in zip(events, wanted, strict=True):
        assert vevent.decoded("DTSTART") == event.date.first
        assert vevent.decoded("DTEND") == event.date.last + timedelta(days=1)
        assert str(vevent["SUMMARY"]) == event.summary
        description = str(vevent["DESCRIPTION"])
        assert all(c.text in description for c in event.citations)
    assert len({str(v["UID"]) for v in events}) == len(events)


def test_export_to_a_file(strike_db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "timeline.md"
    assert export(capsys, strike_db, "--format", "markdown", "-o", str(target)) == ""
    assert read_markdown(target.read_text(encoding="utf-8"))["Quotes"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".timeline")] == []
