"""Attacks on `chronicle serve`: a real server on 127.0.0.1 and real WebSocket clients, as a web
page in another tab (or a script on the machine) would drive it. App processes are counted
through /proc as the server's descendants running `browse`.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.hostile.attacks import Attack, Outcome
from tests.hostile.corpus import article
from tests.hostile.harness import ROOT, chronicle

HOST = "127.0.0.1"
SESSIONS = 4  # concurrent app sessions the server must allow, and no more
# How long an app process may outlive its connection, or the server (terminate, grace, kill).
REAP_SECONDS = 6.0
# The printed address of the page, with its token.
_URL = re.compile(r"http://\S+")
# The WebSocket address the page gives its script (textual-serve's template).
_SOCKET = re.compile(r'data-session-websocket-url="([^"]*)"')
# An app that writes escape sequences (retitle the terminal, clear it, a bell, a carriage return
# over the line) to its stderr and ends, as a crash message quoting article text would.
NOISY_APP = (
    "import sys\n"
    "sys.stderr.write('crash in \\x1b]0;PWNED\\x07\\x1b[2Jarticle\\rtext\\n')\n"
    "sys.stderr.write('second \\x9b31mline\\n')\n"
    "sys.stderr.flush()\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def app_processes(server: int) -> set[int]:
    """The pids of the app processes (`... browse`) below the server, zombies included."""
    parents = {
        int(p.name): _parent(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()
    }
    below, grew = {server}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in below} - below
        below |= more
        grew = bool(more)
    return {pid for pid in below - {server} if " browse" in _cmdline(pid)}


def alive(pids: set[int]) -> set[int]:
    """Those of `pids` that still exist and still run `browse` (a reused pid does not count)."""
    return {pid for pid in pids if " browse" in _cmdline(pid)}


def environ(pid: int) -> dict[str, str]:
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    pairs = (item.decode(errors="replace").partition("=") for item in raw.split(b"\0") if item)
    return {name: value for name, _, value in pairs}


def database(work: Path) -> Path:
    """A small real database, so that each app process starts without ingesting the seeds."""
    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour.txt").write_text(article("harbour"))
    path = work / "chronicle.json"
    chronicle(path, "ingest", folder).check_returncode()
    return path


@dataclass
class Serving:
    """A running `chronicle serve`: its process, port, the URL it printed and its output."""

    process: subprocess.Popen[bytes]
    port: int
    url: str = ""
    output: list[str] = field(default_factory=list)  # stdout
    errors: list[str] = field(default_factory=list)  # stderr
    socket: str = ""  # the WebSocket address the page named, once a page was loaded
    seen: set[int] = field(default_factory=set)  # every app pid seen, for the cleanup

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def token(self) -> str:
        found = re.search(r"[?&]token=([^&\s]+)", self.url)
        return found.group(1) if found else ""

    def apps(self) -> set[int]:
        found = app_processes(self.process.pid)
        self.seen |= found
        return found

    def settle(self, want: int, seconds: float = REAP_SECONDS) -> set[int]:
        """The app processes once their number is `want`, or after `seconds`."""
        deadline = time.monotonic() + seconds
        while len(found := self.apps()) != want and time.monotonic() < deadline:
            time.sleep(0.1)
        return found


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex((HOST, port)) == 0


@contextmanager
def serving(work: Path, *, app: str | None = None) -> Iterator[Serving]:
    """`chronicle serve --host 127.0.0.1 --port FREE` until the block ends; then the server is
    stopped and any app process it left is killed, so that no attack leaks into the next.

    `app`: Python code the server runs as its app instead of `chronicle browse` (the same
    server class, started the way `chronicle serve` starts it)."""
    port = free_port()
    if app is None:
        path = database(work)
        command = [sys.executable, "-m", "cli", "--db", str(path), "serve", "--host", HOST]
        command += ["--port", str(port)]
    else:
        server_code = (
            "import sys\nfrom cli.serve import ChronicleServer\n"
            "ChronicleServer([sys.executable, '-c', sys.argv[1], 'browse'],"
            f" host={HOST!r}, port={port}).serve()\n"
        )
        command = [sys.executable, "-c", server_code, app]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    server = Serving(process, port)

    def read() -> None:
        assert process.stdout is not None
        for raw in process.stdout:  # bytes, so that a carriage return stays one
            server.output.append(line := raw.decode("utf-8", "surrogateescape"))
            if not server.url and (found := _URL.search(line)) and f":{port}" in found[0]:
                server.url = found[0]

    def read_errors() -> None:
        assert process.stderr is not None
        server.errors.extend(raw.decode("utf-8", "surrogateescape") for raw in process.stderr)

    readers = [threading.Thread(target=f, daemon=True) for f in (read, read_errors)]
    for reader in readers:
        reader.start()
    try:
        deadline = time.monotonic() + 30
        while not (server.url and _listening(port)) and time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"chronicle serve ended: {''.join(server.errors)}")
            time.sleep(0.05)
        yield server
    finally:
        server.apps()
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=REAP_SECONDS + 4)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for pid in alive(server.seen):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for reader in readers:
            reader.join(5)


def client() -> aiohttp.ClientSession:
    """A browser-like client: it keeps any cookie that 127.0.0.1 sets."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def load_page(session: aiohttp.ClientSession, server: Serving, query: str = "") -> int:
    """GET the page (with `query`, or with the printed URL's token); its status. The WebSocket
    address the page names is kept in `server.socket`, for `connect`."""
    url = f"{server.origin}/?{query}" if query else server.url or f"{server.origin}/"
    async with session.get(url) as answer:
        page = await answer.text()
        if answer.status == 200 and (found := _SOCKET.search(page)):
            server.socket = found[1]
        return answer.status


