"""Copy text to the system clipboard, or ask the terminal to (OSC 52) when there is none.

pyperclip picks a mechanism (xclip, xsel, wl-copy, pbcopy, Windows) from the environment. It is
asked afresh on every copy, because pyperclip would otherwise keep its first choice for the life
of the process, and the copy is read back, because xclip and xsel fail silently when DISPLAY
names an X server that is not there. It blocks (processes, and a wait for the read-back): the
browser copies from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pyperclip

from extract.display import printable

__all__ = ["OSC52", "SYSTEM", "ClipboardUnavailable", "copy_text"]

SYSTEM = "system clipboard"
OSC52 = "OSC 52, best effort: your terminal may ignore it"


class ClipboardUnavailable(RuntimeError):
    """No system clipboard, and no running app to send OSC 52 through."""


def copy_text(
    text: str, *, terminal: Callable[[str], None] | None = None, system: bool = True
) -> str:
    """Copy `printable(text)`; say where it went: SYSTEM or OSC52.

    `terminal` sends text to the terminal's clipboard (OSC 52: an app's `copy_to_clipboard`,
    or a wrapper of it that is safe from a thread); it is used when there is no system
    clipboard, or always when `system` is False (`chronicle serve`: the clipboard of the
    machine serving the app is not the user's). Raises ClipboardUnavailable when neither can.
    """
    safe = printable(text)
    try:
        if not system:
            raise pyperclip.PyperclipException("the system clipboard is not the user's")
        _copy_to_system(safe)
    except (pyperclip.PyperclipException, OSError) as error:
        if terminal is None:
            raise ClipboardUnavailable(
                "no system clipboard (install xclip, xsel or wl-clipboard) "
                "and no terminal app to send OSC 52 to"
            ) from error
        terminal(safe)
        return OSC52
    return SYSTEM


# xclip exits before it holds the selection: it forks, and its background half takes the
# selection a moment later (on a loaded machine, after a first read-back). The copy is read back
# until it is there, for this long, before it is taken to have failed.
TAKEN_WITHIN = 1.0
_READ_AGAIN_AFTER = 0.02


def _copy_to_system(text: str) -> None:
    copy, paste = pyperclip.determine_clipboard()
    copy(text)
    deadline = time.monotonic() + TAKEN_WITHIN
    while _lines(paste()) != _lines(text):
        if time.monotonic() > deadline:
            raise pyperclip.PyperclipException("the system clipboard did not take the text")
        time.sleep(_READ_AGAIN_AFTER)


def _lines(text: str) -> str:
    """`text` as clipboards may hand it back: Windows line ends, a final newline added or lost."""
    return text.replace("\r\n", "\n").rstrip("\n")
