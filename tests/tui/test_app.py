"""The browser driven through Pilot on small stored corpora: panes, evidence, keys, filters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual import events

from extract.model import Corpus, CorpusDocument, CorpusEvent, Document
from store import ActorCount, Filter
from tests.corpora import cite, day, store_corpus
from tui.app import ChronicleApp
from tui.screens import DateFilterScreen, DocumentScreen, HelpScreen, PickerScreen


async def test_timeline_groups_events_under_month_headings(drive, strike_db):
    async with drive(strike_db) as ui:
        lines = ui.lines("timeline")
    assert lines[:11] == [
        " January 2014",
        "  2014 – 2024     Wages have been frozen since 2014                  1",
        "                  Water Workers Union",
        " March 2024",
        "  3 Mar           José Álvarez called a strike                       2",
        "                  José Álvarez, Water Workers Union",
        "  10 Mar          Zoë Brandt met the union                           1",
        "                  Zoë Brandt, Water Workers Union",
        " April 2024",
        "▌ Apr             The strike ended                                   1",
        "▌",
    ]


async def test_actors_pane_lists_kind_and_counts_most_involved_first(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("2")
        lines = ui.lines("actors")[:3]
    assert [line.split() for line in lines] == [
        ["▌", "Water", "Workers", "Union", "organization", "3", "e", "0", "q"],
        ["José", "Álvarez", "person", "1", "e", "1", "q"],
        ["Zoë", "Brandt", "person", "Mayor", "1", "e", "1", "q"],
    ]


async def test_keys_typed_at_once_after_a_pane_switch_reach_the_new_pane(strike_db):
    app = ChronicleApp(strike_db)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = app.query_one("#timeline").cursor
        for key in ("2", "j"):  # as a terminal delivers two keys read at once: no wait between
            key_event = events.Key(key, key)
            key_event.set_sender(app)
            await app._post_message(key_event)
        await pilot.pause()
        assert app.pane == "actors"
        assert (app.query_one("#actors").cursor, app.query_one("#timeline").cursor) == (1, opened)


async def test_quotes_pane_shows_date_speaker_words_and_outlets(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("3")
        lines = ui.lines("quotes")[:4]
    assert lines == [
        "▌ by 4 Mar 2024   José Álvarez  “We will not back down”              1",
        "▌",
        "  10 Mar 2024     Zoë Brandt    “The city is listening”              1",
        "",
    ]


@pytest.mark.parametrize(
    "keys, pane",
    [
        ([], "timeline"),
        (["2"], "actors"),
        (["3"], "quotes"),
        (["3", "1"], "timeline"),
        (["tab"], "actors"),
        (["tab", "tab", "tab"], "timeline"),
    ],
)
async def test_keys_switch_panes(drive, strike_db, keys, pane):
    async with drive(strike_db) as ui:
        await ui.press(*keys)
        assert ui.app.pane == pane
        panes = ui.app.query_one("#panes")
        assert ui.app.focused is panes  # it keeps focus and hands the keys to the list in view
        in_view, _ = ui.app.screen.get_widget_at(*panes.region.center)
        assert in_view is ui.app.current_list is ui.app.query_one(f"#{pane}")


async def test_cursor_keys_move_through_the_timeline(drive, strike_db):
    async with drive(strike_db) as ui:
        timeline = ui.app.query_one("#timeline")
        await ui.press("g", "j", "down")  # it opens on the story (April): from the first event
        assert timeline.selected.id == "e3"
        await ui.press("k")
        assert timeline.selected.id == "e2"
        await ui.press("G")
        assert timeline.selected.id == "e4"
        await ui.press("g")
        assert timeline.selected.id == "e1"
        await ui.press("pagedown")
        assert timeline.selected.id == "e4"
        await ui.press("pageup")
        assert timeline.selected.id == "e1"


async def test_evidence_highlights_the_span_and_steps_through_outlets(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("g", "j")  # e2: reported by both documents
        evidence = ui.app.query_one("#evidence")
        first = evidence.render_text()
        cited = [
            first.plain[s.start : s.end] for s in first.spans if s.style == evidence._style("cited")
        ]
        assert cited == ["On 3 March 2024 José Álvarez called a strike at the water utility."]
        assert "1 of 2 · Valley Courier · 4 Mar 2024" in first.plain
        assert "Riverton water workers strike" in first.plain and "line 2" in first.plain
        await ui.press("right_square_bracket")
        second = evidence.render_text().plain
        assert "2 of 2" in second and "Mayor meets union" in second and "line 1" in second
        await ui.press("left_square_bracket")
        assert "1 of 2" in evidence.render_text().plain


async def test_evidence_longer_than_its_pane_loses_no_character(drive, seeds_db):
    """Wrapped once per item: the scrollbar that a long text brings must not cut line ends."""
    async with drive(seeds_db, size=(150, 40)) as ui:
        await ui.press("2")  # the most involved actor: more events than the pane has lines
        evidence = ui.app.query_one("#evidence")
        assert evidence.virtual_size.height > evidence.size.height
        shown = " ".join(ui.lines("evidence")).split()
        words = evidence.render_text().plain.split()
        assert shown == words[: len(shown)]


async def test_enter_on_an_actor_filters_everything_and_returns_to_the_timeline(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("2", "j", "enter")  # José Álvarez
        assert ui.app.where == Filter(actors=frozenset({"a1"}))
        assert ui.app.pane == "timeline"
        assert [e.id for e in ui.app.query_one("#timeline").items] == ["e2"]
        assert [q.id for q in ui.app.query_one("#quotes").items] == ["q1"]
        assert ui.app.query_one("#bar").chips == ("actor: José Álvarez",)
        await ui.counted()
        assert (
            ui.app.query_one("#bar").counts
            == "2 sources · 1 of 4 events · 1 of 2 quotes · 2 actors"
        )


async def test_search_narrows_as_you_type_and_esc_clears_it(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("slash")
        await ui.type("stri")
        assert [e.id for e in ui.app.query_one("#timeline").items] == ["e2", "e4"]
        await ui.type("ke ended")
        assert [e.id for e in ui.app.query_one("#timeline").items] == ["e4"]
        await ui.press("escape")
        assert ui.app.where == Filter()
        assert len(ui.app.query_one("#timeline").items) == 4


async def test_the_selection_stays_on_its_event_while_the_filters_still_list_it(drive, strike_db):
    async with drive(strike_db) as ui:
        timeline, evidence = ui.app.query_one("#timeline"), ui.app.query_one("#evidence")
        await ui.press("G")  # e4, the strike ended
        await ui.press("slash")
        await ui.type("stri")
        assert [e.id for e in timeline.items] == ["e2", "e4"]
        assert timeline.selected.id == "e4" and evidence.item.id == "e4"
        await ui.press("enter", "k", "slash")
        await ui.type("ke")  # the same matches: the row the reader moved to stays selected
        assert timeline.selected.id == "e2" and evidence.item.id == "e2"
        await ui.type(" ended")  # e2 is gone: back to the top, and the evidence follows
        assert [e.id for e in timeline.items] == ["e4"]
        assert timeline.selected.id == "e4" and evidence.item.id == "e4"
        await ui.press("enter", "x")
        assert len(timeline.items) == 4 and timeline.selected.id == "e4"
        assert "The strike ended" in evidence.render_text().plain


async def test_the_selection_is_kept_far_down_a_long_list(drive, tmp_path):
    """Found again by store position: anywhere in the list, not only among its first rows."""
    days = [date(2020, 1, 1) + timedelta(days=n) for n in range(600)]
    lines = [
        f"On {d} the council met ({'beta' if n % 2 else 'alpha'})." for n, d in enumerate(days)
    ]
    document = Document("/news/long.txt", "\n".join(lines))
    events = tuple(
        CorpusEvent(f"e{n}", str(d), day(str(d)), line, (), (cite("d1", document, line),))
        for n, (d, line) in enumerate(zip(days, lines, strict=True))
    )
    path = tmp_path / "long.json"
    store_corpus(path, Corpus(documents=(CorpusDocument("d1", document),), events=events))
    async with drive(path) as ui:
        timeline = ui.app.query_one("#timeline")
        await ui.press("G", "k")  # e598, an "alpha" event
        await ui.press("slash")
        await ui.type("alpha")
        assert len(timeline.items) == 300
        assert timeline.selected.id == "e598" and timeline.cursor == 299


async def test_actor_picker_matches_fuzzily(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("a")
        assert isinstance(ui.app.screen, PickerScreen)
        await ui.type("brnadt")
        await ui.press("enter")
        assert ui.app.where.actors == frozenset({"a2"})


@pytest.mark.parametrize(
    "typed, understood, since, until",
    [
        ("since mar 5 2024", "Understood: since 5 Mar 2024", date(2024, 3, 5), None),
        (
            "mar 1 2024 - mar 4 2024",
            "Understood: 1 Mar 2024 – 4 Mar 2024",
            date(2024, 3, 1),
            date(2024, 3, 4),
        ),
        (
            "last week of march 2024",
            "Understood: 25 Mar 2024 – 31 Mar 2024",
            date(2024, 3, 25),
            date(2024, 3, 31),
        ),
        ("before 2024-03-10", "Understood: until 9 Mar 2024", None, date(2024, 3, 9)),
    ],
)
async def test_date_filter_shows_the_interval_before_applying_it(
    drive, strike_db, typed, understood, since, until
):
    async with drive(strike_db) as ui:
        await ui.press("d")
        screen = ui.app.screen
        assert isinstance(screen, DateFilterScreen)
        await ui.type(typed)
        await screen.workers.wait_for_complete()
        await ui.settle()
        assert str(screen.query_one("#understood").render()).startswith(understood)
        assert ui.app.where == Filter()  # not applied yet
        await ui.press("enter")
        assert (ui.app.where.since, ui.app.where.until) == (since, until)


async def test_date_filter_says_when_it_cannot_read_the_text(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("d")
        await ui.type("blorp")
        await ui.app.screen.workers.wait_for_complete()
        await ui.settle()
        assert str(ui.app.screen.query_one("#understood").render()) == "Not a date I can read yet."
        await ui.press("escape")
        assert ui.app.where == Filter()


async def test_source_filter_keeps_what_one_document_reported(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("s")
        await ui.type("mayor meets")
        await ui.press("enter")
        assert ui.app.where.documents == frozenset({"d2"})
        assert [e.id for e in ui.app.query_one("#timeline").items] == ["e2", "e3"]
        assert ui.app.query_one("#bar").chips == ("source: Mayor meets union",)


async def test_esc_drops_the_last_filter_and_x_clears_them_all(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("2", "enter", "slash")
        await ui.type("strike")
        await ui.press("enter")
        assert ui.app.where == Filter(actors=frozenset({"a3"}), text="strike")
        await ui.press("escape")
        assert ui.app.where == Filter(actors=frozenset({"a3"}))
        await ui.press("slash")
        await ui.type("wages")
        await ui.press("enter", "x")
        assert ui.app.where == Filter()
        assert ui.app.query_one("#bar").chips == ()


async def test_no_results_say_which_filters_and_how_to_clear_them(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("2", "j", "enter", "slash")
        await ui.type("zzz")
        assert ui.lines("timeline")[0] == (
            " No events match actor: José Álvarez · “zzz” — x clears the filters"
        )
        assert ui.app.query_one("#evidence").render_text().plain == "Nothing selected."


async def test_empty_database_says_how_to_add_articles(drive, empty_db):
    async with drive(empty_db) as ui:
        message = " ".join(line.strip() for line in ui.lines("timeline") if line)
        await ui.press("y", "o", "2", "3")
        notes = ui.notes()
    assert message == (
        "The database is empty: add articles with `chronicle ingest PATH` "
        "(`chronicle` with no database opens the bundled seeds)."
    )
    assert notes == [
        "Select an event or a quote to copy its citation.",
        "Select an event or a quote to open its document.",
    ]


async def test_help_lists_every_key(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("question_mark")
        assert isinstance(ui.app.screen, HelpScreen)
        described = {b.key for _, bindings in ui.app.help_sections() for b in bindings}
        await ui.press("escape")
        assert not isinstance(ui.app.screen, HelpScreen)
    wanted = "1 2 3 tab y Y slash a d s x escape o left_square_bracket right_square_bracket"
    assert set(wanted.split()) | {"question_mark", "q", "ctrl+p", "enter", "j,down"} <= described


async def test_command_palette_offers_every_action(drive, strike_db):
    from textual.command import CommandPalette

    async with drive(strike_db) as ui:
        titles = {c.title for c in ui.app.get_system_commands(ui.app.screen)}
        await ui.press("ctrl+p")
        assert isinstance(ui.app.screen, CommandPalette)
        await ui.type("clear all")
        await ui.press("enter")
        assert not isinstance(ui.app.screen, CommandPalette)
    assert {
        "Copy the selected item's citation",
        "Choose the citation format (remembered)",
        "Search as you type",
        "Filter by an actor (fuzzy picker)",
        "Filter by dates typed as words",
        "Filter by a source document",
        "Clear all filters",
        "Open the document at the cited span",
        "Next citation (other outlets)",
        "Show every key",
    } <= titles


async def test_o_opens_the_document_scrolled_to_the_span(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("G", "o")
        screen = ui.app.screen
        assert isinstance(screen, DocumentScreen)
        cited = screen.query_one("#line-3")
        text = cited.render()
        assert [text.plain[s.start : s.end] for s in text.spans] == [
            "The strike ended in April 2024."
        ]
        await ui.press("escape")
        assert not isinstance(ui.app.screen, DocumentScreen)


async def test_narrow_terminal_puts_the_evidence_under_the_list(drive, strike_db):
    async with drive(strike_db, size=(80, 24)) as ui:
        lists, evidence = ui.app.query_one("#lists"), ui.app.query_one("#evidence")
        assert evidence.region.y >= lists.region.bottom
        assert evidence.region.width == lists.region.width
        await ui.pilot.resize_terminal(120, 40)  # and back beside it when the terminal widens
        await ui.settle()
        assert evidence.region.x >= lists.region.right
        assert evidence.region.y == lists.region.y


async def test_untrusted_text_is_never_markup_or_control_sequences(drive, hostile_db):
    async with drive(hostile_db) as ui:
        timeline = "\n".join(ui.lines("timeline"))
        evidence = ui.app.query_one("#evidence").render_text().plain
        await ui.press("3")
        quotes = "\n".join(ui.lines("quotes"))
        screenshot = ui.app.export_screenshot()
    assert "[bold red]the council[/bold red] voted" in timeline
    assert "[red]Council[/red]" in timeline
    assert "[link=file:///etc/passwd]x[/link]" in evidence and "\x1b" not in evidence
    assert "“[link=file:///etc/passwd]x[/link…" in quotes
    assert "\x1b" not in timeline + quotes
    assert "file:///etc/passwd" not in screenshot.replace("[link=file:///etc/passwd]", "")


def test_list_items_are_store_records(strike_db):
    """The panes hold the store's lazy records: nothing is copied per row."""
    from store import load_index

    index = load_index(strike_db)
    assert isinstance(index.events()[0], CorpusEvent)
    assert isinstance(index.actor_counts()[0], ActorCount)


async def test_loading_runs_in_a_worker_and_keys_answer_meanwhile(strike_db, monkeypatch):
    import threading

    import tui.app
    from store import load_index

    release = threading.Event()

    def slow_load(path):
        release.wait(10)
        return load_index(path)

    monkeypatch.setattr(tui.app, "load_index", slow_load)
    app = ChronicleApp(strike_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.query_one("#lists").loading
        assert app.query_one("#bar").counts == "loading…"
        await pilot.press("question_mark")  # the event loop is free while the worker reads
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.query_one("#lists").loading
        assert len(app.query_one("#timeline").items) == 4


async def test_a_damaged_database_is_reported_not_raised(tmp_path, drive):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    async with drive(path) as ui:
        notes = ui.notes()
        loading = ui.app.query_one("#lists").loading
        counts = ui.app.query_one("#bar").counts
        shown = " ".join(line.strip() for line in ui.lines("timeline") if line)
    assert len(notes) == 1 and "broken.json is damaged" in notes[0]
    assert shown.startswith("the database") and "is damaged" in shown
    assert not loading and counts == "not loaded"  # not "loading…" for ever
