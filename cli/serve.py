"""The web server behind `chronicle serve`: textual-serve's page and one app process per
WebSocket, hardened. Only the server's own origin holding this run's token gets an app, a few at
a time, and no app process outlives its connection or the server.

The token travels in addresses only, never in a cookie (cookies ignore ports, so every other
server on the same host name would receive it): the page's query (`/?token=`), the socket's path
(`/ws/TOKEN`, to which the page's script adds `?width=&height=`) and a download's path
(`/download/TOKEN/KEY`). The static files are textual-serve's own, and stay open.

The app's stderr (a crash message may quote article text) reaches the server's stderr one line at
a time through `extract.display.printable`, so it cannot drive the operator's terminal."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import shlex
import signal
import socket
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from extract.display import printable

log = logging.getLogger("chronicle.serve")

SESSIONS = 4  # app processes at once (each holds the whole index: about 100 MB)
COLUMNS = (1, 500)  # terminal sizes a client may ask for, inclusive
ROWS = (1, 200)
GRACE = 1.0  # seconds an app gets to quit, then to end on SIGTERM, before SIGKILL
MAX_MESSAGE = 2**20  # bytes in one message from the browser (keys, pastes, resizes)
APP_LINES = 200  # lines of an app's stderr shown per session; the rest are counted
LINE = 1000  # characters shown of one such line
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD = frozenset({"", "0.0.0.0", "::"})  # bound to every address: any Host is ours


class ServeError(Exception):
    """The server could not start (one line, for `chronicle: ...`)."""


def netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def clamp(value: object, bounds: tuple[int, int], default: int) -> int:
    """`value` (a query string or a JSON number) as an int within `bounds`; `default` if it is
    not a number."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return default
    try:
        number = int(value)
    except (ValueError, OverflowError):
        return default
    return max(bounds[0], min(bounds[1], number))


class AppSession(AppService):
    """One app process for one WebSocket, in a process group of its own so that it can be
    ended whole, whatever state it is in."""

    def __init__(
        self,
        argv: list[str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[object]],
        download_manager: DownloadManager,
        download_prefix: str = "",
    ) -> None:
        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,  # type: ignore[arg-type]  # aiohttp's close() returns a bool
            download_manager=download_manager,
        )
        self.argv = argv
        self.download_prefix = download_prefix  # put before a download's key: `TOKEN/`

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # No shell between us and the app: the pid we signal is the app's.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        await self._open_app_process(width, height)
        self._task = asyncio.create_task(self._relay())

    async def _relay(self) -> None:
        """Stream the app to the browser; when the app's output ends, close the socket."""
        try:
            await self.run()
        except Exception:
            log.exception("app session %s", self.app_service_id)
        with suppress(Exception):
            await self.remote_close()

    async def run(self) -> None:
        """textual-serve's relay of the app's packets to the browser, with the app's stderr
        shown as it comes, made printable (textual-serve kept it in memory, without bound, and
        wrote it raw to stdout)."""
        process = self._process
        assert process is not None and process.stdout is not None and process.stderr is not None
        stdout = process.stdout
        errors = asyncio.create_task(self._show_stderr(process.stderr))
        try:
            for _ in range(10):  # the prelude that says a Textual app is speaking
                if (line := await stdout.readline()) in (b"", b"__GANGLION__\n"):
                    break
            if line != b"__GANGLION__\n":
                log.error("app session %s: the app did not start", self.app_service_id)
            while True:
                kind = await stdout.readexactly(1)
                size = int.from_bytes(await stdout.readexactly(4), "big")
                payload = await stdout.readexactly(size)
                if kind == b"D":
                    await self.on_data(payload)
                elif kind == b"M":
                    await self.on_meta(payload)
                elif kind == b"P":
                    await self.on_packed(payload)
        except (asyncio.IncompleteReadError, ConnectionResetError):
            pass  # the app ended
        finally:
            # The app's last words (a traceback) come after its output ends: wait for them.
            with suppress(TimeoutError):
                await asyncio.wait_for(errors, GRACE)

    async def _show_stderr(self, stderr: asyncio.StreamReader) -> None:
        """Each line of the app's stderr on the server's stderr, printable and cut to LINE
        characters; after APP_LINES lines, only how many more there were."""
        shown = dropped = 0
        pending = b""
        while chunk := await stderr.read(4096):
            *lines, pending = (pending + chunk).split(b"\n")
            if len(pending) > 4 * LINE:  # a line without end: shown in pieces, each cut
                lines, pending = [*lines, pending], b""
            for line in lines:
                if shown < APP_LINES:
                    text = printable(line.decode("utf-8", "replace"))
                    print(f"chronicle serve: app: {text[:LINE]}", file=sys.stderr, flush=True)
                    shown += 1
                else:
                    dropped += 1
        if pending and shown < APP_LINES:
            text = printable(pending.decode("utf-8", "replace"))
            print(f"chronicle serve: app: {text[:LINE]}", file=sys.stderr, flush=True)
        elif pending:
            dropped += 1
        if dropped:
            print(f"chronicle serve: app: ({dropped} more lines)", file=sys.stderr, flush=True)

    async def on_meta(self, data: bytes) -> None:
        """textual-serve's handling, except that the browser is told the download's address
        with this run's token before its key, since a download is no longer gated by a cookie."""
        meta = json.loads(data)
        if not isinstance(meta, dict) or meta.get("type") != "deliver_file_start":
            await super().on_meta(data)
            return
        try:
            key = str(meta["key"])
            await self._download_manager.create_download(
                app_service=self,
                delivery_key=key,
                file_name=Path(meta["path"]).name,
                open_method=meta["open_method"],
                mime_type=meta["mime_type"],
                encoding=meta["encoding"],
                name=meta.get("name"),
            )
        except KeyError:
            log.error("app session %s: a download without its details", self.app_service_id)
            return
        # The page's script opens `/download/` + this.
        await self.remote_write_str(json.dumps(["deliver_file_start", self.download_prefix + key]))

    async def stop(self) -> None:
        """End the app: ask it to quit, then SIGTERM, then SIGKILL its group; reap it. Safe to
        call more than once, and at any moment (before the app has started too)."""
        process = self._process
        if process is not None and process.returncode is None:
            with suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), GRACE)
            with suppress(Exception):
                self.stdin.close()
            for ending in (signal.SIGTERM, signal.SIGKILL):
                try:
                    await asyncio.wait_for(process.wait(), GRACE)
                    break
                except TimeoutError:
                    if process.returncode is None:  # not reaped: its pid is still its own
                        with suppress(ProcessLookupError, PermissionError):
                            os.killpg(process.pid, ending)
            await process.wait()
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)


