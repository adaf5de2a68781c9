"""find_dates: every news form, resolved against a reference date, and things that are not dates."""

from datetime import date
from itertools import pairwise

import pytest

from extract.dates import find_dates
from extract.model import Precision

D, R, M, P, Y = (
    Precision.DAY,
    Precision.RANGE,
    Precision.MONTH,
    Precision.PART_OF_MONTH,
    Precision.YEAR,
)
MON = date(2025, 11, 24)  # a Monday
JAN3 = date(2026, 1, 3)  # a Saturday


def _d(s: str) -> date:
    return date.fromisoformat(s)


def found(text: str, reference: date | None) -> list[tuple]:
    return [
        (m.text, m.interval.first, m.interval.last, m.interval.precision, m.relative)
        for m in find_dates(text, reference=reference)
    ]


CASES = [
    # explicit days
    ("On November 23, 2025, talks began.", None,
     [("November 23, 2025", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    ("The vote is set for 23 November 2025.", None,
     [("23 November 2025", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    ("Filed Nov. 23, 2025 in Boston.", None,
     [("Nov. 23, 2025", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    ("The ISO stamp 2025-11-23 was logged.", None,
     [("2025-11-23", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    ("The form is dated 11/23/2025.", None,
     [("11/23/2025", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    ("Polls closed on the 4th of July, 2024.", None,
     [("the 4th of July, 2024", _d("2024-07-04"), _d("2024-07-04"), D, False)]),
    ("Sunday, Nov. 23, 2025 was quiet.", None,
     [("Sunday, Nov. 23, 2025", _d("2025-11-23"), _d("2025-11-23"), D, False)]),
    # year-less days need the reference and take its nearest year
    ("The strike ended Nov 23.", None, []),
    ("The strike ended Nov 23.", MON,
     [("Nov 23", _d("2025-11-23"), _d("2025-11-23"), D, True)]),
    ("Schools reopen Sept. 4 after repairs.", MON,
     [("Sept. 4", _d("2025-09-04"), _d("2025-09-04"), D, True)]),
    ("The fire started Dec. 30 near the port.", JAN3,
     [("Dec. 30", _d("2025-12-30"), _d("2025-12-30"), D, True)]),
    ("Voters went to the polls on Sunday, Nov. 23.", MON,
     [("Sunday, Nov. 23", _d("2025-11-23"), _d("2025-11-23"), D, True)]),
    # ranges
    ("The summit ran November 21-22, 2025.", None,
     [("November 21-22, 2025", _d("2025-11-21"), _d("2025-11-22"), R, False)]),
    ("The festival ran 14-19 November 2025 in Lyon.", None,
     [("14-19 November 2025", _d("2025-11-14"), _d("2025-11-19"), R, False)]),
    ("Talks on 20–21 November ended without a deal.", MON,
     [("20–21 November", _d("2025-11-20"), _d("2025-11-21"), R, True)]),
    ("The fair runs Nov. 30 - Dec. 2, 2025.", None,
     [("Nov. 30 - Dec. 2, 2025", _d("2025-11-30"), _d("2025-12-02"), R, False)]),
    ("He served from March 2019 to June 2021.", None,
     [("March 2019 to June 2021", _d("2019-03-01"), _d("2021-06-30"), R, False)]),
    ("Prices rose between 2010 and 2015.", None,
     [("2010 and 2015", _d("2010-01-01"), _d("2015-12-31"), R, False)]),
    ("The 2019-2020 season was cut short.", None,
     [("2019-2020", _d("2019-01-01"), _d("2020-12-31"), R, False)]),
    # months and parts of months
    ("November 2025 (ongoing): strikes continue.", None,
     [("November 2025", _d("2025-11-01"), _d("2025-11-30"), M, False)]),
    ("Late October 2025: the first drafts circulate.", None,
     [("Late October 2025", _d("2025-10-21"), _d("2025-10-31"), P, False)]),
    ("Rates were cut in mid-March 2024.", None,
     [("mid-March 2024", _d("2024-03-11"), _d("2024-03-20"), P, False)]),
    ("Elections were held in early May 2023.", None,
     [("early May 2023", _d("2023-05-01"), _d("2023-05-10"), P, False)]),
    ("The deal must close by the end of March 2026.", None,
     [("the end of March 2026", _d("2026-03-21"), _d("2026-03-31"), P, False)]),
    ("The mine closed in November.", None, []),
    ("The mine closed in November.", MON,
     [("November", _d("2025-11-01"), _d("2025-11-30"), M, True)]),
    ("The plant reopened in late September.", MON,
     [("late September", _d("2025-09-21"), _d("2025-09-30"), P, True)]),
    ("The board will decide in January.", MON,
     [("January", _d("2026-01-01"), _d("2026-01-31"), M, True)]),
    ("The law took effect in May.", MON,
     [("May", _d("2025-05-01"), _d("2025-05-31"), M, True)]),
    ("Rain fell last March across the region.", MON,
     [("last March", _d("2025-03-01"), _d("2025-03-31"), M, True)]),
    # quarters, halves, seasons
    ("Sales fell in the first quarter of 2024.", None,
     [("the first quarter of 2024", _d("2024-01-01"), _d("2024-03-31"), R, False)]),
    ("Profit doubled in Q3 2023.", None,
     [("Q3 2023", _d("2023-07-01"), _d("2023-09-30"), R, False)]),
    ("Output rose in the third quarter.", MON,
     [("the third quarter", _d("2025-07-01"), _d("2025-09-30"), R, True)]),
    ("Hiring slowed in the second half of 2022.", None,
     [("the second half of 2022", _d("2022-07-01"), _d("2022-12-31"), R, False)]),
    ("The bridge opened in summer 2024.", None,
     [("summer 2024", _d("2024-06-01"), _d("2024-08-31"), R, False)]),
    ("Gas ran short last winter.", MON,
     [("last winter", _d("2024-12-01"), _d("2025-02-28"), R, True)]),
    # years, decades
    ("The war began in 2022.", None,
     [("2022", _d("2022-01-01"), _d("2022-12-31"), Y, False)]),
    ("A plan was brokered in late 2025.", None,
     [("late 2025", _d("2025-09-01"), _d("2025-12-31"), R, False)]),
    ("Growth picked up in early 2024.", None,
     [("early 2024", _d("2024-01-01"), _d("2024-04-30"), R, False)]),
    ("Oil boomed in the 1970s.", None,
     [("the 1970s", _d("1970-01-01"), _d("1979-12-31"), R, False)]),
    ("Fighting has raged since 2014.", None, []),
    ("Fighting has raged since 2014.", MON,
     [("since 2014", _d("2014-01-01"), MON, R, True)]),
    # relative to the reference
    ("Ministers met today and yesterday; more talks tomorrow.", MON, [
        ("today", MON, MON, D, True),
        ("yesterday", _d("2025-11-23"), _d("2025-11-23"), D, True),
        ("tomorrow", _d("2025-11-25"), _d("2025-11-25"), D, True),
    ]),
    ("Police said this morning that the road had reopened.", MON,
     [("this morning", MON, MON, D, True)]),
    ("Later in the evening the crowd dispersed.", MON,
     [("Later in the evening", MON, MON, D, True)]),
    ("The minister resigned on Thursday.", MON,
     [("Thursday", _d("2025-11-20"), _d("2025-11-20"), D, True)]),
    ("The minister will resign on Thursday.", MON,
     [("Thursday", _d("2025-11-27"), _d("2025-11-27"), D, True)]),
    ("A deal is due by the upcoming Thursday.", MON,
     [("the upcoming Thursday", _d("2025-11-27"), _d("2025-11-27"), D, True)]),
    ("They spoke last Thursday.", MON,
     [("last Thursday", _d("2025-11-20"), _d("2025-11-20"), D, True)]),
    ("They meet next Thursday.", MON,
     [("next Thursday", _d("2025-11-27"), _d("2025-11-27"), D, True)]),
    ("The vote is this Thursday.", MON,
     [("this Thursday", _d("2025-11-27"), _d("2025-11-27"), D, True)]),
    ("Drones struck over the weekend.", MON,
     [("the weekend", _d("2025-11-22"), _d("2025-11-23"), R, True)]),
    ("Protests grew last week.", MON,
     [("last week", _d("2025-11-17"), _d("2025-11-23"), R, True)]),
    ("Earlier this week the court ruled.", MON,
     [("Earlier this week", _d("2025-11-24"), _d("2025-11-30"), R, True)]),
    ("A report is due next week.", MON,
     [("next week", _d("2025-12-01"), _d("2025-12-07"), R, True)]),
    ("Prices rose last month.", MON,
     [("last month", _d("2025-10-01"), _d("2025-10-31"), M, True)]),
    ("Earlier this month, rates fell.", MON,
     [("Earlier this month", _d("2025-11-01"), _d("2025-11-23"), R, True)]),
    ("The ruling is expected later this year.", MON,
     [("later this year", _d("2025-11-25"), _d("2025-12-31"), R, True)]),
    ("Loopr said in a blog post on Tuesday that it would cooperate.", MON,
     [("Tuesday", _d("2025-11-18"), _d("2025-11-18"), D, True)]),
    ("Airspace could partly reopen on Friday.", MON,
     [("Friday", _d("2025-11-28"), _d("2025-11-28"), D, True)]),
    ("On a wet Saturday in October, she sang.", MON,
     [("October", _d("2025-10-01"), _d("2025-10-31"), M, True)]),
    ("Exports grew this year but may shrink next year.", MON, [
        ("this year", _d("2025-01-01"), _d("2025-12-31"), Y, True),
        ("next year", _d("2026-01-01"), _d("2026-12-31"), Y, True),
    ]),
    ("The firm was founded three years ago.", MON,
     [("three years ago", _d("2022-01-01"), _d("2022-12-31"), Y, True)]),
    ("The ship sank 10 days ago.", MON,
     [("10 days ago", _d("2025-11-14"), _d("2025-11-14"), D, True)]),
    ("Relative words need a reference: yesterday, last week, on Friday.", None, []),
    # not dates
    ("A 28-point plan and 600,000 personnel, up 20%.", MON, []),
    ("G7 leaders cited Article 5 within 100 days.", MON, []),
    ("The match ended 1-0; call 555-1234 or 020 7946 0000.", MON, []),
    ("Her 2:21.45 beat the 12.30 train; shares rose 3.15 percent; 10:45 fans.", MON, []),
    # clock times: on the reference day, or on the day beside them
    ("The ship left at 9.15 a.m. and docked at 17:40 GMT.", MON, [
        ("9.15 a.m.", MON, MON, D, True),
        ("17:40 GMT", MON, MON, D, True),
    ]),
    ("Talks will end at 6 p.m. on Friday; at 10:00 the hall opens.", MON, [
        ("6 p.m.", _d("2025-11-28"), _d("2025-11-28"), D, True),
        ("Friday", _d("2025-11-28"), _d("2025-11-28"), D, True),
        ("10:00", MON, MON, D, True),
    ]),
    ("Times need a reference: at 9 a.m.", None, []),
    ("She hosts the show's 9 a.m. hour after another 6 a.m. workout.", MON, []),
    ("The plane landed at 7 a.m. that day; the next morning, at 5:15, it left.", MON, []),
    ("She may resign, and a march on the capital is planned.", MON, []),
    ("Talks are ongoing and recently stalled; more in the coming days.", MON, []),
    ("Fuel use peaks during winter months and currently rises.", MON, []),
    ("Theresa May spoke to April Ryan.", MON, []),
    # a day named from the reference, its words spaced by any white space
    ("The ferry sailed the day before  yesterday.", MON,
     [("the day before  yesterday", _d("2025-11-22"), _d("2025-11-22"), D, True)]),
    ("The choir sang last\tnight.", MON,
     [("last\tnight", _d("2025-11-23"), _d("2025-11-23"), D, True)]),
    # a bare clock time far into its line: after a preposition, however far back that stands
    ("The ferry crew loaded the last crates onto the deck and waited until 10:45 for the tide.",
     MON, [("10:45", MON, MON, D, True)]),
    ("The ferry crew loaded the last crates onto the deck and the score was 10:45 at the break.",
     MON, []),
    ("The pier closed at" + " " * 45 + "10:45 after the storm.", MON,
     [("10:45", MON, MON, D, True)]),
]  # fmt: skip


@pytest.mark.parametrize("text, reference, expected", CASES)
def test_find_dates(text: str, reference: date | None, expected: list[tuple]) -> None:
    assert found(text, reference) == expected


@pytest.mark.parametrize("text, reference, _expected", CASES)
def test_offsets_point_into_the_text(text: str, reference: date | None, _expected) -> None:
    mentions = find_dates(text, reference=reference)
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text
        assert m.interval.first <= m.interval.last
    starts = [m.span.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.span.end <= b.span.start for a, b in pairwise(mentions))


def _anchors_by_hand(text: str) -> list[tuple[int, int, str]]:
    """The anchors of `text` by their definition, tried at every character: where a word of
    _ANCHOR_KIND (Q1-Q4 and H1-H2 not before a word character or a hyphen), a month's first
    three letters and the letters after them, or a number that opens with an ASCII digit opens
    a word."""
    import re

    from extract.dates import _ANCHOR_KIND, _MONTH_HEADS

    out = []
    for at in range(len(text)):
        if at and re.match(r"\w", text[at - 1]):
            continue
        if text[at] in "0123456789":
            number = re.compile(r"\d+").match(text, at)
            assert number is not None
            out.append((at, number.end(), number.group()))
            continue
        for word in _ANCHOR_KIND:
            tail = text[at + len(word) : at + len(word) + 1]
            if text.startswith(word, at) and not (word[1].isdigit() and re.match(r"[\w-]", tail)):
                out.append((at, at + len(word), word))
        if text[at : at + 3] in _MONTH_HEADS:
            month = re.compile(r"[A-Z][a-z]{2}[a-z]*").match(text, at)
            assert month is not None
            out.append((at, month.end(), month.group()))
    return out


def test_anchor_scan_finds_exactly_the_anchors():
    """_anchors, one scan for capitals and digits and str.find for the words in lower case, finds
    what the definition finds; no two anchors start at one place."""
    from pathlib import Path

    from extract.dates import _anchors

    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "articles").glob("*.txt"))]
    texts.append("Mon., Sept. 4th; Q3 2024; mid-2020s; a week ago; 1999-2001; the ’90s; Xmas eve")
    texts.append(
        "Evening Century Spring FALL Yearly Dayton Q1-Q2 H2 Hal Twenty-one nineteen_ ٢٠٢٥ "
        "Tonight'S Decade Junk Sunday Sundays tomorrow's weekend x9 9x Augustine quarterly"
    )
    texts.append(
        "today tomorrow tonight twenty yesterday year night nineteen morning month evening "
        "afternoon autumn ago day week winter quarter half spring summer fall century; midday "
        "Chicago behalf headquarters overnight (years)… days—weeks G7 3D 12th Ünday _day Éte 2٠ ٠2"
    )
    texts.append("Ago AGO Q5 Q4x Q4- H3 H1, (Q2) _Q2 éQ2 Weekend Weekly 2Q1 ÆMarch Mayday H2O")
    # anchors found through another they hold ("yesterday" at the hits of "day")
    texts.append("yesterday's todaytoday (tonight) overnight day-to-day midday yesterdays x today")
    for text in texts:
        found = _anchors(text)
        assert found == _anchors_by_hand(text)
        assert len({start for start, _, _ in found}) == len(found)


def test_a_four_figure_number_gets_every_year_rule_that_reads_through_it():
    """_number_rules leaves out the year range without a dash or slash after the number and the
    decade without "s" or "'s": never a rule that matches through it from a word before it."""
    from bisect import bisect_left

    from extract.dates import _WORD_START, _YEAR_RULES, _anchors, _number_rules

    texts = [
        f"{opener}{year}{after}"
        for opener in ("", "in ", "the ", "the early ", "late ", "'", "mid-", "fiscal ")
        for year in ("1990", "2024", "1875", "2030")
        for after in ("", "s", "'s", "-25", " - 2026", " / 2026", "–27", "/26", " 's", ", then")
    ]
    for text in texts:
        for at, end, word in _anchors(text):
            if len(word) != 4 or not word.isdigit() or text[end : end + 1] == "-":
                continue
            given = _number_rules(text, at, end).rules
            starts = [m.start() for m in _WORD_START.finditer(text, 0, at)] + [at]
            for rule in _YEAR_RULES:
                first = max(bisect_left(starts, at - 14 * rule.back), len(starts) - 1 - rule.back)
                reads = any(
                    (m := rule.pattern.match(text, start)) is not None and m.end() >= end
                    for start in starts[first:]
                )
                assert rule in given or not reads, (text, rule.name)


def test_a_rule_matches_only_at_words_that_open_as_it_says():
    """A rule's `opens` holds the first character of every match it makes: at every word start
    of the tests' articles and of invented texts built from its own examples, cased three ways."""
    from pathlib import Path

    from extract.dates import _WORD_START, RULES

    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "articles").glob("*.txt"))]
    for rule in RULES:
        for example, _ in rule.examples:
            plain = example.replace("[", "").replace("]", "")
            texts += [f"So {form} then." for form in (plain, plain.upper(), plain.lower())]
    texts.append("In fiscal 2023, Late May, THE END OF JUNE, its year-ago quarter, ſeptember")
    opening = [rule for rule in RULES if rule.opens is not None]
    assert len(opening) >= 10
    for text in texts:
        for start in (m.start() for m in _WORD_START.finditer(text)):
            for rule in opening:
                if rule.pattern.match(text, start):
                    assert not text[start].isascii() or text[start] in rule.opens, rule.name


def test_every_word_of_the_anchor_lists_reaches_its_rules():
    """An anchor word taken from a list (relative_days, day_parts, date_units, seasons ...)
    finds the rules of its kind, in lower case and capitalised: a new entry cannot be skipped."""
    from extract.dates import _ANCHOR_WORDS, _RULES, _anchors, _kind, _word_rules

    for kind, words in _ANCHOR_WORDS.items():
        for word in words:
            for form in (word, word.capitalize()):
                anchor = _anchors(f"(x {form}")
                assert anchor and anchor[0][0] == 3, form
                found = anchor[0][2]
                assert form.startswith(found) and _word_rules(found).rules, form
                assert kind in _RULES or _kind(found) != kind, form


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year heading lends its year to the year-less entries below it, until the next one
        (
            "2018:\n- Oct. 3 - Vote.\n- Dec. 12 - Appeal.\n2019:\n- Jan. 20 - Ruling.\n",
            [
                ("2018", _d("2018-01-01"), _d("2018-12-31")),
                ("Oct. 3", _d("2018-10-03"), _d("2018-10-03")),
                ("Dec. 12", _d("2018-12-12"), _d("2018-12-12")),
                ("2019", _d("2019-01-01"), _d("2019-12-31")),
                ("Jan. 20", _d("2019-01-20"), _d("2019-01-20")),
            ],
        ),
        # under a month heading, a day number opening a line is a day of that month
        (
            "March 2019\n7: Walkout.\n- 15 - Talks fail.\nThe 3 ships left.\n",
            [
                ("March 2019", _d("2019-03-01"), _d("2019-03-31")),
                ("7", _d("2019-03-07"), _d("2019-03-07")),
                ("15", _d("2019-03-15"), _d("2019-03-15")),
            ],
        ),
        # a year alone on a line above prose heads nothing
        (
            "2018\nThe club was sold on Oct. 3.\n",
            [
                ("2018", _d("2018-01-01"), _d("2018-12-31")),
                ("Oct. 3", _d("2025-10-03"), _d("2025-10-03")),
            ],
        ),
    ],
)
def test_headings_date_the_entries_below_them(text: str, expected: list[tuple]) -> None:
    assert [e[:3] for e in found(text, MON)] == expected


def test_a_leap_day_without_a_year_takes_the_nearest_leap_year() -> None:
    """In an article of a year with no leap year beside it, "Feb. 29" is dated as any year-less
    day is (the nearest, unless the tense says which way), where it used to lose the article."""
    found = find_dates("The recount on Feb. 29 was close.", reference=date(2022, 6, 1))
    assert [(f.interval.first, f.interval.last) for f in found] == [
        (date(2024, 2, 29), date(2024, 2, 29))  # 638 days ahead, 2020's is 823 days back
    ]
    found = find_dates("The council will vote on February 29.", reference=date(2026, 11, 3))
    assert [f.interval.first for f in found] == [date(2028, 2, 29)]
