"""Start-up benchmark: how long a whole `chronicle` process takes, each run in a fresh one.

Times `chronicle --version`, `chronicle --help`, an ingest of one article into an empty database
and the removal of that article (wall time of the process, median and minimum of --runs), and
the imports of the ingest (`python -X importtime`: the sum of the top-level imports' cumulative
times, median). The processes run `python -m cli` in this tree. One unmeasured run of each goes
first, so that Python's bytecode caches exist: the processes run with their bytecode cached in
a folder of the bench's own, as an installed copy has it (`bench/processes.py`).
Usage: python bench/startup.py [--runs 7] [--article PATH] [--tree PATH]  (default article: the
first bundled seed; --tree: time another copy of the sources, such as a worktree, for an A/B)
Target (issue 13): the ingest of one article <= 0.5 s, its imports <= 0.18 s.
Prints a table; the last line is one JSON object of the figures (seconds).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.processes import cached_bytecode  # noqa: E402

TREE = ROOT  # the source tree whose `cli` runs (--tree)
# Where the timed processes keep their compiled modules (`bench/processes.py`).
BYTECODE = Path(tempfile.gettempdir()) / "chronicle-bench-bytecode"
# A top-level line of `-X importtime`: "import time: self | cumulative | name", the name not
# indented (an imported module's own imports are).
_TOP_IMPORT = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (?! )")


def chronicle(
    *argv: str, importtime: bool = False, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `chronicle ARGV` in a fresh interpreter on TREE; fails if the command does and
    `check` is set."""
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "cli", *argv],
        cwd=TREE,
        capture_output=True,
        text=True,
        check=check,
        env=cached_bytecode(BYTECODE),
    )


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def import_seconds(stderr: str) -> float:
    """The sum of the top-level imports' cumulative times in `-X importtime` output."""
    return sum(int(m.group(1)) for m in map(_TOP_IMPORT.match, stderr.splitlines()) if m) / 1e6


def measure(article: Path, runs: int) -> dict[str, list[float]]:
    """Each figure's times; `--version` and `--help` are left out if they fail (an older tree
    without `--version`)."""
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10**9))

        def fresh_db() -> str:
            return str(Path(folder) / f"db{next(counter)}.json")

        def ingest_and_remove(record: bool) -> None:
            db = fresh_db()
            took = timed(lambda: chronicle("--db", db, "ingest", str(article)))
            gone = timed(lambda: chronicle("--db", db, "remove", "d1"))
            imports = import_seconds(
                chronicle("--db", fresh_db(), "ingest", str(article), importtime=True).stderr
            )
            if record:
                times.setdefault("ingest", []).append(took)
                times.setdefault("remove", []).append(gone)
                times.setdefault("ingest_imports", []).append(imports)

        for i in range(runs + 1):  # the first run, unmeasured, leaves the bytecode caches
            for name, argv in (("version", ["--version"]), ("help", ["--help"])):
                started = time.perf_counter()
                done = chronicle(*argv, check=False)
                took = time.perf_counter() - started
                if i and done.returncode == 0:
                    times.setdefault(name, []).append(took)
            ingest_and_remove(record=i > 0)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--article", type=Path, default=min((ROOT / "seeds").glob("*.txt")))
    parser.add_argument("--tree", type=Path, default=ROOT, help="time another copy (A/B)")
    args = parser.parse_args(argv)
    global TREE
    TREE = args.tree.resolve()
    times = measure(args.article.resolve(), args.runs)
    print(f"{args.runs} fresh processes each; tree: {TREE}; article: {args.article.name}")
    print(f"{'what':<34}{'median s':>10}{'min s':>10}")
    labels = {
        "version": "chronicle --version",
        "help": "chronicle --help",
        "ingest": "ingest one article, empty database",
        "ingest_imports": "  of which imports (-X importtime)",
        "remove": "remove it again",
    }
    for name, label in labels.items():
        values = times.get(name)
        if not values:
            print(f"{label:<34}{'fails':>10}")
            continue
        print(f"{label:<34}{statistics.median(values):>10.3f}{min(values):>10.3f}")
    figures = {f"{name}_s": round(statistics.median(values), 4) for name, values in times.items()}
    print(json.dumps({"runs": args.runs, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
