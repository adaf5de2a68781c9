"""The picker's options: a line-API list, so a keystroke redraws the rows in view, never all of
them (Textual's OptionList measured and laid out 200 options on every key: ~30 ms)."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events

from tui.format import fit
from tui.widgets.item_list import ItemList


class PickerList(ItemList, can_focus=False):
    """(key, printable label) rows; the picker's input keeps the focus and moves the cursor, and a
    click chooses."""

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        _, label = item
        return [Segment(fit(label, width), style)]

    def on_click(self, event: events.Click) -> None:
        kind, index, _ = self._at_line(self.scroll_offset.y + event.y)
        if kind == "row":
            self.cursor = index
            self.action_choose()
