"""`chronicle serve` answers the address it prints with the app's page, and that page's socket
with the app: a real server on 127.0.0.1 driven as the page's JavaScript drives it."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

import aiohttp

from tests.hostile.attacks.serve import HOST, client, connect, first_frame, load_page, serving


def test_the_printed_address_opens_the_app(tmp_path: Path) -> None:
    with serving(tmp_path) as server:
        assert server.url.startswith(f"http://{HOST}:{server.port}/?token=")
        assert len(server.token) >= 32

        async def browse() -> tuple[str, list[str], bytes, str, int]:
            # No cookie: the page's socket carries the token in its address.
            async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
                async with session.get(server.url) as answer:
                    page, cookies = await answer.text(), answer.headers.getall("Set-Cookie", [])
                    headers = answer.headers
                assert headers["Cache-Control"] == "no-store"
                assert headers["Referrer-Policy"] == "no-referrer"
                await load_page(session, server)
                # The page's script adds the terminal's size to the socket's address.
                ws = await connect(
                    session, server, origin=server.origin, query="width=90&height=30"
                )
                assert not isinstance(ws, int), ws
                frame = await first_frame(ws)
                await ws.send_json(["stdin", "q"])  # the app quits, and the server closes
                deadline, closed = time.monotonic() + 15, "open"
                while time.monotonic() < deadline and closed == "open":
                    message = await ws.receive(timeout=15)
                    if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                        closed = message.type.name
                apps = len(await asyncio.to_thread(server.settle, 0, 5))
                return page, cookies, frame, closed, apps

        page, cookies, frame, closed, apps = asyncio.run(browse())
    assert "textual.js" in page  # the in-browser terminal
    # The app runs behind this websocket, whose address holds the token.
    assert f'"ws://{HOST}:{server.port}/ws/{server.token}"' in page
    assert cookies == []
    assert frame  # the app drew its screen
    assert closed in ("CLOSE", "CLOSED")
    assert apps == 0


def test_the_page_without_its_token_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path) as server:

        async def visit() -> tuple[int, str]:
            async with (
                aiohttp.ClientSession() as session,
                session.get(f"{server.origin}/") as answer,
            ):
                return answer.status, await answer.text()

        status, text = asyncio.run(visit())
    assert status == 403
    assert "token" in text


def test_malformed_messages_are_dropped_and_the_session_lives(tmp_path: Path) -> None:
    with serving(tmp_path) as server:

        async def garble() -> tuple[str, list[object]]:
            async with client() as session:
                await load_page(session, server)
                ws = await connect(session, server, origin=server.origin)
                assert not isinstance(ws, int), ws
                await first_frame(ws)
                for junk in ("not json", "{}", "[]", '["stdin", 5]', '["resize", {"width": "x"}]'):
                    await ws.send_str(junk)
                await ws.send_json(["resize", {"width": 10**9, "height": -5}])
                await ws.send_json(["ping", "still there?"])
                deadline, message = time.monotonic() + 10, None
                while time.monotonic() < deadline:
                    message = await ws.receive(timeout=10)
                    if message.type == aiohttp.WSMsgType.TEXT:
                        break
                await ws.close()
                return message.type.name if message else "", message.json() if message else []

        kind, answer = asyncio.run(garble())
    assert (kind, answer) == ("TEXT", ["pong", "still there?"])


def test_an_app_deaf_to_quit_and_sigterm_is_killed_and_reaped() -> None:
    """What a tab closed during start-up left: an app that reads nothing and ignores SIGTERM,
    with a child of its own. Ending its session kills the whole group within the grace."""
    from textual_serve.download_manager import DownloadManager

    from cli.serve import GRACE, AppSession

    deaf = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "while True: time.sleep(1)\n"
    )

    async def nothing(*_: object) -> None:
        return None

    async def session() -> tuple[int, int, float, int | None]:
        app = AppSession(
            [sys.executable, "-c", deaf],
            write_bytes=nothing,
            write_str=nothing,
            close=nothing,
            download_manager=DownloadManager(),
        )
        await app._open_app_process()  # the process alone, as before its first frame
        process = app._process
        assert process is not None and process.stdout is not None
        child = int(await process.stdout.readline())
        started = time.monotonic()
        await app.stop()
        return process.pid, child, time.monotonic() - started, process.returncode

    pid, child, took, code = asyncio.run(session())
    assert code == -signal.SIGKILL
    assert took < 3 * GRACE + 1
    assert not Path(f"/proc/{pid}").exists()  # reaped, not a zombie
    deadline = time.monotonic() + 5  # the child went with its group
    while not _dead(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _dead(child)


def _dead(pid: int) -> bool:
    """Gone, or a zombie its new parent has not reaped yet."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
