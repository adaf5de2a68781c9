"""`chronicle` in a real terminal: tmux runs it, keys go in, the screen comes back as text."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.corpora import HARBOUR, WIRE, write

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


@contextmanager
def _chronicle(seeds_db: Path, tmp_path: Path, size: tuple[int, int]) -> Iterator[str]:
    """`chronicle` on a copy of the seeds in a tmux session of `size`; yields its name, then
    quits the app and kills the session."""
    session = f"chronicle-e2e-{size[0]}-{tmp_path.name}"
    database = tmp_path / "copy.json"
    database.write_bytes(seeds_db.read_bytes())
    # COLUMNS and LINES (set by some test runners) would override the terminal's real size; a
    # tmux server already running keeps its own environment, so the test's settings file is
    # named (never the developer's own).
    config = shlex.quote(os.environ["CHRONICLE_CONFIG"])
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES CHRONICLE_CONFIG={config} "
        f"{sys.executable} -m cli --db {database}"
    )
    _tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), command)
    try:
        yield session
        _tmux("send-keys", "-t", session, "q")
        time.sleep(0.5)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def _screen_until(session: str, wanted: str, *, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while True:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if wanted in screen or time.monotonic() > deadline:
            return screen
        time.sleep(0.1)


def _bottom_line_until(session: str, wanted: str, *, timeout: float = 15) -> str:
    """The screen's last line once it shows `wanted`. Anywhere else on the screen would not do:
    a terminal resized in both directions may first be drawn at the new width and the old
    height, its footer half-way up and the new bottom rows still blank."""
    deadline = time.monotonic() + timeout
    while True:
        lines = _tmux("capture-pane", "-p", "-t", session).splitlines()
        bottom = lines[-1] if lines else ""
        if wanted in bottom or time.monotonic() > deadline:
            return bottom
        time.sleep(0.1)


def test_chronicle_opens_on_the_seeds_and_answers_keys(seeds_db, tmp_path):
    with _chronicle(seeds_db, tmp_path, (120, 40)) as session:
        first = _screen_until(session, "November 2025")
        _tmux("send-keys", "-t", session, "2")
        actors = _screen_until(session, "organization")
        _tmux("send-keys", "-t", session, "1", "/")
        _screen_until(session, "search: words")
        _tmux("send-keys", "-t", session, "Geneva")
        searched = _screen_until(session, "“Geneva”")
        # Escape and the next key sent together would read as Alt+key: send them apart.
        _tmux("send-keys", "-t", session, "Escape")
        _screen_until(session, "sources · 22 events")
        _tmux("send-keys", "-t", session, "?")
        helped = _screen_until(session, "Command palette")
        _tmux("send-keys", "-t", session, "Escape")
        time.sleep(0.3)
    assert "chronicle" in first and "22 events" in first and "November 2025" in first
    assert "Ukraine" in actors and "organization" in actors
    assert "of 22 events" in searched and "“Geneva”" in searched
    assert "Copy the selected item's citation" in helped


def test_every_footer_key_is_readable_in_80_columns(seeds_db, tmp_path):
    with _chronicle(seeds_db, tmp_path, (80, 24)) as session:
        narrow = _bottom_line_until(session, "q quit")
        _tmux("send-keys", "-t", session, "/")
        searching = _bottom_line_until(session, "keep search")
        _tmux("send-keys", "-t", session, "Enter")
        # The resize waits for the search line to be gone: sent at once, the wide screen could
        # be drawn while the search's own keys still fill the footer.
        _bottom_line_until(session, "q quit")
        _tmux("resize-window", "-t", session, "-x", "120", "-y", "40")
        wide = _bottom_line_until(session, "^p palette")
    keys = ["y copy", "Y format", "/ search", "a actor", "d date", "s source", "x clear"]
    keys += ["o open", "? help", "q quit"]
    assert all(key in narrow for key in keys), narrow
    assert all(key in wide for key in [*keys, "^p palette"]), wide
    # in the search line: how to leave it
    assert "keep search" in searching and "esc clear search" in searching, searching


def _browser(tmp_path: Path, name: str, arguments: str) -> str:
    """`chronicle ARGUMENTS` in a 120×40 tmux session; returns the session's name."""
    session = f"chronicle-e2e-{name}-{tmp_path.name}"
    config = shlex.quote(os.environ["CHRONICLE_CONFIG"])
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES CHRONICLE_CONFIG={config} "
        f"{sys.executable} -m cli {arguments}"
    )
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    return session


