"""The app's screens and modals, one class per module."""

from tui.screens.date_filter import DateFilterScreen, read_interval
from tui.screens.document_screen import DocumentScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.path_prompt import PathPromptScreen
from tui.screens.picker import PickerScreen
from tui.screens.text_prompt import TextPromptScreen

__all__ = [
    "DateFilterScreen",
    "DocumentScreen",
    "HelpScreen",
    "PathPromptScreen",
    "PickerScreen",
    "TextPromptScreen",
    "read_interval",
]
