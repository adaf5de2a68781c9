"""The timeline pane: one two-line row per event under month headings."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Hashable
from typing import Any, cast

from rich.segment import Segment
from rich.style import Style

from extract.display import date_label
from extract.model import CorpusEvent
from tui.format import fit, one_line, outlets
from tui.widgets.item_list import ItemList

# Cells for the date column and the outlet count.
DATE_WIDTH, COUNT_WIDTH = 16, 4


class TimelineView(ItemList):
    """Events: date label, summary and outlet count, then the actors on a second line."""

    ROW_HEIGHT = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actor_name: Callable[[str], str] = str

    def heading(self, key: Hashable) -> str:
        year, month = cast(tuple[int, int], key)
        return f"{calendar.month_name[month]} {year}"

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        event: CorpusEvent = item
        date_width = DATE_WIDTH if width >= 60 else 10
        text_width = max(1, width - date_width - COUNT_WIDTH)
        if line == 0:
            return [
                Segment(
                    fit(date_label(event.date, with_year=False), date_width),
                    self.style("key", style),
                ),
                Segment(fit(one_line(event.summary), text_width), style),
                Segment(f"{outlets(event):>{COUNT_WIDTH}}", style),
            ]
        actors = ", ".join(one_line(self.actor_name(a)) for a in event.actors)
        return [
            Segment(" " * date_width, style),
            Segment(fit(actors, text_width), self.style("muted", style)),
        ]
