"""`y` copies the selected item's citation in the chosen format; `Y` chooses the format, which
is remembered. With no system clipboard the copy goes through OSC 52 and says so."""

from __future__ import annotations

import pytest

from publish import CITATION_FORMATS

OSC52_NOTE = "OSC 52, best effort: your terminal may ignore it"


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("fmt, label", list(CITATION_FORMATS.items()))
async def test_copy_a_quote_in_each_format(drive, strike_db, fmt, label):
    async with drive(strike_db) as ui:
        await ui.press("3", "Y")
        await ui.type(label)
        await ui.press("enter")  # choosing a format copies with it
        assert ui.app.citation_format == fmt
        first = ui.app.clipboard
        ui.app.copy_to_clipboard("")
        await ui.press("y")  # the format is remembered
        copied, notes = ui.app.clipboard, ui.notes()
    assert copied == first
    assert notes[-1] == f"Copied {label} citation ({OSC52_NOTE})"
    assert "We will not back down" in copied
    assert "Álvarez" in copied or "\\u00c1lvarez" in copied
    assert "Riverton water workers strike" in copied


async def test_copy_an_event_cites_the_outlet_shown_in_the_evidence_pane(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("g", "j", "y")  # e2, reported by two outlets
        first = ui.app.clipboard
        await ui.press("right_square_bracket", "y")
        second = ui.app.clipboard
    assert "Riverton water workers strike" in first and "Valley Courier" in first
    assert "Mayor meets union" in second


async def test_copy_on_the_actors_pane_says_what_to_select(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("2", "y")
        assert ui.notes()[-1] == "Select an event or a quote to copy its citation."


async def test_copied_text_carries_no_control_sequences(drive, hostile_db):
    async with drive(hostile_db) as ui:
        await ui.press("y")
        copied = ui.app.clipboard
    assert copied and "\x1b" not in copied and "\x07" not in copied
