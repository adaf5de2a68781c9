"""Events: every sentence, bullet or embedded post that a date expression anchors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from extract import lang
from extract.involvement import takes_part
from extract.model import Actor, ActorKind, DateMention, Event, Precision, Span
from extract.segments import Block, BlockKind, Post
from extract.vocabulary import FUNCTION_WORDS, list_alternation

# What may separate a timeline entry's leading date from its text: a colon or a dash ("Late
# October 2025: ...", "Jan. 5, 2024 — ..."), maybe after a short qualifier of the date, a
# bracketed note or one or two words, when a capital opens the text ("Oct. 3, evening: ...",
# "May 2015, Oslo — ...", "2019 (estimate): ..."; not "This year, Labor Day - which ...").
_ENTRY_SEPARATOR = re.compile(
    r"\s*(?:[:—–]|-\s)\s*"
    r"|,?[ \t]*(?:\([^()\n]{1,30}\)|[^\W\d_][\w'’]*(?:[ \t]+[\w'’]+)?)"
    r"\s*(?:[:—–]|-\s)\s*(?=[A-Z\d\"“‘'])"
)
# A leading date phrase in prose, with its preposition and comma: "On November 23, 2025, ".
_LEADING_PREPOSITION = re.compile(rf"(?i)\s*(?:{list_alternation('date_prepositions')})\s+")
_LEADING_COMMA = re.compile(r"\s*,\s*")
# A wire dateline opening a story: "WASHINGTON (AP) — ", "ANTWERP, March 14 (Reuters) - ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,40})?\s*\([A-Z][\w .&-]{0,30}\)\s*[-—–]+\s*"
)
# Words of a line that only carries a date: "Published November 24, 2025", "Updated: 3 March".
_DATE_LINE_WORDS = re.compile(rf"(?i)\b(?:{list_alternation('date_only_words')})\b")
# What may follow a date on a line of its own: "10 May 2019", "2018:", "May 5 -".
_DATE_ALONE_TAIL = re.compile(r"[\s:.,;—–-]*")
# The label of a row "Norway: May 2015": one to four words, the first capitalised, no digits, not
# an editor's note or a date line's word ("Correction:", "Updated:").
_ROW_LABEL = re.compile(
    rf"(?!(?i:{list_alternation('not_row_labels')})\b)"
    r"[A-Z][^\W\d_]*(?:[ \t.'’&-]+[^\W\d_]+){0,3}[ \t]*:[ \t]*"
)
# "a.m.", "pm", "A.M."
_AM_PM = r"[AaPp]\.?\s?[Mm]\.?"
# A time of day as extract.dates finds it: "10:45", "10:45 GMT", "9.15 a.m.", "3 p.m.".
_CLOCK_TIME = re.compile(
    rf"\d{{1,2}}(?:[:.]\d\d(?:\s*(?:{_AM_PM}|[A-Z]{{2,4}}|local\s+time))?|\s?{_AM_PM})"
)
# A year that names or qualifies a side detail rather than dating the statement: the year of a
# name ("the Harbour Access Act of 1993"), one before a name ("the 2028 Games") or in brackets
# before a noun ("(2009 models)"), the year of things owned ("his filings from 1995").
_NAME_OF = re.compile(r"[A-Z][\w'’-]*\s+of\s+$")
# A possessive right before a year: "the mayor's 2005 wedding" (the year qualifies the noun).
_OWNER = re.compile(r"\w['’]s\s+$")
_BEFORE_NAME = re.compile(rf"(?i:\b(?:{list_alternation('year_name_determiners')}))\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
# ... or of things described by when they were made ("the painted kites from the 1970s").
_OWNED_FROM = re.compile(
    rf"(?i:\b(?:{list_alternation('owner_determiners')})\s+(?:[a-z-]+\s+){{0,2}}[a-z]+s\s+from\s+)$"
)
# A lifespan in brackets after a name, maybe after a birth name: "Ada Lind (1911–1994)",
# "Zinnia (born Ana Ruiz, 1957 – 2021)". "(born 1948)" is a birth and stays an event.
_LIFESPAN_OPEN = re.compile(r"\((?:(?:born|née|nee)\s[^()\d\n]{1,60},\s*)?$")
_LIFESPAN_CLOSE = re.compile(r"\s*\)")
_YEAR_SPAN = re.compile(r"\d{4}\s*[–—-]\s*\d{2,4}")
# A weekday that names a kind of thing rather than a day: "the club's Saturday class", "her
# Tuesday column", "a Sunday radio programme" (a possessive or an article before it, a thing
# that comes back every week one or two words after it; "the Friday ruling" is a day's).
_WEEKDAYS = frozenset(lang.entries("weekdays"))
_WEEKDAY_OWNER = re.compile(rf"(?i:\w['’]s|\b(?:{list_alternation('weekday_determiners')}))\s+$")
_RECURRING_AFTER = re.compile(
    r"(?:\s+[a-z-]+)?\s+(?:" + "|".join(lang.entries("recurring_nouns")) + r")\b"
)
# ... unless the statement is set in the named thing ("in the 1967 war", "In the Hard Hat Riot
# of 1970, ..."): then the year dates it.
_SETTING = re.compile(
    rf"(?i:\b(?:{list_alternation('setting_prepositions')})\s+the)"
    r"\s+(?:[A-Z][\w'’-]*\s+){0,5}(?:of\s+)?$"
)
# "before 2009", "prior to May": the statement is not at that date.
_BEFORE_DATE = re.compile(rf"(?i:\b(?:{list_alternation('before_words')}))\s+$")
# A date that says when something was said, not when what was said happens: "told the council
# on Thursday that the library would open on March 3", "said Monday".
_SAID_ON = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, lang.entries("said_verbs")))
    + r")(?:\s+[\w’'-]+){0,3}?\s+(?:(?:"
    + list_alternation("said_on_words")
    + r")\s+)?$"
)
# An editor's note opening a block: "Correction: October 2, 2016. An earlier version ...".
_EDITORS_NOTE = re.compile(
    r"(?i:" + list_alternation("editors_notes").replace("'", "['’]?") + r")\s*:"  # "editors note"
)
# A word of two letters or more.
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")

# Dates of the present that a sentence may describe a state at ("is in the room today", "half of
# the intake this year are women") rather than date a happening.
_NOW = frozenset({"today", "this year", "this week", "this month"})
# A present "be" not followed by a participle, "to" or the date itself ("is opening", "are to
# vote", "is today" say what happens).
_PRESENT_BE = re.compile(
    rf"(?i)\b(?:{list_alternation('present_be')})\b"
    r"(?!\s+(?:[a-z]+ing\b|[a-z]+ed\b|to\b|set\b|due\b|today\b|this\b))"
)
# A word that makes a clause tell of a happening: a tense other than the present, a past form,
# "to" before a verb.
_HAPPENING = re.compile(
    r"(?i)\b(?:"
    + list_alternation("tense_auxiliaries")
    + "|"
    + "|".join(lang.entries("past_forms"))
    + r")\b|[a-z]{2}ed\b|['’]ll\b"
)
# What parts a "be" from a date in another clause: punctuation or a conjunction.
_CLAUSE_BETWEEN = re.compile(rf"[,;:—–()]|\b(?:{list_alternation('clause_conjunctions')})\b")

# Where a sentence's next clause starts: "and"/"but"/"while" or a semicolon before a word.
_CLAUSE_BREAK = re.compile(
    rf"(?:,?\s+(?:{list_alternation('break_conjunctions')})|;)\s+"
    rf"(?:(?:{list_alternation('subject_pronouns')})\s+)?"
    rf"(?=(?:{list_alternation('break_verbs')})\b|[a-z]+ed\b)"
)

# "and" and the lower-case word after it, which may be a verb: "... and resume Monday".
_AND_VERB = re.compile(r",?\s+and\s+(?=([a-z]+)\b)")
# How many words at most from that word to the next date.
_VERB_AND_WORDS = 4
_MONTH_PARTS = frozenset(lang.table("month_parts"))

SUMMARY_LENGTH = 140


def find_events(
    text: str,
    blocks: Sequence[Block],
    dates: Sequence[DateMention],
    actors: Sequence[Actor],
    *,
    skip: Sequence[Span] = (),
    quoted: Sequence[Span] = (),
) -> list[Event]:
    """One event per dated sentence, timeline entry or post; blocks overlapping `skip` yield none.

    A block that starts with a date ("Late October 2025: ...") is one entry, however many
    sentences it has; in prose each sentence with a date is one event, anchored by its most
    precise date. A date inside quoted words (`quoted`, sorted) dates what someone said, a
    quote of theirs, not a happening the article reports: it anchors no event.
    """
    ends = [span.end for span in quoted]

    def in_quotes(date: DateMention) -> bool:
        i = bisect_left(ends, date.span.end)
        return i < len(quoted) and quoted[i].start <= date.span.start

    dates = [d for d in dates if not _side_detail(text, d) and not in_quotes(d)]
    starts = [d.span.start for d in dates]
    # By start, end and key: sorted as plain tuples, which compare in C (equal spans, the only
    # ties left, compare equal).
    mentions = sorted(
        (span.start, span.end, actor.key, span) for actor in actors for span in actor.mentions
    )
    mention_starts = [start for start, _, _, _ in mentions]
    bodies = {actor.key for actor in actors if actor.kind is not ActorKind.PERSON}
    within = [_dates_within(dates, starts, block.span) for block in blocks]
    heads = _dates_above(text, blocks, within, dates)
    rows = _rows(text, blocks, within)
    events = []
    for i, block in enumerate(blocks):
        inside = within[i]
        if i in heads:
            line_start, head = heads[i]
            units = [(Span(line_start, block.span.end), head)]
        elif i in rows:
            units = [(block.span, inside[0])]
        elif (
            not inside
            or any(s.overlaps(block.span) for s in skip)
            or _EDITORS_NOTE.match(text, block.span.start)
            or _is_date_line(text, block.span, inside)
        ):
            continue
        elif block.kind is BlockKind.POST:
            units = [(block.span, inside[-1])]
        elif _leads_entry(text, block.span, inside[0]):
            units = [(block.span, inside[0])]
        else:
            statements = [_without_dateline(text, sentence) for sentence in block.sentences]
            units = [
                (clause, date)
                for statement in statements
                if (found := _dates_within(dates, starts, statement))
                for clause in _clauses(text, statement, found)
                if not _describes_now(
                    text, clause, date := _anchor(text, _dates_within(dates, starts, clause))
                )
            ]
        for span, date in units:
            summary = summarise(text, span, date, post=block.post)
            actors_in = _actors_in(text, mentions, mention_starts, span, bodies)
            confidence = round(date.confidence * _choice(dates, starts, span, date), 3)
            events.append(Event(span, span.of(text), date, summary, actors_in, confidence))
    return events


# An event dated by a line above it (a timeline's heading), not by its own words.
SURE_HEADING = 0.9
# An event whose words hold other dates than the one chosen: one may date a side detail.
SURE_AMONG_DATES = 0.85


def _choice(
    dates: Sequence[DateMention], starts: list[int], span: Span, date: DateMention
) -> float:
    """How sure the choice of `date` for the event at `span` is (a factor of its reading's)."""
    if not span.contains(date.span):
        return SURE_HEADING
    chosen = date.interval
    others = any(d.interval != chosen for d in _dates_within(dates, starts, span))
    return SURE_AMONG_DATES if others else 1.0


def summarise(text: str, span: Span, date: DateMention, *, post: Post | None = None) -> str:
    """One readable line: the statement without its leading date, cut at a word."""
    if post is not None:
        first_line = post.body.of(text).split("\n", 1)[0]
        return _shorten(f"{post.author.of(text)}: {first_line}")
    start = span.start
    lead = text[start : date.span.start]
    if not lead.strip() or (len(lead) <= 12 and _LEADING_PREPOSITION.fullmatch(lead)):
        start = date.span.end
        separator = _ENTRY_SEPARATOR.match(text, start) or _LEADING_COMMA.match(text, start)
        if separator:
            start = separator.end()
    body = text[start : span.end] if start < span.end else span.of(text)
    return _shorten(body[:1].upper() + body[1:])


def _shorten(body: str) -> str:
    line = " ".join(body.split())
    if len(line) <= SUMMARY_LENGTH:
        return line
    cut = line.rfind(" ", 0, SUMMARY_LENGTH)
    return line[: cut if cut > 0 else SUMMARY_LENGTH].rstrip(",;:—– ") + "…"


def _dates_within(dates: Sequence[DateMention], starts: list[int], span: Span) -> list[DateMention]:
    found = []
    for i in range(bisect_left(starts, span.start), len(dates)):
        if dates[i].span.start >= span.end:
            break
        if span.contains(dates[i].span):
            found.append(dates[i])
    return found


def _clauses(text: str, statement: Span, found: Sequence[DateMention]) -> list[Span]:
    """The statement cut into its clauses that say what happened when: "The talks ended on
    Friday and will resume on Monday" is two events. A cut falls between two different dates,
    at "and", "but", "while" or a semicolon before a verb (an auxiliary or a past form, after a
    pronoun or not); "in 2022 and 2023" (a list), "between 2019 and 2023" (a range) and "in
    2000 and the state" stay whole."""
    clauses, start = [], statement.start
    for before, after in pairwise(found):
        if before.interval == after.interval:
            continue
        cut = _CLAUSE_BREAK.search(text, before.span.end, after.span.start) or _verb_and(
            text, before.span.end, after.span.start
        )
        if cut is not None:
            clauses.append(Span(start, cut.start()))
            start = cut.end()
    return [*clauses, Span(start, statement.end)]


def _verb_and(text: str, start: int, end: int) -> re.Match[str] | None:
    """ "and" right before a verb of a few words that end at the next date: "Talks end at 6 p.m.
    and resume Monday", "open in May and close on 3 June"; not a list ("in May and early June",
    "on Monday and the day after")."""
    joint = _AND_VERB.search(text, start, end)
    if joint is None or joint[1] in FUNCTION_WORDS or joint[1] in _MONTH_PARTS:
        return None
    return joint if len(text[joint.end() : end].split()) <= _VERB_AND_WORDS else None


def _without_dateline(text: str, sentence: Span) -> Span:
    """The statement without the wire dateline that opens it; the dateline is a place and an
    agency, not part of what happened."""
    dateline = _DATELINE.match(text, sentence.start, sentence.end)
    return Span(dateline.end(), sentence.end) if dateline else sentence


def _anchor(text: str, found: Sequence[DateMention]) -> DateMention:
    """The date a sentence is about: the most precise one ("The hospital, which opened in 1952,
    was to close on Oct. 1" is about Oct. 1), the first of equals, but not the day something
    was said when another date as precise says when it happens ("told the council on Thursday
    that it would open on March 3"); a time of day only when there is nothing else (it is the page's
    day unless a day stands beside it, and then that day is the anchor)."""
    if len(found) > 1:
        said = [d for d in found if _said_on(text, d)]
        happening = [d for d in found if d not in said]
        if said and happening and min(map(_width, happening)) <= min(map(_width, said)):
            found = happening
    best = min(found, key=_width)
    if len(found) == 1 or not _CLOCK_TIME.fullmatch(best.text):
        return best
    others = [d for d in found if not _CLOCK_TIME.fullmatch(d.text)]
    return min(others, key=_width) if others else best


def _said_on(text: str, date: DateMention) -> bool:
    start = date.span.start
    return _SAID_ON.search(text, max(0, start - 60), start) is not None


def _width(date: DateMention) -> int:
    return (date.interval.last - date.interval.first).days


def _side_detail(text: str, date: DateMention) -> bool:
    """A date that does not say when the statement happened: after "before" or "prior to", or a
    year that qualifies a name, a product or things owned (see _NAME_OF ...)."""
    start, end = date.span.start, date.span.end
    if _BEFORE_DATE.search(text, max(0, start - 16), start):
        return True
    if date.text.casefold() in _WEEKDAYS:
        return _weekday_kind(text, date)
    if date.interval.precision is Precision.RANGE and _YEAR_SPAN.fullmatch(date.text):
        return bool(
            _LIFESPAN_OPEN.search(text, max(0, start - 70), start)
            and _LIFESPAN_CLOSE.match(text, end)
        )
    if date.interval.precision is Precision.RANGE and date.text.endswith("0s"):  # a decade
        return _owned_from(text[max(0, start - 40) : start])
    if date.interval.precision is not Precision.YEAR:
        return False
    before = text[max(0, start - 40) : start]
    # The patterns that end with "$" are searched for from every character of `before`: the
    # words they need ("the", and "of", "'s", "from" right before the year) are looked for first.
    if not before.endswith((" ", "(")) or ("the" in before.lower() and _SETTING.search(before)):
        return False
    last = before.rstrip()
    return bool(
        (last.endswith("of") and _NAME_OF.search(before))
        or (last.endswith(("'s", "’s")) and _OWNER.search(before) and _WORD_AFTER.match(text, end))
        or (_BEFORE_NAME.search(before) and _NAME_AFTER.match(text, end))
        or (before.endswith("(") and _WORD_AFTER.match(text, end))
        or _owned_from(before)
    )


def _owned_from(before: str) -> bool:
    """Whether the words before a year or a decade end as _OWNED_FROM ("... kites from ")."""
    return before.rstrip().lower().endswith("from") and _OWNED_FROM.search(before) is not None


def _describes_now(text: str, clause: Span, date: DateMention) -> bool:
    """Whether a clause dated only by the present ("today", "this year") says how things are,
    not what happened: a present "be" and nothing of a happening ("The keeper is at the
    slipway today", not "The keeper retired today" or "The fair is to open this week")."""
    if date.text.casefold() not in _NOW:
        return False
    if _HAPPENING.search(text, clause.start, clause.end) is not None:
        return False
    for be in _PRESENT_BE.finditer(text, clause.start, clause.end):
        before = be.end() <= date.span.start
        low, high = (be.end(), date.span.start) if before else (date.span.end, be.start())
        if _CLAUSE_BETWEEN.search(text, low, high) is None:
            return True
    return False


def _weekday_kind(text: str, date: DateMention) -> bool:
    """Whether a weekday names a kind of thing ("her Tuesday column"), not a day."""
    start = date.span.start
    if not _WEEKDAY_OWNER.search(text, max(0, start - 20), start):
        return False
    return _RECURRING_AFTER.match(text, date.span.end) is not None


def _dates_above(
    text: str,
    blocks: Sequence[Block],
    within: Sequence[Sequence[DateMention]],
    dates: Sequence[DateMention],
) -> dict[int, tuple[int, DateMention]]:
    """Undated blocks right below a line that holds only a date ("10 May 2019" then "The union
    accepts the offer."), by block index, with where the date's line starts and the date.

    One such pair is as likely an article's date line above its first paragraph, so they count
    only as a series: two or more in the document.
    """
    block_starts = [block.span.start for block in blocks]
    found: dict[int, tuple[int, DateMention]] = {}
    for date in dates:
        start = date.span.start
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1] != "\n":
            continue
        line_end = text.find("\n", date.span.end)
        if line_end < 0 or not _DATE_ALONE_TAIL.fullmatch(text, date.span.end, line_end):
            continue
        i = bisect_left(block_starts, line_end)
        if i == len(blocks) or within[i] or blocks[i].kind is BlockKind.POST:
            continue
        gap = text[line_end : blocks[i].span.start]
        if gap.count("\n") <= 2 and not gap.strip(" \t\n-–•*·▪►"):
            found[i] = (date.span.start, date)
    return found if len(found) >= 2 else {}


