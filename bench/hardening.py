"""Hardening figures: hostile inputs, killed ingests, fuzz cases, concurrent writers, and what
was lost (must be nothing). Writes bench/hardening.md and prints its figures as one JSON line.

Runs the same procedures as tests/hostile (which assert on them), with larger budgets.
Usage: python bench/hardening.py [--kills 50] [--fuzz-seconds 60] [--writers 3] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.hostile import fuzz  # noqa: E402
from tests.hostile.attacks import Outcome, every_attack  # noqa: E402
from tests.hostile.attacks import extract as pathological  # noqa: E402
from tests.hostile.corpus import article, build  # noqa: E402
from tests.hostile.harness import (  # noqa: E402
    chronicle,
    concurrent_ingests,
    kill_ingests,
    problem_lines,
    state,
    stored_names,
)


def hostile_inputs(work: Path) -> dict:
    earlier = work / "earlier"
    earlier.mkdir(parents=True)
    (earlier / "orchard.txt").write_text(article("orchard"))
    database = work / "db.json"
    chronicle(database, "ingest", earlier)
    corpus = build(work / "hostile")
    started = time.monotonic()
    run = chronicle(database, "ingest", work / "hostile", *corpus.explicit)
    lines = problem_lines(run.stderr)
    names = stored_names(database)
    return {
        "good": len(corpus.good),
        "bad": len(corpus.bad),
        "good_stored": sum(name in names for name in corpus.good),
        "bad_reported_once": sum(
            sum(f"/{name}: " in line for line in lines) == 1 for name in corpus.bad
        ),
        "earlier_kept": "orchard.txt" in names,
        "tracebacks": run.stderr.count("Traceback"),
        "exit": run.returncode,
        "seconds": round(time.monotonic() - started, 1),
        "skipped": list(corpus.skipped),
        "names": sorted([*corpus.good, *corpus.bad]),
    }


def full_and_read_only(work: Path) -> tuple[str, str]:
    """An ingest onto a full 96 KiB tmpfs, then one onto the same file system made read-only:
    what each said, and whether the earlier database survived."""
    disk = work / "small"
    disk.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        reason = "not tried: cannot mount a tmpfs here (tests/hostile injects ENOSPC instead)"
        return reason, reason
    try:
        more = work / "more"
        more.mkdir()
        for n in range(40):
            (more / f"a{n}.txt").write_text(article(f"topic{n} ", n) + "Filler. " * 400)
        first = work / "first"
        first.mkdir()
        (first / "orchard.txt").write_text(article("orchard"))
        database = disk / "db.json"
        chronicle(database, "ingest", first)
        before = state(database)
        outcomes = []
        for _ in ("full", "read-only"):
            run = chronicle(database, "ingest", "--wait", "1", more)
            said = problem_lines(run.stderr)[-1].split(": ", 2)[-1] if run.stderr else ""
            kept = "kept" if state(database) == before else "CHANGED"
            outcomes.append(f"exit {run.returncode}, database {kept}: “{said[:90]}…”")
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        return outcomes[0], outcomes[1]
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def attacks(work: Path) -> list[tuple[str, str, Outcome]]:
    """(area, attack, outcome) for every attack in tests/hostile/attacks, each in its own folder;
    an attack that raises has failed."""
    outcomes = []
    for n, (area, attack) in enumerate(every_attack()):
        folder = work / f"{n:03d}"
        folder.mkdir(parents=True)
        try:
            outcome = attack(folder)
        except Exception as failure:
            outcome = Outcome(False, f"raised {type(failure).__name__}: {failure}"[:200])
        outcomes.append((area, attack.__name__, outcome))
    return outcomes


def fuzzing(seconds: float) -> dict:
    """Each fuzz target for a share of `seconds`, random (not derandomized) inputs."""
    targets = {
        "extractor (generated)": given(
            text=fuzz.ARTICLES, suffix=st.sampled_from([".txt", ".md", ".html"])
        )(lambda text, suffix: fuzz.check_extraction(f"g{suffix}", text.encode())),
        "extractor (mutated seeds)": given(data=fuzz.mutated_seed())(
            lambda data: fuzz.check_extraction("m.txt", data)
        ),
        "date filters": given(text=st.one_of(fuzz.DATE_WORDS, st.text(max_size=30)))(
            fuzz.check_dates
        ),
        "sanitiser": given(text=st.text(max_size=80))(fuzz.check_printable),
    }
    failures = []
    budget = settings(
        max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    for name, target in targets.items():
        run = budget(target)
        deadline = time.monotonic() + seconds / len(targets)
        while time.monotonic() < deadline:
            try:
                run()
            except Exception as failure:
                failures.append(f"{name}: {type(failure).__name__}: {failure}"[:300])
                break
    return {"cases": dict(fuzz.CASES), "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--fuzz-seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "hardening.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        hostile = hostile_inputs(work / "hostile")
        kills = kill_ingests(work / "kills", runs=args.kills, seed=int(time.time()))
        together = concurrent_ingests(work / "concurrent", writers=args.writers, each=8)
        full, read_only = full_and_read_only(work / "disk")
        tried = attacks(work / "attacks")
    growth = {shape: pathological.scaling(shape) for shape in pathological.SHAPES}
    fuzzed = fuzzing(args.fuzz_seconds)
    lost_documents = (
        len(set(together.expected) - set(together.stored))
        + (hostile["good"] - hostile["good_stored"])
        + (0 if hostile["earlier_kept"] else 1)
        + sum(outcome.documents_lost for _, _, outcome in tried)
    )
    held = sum(outcome.held for _, _, outcome in tried)
    figures = {
        "bad_inputs": hostile["bad"],
        "strange_good_inputs": hostile["good"],
        "bad_reported_once": hostile["bad_reported_once"],
        "tracebacks": hostile["tracebacks"],
        "kills": kills.runs,
        "kills_left_before": kills.before,
        "kills_left_after": kills.after,
        "kills_broken": len(kills.broken),
        "fuzz_cases": sum(fuzzed["cases"].values()),
        "fuzz_failures": len(fuzzed["failures"]),
        "concurrent_writers": together.writers,
        "concurrent_reads": together.reads,
        "concurrent_read_errors": len(together.read_errors),
        "attacks": len(tried),
        "attacks_held": held,
        "attacks_failed": len(tried) - held,
        "extraction_seconds": {
            shape: {f"{size}x": t for size, (_, t) in zip(pathological.SIZES, times, strict=True)}
            for shape, times in growth.items()
        },
        "documents_lost": lost_documents,
    }
    report = _report(hostile, kills, together, fuzzed, figures, full, read_only)
    args.out.write_text(report + _attack_report(tried, growth))
    print(_attack_report(tried, growth))
    print(json.dumps(figures))


def _report(hostile, kills, together, fuzzed, figures, full, read_only) -> str:
    cases = ", ".join(f"{name} {count:,}" for name, count in sorted(fuzzed["cases"].items()))
    lines = [
        "# Hardening figures",
        "",
        "Generated by `python bench/hardening.py` (do not edit by hand); the assertions live in",
        "`tests/hostile/`.",
        "",
        "| what | figure |",
        "| --- | --- |",
        f"| hostile inputs tried | {hostile['bad']} bad, {hostile['good']} strange but readable |",
        f"| bad inputs reported on exactly one line | {hostile['bad_reported_once']} of "
        f"{hostile['bad']} |",
        f"| strange inputs stored | {hostile['good_stored']} of {hostile['good']} |",
        f"| tracebacks; exit status | {hostile['tracebacks']}; {hostile['exit']} |",
        f"| ingests killed with SIGKILL | {kills.runs}: {kills.before} left the state before, "
        f"{kills.after} the state after, {len(kills.broken)} anything else |",
        f"| fuzz cases run | {figures['fuzz_cases']:,} ({cases}); "
        f"{len(fuzzed['failures'])} failures |",
        f"| concurrent writers | {together.writers} ingests at once, exit {together.exits}, "
        f"with {together.reads} whole reads meanwhile ({len(together.read_errors)} failed) |",
        f"| ingest onto a full disk (tmpfs) | {full} |",
        f"| ingest onto a read-only file system | {read_only} |",
        f"| documents lost | **{figures['documents_lost']}** |",
        "",
        f"Inputs: {', '.join(hostile['names'])}, plus a folder that contains itself.",
    ]
    if hostile["skipped"]:
        lines.append(f"Not tried on this machine: {'; '.join(hostile['skipped'])}.")
    for failure in [*fuzzed["failures"], *kills.broken]:
        lines.append(f"- {failure}")
    return "\n".join(lines) + "\n"


def _attack_report(
    tried: list[tuple[str, str, Outcome]], growth: dict[str, list[tuple[int, float]]]
) -> str:
    held = sum(outcome.held for _, _, outcome in tried)
    lines = [
        "",
        f"## Attacks: {len(tried)} tried, {held} held, {len(tried) - held} failed",
        "",
        "Each is one procedure in `tests/hostile/attacks/`, asserted by a test in",
        "`tests/hostile/`.",
        "",
        "| area | attack | held | what chronicle did |",
        "| --- | --- | --- | --- |",
    ]
    for area, name, outcome in tried:
        verdict = "yes" if outcome.held else "**NO**"
        detail = outcome.detail.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {area} | {name.removeprefix('attack_')} | {verdict} | {detail} |")
    sizes = pathological.SIZES
    base = pathological.BASE_BYTES // 1000
    lines += [
        "",
        "## Extraction time of pathological articles (seconds; linear means doubling with size)",
        "",
        "| article | " + " | ".join(f"{size}× ({size * base} KB)" for size in sizes) + " |",
        "| --- |" + " --- |" * len(sizes),
    ]
    for shape, times in growth.items():
        lines.append(f"| {shape} | " + " | ".join(f"{t:.2f}" for _, t in times) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
