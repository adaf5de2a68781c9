"""The time strip above the timeline: how many of the listed events start in each period, as a
sparkline across the pane, with the selected event's period marked."""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from typing import ClassVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from store import Days

# The sparkline's eight heights; an empty period is blank.
BARS = "▁▂▃▄▅▆▇█"
# The marker drawn under the selected event's period (colour never carries meaning alone).
MARK = "▲"
# One item in this many (and at least two of ten or more) may fall outside the strip's span:
# "2,500 years ago" would otherwise squeeze the story into one column. They are counted at the
# ends ("‹3").
OUTLIERS = 50
UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Periods:
    """Consecutive periods of `unit` (`years` years each for "year"): `edges` holds their first
    days as day numbers, and the day after the last period."""

    unit: str
    edges: list[int]
    years: int = 1

    def label(self, index: int) -> str:
        first = date.fromordinal(self.edges[index])
        if self.unit == "year":
            last = first.year + self.years - 1
            return str(first.year) if self.years == 1 else f"{first.year}–{last}"
        if self.unit == "month":
            return f"{calendar.month_abbr[first.month]} {first.year}"
        return f"{first.day} {calendar.month_abbr[first.month]} {first.year}"


def periods(first: date, last: date, width: int) -> Periods:
    """The finest periods (day, week, month, year) of which at most `width` cover first..last;
    past `width` years, several years per period."""
    for unit in UNITS:
        start = _start_of(first, unit)
        edges = [start.toordinal()]
        while edges[-1] <= last.toordinal() and len(edges) <= width + 1:
            edges.append(_after(date.fromordinal(edges[-1]), unit).toordinal())
        if len(edges) <= width + 1:
            return Periods(unit, edges)
    # One period fewer than the width: the first may start up to a period before `first`.
    years = ceil((last.year - first.year + 1) / max(1, width - 1))
    # Up to the first start after `last`: the end of the period that holds it.
    starts = range(first.year - first.year % years, last.year + years + 1, years)
    return Periods("year", [_new_year(year) for year in starts], years)


def _new_year(year: int) -> int:
    """The day number of 1 January `year`, kept within the calendar Python can write."""
    if year < date.min.year:
        return date.min.toordinal()
    return date(year, 1, 1).toordinal() if year <= date.max.year else date.max.toordinal() + 1


def _start_of(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1) if unit == "year" else day


def _after(day: date, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=1)
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def sparkline(counts: Sequence[int], width: int) -> str:
    """`counts` stretched over `width` cells, each period's height relative to the busiest."""
    most = max(counts, default=0)
    cells = []
    for column in range(width):
        count = counts[column * len(counts) // width] if counts else 0
        cells.append(BARS[ceil(count / most * len(BARS)) - 1] if count else " ")
    return "".join(cells)


class TimeStrip(Widget):
    """Two lines: the sparkline, then the span's ends, the period and the selected event's mark.

    Drawn with the line API from `Days`: the counts are a few hundred bisections over the store's
    column of first days, whatever the number of events, redone only for a new list or width.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"time-strip--mark", "time-strip--muted"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: Days | None = None
        self.selected: int | None = None
        self._drawn: tuple[int, str, str, int | None] | None = None  # width, bars, labels, mark

    def show(self, days: Days) -> None:
        """Draw these events' counts (their first days, ascending)."""
        self.days, self._drawn = days, None
        self.refresh()

    def mark(self, selected: int | None) -> None:
        """Mark the period of the event at index `selected` of the days shown."""
        if selected != self.selected:
            self.selected, self._drawn = selected, None
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, *self._draw(width))
        _, bars, labels, column = self._drawn
        line = bars if y == 0 else labels if y == 1 else ""
        if column is None or y > 1:
            style = base if y == 0 else base + self.get_component_rich_style("time-strip--muted")
            return Strip([Segment(line, style)]).crop_extend(0, width, base)
        mark = base + self.get_component_rich_style("time-strip--mark")
        muted = base + self.get_component_rich_style("time-strip--muted") if y else base
        return Strip(
            [
                Segment(line[:column], muted),
                Segment(line[column : column + 1], mark),
                Segment(line[column + 1 :], muted),
            ]
        ).crop_extend(0, width, base)

    def _draw(self, width: int) -> tuple[str, str, int | None]:
        """The sparkline, the labels under it, and the marked column (None: no mark)."""
        days = self.days
        dated = days.dated if days is not None else 0
        if days is None or not dated or width < 8:
            return "", " no dated events" if days is not None and width >= 16 else "", None
        low, high = _densest(days, dated)
        first, last = date.fromordinal(days[low]), date.fromordinal(days[high])
        spans = periods(first, last, width)
        counts = days.counts(spans.edges)
        earlier = days.first_on_or_after(date.fromordinal(spans.edges[0]))
        later = dated - days.first_on_or_after(date.fromordinal(spans.edges[-1]))
        bars = sparkline(counts, width)
        unit = f"{spans.years} years" if spans.years > 1 else spans.unit
        labels = [" "] * width
        left = (f"‹{earlier:,} " if earlier else "") + spans.label(0)
        right = spans.label(len(counts) - 1) + (f" {later:,}›" if later else "")
        column = None
        if self.selected is not None and self.selected < dated:
            day = days[self.selected]
            found = max(0, min(len(counts) - 1, bisect_right(spans.edges, day) - 1))
            # the middle of the columns the period is stretched over
            low, high = -(-found * width // len(counts)), -(-(found + 1) * width // len(counts))
            column = (low + high - 1) // 2
            when = spans.label(found) if spans.edges[0] <= day < spans.edges[-1] else _day(day)
            if column + len(when) + 2 <= width:
                _place(labels, column, f"{MARK} {when}")
            else:
                _place(labels, max(0, column - len(when) - 1), f"{when} {MARK}")
        for text, start in (
            (left, 0),
            (right, width - len(right)),
            (f"events per {unit}", (width - len(unit) - 11) // 2),
        ):
            if start >= 0 and _free(labels, start, len(text)):
                _place(labels, start, text)
        return bars, "".join(labels), column


def _densest(days: Days, dated: int) -> tuple[int, int]:
    """The first and last index of the shortest run of days holding all but the outliers (one
    pass over the few hundred possible starts), or of them all unless that run is less than
    half as long: outliers are left out only where they would squeeze the rest."""
    keep = dated - max(dated // OUTLIERS, min(2, dated // 5))
    starts = range(dated - keep + 1)
    first = min(starts, key=lambda i: days[i + keep - 1] - days[i])
    if 2 * (days[first + keep - 1] - days[first]) >= days[dated - 1] - days[0]:
        return 0, dated - 1
    return first, first + keep - 1


def _day(day: int) -> str:
    found = date.fromordinal(day)
    return f"{found.day} {calendar.month_abbr[found.month]} {found.year}"


def _free(cells: list[str], start: int, length: int) -> bool:
    """Whether `length` cells from `start` are blank, and a blank on either side."""
    low, high = max(0, start - 1), min(len(cells), start + length + 1)
    return start + length <= len(cells) and all(c == " " for c in cells[low:high])


def _place(cells: list[str], start: int, text: str) -> None:
    cells[start : start + len(text)] = list(text)[: len(cells) - start]
