"""A keyboard-driven list drawn with the line API: only the visible lines are ever rendered.

Subclasses say how tall a row is and how to draw each of its lines; the list keeps the cursor,
the scrolling and optional group headings (month headings on the timeline).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from store import Results
from tui.format import fit, wrap
from tui.widgets.line_view import LineView

# The bar drawn at the left of the selected row (colour never carries meaning alone).
CURSOR_BAR = "▌ "
# Component styles that stack: the cursor bar sits on the selected row's background.
COMPONENT_PARTS = {"bar": ("cursor", "bar")}
# The most lines an empty list's message takes.
MESSAGE_LINES = 4
# How far down a refreshed list the cursor looks for the item it was on.
KEEP_WITHIN = 200


class ItemList(LineView, can_focus=False):
    """Rows of items (each `ROW_HEIGHT` lines) under optional group headings.

    It never takes focus: the widget holding it sends it its keys (`Panes`, the picker), so that
    switching lists moves no focus (a restyle and a layout of the screen).
    """

    ROW_HEIGHT: ClassVar[int] = 1
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--cursor",
        "item-list--bar",
        "item-list--heading",
        "item-list--muted",
        "item-list--key",
        "item-list--message",
    }
    # The selected row. Set on every show, even to the same row: who watches it (the app, for the
    # evidence) hears of every new list.
    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class Chosen(Message):
        """Enter was pressed on an item."""

        view: ItemList
        item: Any

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: Sequence[Any] = ()
        self.message = ""
        # (first item index, heading key) per group, and the line of each heading.
        self._groups: list[tuple[int, Hashable]] = []
        self._heading_lines: list[int] = []
        # Styles by component name ("" the widget's own), looked up once per theme.
        self._styles: dict[tuple[str, Style | None], Style] = {}

    # --- data ----------------------------------------------------------------------------

    def show(
        self,
        items: Sequence[Any],
        *,
        message: str = "",
        groups: Sequence[tuple[int, Hashable]] = (),
        keep: bool = False,
    ) -> None:
        """Replace the rows; `message` is shown when there are none. With `keep`, the cursor stays
        on its item while that is still listed, else goes to the top.

        The same rows again change nothing, not even the cursor: typing on in a search often
        leaves the matches as they were, and the list is then not repainted.
        """
        groups = list(groups)
        if items == self.items and groups == self._groups and (items or message == self.message):
            self.message = message
            return
        cursor = self._kept_index(items) if keep else 0
        self.items, self.message = items, message
        self._groups = groups
        height = self.ROW_HEIGHT
        self._heading_lines = [start * height + n for n, (start, _) in enumerate(self._groups)]
        lines = len(items) * height + len(self._groups) if items else 1
        # One column wide: rows are cut to the width, so there is nothing to scroll sideways, and
        # a resize leaves the scrollable size as it is.
        self.set_virtual_size(Size(1, lines))
        self.cursor = cursor
        self.refresh()

    def _kept_index(self, items: Sequence[Any]) -> int:
        """Where the selected item is among `items`, or 0 if it is gone.

        Store results are searched by position (no record is decoded); other rows are compared
        among the first `KEEP_WITHIN` (searching 100,000 would be slow).
        """
        old = self.items
        if not old:
            return 0
        if isinstance(old, Results) and isinstance(items, Results):
            return items.index_of(old.positions[self.cursor]) or 0
        selected = old[self.cursor]
        for index in range(min(len(items), KEEP_WITHIN)):
            if items[index] == selected:
                return index
        return 0

    @property
    def selected(self) -> Any:
        return self.items[self.cursor] if self.items else None

    # --- geometry ------------------------------------------------------------------------

    def line_of(self, index: int) -> int:
        """The first line of row `index`."""
        group = bisect_right([start for start, _ in self._groups], index)
        return index * self.ROW_HEIGHT + group

    def _at_line(self, y: int) -> tuple[str, int, int]:
        """What line `y` shows: ("heading", group, 0), ("row", index, sub-line) or ("none")."""
        if not self._groups:
            index, sub = divmod(y, self.ROW_HEIGHT)
        else:
            group = bisect_right(self._heading_lines, y) - 1
            if group < 0:
                return "none", 0, 0
            if y == self._heading_lines[group]:
                return "heading", group, 0
            offset = y - self._heading_lines[group] - 1
            index = self._groups[group][0] + offset // self.ROW_HEIGHT
            sub = offset % self.ROW_HEIGHT
        if index >= len(self.items):
            return "none", 0, 0
        return "row", index, sub

    # --- rendering -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style("")
        line = self.scroll_offset.y + y
        if not self.items:
            message = wrap(self.message, max(1, width - 2), lines=MESSAGE_LINES)
            if line < len(message) and self.message:
                style = self.style("message")
                return Strip([Segment(fit(" " + message[line], width), style)], width)
            return Strip.blank(width, base)
        kind, index, sub = self._at_line(line)
        if kind == "none":
            return Strip.blank(width, base)
        if kind == "heading":
            label = self.heading(self._groups[index][1])
            return Strip([Segment(fit(" " + label, width), self.style("heading"))], width)
        selected = index == self.cursor
        row_style = self.style("cursor") if selected else base
        bar = Segment(CURSOR_BAR, self.style("bar")) if selected else Segment("  ", base)
        cells = self.render_row(self.items[index], sub, width - 2, row_style)
        return Strip([bar, *cells]).crop_extend(0, width, row_style)

    def render_row(
        self, item: Any, line: int, width: int, style: Style
    ) -> list[Segment]:  # pragma: no cover - every subclass draws its own rows
        raise NotImplementedError

    def heading(self, key: Hashable) -> str:
        return str(key)

    def style(self, name: str, base: Style | None = None) -> Style:
        """Component style `name` ("" for none) over `base` (default: the widget's own style),
        looked up once per theme: a screen of rows asks for the same few styles many times."""
        found = self._styles.get((name, base))
        if found is None:
            found = self.rich_style if base is None else base
            for part in COMPONENT_PARTS.get(name, (name,) if name else ()):
                found += self.get_component_rich_style(f"item-list--{part}")
            self._styles[(name, base)] = found
        return found

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    # --- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if self.items:
            clamped = max(0, min(new, len(self.items) - 1))
            if clamped != new:
                self.cursor = clamped
                return
            self._scroll_cursor_into_view()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        top = self.line_of(self.cursor)
        # Show a group's heading with its first row.
        if self._groups and top - 1 in self._heading_lines:
            top -= 1
        bottom = self.line_of(self.cursor) + self.ROW_HEIGHT
        self.scroll_to_region(
            Region(0, top, 1, bottom - top), animate=False, immediate=True, force=True
        )

    def on_click(self, event: events.Click) -> None:
        kind, index, _ = self._at_line(self.scroll_offset.y + event.y)
        if kind == "row":
            self.cursor = index

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor = max(0, self.cursor - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.items) - 1)

    def _page(self) -> int:
        return max(1, self.size.height // self.ROW_HEIGHT - 1)

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - self._page())

    def action_choose(self) -> None:
        if self.items:
            self.post_message(self.Chosen(self, self.selected))
