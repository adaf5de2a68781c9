"""`e` (and the palette) exports the filtered view: a format picker, then a path prompt that
defaults to the current folder; the file is written atomically in a worker, an existing file
is replaced only after a second enter, and a path that cannot be written is one notice.
`M` copies the whole filtered timeline as Markdown."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from publish import EXPORT_FORMATS, export
from tests.tui.test_clipboard import _read_clipboard, needs_x, x_display  # noqa: F401
from tui.screens import PathPromptScreen, PickerScreen

OSC52_NOTE = "OSC 52, best effort: your terminal may ignore it"
# What the strike corpus reports of Zoë Brandt (event e3, quote q2), and what it does not.
BRANDT = ("Zoë Brandt met the union", "The city is listening")
OTHERS = ("José Álvarez called a strike", "We will not back down", "The strike ended")


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The current folder, where the path prompt points by default."""
    monkeypatch.chdir(tmp_path)


async def only_brandt(ui) -> None:
    await ui.press("a")
    await ui.type("brandt")
    await ui.press("enter")


async def choose_format(ui, label: str) -> None:
    await ui.press("e")
    assert isinstance(ui.app.screen, PickerScreen)
    await ui.type(label)
    await ui.press("enter")
    assert isinstance(ui.app.screen, PathPromptScreen)


async def type_path(ui, path: str) -> None:
    await ui.press("ctrl+u")
    await ui.type(path)


async def test_e_writes_the_filtered_view_where_the_prompt_says(drive, strike_db, tmp_path):
    async with drive(strike_db) as ui:
        await only_brandt(ui)
        await choose_format(ui, "markdown")
        assert ui.app.screen.query_one(Input).value == "./chronicle-export.md"
        await ui.press("enter")
        assert not isinstance(ui.app.screen, PathPromptScreen)
        notes = ui.notes()
    written = (tmp_path / "chronicle-export.md").read_text()
    assert all(words in written for words in BRANDT)
    assert not any(words in written for words in OTHERS)
    assert notes[-1] == (
        f"Exported 1 event and 1 quote as Markdown to {tmp_path / 'chronicle-export.md'}"
    )


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
async def test_each_format_is_the_export_of_the_filter(drive, strike_db, tmp_path, fmt):
    label, suffix = EXPORT_FORMATS[fmt].label, EXPORT_FORMATS[fmt].suffix
    async with drive(strike_db) as ui:
        await only_brandt(ui)
        await choose_format(ui, label)
        assert ui.app.screen.query_one(Input).value == f"./chronicle-export{suffix}"
        await type_path(ui, f"brandt{suffix}")
        await ui.press("enter")
        index, where = ui.app.index, ui.app.where
    written = (tmp_path / f"brandt{suffix}").read_text()
    if fmt == "ics":  # stamped with the time of writing
        written, expected = (
            [line for line in text.splitlines() if not line.startswith("DTSTAMP")]
            for text in (written, export(index, fmt, where))
        )
    else:
        expected = export(index, fmt, where)
    assert written == expected


async def test_the_palette_offers_the_export(drive, strike_db):
    async with drive(strike_db) as ui:
        await ui.press("ctrl+p")
        await ui.type("export the filtered")
        await ui.press("enter")
        assert isinstance(ui.app.screen, PickerScreen)


async def test_help_and_palette_list_the_keys(drive, strike_db):
    actions = {
        "export": "Export the filtered view to a file",
        "copy_timeline": "Copy the filtered timeline as Markdown",
        "open_url": "Open the source's web address in the web browser",
    }
    async with drive(strike_db) as ui:
        titles = {c.title for c in ui.app.get_system_commands(ui.app.screen)}
        anywhere = dict(ui.app.help_sections())["Anywhere"]
    assert set(actions.values()) <= titles
    keys = {b.action: (b.key, b.description) for b in anywhere if b.action in actions}
    assert keys == {
        action: (key, actions[action])
        for action, key in [("export", "e"), ("copy_timeline", "M"), ("open_url", "U")]
    }


async def test_an_existing_file_is_replaced_only_after_a_second_enter(drive, strike_db, tmp_path):
    target = tmp_path / "chronicle-export.md"
    target.write_text("my notes\n")
    target.chmod(0o640)
    async with drive(strike_db) as ui:
        await choose_format(ui, "markdown")
        await ui.press("enter")
        assert isinstance(ui.app.screen, PathPromptScreen)  # asked, not written
        assert target.read_text() == "my notes\n"
        asked = str(ui.app.screen.query_one("#path-hint").render())
        assert "chronicle-export.md already exists: enter replaces it" in asked
        await ui.press("enter")
        assert not isinstance(ui.app.screen, PathPromptScreen)
    assert "The city is listening" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o640  # the store's atomic write keeps the mode


async def test_escape_after_the_question_keeps_the_file(drive, strike_db, tmp_path):
    target = tmp_path / "chronicle-export.md"
    target.write_text("my notes\n")
    async with drive(strike_db) as ui:
        await choose_format(ui, "markdown")
        await ui.press("enter", "escape")
        assert not isinstance(ui.app.screen, PathPromptScreen)
        notes = ui.notes()
    assert target.read_text() == "my notes\n"
    assert not any(note.startswith("Exported") for note in notes)


