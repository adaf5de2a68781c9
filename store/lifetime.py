"""Processes that end with the process that started them, even when it is killed (SIGKILL).

An ingest's workers would otherwise wait for work for ever (and the resource tracker with them),
and the watch that `chronicle browse --watch` starts would keep writing for a browser long gone.
Linux signals the process when its parent dies; other systems get a thread that watches for the
process being handed to another parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int, *, signal_number: int = signal.SIGKILL) -> None:
    """Send this process `signal_number` as soon as `parent` ends (SIGINT: it stops as on
    Ctrl+C, its writes whole; SIGKILL: at once)."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal_number)
    else:
        threading.Thread(target=_watch_parent, args=(parent, signal_number), daemon=True).start()
    if os.getppid() != parent:  # it died before the lines above took effect
        os.kill(os.getpid(), signal_number)


def _watch_parent(parent: int, signal_number: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal_number)
