"""`export(index, fmt, where)`: the items a filter selects, in each format, as the CLI and the
browser both ask for them. The formats' own syntax is checked by real parsers in
tests/cli/test_export.py; these tests hold the API the callers rely on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from extract.model import CorpusDocument
from publish import EXPORT_FORMATS, export, to_markdown
from store import CorpusIndex, Filter, load_index
from tests.corpora import D1, STRIKE, store_corpus


@pytest.fixture
def index(strike_db: Path) -> CorpusIndex:
    return load_index(strike_db)


def test_formats_have_labels_and_file_suffixes_in_menu_order() -> None:
    assert {name: (f.label, f.suffix) for name, f in EXPORT_FORMATS.items()} == {
        "json": ("JSON", ".json"),
        "csv": ("CSV", ".csv"),
        "markdown": ("Markdown", ".md"),
        "timelinejs": ("TimelineJS", ".json"),
        "ics": ("iCalendar", ".ics"),
    }


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_follows_the_filter(index: CorpusIndex, fmt: str) -> None:
    def unfolded(where: Filter | None = None) -> str:
        return export(index, fmt, where).replace("\r\n ", "")  # iCalendar folds long lines

    everything, only_brandt = unfolded(), unfolded(Filter(actors=("a2",)))
    assert "Zoë Brandt met the union" in only_brandt
    assert "The strike ended" in everything and "The strike ended" not in only_brandt


def test_the_filtered_timeline_as_markdown_is_the_markdown_export(index: CorpusIndex) -> None:
    where = Filter(actors=("a1",))
    events, quotes = list(index.events(where)), list(index.quotes(where))
    text = to_markdown(index, events, quotes)
    assert text == export(index, "markdown", where)
    assert text.startswith("# Timeline\n\n## 3 Mar 2024\n\n- **José Álvarez called a strike**")
    assert "We will not back down" in text and "The city is listening" not in text


def test_an_unknown_format_is_refused(index: CorpusIndex) -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export(index, "pdf")


def test_markdown_sources_link_their_url_as_it_is(tmp_path: Path) -> None:
    # Backslash escapes do not work inside a Markdown autolink: the URL is percent-encoded.
    document = dataclasses.replace(D1, url="https://example.org/a_b (1)", title="#1 ![x]")
    corpus = dataclasses.replace(
        STRIKE, documents=(CorpusDocument("d1", document), *STRIKE.documents[1:])
    )
    store_corpus(tmp_path / "db.json", corpus)
    text = export(load_index(tmp_path / "db.json"), "markdown")
    assert (
        "1. *\\#1 \\!\\[x\\]*, Valley Courier, 2024-03-04, <https://example.org/a_b%20%281%29>, "
        "`/news/riverton-strike.txt`\n"
    ) in text
