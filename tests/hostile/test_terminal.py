"""Nothing from an article reaches the terminal or the clipboard but printable text: the one
sanitiser on every control and escape sequence, then the real browser in a real tmux."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.display import printable
from tests.hostile.harness import ROOT, chronicle
from tui.clipboard import copy_text

C0 = [chr(c) for c in range(0x20)] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
# Controls that start an escape sequence (ESC; 8-bit CSI, DCS, SOS, OSC, PM, APC).
STARTERS = frozenset("\x1b\x9b\x90\x98\x9d\x9e\x9f")
SEQUENCES = [
    "\x1b[31m",  # CSI: red
    "\x1b[2J\x1b[H",  # CSI: clear the screen, cursor home
    "\x1b[?1049h",  # CSI private: alternate screen
    "\x9b31m",  # 8-bit CSI
    "\x1b]0;PWNED\x07",  # OSC: window title, BEL-terminated
    "\x1b]52;c;aGk=\x1b\\",  # OSC 52: write the clipboard, ST-terminated
    "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x9d0;PWNED\x9c",  # 8-bit OSC
    "\x1bP+q544e\x1b\\",  # DCS: request terminfo
    "\x1bPq#0;2;0;0;0\x1b\\",  # DCS: sixel
    "\x1b_Gf=100;AAAA\x1b\\",  # APC: kitty graphics
    "\x1b^privacy\x1b\\",  # PM
    "\x1bc",  # RIS: reset the terminal
    "\x1b]0;unterminated",  # OSC never ended
    "\x1b",  # a lone ESC at the end
]
MARKUP = "[bold red]loud[/bold red] [link=file:///etc/passwd]x[/link] [@click=app.quit]q[/]"


@pytest.mark.parametrize("control", C0 + C1, ids=lambda c: f"U+{ord(c):04X}")
def test_printable_drops_every_control_but_tab_and_newline(control: str) -> None:
    out = printable(f"a{control}b")
    if control in STARTERS:  # the start of a sequence: what follows may be part of it
        assert out in ("a", "ab")
    else:
        assert out == ("a\tb" if control == "\t" else "a\nb" if control == "\n" else "ab")


@pytest.mark.parametrize("sequence", SEQUENCES, ids=repr)
def test_printable_drops_whole_escape_sequences(sequence: str) -> None:
    out = printable(f"before {sequence} after")
    assert "\x1b" not in out and "\x9b" not in out and "\x9d" not in out
    assert "PWNED" not in out and "passwd" not in out and "aGk=" not in out
    assert out.startswith("before ")


def test_printable_keeps_markup_as_text() -> None:
    assert printable(MARKUP) == MARKUP


def test_the_clipboard_gets_printable_text(monkeypatch: pytest.MonkeyPatch) -> None:
    copied = []
    monkeypatch.setattr("tui.clipboard._copy_to_system", copied.append)
    copy_text("quote " + "".join(SEQUENCES) + " end")
    assert copied and all(printable(c) == c and "\x1b" not in c for c in copied)


ARTICLE = (
    "Harbour board vote\n"
    "Published March 4, 2024\n\n"
    f"On March 3, 2024 the harbour board {MARKUP} voted "
    + "".join(s for s in SEQUENCES if s != "\x1b")
    + " for the new pier.\n"
    'Chair Ines Roth said the pier was "ready \x1b[5mnow\x1b[0m \x1b]0;PWNED\x07".\n'
    # Enough ordinary text that the escapes stay under the share at which a file is binary.
     + "The pier will serve ferries, fishing boats and the coast guard for decades. " * 12 + "\n"
)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _screen_until(session: str, wanted: str, *, timeout: float = 20) -> tuple[str, str]:
    """The screen as text once it shows `wanted`, and the same with its escape sequences."""
    deadline = time.monotonic() + timeout
    while True:
        screen = _tmux("capture-pane", "-p", "-J", "-t", session)
        if wanted in screen or time.monotonic() > deadline:
            return screen, _tmux("capture-pane", "-p", "-e", "-t", session)
        time.sleep(0.1)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_a_hostile_article_in_the_real_browser_shows_as_plain_text(tmp_path: Path) -> None:
    (tmp_path / "harbour.txt").write_text(ARTICLE)
    database = tmp_path / "db.json"
    assert chronicle(database, "ingest", tmp_path / "harbour.txt").returncode == 0
    session = f"chronicle-hostile-{tmp_path.name}"
    config = shlex.quote(os.environ["CHRONICLE_CONFIG"])  # not the developer's own settings
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES CHRONICLE_CONFIG={config} "
        f"{sys.executable} -m cli --db {database} browse"
    )
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    _tmux("set-option", "-t", session, "remain-on-exit", "on")
    try:
        timeline = _screen_until(session, "harbour board")
        _tmux("send-keys", "-t", session, "o")
        document = _screen_until(session, "Close the document")
        title = _tmux("display-message", "-p", "-t", session, "#{pane_title}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert "PWNED" not in title
    for text, raw in (timeline, document):
        assert "[bold red]loud[/bold red]" in text  # markup shown as the words it is
        assert "PWNED" not in text and "aGk=" not in text and "544e" not in text
        # Textual draws with CSI colour codes; nothing else from the article may get through.
        assert "\x1b]" not in raw and "\x1bP" not in raw and "\x1b_" not in raw
        assert "\x1b[5m" not in raw and "\x1b[2J" not in raw and "\x1bc" not in raw
    assert "Harbour board vote" in document[0] and "Ines Roth" in document[0]
