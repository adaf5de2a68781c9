"""The `o` document viewer: the whole article, scrolled to the cited span, which is
highlighted. The text is printable, never markup."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from extract.display import printable
from extract.model import Citation, CorpusDocument
from tui.format import one_line


class DocumentScreen(Screen[None]):
    """One paragraph per line of the document; the cited one is scrolled into view."""

    DEFAULT_CSS = """
    DocumentScreen #document-title { background: $panel; color: $text; padding: 0 1; }
    DocumentScreen VerticalScroll { padding: 0 2; }
    DocumentScreen .paragraph { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,o", "app.pop_screen", "Close the document"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, document: CorpusDocument, citation: Citation | None) -> None:
        super().__init__()
        self.document = document
        self.citation = citation

    def compose(self) -> ComposeResult:
        doc = self.document.document
        where = " · ".join(
            part
            for part in (
                one_line(doc.title or ""),
                one_line(doc.publisher or ""),
                str(doc.published or "date unknown"),
                one_line(doc.path),
            )
            if part
        )
        yield Static(Text(where), id="document-title")
        with VerticalScroll(id="document-body"):
            start = 0
            for number, line in enumerate(doc.text.split("\n")):
                end = start + len(line)
                if line.strip():
                    yield Static(
                        self._paragraph(line, start), classes="paragraph", id=f"line-{number}"
                    )
                start = end + 1
        yield Footer()

    def _paragraph(self, line: str, offset: int) -> Text:
        span = self.citation.span if self.citation else None
        if span is None or not (offset <= span.start <= offset + len(line)):
            return Text(printable(line))
        low, high = span.start - offset, min(span.end - offset, len(line))
        out = Text(printable(line[:low]))
        out.append(printable(line[low:high]), style="reverse")
        out.append(printable(line[high:]))
        return out

    def on_mount(self) -> None:
        if self.citation is None:
            return
        number = self.document.document.text.count("\n", 0, self.citation.span.start)
        target = self.query(f"#line-{number}")
        if target:
            self.call_after_refresh(
                self.query_one("#document-body").scroll_to_center, target.first(), animate=False
            )

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#document-body", VerticalScroll)
        body.scroll_down(animate=False) if direction == "down" else body.scroll_up(animate=False)
