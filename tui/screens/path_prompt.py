"""A modal line to name the file to write, filled with a default the user edits: a folder is
refused, and an existing file is replaced only when enter is pressed a second time."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from extract.display import printable

HINT = "Enter writes the file; Esc cancels."


class PathPromptScreen(ModalScreen[Path | None]):
    """Returns the path to write (`~` expanded, relative to the current folder), or None on
    escape. `title` says what will be written; `default` fills the line."""

    DEFAULT_CSS = """
    PathPromptScreen { align: center middle; }
    PathPromptScreen > Vertical {
        width: 70%; max-width: 90; height: auto;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    PathPromptScreen Label { width: 100%; }  /* a long path wraps, never cut */
    PathPromptScreen #path-hint { color: $text-muted; }
    PathPromptScreen #path-hint.-warning { color: $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close without writing", show=False),
    ]

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self._replace: Path | None = None  # the existing file a second enter replaces

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(printable(self.title_text)))
            yield Input(self.default, placeholder="file to write", id="path-input")
            yield Label(HINT, id="path-hint")

    @on(Input.Changed, "#path-input")
    def _typed(self) -> None:
        self._replace = None
        self._hint(HINT)

    @on(Input.Submitted, "#path-input")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self._hint("Type the name of the file to write.", warning=True)
            return
        path = Path(typed).expanduser()
        # A stat on submit, not per keystroke: cheap enough for the event loop.
        if path.is_dir():
            self._hint(f"{typed} is a folder: add a file name.", warning=True)
        elif path.exists() and path != self._replace:
            self._replace = path
            self._hint(f"{typed} already exists: enter replaces it, Esc cancels.", warning=True)
        else:
            self.dismiss(path)

    def _hint(self, text: str, *, warning: bool = False) -> None:
        hint = self.query_one("#path-hint", Label)
        hint.update(Text(printable(text)))  # the typed path is the user's text: never markup
        hint.set_class(warning, "-warning")

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
