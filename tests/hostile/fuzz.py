"""Generated and mutated articles, and the invariants every one must keep; the hypothesis tests
and bench/hardening.py both run them. `CASES` counts the inputs checked in this process."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from extract.display import printable
from extract.model import Citation, CorpusDocument, CorpusEvent, CorpusQuote
from extract.pipeline import extract_document
from extract.reading import UnreadableText
from publish import CITATION_FORMATS, format_citation
from store import parse_span
from tui.screens.date_filter import read_interval

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CASES: Counter[str] = Counter()
TODAY = date(2025, 11, 25)
# Any C0 or C1 control but a newline, and DEL: nothing rendered or copied may hold one.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

_WORDS = st.sampled_from(
    "the council mayor said on Monday March 3, 2024 “ ” \" ' — - said: according to Dr. "
    "late November 2025 last week 2019–2021 Q3 2024 early spring (AP) @handle https://x.y/z "
    "[bold] [/] \x1b[31m \x1b]52;c;aGk=\x07 \u202e \u200b \u00a0 \t \r\n \n\n é ß 日本 🐟 < > &amp;"
    " <p> </div> Ms Ana Ruiz Acme Corp. Ltd United Nations Kenya Kenyan Nairobi".split(" ")
)
ARTICLES = st.lists(st.one_of(_WORDS, st.text(max_size=12)), min_size=0, max_size=120).map(" ".join)
SEED_BYTES = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
DATE_WORDS = st.lists(
    st.one_of(
        st.sampled_from(
            "since from after before until to between and - – nov november 20 2025 2025-11-20 "
            "late early mid last first week of yesterday today 31 feb 1999 0 9999 ,".split()
        ),
        st.text(max_size=6),
    ),
    max_size=8,
).map(" ".join)


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    """A seed article with a few byte-level edits: cut, duplicated, overwritten, inserted."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(("cut", "dup", "write", "insert")))
        length = draw(st.integers(0, 200))
        if edit == "cut":
            del data[at : at + length]
        elif edit == "dup":
            data[at:at] = data[at : at + length]
        else:
            junk = draw(st.binary(max_size=16))
            data[at : at + (len(junk) if edit == "write" else 0)] = junk
    return bytes(data)


def check_extraction(name: str, data: bytes) -> None:
    """No exception but UnreadableText; every record's text is the document's text at its span;
    every citation format of every record is exact and free of control characters."""
    CASES["extractor"] += 1
    try:
        result = extract_document(name, data)
    except UnreadableText:
        return
    text = result.document.text
    document = CorpusDocument("d1", result.document)
    for record in (*result.events, *result.quotes):
        assert text[record.span.start : record.span.end] == record.text
        citation = Citation("d1", record.span, record.text)
        if hasattr(record, "summary"):
            assert record.date.interval.first <= record.date.interval.last
            item = CorpusEvent("e1", record.date.text, record.date.interval, record.summary)
        else:
            item = CorpusQuote("q1", record.text, None, record.date)
        for fmt in CITATION_FORMATS:
            check_citation(fmt, item, citation, document)
    for actor in result.actors:
        for span in actor.mentions:
            assert 0 <= span.start < span.end <= len(text)


def check_citation(fmt, item, citation, document) -> None:
    CASES["citations"] += 1
    out = format_citation(fmt, item, citation, document, speaker="Ana \x1b[2J Ruiz")
    assert not CONTROL.search(out), (fmt, out)
    assert f"{citation.span.start}" in out and f"{citation.span.end}" in out
    if fmt == "plain":
        assert " ".join(printable(citation.text).split()) in out


def check_dates(text: str) -> None:
    """parse_span and read_interval: a ValueError, or days in order."""
    CASES["date filters"] += 1
    try:
        first, last = parse_span(text, today=TODAY)
    except (ValueError, OverflowError):
        pass
    else:
        assert first <= last, text
    try:
        since, until = read_interval(text, today=TODAY)
    except (ValueError, OverflowError):
        return
    assert since is not None or until is not None
    if since and until:
        assert since <= until, text


def check_printable(text: str) -> None:
    CASES["sanitiser"] += 1
    out = printable(text)
    assert not CONTROL.search(out.replace("\t", " ")), repr(out)
    assert "\x1b" not in out and "\u202e" not in out
    assert printable(out) == out
