"""An article stored without a date says so where the browser shows documents: the evidence
pane's source line and the document screen's title line."""

from __future__ import annotations

from pathlib import Path

from tests.corpora import store_corpus
from tests.tui.conftest import HOSTILE
from tui.screens.document_screen import DocumentScreen


async def test_an_undated_document_says_date_unknown(drive, tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    store_corpus(path, HOSTILE)  # its one document has no date
    async with drive(path) as ui:
        evidence = ui.app.query_one("#evidence").render_text().plain
        assert "1 of 1 · date unknown · line 2" in evidence
        await ui.press("o")
        screen = ui.app.screen
        assert isinstance(screen, DocumentScreen)
        assert "date unknown" in str(screen.query_one("#document-title").render())
