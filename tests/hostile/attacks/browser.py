"""The browser given hostile paths."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from textual.widgets._toast import Toast
from textual.worker import WorkerFailed

from tests.hostile.attacks import Outcome
from tui.app import ChronicleApp

# Folders whose names are Rich/Textual markup: an unmatched closing tag, a style, an action.
MARKUP_FOLDERS = ("x[/nope]y", "[b]bold[/b]", "[@click=app.quit]q[/]")


def damaged_database_notice(database: Path) -> tuple[bool, list[str]]:
    """Open the browser on `database` (damaged): whether it is still running, and the text of
    the notices it shows."""

    async def run() -> tuple[bool, list[str]]:
        app = ChronicleApp(database)
        async with app.run_test(size=(200, 40), notifications=True) as pilot:
            with contextlib.suppress(WorkerFailed):  # the app reports it: that is under test
                await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            toasts = [" ".join(str(toast.render()).split()) for toast in app.screen.query(Toast)]
            return app.is_running, toasts

    return asyncio.run(run())


def attack_markup_in_the_database_path(work: Path) -> Outcome:
    """A damaged database under a folder named like markup: the notice names the path as it is
    (the `mv` it suggests must move that file), and the browser keeps running."""
    for folder in MARKUP_FOLDERS:
        database = work / folder / "db.json"
        database.parent.mkdir(parents=True)
        database.write_text("{not json", encoding="utf-8")
        try:
            running, notices = damaged_database_notice(database)
        except Exception as crash:
            return Outcome(False, f"under {folder}: the browser crashed ({type(crash).__name__})")
        if not running or len(notices) != 1:
            return Outcome(False, f"under {folder}: {len(notices)} notices, running {running}")
        if f"mv {database} {database}.damaged" not in notices[0]:
            return Outcome(False, f"under {folder}: the notice names another path")
    return Outcome(True, "the damaged-database notice names each markup-named path literally")


ATTACKS = [attack_markup_in_the_database_path]
