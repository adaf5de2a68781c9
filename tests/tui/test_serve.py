"""`chronicle serve` answers a web browser with the app's page (textual-serve)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_with_the_app_page(seeds_db):
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cli",
            "--db",
            str(seeds_db),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline, page = time.monotonic() + 30, ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    page = answer.read().decode()
            except OSError:
                time.sleep(0.2)
        assert "textual.js" in page  # the in-browser terminal
        assert f"ws://127.0.0.1:{port}/ws" in page  # the app runs behind this websocket
    finally:
        server.terminate()
        server.wait(timeout=10)
