"""Extraction on pathological articles: the work must grow linearly with the text.

Each shape is one short unit written over and over (quotes, dates, names, a sentence that never
ends, ...); `scaling` times `extract.pipeline.extract_file` (what `chronicle extract` and
`chronicle ingest` run) on 1, 2, 4 and 8 times a 25 KB article of it. An attack holds when the
200 KB article is read in `LIMIT_SECONDS` and 8 times the text takes at most `SLACK` times as long.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import time
from pathlib import Path

from extract.pipeline import extract_file
from tests.hostile.attacks import Attack, Outcome

BASE_BYTES = 25_000
SIZES = (1, 2, 4, 8)
LIMIT_SECONDS = 2.0  # for the largest article, 200 KB
SLACK = 12.0  # 8 times the text in at most 12 times the time: linear, with room for noise
FLOOR_SECONDS = 0.05  # times below this are noise, not a measure of growth

# Each shape as the unit it repeats; names and numbers vary where repeating one would hide work.
SHAPES: dict[str, str] = {
    "quotes": '"a" ',  # quotation marks, each quote too short to keep
    "dates": "late October 2025 ",  # date expressions in one sentence
    "sentence": "and the talks went on with the said delegates ",  # no sentence end, verbs
    "names": "Minister Ruth Okafor{n} met Jean Dupont{n} and ",  # thousands of people
    "speakers": 'Mr. Zed{n} Quux said "we agree on item {n}". She added "fine by us". ',
    "surnames": 'Ann{n} Quux met Quux. Quux said "we agree on item {n}". ',  # one family
    "headings": "Heading Number {n}\n",  # thousands of short lines
    "capitals": "Alpha Beta Gamma Delta France Germany Ukraine’s ",  # one endless name
    "marks": "“a ‘b \"c « ’d ”e '",  # unbalanced and nested quotation marks
    "line": 'Minister Ruth Okafor said "the plan is overdue" on March 3, 2024, and ',
    "abbreviations": "the Org{n} Workers Federation (OW{n}) said OW{n} and the ITF (ITF) ",
    "groups": "US and Ukrainian negotiators met; negotiators said the union said ",
    # a dated statement per quote: each quote takes the date of the statement it stands in
    "dated quotes": 'On March 3, 2024, Ruth Okafor said "we will sign plan {n} today".\n',
}


def article(shape: str, size: int) -> str:
    """`size` times BASE_BYTES (about) of the shape's unit."""
    unit, parts, total, n = SHAPES[shape], [], 0, 0
    while total < size * BASE_BYTES:
        part = unit.replace("{n}", _letters(n))
        parts.append(part)
        total += len(part.encode())
        n += 1
    return "".join(parts)


def _letters(n: int) -> str:
    """A number in capital letters ("A", "B", ... "BA"), so that names stay names."""
    out = ""
    while True:
        out = chr(ord("A") + n % 26) + out
        n //= 26
        if n == 0:
            return out


def seconds(data: bytes, *, runs: int = 3) -> float:
    """The best time of `runs` extractions of one file's bytes."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = extract_file("pathological.txt", data)
        best = min(best, time.perf_counter() - start)
        if isinstance(result, str):
            raise AssertionError(f"extraction failed: {result}")
    return best


def calls(data: bytes) -> int:
    """Python function calls one extraction makes: a count of work that noise cannot change."""
    profiler = cProfile.Profile()
    profiler.runcall(extract_file, "pathological.txt", data)
    return pstats.Stats(profiler).total_calls  # type: ignore[attr-defined]


def scaling(
    shape: str, sizes: tuple[int, ...] = SIZES, *, runs: int = 3
) -> list[tuple[int, float]]:
    """(bytes, seconds) of the shape's article at each multiple of BASE_BYTES."""
    out = []
    for size in sizes:
        data = article(shape, size).encode()
        out.append((len(data), seconds(data, runs=runs)))
    return out


def growth(times: list[tuple[int, float]]) -> float:
    """How many times longer the largest article took than the smallest (small times floored)."""
    return times[-1][1] / max(times[0][1], FLOOR_SECONDS)


def _linear(shape: str) -> Attack:
    def attack(work: Path) -> Outcome:
        work.mkdir(parents=True, exist_ok=True)
        small, large = work / f"{shape}-1.txt", work / f"{shape}-8.txt"
        small.write_text(article(shape, SIZES[0]), encoding="utf-8")
        large.write_text(article(shape, SIZES[-1]), encoding="utf-8")
        times = [(p.stat().st_size, seconds(p.read_bytes())) for p in (small, large)]
        (n1, t1), (n8, t8) = times
        held = t8 <= LIMIT_SECONDS and growth(times) <= SLACK
        return Outcome(
            held,
            f"{shape}: {n1 // 1000} KB in {t1:.3f} s, {n8 // 1000} KB in {t8:.3f} s "
            f"({growth(times):.1f}x the time for {n8 / n1:.0f}x the text)",
        )

    attack.__name__ = f"extraction_of_{shape}_is_linear"
    attack.__doc__ = f"A 200 KB article of {shape} is read in {LIMIT_SECONDS:.0f} s, linearly."
    return attack


ATTACKS: list[Attack] = [_linear(shape) for shape in SHAPES]