class ChronicleServer(Server):
    """textual-serve's Server, answering only its own origin and this run's token."""

    def __init__(self, argv: list[str], *, host: str, port: int, sessions: int = SESSIONS):
        super().__init__(shlex.join(argv), host=host, port=port, title="chronicle")
        self.argv = argv
        self.token = secrets.token_urlsafe(32)  # URL-safe: it is a path segment too
        self.limit = sessions
        self.sessions: set[AppSession] = set()
        self.closing = False

    @property
    def url(self) -> str:
        """The page's address, holding the token: what the user opens."""
        return f"http://{netloc(self.host, self.port)}/?token={self.token}"

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM; ServeError when the address cannot be served."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        app = await self._make_app()
        # No access log: it would print every request's token.
        runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=2)
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError as error:
                raise ServeError(
                    f"cannot serve on {netloc(self.host, self.port)}: {_reason(error)}"
                ) from None
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, stop.set)
            print(f"chronicle: serving on {self.url} (Ctrl+C stops)", flush=True)
            await stop.wait()
        finally:
            self.closing = True
            await asyncio.gather(*(s.stop() for s in list(self.sessions)), return_exceptions=True)
            await runner.cleanup()

    async def _make_app(self) -> web.Application:
        """textual-serve's routes with the token in the socket's and the downloads' paths."""
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.get("/download/{token}/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    def _refusal(
        self, request: web.Request, offered: str | None, *, page: bool = False
    ) -> web.Response | None:
        """A 403 unless the request comes to our own address, from our own origin (a browser
        always sends Origin on a WebSocket), with the token `offered` (from the page's query,
        or the socket's or download's path)."""
        host = request.host.lower()
        if self.host.lower() not in WILDCARD:
            names = LOOPBACK if self.host.lower() in LOOPBACK else {self.host.lower()}
            ours = {netloc(name, self.port) for name in names}
            if self.port == 80:  # the browser leaves the default port out of Host
                ours |= {f"[{name}]" if ":" in name else name for name in names}
            if host not in ours:
                return web.Response(status=403, text=f"chronicle serve: not {self.host}\n")
        origin = request.headers.get("Origin")
        if (origin is not None or not page) and (origin or "").lower() != f"http://{host}":
            return web.Response(status=403, text="chronicle serve: another site's request\n")
        if not secrets.compare_digest(_bytes(offered or ""), _bytes(self.token)):
            return web.Response(
                status=403,
                text="chronicle serve: open the address with the token that "
                "`chronicle serve` printed\n",
            )
        return None

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if (refusal := self._refusal(request, request.query.get("token"), page=True)) is not None:
            return refusal
        here = request.host  # the address the browser used: its socket goes to the same one
        context = {
            "font_size": clamp(request.query.get("fontsize"), (6, 64), 16),
            "app_websocket_url": f"ws://{here}/ws/{self.token}",
            "config": {"static": {"url": f"http://{here}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"  # its URL and page hold the token
        response.headers["X-Frame-Options"] = "DENY"
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        # A navigation (window.open) sends no Origin: checked as the page is.
        offered = request.match_info.get("token")
        if (refusal := self._refusal(request, offered, page=True)) is not None:
            return refusal
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if (refusal := self._refusal(request, request.match_info.get("token"))) is not None:
            return refusal
        if self.closing or len(self.sessions) >= self.limit:
            return web.Response(
                status=503,
                text=f"chronicle serve: {self.limit} sessions already open; close one\n",
            )
        width = clamp(request.query.get("width"), COLUMNS, 80)
        height = clamp(request.query.get("height"), ROWS, 24)
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        session = AppSession(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            download_prefix=f"{self.token}/",
        )
        self.sessions.add(session)  # counted from here, no await since the check above
        try:
            await websocket.prepare(request)
            await session.start(width, height)
            await self._process_messages(websocket, session)
        finally:
            await session.stop()
            self.sessions.discard(session)
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """Relay the browser's messages until its socket closes; malformed ones are dropped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                width = clamp(data.get("width"), COLUMNS, 80)
                await app_service.set_terminal_size(width, clamp(data.get("height"), ROWS, 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "replace")


def _reason(error: OSError) -> str:
    """`Address already in use`, not asyncio's sentence around it."""
    if isinstance(error, socket.gaierror) or not error.errno:
        return str(error.strerror or error)
    return os.strerror(error.errno)
