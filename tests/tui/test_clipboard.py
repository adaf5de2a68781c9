"""The clipboard for real: xclip on a private Xvfb server, and OSC 52 through a Textual app."""

import os
import shutil
import subprocess

import pytest
from textual.app import App

from tui.clipboard import OSC52, SYSTEM, ClipboardUnavailable, copy_text

# Unicode, a line break, and an OSC 52 sequence that would set the clipboard by itself.
HOSTILE = "Zoë said “ça ira” — 东京\nsecond line\x1b]52;c;aGk=\x07 end\x1b[31m"
CLEAN = "Zoë said “ça ira” — 东京\nsecond line end"

needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xclip")),
    reason="Xvfb and xclip are needed to test the X clipboard (apt-get install xvfb xclip)",
)


@pytest.fixture(scope="module")
def x_display():
    """A private X server; Xvfb picks a free display and writes its number once it accepts."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as ready:
            number = ready.readline().strip()
        assert number, "Xvfb exited before accepting connections"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _read_clipboard(display: str) -> str:
    return subprocess.run(
        ["xclip", "-selection", "clipboard", "-o"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout


@needs_x
@pytest.mark.parametrize(
    "text, pasted",
    [
        ("plain words", "plain words"),
        (HOSTILE, CLEAN),
        ("TY  - NEWS\nER  - ", "TY  - NEWS\nER  - "),
    ],
)
def test_copy_reaches_the_x_clipboard(x_display, monkeypatch, text, pasted):
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert copy_text(text) == SYSTEM
    assert _read_clipboard(x_display) == pasted


@needs_x
async def test_a_display_nobody_serves_falls_back_to_osc52(x_display, monkeypatch):
    # xclip exits quietly when DISPLAY names a dead server: the copy is read back to notice.
    monkeypatch.setenv("DISPLAY", f"{x_display}9")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = App()
    async with app.run_test():
        assert copy_text(HOSTILE, terminal=app.copy_to_clipboard) == OSC52
        assert app.clipboard == CLEAN


@pytest.fixture
def no_system_clipboard(monkeypatch, tmp_path):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not (shutil.which("xclip") or shutil.which("xsel") or shutil.which("wl-copy"))


async def test_without_a_system_clipboard_the_app_sends_osc52(no_system_clipboard):
    app = App()
    async with app.run_test():
        assert copy_text(HOSTILE, terminal=app.copy_to_clipboard) == OSC52
        assert app.clipboard == CLEAN


def test_without_a_system_clipboard_or_an_app_the_error_says_so(no_system_clipboard):
    with pytest.raises(ClipboardUnavailable) as raised:
        copy_text("anything")
    assert "\n" not in str(raised.value)
    assert "xclip" in str(raised.value)


@needs_x
async def test_y_in_the_browser_puts_the_citation_on_the_x_clipboard(
    x_display, monkeypatch, drive, strike_db
):
    monkeypatch.setenv("DISPLAY", x_display)
    async with drive(strike_db) as ui:
        await ui.press("3", "y")
        note = ui.notes()[-1]
    pasted = _read_clipboard(x_display)
    assert note == "Copied Plain text citation (system clipboard)"
    assert "We will not back down" in pasted and "Riverton water workers strike" in pasted


@needs_x
async def test_under_serve_the_servers_clipboard_is_left_alone(x_display, monkeypatch):
    """`chronicle serve`: the X clipboard belongs to the machine serving the app, not to the
    user in the web browser; the copy goes to the page (OSC 52) only."""
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert copy_text("before") == SYSTEM
    app = App()
    async with app.run_test():
        assert copy_text(HOSTILE, terminal=app.copy_to_clipboard, system=False) == OSC52
        assert app.clipboard == CLEAN
    assert _read_clipboard(x_display) == "before"


# A clipboard command that behaves as xclip does: the copy exits at once and a background
# process of its own takes the text a moment later; `-o` prints what it holds by then.
LAGGING_XCLIP = """#!/bin/sh
held="$(dirname "$0")/held"
if [ "$3" = "-o" ]; then cat "$held" 2>/dev/null; exit 0; fi
cat > "$held.new"
(sleep 0.3; mv "$held.new" "$held") > /dev/null 2>&1 &
"""


def test_a_clipboard_that_takes_the_text_late_still_has_it(monkeypatch, tmp_path):
    """xclip hands the selection to a background process after it exits: on a loaded machine
    the first read-back comes too early, and the copy is not a failure for that."""
    command = tmp_path / "xclip"
    command.write_text(LAGGING_XCLIP)
    command.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":lagging")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert copy_text("taken late") == SYSTEM
    assert (tmp_path / "held").read_text() == "taken late"