async def connect(
    session: aiohttp.ClientSession,
    server: Serving,
    *,
    origin: str | None,
    query: str = "",
    headers: dict[str, str] | None = None,
    path: str | None = None,
) -> aiohttp.ClientWebSocketResponse | int:
    """Open the app's WebSocket (the one the loaded page named, or `path` on the server); the
    socket, or the HTTP status that refused it. The query is added as the page's script adds
    the terminal's size."""
    headers = {**(headers or {}), **({"Origin": origin} if origin else {})}
    address = f"ws://{HOST}:{server.port}{path}" if path is not None else server.socket
    url = address + (f"?{query}" if query else "")
    try:
        return await session.ws_connect(
            url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=2)
        )
    except aiohttp.WSServerHandshakeError as refused:
        return refused.status


async def first_frame(ws: aiohttp.ClientWebSocketResponse, seconds: float = 30) -> bytes:
    """The first piece of screen the app streams (b"" if none came)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await ws.receive(timeout=left)
        except TimeoutError:
            return b""
        if message.type == aiohttp.WSMsgType.BINARY:
            data: bytes = message.data
            return data
        if message.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.ERROR,
        ):
            return b""
    return b""


def foreign_origin_refused(work: Path) -> Outcome:
    """Pages elsewhere open the app's WebSocket, even holding the token: http://evil.example,
    an opaque origin (`null`), another port of the same host, and no Origin at all."""
    with serving(work) as server:
        origins = ["http://evil.example", "null", f"http://{HOST}:{server.port + 1}", None]

        async def attack() -> list[object]:
            answers: list[object] = []
            async with client() as session:
                await load_page(session, server)
                for origin in origins:
                    answer = await connect(session, server, origin=origin)
                    if not isinstance(answer, int):
                        frame = await first_frame(answer, 15)
                        await answer.close()
                        answer = f"accepted and streamed {len(frame)} bytes"
                    answers.append(answer)
            return answers

        answers = asyncio.run(attack())
        spawned = len(server.seen | server.apps())
    held = answers == [403] * len(origins) and spawned == 0
    tried = ", ".join(
        f"{origin}: {answer}" for origin, answer in zip(origins, answers, strict=True)
    )
    return Outcome(held, f"Origin {tried}; {spawned} app processes started")


def rebound_host_refused(work: Path) -> Outcome:
    """DNS rebinding: evil.example now resolves to 127.0.0.1, so its page's requests carry
    `Host: evil.example:PORT` and a matching Origin (even holding the token, refused)."""
    with serving(work) as server:
        rebound = f"evil.example:{server.port}"

        async def attack() -> list[object]:
            async with client() as session:
                async with session.get(server.url, headers={"Host": rebound}) as page:
                    answers: list[object] = [page.status]
                answer = await connect(
                    session,
                    server,
                    origin=f"http://{rebound}",
                    headers={"Host": rebound},
                    path=f"/ws/{server.token}",
                )
                if not isinstance(answer, int):
                    await answer.close()
                    answer = 101
                answers.append(answer)
            return answers

        answers = asyncio.run(attack())
        spawned = len(server.seen | server.apps())
    held = answers == [403, 403] and spawned == 0
    return Outcome(
        held, f"Host {rebound}: page {answers[0]}, socket {answers[1]}; {spawned} app processes"
    )


def missing_token_refused(work: Path) -> Outcome:
    """A client on the machine, with the right Origin, but without the token or with a wrong one
    (the page's query; the socket's path: none, wrong, one character short, in the query)."""
    with serving(work) as server:
        token = server.token
        paths = ["/ws", "/ws/wrong", f"/ws/{token[:-1]}", f"/ws?token={token}", "/ws/"]

        async def attack() -> list[object]:
            answers: list[object] = []
            async with client() as session:
                answers.append(await load_page(session, server, "token=wrong"))
                answers.append(await load_page(session, server, "x=1"))
                for path in paths:
                    answer = await connect(session, server, origin=server.origin, path=path)
                    if not isinstance(answer, int):
                        await answer.close()
                        answer = "accepted"
                    answers.append(answer)
            return answers

        answers = asyncio.run(attack())
        spawned = len(server.seen | server.apps())
    refused = answers[:2] == [403, 403] and all(a in (403, 404) for a in answers[2:])
    held = bool(token) and refused and spawned == 0
    return Outcome(
        held,
        f"printed {server.url or 'no URL'}; page wrong/no token, socket no/wrong/short/query "
        f"token: {answers}, {spawned} app processes started",
    )


def connection_flood_limited(work: Path) -> Outcome:
    """Six connections with the token at once: only SESSIONS get an app process, the rest a 503."""
    with serving(work) as server:

        async def attack() -> tuple[list[object], int, int, int, object]:
            async with client() as session:
                await load_page(session, server)
                answers = list(
                    await asyncio.gather(
                        *(
                            connect(session, server, origin=server.origin)
                            for _ in range(SESSIONS + 2)
                        )
                    )
                )
                sockets = [a for a in answers if not isinstance(a, int)]
                frames = await asyncio.gather(*(first_frame(ws) for ws in sockets))
                running = len(server.settle(len(sockets), 3))
                for ws in sockets:
                    await ws.close()
                left = len(await asyncio.to_thread(server.settle, 0))
                # The closed sessions' places are free again.
                again = await connect(session, server, origin=server.origin)
                if not isinstance(again, int):
                    await again.close()
                    again = 101
                statuses = [a if isinstance(a, int) else 101 for a in answers]
                return statuses, sum(1 for frame in frames if frame), running, left, again

        answers, streamed, running, left, again = asyncio.run(attack())
        server.settle(0)
    held = sorted(answers) == [101] * SESSIONS + [503] * 2 and streamed == SESSIONS
    held = held and running == SESSIONS and left == 0 and again == 101
    return Outcome(
        held,
        f"{SESSIONS + 2} sockets: {sorted(answers)}, {streamed} streamed the screen, "
        f"{running} app processes, {left} left after closing, then a new socket: {again}",
    )


def oversized_frame_no_leak(work: Path) -> Outcome:
    """?width=2000&height=2000, and the client drops the socket on the first (huge) frame."""
    with serving(work) as server:

        async def attack() -> tuple[object, dict[str, str]]:
            async with client() as session:
                await load_page(session, server)
                url = f"{server.socket}?width=2000&height=2000"
                try:
                    ws = await session.ws_connect(
                        url, headers={"Origin": server.origin}, max_msg_size=64 * 1024
                    )
                except aiohttp.WSServerHandshakeError as refused:
                    return refused.status, {}
                sizes = {}
                for pid in server.settle(1, 15):
                    sizes = {k: v for k, v in environ(pid).items() if k in ("COLUMNS", "ROWS")}
                # Read the screen until a frame is too large for the client, which drops it.
                deadline, ended = time.monotonic() + 20, "nothing too large"
                while (left := deadline - time.monotonic()) > 0:
                    with suppress(TimeoutError):
                        message = await ws.receive(timeout=left)
                        if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                            ended = f"{message.type.name} {message.data}"
                            break
                await ws.close()
                return ended, sizes

        first, sizes = asyncio.run(attack())
        started = len(server.seen)
        left = server.settle(0)
    clamped = sizes.get("COLUMNS") == "500" and sizes.get("ROWS") == "200"
    held = started == 1 and clamped and not left
    return Outcome(
        held,
        f"client stopped on: {first}; app terminal {sizes.get('COLUMNS')}x{sizes.get('ROWS')}; "
        f"{len(left)} of {started} app processes left {REAP_SECONDS:.0f} s after the close",
    )


def closed_during_startup_no_leak(work: Path) -> Outcome:
    """Three tabs closed while their app is still starting."""
    with serving(work) as server:

        async def attack() -> list[object]:
            async with client() as session:
                await load_page(session, server)
                answers: list[object] = []
                for _ in range(3):
                    answer = await connect(session, server, origin=server.origin)
                    if not isinstance(answer, int):
                        deadline = time.monotonic() + 3  # close once its app process exists
                        while not server.apps() and time.monotonic() < deadline:
                            await asyncio.sleep(0.01)
                        await answer.close()
                        answer = 101
                    answers.append(answer)
                return answers

        answers = asyncio.run(attack())
        time.sleep(0.5)
        started = len(server.seen | server.apps())
        left = server.settle(0)
        cpu = _cpu_seconds(left)
    held = answers == [101] * 3 and started >= 1 and not left
    return Outcome(
        held,
        f"sockets {answers}; {len(left)} of {started} app processes left {REAP_SECONDS:.0f} s "
        f"after the close ({cpu:.1f} s CPU between them)",
    )


def _cpu_seconds(pids: set[int]) -> float:
    total = 0
    for pid in pids:
        with suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def server_stop_ends_apps(work: Path) -> Outcome:
    """SIGTERM to the server while two sessions run."""
    with serving(work) as server:

        async def attack() -> tuple[set[int], int | None]:
            async with client() as session:
                await load_page(session, server)
                sockets = [await connect(session, server, origin=server.origin) for _ in range(2)]
                opened = [ws for ws in sockets if not isinstance(ws, int)]
                await asyncio.gather(*(first_frame(ws) for ws in opened))
                apps = server.settle(len(opened), 5)
                server.process.send_signal(signal.SIGTERM)
                try:
                    code = await asyncio.to_thread(server.process.wait, REAP_SECONDS)
                except subprocess.TimeoutExpired:
                    code = None
                for ws in opened:
                    await ws.close()
                return apps, code

        apps, code = asyncio.run(attack())
        deadline = time.monotonic() + 2
        while alive(apps) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = alive(apps)
    held = len(apps) == 2 and code is not None and not left
    return Outcome(
        held,
        f"server exit {code} after SIGTERM; {len(left)} of {len(apps)} app processes left",
    )


def busy_port_one_line(work: Path) -> Outcome:
    """`serve` on a port another program listens on."""
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            run = chronicle(work / "db.json", "serve", "--host", HOST, "--port", port, timeout=15)
        except subprocess.TimeoutExpired:
            return Outcome(False, f"port {port} busy: still running after 15 s")
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    expected = f"chronicle: cannot serve on {HOST}:{port}: Address already in use"
    held = run.returncode == 1 and lines == [expected]
    return Outcome(held, f"exit {run.returncode}, stderr {lines[-3:]}")


def port_out_of_range_refused(work: Path) -> Outcome:
    """`serve --port 99999`, `--port 0` and `--port -1`."""
    results = []
    for port in ("99999", "0", "-1"):
        try:
            run = chronicle(work / "db.json", "serve", "--host", HOST, f"--port={port}", timeout=10)
        except subprocess.TimeoutExpired:
            results.append((port, "still running after 10 s", False))
            continue
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        good = (
            run.returncode == 2
            and bool(lines)
            and port in lines[-1]
            and "Traceback" not in run.stderr
        )
        results.append((port, f"exit {run.returncode}: {lines[-1] if lines else ''}", good))
    held = all(good for *_, good in results)
    return Outcome(held, "; ".join(f"--port {port}: {what}" for port, what, _ in results))


def token_not_in_cookie(work: Path) -> Outcome:
    """Cookies ignore ports: a cookie holding the token would go to every other server on
    127.0.0.1 (another user's, a dev server), which could then drive a session. No response
    may set one, and the old cookie alone, without the token in the path, opens nothing; the
    page's own socket works without any cookie."""
    with serving(work) as server:
        old = {"Cookie": f"chronicle-serve-{server.port}={server.token}"}

        async def attack() -> tuple[list[str], list[object], int]:
            set_cookies: list[str] = []
            async with client() as session:
                for url in (server.url, f"{server.origin}/", f"{server.origin}/?token=wrong"):
                    async with session.get(url) as answer:
                        set_cookies += answer.headers.getall("Set-Cookie", [])
                        if answer.status == 200 and (found := _SOCKET.search(await answer.text())):
                            server.socket = found[1]
            answers: list[object] = []
            async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as bare:
                for path in ("/ws", "/ws/"):
                    answer = await connect(
                        bare, server, origin=server.origin, headers=old, path=path
                    )
                    if not isinstance(answer, int):
                        await answer.close()
                        answer = "accepted"
                    answers.append(answer)
                for url in (f"{server.origin}/", f"{server.origin}/download/x"):
                    async with bare.get(url, headers=old) as answer:
                        answers.append(answer.status)
                # The page's own socket, with no cookie at all: the token is in its address.
                ws = await connect(bare, server, origin=server.origin)
                frame = b""
                if not isinstance(ws, int):
                    frame = await first_frame(ws)
                    await asyncio.to_thread(server.settle, 1, 5)  # its app process, counted
                    await ws.close()
            return set_cookies, answers, len(frame)

        set_cookies, answers, streamed = asyncio.run(attack())
        spawned = len(server.seen)
        server.settle(0)
    leaked = [c for c in set_cookies if server.token in c]
    refused = all(a in (403, 404) for a in answers)
    held = bool(server.token) and not leaked and refused and streamed > 0 and spawned == 1
    return Outcome(
        held,
        f"{len(leaked)} of {len(set_cookies)} Set-Cookie headers hold the token; old cookie "
        f"without the token in the path (ws /ws, /ws/, page, download): {answers}; the page's "
        f"socket without cookies streamed {streamed} bytes; {spawned} app processes",
    )


def app_stderr_sanitised(work: Path) -> Outcome:
    """An app whose stderr carries escape sequences (a crash message quoting an article): the
    operator's terminal, where `chronicle serve` runs, gets the message without them."""
    with serving(work, app=NOISY_APP) as server:

        async def attack() -> object:
            async with client() as session:
                await load_page(session, server)
                ws = await connect(session, server, origin=server.origin)
                if isinstance(ws, int):
                    return ws
                await first_frame(ws, 10)  # the app ends: the server closes the socket
                await ws.close()
                return 101

        answer = asyncio.run(attack())
        server.settle(0)
    out, err = "".join(server.output), "".join(server.errors)
    raw = [c for c in ("\x1b", "\x07", "\x9b", "\r") if c in out + err]
    reported = all(word in err for word in ("crash in", "article", "text", "second", "line"))
    held = answer == 101 and not raw and reported
    return Outcome(
        held,
        f"socket {answer}; controls reaching the server's output: {raw or 'none'}; "
        f"the app's message {'shown' if reported else 'not shown'} on stderr: {err[-200:]!r}",
    )


ATTACKS: list[Attack] = [
    foreign_origin_refused,
    rebound_host_refused,
    missing_token_refused,
    connection_flood_limited,
    oversized_frame_no_leak,
    closed_during_startup_no_leak,
    server_stop_ends_apps,
    busy_port_one_line,
    port_out_of_range_refused,
    token_not_in_cookie,
    app_stderr_sanitised,
]
