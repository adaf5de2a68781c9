"""A modal line to type a short text (a new name), filled with the current one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from extract.display import printable


class TextPromptScreen(ModalScreen[str | None]):
    """Returns the typed text (stripped, never empty), or None on escape."""

    DEFAULT_CSS = """
    TextPromptScreen { align: center middle; }
    TextPromptScreen > Vertical {
        width: 70%; max-width: 80; height: auto;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    TextPromptScreen #text-hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close without changing anything", show=False),
    ]

    def __init__(self, title: str, default: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(printable(self.title_text)))
            yield Input(printable(self.default), id="text-input")
            yield Label("Enter keeps it; Esc cancels.", id="text-hint")

    @on(Input.Submitted, "#text-input")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = " ".join(event.value.split())
        if typed:
            self.dismiss(typed)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
