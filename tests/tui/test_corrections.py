"""Corrections made in the browser, one key each on the selected item: written to the database,
shown at once, and undone with `u`."""

from __future__ import annotations

from pathlib import Path

from store import ingest, open_database
from store.corpus import corrections
from tests.corpora import write
from tui.screens import PickerScreen

PILOTS = """Harbour pilots back at work
Published March 15, 2024

On March 14, 2024, harbour pilots returned to work after chief pilot Ilse Vark met the port board.
“We will sail again tonight,” Ilse Vark said.
"""


def _stored(db: Path) -> list[str]:
    with open_database(db) as database:
        return [c.describe() for c, _ in corrections(database)]


def _database(tmp_path: Path, articles: Path) -> Path:
    write(articles, "pilots.txt", PILOTS)
    db = tmp_path / "db.json"
    with open_database(db, write=True) as database:
        ingest(database, [articles])
    return db


async def test_an_event_marked_as_none_goes_and_z_brings_it_back(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        timeline = ui.app.query_one("#timeline")
        count = len(timeline.items)
        cargo = next(n for n, e in enumerate(timeline.items) if "cargo" in e.summary)
        timeline.cursor = cargo
        event = timeline.selected
        await ui.press("X")
        await ui.until(lambda: len(timeline.items) == count - 1)
        assert event.id not in [e.id for e in timeline.items]
        assert _stored(db) == [f"{event.id}: not an event"]
        assert any(n.startswith(f"Corrected: {event.id}: not an event") for n in ui.notes())

        await ui.press("u")
        await ui.until(lambda: len(timeline.items) == count)
        assert _stored(db) == []
        assert event.id in [e.id for e in timeline.items]


async def test_a_quote_gets_another_speaker_or_nobody(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        app = ui.app
        await ui.press("3")
        quotes = app.query_one("#quotes")
        quotes.cursor = next(n for n, q in enumerate(quotes.items) if "offer" in q.text)
        quote = quotes.selected
        vark = app.index.find_actors("Ilse Vark")[0]
        await ui.press("S")
        assert isinstance(app.screen, PickerScreen)
        await ui.type("ilse vark")
        await ui.press("enter")
        await ui.until(lambda: quotes.selected.speaker != quote.speaker)
        assert app.index.actor(quotes.selected.speaker).name == vark.name

        await ui.press("S")
        await ui.type("nobody")
        await ui.press("enter")
        await ui.until(lambda: quotes.selected.speaker is None)
        assert _stored(db) == [f"{quote.id}: spoken by Ilse Vark", f"{quote.id}: spoken by nobody"]


async def test_an_actor_merged_into_another_hands_over_its_quotes(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        app = ui.app
        await ui.press("2")
        actors = app.query_one("#actors")
        actors.cursor = next(
            n for n, c in enumerate(actors.items) if c.actor.name == "Marta Jansen"
        )
        await ui.press("m")
        await ui.type("ilse")
        await ui.press("enter")
        await ui.until(lambda: all(c.actor.name != "Marta Jansen" for c in actors.items))
        (vark,) = app.index.find_actors("Ilse Vark")
        assert "Marta Jansen" in vark.aliases
        assert {q.speaker for q in app.index.quotes()} == {vark.id}


async def test_correction_keys_say_what_they_need_on_the_wrong_pane(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        await ui.press("S")  # on the timeline: no quote selected
        await ui.press("m")
        await ui.press("2", "X")  # on the actors: no event or quote
        assert ui.notes()[-3:] == [
            "Choose a quote first (3: quotes)",
            "Choose an actor first (2: actors)",
            "Choose an event or a quote first",
        ]
        await ui.press("u")
        await ui.settle()
        assert ui.notes()[-1] == "No correction to undo"


async def test_an_event_is_redated_through_the_date_prompt(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        timeline = ui.app.query_one("#timeline")
        timeline.cursor = next(n for n, e in enumerate(timeline.items) if "cargo" in e.summary)
        event = timeline.selected
        await ui.press("E")
        await ui.type("20 March 2024")
        await ui.press("enter")
        await ui.until(lambda: str(timeline.selected.date.first) == "2024-03-20")
        assert timeline.selected.id == event.id
        assert _stored(db) == [f"{event.id}: dated 2024-03-20"]


async def test_an_actor_is_renamed_and_given_another_kind(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        app = ui.app
        await ui.press("2")
        actors = app.query_one("#actors")
        actors.cursor = next(n for n, c in enumerate(actors.items) if c.actor.name == "Ilse Vark")
        await ui.press("R")
        await ui.press(*["backspace"] * len("Ilse Vark"))
        await ui.type("Ilse Vark-Olsen")
        await ui.press("enter")
        await ui.until(lambda: bool(app.index.find_actors("Ilse Vark-Olsen")))
        assert actors.selected.actor.name == "Ilse Vark-Olsen"
        await ui.press("K")
        await ui.type("organization")
        await ui.press("enter")
        await ui.until(lambda: actors.selected.actor.kind == "organization")
        assert _stored(db) == [
            "Ilse Vark: renamed Ilse Vark-Olsen",
            "Ilse Vark-Olsen: is an organization",
        ]


async def test_the_corrections_list_removes_the_one_chosen(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        timeline = ui.app.query_one("#timeline")
        count = len(timeline.items)
        await ui.press("X")
        await ui.until(lambda: len(timeline.items) == count - 1)
        await ui.press("X")
        await ui.until(lambda: len(timeline.items) == count - 2)
        _, second = _stored(db)
        await ui.press("C")
        assert isinstance(ui.app.screen, PickerScreen)
        await ui.press("enter")  # the first made
        await ui.until(lambda: len(timeline.items) == count - 1)
        assert _stored(db) == [second]


async def test_the_selected_items_document_gets_a_title_and_a_date(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        app = ui.app
        timeline = app.query_one("#timeline")
        timeline.cursor = next(n for n, e in enumerate(timeline.items) if "cargo" in e.summary)
        doc_id = timeline.selected.citations[0].document
        await ui.press("P")
        await ui.type("title")
        await ui.press("enter")
        await ui.press("ctrl+a", "ctrl+k")  # the line starts with the title found: replace it
        await ui.type("Cargo piles up")
        await ui.press("enter")
        await ui.until(lambda: app.index.document(doc_id).document.title == "Cargo piles up")
        await ui.press("P")
        await ui.type("date")
        await ui.press("enter")
        await ui.type("2024-03-20")
        await ui.press("enter")
        await ui.until(lambda: str(app.index.document(doc_id).document.published) == "2024-03-20")
        assert [text.split(": ", 1)[1] for text in _stored(db)] == [
            "titled Cargo piles up",
            "published 2024-03-20",
        ]


async def test_a_name_split_off_takes_its_articles_items_along(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        app = ui.app
        await ui.press("2")
        actors = app.query_one("#actors")

        def select(name: str) -> None:
            actors.cursor = next(n for n, c in enumerate(actors.items) if c.actor.name == name)

        select("Marta Jansen")
        await ui.press("m")
        await ui.type("ilse")
        await ui.press("enter")  # a wrong merge: two people as one
        await ui.until(lambda: all(c.actor.name != "Marta Jansen" for c in actors.items))
        select("Ilse Vark")
        await ui.press("V")
        await ui.type("marta")
        await ui.press("enter")
        await ui.until(lambda: any(c.actor.name == "Marta Jansen" for c in actors.items))
        (jansen,) = [a for a in app.index.actors() if a.name == "Marta Jansen"]
        offer = next(q for q in app.index.quotes() if "offer" in q.text)
        assert offer.speaker == jansen.id  # harbour.txt calls her by that name only
        assert _stored(db)[-1] == "Ilse Vark: Marta Jansen split off"


async def test_u_undoes_the_corrections_one_by_one_back_to_the_first(drive, tmp_path, articles):
    db = _database(tmp_path, articles)
    async with drive(db) as ui:
        timeline = ui.app.query_one("#timeline")
        count = len(timeline.items)
        for made in range(1, 3):
            await ui.press("X")
            await ui.until(lambda made=made: len(timeline.items) == count - made)
        assert any(n.startswith("Corrected: ") and n.endswith("(u undoes)") for n in ui.notes())
        first, _ = _stored(db)
        await ui.press("u")
        await ui.until(lambda: len(timeline.items) == count - 1)
        assert _stored(db) == [first]
        await ui.press("u")
        await ui.until(lambda: len(timeline.items) == count)
        assert _stored(db) == []
        await ui.press("u")
        await ui.settle()
        assert ui.notes()[-1] == "No correction to undo"
