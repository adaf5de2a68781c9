"""Settings that outlive the app: the citation format chosen with `Y` and the theme chosen in
the command palette are there when the browser starts again; `[keys]` moves a binding."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import constants

from store.settings import DEFAULT_THEME, read_settings
from tests.conftest import settings_file


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)


def test_the_default_theme_is_textuals() -> None:
    assert DEFAULT_THEME == constants.DEFAULT_THEME


async def test_format_and_theme_chosen_survive_a_restart(drive, strike_db, tmp_path: Path):
    async with drive(strike_db) as ui:
        await ui.press("Y")
        await ui.type("APA")
        await ui.press("enter")
        ui.app.action_change_theme()  # the palette's "Change theme"
        await ui.settle()
        await ui.type("nord")
        await ui.press("enter")
        assert (ui.app.citation_format, ui.app.theme) == ("apa", "nord")
    assert settings_file(tmp_path).read_text() == 'citation_format = "apa"\ntheme = "nord"\n'
    async with drive(strike_db) as ui:  # a second app, on the same settings file
        assert (ui.app.citation_format, ui.app.theme) == ("apa", "nord")
        await ui.press("3", "y")
        assert ui.notes()[-1].startswith("Copied APA citation")


async def test_a_key_override_takes_effect(drive, strike_db, tmp_path: Path):
    path = settings_file(tmp_path)
    path.parent.mkdir()
    path.write_text('[keys]\nshow_pane_quotes = "f3"\npick_source = "S"\n')
    async with drive(strike_db) as ui:
        await ui.press("f3")
        assert ui.app.pane == "quotes"
        await ui.press("1", "3")  # the key it replaced no longer does it
        assert ui.app.pane == "timeline"
        await ui.press("S")
        assert ui.app.screen.title_text == "Filter by source"
        await ui.press("escape", "question_mark")  # the help screen shows the new keys
        keys = {b.action: b.key for _, bindings in ui.app.screen.sections for b in bindings}
    assert (keys["show_pane('quotes')"], keys["pick_source"]) == ("f3", "S")


async def test_an_unusable_settings_file_is_reported_and_left_as_it_is(
    drive, strike_db, tmp_path: Path
):
    path = settings_file(tmp_path)
    path.parent.mkdir()
    path.write_text('theme = "nord"\n[keys\n')
    async with drive(strike_db) as ui:
        assert ui.app.theme == DEFAULT_THEME
        await ui.press("Y")
        await ui.type("MLA")
        await ui.press("enter")
        assert ui.app.citation_format == "mla"  # for this run
        notes = ui.notes()
    assert notes[0].startswith(f"settings file {path}: not valid TOML")
    assert any(note.startswith(f"Not saved: settings file {path}") for note in notes)
    assert path.read_text() == 'theme = "nord"\n[keys\n'


async def test_unknown_names_in_the_file_are_reported(drive, strike_db, tmp_path: Path):
    path = settings_file(tmp_path)
    path.parent.mkdir()
    path.write_text('citation_format = "vancouver"\ntheme = "mauve"\n[keys]\nfly = "f"\n')
    async with drive(strike_db) as ui:
        notes = ui.notes()
        assert (ui.app.citation_format, ui.app.theme) == ("plain", DEFAULT_THEME)
    assert notes[0].startswith("unknown citation format 'vancouver' (plain, markdown, apa")
    assert notes[1:] == ["unknown theme 'mauve' (ctrl+p, Change theme)", "[keys]: no binding 'fly'"]
    assert read_settings(path).theme == "mauve"  # not written over
