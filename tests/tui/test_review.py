"""The review pane (`r`): the extractor's least sure speakers, dates and actors first; `A` accepts
one, `u` undoes that, Enter goes to the item in its own pane, and a correction there also takes
it out of the queue."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from extract.pipeline import extract_text
from store import open_database
from store.corpus import corrections, store_extracted
from tui.screens import HelpScreen, PickerScreen

GLASSWORKS = """Glassworks reopens in Varnby
Published May 9, 2025

The Varnby glassworks reopened on May 8, 2025, after a two-year closure.
“The furnaces are lit again,” said foreman Tilde Ask.
Orders from three breweries arrived on May 2, 2025.
"""
CHOIR = """Choir tours the coast
Published May 12, 2025

The Varnby choir began a coastal tour on May 10, 2025.
“We sing in [bold]every[/bold] harbour \x1b]52;c;aGk=\x07 town,” conductor Pia Lund said.
"""


def _unsure(text: str, path: str, quote: float, event: float):
    """The extraction of an invented article, its speakers and dates made unsure."""
    extraction = extract_text(path, text)
    return dataclasses.replace(
        extraction,
        quotes=tuple(dataclasses.replace(q, confidence=quote) for q in extraction.quotes),
        events=tuple(
            dataclasses.replace(e, confidence=event + n / 100)
            for n, e in enumerate(extraction.events)
        ),
    )


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "db.json"
    with open_database(db, write=True) as database:
        store_extracted(
            database,
            [
                _unsure(GLASSWORKS, "/news/glassworks.txt", quote=0.3, event=0.5),
                _unsure(CHOIR, "/news/choir.txt", quote=0.2, event=0.6),
            ],
            added="2025-05-13T00:00:00+00:00",
        )
    return db


def _stored(db: Path) -> list[str]:
    with open_database(db) as database:
        return [c.describe() for c, _ in corrections(database)]


async def test_r_lists_the_least_sure_first_with_the_cited_passage(drive, tmp_path):
    db = _database(tmp_path)
    async with drive(db) as ui:
        await ui.press("r")
        review = ui.app.query_one("#review")
        kinds = [(u.kind, round(u.confidence, 2)) for u in review.items]
        assert kinds[:2] == [("speaker", 0.2), ("speaker", 0.3)]
        assert [c for _, c in kinds] == sorted(c for _, c in kinds)
        assert {k for k, _ in kinds} >= {"speaker", "date"}
        lines = ui.lines("review")
        assert lines[0].split()[:3] == ["▌", "speaker", "0.20"]
        # article text shown as text: the markup is not read, the escape sequence is gone
        assert "“We sing in [bold]every[/bold] harbour town,”" in lines[0]
        assert lines[1].lstrip("▌ ") == "said by Pia Lund"
        assert "\x1b" not in "".join(lines)
        evidence = "\n".join(ui.lines("evidence"))
        assert "conductor Pia Lund said" in evidence
        tab = str(ui.app.query_one("#bar").render())
        assert f"r Review · {len(kinds)} below 0.80 · A accepts" in tab  # the key it needs


async def test_A_accepts_the_item_the_next_one_is_selected_and_u_brings_it_back(drive, tmp_path):
    db = _database(tmp_path)
    async with drive(db) as ui:
        await ui.press("r")
        review = ui.app.query_one("#review")
        count = len(review.items)
        first, second = review.items[0], review.items[1]
        await ui.press("A")
        await ui.until(lambda: len(review.items) == count - 1)
        assert review.entry.record.id == second.record.id  # the cursor stays on the next one
        assert _stored(db) == [f"{first.record.id}: accepted: spoken by Pia Lund"]
        await ui.press("u")
        await ui.until(lambda: len(review.items) == count)
        assert _stored(db) == []
        assert first.record.id in [u.record.id for u in review.items]


async def test_enter_goes_to_the_item_and_a_correction_there_takes_it_out_of_the_queue(
    drive, tmp_path
):
    db = _database(tmp_path)
    async with drive(db) as ui:
        app = ui.app
        await ui.press("r")
        review = app.query_one("#review")
        count = len(review.items)
        quote = review.entry.record
        await ui.press("enter")
        assert app.pane == "quotes"
        assert app.query_one("#quotes").selected.id == quote.id
        await ui.press("S")
        assert isinstance(app.screen, PickerScreen)
        await ui.type("nobody")
        await ui.press("enter")
        await ui.until(lambda: len(review.items) == count - 1)
        assert quote.id not in [u.record.id for u in review.items]
        assert app.query_one("#quotes").selected.confidence == 1.0
        await ui.press("r")
        date = next(n for n, u in enumerate(review.items) if u.kind == "date")
        review.cursor = date
        event = review.entry.record
        await ui.press("enter")
        assert (app.pane, app.query_one("#timeline").selected.id) == ("timeline", event.id)


async def test_the_correction_keys_work_in_the_queue_too(drive, tmp_path):
    db = _database(tmp_path)
    async with drive(db) as ui:
        await ui.press("r")
        review = ui.app.query_one("#review")
        count = len(review.items)
        review.cursor = 1  # the glassworks quote, which the extractor gives nobody
        quote = review.entry.record
        await ui.press("S")
        await ui.type("pia lund")
        await ui.press("enter")
        await ui.until(lambda: len(review.items) == count - 1)
        assert _stored(db) == [f"{quote.id}: spoken by Pia Lund"]
        assert review.cursor == 1  # on the next one


async def test_help_and_palette_list_the_review_keys(drive, tmp_path):
    db = _database(tmp_path)
    async with drive(db) as ui:
        sections = dict(ui.app.help_sections())
        keys = {b.key for _, bindings in sections.items() for b in bindings}
        assert {"r", "A", "u", "U"} <= keys
        titles = {c.title for c in ui.app.get_system_commands(ui.app.screen)}
        assert any(t.startswith("Review: the speakers") for t in titles)
        assert any(t.startswith("Review: accept") for t in titles)
        await ui.press("question_mark")
        assert isinstance(ui.app.screen, HelpScreen)


async def test_an_empty_queue_says_so_and_A_elsewhere_says_where_it_works(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("A")
        assert ui.notes()[-1] == "A accepts an item of the review queue: r shows it"
        await ui.press("r")
        assert "Nothing to review" in ui.lines("review")[0]
        await ui.press("A")  # nothing selected: nothing happens
        await ui.press("tab")
        assert ui.app.pane == "timeline"
