"""Fixtures for the browser: small databases written through the real store, and a driver
that starts the app, waits for its workers and presses keys."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from extract.model import (
    ActorKind,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    CorpusQuote,
    Document,
)
from store import ingest, open_database
from tests.corpora import cite, day, store_corpus
from tui.app import COUNT_DELAY, ChronicleApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# The day the seeds' relative dates are read against in the date filter.
TODAY = date(2025, 11, 25)

# A document whose text tries Rich markup, a link to a local file and an OSC 52 clipboard write.
HOSTILE_TEXT = (
    "Hostile page\n"
    "On 5 May 2024 [bold red]the council[/bold red] voted. "
    "[link=file:///etc/passwd]x[/link] \x1b]52;c;aGk=\x07 end.\n"
)
HOSTILE_DOC = Document("/news/hostile.txt", HOSTILE_TEXT, title="[bold]Hostile[/bold] page")
HOSTILE = Corpus(
    documents=(CorpusDocument("d1", HOSTILE_DOC),),
    actors=(CorpusActor("a1", "[red]Council[/red]", ActorKind.ORGANIZATION),),
    events=(
        CorpusEvent(
            "e1",
            "5 May 2024",
            day("2024-05-05"),
            "[bold red]the council[/bold red] voted \x1b]52;c;aGk=\x07",
            ("a1",),
            (
                cite(
                    "d1",
                    HOSTILE_DOC,
                    "On 5 May 2024 [bold red]the council[/bold red] voted. "
                    "[link=file:///etc/passwd]x[/link] \x1b]52;c;aGk=\x07 end.",
                ),
            ),
        ),
    ),
    quotes=(
        CorpusQuote(
            "q1",
            "[link=file:///etc/passwd]x[/link]",
            "a1",
            None,
            (cite("d1", HOSTILE_DOC, "[link=file:///etc/passwd]x[/link]"),),
        ),
    ),
)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.json"
    with open_database(path, write=True, wait=0) as db:
        ingest(db, sorted(SEEDS.glob("*.txt")))
    return path


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    store_corpus(path, HOSTILE)
    return path


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return tmp_path / "empty.json"


class Driver:
    """The running app and its pilot; `press` waits for the workers after every key."""

    def __init__(self, app: ChronicleApp, pilot) -> None:
        self.app, self.pilot = app, pilot

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await self.settle()

    async def type(self, text: str) -> None:
        """One key at a time, as a person types, each answered before the next."""
        for c in text:
            await self.pilot.press(_KEY_NAMES.get(c, c))
            await self.pilot.pause()
        await self.settle()

    async def settle(self) -> None:
        for _ in range(2):
            with contextlib.suppress(WorkerFailed):  # the app reports it; tests read the report
                await self.app.workers.wait_for_complete()
            await self.pilot.pause()

    async def counted(self) -> None:
        """Past the pause after which the app counts actors for the filter, and the count."""
        await self.pilot.pause(COUNT_DELAY + 0.05)
        await self.settle()

    async def until(self, done: Callable[[], object], *, timeout: float = 10.0) -> float:
        """Seconds until `done()` holds (what a worker or another process changes), the app
        running meanwhile; fails after `timeout`."""
        began = time.monotonic()
        while not done():
            assert time.monotonic() - began < timeout, "the change never showed"
            await asyncio.sleep(0.05)
        await self.settle()
        return time.monotonic() - began

    def lines(self, widget_id: str) -> list[str]:
        """The visible text of a line-API list."""
        view = self.app.query_one(f"#{widget_id}")
        return [view.render_line(y).text.rstrip() for y in range(view.size.height)]

    def notes(self) -> list[str]:
        return [str(n.message) for n in self.app._notifications]


_KEY_NAMES = {" ": "space", "-": "minus", "/": "slash", ",": "comma", ".": "full_stop"}


@pytest.fixture
def drive() -> Callable[..., AsyncIterator[Driver]]:
    @asynccontextmanager
    async def start(path: Path, *, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Driver]:
        app = ChronicleApp(path, today=TODAY)
        async with app.run_test(size=size) as pilot:
            driver = Driver(app, pilot)
            await driver.counted()  # the actors pane fills after the load, from a timer
            yield driver

    return start
