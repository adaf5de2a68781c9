"""The quotes pane: who said what, wrapped to two lines, with the date and outlet count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.segment import Segment
from rich.style import Style

from extract.display import date_label
from extract.model import CorpusQuote
from tui.format import fit, one_line, outlets, wrap
from tui.widgets.item_list import ItemList

DATE_WIDTH, SPEAKER_WIDTH, COUNT_WIDTH = 16, 20, 4


class QuotesView(ItemList):
    """Quotes: date, speaker and words (two lines at most), then the outlet count."""

    ROW_HEIGHT = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actor_name: Callable[[str], str] = str
        # When an undated quote was published at the latest (its first citation's document).
        self.reported: Callable[[CorpusQuote], date | None] = lambda quote: None

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        quote: CorpusQuote = item
        speaker_width = SPEAKER_WIDTH if width >= 70 else 14
        words_width = max(1, width - DATE_WIDTH - speaker_width - COUNT_WIDTH)
        words = wrap(f"“{one_line(quote.text)}”", words_width, lines=2)
        if line == 0:
            when = (
                date_label(quote.date, width=DATE_WIDTH - 1)
                if quote.date
                else _reported(self.reported(quote))
            )
            speaker = one_line(self.actor_name(quote.speaker)) if quote.speaker else "unattributed"
            return [
                Segment(fit(when, DATE_WIDTH), self.style("key", style)),
                Segment(fit(speaker, speaker_width - 1) + " ", style),
                Segment(words[0], style),
                Segment(f"{outlets(quote):>{COUNT_WIDTH}}", style),
            ]
        rest = words[1] if len(words) > 1 else ""
        return [Segment(" " * (DATE_WIDTH + speaker_width) + rest, style)]


def _reported(day: date | None) -> str:
    """An undated quote was said by the day it was published."""
    return f"by {day.day} {day:%b %Y}" if day else "undated"
