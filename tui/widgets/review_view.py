"""The review pane: the items the extractor is least sure of, first; `A` accepts one, Enter goes
to it in its own pane, and every correction key works on it here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from extract.display import date_label
from extract.model import CorpusActor, CorpusEvent, CorpusQuote
from store import ActorCount
from store.review import Unsure
from tui.format import fit, one_line
from tui.widgets.item_list import ItemList

KIND_WIDTH, CONFIDENCE_WIDTH, DATE_WIDTH = 9, 6, 16
# How far around its old row a refreshed queue looks for the item the cursor was on.
KEEP_NEAR = 100


def key(unsure: Unsure) -> tuple[str, str]:
    """What names a queue's item across reads of the database (actors are numbered anew)."""
    record = unsure.record
    return unsure.kind, record.name if isinstance(record, CorpusActor) else record.id


class ReviewView(ItemList):
    """Two lines per item: its kind, confidence and what was extracted, then the part in doubt
    (a quote's speaker, an event's date as written, an actor's names)."""

    ROW_HEIGHT = 2

    @dataclass
    class Accept(Message):
        """`A` was pressed on an item: the extractor's answer for it is right."""

        unsure: Unsure

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actor_name: Callable[[str], str] = str
        # An actor with its counts, as the actors pane lists it (for the evidence, the keys).
        self.actor_count: Callable[[CorpusActor], ActorCount] = lambda a: ActorCount(a, 0, 0)

    @property
    def entry(self) -> Unsure | None:
        """The selected queue item."""
        return self.items[self.cursor] if self.items else None

    @property
    def selected(self) -> Any:
        """The record in doubt, as its own pane lists it: the correction keys, the evidence pane
        and `y` act on it as there."""
        entry = self.entry
        if entry is None:
            return None
        if isinstance(entry.record, CorpusActor):
            return self.actor_count(entry.record)
        return entry.record

    def _kept_index(self, items: Sequence[Any]) -> int:
        """The item the cursor was on, if it is near; else the row it was on: an item accepted or
        corrected leaves, and the cursor lands on the next one."""
        old = self.items
        if not old or not items:
            return 0
        wanted = key(old[self.cursor])
        for index in range(
            max(0, self.cursor - KEEP_NEAR), min(len(items), self.cursor + KEEP_NEAR)
        ):
            if key(items[index]) == wanted:
                return index
        return min(self.cursor, len(items) - 1)

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        unsure: Unsure = item
        record = unsure.record
        lead = KIND_WIDTH + CONFIDENCE_WIDTH
        text_width = max(1, width - lead)
        if line == 1:
            return [
                Segment(" " * lead, style),
                Segment(fit(self._doubted(record), text_width), self.style("muted", style)),
            ]
        return [
            Segment(fit(unsure.kind, KIND_WIDTH), self.style("key", style)),
            Segment(fit(f"{unsure.confidence:.2f}", CONFIDENCE_WIDTH), style),
            Segment(fit(self._extracted(record, text_width), text_width), style),
        ]

    def _extracted(self, record: Any, width: int) -> str:
        if isinstance(record, CorpusQuote):
            return f"“{one_line(record.text)}”"
        if isinstance(record, CorpusEvent):
            when = date_label(record.date, width=DATE_WIDTH - 1)
            return f"{fit(when, DATE_WIDTH)}{one_line(record.summary)}"
        return one_line(record.name)

    def _doubted(self, record: Any) -> str:
        if isinstance(record, CorpusQuote):
            said = one_line(self.actor_name(record.speaker)) if record.speaker else "nobody"
            return f"said by {said}"
        if isinstance(record, CorpusEvent):
            return f"dated from “{one_line(record.date_text)}”"
        names = dict.fromkeys((record.name, *record.aliases))
        return "names: " + ", ".join(one_line(n) for n in names)

    def action_accept(self) -> None:
        if self.entry is not None:
            self.post_message(self.Accept(self.entry))
