"""Moving through time: the time strip, the `t` jump, where the timeline opens, the date filter's
within / overlapping toggle, and date ranges shown whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.display import date_label
from extract.model import (
    ActorKind,
    Corpus,
    CorpusActor,
    CorpusDocument,
    CorpusEvent,
    DateInterval,
    Document,
    Precision,
)
from tests.corpora import cite, day, store_corpus
from tui.format import story_start
from tui.screens import DateFilterScreen
from tui.widgets import TimeStrip
from tui.widgets.time_strip import periods, sparkline

D = date.fromisoformat

# A 2016 story that also mentions 1519, a range since 1700 and one since 2000.
SENTENCES = {
    "e01": ("1519", DateInterval(D("1519-01-01"), D("1519-12-31"), Precision.YEAR)),
    "e02": ("since 1700", DateInterval(D("1700-01-01"), D("2016-12-31"), Precision.RANGE)),
    "e03": ("since 2000", DateInterval(D("2000-01-01"), D("2016-12-31"), Precision.RANGE)),
    **{f"e1{n}": (f"{n + 25} October 2016", day(f"2016-10-{n + 25}")) for n in range(6)},
    **{f"e2{n}": (f"{n + 3} November 2016", day(f"2016-11-0{n + 3}")) for n in range(4)},
    "e30": ("March 2017", DateInterval(D("2017-03-01"), D("2017-03-31"), Precision.MONTH)),
}
TEXT = "Story\n" + "\n".join(
    f"Event {key} happened {words}." for key, (words, _) in SENTENCES.items()
)
DOC = Document("/news/story.txt", TEXT, title="Story")
STORY = Corpus(
    documents=(CorpusDocument("d1", DOC),),
    actors=(CorpusActor("a1", "Council", ActorKind.ORGANIZATION),),
    events=tuple(
        CorpusEvent(
            key,
            words,
            interval,
            f"Event {key} happened {words}",
            ("a1",),
            (cite("d1", DOC, f"Event {key} happened {words}."),),
        )
        for key, (words, interval) in sorted(SENTENCES.items(), key=lambda kv: kv[1][1].first)
    ),
    quotes=(),
)


@pytest.fixture
def story_db(tmp_path: Path) -> Path:
    path = tmp_path / "story.json"
    store_corpus(path, STORY)
    return path


# --- pure pieces -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, last, width, label",
    [
        ("1700-01-01", "2016-12-31", 15, "1700 – 2016"),
        ("1700-01-01", "2016-12-31", 9, "1700–2016"),
        ("2024-03-03", "2024-04-20", 15, "Mar – Apr 2024"),
        ("2024-03-03", "2024-04-20", 9, "Mar – Apr"),
        ("2025-11-03", "2025-11-28", 15, "3–28 Nov 2025"),  # fits: as it was
        ("2025-11-03", "2025-11-28", None, "3–28 Nov 2025"),
    ],
)
def test_a_range_is_shortened_to_fit_never_cut(first, last, width, label):
    interval = DateInterval(D(first), D(last), Precision.RANGE)
    assert date_label(interval, width=width) == label


def test_a_range_across_years_names_both_years_without_its_own_year():
    interval = DateInterval(D("2014-01-01"), D("2024-03-04"), Precision.RANGE)
    assert date_label(interval, with_year=False) == "1 Jan 2014 – 4 Mar 2024"
    assert date_label(interval, with_year=False, width=15) == "2014 – 2024"


@pytest.mark.parametrize(
    "first, last, width, unit, count",
    [
        ("2025-11-20", "2025-11-26", 78, "day", 7),
        ("2025-01-01", "2025-12-31", 78, "week", 53),
        ("2016-01-01", "2020-12-31", 78, "month", 60),
        ("2000-01-01", "2025-12-31", 78, "year", 26),
        ("1519-01-01", "2025-12-31", 78, "year", 73),  # 7 years a period
        ("1900-03-01", "2010-06-01", 40, "year", 38),  # 2010 starts the last period
        ("0001-01-01", "0100-12-31", 20, "year", 17),  # from the calendar's first year
        ("9000-01-01", "9999-12-31", 30, "year", 29),  # to its last
    ],
)
def test_periods_are_the_finest_that_fit_the_width(first, last, width, unit, count):
    found = periods(D(first), D(last), width)
    assert (found.unit, len(found.edges) - 1) == (unit, count)
    assert found.edges[0] <= D(first).toordinal() < D(last).toordinal() < found.edges[-1]


def test_sparkline_stretches_counts_over_the_width():
    assert sparkline([0, 4, 8], 6) == "  ▄▄██"
    assert sparkline([], 3) == "   "


def test_the_story_is_the_latest_month_at_least_half_as_busy_as_the_busiest():
    # months: 1 item, 6 items (the busiest), 4 items, 1 item (too thin to be the story)
    runs = [(0, (1519, 1)), (1, (2016, 10)), (7, (2016, 11)), (11, (2017, 3))]
    assert story_start(runs, 12) == 7
    assert story_start([], 0) == 0


# --- in the browser -----------------------------------------------------------------------


async def test_the_timeline_opens_on_the_story_not_the_oldest_item(drive, story_db):
    async with drive(story_db, size=(100, 30)) as ui:
        timeline = ui.app.query_one("#timeline")
        assert timeline.selected.id == "e20"  # 3 November 2016: the latest busy month
        lines = ui.lines("timeline")  # its heading in sight (at the top, as far as the list goes)
        assert " November 2016" in lines and "▌ 3 Nov" in "\n".join(lines)
        strip = ui.app.query_one(TimeStrip)
        assert strip.selected == timeline.cursor
        labels = strip.render_line(1).text
        # the span is where the events are (2000 on), not 1519: that one is counted at the left
        assert labels.startswith("‹2 2000") and "▲ 2016" in labels


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2016-10-28", "e13"),  # the first event on or after it
        ("last week of october 2016", "e10"),  # 25 October: the same reading as d
        ("1600-01-01", "e02"),  # 1700: nothing between
        ("2030-01-01", "e30"),  # nothing after: the last one, and a note
    ],
)
async def test_t_jumps_to_the_first_event_on_or_after_a_date(drive, story_db, typed, expected):
    async with drive(story_db) as ui:
        await ui.press("t")
        assert isinstance(ui.app.screen, DateFilterScreen)
        await ui.type(typed)
        await ui.app.screen.workers.wait_for_complete()
        await ui.press("enter")
        timeline = ui.app.query_one("#timeline")
        assert timeline.selected.id == expected
        assert ui.app.query_one(TimeStrip).selected == timeline.cursor
        assert (typed == "2030-01-01") == any("No event on or after" in n for n in ui.notes())


async def test_a_date_filter_lists_what_lies_within_and_w_adds_what_only_overlaps(drive, story_db):
    async with drive(story_db) as ui:
        await ui.press("d")
        await ui.type("last week of october 2016")
        await ui.app.screen.workers.wait_for_complete()
        await ui.press("enter")
        timeline, bar = ui.app.query_one("#timeline"), ui.app.query_one("#bar")
        assert [e.id for e in timeline.items] == [f"e1{n}" for n in range(6)]
        assert bar.dates == "6 within · 2 overlapping · w shows them"
        await ui.press("w")
        assert [e.id for e in timeline.items] == ["e02", "e03"] + [f"e1{n}" for n in range(6)]
        assert bar.dates == "6 within · 2 overlapping · w hides them"
        await ui.press("w")
        assert len(timeline.items) == 6 and not ui.app.where.overlapping
        await ui.press("x", "w")
        assert bar.dates == "" and ui.notes()[-1] == "No date filter: d sets one."


@pytest.mark.parametrize("width", [80, 200])
async def test_a_long_range_is_shown_whole_and_the_tabs_stay_in_place(drive, story_db, width):
    async with drive(story_db, size=(width, 30)) as ui:
        await ui.press("g")
        lines = ui.lines("timeline")
        row = next(line for line in lines if "e02" in line)
        assert row[2:18] == "1700 – 2016     "  # the date column: shortened, not cut
        await ui.press("d")
        await ui.type("last week of october 2016")
        await ui.app.screen.workers.wait_for_complete()
        await ui.press("enter")
        bar = ui.lines("bar")
        assert bar[1].startswith(" 1 Timeline   2 Actors   3 Quotes")
        assert "25–31 Oct 2016" in bar[0] or width < 100  # the chip, cut only at 80
