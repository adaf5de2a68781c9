"""Pure helpers that turn records into the short, safe strings the panes show.

Every string from the corpus passes `printable` here before it reaches a widget.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size

from extract.display import printable
from extract.model import Citation, CorpusEvent, CorpusQuote
from store import Filter

ELLIPSIS = "…"
# The timeline opens on the latest month at least this share as busy as the busiest month.
STORY_SHARE = 0.5
# How much of a very long paragraph the evidence pane shows on each side of the cited span.
CONTEXT_CHARS = 600


def one_line(text: str) -> str:
    """Printable text on one line: runs of white space become single spaces."""
    return " ".join(printable(text).split())


def fit(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells; a cut ends with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + ELLIPSIS, width)


def wrap(text: str, width: int, *, lines: int) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of `width` cells (the last one cut
    with an ellipsis if the text goes on)."""
    words, out, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines:
            break
    else:
        out.append(current)
        return [fit(line, width) for line in out if line] or [""]
    out[-1] = fit(f"{out[-1]} {current}", width)
    return [fit(line, width) for line in out]


def outlets(item: CorpusEvent | CorpusQuote) -> int:
    """How many documents reported the item."""
    return len({c.document for c in item.citations})


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """The paragraph around a citation, cut into before / cited / after, all printable."""

    before: str
    cited: str
    after: str
    line: int


def evidence(text: str, citation: Citation) -> Evidence:
    """The paragraph (line) holding the cited span, trimmed to `CONTEXT_CHARS` either side."""
    start, end = citation.span.start, citation.span.end
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    low, high = max(first, start - CONTEXT_CHARS), min(last, end + CONTEXT_CHARS)
    before = (ELLIPSIS if low > first else "") + text[low:start]
    after = text[end:high] + (ELLIPSIS if high < last else "")
    return Evidence(
        printable(before), printable(text[start:end]), printable(after), line_number(text, start)
    )


def boundaries(count: int, key: Callable[[int], Hashable]) -> list[tuple[int, Hashable]]:
    """Where a monotone `key` over positions 0..count-1 changes: (first position, key) per run.

    Binary search: about runs × log2(count) calls to `key`, so a 100,000-item timeline over ten
    years costs a few thousand lookups, not 100,000.
    """
    found: list[tuple[int, Hashable]] = []
    start = 0
    while start < count:
        current = key(start)
        low, high = start + 1, count
        while low < high:
            middle = (low + high) // 2
            if key(middle) == current:
                low = middle + 1
            else:
                high = middle
        found.append((start, current))
        start = low
    return found


def groups(
    positions: Sequence[int], runs: Sequence[tuple[int, Hashable]]
) -> list[tuple[int, Hashable]]:
    """The runs as they fall in a filtered list: (first index in `positions`, key), empty runs
    dropped. `positions` must ascend, as timeline results do."""
    out: list[tuple[int, Hashable]] = []
    total = len(positions)
    for start, key in runs:
        at = bisect_left(positions, start)
        if at >= total:
            break
        if out and out[-1][0] == at:
            out[-1] = (at, key)
        else:
            out.append((at, key))
    return out


def story_start(runs: Sequence[tuple[int, Hashable]], count: int) -> int:
    """Where the timeline opens: the first item of the latest month (run) that holds at least
    `STORY_SHARE` of the busiest month's items.

    The densest recent period, not the oldest item: a corpus of 2016 stories that mentions the
    year 1519 opens in 2016; of two equally busy months the later one wins, as news reads; a
    month of a few forecast events ("in 2030") is too thin to be the story. `runs`: (first index,
    month) in list order, as `groups` gives them; `count`: the list's length.
    """
    if not runs:
        return 0
    starts = [start for start, _ in runs]
    sizes = [end - start for start, end in zip(starts, [*starts[1:], count], strict=True)]
    busiest = max(sizes)
    return next(
        s
        for s, n in zip(reversed(starts), reversed(sizes), strict=True)
        if n >= busiest * STORY_SHARE
    )


def date_counts(within: int, overlapping: int, *, shown: bool) -> str:
    """The date filter's two counts, for the filter bar: the events within it, those that only
    overlap it (`overlapping` holds both), and what `w` does; `shown`: whether the overlapping
    ones are listed."""
    more = overlapping - within
    label = f"{within:,} within · {more:,} overlapping"
    if not more:
        return label
    return f"{label} · w {'hides' if shown else 'shows'} them"


def describe(
    where: Filter, names: Callable[[str], str], documents: Callable[[str], str]
) -> list[tuple[str, str]]:
    """The active filters as (field, label) chips, in a stable order."""
    chips = []
    if where.actors:
        chips.append(("actors", "actor: " + ", ".join(sorted(map(names, where.actors)))))
    if where.since and where.until:
        chips.append(("dates", _days(where.since, where.until)))
    elif where.since:
        chips.append(("dates", f"since {_day(where.since)}"))
    elif where.until:
        chips.append(("dates", f"until {_day(where.until)}"))
    if where.text.strip():
        chips.append(("text", f"“{one_line(where.text)}”"))
    if where.documents:
        chips.append(("documents", "source: " + ", ".join(sorted(map(documents, where.documents)))))
    return chips


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _days(first: date, last: date) -> str:
    """A range of days as short as it reads whole: "24–30 Nov 2025", "24 Nov – 3 Dec 2025"."""
    if first.year != last.year:
        return f"{_day(first)} – {_day(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {_day(last)}"
    return _day(first) if first == last else f"{first.day}–{_day(last)}"


def change_summary(
    before: Mapping[str, int],
    after: Mapping[str, int],
    old: Mapping[str, str],
    new: Mapping[str, str],
) -> str:
    """What another process's write brought, from the counts and the documents' fingerprints
    (id -> sha256) before and after: "+3 events, +1 quote from 1 new article"; "" if nothing
    a reader sees changed."""
    changes = []
    for kind in ("events", "quotes", "actors"):
        delta = after[kind] - before[kind]
        if delta:
            noun = kind if abs(delta) != 1 else kind[:-1]
            changes.append(f"{delta:+,} {noun}".replace("-", "−"))
    added = sum(1 for doc in new if doc not in old)
    updated = sum(1 for doc in new if doc in old and old[doc] != new[doc])
    removed = sum(1 for doc in old if doc not in new)
    articles = [
        f"{count} {state} article{'s' if count != 1 else ''}"
        for count, state in ((added, "new"), (updated, "updated"), (removed, "removed"))
        if count
    ]
    if not articles:
        return ", ".join(changes)
    return f"{', '.join(changes) or 'nothing new'} from {' and '.join(articles)}"