@pytest.fixture
def news(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding one article, and where its database goes."""
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "harbour.txt", HARBOUR)
    return folder, tmp_path / "db.json"


def test_an_open_browser_shows_what_another_process_ingests(tmp_path, news):
    folder, db = news
    ingest = [sys.executable, "-m", "cli", "--db", str(db), "ingest"]
    subprocess.run([*ingest, str(folder)], cwd=ROOT, check=True, capture_output=True)
    session = _browser(tmp_path, "follow", f"--db {db} browse")
    try:
        before = _screen_until(session, "2 events")
        write(folder, "wire.txt", WIRE)
        subprocess.run([*ingest, str(folder)], cwd=ROOT, check=True, capture_output=True)
        after = _screen_until(session, "+1 event from 1 new article", timeout=10)
        _tmux("send-keys", "-t", session, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert "1 sources · 2 events" in before
    assert "+1 event from 1 new article" in after and "2 sources · 3 events" in after


def test_browse_watch_stores_a_new_file_and_shows_it(tmp_path, news):
    folder, db = news
    session = _browser(tmp_path, "watch", f"--db {db} browse --watch {folder}")
    try:
        before = _screen_until(session, "1 sources · 2 events")
        write(folder, "wire.txt", WIRE)
        after = _screen_until(session, "+1 event from 1 new article", timeout=20)
        browser = f"-m cli --db {db} browse --watch {folder}"
        child = f"-m cli --db {db} watch --parent "  # the watch the browser started
        assert _running(browser) and _running(child)
        _tmux("send-keys", "-t", session, "q")
        browsing, watching = _running_after_a_while(browser, child)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert "1 sources · 2 events" in before
    assert "+1 event from 1 new article" in after and "2 sources · 3 events" in after
    assert not browsing  # q ends the browser ...
    assert not watching  # ... and the watch it started


def test_the_watch_of_a_killed_browser_stops(tmp_path, news):
    """A browser killed outright (SIGKILL, a closed terminal) runs no cleanup: its watch must
    stop by itself rather than write on for a browser long gone."""
    folder, db = news
    session = _browser(tmp_path, "killed", f"--db {db} browse --watch {folder}")
    try:
        _screen_until(session, "1 sources · 2 events")
        child = f"-m cli --db {db} watch --parent "
        assert _running(child)
        browser = f"-m cli --db {db} browse --watch {folder}"
        subprocess.run(["pkill", "-KILL", "-f", "--", browser], check=True)
        (watching,) = _running_after_a_while(child)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert not watching


def _running_after_a_while(*command_lines: str, timeout: float = 15) -> list[bool]:
    """Whether each command still runs, once none does or `timeout` has passed."""
    deadline = time.monotonic() + timeout
    while any(map(_running, command_lines)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [_running(line) for line in command_lines]


def _running(command_line: str) -> bool:
    # "--": the command line starts with "-m", which pgrep would read as an option of its own
    found = subprocess.run(["pgrep", "-f", "--", command_line], capture_output=True)
    assert found.returncode in (0, 1), found.stderr
    return found.returncode == 0


def test_a_speaker_corrected_in_the_browser_stays_through_reingest(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "harbour.txt", HARBOUR)
    db = tmp_path / "db.json"
    ingest = [sys.executable, "-m", "cli", "--db", str(db), "ingest", str(folder)]
    subprocess.run(ingest, cwd=ROOT, check=True, capture_output=True)
    session = _browser(tmp_path, "correct", f"--db {db} browse")
    try:
        _screen_until(session, "1 sources")
        _tmux("send-keys", "-t", session, "3")
        before = _screen_until(session, "until the offer is fair")
        _tmux("send-keys", "-t", session, "S")
        _screen_until(session, "Who said it?")
        _tmux("send-keys", "-t", session, "nobody")
        time.sleep(0.3)
        _tmux("send-keys", "-t", session, "Enter")
        corrected = _screen_until(session, "spoken by nobody")
        _tmux("send-keys", "-t", session, "q")
        time.sleep(0.5)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    write(folder, "wire.txt", WIRE)  # more news, and the quote's own article edited
    write(folder, "harbour.txt", HARBOUR + "Cranes were idle on March 8, 2024.\n")
    subprocess.run(ingest, cwd=ROOT, check=True, capture_output=True)
    session = _browser(tmp_path, "reopen", f"--db {db} browse")
    try:
        _screen_until(session, "2 sources")
        _tmux("send-keys", "-t", session, "3")
        after = _screen_until(session, "until the offer is fair")
        _tmux("send-keys", "-t", session, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert "Marta Jansen" in _row(before, "“until the offer is fair”")
    assert "spoken by nobody" in corrected
    assert "unattributed" in _row(after, "“until the offer is fair”")  # the quote's row


def _row(screen: str, text: str) -> str:
    """The first line of the screen that holds `text` (the list is drawn left of the evidence)."""
    return next(line for line in screen.splitlines() if text in line)