def _rows(text: str, blocks: Sequence[Block], within: Sequence[Sequence[DateMention]]) -> set[int]:
    """Indices of rows "Norway: May 2015" (a short label, a colon, a date, nothing else) that
    stand next to another such row: a list of when each did something, not a date line."""
    shaped = [
        len(inside) == 1
        and block.span.end - inside[0].span.end <= 3
        and _DATE_ALONE_TAIL.fullmatch(text, inside[0].span.end, block.span.end) is not None
        and _ROW_LABEL.fullmatch(text, block.span.start, inside[0].span.start) is not None
        for block, inside in zip(blocks, within, strict=True)
    ]
    return {
        i
        for i, row in enumerate(shaped)
        if row and ((i > 0 and shaped[i - 1]) or (i + 1 < len(shaped) and shaped[i + 1]))
    }


def _leads_entry(text: str, block: Span, date: DateMention) -> bool:
    """A timeline entry: the block opens with the date and a separator, or with a time of day
    (a live blog's "10:45 GMT The port closes.")."""
    if date.span.start - block.start > 2:
        return False
    return bool(_ENTRY_SEPARATOR.match(text, date.span.end) or _CLOCK_TIME.fullmatch(date.text))


def _is_date_line(text: str, block: Span, dates: Sequence[DateMention]) -> bool:
    """A dateline such as "November 24, 2025": a date with nothing said about it."""
    rest = text[block.start : dates[0].span.start] + text[dates[0].span.end : block.end]
    # Most blocks are prose: two words that cannot be date-line words settle it early.
    other_words = 0
    for word in _LETTER_WORD.finditer(rest):
        if _DATE_LINE_WORDS.fullmatch(word.group()) is None:
            other_words += 1
            if other_words == 2:
                return False
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    return len(_LETTER_WORD.findall(rest)) <= 1


def _actors_in(
    text: str,
    mentions: Sequence[tuple[int, int, str, Span]],
    starts: list[int],
    span: Span,
    bodies: set[str],
) -> tuple[str, ...]:
    """Keys of the actors mentioned inside `span` that take part in what it reports (a body,
    of `bodies`, only where `takes_part`); `mentions` are (start, end, key, span), sorted, and
    `starts` their starts."""
    keys: list[str] = []
    for i in range(bisect_left(starts, span.start), bisect_left(starts, span.end)):
        _, end, key, mention = mentions[i]
        if end <= span.end and key not in keys and (key not in bodies or takes_part(text, mention)):
            keys.append(key)
    return tuple(keys)
