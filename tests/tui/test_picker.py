"""The fuzzy picker ranks what the user typed literally before what merely resembles it."""

from __future__ import annotations

from datetime import date

from extract.model import Corpus, CorpusDocument, Document
from tests.corpora import store_corpus
from tui.screens import PickerScreen

# "Reuter Street" is the closest fuzzy match for "reuters"; the Reuters article only
# contains the word, in a long label that fuzzy scoring ranks lower.
OUTLETS = (
    ("Harbour Gazette", "Port reopens as dockers return to work", "harbour.txt"),
    (
        "Reuters",
        "Dockers end three-week strike after pay deal is agreed by both sides at the port",
        "wire.txt",
    ),
    ("Reuter Street", "Notes", "rs.txt"),
    ("The Truest Report", "Terse notes", "truest.txt"),
)
CORPUS = Corpus(
    documents=tuple(
        CorpusDocument(
            f"d{number}",
            Document(
                f"/news/{name}",
                f"{title}\nThe port was quiet.\n",
                title=title,
                publisher=outlet,
                published=date(2025, 11, number),
            ),
        )
        for number, (outlet, title, name) in enumerate(OUTLETS, start=1)
    )
)


async def test_source_picker_puts_a_substring_match_before_fuzzy_ones(drive, tmp_path):
    path = tmp_path / "outlets.json"
    store_corpus(path, CORPUS)
    async with drive(path) as ui:
        await ui.press("s")
        await ui.type("reuters")
        await ui.press("enter")
        assert ui.app.where.documents == frozenset({"d2"})


def test_exact_then_word_start_then_substring_then_fuzzy():
    picker = PickerScreen(
        "Pick",
        [
            ("fuzzy", "Nots"),
            ("inside", "Sportsnotes daily"),
            ("word", "Terse notes weekly"),
            ("field", "Valley Times · Notes · 2025-11-01"),
            ("exact", "notes"),
        ],
    )
    assert [key for key, _ in picker.matches("Notes")] == [
        "exact",
        "field",
        "word",
        "inside",
        "fuzzy",
    ]
    assert [key for key, _ in picker.matches("")] == [key for key, _ in picker.options]
