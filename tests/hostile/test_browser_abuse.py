"""The browser under hostile paths: a database's path is shown as the characters it is."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.widgets._toast import Toast
from textual.worker import WorkerFailed

from tui.app import ChronicleApp


@pytest.mark.parametrize("folder", ["x[/nope]y", "[b]bold[/b]", "[@click=app.quit]q[/]"])
async def test_a_damaged_database_under_a_markup_folder_is_named_as_it_is(
    tmp_path: Path, folder: str
) -> None:
    database = tmp_path / folder / "db.json"
    database.parent.mkdir(parents=True)
    database.write_text("{not json", encoding="utf-8")
    app = ChronicleApp(database)
    async with app.run_test(size=(200, 40), notifications=True) as pilot:
        with contextlib.suppress(WorkerFailed):  # the app reports it: that is under test
            await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        still_running = app.is_running
    assert still_running
    assert len(toasts) == 1
    shown = " ".join(toasts[0].split())
    assert f"mv {database} {database}.damaged" in shown
