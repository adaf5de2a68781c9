"""Generalisation: articles on other topics and in other styles than the seeds, with hand-made
gold (tests/extract/articles/gold.json, SCHEMA.md format) and an HTML page with expected records."""

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from extract.pipeline import extract_document, merge
from extract.serialize import corpus_to_dict
from tests.shared import shared

ARTICLES = Path(__file__).parent / "articles"
GOLD = json.loads((ARTICLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus() -> dict:
    files = sorted(ARTICLES.glob("*.txt"))
    return corpus_to_dict(merge([extract_document(str(p), p.read_bytes()) for p in files]))


def _actor(corpus: dict, actor_id: str | None) -> dict | None:
    return next((a for a in corpus["actors"] if a["id"] == actor_id), None)


def _located(corpus: dict, section: str, file: str, text: str) -> list[dict]:
    """Predicted items of `section` whose citation in `file` overlaps the gold `text`."""
    doc = next(d["id"] for d in corpus["documents"] if d["path"].endswith(file))
    body = (ARTICLES / file).read_text(encoding="utf-8")
    start = body.find(text)
    end = start + len(text)
    return [
        item
        for item in corpus[section]
        for c in item["citations"]
        if c["document"] == doc and c["start"] < end and start < c["end"]
    ]


@pytest.mark.parametrize("gold", GOLD["documents"], ids=lambda d: d["file"])
def test_document_metadata(corpus, gold):
    predicted = next(d for d in corpus["documents"] if d["path"].endswith(gold["file"]))
    assert predicted["published"] == gold["published"]
    assert predicted["url"] == gold["url"]


@pytest.mark.parametrize(
    "file, words, speaker",
    [
        ("wire_quotes.txt", "We are not against the future", "Jan Verbruggen"),  # "...," X said.
        ("wire_quotes.txt", "We have offered job guarantees", "Marleen Goossens"),
        ("wire_quotes.txt", "as much as 30 million euros a day,", "Sunita Raghavan"),
        ("chronology.txt", "a masterclass in value destruction", "Conor Whelan"),
        ("liveblog.txt", "It looked like the sky was on fire,", "Guðrún Björk Ólafsdóttir"),
        ("feature_curly.txt", "People come in for one record", "Chiamaka Okafor"),
        ("feature_curly.txt", "You can’t skip a side,", "Daniel Mensah"),  # he added
        ("social_embed.txt", "We share the Commission's goal", "Daniel Park"),  # embedded post
        ("social_embed.txt", "Finally. Loopr knew", "Sanne de Vries"),
    ],
)
def test_quotes_and_their_speakers(corpus, file, words, speaker):
    quote = _located(corpus, "quotes", file, words)[0]
    assert _actor(corpus, quote["speaker"])["name"] == speaker


@pytest.mark.parametrize(
    "file, evidence, start, end",
    [
        ("wire_quotes.txt", "The 48-hour stoppage", "2019-01-01", "2024-03-14"),  # since 2019
        ("wire_quotes.txt", "Belgian Economy Minister Pieter De Smet", "2024-03-04", "2024-03-10"),
        ("wire_quotes.txt", "Port workers in Hamburg", "2024-03-01", "2024-03-13"),
        ("chronology.txt", "Summer 2022:", "2022-06-01", "2022-08-31"),
        ("chronology.txt", "Q3 2024", "2024-07-01", "2024-09-30"),
        ("chronology.txt", "Mid-June 2024", "2024-06-11", "2024-06-20"),
        ("chronology.txt", "Jan. 21-22, 2025", "2025-01-21", "2025-01-22"),
        ("liveblog.txt", "The eruption began shortly before midnight", "2025-06-11", "2025-06-11"),
        ("feature_curly.txt", "Between 2019 and 2021", "2019-01-01", "2021-12-31"),
        ("feature_curly.txt", "Next spring", "2026-03-01", "2026-05-31"),
        ("social_embed.txt", "Harlan, a Republican from Texas", "2026-02-23", "2026-03-01"),
    ],
)
def test_event_dates(corpus, file, evidence, start, end):
    events = _located(corpus, "events", file, evidence)
    assert events, f"no event at {evidence!r}"
    assert (events[0]["date"]["start"], events[0]["date"]["end"]) == (start, end)


def test_html_page_metadata_quotes_and_dates():
    expected = json.loads((ARTICLES / "page.expected.json").read_text(encoding="utf-8"))
    page = ARTICLES / "page.html"
    extraction = extract_document(str(page), page.read_bytes())
    doc = extraction.document
    assert (doc.title, doc.publisher, doc.published, doc.url) == (
        expected["title"],
        expected["publisher"],
        date.fromisoformat(expected["published"]),
        expected["url"],
    )
    names = {a.key: a.name for a in extraction.actors}
    quotes = [(q.text, names.get(q.speaker)) for q in extraction.quotes]
    assert quotes == [(q["text"], q["speaker"]) for q in expected["quotes"]]
    dates = {
        (e.date.interval.first.isoformat(), e.date.interval.last.isoformat())
        for e in extraction.events
    }
    assert dates == {(d["start"], d["end"]) for d in expected["event_dates"]}


def test_scores_on_unseen_styles(corpus):
    sys.path.insert(0, str(shared("eval/score.py").parent))
    import score

    texts = {
        d["file"]: (ARTICLES / d["file"]).read_text(encoding="utf-8") for d in GOLD["documents"]
    }
    figures = score.score(GOLD, texts, corpus)
    print(score.render_table(figures))
    assert figures["quotes"]["f1"] >= 0.95
    assert figures["quotes"]["speaker_accuracy"] >= 0.85
    assert figures["events"]["f1"] >= 0.90
    assert figures["events"]["date_accuracy"] >= 0.90
    assert figures["actors"]["persons"]["f1"] >= 0.95
    assert figures["citations"]["text_mismatches"] == 0