async def test_a_symlink_is_followed(drive, strike_db, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    (tmp_path / "link.md").symlink_to(real)
    async with drive(strike_db) as ui:
        await choose_format(ui, "markdown")
        await type_path(ui, "link.md")
        await ui.press("enter", "enter")
    assert (tmp_path / "link.md").is_symlink()
    assert "# Timeline" in real.read_text()


@pytest.mark.parametrize(
    "path, problem",
    [("missing/x.md", "No such file or directory"), ("file.md/x.md", "Not a directory")],
)
async def test_a_path_that_cannot_be_written_is_one_notice(
    drive, strike_db, tmp_path, path, problem
):
    (tmp_path / "file.md").write_text("a file, not a folder\n")
    async with drive(strike_db) as ui:
        await choose_format(ui, "markdown")
        await type_path(ui, path)
        await ui.press("enter")
        assert ui.app.is_running
        notes = ui.notes()
        await ui.press("j")  # still answering keys
    assert notes[-1] == f"Could not export to {tmp_path / path}: {problem}"
    left = set(os.listdir(tmp_path)) - {"strike.json", "strike.json.lock"}
    assert left == {"file.md"}  # no temporary file either


async def test_a_folder_is_not_a_file_name(drive, strike_db, tmp_path):
    (tmp_path / "out").mkdir()
    async with drive(strike_db) as ui:
        await choose_format(ui, "markdown")
        await type_path(ui, "out")
        await ui.press("enter")
        assert isinstance(ui.app.screen, PathPromptScreen)
        hint = str(ui.app.screen.query_one("#path-hint").render())
    assert "out is a folder" in hint


# --- M: the filtered timeline as Markdown on the clipboard ---------------------------------


async def test_M_copies_the_filtered_timeline_as_markdown(drive, strike_db, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    async with drive(strike_db) as ui:
        await only_brandt(ui)
        await ui.press("M")
        copied, notes = ui.app.clipboard, ui.notes()
        expected = export(ui.app.index, "markdown", ui.app.where)
    assert copied == expected
    assert all(words in copied for words in BRANDT)
    assert not any(words in copied for words in OTHERS)
    assert notes[-1] == f"Copied the timeline as Markdown: 1 event and 1 quote ({OSC52_NOTE})"


@needs_x
async def test_M_puts_the_markdown_on_the_x_clipboard(
    drive,
    strike_db,
    monkeypatch,
    x_display,  # noqa: F811
):
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    async with drive(strike_db) as ui:
        await ui.press("M")
        notes = ui.notes()
        expected = export(ui.app.index, "markdown", ui.app.where)
    assert _read_clipboard(x_display).rstrip("\n") == expected.rstrip("\n")
    assert notes[-1] == "Copied the timeline as Markdown: 4 events and 2 quotes (system clipboard)"


async def test_the_items_are_selected_on_the_event_loop_not_in_the_worker(
    drive, strike_db, monkeypatch
):
    """Selecting reads and updates the index's search caches, which a worker must not touch
    while the event loop answers keys."""
    from store.queries import CorpusIndex

    threads: list[str] = []
    for name in ("events", "quotes"):
        select = getattr(CorpusIndex, name)

        def recorded(self, where=None, *, select=select):
            threads.append(threading.current_thread().name)
            return select(self, where)

        monkeypatch.setattr(CorpusIndex, name, recorded)
    async with drive(strike_db) as ui:
        await ui.type("/union")
        await ui.press("enter")
        threads.clear()
        await ui.press("M")
        await choose_format(ui, "CSV")
        await ui.press("enter")
        notes = ui.notes()
    assert notes[-2].startswith("Copied the timeline as Markdown: 3 events")
    assert notes[-1].startswith("Exported 3 events")
    assert threads and set(threads) == {threading.main_thread().name}


# --- chronicle serve: the file goes to the user's web browser, not the server's disk ---------


async def test_under_serve_the_export_is_a_download(drive, strike_db, tmp_path, monkeypatch):
    from tui.app import ChronicleApp

    delivered: list[tuple[str, str | None]] = []

    def deliver_text(self, file, *, save_filename=None, **options):
        delivered.append((file.read(), save_filename))

    monkeypatch.setattr(ChronicleApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(ChronicleApp, "deliver_text", deliver_text)
    async with drive(strike_db) as ui:
        await only_brandt(ui)
        await ui.press("e")
        await ui.type("markdown")
        await ui.press("enter")  # no path to ask for
        assert not isinstance(ui.app.screen, PathPromptScreen)
        notes = ui.notes()
        expected = export(ui.app.index, "markdown", ui.app.where)
    assert delivered == [(expected, "chronicle-export.md")]
    assert notes[-1] == "Sent 1 event and 1 quote as Markdown: chronicle-export.md"
    assert not (tmp_path / "chronicle-export.md").exists()
