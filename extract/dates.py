"""Date expressions in news text, normalised to closed intervals of days.

Recognition is a small grammar of module-level regexes; normalisation is plain `datetime`
arithmetic (no dateparser in the hot path). Every pattern proposes candidates, the longest
non-overlapping ones win, then two passes join neighbours: "X - Y" / "from X to Y" /
"between X and Y" become ranges and "since X" runs from X to the reference date.

Interval conventions (SCHEMA.md): a day is first = last; a month is its first..last day;
early / mid / late a month are days 1-10 / 11-20 / 21-last; early / mid / late a year are
Jan-Apr / May-Aug / Sep-Dec; a week is its ISO week (Monday..Sunday); seasons follow TimeML
(spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec..Feb of the next year).
Expressions that need the reference date (relative ones, weekday names, year-less dates)
are dropped when `reference` is None.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from extract import lang
from extract.model import DateInterval, DateMention, Precision, Span
from extract.vocabulary import FULL_MONTHS, list_alternation

__all__ = ["EXAMPLE_REFERENCE", "RULES", "DateRule", "find_dates", "read_date"]

# --- vocabulary (extract/lang/en/) -------------------------------------------------------


def _numbers(name: str) -> dict[str, int]:
    """A table of words and their numbers."""
    return {word: int(number) for word, number in lang.table(name).items()}


# Months by their first three letters; weekdays from Monday, 0.
_MONTH_NUMBER = _numbers("month_numbers")
_WEEKDAY_NUMBER = _numbers("weekday_numbers")
# Ordinals of quarters and halves ("the final quarter"), of centuries ("the nineteenth century").
_ORDINAL_ROWS = lang.rows("ordinals")
_ORDINAL = {word: int(number) for word, number, _ in _ORDINAL_ROWS}


def _ordinals(period: str) -> str:
    """The ordinals read before `period` ("quarter", "half"), as a regex alternation."""
    return "|".join(word for word, _, periods in _ORDINAL_ROWS if period in periods.split(","))


_CENTURY_WORD = _numbers("century_ordinals")
# Counts written as words: "two weeks ago", "a couple of days later".
_COUNT = _numbers("counts")
# Words for a part of a month or year, and the part: "the end of" is "late".
_PART = lang.table("month_parts")
# The parts, written bare ("early", "mid", "late"), and the nouns that name them ("the end of"):
# the table's values, and its other words.
_PART_NAMES = "|".join(dict.fromkeys(_PART.values()))
_PART_NOUNS = "|".join(word for word in _PART if word not in _PART.values())
# The word of an accounts' year: "fiscal 2024".
_FISCAL = list_alternation("fiscal_words")
# this / last / next before "year" or "week", and by how many of them it moves from the reference's.
_SHIFT = _numbers("shift_words")
_SHIFT_WORDS = "(?i:" + "|".join(_SHIFT) + ")"
# Seasons and their first and last months.
_SEASON = {name: (int(first), int(last)) for name, first, last in lang.rows("seasons")}
# Words that place a month, season or weekday from the reference's ("last", "this coming"), and
# which way (-1 the one before it, 0 its own year's or week's, 1 the one after it).
_DEICTIC_SHIFT = _numbers("deictic_words")
# Words that place a unit from the reference's ("the previous month"), and by how many units.
_UNIT_SHIFT = _numbers("unit_shift_words")
# Words after "the end of" that place a month or a year ("the end of next year").
_UNIT_PART_SHIFT = _numbers("unit_part_shift_words")
# The words for the part of a period before or after the reference ("earlier", "later").
_SIDE = _numbers("side_words")
# Days named from the reference, and phrases that name one, with their distance in days.
_RELATIVE_DAY_ROWS = lang.rows("relative_days")
_RELATIVE_DAYS = {word: int(days) for word, days, _ in _RELATIVE_DAY_ROWS}
_RELATIVE_DAY_PHRASES = _numbers("relative_day_phrases")
# Units of time, and the patterns (columns of date_units.tsv) that read each.
_UNIT_ROWS = lang.rows("date_units")
_UNIT_COLUMNS = ("relative", "part", "side", "ago", "another")


def _phrases(words: Sequence[str]) -> str:
    """A regex alternation of `words` in their order, each word standing for itself and the
    space between a phrase's words for any white space (list_alternation, for a table's keys)."""
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)


def _hyphen_phrases(name: str) -> str:
    """The entries of the word list `name` as a regex alternation, in the file's order, a hyphen
    standing for a hyphen or one white space character ("year-end", "year end") and a space for
    any white space."""
    return "|".join(
        r"\s+".join(re.escape(word).replace(r"\-", r"[-\s]") for word in entry.split())
        for entry in lang.entries(name)
    )


def _units(column: str) -> str:
    """The units a pattern reads (a column of date_units.tsv), as a regex alternation."""
    at = _UNIT_COLUMNS.index(column) + 1
    return "|".join(row[0] for row in _UNIT_ROWS if row[at])


# Parts of a day: "this morning", "Thursday evening".
_DAY_PARTS = list_alternation("day_parts")
# Words that place a time within a day: "late Monday", "earlier today".
_DAY_TIME_WORDS = list_alternation("day_time_words")
# The endings of ordinals in figures: "3rd", "21st".
_ORDINAL_SUFFIX = list_alternation("ordinal_suffixes")

# --- regex building blocks (strings; compiled patterns below) ---------------------------


def _trie(words: Sequence[str]) -> str:
    """A pattern matching any of `words`, written as a tree of their shared beginnings ("b(?:e(?:
    came|gan)|uilt)"), which the regex engine tries letter by letter instead of word by word."""
    return _tree([tuple(word) for word in words])


def _phrase_trie(phrases: Sequence[str]) -> str:
    """_trie for phrases, the space between their words standing for any white space. Where an
    entry begins another ("due", "due to"), the longer is tried first."""
    return _tree([tuple(" ".join(phrase.split())) for phrase in phrases])


def _tree(sequences: Sequence[tuple[str, ...]]) -> str:
    """The tree of `sequences` of characters, a space standing for any white space."""
    if () in sequences and len(sequences) == 1:
        return ""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        if sequence:
            groups.setdefault(sequence[0], []).append(sequence[1:])
    branches = [
        (r"\s+" if head == " " else re.escape(head)) + _tree(tails)
        for head, tails in sorted(groups.items())
    ]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if () in sequences else body


# A month name or its abbreviation ("Sept.", "Nov"), capitalised as news writes it.
_MONTH_BODY = "(?:" + _trie(lang.entries("month_forms")) + ")(?![A-Za-z])"
# The full names of months, capitalised.
_MONTH_NAMES = tuple(m.capitalize() for m in FULL_MONTHS)
# A full month name that is never an ordinary word (May and March are handled apart).
_SAFE_MONTH = "(?:" + "|".join(n for n in _MONTH_NAMES if n not in ("March", "May")) + ")"
# A day of the month, optionally ordinal, not part of a larger number, time or percentage.
_DAY_BODY = rf"(?:3[01]|[12]\d|0?[1-9])(?:{_ORDINAL_SUFFIX})?(?![\d%]|[.,:]\d|-[A-Za-z])"
# A plausible four-digit year, not part of a larger number.
_YEAR_BODY = r"(?:1[7-9]\d\d|20\d\d)(?![\d%]|[.,:]\d|-\d)"
_WEEKDAY_BODY = "(?:" + "|".join(map(str.capitalize, _WEEKDAY_NUMBER)) + ")(?![a-z])"
# What joins the two ends of a day range: a dash, or to / through / until / and (with the word
# that must open a range of two dates joined so: "from", "between"; see _join_ranges).
_RANGE_OPENER = lang.table("range_joins")
_RANGE_JOIN = rf"(?:\s*[-–—]\s*|\s+(?:{_phrases(list(_RANGE_OPENER))})\s+)"
# early / mid / late and their longer spellings ("the end of").
_PART_WORDS = rf"(?i:{_PART_NAMES}|(?:the\s+)?(?:{_PART_NOUNS})\s+of)"
# this / last / next as a modifier of a month, season or year.
_DEICTIC = rf"(?i:{_phrases(list(_DEICTIC_SHIFT))})"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


# --- calendar helpers --------------------------------------------------------------------


def _month_last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_iv(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_last(year, month)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _part_of_month(year: int, month: int, part: str) -> tuple[date, date]:
    if part == "early":
        return date(year, month, 1), date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), _month_last(year, month)


def _part_of_year(year: int, part: str) -> tuple[date, date]:
    first_month = {"early": 1, "mid": 5, "late": 9}[part]
    return date(year, first_month, 1), _month_last(year, first_month + 3)


def _iso_week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _weekend(day: date) -> tuple[date, date]:
    """The Saturday and Sunday of `day`'s ISO week."""
    saturday = day - timedelta(days=day.weekday()) + timedelta(days=5)
    return saturday, saturday + timedelta(days=1)


def _quarter(year: int, q: int) -> tuple[date, date]:
    return date(year, 3 * q - 2, 1), _month_last(year, 3 * q)


def _season(year: int, name: str) -> tuple[date, date]:
    a, b = _SEASON[name]
    return date(year, a, 1), _month_last(year + (1 if b < a else 0), b)


def _part(words: str) -> str:
    """'early' / 'mid' / 'late' from "early", "mid", "the end of", "beginning of" ..."""
    key = words.lower().split()
    return _PART[key[-2] if key[-1] == "of" else key[0]]


def _part_of(words: str | None) -> str | None:
    """The part a matched group names, None when the group did not take part."""
    return _part(words) if words else None


def _month_of(word: str) -> int:
    return _MONTH_NUMBER[word[:3].lower()]


def _day_of(word: str) -> int:
    return int(word[:2] if word[:2].isdigit() else word[:1])


def _two_digit_year(yy: int, reference: date | None) -> int:
    pivot = (reference.year if reference else 2030) % 100 + 10
    return 2000 + yy if yy <= pivot else 1900 + yy


# --- tense of the clause around a mention ------------------------------------------------


# Words that put a clause in the future ("will", "is scheduled to") or the past ("said", "-ed").
# "to be" before a participle is future, unless after "was" or "were" ("was to be held"). The
# words are written as trees (_phrase_trie), and "(?=\w)" passes over the ends of words at once:
# each alternative opens with a letter. Both halve the time the pattern takes, which is the most
# of the time _tense takes.
_TENSE = re.compile(
    rf"\b(?=\w)(?:(?P<future>{_phrase_trie(lang.entries('future_markers'))}"
    r"|(?<!was\s)(?<!were\s)to\s+be\s+(?:held|\w+ed))"
    rf"|(?P<past>{_phrase_trie(lang.entries('past_markers'))}|(?P<form>\w{{3,}}ed)))\b"
    r"|'ll\b",
    re.IGNORECASE,
)
# An irregular past form ("made", "held", "won"), in lower case: a pattern of its own, as the
# list in one case-blind pattern would slow every look at a clause's tense.
_PAST_FORM = re.compile(r"\b(?:" + _trie(lang.entries("past_forms")) + r")\b")
# "be" before a past participle, which then takes be's tense ("will be held Saturday").
_AFTER_BE = re.compile(rf"(?i:\b(?:{list_alternation('be_nonfinite')}))\s+$")
# Where the words around a mention turn to another clause: a comma or dash, or a word that opens
# one ("struggled on Sunday to say how he would ...", "died Sunday, and it will be ...", "was to
# come, but on Thursday, the party announced ..."). Markers past a turn count only when the
# mention's own clause has none.
_CLAUSE_TURN = re.compile(rf"[,(—–]|\b(?:{list_alternation('clause_turns')})\b")
# Where a clause ends: sentence punctuation followed by a space (not that of "a.m." or "p.m."),
# a semicolon, a line break.
_CLAUSE_END = re.compile(r"[.!?](?<![AaPp]\.[Mm]\.)\s|[;\n]")
# Reported speech after the mention ("said on Tuesday that it would ...") is another clause.
_REPORTED_CLAUSE = re.compile(r"\bthat\b")


