"""The evidence pane: the selected item's citation in its paragraph, with the cited span
highlighted, and where it comes from. Every string is printable text, never markup."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip

from extract.display import date_label, printable
from extract.model import CorpusEvent, CorpusQuote
from store import ActorCount, CorpusIndex, Filter
from tui.format import evidence, one_line
from tui.widgets.line_view import LineView


class EvidencePane(LineView, can_focus=False):
    """Shows `item` (an event, a quote or an actor count) and its `step`-th citation.

    Drawn with the line API: a new selection re-wraps a few dozen lines and repaints this pane
    alone, where a growing or shrinking widget would lay out the whole screen on every key.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "evidence--cited",
        "evidence--muted",
        "evidence--title",
    }

    item: reactive[Any] = reactive(None)
    step: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: CorpusIndex | None = None
        self._lines: list[Strip] = []
        self._base: Style | None = None  # the widget's own style, looked up once per theme

    @property
    def citation_count(self) -> int:
        return len(getattr(self.item, "citations", ()))

    @property
    def citation(self):
        citations = getattr(self.item, "citations", ())
        return citations[self.step % len(citations)] if citations else None

    def watch_item(self) -> None:
        self.step = 0
        self._show()

    def watch_step(self) -> None:
        self._show()

    def move(self, delta: int) -> bool:
        """Step to the next or previous citation; False if there is no other."""
        if self.citation_count < 2:
            return False
        self.step = (self.step + delta) % self.citation_count
        return True

    def _show(self) -> None:
        if not self.is_mounted:
            return
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        lines = self.render_text().wrap(self.app.console, width, overflow="fold")
        self._lines = [Strip(line.render(self.app.console)) for line in lines]
        self.set_virtual_size(Size(width, len(self._lines)))

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        style = self._base or self.rich_style
        self._base = style
        if line >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[line].crop_extend(0, width, style)

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()

    def render_text(self) -> Text:
        item, index = self.item, self.index
        if index is None or item is None:
            return Text("Nothing selected.", style=self._style("muted"))
        if isinstance(item, ActorCount):
            return self._actor(item, index)
        out = Text()
        if isinstance(item, CorpusQuote):
            speaker = one_line(index.actor(item.speaker).name) if item.speaker else "Unattributed"
            out.append(speaker, style=self._style("title"))
            when = date_label(item.date) if item.date else "undated"
            out.append(f" · {when}\n")
        # The evidence first: in a short pane (narrow terminals) it is what shows.
        out.append_text(self._citation(index))
        if isinstance(item, CorpusEvent):
            out.append(f"\n\n{date_label(item.date)} · “{one_line(item.date_text)}”\n")
            names = ", ".join(one_line(index.actor(a).name) for a in item.actors)
            if names:
                out.append(names + "\n", style=self._style("muted"))
            out.append(one_line(item.summary), style=self._style("muted"))
        elif isinstance(item, CorpusQuote):
            out.append(f"\n\n“{printable(item.text)}”", style=self._style("muted"))
        return out

    def _citation(self, index: CorpusIndex) -> Text:
        citation = self.citation
        if citation is None:
            return Text("No citation.", style=self._style("muted"))
        document = index.document(citation.document).document
        found = evidence(document.text, citation)
        out = Text()
        where = [f"{self.step % self.citation_count + 1} of {self.citation_count}"]
        where += [one_line(document.publisher)] if document.publisher else []
        if document.published:
            where.append(f"{document.published.day} {document.published:%b %Y}")
        else:  # its relative dates were left out: say so rather than look dated
            where.append("date unknown")
        where.append(f"line {found.line}")
        out.append(" · ".join(where) + "\n", style=self._style("muted"))
        title = document.title or PurePath(document.path).name  # the o screen shows the path
        out.append(one_line(title) + "\n", style=self._style("title"))
        out.append(found.before)
        out.append(found.cited, style=self._style("cited"))
        out.append(found.after)
        return out

    def _actor(self, count: ActorCount, index: CorpusIndex) -> Text:
        actor = count.actor
        out = Text()
        out.append(one_line(actor.name), style=self._style("title"))
        out.append(f" · {actor.kind}\n")
        if actor.roles:
            out.append("Roles: " + ", ".join(one_line(r) for r in actor.roles) + "\n")
        others = [one_line(a) for a in actor.aliases if a != actor.name]
        if others:
            out.append("Also called: " + ", ".join(others) + "\n")
        out.append(
            f"{count.events} events · {count.quotes} quotes · enter filters by this actor\n\n"
        )
        mine = index.events(Filter(actors=frozenset({actor.id})))
        for event in mine[:30]:
            out.append(f"{date_label(event.date):>16}  ", style=self._style("muted"))
            out.append(one_line(event.summary) + "\n")
        if len(mine) > 30:
            out.append(f"… and {len(mine) - 30} more\n", style=self._style("muted"))
        return out

    def _style(self, name: str):
        return self.get_component_rich_style(f"evidence--{name}")
