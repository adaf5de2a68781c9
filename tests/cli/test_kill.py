"""`chronicle ingest` killed (SIGKILL) at many moments: the database always opens afterwards and
holds exactly the state before or the state after, never a mix and never less."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.corpora import HARBOUR, WIRE, council_article, write
from tests.hostile.harness import state

ROOT = Path(__file__).resolve().parents[2]


def ingest_command(db: Path, folder: Path, jobs: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cli",
        "--db",
        str(db),
        "ingest",
        str(folder),
        "--jobs",
        str(jobs),
    ]


def test_a_killed_ingest_leaves_the_state_before_or_after(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "harbour.txt", HARBOUR)
    write(folder, "wire.txt", WIRE)
    before_db = tmp_path / "before.json"
    subprocess.run(ingest_command(before_db, folder, 1), cwd=ROOT, check=True, capture_output=True)
    write(folder, "wire.txt", WIRE.replace("piling up", "piling up in the yards"))  # an update
    for n in range(40):  # and additions
        write(folder, f"council-{n:02}.txt", council_article(n))

    durations, afters = [], []
    for jobs in (1, 2):
        after_db = tmp_path / f"after-{jobs}.json"
        shutil.copy(before_db, after_db)
        started = time.monotonic()
        subprocess.run(
            ingest_command(after_db, folder, jobs), cwd=ROOT, check=True, capture_output=True
        )
        durations.append(time.monotonic() - started)
        afters.append(state(after_db))
    before, after = state(before_db), afters[0]
    assert before != after and afters[1] == after
    duration = max(durations) * 1.3

    seen = set()
    moments = 14
    for k in range(moments):
        db = tmp_path / f"killed-{k}.json"
        shutil.copy(before_db, db)
        process = subprocess.Popen(
            ingest_command(db, folder, 1 + k % 2), cwd=ROOT, stderr=subprocess.DEVNULL
        )
        time.sleep(duration * k / (moments - 1))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        found = state(db)
        assert found in (before, after), f"killed after {duration * k / (moments - 1):.2f} s"
        seen.add("before" if found == before else "after")
    assert seen == {"before", "after"}  # the moments covered the whole run
