"""The three panes side by side, one in view, and the keys of the list in view.

A switch scrolls sideways to the pane: nothing is shown, hidden, resized or focused, so Textual
redraws the list area in one frame without laying out the screen. Showing and hiding the lists
(a `ContentSwitcher`) and moving focus between them cost four to six frames, ~100-180 ms at
100,000 events: a layout, a restyle of every list, then the scrollbars catching up.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.widget import Widget

from tui.widgets.item_list import ItemList
from tui.widgets.review_view import ReviewView
from tui.widgets.timeline_view import TimelineView


class Panes(Widget, can_focus=True):
    """Holds focus for the lists (they never take it) and hands their keys to the one in view,
    the child whose id is `current` (or that holds a list with that id)."""

    # The keys of every list, then those of the timeline alone; the help screen lists them so.
    LIST_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "list('cursor_down')", "Next row", show=False),
        Binding("k,up", "list('cursor_up')", "Previous row", show=False),
        Binding("g,home", "list('first')", "First row", show=False),
        Binding("G,end", "list('last')", "Last row", show=False),
        Binding("pagedown", "list('page_down')", "Page down", show=False),
        Binding("pageup", "list('page_up')", "Page up", show=False),
        Binding("enter", "list('choose')", "Choose", show=False),
    ]
    TIMELINE_BINDINGS: ClassVar[list[BindingType]] = [
        # Kept out of the footer: at 80 columns it would push "q quit" off, and a footer that
        # changed with the pane would be rebuilt on every switch. `?` and the palette list it.
        Binding("t", "jump", "Jump to a date", show=False),
    ]
    REVIEW_BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "A",
            "accept",
            "Review: accept the extractor's answer for the selected item (it leaves the queue)",
            show=False,
        ),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_BINDINGS,
        *TIMELINE_BINDINGS,
        *REVIEW_BINDINGS,
    ]

    current: var[str] = var("timeline", init=False)

    @property
    def current_list(self) -> ItemList:
        return self.query_one(f"#{self.current}", ItemList)

    def watch_current(self) -> None:
        self._scroll_to_current()

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_current()  # each pane is as wide as this one: the offset scales

    def _scroll_to_current(self) -> None:
        pane = self.current_list
        column = next(child for child in self.children if pane in (child, *child.children))
        position = list(self.children).index(column)
        self.scroll_to(x=position * self.size.width, animate=False, immediate=True, force=True)

    def action_list(self, action: str) -> None:
        getattr(self.current_list, f"action_{action}")()

    def action_accept(self) -> None:
        pane = self.current_list
        if isinstance(pane, ReviewView):
            pane.action_accept()
        else:
            self.notify("A accepts an item of the review queue: r shows it", timeout=3)

    def action_jump(self) -> None:
        pane = self.current_list
        if isinstance(pane, TimelineView):
            pane.action_jump()
