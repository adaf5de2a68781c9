"""`U` opens the web address of the document the evidence pane cites, in the web browser
(`webbrowser.open`, in a worker: the call is checked, no browser is needed); a document with
no address, or one that is not a web address, is a notice."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from extract.model import Corpus, CorpusDocument, CorpusEvent, Document
from tests.corpora import cite, day, store_corpus

URL = "https://news.example.org/strike?id=7&lang=en"
ONLINE = Document(
    "/news/online.html", "On 3 March 2024 the strike began.\n", title="Online", url=URL
)
OFFLINE = Document("/news/offline.txt", "On 4 March 2024 the talks failed.\n", title="Offline")
HOSTILE = Document(
    "/news/hostile.html",
    "On 5 March 2024 the port closed.\n",
    title="Hostile",
    url="file:///etc/passwd",
)
CORPUS = Corpus(
    documents=(
        CorpusDocument("d1", ONLINE),
        CorpusDocument("d2", OFFLINE),
        CorpusDocument("d3", HOSTILE),
    ),
    actors=(),
    events=(
        CorpusEvent(
            "e1",
            "3 March 2024",
            day("2024-03-03"),
            "the strike began",
            (),
            (cite("d1", ONLINE, "On 3 March 2024 the strike began."),),
        ),
        CorpusEvent(
            "e2",
            "4 March 2024",
            day("2024-03-04"),
            "the talks failed",
            (),
            (cite("d2", OFFLINE, "On 4 March 2024 the talks failed."),),
        ),
        CorpusEvent(
            "e3",
            "5 March 2024",
            day("2024-03-05"),
            "the port closed",
            (),
            (cite("d3", HOSTILE, "On 5 March 2024 the port closed."),),
        ),
    ),
    quotes=(),
)


class FakeBrowser(webbrowser.BaseBrowser):
    """A graphical browser that records what it is asked to open (and can fail to start)."""

    def __init__(self, name: str = "firefox", *, starts: bool = True) -> None:
        super().__init__(name)
        self.opened: list[str] = []
        self.starts = starts

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return self.starts


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses the web browser was asked to open."""
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    return browser.opened


@pytest.fixture
def web_db(tmp_path: Path) -> Path:
    path = tmp_path / "web.json"
    store_corpus(path, CORPUS)
    return path


async def first_event(ui, summary: str) -> None:
    """Move the timeline's cursor to the event `summary`, wherever the app opened it."""
    await ui.press("g")
    for _ in range(len(CORPUS.events)):
        if ui.app.current_list.selected.summary == summary:
            return
        await ui.press("j")
    raise AssertionError(f"no event {summary!r}")


async def test_u_opens_the_cited_documents_url(drive, web_db, opened):
    async with drive(web_db) as ui:
        await first_event(ui, "the strike began")
        await ui.press("U")
        notes = ui.notes()
    assert opened == [URL]
    assert notes[-1] == f"Opening {URL}"


async def test_a_document_without_url_is_a_notice(drive, web_db, opened):
    async with drive(web_db) as ui:
        await first_event(ui, "the talks failed")
        await ui.press("U")
        notes = ui.notes()
    assert opened == []
    assert notes[-1] == "This source has no web address."


async def test_only_web_addresses_are_opened(drive, web_db, opened):
    async with drive(web_db) as ui:
        await first_event(ui, "the port closed")
        await ui.press("U")
        notes = ui.notes()
    assert opened == []
    assert notes[-1] == "Not a web address, not opened: file:///etc/passwd"


async def test_U_on_the_actors_pane_says_what_to_select(drive, web_db, opened):
    async with drive(web_db) as ui:
        await ui.press("2", "U")
        notes = ui.notes()
    assert opened == []
    assert notes[-1] == "Select an event or a quote to open its source's web address."


async def test_a_browser_that_cannot_start_is_a_notice(drive, web_db, monkeypatch):
    monkeypatch.setattr(webbrowser, "get", lambda using=None: FakeBrowser(starts=False))
    async with drive(web_db) as ui:
        await first_event(ui, "the strike began")
        await ui.press("U")
        notes = ui.notes()
    assert notes[-1] == f"No web browser could open {URL}"


async def test_under_serve_the_users_browser_opens_it(drive, web_db, opened, monkeypatch):
    """`chronicle serve`: Textual's web driver asks the page to open it, not a server's browser."""
    from tui.app import ChronicleApp

    asked: list[str] = []
    monkeypatch.setattr(ChronicleApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(ChronicleApp, "open_url", lambda self, url, new_tab=True: asked.append(url))
    async with drive(web_db) as ui:
        await first_event(ui, "the strike began")
        await ui.press("U")
    assert asked == [URL]
    assert opened == []


async def test_a_text_mode_browser_is_not_started_over_the_app(drive, web_db, monkeypatch):
    lynx = webbrowser.GenericBrowser("lynx")  # what Python picks with no display but lynx
    monkeypatch.setattr(lynx, "open", lambda *args, **kwargs: pytest.fail("lynx was started"))
    monkeypatch.setattr(webbrowser, "get", lambda using=None: lynx)
    async with drive(web_db) as ui:
        await first_event(ui, "the strike began")
        await ui.press("U")
        notes = ui.notes()
    assert (
        notes[-1] == f"The only web browser here, lynx, runs in this terminal: open {URL} "
        "from another one"
    )


async def test_a_browser_command_writes_nothing_over_the_app(
    drive, web_db, monkeypatch, tmp_path, capfd
):
    """xdg-open and the commands in $BROWSER talk on the terminal they are given; the app's
    screen is not theirs to write on."""
    opened = tmp_path / "opened.txt"
    script = 'echo "Opening in existing browser session."; echo "$1" > "$0"'
    command = webbrowser.BackgroundBrowser(["sh", "-c", script, str(opened), "%s"])
    monkeypatch.setattr(webbrowser, "get", lambda using=None: command)
    async with drive(web_db) as ui:
        await first_event(ui, "the strike began")
        await ui.press("U")
        for _ in range(100):  # the command runs detached: wait for what it wrote
            if opened.exists() and opened.read_text():
                break
            await ui.pilot.pause(0.05)
    assert opened.read_text().strip() == URL
    assert "existing browser session" not in capfd.readouterr().out
