"""The `/` search line: every keystroke narrows all panes; esc clears it and closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBar(Input):
    """A one-line input whose text filters the items (case- and accent-insensitive)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close(True)", "clear search", tooltip="Clear the search and close"),
        Binding(
            "enter", "close(False)", "keep search", tooltip="Keep the search, back to the list"
        ),
    ]

    # Input widens its scrollable size on every keystroke, and Widget declares that size a layout
    # reactive: the whole screen would be laid out per key. One line of text needs no layout.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    @dataclass
    class Closed(Message):
        """The search line was closed; `cleared`: its text was dropped."""

        cleared: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search: words in the items or their citations", id=id)

    def action_close(self, cleared: bool) -> None:
        if cleared:
            self.value = ""
        self.post_message(self.Closed(cleared))
