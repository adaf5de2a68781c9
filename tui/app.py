"""The chronicle browser: three panes over one `CorpusIndex`, an evidence pane and filters.

The app holds the state (the index, the active `Filter`, the pane) and hands it down; widgets
draw it and post messages up, except the search text and the list cursors, which the app
watches so that a key is answered in one frame. The database is read in a worker, never on
the event loop.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from extract.model import ActorKind, CorpusActor, CorpusEvent, CorpusQuote, Document
from store import ActorCount, CorpusIndex, Filter, Results, database_version, load_index
from store.corrections import DOCUMENT_DATE, DOCUMENT_OUTLET, DOCUMENT_TITLE
from store.review import REVIEW_BELOW, Unsure
from tui import correcting, sharing
from tui.collector import IDLE, IdleCollector
from tui.format import boundaries, change_summary, date_counts, describe, groups, one_line
from tui.messages import ActorsCounted, IndexLoaded
from tui.preferences import Preferences, rekeyed, with_ids
from tui.screens import (
    DateFilterScreen,
    DocumentScreen,
    HelpScreen,
    PathPromptScreen,
    PickerScreen,
    TextPromptScreen,
)
from tui.screens.date_filter import interval_label
from tui.widgets import (
    ActorsView,
    EvidencePane,
    FilterBar,
    ItemList,
    KeyFooter,
    Panes,
    QuotesView,
    ReviewView,
    SearchBar,
    TimelineView,
    TimeStrip,
)
from tui.widgets.filter_bar import PANES, REVIEW

# Below this many columns the evidence pane goes under the list and the footer is compact.
NARROW = 110
# Below this many columns the footer leaves out the command palette's key: the others all fit.
FOOTER_PALETTE = 90
# Seconds without a filter change before the actor counts are recomputed.
COUNT_DELAY = 0.2
# Seconds between looks at the database file for what other processes wrote.
FOLLOW_EVERY = 1.0
EMPTY_DATABASE = (
    "The database is empty: add articles with `chronicle ingest PATH` "
    "(`chronicle` with no database opens the bundled seeds)."
)
# The filter fields `esc` drops, one at a time, most recent first.
FIELDS: dict[str, dict[str, Any]] = {
    "actors": {"actors": frozenset()},
    "dates": {"since": None, "until": None},
    "text": {"text": ""},
    "documents": {"documents": frozenset()},
}


class ChronicleApp(App[None]):
    """`chronicle browse`: the database at `db_path`, or an already loaded `index`."""

    CSS_PATH = "app.tcss"
    TITLE = "chronicle"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_pane('timeline')", "Timeline pane", show=False),
        Binding("2", "show_pane('actors')", "Actors pane", show=False),
        Binding("3", "show_pane('quotes')", "Quotes pane", show=False),
        Binding(
            "r",
            "show_pane('review')",
            "Review: the speakers, dates and actors the extractor is least sure of, first",
            show=False,
        ),
        Binding("tab", "next_pane", "Next pane", show=False, priority=True),
        Binding("y", "copy", "copy", tooltip="Copy the selected item's citation"),
        Binding("Y", "choose_format", "format", tooltip="Choose the citation format (remembered)"),
        Binding("M", "copy_timeline", "Copy the filtered timeline as Markdown", show=False),
        Binding("e", "export", "Export the filtered view to a file", show=False),
        Binding("slash", "search", "search", tooltip="Search as you type"),
        Binding("a", "pick_actor", "actor", tooltip="Filter by an actor (fuzzy picker)"),
        Binding("d", "pick_dates", "date", tooltip="Filter by dates typed as words"),
        Binding("s", "pick_source", "source", tooltip="Filter by a source document"),
        Binding("x", "clear_filters", "clear", tooltip="Clear all filters"),
        Binding(
            "w",
            "toggle_overlapping",
            "Date filter: show or hide the events that only overlap it",
            show=False,
        ),
        Binding("escape", "drop_filter", "Drop the last filter", show=False),
        Binding("o", "open_document", "open", tooltip="Open the document at the cited span"),
        Binding("U", "open_url", "Open the source's web address in the web browser", show=False),
        Binding("left_square_bracket", "citation(-1)", "Previous citation", show=False),
        Binding("right_square_bracket", "citation(1)", "Next citation (other outlets)", show=False),
        Binding("X", "not_an_item", "Correct: the selected event or quote is none", show=False),
        Binding("S", "pick_speaker", "Correct: choose the selected quote's speaker", show=False),
        Binding("m", "merge_actor", "Correct: merge the selected actor into another", show=False),
        Binding("E", "date_event", "Correct: set the selected event's date", show=False),
        Binding("R", "rename_actor", "Correct: rename the selected actor", show=False),
        Binding("K", "actor_kind", "Correct: change the selected actor's kind", show=False),
        Binding(
            "V", "split_actor", "Correct: split one of its names off the selected actor", show=False
        ),
        Binding(
            "P",
            "correct_document",
            "Correct the selected item's document: its date, title or outlet",
            show=False,
        ),
        Binding(
            "u", "undo_correction", "Undo the last correction (again: the one before)", show=False
        ),
        Binding("C", "corrections", "Corrections: list them all, remove one", show=False),
        Binding("question_mark", "help", "help", tooltip="Show every key"),
        Binding("q", "quit", "quit", tooltip="Quit"),
    ]
    # Each with an id, for the settings' [keys] (tui.preferences).
    BINDINGS = with_ids(BINDINGS)

    # State, not drawing: `var`, so a change repaints only the widgets it reaches, never the
    # whole screen (a full repaint per search keystroke cost ~10 ms at 120×40).
    where: var[Filter] = var(Filter, init=False)
    pane: var[str] = var("timeline", init=False)
    citation_format: var[str] = var("plain")

    def __init__(
        self,
        db_path: Path,
        *,
        index: CorpusIndex | None = None,
        today: date | None = None,
        notices: Iterable[str] | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.notices = notices  # lines from a process working beside the browser (a watch)
        self.index = index
        self.today = today
        self.months: list[tuple[int, Hashable]] = []
        self._filter_order: list[str] = []
        self._count_timer: Timer | None = None
        self._all_actors: Sequence[ActorCount] = ()
        self._reloading = False
        self._collector = IdleCollector()
        # The version of the database file that could not be read again (damaged): not retried.
        self._unreadable: tuple[int, int, int] | None = None

    # --- layout and loading ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield FilterBar(id="bar")
        with Horizontal(id="body"):
            with Vertical(id="lists"), Panes(id="panes"):
                with Vertical(id="timeline-pane"):  # the strip scrolls away with it
                    yield TimeStrip(id="strip")
                    yield TimelineView(id="timeline")
                yield ActorsView(id="actors")
                yield QuotesView(id="quotes")
                yield ReviewView(id=REVIEW)
            yield EvidencePane(id="evidence")
        yield SearchBar(id="search")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The search text and the list cursors are watched rather than messaged: the app reacts
        # while the key is handled, so the typed letter or the moved cursor, the narrowed panes
        # and the evidence share one frame. A message would be read after that frame is drawn,
        # and Textual draws the next one up to two frame periods (33 ms) later.
        self.watch(self.query_one(SearchBar), "value", self._search_typed, init=False)
        for view in self.query(ItemList):
            self.watch(view, "cursor", partial(self._cursor_moved, view), init=False)
        self.watch(self.query_one(TimelineView), "cursor", self.query_one(TimeStrip).mark)
        self.query_one("#lists").loading = True
        self.query_one(Panes).focus()
        Preferences().attach(self)  # the citation format, theme and keys; saved as they change
        self._load()
        self.set_interval(FOLLOW_EVERY, self._look_for_writes)
        self._collector.start()
        self.set_interval(IDLE / 2, self._collector.tick)
        if self.notices is not None:
            # A thread of its own, not a worker: the app waits for its workers when it exits,
            # and these lines end only when the process writing them does, which the caller
            # stops once the app has exited (`chronicle browse --watch`).
            relay = threading.Thread(target=self._relay, args=(self.notices,), daemon=True)
            relay.start()

    def on_unmount(self) -> None:
        self._collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._collector.input_seen()
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: the app's own catches up only after the screens are resized.
        width = event.size.width
        narrow = width < NARROW
        self.query_one("#body").set_class(narrow, "-narrow")
        footer = self.query_one(KeyFooter)
        footer.compact = narrow
        # ctrl+p stays bound and `?` lists it; its footer key makes way for the others.
        palette = width >= FOOTER_PALETTE
        if footer.show_command_palette != palette:
            footer.show_command_palette = palette
            footer.refresh(recompose=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self) -> None:
        self.post_message(_indexed(self.index or load_index(self.db_path)))

    def _look_for_writes(self) -> None:
        """Read the database again, in a worker, when another process has written it."""
        index = self.index
        if index is None or self._reloading:
            return
        version = database_version(self.db_path)
        if version in (index.version, self._unreadable):
            return
        self._reloading = True
        self._reload()

    def _relay(self, lines: Iterable[str]) -> None:
        """Each line as a note, until the stream or the app ends (its text is the user's files'
        names)."""
        for line in lines:
            note = one_line(line)
            if not note:
                continue
            try:
                self.call_from_thread(self.notify, note, severity="warning", markup=False)
            except RuntimeError:  # the app has exited
                return

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload")
    def _reload(self) -> None:
        self.post_message(_indexed(load_index(self.db_path)))

    @on(IndexLoaded)
    def _loaded(self, message: IndexLoaded) -> None:
        previous = self.index if self.index is not message.index else None
        shown = (
            {
                view: view.selected
                for view in self.query(ItemList)
                if not isinstance(view, ReviewView)  # it keeps its own place (`_show_review`)
            }
            if previous
            else {}
        )
        self.index, self.months = message.index, list(message.months)
        self._all_actors = message.actors
        self._reloading = False
        evidence = self.query_one(EvidencePane)
        evidence.index = self.index
        names = self._actor_name
        self.query_one(TimelineView).actor_name = names
        quotes = self.query_one(QuotesView)
        quotes.actor_name = names
        quotes.reported = self._reported
        review = self.query_one(ReviewView)
        review.actor_name = names
        review.actor_count = self.index.actor_count
        self._show_review()
        self.query_one("#lists").loading = False
        if previous is None:
            self._apply(self.where)
            self.query_one(TimelineView).open_on_story()
            return
        where = self._same_actors(previous, self.where)
        self.set_reactive(ChronicleApp.where, where)
        self._apply(where, keep=False)
        for view, item in shown.items():
            if item is not None:
                view.cursor = self._place_of(item, view)
        evidence.item = self.current_list.selected
        summary = change_summary(
            previous.counts, self.index.counts, previous.fingerprints(), self.index.fingerprints()
        )
        if summary:
            self.notify(summary, title="database updated", markup=False)

    def _same_actors(self, previous: CorpusIndex, where: Filter) -> Filter:
        """`where` with its actors found again by name (a new read numbers them anew); an actor
        no longer there leaves the filter."""
        assert self.index is not None
        kept: set[str] = set()
        for actor_id in where.actors:
            name = previous.actor(actor_id).name
            kept.update(a.id for a in self.index.find_actors(name) if a.name == name)
        return dataclasses.replace(where, actors=frozenset(kept))

    def _place_of(self, item: Any, view: ItemList) -> int:
        """Where `item`, shown before the database was read again, is in `view` now: the same
        item, else its nearest neighbour in time (an actor: the same name, else the top)."""
        assert self.index is not None
        listed = view.items
        if isinstance(item, ActorCount):
            names = (count.actor.name for count in listed)
            return next((n for n, name in enumerate(names) if name == item.actor.name), 0)
        if not isinstance(listed, Results) or not listed:
            return 0
        position = self.index.locate(item)
        found = listed.index_of(position) if position is not None else None
        if found is None and item.date is not None:
            found = listed.days.first_on_or_after(item.date.first)
        return min(found or 0, len(listed) - 1)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            error = one_line(str(event.worker.error))
            self.query_one("#lists").loading = False
            if event.worker.group == "reload":  # the last read stays on screen
                self._reloading = False
                self._unreadable = database_version(self.db_path)
            if event.worker.group == "load":
                self.query_one(TimelineView).show((), message=error)
                self.query_one(FilterBar).counts = "not loaded"
            # The error names paths, which are the user's text: never read them as markup.
            self.notify(error, title="chronicle", severity="error", timeout=10, markup=False)

    # --- filters -------------------------------------------------------------------------

    def watch_where(self, where: Filter) -> None:
        if self.index is not None:
            self._apply(where)

    def _apply(self, where: Filter, *, keep: bool = True) -> None:
        """Redraw every pane for `where`, the cursors on their items (with `keep`); the actor
        counts follow from a worker."""
        index = self.index
        assert index is not None
        events, quotes = index.events(where), index.quotes(where)
        chips = describe(where, self._actor_name, self._document_name)
        bar = self.query_one(FilterBar)
        bar.chips = tuple(label for _, label in chips)
        totals = index.counts
        self.query_one(TimelineView).show(
            events,
            groups=groups(events.positions, self.months),
            message=self._empty("events", chips),
            keep=keep,
        )
        self.query_one(TimeStrip).show(events.days)
        bar.dates = self._date_counts(where, len(events))
        self.query_one(QuotesView).show(quotes, message=self._empty("quotes", chips), keep=keep)
        bar.counts = (
            f"{totals['documents']:,} sources · {_of(len(events), totals['events'])} events · "
            f"{_of(len(quotes), totals['quotes'])} quotes · "
            f"{format(totals['actors'], ',') if where.is_empty else '…'} actors"
        )
        if self._count_timer is not None:
            self._count_timer.stop()
        if where.is_empty:  # counted with the load: shown at once, so keys find the actors there
            self._show_actors(where, self._all_actors)
            return
        # Counting actors within a filter takes a while at scale and holds the GIL: wait until
        # the typing pauses, so keystrokes repaint at once.
        count = partial(self._count_actors, where, (events, quotes))
        self._count_timer = self.set_timer(COUNT_DELAY, count)

    @work(thread=True, exclusive=True, exit_on_error=False, group="counts")
    def _count_actors(
        self, where: Filter, matched: tuple[Results[CorpusEvent], Results[CorpusQuote]]
    ) -> None:
        assert self.index is not None
        counts = self.index.actor_counts(where, within=matched)
        if not where.is_empty:
            counts = [c for c in counts if c.events or c.quotes]
        self.post_message(ActorsCounted(where, counts))

    @on(ActorsCounted)
    def _counted(self, message: ActorsCounted) -> None:
        if message.where == self.where and self.index is not None:
            self._show_actors(message.where, message.counts)

    def _show_review(self) -> None:
        """The review queue of the index just read (built by the loading worker), the cursor on
        the item it was on or, that one gone, on the next."""
        assert self.index is not None
        queue = self.index.review()
        sure = f"{REVIEW_BELOW:.2f}"
        self.query_one(ReviewView).show(
            queue,
            message=f"Nothing to review: every speaker, date and actor is at least {sure} sure.",
            keep=True,
        )
        self.query_one(FilterBar).review = f"r Review · {len(queue):,} below {sure} · A accepts"

    def _show_actors(self, where: Filter, counts: Sequence[ActorCount]) -> None:
        chips = describe(where, self._actor_name, self._document_name)
        actors = self.query_one(ActorsView)
        actors.show(counts, message=self._empty("actors", chips), keep=True)
        bar = self.query_one(FilterBar)
        bar.counts = bar.counts.rsplit(" · ", 1)[0] + f" · {len(counts):,} actors"
        if self.pane == "actors":
            self.query_one(EvidencePane).item = actors.selected

    def _date_counts(self, where: Filter, shown: int) -> str:
        """With a date filter, the events within it and those that only overlap it."""
        if self.index is None or not (where.since or where.until):
            return ""
        other = len(
            self.index.events(dataclasses.replace(where, overlapping=not where.overlapping))
        )
        return date_counts(*sorted((shown, other)), shown=where.overlapping)

    def _empty(self, kind: str, chips: list[tuple[str, str]]) -> str:
        if self.index is not None and not self.index.counts["documents"]:
            return EMPTY_DATABASE
        if not chips:
            return f"No {kind} in the database."
        return f"No {kind} match {' · '.join(label for _, label in chips)} — x clears the filters"

    def narrow(self, field: str, **values: Any) -> None:
        """Set one filter field (empty values drop it) and remember the order for `esc`."""
        if field in self._filter_order:
            self._filter_order.remove(field)
        if any(values.values()):
            self._filter_order.append(field)
        self.where = dataclasses.replace(self.where, **values)

    def _actor_name(self, actor_id: str) -> str:
        assert self.index is not None
        return self.index.actor(actor_id).name

    def _reported(self, quote: CorpusQuote) -> date | None:
        assert self.index is not None
        first = quote.citations[0].document if quote.citations else None
        return self.index.document(first).document.published if first else None

    def _document_name(self, doc_id: str) -> str:
        assert self.index is not None
        doc = self.index.document(doc_id).document
        return one_line(doc.publisher or doc.title or Path(doc.path).name)

    # --- panes and selection -------------------------------------------------------------

    @property
    def current_list(self) -> ItemList:
        return self.query_one(f"#{self.pane}", ItemList)

    def watch_pane(self, pane: str) -> None:
        # `Panes` keeps focus and hands the list keys to the pane in view from now on: `2` then
        # `j` typed at once moves the actors' cursor, not the timeline's.
        self.query_one(Panes).current = pane
        self.query_one(FilterBar).pane = pane
        self.query_one(EvidencePane).item = self.current_list.selected

    def _cursor_moved(self, view: ItemList) -> None:
        if view is self.current_list:
            self.query_one(EvidencePane).item = view.selected

    @on(ItemList.Chosen)
    def _chosen(self, message: ItemList.Chosen) -> None:
        if isinstance(message.view, ReviewView):
            if message.view.entry is not None:
                self._go_to(message.view.entry)
        elif isinstance(message.item, ActorCount):
            self.narrow("actors", actors=frozenset({message.item.actor.id}))
            self.pane = "timeline"
        else:
            self.action_open_document()

    def action_show_pane(self, pane: str) -> None:
        self.pane = pane

    def action_next_pane(self) -> None:
        if not isinstance(self.screen, Screen) or len(self.screen_stack) > 1:
            self.screen.focus_next()
            return
        keys = [key for key, _ in PANES]
        # from the review queue (no tab of its own): back to the first pane
        self.pane = keys[(keys.index(self.pane) + 1) % len(keys) if self.pane in keys else 0]

    def _go_to(self, unsure: Unsure) -> None:
        """Show a queue's item in its own pane, selected (the filters cleared if they hide it),
        where the correction keys fix it as anywhere."""
        record = unsure.record
        view: ItemList
        if isinstance(record, CorpusActor):
            pane, view = "actors", self.query_one(ActorsView)
        elif isinstance(record, CorpusQuote):
            pane, view = "quotes", self.query_one(QuotesView)
        else:
            pane, view = "timeline", self.query_one(TimelineView)
        found = self._row_of(record, view)
        if found is None and not self.where.is_empty:
            self.action_clear_filters()
            self.notify("Filters cleared: they hid it.", timeout=3)
            found = self._row_of(record, view)
        if found is not None:
            view.cursor = found
        self.pane = pane

    def _row_of(
        self, record: CorpusActor | CorpusEvent | CorpusQuote, view: ItemList
    ) -> int | None:
        """Where `record` is listed in `view` now, if it is."""
        assert self.index is not None
        listed = view.items
        if isinstance(record, CorpusActor):
            rows = (n for n, count in enumerate(listed) if count.actor.id == record.id)
            return next(rows, None)
        position = self.index.locate(record)
        if position is None or not isinstance(listed, Results):
            return None
        return listed.index_of(position)

    @on(ReviewView.Accept)
    def _accept(self, message: ReviewView.Accept) -> None:
        record = message.unsure.record
        speaker = record.speaker if isinstance(record, CorpusQuote) else None
        name = self._actor_name(speaker) if speaker else None
        self._in_thread(partial(correcting.accept, self.db_path, message.unsure, name))

    def action_citation(self, delta: int) -> None:
        if not self.query_one(EvidencePane).move(delta):
            self.notify("Only one outlet reported this.", timeout=2)

    def action_open_document(self) -> None:
        evidence = self.query_one(EvidencePane)
        citation = evidence.citation
        if self.index is None or citation is None:
            self.notify("Select an event or a quote to open its document.", timeout=3)
            return
        self.push_screen(DocumentScreen(self.index.document(citation.document), citation))

    # --- search and filters --------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one(SearchBar)
        search.add_class("-open")
        search.focus()

    def _search_typed(self, value: str) -> None:
        if value != self.where.text:
            self.narrow("text", text=value)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        search = self.query_one(SearchBar)
        if not search.value:
            search.remove_class("-open")
        self.query_one(Panes).focus()

    def action_pick_actor(self) -> None:
        if self.index is None:
            return
        options = [
            (c.actor.id, f"{one_line(c.actor.name)} ({c.actor.kind}, {c.events} events)")
            for c in self.index.actor_counts()
        ]
        self.push_screen(PickerScreen("Filter by actor", options), self._actor_picked)

    def _actor_picked(self, actor_id: str | None) -> None:
        if actor_id:
            self.narrow("actors", actors=frozenset({actor_id}))

    def action_pick_dates(self) -> None:
        self.push_screen(DateFilterScreen(today=self.today), self._dates_picked)

    def _dates_picked(self, interval: tuple[date | None, date | None] | None) -> None:
        if interval:
            self.narrow("dates", since=interval[0], until=interval[1])
            self.notify(f"Dates: {interval_label(interval)}", timeout=2)

    def action_pick_source(self) -> None:
        if self.index is None:
            return
        options = []
        for source in self.index.sources():
            name = os.path.basename(source.path)  # thousands of them: no Path objects
            parts = (source.publisher, source.title, str(source.published or ""), name)
            options.append((source.id, " · ".join(one_line(p) for p in parts if p)))
        self.push_screen(PickerScreen("Filter by source", options), self._source_picked)

    def _source_picked(self, doc_id: str | None) -> None:
        if doc_id:
            self.narrow("documents", documents=frozenset({doc_id}))

    def action_toggle_overlapping(self) -> None:
        if not (self.where.since or self.where.until):
            self.notify("No date filter: d sets one.", timeout=2)
            return
        self.where = dataclasses.replace(self.where, overlapping=not self.where.overlapping)

    def action_clear_filters(self) -> None:
        self._filter_order.clear()
        self.where = Filter()
        self._close_search()

    def action_drop_filter(self) -> None:
        if not self._filter_order:
            return
        field = self._filter_order.pop()
        self.where = dataclasses.replace(self.where, **FIELDS[field])
        if field == "text":
            self._close_search()

    def _close_search(self) -> None:
        """Empty and hide the search line (after the filter: emptying it then changes nothing)."""
        search = self.query_one(SearchBar)
        search.value = ""
        search.remove_class("-open")

    # --- copy ----------------------------------------------------------------------------

    def action_copy(self) -> None:
        from publish import CITATION_FORMATS as FORMATS
        from publish import format_citation

        item = self.current_list.selected
        evidence = self.query_one(EvidencePane)
        citation = evidence.citation
        if self.index is None or not isinstance(item, CorpusEvent | CorpusQuote) or not citation:
            self.notify("Select an event or a quote to copy its citation.", timeout=3)
            return
        speaker = None
        if isinstance(item, CorpusQuote) and item.speaker:
            speaker = self.index.actor(item.speaker).name
        text = format_citation(
            self.citation_format,
            item,
            citation,
            self.index.document(citation.document),
            speaker=speaker,
        )
        label = FORMATS[self.citation_format]
        self._in_thread(partial(sharing.copy_citation, text, label, app=self))

    def action_choose_format(self) -> None:
        from publish import CITATION_FORMATS as FORMATS

        self.push_screen(
            PickerScreen(
                "Citation format for y", list(FORMATS.items()), selected=self.citation_format
            ),
            self._format_chosen,
        )

    def _format_chosen(self, key: str | None) -> None:
        if key:
            self.citation_format = key
            self.action_copy()

    # --- out of the app: export, the timeline as Markdown, the source's web page ----------

    def action_export(self) -> None:
        if self.index is not None:
            picker = PickerScreen("Export the filtered view as", sharing.export_choices())
            self.push_screen(picker, self._export_format_chosen)

    def _export_format_chosen(self, fmt: str | None) -> None:
        if fmt and self.is_web and self.index is not None:  # `chronicle serve`: a download
            self._in_thread(
                partial(sharing.deliver_export, self.index, fmt, self._shown(), app=self)
            )
        elif fmt:
            title = f"Export the filtered view as {sharing.EXPORT_FORMATS[fmt].label} to"
            prompt = PathPromptScreen(title, sharing.default_path(fmt))
            self.push_screen(prompt, partial(self._export_to, fmt))

    def _export_to(self, fmt: str, path: Path | None) -> None:
        if path is not None and self.index is not None:
            self._in_thread(partial(sharing.write_export, self.index, fmt, self._shown(), path))

    def action_copy_timeline(self) -> None:
        if self.index is not None:
            self._in_thread(partial(sharing.copy_timeline, self.index, self._shown(), app=self))

    def _shown(self) -> sharing.Items:
        """The events and quotes the filters select, selected here on the event loop (the
        index's caches are not for threads), for a worker to render."""
        assert self.index is not None
        return self.index.events(self.where), self.index.quotes(self.where)

    def action_open_url(self) -> None:
        citation = self.query_one(EvidencePane).citation
        if self.index is None or citation is None:
            self.notify("Select an event or a quote to open its source's web address.", timeout=3)
            return
        url = self.index.document(citation.document).document.url
        if problem := sharing.address_problem(url):
            self._tell(problem)
            return
        assert url is not None
        self.notify(f"Opening {one_line(url)}", timeout=3, markup=False)
        if self.is_web:  # `chronicle serve`: the user's browser, not one on the server
            self.open_url(url)
        else:
            self._in_thread(partial(sharing.open_in_browser, url))

    @work(thread=True, exit_on_error=False, group="sharing")
    def _in_thread(self, task: Callable[[], sharing.Notice | None]) -> None:
        """Run `task` (it writes, copies or starts a browser: it blocks) and show its notice;
        what it wrote to the database is read at once, not at the next look."""
        if notice := task():
            self.call_from_thread(self._tell, notice)
        self.call_from_thread(self._look_for_writes)

    def _tell(self, notice: sharing.Notice) -> None:
        self.notify(notice.message, severity=notice.severity, timeout=6, markup=False)

    # --- corrections -----------------------------------------------------------------------

    def action_not_an_item(self) -> None:
        item = self.current_list.selected
        if not isinstance(item, (CorpusEvent, CorpusQuote)):
            self.notify("Choose an event or a quote first", severity="warning", timeout=3)
            return
        self._in_thread(partial(correcting.not_an_item, self.db_path, item))

    def action_pick_speaker(self) -> None:
        quote = self.current_list.selected
        if self.index is None or not isinstance(quote, CorpusQuote):
            self.notify("Choose a quote first (3: quotes)", severity="warning", timeout=3)
            return
        options = [(correcting.NOBODY, "nobody: no one said it")] + [
            (c.actor.id, f"{one_line(c.actor.name)} ({c.actor.kind})")
            for c in self.index.actor_counts()
        ]
        self.push_screen(
            PickerScreen("Who said it?", options), partial(self._speaker_picked, quote)
        )

    def _speaker_picked(self, quote: CorpusQuote, key: str | None) -> None:
        if key is None or self.index is None:
            return
        name = None if key == correcting.NOBODY else self.index.actor(key).name
        self._in_thread(partial(correcting.speaker, self.db_path, quote, name))

    def action_merge_actor(self) -> None:
        actor = self._selected_actor()
        if self.index is None or actor is None:
            return
        options = [
            (c.actor.id, f"{one_line(c.actor.name)} ({c.actor.kind})")
            for c in self.index.actor_counts()
            if c.actor.id != actor.actor.id
        ]
        title = f"Merge {one_line(actor.actor.name)} into"
        self.push_screen(PickerScreen(title, options), partial(self._merge_picked, actor))

    def _merge_picked(self, actor: ActorCount, key: str | None) -> None:
        if key is not None and self.index is not None:
            into = self.index.actor(key).name
            self._in_thread(partial(correcting.merge, self.db_path, actor, into))

    def action_date_event(self) -> None:
        event = self.current_list.selected
        if not isinstance(event, CorpusEvent):
            self.notify("Choose an event first (1: timeline)", severity="warning", timeout=3)
            return
        prompt = "When did it happen? (a day, a month, a range...)"
        screen = DateFilterScreen(today=self.today, prompt=prompt)
        self.push_screen(screen, partial(self._event_dated, event))

    def _event_dated(
        self, event: CorpusEvent, interval: tuple[date | None, date | None] | None
    ) -> None:
        if interval is None or interval == (None, None):
            return
        first, last = interval[0] or interval[1], interval[1] or interval[0]
        assert first is not None and last is not None
        self._in_thread(partial(correcting.event_date, self.db_path, event, first, last))

    def action_rename_actor(self) -> None:
        actor = self._selected_actor()
        if actor is not None:
            prompt = TextPromptScreen(f"Rename {actor.actor.name} to", actor.actor.name)
            self.push_screen(prompt, partial(self._renamed, actor))

    def _renamed(self, actor: ActorCount, name: str | None) -> None:
        if name and name != actor.actor.name:
            self._in_thread(partial(correcting.rename, self.db_path, actor, name))

    def action_actor_kind(self) -> None:
        actor = self._selected_actor()
        if actor is not None:
            kinds = [(kind.value, kind.value) for kind in ActorKind]
            screen = PickerScreen(f"{actor.actor.name} is a", kinds, selected=actor.actor.kind)
            self.push_screen(screen, partial(self._kind_picked, actor))

    def _kind_picked(self, actor: ActorCount, value: str | None) -> None:
        if value and value != actor.actor.kind:
            self._in_thread(partial(correcting.kind, self.db_path, actor, value))

    def action_split_actor(self) -> None:
        actor = self._selected_actor()
        if actor is None:
            return
        names = list(dict.fromkeys((actor.actor.name, *actor.actor.aliases)))
        if len(names) < 2:
            self.notify(f"{one_line(actor.actor.name)} has one name only", timeout=3)
            return
        options = [(name, one_line(name)) for name in names]
        title = f"Split off {one_line(actor.actor.name)}: which name is another actor?"
        self.push_screen(PickerScreen(title, options), partial(self._split_picked, actor))

    def _split_picked(self, actor: ActorCount, name: str | None) -> None:
        if name:
            self._in_thread(partial(correcting.split, self.db_path, actor, name))

    def _selected_actor(self) -> ActorCount | None:
        actor = self.current_list.selected
        if isinstance(actor, ActorCount):
            return actor
        self.notify("Choose an actor first (2: actors)", severity="warning", timeout=3)
        return None

    def action_correct_document(self) -> None:
        item = self.current_list.selected
        if self.index is None or not isinstance(item, (CorpusEvent, CorpusQuote)):
            self.notify("Choose an event or a quote first", severity="warning", timeout=3)
            return
        document = self.index.document(item.citations[0].document).document
        fields = [
            (DOCUMENT_DATE, f"date · {document.published or 'unknown'}"),
            (DOCUMENT_TITLE, f"title · {one_line(document.title or '')}"),
            (DOCUMENT_OUTLET, f"outlet · {one_line(document.publisher or '')}"),
        ]
        title = f"Correct {one_line(Path(document.path).name)}: which field?"
        self.push_screen(PickerScreen(title, fields), partial(self._document_field, document))

    def _document_field(self, document: Document, kind: str | None) -> None:
        if kind == DOCUMENT_DATE:
            prompt = DateFilterScreen(today=self.today, prompt="The article's date")
            self.push_screen(prompt, partial(self._document_dated, document))
        elif kind is not None:
            now = document.title if kind == DOCUMENT_TITLE else document.publisher
            screen = TextPromptScreen(f"The article's {kind.split('-')[1]}", now or "")
            self.push_screen(screen, partial(self._document_named, document, kind))

    def _document_dated(
        self, document: Document, interval: tuple[date | None, date | None] | None
    ) -> None:
        day = interval and (interval[0] or interval[1])
        if day:
            task = partial(
                correcting.document, self.db_path, document.path, DOCUMENT_DATE, day.isoformat()
            )
            self._in_thread(task)

    def _document_named(self, document: Document, kind: str, text: str | None) -> None:
        if text:
            self._in_thread(partial(correcting.document, self.db_path, document.path, kind, text))

    def action_corrections(self) -> None:
        if self.index is None:
            return
        made = self.index.corrections()
        if not made:
            self.notify("No corrections yet", timeout=3)
            return
        options = [
            (
                str(number),
                f"{c.made[:16].replace('T', ' ')} · {one_line(c.describe())}"
                + (" · orphaned: its target is gone" if orphan else ""),
            )
            for number, (c, orphan) in enumerate(made, 1)
        ]
        title = "Corrections, oldest first: enter removes one, Esc closes"
        self.push_screen(PickerScreen(title, options), self._correction_chosen)

    def _correction_chosen(self, number: str | None) -> None:
        if number is not None:
            self._in_thread(partial(correcting.withdraw_one, self.db_path, int(number)))

    def action_undo_correction(self) -> None:
        self._in_thread(partial(correcting.undo, self.db_path))

    # --- help and commands ---------------------------------------------------------------

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        palette = Binding("ctrl+p", "command_palette", "Command palette: every action")
        return [
            ("Anywhere", [*rekeyed(_bindings(self.BINDINGS), self._keymap), palette]),
            ("In a list", _bindings(Panes.LIST_BINDINGS)),
            ("On the timeline", _bindings(Panes.TIMELINE_BINDINGS)),
            ("In the review queue (r)", _bindings(Panes.REVIEW_BINDINGS)),
            ("Search line", _bindings(SearchBar.BINDINGS)),
            ("Document viewer", _bindings(DocumentScreen.BINDINGS)),
        ]

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        runs: list[tuple[Binding, Callable[[str], Any]]] = [
            *((b, self.run_action) for b in _bindings(self.BINDINGS)),
            *((b, self._run_in_panes) for b in _bindings(Panes.REVIEW_BINDINGS)),
        ]
        for binding, run in runs:
            text = binding.tooltip or binding.description
            title = text[:1].upper() + text[1:]
            yield SystemCommand(
                title, f"key {binding.key_display or binding.key}", partial(run, binding.action)
            )

    async def _run_in_panes(self, action: str) -> None:
        """A palette command of the panes' keys (the palette is closed by the time it runs)."""
        await self.query_one(Panes).run_action(action)


def _bindings(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]


def _of(shown: int, total: int) -> str:
    return f"{total:,}" if shown == total else f"{shown:,} of {total:,}"


def _indexed(index: CorpusIndex) -> IndexLoaded:
    """The message a loading worker posts: the index made ready for the first search, the month
    boundaries of its timeline and every actor's counts (cheap, so counted with the load)."""
    index.prepare_search()  # here, not on the first keystroke of a search
    events = index.events()

    def month(position: int) -> tuple[int, int]:
        first = events[position].date.first
        return first.year, first.month

    index.review()  # the queue, built here rather than when the review pane is drawn
    return IndexLoaded(index, boundaries(len(events), month), index.actor_counts(Filter()))
