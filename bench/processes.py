"""The environment benchmarks run `chronicle` processes in: Python's bytecode cached, as an
installed copy has it.

Where PYTHONDONTWRITEBYTECODE is set (some sandboxes and containers set it), Python never
writes the compiled modules, so every process compiles chronicle's sources again: a tenth of a
second or more of each start that no installed copy pays. The processes run without it, their
caches under a folder of the benchmark's own (PYTHONPYCACHEPREFIX), and the benchmark runs
one process before it times any.
"""

from __future__ import annotations

import os
from pathlib import Path


def cached_bytecode(folder: Path) -> dict[str, str]:
    """This process's environment, with bytecode cached under `folder`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env
