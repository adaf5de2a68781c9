"""The actors pane: name, kind, roles and how many events and quotes involve each actor."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style

from store import ActorCount
from tui.format import fit, one_line
from tui.widgets.item_list import ItemList

KIND_WIDTH, NUMBER_WIDTH = 14, 8


class ActorsView(ItemList):
    """One line per actor, most involved first; enter filters everything by the actor."""

    ROW_HEIGHT = 1

    def render_row(self, item: Any, line: int, width: int, style: Style) -> list[Segment]:
        count: ActorCount = item
        actor = count.actor
        name_width = max(12, min(32, (width - KIND_WIDTH - 2 * NUMBER_WIDTH) * 3 // 5))
        roles_width = max(0, width - name_width - KIND_WIDTH - 2 * NUMBER_WIDTH)
        roles = ", ".join(one_line(r) for r in actor.roles)
        return [
            Segment(fit(one_line(actor.name), name_width - 1) + " ", style),
            Segment(fit(str(actor.kind), KIND_WIDTH), self.style("muted", style)),
            Segment(fit(roles, roles_width), self.style("muted", style)),
            Segment(f"{count.events:>{NUMBER_WIDTH - 2}} e", style),
            Segment(f"{count.quotes:>{NUMBER_WIDTH - 2}} q", style),
        ]
