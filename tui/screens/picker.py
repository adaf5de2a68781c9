"""A modal list to choose one thing by typing part of its name (literal matches first, then
fuzzy ones): actors, sources and citation formats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rapidfuzz import fuzz, process
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.item_list import ItemList
from tui.widgets.picker_list import PickerList

# The most options listed at once; typing narrows the rest.
LIMIT = 200
# Between the fields of a label: "Reuters · Dockers end strike · 2025-11-02 · wire.txt".
FIELD_SEPARATOR = " · "


class PickerScreen(ModalScreen[str | None]):
    """Returns the chosen option's key, or None on escape."""

    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical {
        width: 70%; max-width: 90; height: 70%;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    PickerScreen PickerList { height: 1fr; }
    PickerScreen Label { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close without choosing", show=False),
        Binding("down", "move(1)", "Next option", show=False),
        Binding("up", "move(-1)", "Previous option", show=False),
    ]

    def __init__(
        self, title: str, options: Sequence[tuple[str, str]], *, selected: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)  # (key, printable label)
        self.initial = selected
        self._folded = [label.casefold() for _, label in self.options]  # once, not per key

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text))
            yield Input(placeholder="type to narrow (fuzzy)", id="picker-input")
            yield PickerList(id="picker-options")

    def on_mount(self) -> None:
        # Watched, not messaged: the list narrows in the frame that shows the typed letter.
        self.watch(self.query_one(Input), "value", self._fill, init=False)
        self._fill("")
        if self.initial is not None:
            keys = [key for key, _ in self.options[:LIMIT]]
            if self.initial in keys:
                self.query_one(PickerList).cursor = keys.index(self.initial)

    def matches(self, typed: str) -> list[tuple[str, str]]:
        """The options for what is typed, best first: the whole label equal to it, then one of
        the label's ` · ` fields, then a word starting with it, then containing it anywhere (each in
        the options' order), then fuzzy matches by score. A literal match is what the user
        meant: "reuters" picks the Reuters article before "Reuter Street"."""
        needle = " ".join(typed.casefold().split())
        if not needle:
            return self.options[:LIMIT]
        word_start = re.compile(rf"(?<!\w){re.escape(needle)}")
        tiers: tuple[list[int], ...] = ([], [], [], [])
        for position, label in enumerate(self._folded):
            if needle not in label:
                continue
            if label == needle:
                tiers[0].append(position)
            elif needle in label.split(FIELD_SEPARATOR):
                tiers[1].append(position)
            elif word_start.search(label):
                tiers[2].append(position)
            else:
                tiers[3].append(position)
        literal = [position for tier in tiers for position in tier][:LIMIT]
        if len(literal) < LIMIT:
            taken = set(literal)
            fuzzy = process.extract(
                needle, self._folded, scorer=fuzz.WRatio, limit=LIMIT, score_cutoff=50
            )
            literal += [position for _, _, position in fuzzy if position not in taken]
        return [self.options[position] for position in literal[:LIMIT]]

    def _fill(self, typed: str) -> None:
        self.query_one(PickerList).show(self.matches(typed), message="Nothing matches.")

    @on(Input.Submitted, "#picker-input")
    def _submitted(self) -> None:
        chosen = self.query_one(PickerList).selected
        if chosen is not None:
            self.dismiss(chosen[0])

    @on(ItemList.Chosen)
    def _chosen(self, event: ItemList.Chosen) -> None:
        event.stop()
        self.dismiss(event.item[0])

    def action_move(self, delta: int) -> None:
        options = self.query_one(PickerList)
        options.cursor = max(0, options.cursor + delta)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
