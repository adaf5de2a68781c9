"""The `d` date filter: free text ("since nov 20", "nov 20 - nov 23", "last week of november
2025") read as an interval, shown before it is applied."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from store import parse_span

Interval = tuple[date | None, date | None]
PROMPT = "Dates: “since nov 20”, “nov 20 - nov 23”, “last week of november 2025”"

# "since nov 20", "from 2025-11-20", "after nov 20": an open end; the word says which.
_OPEN = re.compile(r"^\s*(?P<word>since|from|after|until|till|to|before)\s+(?P<rest>.+)$", re.I)
# "nov 20 - nov 23", "nov 20 – 23 nov", "nov 20 to nov 23", "between nov 20 and nov 23".
_RANGE = re.compile(
    r"^\s*(?:between\s+|from\s+)?(?P<first>.+?)\s*(?:\s-\s|–|—|\sto\s|\sand\s|\suntil\s)\s*(?P<last>.+)$",
    re.I,
)


def read_interval(text: str, *, today: date | None = None) -> Interval:
    """The (since, until) days `text` names; either may be None (open); ValueError if none."""
    if match := _RANGE.match(text):
        since = parse_span(match["first"], today=today)[0]
        until = parse_span(match["last"], today=today)[1]
        if until < since:  # "nov until 1": an empty interval would silently show nothing
            raise ValueError(f"{text.strip()!r} ends before it starts")
        return since, until
    if match := _OPEN.match(text):
        first, last = parse_span(match["rest"], today=today)
        word = match["word"].lower()
        if word in ("since", "from"):
            return first, None
        if word == "after":
            return last + timedelta(days=1), None
        if word == "before":
            return None, first - timedelta(days=1)
        return None, last
    return parse_span(text, today=today)


def interval_label(interval: Interval) -> str:
    since, until = interval
    if since and until:
        return f"{_day(since)} – {_day(until)}"
    return f"since {_day(since)}" if since else f"until {_day(until)}"


def _day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


class DateFilterScreen(ModalScreen[Interval | None]):
    """Returns (since, until), or None on escape. `prompt`: what the dates are for (the `t` jump
    reads dates the same way as the `d` filter). `apply`, if given, is called with the interval
    before the prompt closes, so that what it changes is drawn in the closing frame (a result
    callback runs after that frame, and a second frame follows)."""

    DEFAULT_CSS = """
    DateFilterScreen { align: center middle; }
    DateFilterScreen > Vertical {
        width: 70%; max-width: 80; height: auto;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    DateFilterScreen #understood { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close without filtering", show=False),
    ]

    def __init__(
        self,
        *,
        today: date | None = None,
        prompt: str = PROMPT,
        apply: Callable[[Interval], None] | None = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.prompt = prompt
        self.apply = apply
        self.interval: Interval | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt)
            yield Input(placeholder="when?", id="date-input")
            yield Label("Type a date or a range; enter applies it.", id="understood")

    def on_screen_resume(self) -> None:
        """Shown (again: the `t` jump keeps its prompt): empty, as new."""
        self.interval = None
        self.query_one("#date-input", Input).value = ""

    @on(Input.Changed, "#date-input")
    def _typed(self, event: Input.Changed) -> None:
        self.interval = None
        self._read(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read(self, text: str) -> None:
        """Read off the event loop: a date is read in well under a millisecond, but what is
        pasted into the box may be a page."""
        try:
            interval = read_interval(text, today=self.today) if text.strip() else None
        except ValueError:
            interval = None
        self.app.call_from_thread(self._understood, text, interval)

    def _understood(self, text: str, interval: Interval | None) -> None:
        if self.query_one("#date-input", Input).value != text:
            return
        self.interval = interval
        label = (
            f"Understood: {interval_label(interval)} (enter applies)"
            if interval
            else "Not a date I can read yet."
            if text.strip()
            else "Type a date or a range."
        )
        self.query_one("#understood", Label).update(Text(label))

    @on(Input.Submitted, "#date-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.interval is None and event.value.strip():
            try:
                self.interval = read_interval(event.value, today=self.today)
            except ValueError:
                self.notify("Not a date I can read.", severity="warning")
                return
        if self.interval is not None:
            if self.apply is not None:
                self.apply(self.interval)
            self.dismiss(self.interval)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