# The "tense" of a date a person types to filter by: the last such day on or before today.
BEFORE = "before"


def _tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None: the tense marker nearest the mention within its clause."""
    left = text[max(0, start - 90) : start]
    left_start = 0
    for cut in _CLAUSE_END.finditer(left):
        left_start = cut.end()
    left = left[left_start:]
    right = text[end : end + 70]
    stop = _CLAUSE_END.search(right) or _REPORTED_CLAUSE.search(right)
    if stop is not None:
        right = right[: stop.start()]
    found = list(_TENSE.finditer(left))
    while found and _participle_after_be(left, found[-1]):
        found.pop()
    before = found[-1] if found else None
    # an irregular past form counts where it is nearer than the last marker found
    for m in _PAST_FORM.finditer(left, before.end() if before else 0):
        if not _AFTER_BE.search(left, max(0, m.start() - 7), m.start()):
            before = m
    after = _TENSE.search(right)
    while after is not None and _participle_after_be(right, after):
        after = _TENSE.search(right, after.end())
    for m in _PAST_FORM.finditer(right, 0, after.start() if after else len(right)):
        if not _AFTER_BE.search(right, max(0, m.start() - 7), m.start()):
            after = m
            break
    if before is None or after is None:
        marker = before or after
        return None if marker is None else _tense_of(marker)
    # Markers on both sides: (outside the mention's clause, distance, after it): the smallest
    # wins, the one before the mention on a tie ("a merger announced Monday would ...").
    left_key = (_CLAUSE_TURN.search(left, before.end()) is not None, len(left) - before.end(), 0)
    right_key = (_CLAUSE_TURN.search(right, 0, after.start()) is not None, after.start(), 1)
    return _tense_of(before if left_key < right_key else after)


def _participle_after_be(words: str, m: re.Match[str]) -> bool:
    """Whether a marker is a past participle after "be" ("will be delivered")."""
    return (
        m.group("form") is not None
        and _AFTER_BE.search(words, max(0, m.start() - 7), m.start()) is not None
    )


def _tense_of(m: re.Match[str]) -> str:
    """The tense a marker of _TENSE or _PAST_FORM gives."""
    return "past" if m.re is _PAST_FORM or m.group("past") else "future"


# --- candidates ---------------------------------------------------------------------------


@dataclass(slots=True)  # not frozen: thousands are made per article; _settle fills in days
class _Cand:
    """A proposed mention; `first` is None when it needs a reference that is missing.

    `year`, `month`, `day` keep explicit calendar parts (year None = year-less) so that
    the range pass can lend a year from one end to the other.
    """

    start: int
    end: int
    first: date | None
    last: date | None
    precision: Precision
    relative: bool = False
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: bool = False  # an explicit calendar expression (may join a range)
    clock: bool = False  # a time of day, on the day of the reference, a neighbour or a heading
    # The days, when they hang on the tense of the mention's clause ("on Tuesday", "in June"):
    # read only once the candidate is kept (_settle), as the tense costs more than the rest of
    # a candidate and most such candidates lose to a longer one ("June" in "June 5, 2011").
    pending: Callable[[], tuple[date, date]] | None = None


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    reference: date | None
    # The tense where the words around a date give none: BEFORE for a date typed to filter by.
    tense: str | None = None
    # How sure `reference` is: a relative date is no surer (`find_dates`).
    surety: float = 1.0

    def tense_at(self, m: re.Match[str]) -> str | None:
        return _tense(self.text, m.start(), m.end()) or self.tense


def _cand(
    m: re.Match[str],
    iv: tuple[date, date] | None,
    precision: Precision,
    *,
    relative: bool = False,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    calendar: bool = False,
    pending: Callable[[], tuple[date, date]] | None = None,
) -> _Cand:
    """The candidate `m` proposes: the fields of _Cand, its offsets taken from the match."""
    first, last = iv if iv else (None, None)
    return _Cand(
        m.start(),
        m.end(),
        first,
        last,
        precision,
        relative=relative,
        year=year,
        month=month,
        day=day,
        calendar=calendar,
        pending=pending,
    )


def _settle(c: _Cand) -> _Cand:
    """`c`, its days read in place if they waited on the tense (`_Cand.pending`)."""
    if c.pending is None:
        return c
    c.first, c.last = c.pending()
    c.pending = None
    return c


def _nearest_year(month: int, day: int, ref: date, tense: str | None) -> int:
    """The year that puts a year-less day nearest the reference (after it if future, on or
    before it if BEFORE). In news a past tense does not move it: "said it would sign on March 3"
    is often the next March 3 (TimeBank value F1 0.78 -> 0.77 when it did)."""
    options = []
    # a leap day may have no year beside the reference's: then the leap years around it
    for reach in (1, 4):
        for year in range(ref.year - reach, ref.year + reach + 1):
            with contextlib.suppress(ValueError):
                options.append(date(year, month, day))
        if options:
            break
    if tense == "future":
        ahead = [d for d in options if d >= ref]
        if ahead:
            return ahead[0].year
    if tense == BEFORE:
        behind = [d for d in options if d <= ref]
        if behind:
            return behind[-1].year
    return min(options, key=lambda d: (abs((d - ref).days), d < ref)).year


def _month_year(month: int, ref: date, tense: str | None, mod: str | None) -> int:
    """The year of a year-less month: by modifier, else by tense, else the nearest."""
    shift = _DEICTIC_SHIFT[" ".join(mod.lower().split())] if mod else None
    if shift == -1:
        return ref.year if month < ref.month else ref.year - 1
    if shift == 1:
        return ref.year if month > ref.month else ref.year + 1
    if shift == 0:
        return ref.year
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense in ("past", BEFORE):
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if abs(month - ref.month) <= 6 else ref.year + (1 if month < ref.month else -1)


def _day_cand(m: re.Match[str], ctx: _Ctx, month: int, day: int, year: int | None) -> _Cand | None:
    """An explicit day; a year-less one is placed by the reference."""
    if year is not None:
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return _cand(m, (d, d), Precision.DAY, year=year, month=month, day=day, calendar=True)
    if day > calendar.monthrange(2024, month)[1]:
        return None
    ref = ctx.reference
    if ref is None:
        return _cand(m, None, Precision.DAY, relative=True, month=month, day=day, calendar=True)

    def days() -> tuple[date, date]:
        d = date(_nearest_year(month, day, ref, ctx.tense_at(m)), month, day)
        return d, d

    return _cand(
        m, None, Precision.DAY, relative=True, month=month, day=day, calendar=True, pending=days
    )


# --- explicit days and day ranges ---------------------------------------------------------

# 2025-11-23
_ISO = re.compile(
    r"(?<![\d-])(?P<y>\d{4})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"
)


def _on_iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _day_cand(m, ctx, int(m["mo"]), int(m["d"]), int(m["y"]))


# 11/23/2025 (US order; day first when the first number cannot be a month), 23.11.2025
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]\d)"
)


def _on_numeric(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        if m["sep"] == ".":
            return None
        y = _two_digit_year(y, ctx.reference)
    month, day = (b, a) if m["sep"] == "." or a > 12 else (a, b)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return _day_cand(m, ctx, month, day, y)


_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY_BODY},?\s+)?"
_YEAR_TAIL = rf"(?:,?\s+{_g('y', _YEAR_BODY)})?"

# November 21-22, 2025 / Nov. 21 to 22
_MONTH_DAY_RANGE = re.compile(
    rf"{_g('m', _MONTH_BODY)}\s*{_g('d1', _DAY_BODY)}{_RANGE_JOIN}{_g('d2', _DAY_BODY)}{_YEAR_TAIL}"
)
# 14-19 November 2025 / 20–21 November / 21 and 22 November
_DAY_RANGE_MONTH = re.compile(
    rf"(?<![\d.,/$-]){_g('d1', _DAY_BODY)}{_RANGE_JOIN}{_g('d2', _DAY_BODY)}\s+(?:of\s+)?"
    rf"{_g('m', _MONTH_BODY)}{_YEAR_TAIL}"
)


def _on_day_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month, d1, d2 = _month_of(m["m"]), _day_of(m["d1"]), _day_of(m["d2"])
    if d2 <= d1:
        return None
    year = int(m["y"]) if m["y"] else None
    one, two = _day_cand(m, ctx, month, d1, year), _day_cand(m, ctx, month, d2, year)
    if one is None or two is None:
        return None
    one, two = _settle(one), _settle(two)  # a range reads its ends' days at once: ranges are few
    if one.first is None or two.first is None:
        return replace(one, last=None, precision=Precision.RANGE, day=None, calendar=False)
    last = two.first.replace(year=one.first.year)
    return replace(one, last=last, precision=Precision.RANGE, day=None, calendar=False)


# [Sunday,] November 23[, 2025] / Nov. 23 / Sept. 4
_MONTH_DAY = re.compile(
    rf"{_WEEKDAY_PREFIX}{_g('m', _MONTH_BODY)}\s*{_g('d', _DAY_BODY)}{_YEAR_TAIL}"
)
# [Sunday] 23 November [2025] / the 23rd of November
_DAY_MONTH = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\d.,/$-])(?:the\s+)?{_g('d', _DAY_BODY)}\s+(?:of\s+)?"
    rf"{_g('m', _MONTH_BODY)}{_YEAR_TAIL}"
)


def _on_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m["m"][-1] != "." and m.start("d") == m.end("m"):
        return None  # "Nov23": a month glued to digits is an identifier, not a date
    year = int(m["y"]) if m["y"] else None
    return _day_cand(m, ctx, _month_of(m["m"]), _day_of(m["d"]), year)


# --- months --------------------------------------------------------------------------------

# [late] November 2025 / mid-November 2025 / the end of March 2025 / Nov. 2025
_MONTH_YEAR = re.compile(
    rf"(?:{_g('part', _PART_WORDS)}[-\s]+)?{_g('m', _MONTH_BODY)},?\s+(?:of\s+)?"
    rf"{_g('y', _YEAR_BODY)}"
)


def _on_month_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year, month = int(m["y"]), _month_of(m["m"])
    if m["part"]:
        part = _part(m["part"])
        iv = _part_of_month(year, month, part)
        return _cand(m, iv, Precision.PART_OF_MONTH, year=year, month=month, calendar=True)
    return _cand(m, _month_iv(year, month), Precision.MONTH, year=year, month=month, calendar=True)


# [the] first / second / third / fourth / last week of November [2025]: its first or last seven
# days, counted from that end of the month.
_WEEK_NUMBER = _numbers("week_ordinals")
_WEEK_OF_MONTH = re.compile(
    rf"(?:(?i:the)\s+)?(?P<which>(?i:{'|'.join(_WEEK_NUMBER)}))\s+(?i:week)\s+of\s+"
    rf"{_g('m', _MONTH_BODY)}(?:,?\s+{_g('y', _YEAR_BODY)})?"
)


def _on_week_of_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month = _month_of(m["m"])
    which = m["which"].lower()

    def days(year: int) -> tuple[date, date]:
        first, last = _month_iv(year, month)
        if _WEEK_NUMBER[which] < 0:  # "the last week of": the month's last seven days
            return last - timedelta(days=6), last
        start = first + timedelta(days=7 * _WEEK_NUMBER[which])
        return start, min(start + timedelta(days=6), last)

    if m["y"]:
        return _cand(m, days(int(m["y"])), Precision.RANGE, month=month)
    ref = ctx.reference
    if ref is None:
        return _cand(m, None, Precision.RANGE, relative=True)
    return _cand(
        m,
        None,
        Precision.RANGE,
        relative=True,
        month=month,
        pending=lambda: days(_month_year(month, ref, ctx.tense_at(m), None)),
    )


# Year-less months: [early|late] [last|this|next] November [this|last|next year]
# and May / March only after a preposition or modifier (else they are ordinary words).
_YEARLESS_MONTH = re.compile(
    rf"(?:{_g('part', _PART_WORDS)}[-\s]+)?(?:{_g('mod', _DEICTIC)}\s+)?"
    rf"{_g('m', _SAFE_MONTH)}(?!\s+[A-Z][a-z])"
    rf"(?:\s+{_g('ry', _SHIFT_WORDS)}\s+year)?"
)
_MAY_MARCH = re.compile(
    rf"(?:{_g('part', _PART_WORDS)}[-\s]+|{_g('mod', _DEICTIC)}\s+"
    rf"|(?<![\w-])(?P<prep>(?i:{list_alternation('month_prepositions')}))\s+)"
    rf"{_g('m', 'March|May')}(?![a-z])(?!\s+[A-Z][a-z])"
    rf"(?:\s+{_g('ry', _SHIFT_WORDS)}\s+year)?"
)


def _on_yearless_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month = _month_of(m["m"])
    part = _part_of(m["part"])
    precision = Precision.PART_OF_MONTH if part else Precision.MONTH
    ref = ctx.reference

    def days(year: int) -> tuple[date, date]:
        return _part_of_month(year, month, part) if part else _month_iv(year, month)

    def by_tense() -> tuple[date, date]:
        assert ref is not None
        return days(_month_year(month, ref, ctx.tense_at(m), m["mod"]))

    iv, pending = None, None
    if ref is not None and m["ry"]:
        iv = days(ref.year + _SHIFT[m["ry"].lower()])
    elif ref is not None:
        pending = by_tense
    c = _cand(m, iv, precision, relative=True, month=month, calendar=True, pending=pending)
    return replace(c, start=m.start("m")) if "prep" in m.re.groupindex and m["prep"] else c


# --- years, decades, centuries ------------------------------------------------------------

# [late|mid-|the end of] [fiscal] 2025
_YEAR = re.compile(
    rf"(?<![\w$€£#.,/:'=?&-])(?:{_g('part', _PART_WORDS)}[-\s]+)?(?:(?i:{_FISCAL})\s+)?"
    rf"{_g('y', _YEAR_BODY)}"
    rf"(?!\s*(?:GMT|UTC|[AaPp]\.?[Mm]\b|{list_alternation('clock_hour_words')})|-[A-Za-z]|\s*-\s*\d)"
)


def _on_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year = int(m["y"])
    if m["part"]:
        return _cand(m, _part_of_year(year, _part(m["part"])), Precision.RANGE)
    iv = (date(year, 1, 1), date(year, 12, 31))
    return _cand(m, iv, Precision.YEAR, year=year, calendar=True)


# 2019-2020 / 2014–15 / 2023/24
_YEAR_START = r"(?:1[7-9]\d\d|20\d\d)"
_YEAR_JOIN = r"\s*[-–/]"
_YEAR_RANGE = re.compile(
    rf"(?<![\w$.,/-]){_g('y', _YEAR_START)}{_YEAR_JOIN}\s*(?P<y2>\d{{4}}|\d\d)(?![\d%-])"
)


def _on_year_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y1 = int(m["y"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 30:
        return None
    return _cand(m, (date(y1, 1, 1), date(y2, 12, 31)), Precision.RANGE)


# the 1990s / the early 2000s / the '80s
_DECADE = re.compile(
    rf"(?:(?i:the)\s+)?(?:(?i:{_PART_NAMES})[-\s]+)?"
    r"(?:(?P<dec>1[7-9]\d0|20\d0)|'(?P<dd>\d0))'?s(?![a-z])"
)


def _on_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m["dec"]:
        start = int(m["dec"])
    else:
        start = 1900 + int(m["dd"])
        if ctx.reference and start + 100 <= ctx.reference.year:
            start += 100
    return _cand(m, (date(start, 1, 1), date(start + 9, 12, 31)), Precision.RANGE)


# the 20th century / the twenty-first century
_CENTURY = re.compile(
    rf"(?:(?i:the)\s+)?(?:(?P<n>1\d|2[01])(?:{_ORDINAL_SUFFIX})"
    r"|(?P<w>(?i:" + "|".join(_CENTURY_WORD) + r")))"
    rf"[-\s](?i:{list_alternation('century_words')})(?![a-z])"
)


def _on_century(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = int(m["n"]) if m["n"] else _CENTURY_WORD[m["w"].lower()]
    start = (n - 1) * 100
    return _cand(m, (date(start, 1, 1), date(start + 99, 12, 31)), Precision.RANGE)


# --- quarters, halves, seasons ------------------------------------------------------------


def _of_year(optional: bool) -> str:
    """ "of 2024" / "of this year" / "of the year" after a quarter or a half."""
    body = (
        rf"\s+(?i:of)\s+(?:{_g('y', _YEAR_BODY)}|{_g('ry', _SHIFT_WORDS)}\s+(?i:year)"
        rf"|(?i:the\s+(?:current\s+)?(?:{_FISCAL}\s+)?year))"
    )
    return f"(?:{body})?" if optional else body


# the third quarter [of 2024] / third-quarter / the 1988 second quarter / next year's first quarter
_QUARTER = re.compile(
    r"(?:(?i:the|its)\s+)?"
    rf"(?:{_g('y0', _YEAR_BODY)}(?:'s)?\s+|{_g('ry0', _SHIFT_WORDS)}\s+(?i:year's)\s+)?"
    rf"(?:(?P<ago>(?i:{_hyphen_phrases('year_ago_words')}))\s+)?"
    rf"(?i:(?:{_FISCAL}[-\s]+)?(?P<ord>{_ordinals('quarter')})[-\s]+"
    rf"(?:{_FISCAL}[-\s]+)?quarter)(?!s)" + _of_year(optional=True)
)
# Q3 2023 / Q1 '24 / in Q3
_Q_FORM = re.compile(
    rf"(?<![\w-])(?P<prep>(?i:{list_alternation('quarter_openers')})\s+)?Q(?P<q>[1-4])"
    rf"(?:\s+{_g('y', _YEAR_BODY)}|\s*'(?P<yy>\d\d)|\s+(?i:of)\s+{_g('y2', _YEAR_BODY)})?"
    r"(?![\w-])"
)
# the first half of 2024 / the second half of this year / H1 2024
_HALF = re.compile(
    rf"(?:(?i:the)\s+)?(?i:(?P<ord>{_ordinals('half')})[-\s]+"
    rf"(?:{list_alternation('half_words')}))" + _of_year(optional=False)
)
_H_FORM = re.compile(rf"(?<![\w-])H(?P<h>[12])\s+{_g('y', _YEAR_BODY)}")


def _year_from(m: re.Match[str], ref: date | None) -> tuple[int | None, bool]:
    """The year named by a quarter/half phrase; (None, True) if it needs a missing reference."""
    for name in ("y", "y0", "y2"):
        if name in m.re.groupindex and m[name]:
            return int(m[name]), False
    if "yy" in m.re.groupindex and m["yy"]:
        return _two_digit_year(int(m["yy"]), ref), False
    if ref is None:
        return None, True
    for name in ("ry", "ry0"):
        if name in m.re.groupindex and m[name]:
            return ref.year + _SHIFT[m[name].lower()], True
    return ref.year, True


def _on_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year, relative = _year_from(m, ctx.reference)
    if year is not None and m["ago"]:
        year -= 1
    q = _ORDINAL[m["ord"].lower()]
    iv = _quarter(year, q) if year is not None else None
    return _cand(m, iv, Precision.RANGE, relative=relative)


def _on_q_form(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if not (m["y"] or m["yy"] or m["y2"] or m["prep"]):
        return None  # a bare "Q3" is as often a product name as a quarter
    year, relative = _year_from(m, ctx.reference)
    iv = _quarter(year, int(m["q"])) if year is not None else None
    start = m.start("q") - 1
    return replace(_cand(m, iv, Precision.RANGE, relative=relative), start=start)


def _on_half(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year, relative = _year_from(m, ctx.reference)
    h = min(_ORDINAL[m["ord"].lower()], 2)
    iv = (date(year, 6 * h - 5, 1), _month_last(year, 6 * h)) if year is not None else None
    return _cand(m, iv, Precision.RANGE, relative=relative)


def _on_h_form(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year, h = int(m["y"]), int(m["h"])
    return _cand(m, (date(year, 6 * h - 5, 1), _month_last(year, 6 * h)), Precision.RANGE)


# summer 2024 / the winter of 2022 / last winter / this spring (a bare season is not a date)
_SEASON_RE = re.compile(
    rf"(?<![\w-])(?:(?i:the)\s+)?(?:{_g('mod', _DEICTIC)}[-\s]+)?(?:(?i:{_PART_NAMES})[-\s]+)?"
    rf"(?P<s>(?i:{'|'.join(_SEASON)}))(?![a-z])"
    rf"(?:\s+(?:(?i:of)\s+)?{_g('y', _YEAR_BODY)}(?:[-–/](?P<y2>\d\d(?:\d\d)?)(?!\d))?)?"
)


def _on_season(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = m["s"].lower()
    if m["y"]:
        return _cand(m, _season(int(m["y"]), name), Precision.RANGE)
    if not m["mod"]:
        return None
    ref = ctx.reference
    if ref is None:
        return _cand(m, None, Precision.RANGE, relative=True)
    shift = _DEICTIC_SHIFT[" ".join(m["mod"].lower().split())]
    first_month, last_month = _SEASON[name]
    # a season that runs into the next year (winter) began the year before, up to its last month
    crosses = last_month < first_month and ref.month <= last_month
    this_year = ref.year - 1 if crosses else ref.year
    if shift == 0:
        year = this_year
    elif shift == -1:
        year = max(y for y in (ref.year - 2, ref.year - 1, ref.year) if _season(y, name)[1] < ref)
    else:
        year = min(y for y in (ref.year - 1, ref.year, ref.year + 1) if _season(y, name)[0] > ref)
    return _cand(m, _season(year, name), Precision.RANGE, relative=True)


# the quarter / the latest quarter / the year-ago quarter: business news' reporting quarter,
# the last one completed before the reference
_REPORTED_QUARTER = re.compile(
    rf"(?<![\w-])(?i:(?:the|its)\s+(?:(?:{_hyphen_phrases('latest_words')})\s+"
    rf"|(?P<ago>{_hyphen_phrases('year_ago_words')})\s+)?"
    rf"(?:{_FISCAL}\s+)?"
    r"(?:quarter|(?(ago)period|(?!)))(?![\w-]))"
)


def _on_reported_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.reference is None:
        return _cand(m, None, Precision.RANGE, relative=True)
    shift = -5 if m["ago"] else -1
    return _cand(
        m, _unit_interval("quarter", shift, ctx.reference, None), Precision.RANGE, relative=True
    )


_TENS = _numbers("spoken_tens")
_UNITS = _numbers("spoken_units")
_CENTURIES = _numbers("spoken_centuries")
# nineteen ninety-six / twenty twenty-four (years read out in broadcast transcripts)
_SPOKEN_YEAR = re.compile(
    r"(?<![\w-])(?P<c>(?i:" + "|".join(_CENTURIES) + r"))[-\s]+(?P<t>(?i:" + "|".join(_TENS) + r"))"
    r"(?:[-\s](?P<u>(?i:" + "|".join(_UNITS) + r")))?(?![\w-])"
)


def _on_spoken_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    century = _CENTURIES[m["c"].lower()]
    year = century + _TENS[m["t"].lower()] + (_UNITS[m["u"].lower()] if m["u"] else 0)
    return _cand(
        m, (date(year, 1, 1), date(year, 12, 31)), Precision.YEAR, year=year, calendar=True
    )


# --- words relative to the reference day ---------------------------------------------------

# today, yesterday, tonight, this morning, last night, later today, earlier in the day ...
_RELATIVE_DAY = re.compile(
    rf"(?<![\w-])(?i:(?P<w>{'|'.join(_RELATIVE_DAYS)}"
    rf"|(?:{list_alternation('day_part_openers')})\s+(?:{_DAY_PARTS})"
    rf"|(?:{_DAY_TIME_WORDS})\s+(?:{'|'.join(w for w, _, timed in _RELATIVE_DAY_ROWS if timed)})"
    rf"|{_phrases(list(_RELATIVE_DAY_PHRASES))}))(?![\w-])"
)


def _on_relative_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    words = " ".join(m["w"].lower().split())
    offset = _RELATIVE_DAY_PHRASES.get(words)
    if offset is None:  # "yesterday", "tomorrow night", "later today", "this morning"
        offset = next((_RELATIVE_DAYS[w] for w in words.split() if w in _RELATIVE_DAYS), 0)
    if ctx.reference is None:
        return _cand(m, None, Precision.DAY, relative=True)
    d = ctx.reference + timedelta(days=offset)
    return _cand(m, (d, d), Precision.DAY, relative=True)


# An indefinite weekday: "on a (wet) Saturday", "every Sunday", "one Monday", "It was a Sunday";
# but "a" before a weekday and a noun belongs to the noun ("in a Tuesday interview", "at a
# Saturday rally": one day's), and "a rally Saturday" is the object of a verb before the day.
_ARTICLES = list_alternation("indefinite_articles")
_ANY_WEEKDAY = re.compile(
    rf"(?i:\b(?:{list_alternation('weekday_quantifiers')})\s+(?:[a-z]+\s+)?"
    rf"|\bon\s+(?:{_ARTICLES})\s+(?:[a-z]+\s+)?|\b(?P<article>{_ARTICLES})\s+)$"
)
# The word after a weekday, which may make it a noun's modifier ("a Tuesday interview").
_WORD_AFTER_WEEKDAY = re.compile(r"\s+([a-z][a-z-]+)\b")
# Words after a weekday that are no noun it qualifies ("a Saturday in May", "a Monday night").
_NOT_A_NOUN = frozenset(
    (*lang.entries("function_words"), *lang.entries("day_parts"), *lang.entries("day_times"))
)
# Things that come back every week: "a Sunday radio programme" is no particular Sunday.
_RECURRING_AFTER = re.compile(
    r"(?:\s+[a-z-]+)?\s+(?:" + "|".join(lang.entries("recurring_nouns")) + r")\b"
)


def _indefinite_weekday(text: str, start: int, end: int) -> bool:
    """Whether the weekday at text[start:end] is no particular day ("every Sunday", "on a wet
    Saturday", "a Sunday radio programme"), not "in a Tuesday interview"."""
    before = _ANY_WEEKDAY.search(text, max(0, start - 30), start)
    if before is None:
        return False
    if before["article"] is None:
        return True
    noun = _WORD_AFTER_WEEKDAY.match(text, end)
    return (
        noun is None
        or noun.group(1) in _NOT_A_NOUN
        or _RECURRING_AFTER.match(text, end) is not None
    )


# [last|this|next|the upcoming] Thursday [morning] [next week]
_WEEKDAY = re.compile(
    rf"(?:{_g('mod', _DEICTIC)}\s+|(?i:{_DAY_TIME_WORDS})\s+)?{_g('wd', _WEEKDAY_BODY)}"
    rf"(?:\s+(?i:{_DAY_PARTS}))?"
    rf"(?:\s+(?P<wk>{_SHIFT_WORDS})\s+(?i:week)(?![a-z]))?"
)


def _on_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if not m["mod"] and _indefinite_weekday(ctx.text, m.start(), m.end()):
        return None  # "on a wet Saturday", "every Sunday": no particular day
    ref = ctx.reference
    if ref is None:
        return _cand(m, None, Precision.DAY, relative=True)
    wd = _WEEKDAY_NUMBER[m["wd"].lower()]
    shift = _DEICTIC_SHIFT[" ".join(m["mod"].lower().split())] if m["mod"] else None
    if m["wk"]:
        week_start = ref - timedelta(days=ref.weekday())
        shift = 7 * _SHIFT[m["wk"].lower()]
        d = week_start + timedelta(days=shift + wd)
    elif shift == -1:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
    elif shift == 1:
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif shift == 0:
        d = ref + timedelta(days=wd - ref.weekday())
    else:

        def by_tense() -> tuple[date, date]:
            assert ref is not None
            if ctx.tense_at(m) == "future":
                day = ref + timedelta(days=(wd - ref.weekday()) % 7)
            else:
                day = ref - timedelta(days=(ref.weekday() - wd) % 7)
            return day, day

        return _cand(m, None, Precision.DAY, relative=True, calendar=True, pending=by_tense)
    return _cand(m, (d, d), Precision.DAY, relative=True, calendar=True)


# this week / last month / next year / the current quarter / early next year / late last week
_RELATIVE_UNIT = re.compile(
    rf"(?<![\w-])(?i:(?:(?P<part>{_PART_NAMES}|{'|'.join(_SIDE)})\s+)?"
    rf"(?P<mod>{_phrases(list(_UNIT_SHIFT))})\s+(?:{_FISCAL}\s+)?"
    rf"(?P<unit>{_units('relative')}))(?![\w-])"
)
# over the weekend / during the weekend (a bare "the weekend" is not dated)
_THE_WEEKEND = re.compile(
    rf"(?<![\w-])(?i:{list_alternation('weekend_prepositions')})\s+(?P<w>(?i:the\s+weekend))(?![\w-])"
)
# the end of the year / the beginning of next month / year-end / earlier in the year
_UNIT_PART = re.compile(
    rf"(?<![\w-])(?i:(?:the\s+)?(?P<part>{_PART_NOUNS})\s+of\s+"
    rf"(?P<mod>{_phrases(list(_UNIT_PART_SHIFT))})\s+(?P<unit>{_units('part')})"
    rf"|(?P<ye>{_hyphen_phrases('year_end_words')})"
    rf"|(?P<inthe>{'|'.join(_SIDE)})\s+in\s+the\s+(?P<unit2>{_units('side')}))(?![\w-])"
)


def _unit_interval(unit: str, shift: int, ref: date, part: str | None) -> tuple[date, date]:
    """The week / weekend / month / quarter / year `shift` units from the reference's."""
    if unit == "week":
        return _iso_week(ref + timedelta(days=7 * shift))
    if unit == "weekend":
        return _weekend(ref + timedelta(days=7 * shift))
    if unit == "month":
        year, month = _shift_month(ref.year, ref.month, shift)
        return _part_of_month(year, month, part) if part else _month_iv(year, month)
    if unit == "quarter":
        year, month = _shift_month(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * shift)
        return _quarter(year, (month - 1) // 3 + 1)
    year = ref.year + shift
    return _part_of_year(year, part) if part else (date(year, 1, 1), date(year, 12, 31))


_UNIT_PRECISION = {"month": Precision.MONTH, "year": Precision.YEAR}


def _unit_precision(unit: str, part: str | None) -> Precision:
    if part and unit == "month":
        return Precision.PART_OF_MONTH
    if part and unit == "year":
        return Precision.RANGE
    return _UNIT_PRECISION.get(unit, Precision.RANGE)


def _on_relative_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    unit = m["unit"].lower()
    raw_part = m["part"].lower() if m["part"] else None
    part = _PART.get(raw_part) if raw_part and unit in ("month", "year") else None
    precision = _unit_precision(unit, part)
    if ctx.reference is None:
        return _cand(m, None, precision, relative=True)
    shift = _UNIT_SHIFT[" ".join(m["mod"].lower().split())]
    iv = _unit_interval(unit, shift, ctx.reference, part)
    if shift == 0 and raw_part in _SIDE:
        iv, precision = _before_or_after(iv, ctx.reference, raw_part), Precision.RANGE
    return _cand(m, iv, precision, relative=True)


def _before_or_after(iv: tuple[date, date], ref: date, side: str) -> tuple[date, date]:
    """ "Earlier this month": the month's days before the reference; "later": those after."""
    if _SIDE[side] < 0 and iv[0] < ref:
        return iv[0], ref - timedelta(days=1)
    if _SIDE[side] > 0 and ref < iv[1]:
        return ref + timedelta(days=1), iv[1]
    return iv


def _on_the_weekend(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    ref = ctx.reference

    def by_tense() -> tuple[date, date]:
        assert ref is not None
        return _weekend(ref if ctx.tense_at(m) == "future" else ref - timedelta(days=7))

    iv, pending = None, None
    if ref is not None and ref.weekday() >= 5:
        iv = _weekend(ref)
    elif ref is not None:
        pending = by_tense
    c = _cand(m, iv, Precision.RANGE, relative=True, pending=pending)
    return replace(c, start=m.start("w"))


def _on_unit_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m["ye"]:
        unit, part, shift = "year", "late", 0
    elif m["inthe"]:
        unit, part, shift = m["unit2"].lower(), None, 0
    else:
        unit, part = m["unit"].lower(), _PART[m["part"].lower()]
        shift = _UNIT_PART_SHIFT[" ".join(m["mod"].lower().split())]
    precision = _unit_precision(unit, part)
    if ctx.reference is None:
        return _cand(m, None, precision, relative=True)
    return _cand(m, _unit_interval(unit, shift, ctx.reference, part), precision, relative=True)


# three days ago / a week ago / two years ago
_AGO = re.compile(
    r"(?<![\w-])(?<!\d[,.])(?i:(?P<n>\d{1,3}|"
    + "|".join(k.replace(" ", r"\s+") for k in _COUNT)
    + r")"
    rf"\s+(?P<unit>{_units('ago')})s?\s+(?:{list_alternation('ago_words')}))(?![\w-])"
)


def _on_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n_word = " ".join(m["n"].lower().split())
    n = int(n_word) if n_word.isdigit() else _COUNT[n_word]
    unit = m["unit"].lower()
    precision = Precision.DAY if unit in ("day", "week") else _UNIT_PRECISION[unit]
    ref = ctx.reference
    if ref is None:
        return _cand(m, None, precision, relative=True)
    if unit in ("day", "week"):  # "a week ago" is the day seven days back, not a week
        d = ref - timedelta(days=n * (7 if unit == "week" else 1))
        return _cand(m, (d, d), precision, relative=True)
    return _cand(m, _unit_interval(unit, -n, ref, None), precision, relative=True)


# --- clock times -----------------------------------------------------------------------------

# A clock time: "10:45", "14:00 GMT", "9.15 a.m.", "3 p.m." (not "2:21.45", "3.15 percent").
_AM_PM = r"[AaPp]\.?[ \t]?[Mm]\.?(?!\w)"
_ZONE = list_alternation("time_zones")
_CLOCK = re.compile(
    r"(?<![\w.,:/$£€#-])(?:(?:[01]?\d|2[0-3])(?P<sep>[:.])[0-5]\d(?![\d:.,]\d|\d)"
    rf"(?:\s*(?P<ap>{_AM_PM})|[ \t]*(?P<tz>{_ZONE})(?!\w))?"
    rf"|(?:1[0-2]|0?[1-9])[ \t]?(?P<ap2>{_AM_PM}))"
)
# The first letters of "a.m." and "p.m.".
_AM_PM_FIRST = frozenset("aApP")
# Words after which a bare "10:45" is a time of day.
_BEFORE_CLOCK = re.compile(rf"(?i:\b(?:{list_alternation('clock_prepositions')})\s+)$")
# How far before the white space that ends at a clock time such a word may start: the longest
# word, or None (the whole line) when one has several words, spaced by any white space.
_BEFORE_CLOCK_REACH = (
    None
    if any(len(word.split()) > 1 for word in lang.entries("clock_prepositions"))
    else max(map(len, lang.entries("clock_prepositions")))
)
# What may stand before a clock time that opens its line: white space and bullet markers.
_LINE_OPENING = " \t-–•*·▪►"
# A determiner before a time makes it the name of a slot ("the 9 a.m. show", "another 6 a.m.
# workout", "their 7:30 train"), not a moment.
_SLOT = re.compile(rf"(?i:\b(?:{list_alternation('slot_determiners')})|'s|’s)\s+$")
# A day the text names but does not date, which a time near it belongs to ("at 7 a.m. that
# day", "the following morning, about 5:15").
_OTHER_DAY = re.compile(
    rf"(?i:\b(?:that|the\s+(?:{list_alternation('other_day_words')}))\s+(?:day|{_DAY_PARTS})\b)"
)
# What may separate a clock time from the day it belongs to: "3 p.m. on Monday", "Monday at 3
# p.m.", "March 3, 10:00".
_CLOCK_DAY_JOIN = re.compile(r"\s*,?\s*(?:(?i:on|at)\s+)?")


def _on_clock(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """A time of day is a day: the reference's, or the day beside it or above it (see
    `_apply_headings`). A bare "10:45" counts only opening a line or after "at", "by",
    "until"...; a time after a determiner names a slot ("the 9 a.m. show"), no moment; one
    beside "that day" or "the next morning" is on a day the text does not date."""
    if _SLOT.search(ctx.text, max(0, m.start() - 12), m.start()) or _OTHER_DAY.search(
        ctx.text, max(0, m.start() - 40), m.end() + 40
    ):
        return None
    bare = not (m["ap"] or m["tz"] or m["ap2"])
    if bare and (m["sep"] != ":" or not _bare_clock_placed(ctx.text, m.start())):
        return None
    ref = ctx.reference
    c = _cand(m, (ref, ref) if ref is not None else None, Precision.DAY, relative=True)
    c.clock = True
    return c


def _bare_clock_placed(text: str, at: int) -> bool:
    """Whether a bare "10:45" at `at` opens its line (past a bullet marker) or follows a word
    of clock_prepositions ("at 10:45"). A line that starts more than 40 characters back counts
    from the text's start, as the whole text before the time: it is read only at its end (its
    last 40 characters, then only if they are all white space or bullets, the rest; the word
    before the white space that ends at `at`), where the whole was read twice for each time."""
    line_start = text.rfind("\n", max(0, at - 40), at) + 1
    if not text[max(line_start, at - 40) : at].strip(_LINE_OPENING) and not text[
        line_start:at
    ].strip(_LINE_OPENING):
        return True
    space = at
    while space > line_start and text[space - 1].isspace():
        space -= 1
    reach = _BEFORE_CLOCK_REACH
    start = line_start if reach is None else max(line_start, space - reach)
    return _BEFORE_CLOCK.search(text, start, at) is not None


# --- dispatch: anchors find where to try the patterns --------------------------------------
#
# Scanning the whole text with two dozen patterns that open with optional words is slow, so
# one pass finds anchors (a month or weekday name, a number, a keyword such as "week"), and
# each pattern that can contain that anchor is tried only at the anchor and at the few word
# starts before it (where its prefix words would begin).

# The words that anchor each kind of rule (the keys of _RULES), in lower case, from the lists
# the rules' patterns read: every match of a kind's rules holds one of its words ("this
# morning" a part of a day, "the day after tomorrow" a unit of a phrase). Anchors are found in
# lower case and capitalised, but months and weekdays only capitalised, and "ago", after its
# count, only in lower case.
_ANCHOR_WORDS: dict[str, tuple[str, ...]] = {
    "rd": tuple(_RELATIVE_DAYS),
    "tod": tuple(
        dict.fromkeys(
            (
                *lang.entries("day_parts"),
                *(
                    word
                    for phrase in _RELATIVE_DAY_PHRASES
                    for word in phrase.split()
                    if word in (row[0] for row in _UNIT_ROWS)
                ),
            )
        )
    ),
    **{row[0]: (row[0],) for row in _UNIT_ROWS},
    "half": lang.entries("half_words"),
    "season": tuple(_SEASON),
    "century": lang.entries("century_words"),
    "spoken": tuple(_CENTURIES),
}


# The kind of each anchor word as found: an anchor is where such a word opens a word of the
# text ("weekend" is found by "week", "Mondays" by "Monday"), so a word that begins with another
# anchor word is none (no two anchors start at one place); the months' names are found by
# their first three letters and any letters after them ("Sept", "Junk": _word_rules tells).
def _anchor_kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for kind, words in _ANCHOR_WORDS.items():
        for word in words:
            kinds.setdefault(word, kind)
            kinds.setdefault(word.capitalize(), kind)
    kinds |= dict.fromkeys(lang.entries("ago_words"), "ago")
    kinds |= dict.fromkeys(map(str.capitalize, _WEEKDAY_NUMBER), "wd")
    kinds |= dict.fromkeys(("Q1", "Q2", "Q3", "Q4", "H1", "H2"), "qh")
    return {
        word: kind
        for word, kind in kinds.items()
        if not any(other != word and word.startswith(other) for other in kinds)
    }


_ANCHOR_KIND = _anchor_kinds()
_MONTH_HEADS = tuple(map(str.capitalize, _MONTH_NUMBER))


def _anchor_scan() -> re.Pattern[str]:
    """One pattern for the anchors that open with a capital or an ASCII digit: an alternation
    whose every branch opens with its first character, which a search skips to in C (the
    engine scans for the set of those characters), the word boundary checked behind it."""
    tails: dict[str, list[str]] = {}
    for word in _ANCHOR_KIND:
        if not word[0].islower():
            # Q1-Q4, H1-H2: not "Q1-Q2", "H2O"
            tail = re.escape(word[1:]) + (r"(?![\w-])" if word[1].isdigit() else "")
            tails.setdefault(word[0], []).append(tail)
    for head in _MONTH_HEADS:
        tails.setdefault(head[0], []).append(re.escape(head[1:]) + "[a-z]*")
    branches = [
        rf"{re.escape(first)}(?<!\w.)(?:{'|'.join(sorted(words, key=len, reverse=True))})"
        for first, words in sorted(tails.items())
    ]
    branches += [rf"{digit}(?<!\w.)\d*" for digit in "0123456789"]
    return re.compile("|".join(branches))


# The anchors that open with a capital or an ASCII digit (a number that opens with a digit of
# another script, "٢٠٢٥", is read by no rule: see _candidates).
_ANCHOR_SCAN = _anchor_scan()
# The anchors in lower case, found with str.find, which skips through the text faster than a
# pattern could that opened with their first letters (half the letters of a text).
_LOWER_ANCHORS = tuple(word for word in _ANCHOR_KIND if word[0].islower())


def _lower_scans() -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """The words str.find looks for, each with the anchors found through it and where in them it
    stands: an anchor that holds another ("yesterday" holds "day") is found at that one's hits,
    which saves a pass over the text."""
    scans: dict[str, list[tuple[str, int]]] = {}
    for word in _LOWER_ANCHORS:
        key = min((other for other in _LOWER_ANCHORS if other in word), key=len)
        scans.setdefault(key, []).append((word, word.index(key)))
    return tuple((key, tuple(words)) for key, words in scans.items())


_LOWER_SCANS = _lower_scans()


def _anchors(text: str) -> list[tuple[int, int, str]]:
    """The anchors of `text` in order: their start, end and word."""
    found = [(m.start(), m.end(), m.group()) for m in _ANCHOR_SCAN.finditer(text)]
    for key, words in _LOWER_SCANS:
        hit = text.find(key)
        while hit >= 0:
            for word, offset in words:
                at = hit - offset
                # the start of a word: what no word character (re's \w) stands before
                if (
                    at >= 0
                    and text.startswith(word, at)
                    and (not at or not (text[at - 1].isalnum() or text[at - 1] == "_"))
                ):
                    found.append((at, at + len(word), word))
            hit = text.find(key, hit + 1)
    found.sort()
    return found


# Where a word (or an apostrophed year such as '80s) begins.
_WORD_START = re.compile(r"(?<![\w'])[\w']")
# Month names and their abbreviations, capitalised: the anchors of the month rules.
_MONTH_WORDS = frozenset(word.capitalize() for word in lang.entries("months"))

_Handler = Callable[[re.Match[str], _Ctx], _Cand | None]


@dataclass(frozen=True, slots=True)
class DateRule:
    """One rule of the grammar, kept as HeidelTime keeps its rules: a name, the pattern, the
    function that reads a match into days (its normaliser), how many words may stand before the
    anchor word inside a match, and examples: an expression in its words (the brackets mark
    what the rule reads) and the days it names, read against EXAMPLE_REFERENCE. `opens`, when
    given, holds every character a match can open with (see _heads), so that _candidates need
    not try the pattern at a word that opens with another ASCII character.
    tests/extract/test_date_rules.py reads every example."""

    name: str
    pattern: re.Pattern[str]
    read: _Handler
    back: int
    examples: tuple[tuple[str, str], ...]
    opens: str | None = None


def _heads(*words: Iterable[str], fold: bool = False) -> str:
    """The first characters of `words` (entries of word lists, or the words a pattern writes
    out), in both cases when `fold` (the pattern reads them under IGNORECASE). A rule's `opens`
    is built from the words and figures its pattern may open with."""
    heads = {word.lstrip()[0] for group in words for word in group}
    if fold:
        heads |= {case for head in heads for case in (head.lower(), head.upper())}
    return "".join(sorted(heads))


_FIGURES = "0123456789"
_MONTH_HEADS_ANY = _heads(lang.entries("month_forms"))
_WEEKDAY_HEADS = _heads(map(str.capitalize, _WEEKDAY_NUMBER))
# What _PART_WORDS opens with: a part ("early", "mid") or its noun ("end", "the end of").
_PART_HEADS = _heads(_PART, _PART.values(), ["the"], fold=True)
_DEICTIC_HEADS = _heads(_DEICTIC_SHIFT, fold=True)

# The day the examples are read against, a Wednesday.
EXAMPLE_REFERENCE = date(2024, 5, 15)

_ISO_RULE = DateRule("iso", _ISO, _on_iso, 0, (("[2024-03-05]", "2024-03-05"),))
_NUMERIC_RULE = DateRule(
    "numeric",
    _NUMERIC,
    _on_numeric,
    0,
    (("[3/5/2024]", "2024-03-05"), ("[12.03.2024]", "2024-03-12")),
)
_CLOCK_RULE = DateRule(
    "clock",
    _CLOCK,
    _on_clock,
    0,
    (("at [10:45]", "2024-05-15"), ("at [9.15 a.m.]", "2024-05-15"), ("at [6 p.m.]", "2024-05-15")),
)
_DECADE_RULE = DateRule(
    "decade",
    _DECADE,
    _on_decade,
    2,
    (("in [the 1990s]", "1990-01-01/1999-12-31"), ("[the '80s]", "1980-01-01/1989-12-31")),
)
_MONTH_RULES: tuple[DateRule, ...] = (
    DateRule(
        "month day range",
        _MONTH_DAY_RANGE,
        _on_day_range,
        0,
        (
            ("[March 3-5, 2024]", "2024-03-03/2024-03-05"),
            ("[March 30 - April 2]", "2024-03-30/2024-04-02"),
        ),
    ),
    DateRule(
        "day range month",
        _DAY_RANGE_MONTH,
        _on_day_range,
        4,
        (
            ("[3-5 March 2024]", "2024-03-03/2024-03-05"),
            ("[30 March - 2 April 2024]", "2024-03-30/2024-04-02"),
        ),
        opens=_FIGURES,
    ),
    DateRule(
        "month day",
        _MONTH_DAY,
        _on_day,
        1,
        (
            ("[March 3, 2024]", "2024-03-03"),
            ("on [March 3]", "2024-03-03"),
            ("[Sept. 9]", "2024-09-09"),
        ),
        opens=_WEEKDAY_HEADS + _MONTH_HEADS_ANY,
    ),
    DateRule(
        "day month",
        _DAY_MONTH,
        _on_day,
        4,
        (("[3 March 2024]", "2024-03-03"), ("[the 3rd of June 2024]", "2024-06-03")),
        opens=_WEEKDAY_HEADS + "t" + _FIGURES,
    ),
    DateRule(
        "week of month",
        _WEEK_OF_MONTH,
        _on_week_of_month,
        5,
        (
            ("[the last week of March 2024]", "2024-03-25/2024-03-31"),
            ("[the second week of April]", "2024-04-08/2024-04-14"),
        ),
        opens=_heads(["the"], _WEEK_NUMBER, fold=True),
    ),
    DateRule(
        "month year",
        _MONTH_YEAR,
        _on_month_year,
        3,
        (
            ("[March 2024]", "2024-03-01/2024-03-31"),
            ("[late March 2024]", "2024-03-21/2024-03-31"),
            ("[the end of March 2024]", "2024-03-21/2024-03-31"),
        ),
        opens=_PART_HEADS + _MONTH_HEADS_ANY,
    ),
    DateRule(
        "year-less month",
        _YEARLESS_MONTH,
        _on_yearless_month,
        5,
        (
            ("[last November]", "2023-11-01/2023-11-30"),
            ("in [early June]", "2024-06-01/2024-06-10"),
        ),
        opens=_PART_HEADS + _DEICTIC_HEADS + _heads(_MONTH_NAMES),
    ),
    DateRule(
        "May or March",  # words too: a month only after a preposition or a modifier
        _MAY_MARCH,
        _on_yearless_month,
        4,
        (("in [May]", "2024-05-01/2024-05-31"), ("[last March]", "2024-03-01/2024-03-31")),
        opens=_PART_HEADS + _DEICTIC_HEADS + _heads(lang.entries("month_prepositions"), fold=True),
    ),
)
_YEAR_RULES: tuple[DateRule, ...] = (
    DateRule(
        "year",
        _YEAR,
        _on_year,
        3,
        (("in [2023]", "2023-01-01/2023-12-31"), ("[late 2023]", "2023-09-01/2023-12-31")),
        opens=_PART_HEADS + _heads(lang.entries("fiscal_words"), fold=True) + _FIGURES,
    ),
    DateRule(
        "year range", _YEAR_RANGE, _on_year_range, 0, (("[2019-2021]", "2019-01-01/2021-12-31"),)
    ),
    _DECADE_RULE,
)
_RELATIVE_UNIT_RULE = DateRule(
    "relative unit",
    _RELATIVE_UNIT,
    _on_relative_unit,
    3,
    (
        ("[last week]", "2024-05-06/2024-05-12"),
        ("[next month]", "2024-06-01/2024-06-30"),
        ("[last quarter]", "2024-01-01/2024-03-31"),
        ("[earlier this month]", "2024-05-01/2024-05-14"),
    ),
    opens=_heads(_PART.values(), _SIDE, _UNIT_SHIFT, fold=True),
)
_UNIT_PART_RULE = DateRule(
    "part of a unit",
    _UNIT_PART,
    _on_unit_part,
    5,
    (
        ("[early next year]", "2025-01-01/2025-04-30"),
        ("[the end of the month]", "2024-05-21/2024-05-31"),
        ("[later this week]", "2024-05-16/2024-05-19"),
    ),
    opens=_heads(["the"], _PART, lang.entries("year_end_words"), _SIDE, fold=True),
)
_REPORTED_QUARTER_RULE = DateRule(
    "reported quarter",  # the last quarter a company has reported on
    _REPORTED_QUARTER,
    _on_reported_quarter,
    3,
    (
        ("[the third quarter]", "2024-07-01/2024-09-30"),
        ("in [the quarter]", "2024-01-01/2024-03-31"),
    ),
    opens=_heads(["the", "its"], fold=True),
)
_RELATIVE_DAY_RULE = DateRule(
    "relative day",
    _RELATIVE_DAY,
    _on_relative_day,
    3,
    (("[yesterday]", "2024-05-14"), ("[last night]", "2024-05-14"), ("[tomorrow]", "2024-05-16")),
)
_RULES: dict[str, tuple[DateRule, ...]] = {
    "wd": (
        DateRule(
            "weekday",
            _WEEKDAY,
            _on_weekday,
            2,
            (
                ("on [Tuesday]", "2024-05-14"),
                ("[last Friday]", "2024-05-10"),
                ("[next Monday]", "2024-05-20"),
            ),
        ),
    ),
    "rd": (_RELATIVE_DAY_RULE,),
    "tod": (_RELATIVE_DAY_RULE,),
    "week": (
        _RELATIVE_UNIT_RULE,
        DateRule(
            "the weekend",
            _THE_WEEKEND,
            _on_the_weekend,
            2,
            (
                ("over [the weekend]", "2024-05-11/2024-05-12"),
                ("[this weekend]", "2024-05-18/2024-05-19"),
            ),
        ),
        _UNIT_PART_RULE,
    ),
    "month": (_RELATIVE_UNIT_RULE, _UNIT_PART_RULE),
    "year": (_RELATIVE_UNIT_RULE, _UNIT_PART_RULE, _REPORTED_QUARTER_RULE),
    "quarter": (
        DateRule(
            "quarter",
            _QUARTER,
            _on_quarter,
            6,
            (
                ("[the first quarter of 2024]", "2024-01-01/2024-03-31"),
                ("[the fourth quarter of last year]", "2023-10-01/2023-12-31"),
            ),
        ),
        _RELATIVE_UNIT_RULE,
        _REPORTED_QUARTER_RULE,
    ),
    "spoken": (
        DateRule(
            "spoken year",
            _SPOKEN_YEAR,
            _on_spoken_year,
            0,
            (("[twenty twenty-three]", "2023-01-01/2023-12-31"),),
        ),
    ),
    "half": (
        DateRule(
            "half year",
            _HALF,
            _on_half,
            2,
            (
                ("[the first half of 2024]", "2024-01-01/2024-06-30"),
                ("[the second half of next year]", "2025-07-01/2025-12-31"),
            ),
        ),
    ),
    "season": (
        DateRule(
            "season",
            _SEASON_RE,
            _on_season,
            3,
            (
                ("[summer 2024]", "2024-06-01/2024-08-31"),
                ("[last winter]", "2023-12-01/2024-02-29"),
            ),
        ),
    ),
    "century": (
        DateRule(
            "century",
            _CENTURY,
            _on_century,
            2,
            (
                ("[the 19th century]", "1800-01-01/1899-12-31"),
                ("[the twentieth century]", "1900-01-01/1999-12-31"),
            ),
        ),
    ),
    "ago": (
        DateRule(
            "ago",
            _AGO,
            _on_ago,
            5,
            (("[three days ago]", "2024-05-12"), ("[two weeks ago]", "2024-05-01")),
        ),
    ),
    "qh": (
        DateRule("Q form", _Q_FORM, _on_q_form, 1, (("[Q3 2024]", "2024-07-01/2024-09-30"),)),
        DateRule("H form", _H_FORM, _on_h_form, 0, (("[H1 2024]", "2024-01-01/2024-06-30"),)),
    ),
}
# Every rule, once: what the tests read the examples of.
RULES: tuple[DateRule, ...] = tuple(
    dict.fromkeys(
        (
            _ISO_RULE,
            _NUMERIC_RULE,
            _CLOCK_RULE,
            *_MONTH_RULES,
            *_YEAR_RULES,
            *(rule for rules in _RULES.values() for rule in rules),
        )
    )
)


def _kind(word: str) -> str:
    """The kind of an anchor word (the key of its rules in _RULES): a month's for the words
    _ANCHOR_SCAN finds by a month's first letters."""
    return _ANCHOR_KIND.get(word) or "mon"


@dataclass(frozen=True, slots=True)
class _RuleSet:
    """The rules that may read a date around one kind of anchor, and how many words the one
    that looks back furthest may stand before it (`DateRule.back`)."""

    rules: tuple[DateRule, ...]
    reach: int
    # For each rule, the ASCII characters its matches never open with (from `DateRule.opens`).
    shut: tuple[frozenset[str], ...]


_ASCII = frozenset(map(chr, range(128)))


def _rule_set(*rules: DateRule) -> _RuleSet:
    shut = tuple(_ASCII.difference(rule.opens or _ASCII) for rule in rules)
    return _RuleSet(rules, max((rule.back for rule in rules), default=0), shut)


_NO_RULES = _rule_set()
_MONTH_SET = _rule_set(*_MONTH_RULES)
_ISO_YEAR_SET = _rule_set(_ISO_RULE, *_YEAR_RULES)
# The year rules that may read a match through a four-figure number, by whether a dash or a
# slash follows it ("2019-2021", "2019 / 20": the year range, tried at the number alone) and
# whether "s" or "'s" does ("1990s": the decade, whose figures are the number's own, as nothing
# before them in a match is a digit and a match starting inside them ends before their end).
_YEAR_RANGE_RULE = _YEAR_RULES[1]
_YEAR_SETS = {
    (ranged, decade): _rule_set(
        *(
            rule
            for rule in _YEAR_RULES
            if (rule is not _YEAR_RANGE_RULE or ranged) and (rule is not _DECADE_RULE or decade)
        )
    )
    for ranged in (False, True)
    for decade in (False, True)
}
# What must follow the number a year range opens with: the pattern's own join.
_YEAR_RANGE_JOIN = re.compile(_YEAR_JOIN)
_NUMERIC_CLOCK_SET = _rule_set(_NUMERIC_RULE, _CLOCK_RULE)
_CLOCK_SET = _rule_set(_CLOCK_RULE)
_DECADE_SET = _rule_set(_DECADE_RULE)
_SETS = {kind: _rule_set(*rules) for kind, rules in _RULES.items()}


@functools.lru_cache(maxsize=4096)
def _word_rules(word: str) -> _RuleSet:
    """The rules that may read a date around an anchor word that is not a number: its kind's,
    a month's only for a month's name (not "Marching")."""
    kind = _kind(word)
    if kind == "mon":
        return _MONTH_SET if word in _MONTH_WORDS else _NO_RULES
    return _SETS.get(kind, _NO_RULES)


def _number_rules(text: str, at: int, end: int) -> _RuleSet:
    """The rules that may read a date around the number at `at`..`end`."""
    length, after = end - at, text[end : end + 1]
    if length == 4:
        if after == "-":
            return _ISO_YEAR_SET
        ranged = _YEAR_RANGE_JOIN.match(text, end) is not None
        return _YEAR_SETS[ranged, after in ("s", "'")]
    if length <= 2 and after in ("/", "."):
        return _NUMERIC_CLOCK_SET
    if length <= 2 and (after == ":" or text[end : end + 2].lstrip(" \t")[:1] in _AM_PM_FIRST):
        return _CLOCK_SET
    if length == 2 and after in ("s", "'") and text[at - 1 : at] == "'":
        return _DECADE_SET  # the '80s
    return _NO_RULES


# ASCII digits: an anchor that starts with one is a number.
_DIGITS = frozenset("0123456789")
# What may follow a number of one or two digits that a rule reads (see _number_rules): "3/4",
# "9.15", "10:45", "3 pm", "the 80s", "'80s".
_AFTER_SHORT_NUMBER = frozenset("/.:s' \taApP")


def _candidates(ctx: _Ctx) -> list[_Cand]:
    """What every rule reads around every anchor. A rule tries the starts of the `back` words
    before the anchor (within 14 characters a word) from the furthest, then the anchor; the
    first match that runs through the anchor is the rule's reading there."""
    text, cands, tried = ctx.text, [], set()
    for at, end, word in _anchors(text):
        if word[0] in _DIGITS:
            length = end - at
            if length != 4 and (length > 2 or text[end : end + 1] not in _AFTER_SHORT_NUMBER):
                continue  # neither a year nor a day, clock or decade: no rule reads it
            rule_set = _number_rules(text, at, end)
        else:
            rule_set = _word_rules(word)
        if not rule_set.rules:
            continue
        # The starts of the words before the anchor, found once for the rule that looks back
        # furthest, then the anchor's: each rule tries the last `back` + 1 of them in reach.
        reach = rule_set.reach
        starts = (
            [m.start() for m in _WORD_START.finditer(text, max(0, at - 14 * reach), at)]
            if reach
            else []
        )
        starts.append(at)
        last = len(starts) - 1
        for rule, shut in zip(rule_set.rules, rule_set.shut, strict=True):
            pattern, back = rule.pattern, rule.back
            first = max(bisect_left(starts, at - 14 * back), last - back) if back else last
            for start in starts[first:]:
                if text[start] in shut:
                    continue  # a word the pattern cannot open with
                m = pattern.match(text, start)
                if m is None or m.end() < end:
                    continue
                key = (id(pattern), start)
                if key in tried:
                    continue
                tried.add(key)
                c = rule.read(m, ctx)
                if c is not None:
                    cands.append(c)
                break
    return cands


# --- joining neighbours ------------------------------------------------------------------

# "since" right before a mention: the interval runs on to the reference date.
_SINCE = re.compile(rf"(?i:\b(?:{list_alternation('since_words')}))\s+$")
# A dash between two calendar expressions: "Nov. 30 - Dec. 2", "2014–2018".
_DASH = re.compile(r"\s*[-–—]\s*")
# "through" between two expressions, or "to"/"until" after "from", or "and" after "between".
_JOIN = re.compile(rf"\s+(?P<w>{_phrases(list(_RANGE_OPENER))})\s+", re.IGNORECASE)
# What must come before the first end for a to/until or an and join ("from", "between").
_OPENED = {
    opener: re.compile(rf"(?i:\b{_phrases([opener])})\s+$")
    for opener in dict.fromkeys(_RANGE_OPENER.values())
    if opener
}


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first, then earliest; keep those that overlap nothing kept.

    `taken` marks the characters the kept candidates cover (each one a regex match, so never
    empty): a look at a candidate's own characters, not at every candidate kept before it.
    """
    kept: list[_Cand] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, c.start, c.end) < 0:
            kept.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(kept, key=lambda c: c.start)


def _with_year(c: _Cand, year: int) -> _Cand | None:
    """A year-less calendar candidate placed in `year`."""
    try:
        if c.day is not None and c.precision is Precision.DAY:
            assert c.month is not None, "_day_cand, the only maker of days, sets their month"
            d = date(year, c.month, c.day)
            return replace(c, first=d, last=d, year=year, relative=False)
        if c.month is not None and c.precision is Precision.MONTH:
            first, last = _month_iv(year, c.month)
            return replace(c, first=first, last=last, year=year, relative=False)
    except ValueError:
        return None
    return None


def _joined(a: _Cand, b: _Cand) -> _Cand | None:
    """One range from two calendar ends, lending an explicit year to a year-less end."""
    if a.year is None and b.year is not None and a.month is not None:
        later = (a.month, a.day or 0) > (b.month or 0, b.day or 0)
        a = _with_year(a, b.year - 1 if later else b.year) or a
        if a.year is None:
            return None
    elif b.year is None and a.first is not None and b.month is not None:
        earlier = (b.month, b.day or 0) < (a.first.month, a.day or 0)
        b = _with_year(b, a.first.year + 1 if earlier else a.first.year) or b
        if b.year is None:
            return None
    if a.first is None or b.last is None or a.first > b.last:
        return None
    return _Cand(a.start, b.end, a.first, b.last, Precision.RANGE, a.relative or b.relative)


def _join_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands) and a.calendar and cands[i + 1].calendar:
            b = cands[i + 1]
            # read in place: the text between two dates may be long
            j = _JOIN.fullmatch(text, a.end, b.start)
            ok = _DASH.fullmatch(text, a.end, b.start) is not None or (
                j is not None and _range_opened(text, a.start, j["w"])
            )
            joined = _joined(a, b) if ok else None
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range_opened(text: str, start: int, join: str) -> bool:
    """Whether the word a range's `join` needs ("from" for "to", none for "through") stands
    before its first end, at `start`."""
    opener = _RANGE_OPENER[" ".join(join.lower().split())]
    return not opener or _OPENED[opener].search(text[max(0, start - 10) : start]) is not None


def _apply_since(text: str, cands: list[_Cand], reference: date | None) -> list[_Cand]:
    out = []
    for c in cands:
        since = _SINCE.search(text, max(0, c.start - 12), c.start)
        if since is None:
            out.append(c)
        elif reference is not None and c.first is not None and c.first <= reference:
            out.append(
                _Cand(since.start(), c.end, c.first, reference, Precision.RANGE, relative=True)
            )
    return out


# Counts of "two years later" and "forty years earlier".
_COUNT_OR_TENS = _COUNT | _TENS
# Words that tell a time from the date named before it, and its direction (1 after it, -1 before):
# before the unit ("the following year"), after a count and the unit ("two years later"), after
# "the" and the unit ("the year before").
_SEQUENCE = _numbers("sequence_words")
_COUNT_SEQUENCE = _numbers("count_sequence_words")
_UNIT_SEQUENCE = _numbers("unit_sequence_words")
_DIRECTION = _SEQUENCE | _COUNT_SEQUENCE | _UNIT_SEQUENCE
# A time told from the date named before it: "the following year", "the next day", "two years
# later", "a month earlier", "the year before".
_AFTER_ANOTHER = re.compile(
    rf"(?<![\w-])(?i:the\s+(?P<rel>{'|'.join(_SEQUENCE)})\s+(?P<unit>{_units('another')})"
    rf"|the\s+(?P<unit3>{_units('another')})\s+(?P<rel3>{'|'.join(_UNIT_SEQUENCE)})"
    # not "the month after the judge died", told from another happening
    rf"(?!\s+(?-i:[A-Z\d]|(?:{list_alternation('phrase_openers')})\b|[a-z]+ing\b))"
    r"|(?P<n>\d{1,2}|"
    + "|".join(k.replace(" ", r"\s+") for k in sorted(_COUNT_OR_TENS, key=len, reverse=True))
    + rf")\s+(?P<unit2>{_units('another')})s?\s+(?P<rel2>"
    + "|".join(_COUNT_SEQUENCE)
    + r"))(?![\w-])"
)
# Such a time is looked for where its unit stands ("year", "day", "month", found with str.find)
# and the words around it fit, in lower case: a case-blind search of the whole text for the
# full pattern would cost more than all other date rules together.
_ANOTHER_UNITS = _units("another").split("|")
_THEN = (*_COUNT_SEQUENCE, *_UNIT_SEQUENCE)
_UNIT_THEN = re.compile(rf"(?:{_units('another')})s?\s+(?:{'|'.join(_THEN)})\b")
# The words to look for after a unit: those of _THEN that hold no other one ("after" finds
# "afterwards").
_THEN_WORDS = tuple(w for w in _THEN if not any(o != w and o in w for o in _THEN))
_THEN_UNIT = re.compile(rf"\b(?:{'|'.join(_SEQUENCE)})\s+$")
# What between a date and a time told from another one makes the second describe the first.
_APPOSITION = re.compile(rf"[\s,:—–-]*(?:(?i:{list_alternation('approximators')})\s+)?")
# How far back the date it is told from may stand, within the paragraph.
_ANOTHER_REACH = 300


def _apply_after_another(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Candidates with the times told from the date before them ("in 1979 ... the following
    year" is 1980, "She left on 3 May 1950; two days later ..." is 5 May 1950), replacing a
    reading against the article's date ("the next year" is not the year after publication).
    The date before must be in the same paragraph, at most `_ANOTHER_REACH` characters back,
    and name the unit ("the next day" needs a day before it)."""
    found = []
    for end in _another_ends(text):
        m = next(
            (
                m
                for m in _AFTER_ANOTHER.finditer(text, max(0, end - 50), end + 40)
                if m.end() == end
            ),
            None,
        )
        if m is None:
            continue
        unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
        rel = (m["rel"] or m["rel2"] or m["rel3"]).lower()
        n_word = " ".join((m["n"] or "1").lower().split())
        n = int(n_word) if n_word.isdigit() else _COUNT_OR_TENS[n_word]
        before = [
            c
            for c in cands
            if c.end <= m.start()
            and m.start() - c.end <= _ANOTHER_REACH
            and c.first is not None
            and not c.clock
            and "\n\n" not in text[c.end : m.start()]
        ]
        if not before:
            continue
        base = before[-1]
        assert base.first is not None
        if _APPOSITION.fullmatch(text, base.end, m.start()):
            continue  # "a ferry strike for May 2031, only six weeks later": the date itself
        shift = n * _DIRECTION[rel]
        if unit == "year":
            year = base.first.year + shift
            iv = (date(year, 1, 1), date(year, 12, 31))
        elif unit == "month" and base.precision in (Precision.DAY, Precision.MONTH):
            month_index = base.first.year * 12 + base.first.month - 1 + shift
            year, month = divmod(month_index, 12)
            iv = (date(year, month + 1, 1), _month_last(year, month + 1))
        elif unit == "day" and base.precision is Precision.DAY:
            day = base.first + timedelta(days=shift)
            iv = (day, day)
        else:
            continue
        precision = {"year": Precision.YEAR, "month": Precision.MONTH, "day": Precision.DAY}[unit]
        found.append(_Cand(m.start(), m.end(), iv[0], iv[1], precision, relative=True))
    if not found:
        return cands
    kept = [c for c in cands if not any(f.start < c.end and c.start < f.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def _another_ends(text: str) -> list[int]:
    """Where the times told from another date may end: after "year later", "day before", "the
    following year"... (see `_AFTER_ANOTHER`)."""
    ends = set()
    for unit in _ANOTHER_UNITS:
        at = text.find(unit)
        while at >= 0:
            if at and text[at - 1].isalpha():
                pass  # "Monday", "today", "yesterday"
            elif any(word in text[at : at + 22] for word in _THEN_WORDS):
                if then := _UNIT_THEN.match(text, at):
                    ends.add(then.end())
            elif _THEN_UNIT.search(text, max(0, at - 12), at):
                ends.add(at + len(unit))
            at = text.find(unit, at + 1)
    return sorted(ends)


# What may follow a date that stands alone on its line as a heading: "2018:", "March 2019".
_HEADING_TAIL = re.compile(r"[ \t]*[:.]?[ \t]*(?:\n|$)")
# A bullet marker at the start of a line (the one extract.segments strips).
_LINE_BULLET = re.compile(r"[ \t]*(?:[-–•*·▪►][ \t]+)?")
# A day number opening an entry under a month heading: "7: Dockers walk out", "- 15th - ...".
_DAY_ENTRY = re.compile(
    rf"(?P<d>3[01]|[12]\d|0?[1-9])(?:{_ORDINAL_SUFFIX})?(?=[ \t]*(?::|[-–—][ \t]))"
)


def _heading(text: str, c: _Cand) -> bool:
    """A date alone on its line, the heading of a dated list: a year or a month with its year
    (for the dates below), or a day (for the times of day below)."""
    if c.clock or not c.calendar:
        return False
    if c.year is None if c.precision is not Precision.DAY else c.first is None:
        return False
    if c.precision not in (Precision.YEAR, Precision.MONTH, Precision.DAY):
        return False
    if not _HEADING_TAIL.match(text, c.end):
        return False
    at = c.start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _apply_headings(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Entries under a year or month heading take its year ("2018:" then "- Oct. 3 - ...");
    under a month heading a day number opening a line is a day of that month ("March 2019"
    then "7: Dockers walk out"); under a day heading ("Saturday 1 April") the times of day are
    on that day. A heading counts when the first line below it opens with such an entry; it
    holds until the next heading. Then a time of day beside a day ("3 p.m. on Monday") is on
    that day."""
    headings = [i for i, c in enumerate(cands) if _heading(text, c)]
    out = list(cands)
    added: list[_Cand] = []
    for n, i in enumerate(headings):
        head = cands[i]
        following = headings[n + 1] if n + 1 < len(headings) else len(cands)
        scope_end = cands[following].start if following < len(cands) else len(text)
        body_start = _first_line_after(text, head.end)
        days = (
            _day_entries(text, head, body_start, scope_end)
            if head.precision is Precision.MONTH
            else []
        )
        inside = range(i + 1, following)
        first_entry = min(
            [cands[j].start for j in inside[:1]] + [d.start for d in days[:1]], default=-1
        )
        if _after_bullet(text, body_start, len(text)) != first_entry:
            continue
        if head.precision is Precision.DAY:
            for j in inside:
                if cands[j].clock:
                    out[j] = replace(cands[j], first=head.first, last=head.last)
            continue
        assert head.year is not None, "_heading keeps years and months with a year"
        added.extend(days)
        for j in inside:
            out[j] = _in_year(cands[j], head.year)
    if added:
        taken = {(c.start, c.end) for c in out}
        out = sorted(out + [d for d in added if (d.start, d.end) not in taken], key=_start)
    return _clock_days(text, out)


def _start(c: _Cand) -> int:
    return c.start


def _clock_days(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A time of day right beside a day ("3 p.m. on Monday", "Monday at 3 p.m.") is on it."""
    out = list(cands)
    for i, c in enumerate(cands):
        if not c.clock:
            continue
        for j, left, right in (
            (i + 1, c, cands[i + 1] if i + 1 < len(cands) else None),
            (i - 1, cands[i - 1] if i else None, c),
        ):
            day = cands[j] if 0 <= j < len(cands) else None
            if (
                day is not None
                and left is not None
                and right is not None
                and not day.clock
                and day.precision is Precision.DAY
                and day.first is not None
                and _CLOCK_DAY_JOIN.fullmatch(text, left.end, right.start)
            ):
                out[i] = replace(c, first=day.first, last=day.last)
                break
    return out


def _first_line_after(text: str, at: int) -> int:
    """Where the first non-blank line after the line holding `at` starts."""
    newline = text.find("\n", at)
    while newline >= 0:
        end = text.find("\n", newline + 1)
        if text[newline + 1 : end if end >= 0 else len(text)].strip():
            return newline + 1
        newline = end
    return len(text)


def _after_bullet(text: str, start: int, end: int) -> int:
    """Where a line's content starts, past its bullet marker."""
    bullet = _LINE_BULLET.match(text, start, end)
    return bullet.end() if bullet else start


def _day_entries(text: str, head: _Cand, start: int, end: int) -> list[_Cand]:
    """Day numbers opening the lines between `start` and `end`, as days of `head`'s month."""
    assert head.year is not None and head.month is not None, "a month heading has both"
    out = []
    at = start
    while at < end:
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        m = _DAY_ENTRY.match(text, _after_bullet(text, at, line_end), line_end)
        if m is not None:
            try:
                d = date(head.year, head.month, int(m["d"]))
            except ValueError:
                d = None
            if d is not None:
                out.append(
                    _Cand(
                        m.start(),
                        m.end(),
                        d,
                        d,
                        Precision.DAY,
                        year=head.year,
                        month=head.month,
                        day=d.day,
                        calendar=True,
                    )
                )
        at = line_end + 1
    return out


def _in_year(c: _Cand, year: int) -> _Cand:
    """A year-less calendar candidate moved into `year`; any other unchanged."""
    if c.year is not None or c.month is None:
        return c
    if c.precision in (Precision.DAY, Precision.MONTH):
        return _with_year(c, year) or c
    if c.first is None or c.last is None:
        return c
    try:
        shift = year - c.first.year
        return replace(
            c,
            first=c.first.replace(year=year),
            last=c.last.replace(year=c.last.year + shift),
            relative=False,
        )
    except ValueError:
        return c


def find_dates(
    text: str, *, reference: date | None = None, reference_surety: float = 1.0
) -> list[DateMention]:
    """Every date expression of `text`, non-overlapping, sorted by start.

    `reference` is the article's published date; without it, expressions that need it
    (relative words, weekdays, year-less dates, "since ...") are left out. `reference_surety`
    is how sure that date is (where it was read): a date read against it is no surer.
    """
    return _mentions(_Ctx(text, reference, surety=reference_surety))


def read_date(text: str, *, today: date) -> DateInterval:
    """The days a date typed by a person names ("nov 20", "late november 2025", "last week of
    november 2025", "nov 20 - nov 23", "yesterday"), read by the grammar that reads articles;
    a date without a year, or a weekday, is the last one on or before `today`. ValueError when
    the text is not one date and nothing else."""
    typed = _TYPED_NAME.sub(lambda m: m.group().capitalize(), " ".join(text.split()))
    # "in" before it: in news a bare "March" or "May" is a word, typed alone it is the month.
    for frame in ("", "in "):
        found = _mentions(_Ctx(frame + typed, today, tense=BEFORE))
        if len(found) == 1:
            start, end = found[0].span.start - len(frame), found[0].span.end - len(frame)
            if start >= 0 and not _WORD_CHAR.search(typed[:start] + typed[end:]):
                return found[0].interval
    raise ValueError(f"cannot read the date {text.strip()!r}")


# Month and weekday names as people type them, in any case: "nov 20", "TUESDAY".
_TYPED_NAME = re.compile(
    r"\b(?i:" + "|".join(map(re.escape, (*lang.entries("months"), *_WEEKDAY_NUMBER))) + r")\b"
)
_WORD_CHAR = re.compile(r"[^\W_]")


def _mentions(ctx: _Ctx) -> list[DateMention]:
    text, reference = ctx.text, ctx.reference
    kept = [_settle(c) for c in _select(_candidates(ctx))]
    joined = _apply_headings(text, _join_ranges(text, kept))
    chosen = _apply_after_another(text, _apply_since(text, joined, reference))
    return [
        DateMention(
            span=Span(c.start, c.end),
            text=text[c.start : c.end],
            interval=DateInterval(c.first, c.last, c.precision),
            relative=c.relative,
            confidence=round(_confidence(c, text) * (ctx.surety if c.relative else 1.0), 3),
        )
        for c in chosen
        if c.first is not None and c.last is not None
    ]


# How sure a reading is, by what the expression gives: about the share of such readings that
# gave the gold days on TimeML news (bench/confidence.py), rounded down. A time of day is not
# scored there (TimeML gives it a TIME, not a day): its figure is a guess, below the others.
SURE_DAY = 0.95  # "3 March 2024", "2024-03-03"
SURE_PERIOD = 0.9  # "March 2024", "late 2023", "the first quarter of 2024"
SURE_WEEKDAY = 0.9  # "on Tuesday": last Tuesday or next, by the verb's tense
SURE_YEARLESS = 0.85  # "March 3": the year is the one nearest the article's date
SURE_DEICTIC = 0.85  # "yesterday", "last week", "three days ago"
SURE_CLOCK = 0.7  # "at 10:45": the day of the article, a neighbour or a heading
_NAMED_WEEKDAY = re.compile(_WEEKDAY_BODY)


def _confidence(c: _Cand, text: str) -> float:
    if c.clock:
        return SURE_CLOCK
    if not c.relative:
        return SURE_DAY if c.precision is Precision.DAY else SURE_PERIOD
    if _NAMED_WEEKDAY.search(text, c.start, c.end) and not c.month:
        return SURE_WEEKDAY
    return SURE_YEARLESS if c.calendar else SURE_DEICTIC
