"""The timeline pane: one two-line row per event under month headings; `t` (bound on
`Panes`) jumps to a date."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, cast

from rich.segment import Segment
from rich.style import Style

from extract.display import date_label
from extract.model import CorpusEvent
from store import Results
from tui.format import fit, one_line, outlets, story_start
from tui.screens.date_filter import DateFilterScreen, Interval
from tui.widgets.item_list import ItemList

# Cells for the date column (a range too long for it is shortened, never cut) and the count.
DATE_WIDTH, COUNT_WIDTH = 16, 4
JUMP_PROMPT = "Jump to the first event on or after: “nov 20”, “march 2016”, “last week of oct”"


class TimelineView(ItemList):
    """Events: date label, summary and outlet count, then the actors on a second line."""

    ROW_HEIGHT = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actor_name: Callable[[str], str] = str
        self._prompt: DateFilterScreen | None = None

    def heading(self, key: Hashable) -> str:
        year, month = cast(tuple[int, int], key)
        return f"{calendar.month_name[month]} {year}"

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        event: CorpusEvent = item
        date_width = DATE_WIDTH if width >= 60 else 10
        text_width = max(1, width - date_width - COUNT_WIDTH)
        if line == 0:
            when = date_label(event.date, with_year=False, width=date_width - 1)
            return [
                Segment(fit(when, date_width), self.style("key", style)),
                Segment(fit(one_line(event.summary), text_width), style),
                Segment(f"{outlets(event):>{COUNT_WIDTH}}", style),
            ]
        actors = ", ".join(one_line(self.actor_name(a)) for a in event.actors)
        return [
            Segment(" " * date_width, style),
            Segment(fit(actors, text_width), self.style("muted", style)),
        ]

    def open_on_story(self) -> None:
        """Select the first event of the densest recent month (`story_start`), its heading at the
        top of the pane."""
        self.cursor = story_start(self._groups, len(self.items))
        top = self.line_of(self.cursor) - (1 if self._groups else 0)
        self.scroll_to(0, max(0, top), animate=False, immediate=True)

    # --- jump to a date ------------------------------------------------------------------

    def action_jump(self) -> None:
        # One prompt, installed so that closing it only hides it: a removed screen lays out the
        # whole app again, a frame more (~20 ms at 100,000 events) after the jump's.
        if self._prompt is None:
            today: date | None = getattr(self.app, "today", None)
            self._prompt = DateFilterScreen(today=today, prompt=JUMP_PROMPT, apply=self._jump_to)
            self.app.install_screen(self._prompt, f"jump-{id(self)}")
        self.app.push_screen(self._prompt)

    def _jump_to(self, interval: Interval) -> None:
        self.jump(interval[0] or interval[1] or date.min)

    def jump(self, day: date) -> None:
        """Move the cursor to the first listed event that starts on or after `day` (a bisection
        over the store's first days), else to the last one."""
        if not isinstance(self.items, Results) or not self.items:
            return
        found = self.items.days.first_on_or_after(day)
        if found >= self.items.days.dated:
            self.notify(f"No event on or after {day.day} {day:%b %Y}: at the last one.", timeout=3)
            found = max(0, self.items.days.dated - 1)
        self.cursor = found
