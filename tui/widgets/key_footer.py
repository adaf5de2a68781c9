"""The footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual rebuilds its footer whenever focus moves. Here focus moves on every pane switch,
    between lists that show the same keys, and the rebuild (forty widgets restyled, then a
    layout of the screen) took longer than the switch itself: ~100 ms."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (binding.key, binding.description, enabled)
            for _, binding, enabled, _ in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        if screen.app.app_focus:  # Textual rebuilds only then: remember what it will show
            self._shown = shown
        super().bindings_changed(screen)
