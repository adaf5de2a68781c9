"""The header: the counts under the active filters, the filters as chips, and the pane tabs."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

# The panes in key order: (key, label).
PANES = (("timeline", "1 Timeline"), ("actors", "2 Actors"), ("quotes", "3 Quotes"))
# The review queue's pane (`r`): a tab only while it is shown.
REVIEW = "review"


class FilterBar(Static):
    """Two lines: `chronicle  counts   chips`, then the pane tabs with the active one marked and
    the date filter's within / overlapping counts. Each line is cut with an ellipsis, never
    wrapped: the tabs stay on the second line whatever the width."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "filter-bar--title",
        "filter-bar--chip",
        "filter-bar--tab",
        "filter-bar--active-tab",
        "filter-bar--muted",
    }

    counts: reactive[str] = reactive("loading…")
    chips: reactive[tuple[str, ...]] = reactive(())
    pane: reactive[str] = reactive("timeline")
    # With a date filter: how many events lie within it and how many more only overlap it.
    dates: reactive[str] = reactive("")
    # The review queue's tab: "r Review · 12 items", shown while the queue is.
    review: reactive[str] = reactive("r Review")

    def render(self) -> Text:
        style = self.get_component_rich_style
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(" chronicle ", style=style("filter-bar--title"))
        out.append(f" {self.counts}")
        for chip in self.chips:
            out.append("  ")
            out.append(f" {chip} ✕ ", style=style("filter-bar--chip"))
        out.append("\n")
        for key, label in PANES:
            name = "filter-bar--active-tab" if key == self.pane else "filter-bar--tab"
            out.append(f" {label} ", style=style(name))
            out.append(" ")
        if self.pane == REVIEW:
            out.append(f" {self.review} ", style=style("filter-bar--active-tab"))
            out.append(" ")
        if self.dates:
            out.append(f" {self.dates}")
        if self.chips:
            out.append(
                "  esc drops the last filter · x clears them", style=style("filter-bar--muted")
            )
        return out
