"""The base of the line-API views (the lists, the evidence pane): a scrollable size of their own
that changes without laying out the screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class LineView(ScrollView):
    """A `ScrollView` that draws its lines itself (`render_line`) and says how many there are.

    Both methods here lean on Textual's private scrolling steps; textual is pinned exactly.
    """

    def set_virtual_size(self, size: Size) -> None:
        """Change the scrollable size without laying out the whole screen.

        `virtual_size` is a layout reactive: assigning it re-lays out every widget, which costs
        more than a keystroke may. The view's own size does not change, so updating its
        scrollbars is enough (`_scroll_update`).
        """
        if size == self.virtual_size:
            return
        self.set_reactive(ScrollView.virtual_size, size)
        if self.is_mounted and self.container_size:
            self._scroll_update(size)
        self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Only a new size is news. The compositor passes its own idea of the scrollable size
        (the region's), never the one `set_virtual_size` keeps, so Textual would update the
        scrollbars each time the view comes into sight: on a pane switch, one more frame
        ~30 ms after the switch's."""
        if size == self.outer_size and container_size == self.container_size:
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)
