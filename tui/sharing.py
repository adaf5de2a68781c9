"""What leaves the browser: the filtered view written to a file, the filtered timeline as
Markdown or one citation on the clipboard, a source's web address opened in the web browser.

Each function does blocking work (rendering at 100,000 events, a write with fsync, xclip, a
browser starting), so the app calls it from a worker thread; each returns the `Notice` to show.
"""

from __future__ import annotations

import io
import subprocess
import webbrowser
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from textual.app import App
from textual.notifications import SeverityLevel

from extract.display import printable, shown_path
from extract.model import CorpusEvent, CorpusQuote
from publish import EXPORT_FORMATS, render, to_markdown
from store import CorpusIndex
from store.storage import write_atomically
from tui.clipboard import copy_text

# The exported file's name, before the format's suffix.
FILE_NAME = "chronicle-export"
# The addresses handed to the web browser: a document's `url` is the article's own claim, and
# a `file:` or `javascript:` one must not be opened on its say-so.
WEB_SCHEMES = frozenset({"http", "https"})


class Notice(NamedTuple):
    message: str
    severity: SeverityLevel = "information"


def export_choices() -> list[tuple[str, str]]:
    """The export formats for the picker: (key, "Markdown · .md")."""
    return [(key, f"{fmt.label} · {fmt.suffix}") for key, fmt in EXPORT_FORMATS.items()]


def default_path(fmt: str) -> str:
    """Where an export goes unless the user says otherwise: the current folder."""
    return f"./{FILE_NAME}{EXPORT_FORMATS[fmt].suffix}"


# These run in a thread, on items the app selected on its event loop: selecting reads and
# updates the index's caches, which only the event loop may touch.
Items = tuple[Sequence[CorpusEvent], Sequence[CorpusQuote]]


def write_export(index: CorpusIndex, fmt: str, items: Items, path: Path) -> Notice:
    """Write `items` to `path` in format `fmt`, atomically (a symlink is followed, the file
    keeps its mode); a path that cannot be written is an error notice."""
    shown = shown_path(path.absolute())
    try:
        write_atomically(path, render(index, fmt, *items).encode())
    except OSError as error:
        return Notice(f"Could not export to {shown}: {error.strerror or error}", "error")
    return Notice(f"Exported {_what(fmt, items)} as {EXPORT_FORMATS[fmt].label} to {shown}")


def deliver_export(index: CorpusIndex, fmt: str, items: Items, *, app: App[Any]) -> Notice:
    """Under `chronicle serve`: the export is a download in the user's web browser, never a
    file written on the server's disk."""
    name = f"{FILE_NAME}{EXPORT_FORMATS[fmt].suffix}"
    text = render(index, fmt, *items)
    app.call_from_thread(app.deliver_text, io.StringIO(text), save_filename=name)
    return Notice(f"Sent {_what(fmt, items)} as {EXPORT_FORMATS[fmt].label}: {name}")


def copy_timeline(index: CorpusIndex, items: Items, *, app: App[Any]) -> Notice:
    """Put `items` on the clipboard as Markdown."""
    events, quotes = items
    how = _copy(to_markdown(index, list(events), list(quotes)), app)
    return Notice(f"Copied the timeline as Markdown: {_what('markdown', items)} ({how})")


def copy_citation(text: str, label: str, *, app: App[Any]) -> Notice:
    """Put one citation, formatted as `label` says, on the clipboard."""
    return Notice(f"Copied {label} citation ({_copy(text, app)})")


def _copy(text: str, app: App[Any]) -> str:
    """Copy to the system's clipboard, or the terminal's (OSC 52) where there is none or it is
    not the user's (`chronicle serve`); says which."""
    terminal = partial(app.call_from_thread, app.copy_to_clipboard)
    return copy_text(text, terminal=terminal, system=not app.is_web)


def address_problem(url: str | None) -> Notice | None:
    """Why `url` (a document's) is not opened, or None when it is a web address."""
    if not url:
        return Notice("This source has no web address.")
    if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        return Notice(f"Not a web address, not opened: {printable(url)}", "warning")
    return None


# Browsers that run in the terminal: started from the browser, they would fight it for the
# screen and the keyboard.
TEXT_MODE_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m"})


def open_in_browser(url: str) -> Notice | None:
    """Ask the web browser to open `url` (it may block while a browser starts); a notice if
    none could, or if the only one is a text-mode browser that would take over this terminal."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return Notice(f"No web browser could open {printable(url)}", "warning")
    name = getattr(browser, "name", "")
    if name in TEXT_MODE_BROWSERS:
        return Notice(
            f"The only web browser here, {name}, runs in this terminal: open {printable(url)} "
            "from another one",
            "warning",
        )
    if _start(browser, url):
        return None
    return Notice(f"No web browser could open {printable(url)}", "warning")


def _start(browser: webbrowser.BaseBrowser, url: str) -> bool:
    """Open `url` in `browser`. A browser run as a plain command (xdg-open, the programs in
    $BROWSER) is started here with no terminal, detached: `webbrowser` would hand it the app's
    own, where its messages ("Opening in existing browser session.") would paint over the
    screen."""
    if not isinstance(browser, webbrowser.GenericBrowser):
        return browser.open(url)
    command = [browser.name, *(arg.replace("%s", url) for arg in browser.args)]
    try:
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


def _what(fmt: str, items: Items) -> str:
    """What an export in `fmt` holds: "3 events and 1 quote"."""
    events, quotes = items
    what = _count(len(events), "event")
    if not EXPORT_FORMATS[fmt].events_only:
        what += f" and {_count(len(quotes), 'quote')}"
    return what


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
