"""Lines of a page dump that are not article content: menus, share buttons, ads, credits, links.

A page saved as text keeps one paragraph per line, and whatever the page showed around the article
comes along: the site's logo and menu, share buttons, hashtags, "Related:" links, product ads,
copyright and cookie lines. `noise_spans` marks those whole lines so that no actor, event or quote
is taken from them; `heading_spans` marks section headings and headlines, which are content but
not sentences.

A line with quoted words is never noise unless it starts with an explicit label ("Related:",
"Image caption,"); a long sentence is noise only as a copyright, cookie, sign-up or credit line.
Rules that judge a line by its shape alone (menus, share rows, product ads, link lists) skip prose.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract import lang
from extract.dates import find_dates
from extract.model import Precision, Span
from extract.segments import Post, find_posts
from extract.vocabulary import FULL_MONTHS, list_alternation, phrase_alternation


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: `span` runs from the line's first to its last character (no newline)."""

    span: Span
    text: str  # the line less surrounding white space and Markdown marks ("## ", "**", "> ")
    words: int  # white-space separated tokens


# A whole line that holds a letter or a digit (Markdown decoration, which split_lines takes off,
# is white space and marks, so the line less it holds one too).
_WORDY_LINE = re.compile(r"(?m)^[^\n]*[^\W_][^\n]*")
# Markdown or list decoration around a line's words: heading hashes, quote marks, emphasis.
_DECORATION = re.compile(r"^(?:#{1,6}\s+|>\s*|[*_]{1,3}(?=\S))+|(?<=\S)[*_]{1,3}$")
# The characters that may start or end Markdown decoration.
_DECORATION_MARKS = frozenset("#>*_")


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of `text`, in order (extract.doc.Doc keeps them for every stage)."""
    result = []
    for match in _WORDY_LINE.finditer(text):  # a line of only dashes or bullets counts as blank
        stripped = match.group().strip()
        if stripped[:1] in _DECORATION_MARKS or stripped[-1:] in _DECORATION_MARKS:
            stripped = _DECORATION.sub("", stripped).strip()
        start, end = match.span()
        result.append(Line(Span(start, end), stripped, len(stripped.split())))
    return tuple(result)


# --- dates on a line of their own -----------------------------------------------------------

# A reference day for reading a date line without its year ("Nov 24"): any day does, as the
# year it would give is not used.
_ANY_DAY = datetime.date(2000, 1, 1)
# A year's digits or what may start a month's name: a line without one names no calendar day, so
# the date grammar (extract.dates) need not read it.
_MONTH_FIRST_LETTERS = "|".join(lang.table("month_numbers"))
_DATE_HINT = re.compile(rf"(?<!\d)(?:1[7-9]|20)\d\d(?!\d)|(?i:\b(?:{_MONTH_FIRST_LETTERS}))")
# What may start a month's name.
_MONTH_START = re.compile(rf"(?i:\b(?:{_MONTH_FIRST_LETTERS}))")


@dataclass(frozen=True, slots=True)
class _Day:
    """A calendar day a line names, where it names it; `date` is None without a year."""

    start: int
    end: int
    date: datetime.date | None


@functools.lru_cache(maxsize=1024)  # noise, headings and metadata read the same top lines
def _days(line: str) -> tuple[_Day, ...]:
    """The calendar days a line names, as extract.dates reads them (the dates of the events), so
    a page's own date and its events' dates follow one grammar; a day without its year ("Nov 24")
    has no date. Weekdays, relative words, months and years alone are not days here."""
    if not _DATE_HINT.search(line):
        return ()
    days = []
    for mention in find_dates(line, reference=_ANY_DAY):
        if mention.interval.precision is not Precision.DAY:
            continue
        if not mention.relative:
            days.append(_Day(mention.span.start, mention.span.end, mention.interval.first))
        elif _DIGIT.search(mention.text) and _MONTH_START.search(mention.text):  # "Nov 24"
            days.append(_Day(mention.span.start, mention.span.end, None))
    return tuple(days)


# The word after a relative time: "3 hours ago".
_AGO = list_alternation("ago_words")
# What may stand around a date on a date line: labels, weekdays, times, time zones, separators.
_DATE_FILLER = re.compile(
    r"(?:\s|[,|•·/()\-–—:]"
    rf"|\b(?:{list_alternation('date_line_words')})\b|\b[ap]\.m\."
    rf"|\b(?:{list_alternation('weekday_abbreviations')})(?:day|sday|nesday|rsday|urday)?\b\.?"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]m\b|\b)|\b\d{1,2}\s*[ap]m\b"
    r"|(?-i:\b[A-Z]{2,5}\b)|\b(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?"
    rf"|\b\d{{1,2}}\s+(?:{list_alternation('date_line_units')})s?\s+(?:{_AGO})\b"
    r"|T\d{2}:\d{2}\S*)*",
    re.IGNORECASE,
)


# Where page text runs items of a date line together: "GMT+1Updated", an ISO time after its
# date ("2020-11-03T10:00Z").
_DATE_GLUE = re.compile(r"(?<=[\da-z])(?=[A-Z][a-z])|(?<=\d)(?=T\d\d:)")
# Where _DATE_GLUE has a match, found from its capital (searched for quickly, where _DATE_GLUE is
# tried at every character): most lines have none, and need no substitution.
_GLUE_HINT = re.compile(r"[A-Z](?<=[\da-z][A-Z])[a-z]|T(?<=\dT)\d\d:")
# A digit: a line without one holds no date.
_DIGIT = re.compile(r"\d")
# What may end a date line after its last date: the section the article was filed in ("March
# 3, 2011 in Business") or the outlet's name after a bar ("June 2, 1990|Wire Service"), at most
# four capitalised words.
_DATE_TAIL = re.compile(
    rf"(?:\s+(?:{list_alternation('date_tail_prepositions')})\s+|\s*[|•·]\s*)"
    r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|"
    + list_alternation("date_tail_joiners")
    + r")){0,3}\s*$"
)
# The lower-case words between the names of a byline: "and", "&", "de", "van" ...
_BYLINE_JOINERS = list_alternation("byline_joiners")
# The start of a byline: "By", "Written by", "Analysis by", or the author's beat before a colon
# ("Court reporter:", "Health editor:"), then a capitalised name.
_BYLINE_OPENERS = (
    list_alternation("byline_openers")
    + rf"|(?:[^\W\d_]+\s+)?(?:{list_alternation('byline_roles')})\s*:"
)
_BYLINE_START = re.compile(rf"^(?i:{_BYLINE_OPENERS})\s+(?=[A-Z])")
# The names of a byline before its date: capitalised words joined by spaces, "and", "&", commas
# or bars ("By Jane Doe and Li Wei,", "By Coastal Wire |"). A word starts after a space or a
# separator only, so a run of letters is read one way (linear time).
_BYLINE_NAMES = re.compile(
    r"^[A-Z][\w.'’-]*(?:(?:\s*[,|•·–—]\s*|\s+-\s+|\s+)(?:[A-Z][\w.'’-]*|" + _BYLINE_JOINERS + r"))*"
    r"\s*[,|•·–—-]?\s*$"
)
# A byline has at most this many words before its date.
_BYLINE_NAME_WORDS = 8
# The words before a date label's verb: "First published", "Last updated".
_DATE_LABEL_QUALIFIERS = list_alternation("date_label_qualifiers")
# The noun of a date label: "Date: 3 May 2024".
_DATE_NOUNS = list_alternation("date_nouns")
# A date label at the start of a line, whatever follows the date: "Date: 2021-05-06 The council
# met ...", "Published on 3 May 2020", "Dated 3 May 2020".
_DATE_LABEL_START = re.compile(
    rf"^(?:(?:(?:{_DATE_LABEL_QUALIFIERS})\s+)?(?:{list_alternation('date_label_verbs')})"
    rf"(?:\s+(?:{list_alternation('date_label_prepositions')}))?"
    rf"|(?:{list_alternation('dated_words')}|{_DATE_NOUNS}))\s*[:|–—-]?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that is only a date with its label ("Published: 3 March 2024, 10:31 GMT")."""

    date: datetime.date | None  # None when the line gives no year


def date_line(line: str) -> DateLine | None:
    """The date of a line that holds nothing but dates, labels and times, else None."""
    if len(line) > 90 or not _DIGIT.search(line):
        return None
    if _GLUE_HINT.search(line):
        line = _DATE_GLUE.sub(" ", line)  # "10:31 AM GMT+1Updated 2 hours ago"
    days = _days(line)
    if not days:
        return None
    end = len(line)
    if tail := _DATE_TAIL.search(line, days[-1].end):
        end = tail.start()
    pieces, start = [], 0
    for day in days:
        pieces.append(line[start : day.start])
        start = day.end
    rest = " ".join((*pieces, line[start:end]))
    if _DATE_FILLER.fullmatch(rest) is None:
        return None
    return DateLine(days[0].date)


def byline_date(line: str) -> DateLine | None:
    """The date of a byline whose names run into it ("By Coastal Wire Mar 8, 2021 | 9:10 AM",
    "By Jane Doe, 3 May 2020"), else None."""
    start = _BYLINE_START.match(line)
    if start is None or len(line) > 150 or not _DIGIT.search(line):
        return None
    date = next((day for day in _days(line) if day.start >= start.end()), None)
    if date is None:
        return None
    names = line[start.end() : date.start]
    if len(names.split()) > _BYLINE_NAME_WORDS or not _BYLINE_NAMES.match(names):
        return None
    return date_line(line[date.start :])


# An occasion line's start: a capital, and no sentence end before its date.
_OCCASION_START = re.compile(r"[A-Z][^.!?;]*$")
# What joins an occasion to its date: a comma ("Annual Meeting, Town Hall, 3 May 2024"), "on"
# ("Minutes of the meeting held on 4 March 2024") or a date label's verb ("Transcript, published
# 4 March 2024").
_OCCASION_JOINERS = list_alternation("occasion_joiners")
_OCCASION_JOIN = re.compile(
    rf"(?:,|\s+(?:{_OCCASION_JOINERS})"
    rf"|,?\s+(?i:{list_alternation('date_label_verbs')})(?:\s+(?:{_OCCASION_JOINERS}))?)\s+$"
)
# An occasion line has at most this many words.
_OCCASION_WORDS = 12


def occasion_date(line: str) -> datetime.date | None:
    """The day a line naming an occasion ends with, a meeting's or a ceremony's ("Annual
    General Meeting, Town Hall, 3 May 2024", "Minutes of the meeting held on 4 March 2024"):
    the record's own date. None unless the line ends with a full date after a comma or "on",
    with no full stop: a sentence that ends with a date reports a happening."""
    if len(line) > 90 or not line.rstrip()[-1:].isdigit() or len(line.split()) > _OCCASION_WORDS:
        return None  # the line ends with the date's year
    days = _days(line)
    if not days or days[-1].date is None or line[days[-1].end :].strip():
        return None
    head = line[: days[-1].start]
    if _OCCASION_JOIN.search(head) is None or _OCCASION_START.match(head) is None:
        return None
    return days[-1].date


def published_on(line: str) -> datetime.date | None:
    """The publication date a line at the top of a page gives: a date line, a byline with its
    date, an occasion's line ("Minutes of the meeting held on 4 March 2024") or a date label
    followed by the article's first words ("Date: 2021-05-06 The ...")."""
    found = date_line(line) or byline_date(line)
    if found is not None:
        return found.date
    if occasion := occasion_date(line):
        return occasion
    if not _DIGIT.search(line, 0, 120):
        return None  # a date has its year's digits
    glued = line[:120]
    if _GLUE_HINT.search(glued):
        glued = _DATE_GLUE.sub(" ", glued)  # "Date: 2021-05-06The council ..."
    label = _DATE_LABEL_START.match(glued)
    if label is None:
        return None
    return next((day.date for day in _days(glued) if day.start == label.end()), None)


# --- noise ------------------------------------------------------------------------------------

# Labels that make a line a link or a credit whatever follows: "Related: ...", "Read more: ...",
# "Source reference: https://...", "Tags: ...". A colon or dash follows the label.
_LINK_LABEL = re.compile(
    rf"^(?:{phrase_alternation(lang.entries('link_labels'))})(?::|\s+[|–—-])\s*\S",
    re.IGNORECASE,
)
# A broadcaster's label over a picture or video: "Image source, Getty Images", "Image caption, ...".
_MEDIA_LABEL = re.compile(
    rf"^(?:{list_alternation('media_words')})\s+"
    rf"(?:{list_alternation('media_label_nouns')})s?\s*[,:]",
    re.I,
)
# Lines that are a page's controls or section labels when they stand alone.
_UI_LINES = lang.words("ui_lines")
# A "More from X" / "More on X" / "Read more about X" link line (kept short by _is_noise).
_MORE_FROM = re.compile(rf"^(?:{list_alternation('more_link_openers')})\s", re.I)
# Copyright and rights lines: a copyright mark before a year, a line opening with the word and a
# mark or a year, or a rights notice (its words spaced by one space, as the pattern had them).
_COPYRIGHT_WORDS = lang.entries("copyright_words")
_RIGHTS_NOTICES = lang.entries("rights_notices")
_COPYRIGHT = re.compile(
    rf"©|\(c\)\s*\d{{4}}|^(?:{list_alternation('copyright_words')})\s*(?:©|\(c\)|\d{{4}})"
    rf"|\b(?:{'|'.join(map(re.escape, _RIGHTS_NOTICES))})\b",
    re.IGNORECASE,
)
# Cookie and consent notices: "cookies" near a word of cookie_words.txt, or who uses them ("This
# site uses cookies").
_COOKIES = re.compile(
    rf"\b(?:{list_alternation('cookie_nouns')})\b.{{0,60}}\b(?:{list_alternation('cookie_words')})\b"
    r"|\b(?:"
    + "|".join(map(re.escape, lang.entries("cookie_users")))  # one space, as the pattern had it
    + rf")\s+(?:{list_alternation('cookie_use_phrases')})\b",
    re.IGNORECASE,
)
# Newsletter and subscription calls: a short line opening with a call ("Sign up for ..."), a line
# opening with an offer ("Get our weekly newsletter", "Download the app", "Follow us on") or a
# link ("Click here"), a newsletter near a word of signing up ("... the newsletter in your inbox").
_NEWSLETTER = list_alternation("newsletter_words")
_SIGN_UP_OPENING = (
    rf"^(?:(?:{list_alternation('sign_up_calls')})\b(?=.{{0,70}}$)"
    rf"|(?:{list_alternation('newsletter_openers')})\s+\w+\s+(?:{_NEWSLETTER})"
    rf"|{list_alternation('sign_up_openers')}"
    rf"|(?:{list_alternation('app_openers')})\s+\w*\s*(?:{list_alternation('app_words')})"
    rf"|(?:{list_alternation('sign_up_links')})\b)"
)
_SIGN_UP = re.compile(
    rf"{_SIGN_UP_OPENING}"
    rf"|\b(?:{_NEWSLETTER})\b.{{0,80}}\b(?:{list_alternation('newsletter_cues_after')})\b"
    rf"|\b(?:{list_alternation('newsletter_cues_before')})\b.{{0,80}}\b(?:{_NEWSLETTER})\b",
    re.IGNORECASE,
)
# A line that _SIGN_UP may match: one that opens as its first part does, or that holds a
# newsletter word, which its other parts both need. Tested first: a search for _SIGN_UP tries
# each of its parts at every character of a line.
_SIGN_UP_OPENER = re.compile(_SIGN_UP_OPENING, re.IGNORECASE)
_NEWSLETTER_WORD = re.compile(_NEWSLETTER, re.IGNORECASE)
# Every match of _SIGN_UP holds an entry of one of these lists (the others it reads go with them).
_SIGN_UP_HINT_LISTS = (
    "sign_up_calls",
    "newsletter_words",
    "sign_up_openers",
    "app_openers",
    "sign_up_links",
)
# Photo and reporting credits: agency photo marks, "Reporting by ...; Editing by ...",
# "... contributed to this report", "Photo: Jan Ek/Agency".
_CREDIT_LISTS = (
    "photo_credit_marks",
    "credit_roles",
    "contribution_openers",
    "contribution_nouns",
    "photo_labels",
)
_CREDIT = re.compile(
    rf"\b(?:{list_alternation('photo_credit_marks')})\b"
    rf"|^\(?(?:{list_alternation('credit_roles')})"
    rf"\s+(?:{list_alternation('credit_prepositions')})\s+[A-Z]"
    rf"|\b(?:{list_alternation('contribution_openers')})"
    rf"\s+(?:{list_alternation('contribution_nouns')})\b"
    rf"|\b(?:{list_alternation('photo_labels')})\s*:\s*[A-Z][^/]{{0,40}}/",
    re.IGNORECASE,
)
# Words after "By" that open no name: "By the time", "By Monday", "By March": the list's own,
# weekdays, and the full names of months.
_BYLINE_NON_NAMES = "|".join(
    (*lang.entries("byline_non_names"), *lang.table("weekday_numbers"), *FULL_MONTHS)
)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by J. Doe | 3 March".
_BYLINE = re.compile(
    rf"^(?i:{_BYLINE_OPENERS}|(?:{list_alternation('byline_labels')}):?)"
    rf"\s+(?!(?i:{_BYLINE_NON_NAMES})\b)"
    rf"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_BYLINE_JOINERS}))*\s*(?:$|[,|•·–—-])",
)
# A social or sharing word; a line of nothing else is a row of share buttons.
_SHARE_WORDS = lang.words("share_words")
# The words of a share row that show it is one (not just "on the").
_SHARE_MARKERS = lang.words("share_markers")
# A glued joint of two words or labels: "usContact", "FacebookShare", "XShare", "logoAsk".
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Where a row of labels splits: glued joints (made line ends) and spaced bars and dashes.
_LABEL_SEPARATOR = re.compile(r"\n|\s+[|–—-]\s+")
# Two glued menu labels: a lower-case letter run straight into a capitalised word.
_MENU_JOINT = re.compile(r"[a-z]{2}[A-Z][a-z]")
# Where _MENU_JOINT has a match: searched for from its capital, which few characters are, where
# _MENU_JOINT is tried at every lower-case letter (it counts the joints that _MENU_HINT finds).
_MENU_HINT = re.compile(r"[A-Z](?<=[a-z][a-z][A-Z])[a-z]")
# A lower-case word of four letters or more standing alone: menus have none.
_LOWER_WORD = re.compile(r"(?<![\w&])[a-z]{4,}(?![\w&])")
# An outlet's name as its logo spells it: capitalised words, maybe joined by "of", "the", "and".
_LOGO_NAME = (
    r"[A-Z0-9][\w.&'’+-]*(?:\s+(?:[A-Z0-9&][\w.&'’+-]*|"
    + "|".join(map(re.escape, lang.entries("outlet_name_joiners")))
    + r")){0,5}"
)
# The word of a logo's text, written lower case or capitalised ("[Ll]ogo"); a logo line holds
# it folded (_LOGO_HINTS, _is_noise's quick test).
_LOGO_HINTS = tuple(word.casefold() for word in lang.entries("logo_words"))
_LOGO_WORD = "|".join(
    f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}" for word in lang.entries("logo_words")
)
# A logo's text: the outlet's name then "logo", alone or run into the link beside it ("The
# Courier logo", "CityWire logoCityWire"), or "Logo" then the name ("Logo: The Courier", "Logo of
# the Courier"). A headline about a logo has lower-case words before it ("Town unveils new logo").
_LOGO = re.compile(
    rf"^(?:(?P<name>{_LOGO_NAME})\s+(?:{_LOGO_WORD})(?![a-z])"
    rf"|(?:{_LOGO_WORD})(?:\s*[:|–—-]\s*|\s+(?:{list_alternation('logo_prepositions')})\s+)"
    rf"(?P<after>(?:(?:{list_alternation('logo_determiners')})\s+)?{_LOGO_NAME})\s*$)"
)
# A logo line has at most this many words.
_LOGO_WORDS = 8
# A reading time or a relative publication time: "5 min read", "Published 3 hours ago".
_READING_TIME = re.compile(
    rf"^(?:\d{{1,3}}\s*(?:-|\s)?(?:{list_alternation('reading_time_units')})s?"
    rf"\s+(?:{list_alternation('reading_time_words')})|(?:"
    + list_alternation("time_ago_verbs")
    + r")?\s*\d{1,2}\s+"
    rf"(?:{list_alternation('time_ago_units')})s?\s+(?:{_AGO}))$",
    re.IGNORECASE,
)
# A link's note for screen readers: "Purchase Licensing Rights, opens new tab".
_OPENS_TAB = re.compile(
    rf"\bopens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:{list_alternation('link_targets')})\b", re.IGNORECASE
)
# A line of hashtags, bulleted or not: "  • #WageTalks", "#Brill #HarbourStrike".
_HASHTAGS = re.compile(r"^(?:[-–•*·▪]\s*)?#\w+(?:[\s,]+#\w+)*$")
# A breadcrumb or section path: "Home > World > Europe", "News | Politics".
_BREADCRUMB = re.compile(r"^[^.!?>›»|/]{1,30}(?:\s+[>›»|/]\s+[^.!?>›»|/]{1,30})+$")
# The marks between a breadcrumb's items, of which _BREADCRUMB needs one (tested first: the
# pattern is tried at every character of a line up to the thirtieth).
_PATH_MARKS = ">›»|/"
# A row of at least three short labels between spaced dots or bullets: "Music · Culture · Shop".
_LABEL_ROW = re.compile(r"^[^.!?:;,·•]{1,25}(?:\s+[·•]\s+[^.!?:;,·•]{1,25}){2,}$")
# The spaced dot or bullet between the items of a label row.
_ROW_SEPARATOR = re.compile(r"\s+[·•]\s+")
# A line that is a web address, maybe with a short label.
_URL_LINE = re.compile(r"^(?:[\w ]{0,30}[:\s]\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
# A teaser for a product or another page: a short capitalised name, a spaced dash, a capitalised
# pitch ("Beanbox Grinder – Barista-grade coffee at home.", "Ledgerly — Try it free."). A
# sentence's dashed aside starts in lower case ("Maria Lopez – the mayor – said ...").
_PRODUCT_AD = re.compile(r"^[A-Z][\w'’&.+-]*(?:\s+[A-Z0-9][\w'’&.+-]*){0,3}\s+[–—-]\s+[A-Z]")
# The dashes of which _PRODUCT_AD needs one (tested first: the pattern is tried at most lines).
_AD_DASHES = "–—-"
# An all-capitals word, as in a dateline "LISBON —", which a product name is not.
_ALL_CAPS = re.compile(r"^[A-Z]{3,}\b")
# The first character of a list item.
_BULLET_MARKS = frozenset("-–•*·▪►")
# Quotation marks that open or close quoted words (not the apostrophe ’).
_QUOTE_MARK = re.compile(r"[“”‘\"«»„]")
# Sentence ends, and the quotes and brackets that may close a sentence after its end.
_TERMINALS = frozenset(".!?…")
_CLOSERS = "\"”’')]"
# Words that show a line may be a copyright, sign-up or credit line (see _is_noise).
# A copyright line holds a mark, the word or a whole rights notice (from the lists _COPYRIGHT
# reads, so that no entry is skipped).
_COPYRIGHT_HINTS = (
    "©",
    "(c)",
    *(w.casefold() for w in _COPYRIGHT_WORDS),
    *(n.casefold() for n in _RIGHTS_NOTICES),
)


def _longest_words(names: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each entry of these word lists, folded, once each: a line that holds
    an entry holds every word of it, and the longest is the rarest as a substring."""
    return tuple(
        dict.fromkeys(
            max(entry.casefold().split(), key=len) for name in names for entry in lang.entries(name)
        )
    )


# A sign-up line holds a word of each entry of the lists every match holds an entry of.
_SIGN_UP_HINTS = _longest_words(_SIGN_UP_HINT_LISTS)
# A credit line holds one of a list _CREDIT reads, the nouns after "contributed" aside, since
# "contributed" itself is there.
_CREDIT_HINTS = _longest_words(name for name in _CREDIT_LISTS if name != "contribution_nouns")


def _innermost(hints: Iterable[str]) -> tuple[str, ...]:
    """The hints that hold no other: a line that holds "signing" holds "sign"."""
    every = tuple(dict.fromkeys(hints))
    return tuple(h for h in every if not any(o != h and o in h for o in every))


# A cookie notice holds a word of each entry of the lists _COOKIES reads one of ("cookie").
_COOKIE_HINTS = _innermost(_longest_words(("cookie_nouns", "cookie_use_phrases")))
# Any of the hints above: a substring test each is faster than one search for an alternation of
# them all, which, opening with common letters, is tried at most characters.
_ANY_HINT = _innermost((*_COPYRIGHT_HINTS, *_COOKIE_HINTS, *_SIGN_UP_HINTS, *_CREDIT_HINTS))
# The same for a line too long to be a credit line.
_ANY_HINT_BUT_CREDIT = _innermost((*_COPYRIGHT_HINTS, *_COOKIE_HINTS, *_SIGN_UP_HINTS))
# The label of a related-links block whose following headline lines are links too.
# (The labels of block_label_heads.txt and the word after them, or the labels of
# block_labels.txt, or those of block_label_openers.txt and any words after them.)
_BLOCK_LABEL = re.compile(
    rf"^(?:(?:{phrase_alternation(lang.entries('block_label_heads'))})(?:\s+\w+)?"
    rf"|{phrase_alternation(lang.entries('block_labels'))}"
    rf"|(?:{phrase_alternation(lang.entries('block_label_openers'))})\b.*)\s*:?$",
    re.IGNORECASE,
)
# A run of this many short lines is a menu or a list of topic links.
_MENU_RUN = 4
# A menu or topic label has at most this many words.
_LABEL_WORDS = 3
# A date line's label.
_DATE_LABEL = re.compile(
    rf"^(?:(?:(?:{_DATE_LABEL_QUALIFIERS})\s+)?(?:{list_alternation('date_line_verbs')})"
    rf"|{_DATE_NOUNS})\b",
    re.I,
)
# The longest line that may be noise without an explicit label.
_MAX_NOISE_WORDS = 40
# A paragraph has at least this many words.
_PARAGRAPH_WORDS = 25
# Prose has at least this many words when it ends a sentence.
_PROSE_WORDS = 12
# A credit line ("Reporting by ...; Editing by ...") has at most this many words.
_CREDIT_WORDS = 30
# A link or label line has at most this many words.
_SHORT_WORDS = 15


def noise_spans(text: str, *, lines: Sequence[Line] | None = None) -> list[Span]:
    """The spans of the lines of `text` that are page furniture, not article content.

    `lines` is the text's `split_lines`; split here when not given.
    """
    lines = split_lines(text) if lines is None else lines
    noisy = [_is_noise(line.text, line.words) for line in lines]
    _mark_date_lines(lines, noisy)
    _mark_menu_runs(lines, noisy)
    _mark_ads(lines, noisy)
    _mark_link_blocks(lines, noisy)
    return [line.span for line, noise in zip(lines, noisy, strict=True) if noise]


def _is_noise(line: str, words: int) -> bool:
    if words > _MAX_NOISE_WORDS:  # a paragraph: only an explicit label makes it noise
        return bool(_LINK_LABEL.match(line) or _MEDIA_LABEL.match(line))
    folded = line.casefold()
    if _LINK_LABEL.match(line) or folded.rstrip(":.!").strip() in _UI_LINES:
        return True
    # An address holds "://" or "www."; a hashtag, "#" (substring tests first: the patterns
    # are tried at many characters of every line).
    if (
        (("://" in line or "www." in folded) and _URL_LINE.match(line))
        or ("#" in line and _HASHTAGS.match(line))
        or _MEDIA_LABEL.match(line)
    ):
        return True
    if _QUOTE_MARK.search(line) or _ATTRIBUTION.match(line):  # content, or a post's author
        return False
    if words <= _SHORT_WORDS and is_byline(line) and not _ends_sentence(line):
        return True
    # Substring tests first: the patterns behind them are slow to search for on every line.
    if _mentions(folded, _ANY_HINT if words <= _CREDIT_WORDS else _ANY_HINT_BUT_CREDIT) and (
        (_mentions(folded, _COPYRIGHT_HINTS) and _COPYRIGHT.search(line))
        or (_mentions(folded, _COOKIE_HINTS) and _COOKIES.search(line))
        or (
            _mentions(folded, _SIGN_UP_HINTS)
            and (_SIGN_UP_OPENER.match(line) or _NEWSLETTER_WORD.search(line))
            and _SIGN_UP.search(line)
        )
        or (words <= _CREDIT_WORDS and _mentions(folded, _CREDIT_HINTS) and _CREDIT.search(line))
    ):
        return True
    # Prose (a line with quoted words returned above) is never noise by its shape alone.
    if words >= _PROSE_WORDS and _ends_sentence(line):
        return False
    return (
        (words <= _SHORT_WORDS and bool(_MORE_FROM.match(line)))
        or (words <= _LOGO_WORDS and _mentions(folded, _LOGO_HINTS) and logo_name(line) is not None)
        or bool(_READING_TIME.match(line))
        or _is_menu(line)
        or (_mentions(folded, _SHARE_MARKERS) and _is_share_row(line))
        or (words <= 12 and _mentions(line, _PATH_MARKS) and bool(_BREADCRUMB.match(line)))
        or (("·" in line or "•" in line) and _is_label_row(line))
        or ("new " in folded and bool(_OPENS_TAB.search(line)))
    )


def logo_name(line: str) -> str | None:
    """The outlet's name in a logo's text ("The Courier logo", "Logo of the Courier"), else None."""
    match = _LOGO.match(line)
    if match is None or len(line.split()) > _LOGO_WORDS:
        return None
    return match.group("name") or match.group("after")


def _mentions(folded: str, hints: Iterable[str]) -> bool:
    # A loop, not any(): this runs on most lines of every page, a third faster so.
    for hint in hints:  # noqa: SIM110
        if hint in folded:
            return True
    return False


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with a sentence's end, maybe followed by closing quotes or brackets."""
    return line.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _is_menu(line: str) -> bool:
    """Menu labels run together: "About usContact usNewsletterPrivacy & User Agreement",
    "Skip to main contentSkip to navigation"."""
    if not _MENU_HINT.search(line):
        return False  # no joint
    joints = len(_MENU_JOINT.findall(line))
    if joints >= 2 and not _LOWER_WORD.search(line):
        return True
    if not joints:
        return False
    parts = [part.strip().casefold() for part in _LABEL_SEPARATOR.split(_GLUE.sub("\n", line))]
    return (
        len(parts) > 1
        and all(part in _UI_LINES or len(part.split()) <= 2 for part in parts)
        and (any(part in _UI_LINES for part in parts))
    )


def _is_label_row(line: str) -> bool:
    """Menu labels between dots: every item one to three words and none a date ("By Ana Ruiz ·
    5 Mar 2024 · 4 min read" is a metadata line, which the headline search must still see)."""
    if not _LABEL_ROW.match(line):
        return False
    items = _ROW_SEPARATOR.split(line)
    return all(len(item.split()) <= _LABEL_WORDS and not _DIGIT.search(item) for item in items)


def is_byline(line: str) -> bool:
    """Whether a line is an author's byline: "By Jane Doe", "Written by J. Doe | 3 March",
    "By Coastal Wire Mar 8, 2021 | 9:10 AM"."""
    return bool(_BYLINE.match(line)) or byline_date(line) is not None


def _is_share_row(line: str) -> bool:
    """A row of share buttons: "Share on XShare on FacebookShare on LinkedIn", "Tweet Email",
    "Facebook  X  WhatsApp  Email" (read whole first: a name's capital inside, WhatsApp, is no
    joint of two labels)."""
    for read in (line, _GLUE.sub(" ", line)):
        words = [word.casefold() for word in re.findall(r"[\w-]+", read)]
        if (
            words
            and all(word in _SHARE_WORDS for word in words)
            and any(word in _SHARE_MARKERS for word in words)
        ):
            return True
    return False


def _mark_date_lines(lines: Sequence[Line], noisy: list[bool]) -> None:
    """Mark publication date lines: labelled ones anywhere, a bare one when it is the page's
    first date line and stands above the second paragraph.

    A bare date line lower down, or below the page's own date line, is more likely the heading of
    a timeline entry.
    """
    paragraphs = 0
    dated = False  # a date line above
    for i, line in enumerate(lines):
        if not noisy[i] and line.words >= 20 and _ends_sentence(line.text):
            paragraphs += 1
        if not noisy[i] and date_line(line.text) is not None:
            noisy[i] = (paragraphs < 2 and not dated) or bool(_DATE_LABEL.match(line.text))
            dated = True


def _mark_menu_runs(lines: Sequence[Line], noisy: list[bool]) -> None:
    """Mark runs of lines of one to three words ("News", "Opinion", "US news"): menus, topics."""
    run: list[int] = []  # noise lines inside a run neither break it nor count for it
    for i, line in enumerate([*lines, None]):
        if line is not None and (noisy[i] or _is_label(line)):
            run.append(i)
            continue
        if len([j for j in run if not noisy[j]]) >= _MENU_RUN:
            for j in run:
                noisy[j] = True
        run = []


def _is_label(line: Line) -> bool:
    """A menu or topic label; list items are left out ("- France", "- Germany" are content)."""
    return (
        line.words <= _LABEL_WORDS
        and line.text[0] not in _BULLET_MARKS
        and not _ends_sentence(line.text)
        and not _QUOTE_MARK.search(line.text)
    )


def _mark_ads(lines: Sequence[Line], noisy: list[bool]) -> None:
    """Mark product ads: runs of ad-shaped lines next to noise or at the end of the page, where
    pages put ads beside their link lists and footers.

    The ad shape alone would also fit a list item ("Northgate – Closing in June.") or a sentence
    with a dashed aside, so it needs that company.
    """
    ads = [
        not noisy[i]
        and line.words <= 40
        and _mentions(line.text, _AD_DASHES)
        and bool(_PRODUCT_AD.match(line.text))
        and _ends_sentence(line.text)
        and not _ALL_CAPS.match(line.text)
        and not _QUOTE_MARK.search(line.text)
        for i, line in enumerate(lines)
    ]
    start = 0
    while start < len(ads):
        if not ads[start]:
            start += 1
            continue
        end = start
        while end < len(ads) and ads[end]:
            end += 1
        if (start > 0 and noisy[start - 1]) or end == len(ads) or noisy[end]:
            noisy[start:end] = [True] * (end - start)
        start = end


def _last_prose(lines: Sequence[Line], noisy: Sequence[bool]) -> int:
    """The index of the article's last paragraph (a long line that is not noise), else -1."""
    return max(
        (i for i, line in enumerate(lines) if line.words >= _PARAGRAPH_WORDS and not noisy[i]),
        default=-1,
    )


def _mark_link_blocks(lines: Sequence[Line], noisy: list[bool]) -> None:
    """Mark the headline lines that follow a "Related" or "More from ..." label as links, and the
    footer links below a copyright line."""
    last_prose = _last_prose(lines, noisy)
    in_block = False
    for i, line in enumerate(lines):
        footer = i > last_prose and noisy[i] and _COPYRIGHT.search(line.text)
        if footer or _BLOCK_LABEL.match(line.text):
            noisy[i] = True
            in_block = True
        elif in_block and _is_link_headline(line.text, line.words):
            noisy[i] = True
        elif not noisy[i]:
            in_block = False


def _is_link_headline(line: str, words: int) -> bool:
    """A headline as linked from a list: short, no sentence end, no quotation."""
    return (
        words <= _SHORT_WORDS
        and not line.endswith((".", ":", ","))
        and not _QUOTE_MARK.search(line)
    )


# --- headings ---------------------------------------------------------------------------------

# A heading ends without sentence or clause punctuation ("?" and "!" are allowed).
_UNFINISHED_MARKS = frozenset(".,;:–—-")
# Closing quotation marks and brackets, which a sentence's full stop may stand inside: a line
# ending '... “shows neglect.”' is a sentence, not a heading.
_CLOSING_MARKS = "\"”’')]"
# Words that cannot end a heading: a line ending with one is part of a wrapped paragraph.
_UNFINISHED_WORDS = lang.words("unfinished_words")
# A heading starts with a capital, a digit or an opening quotation mark.
_HEADING_START = re.compile(r"^[\d\"“‘'(]*[A-Z0-9]")
# The start of a paragraph or list item after a heading.
_PARAGRAPH_START = re.compile(r"^(?:[-–•*·▪►]\s*)?[\d\"“‘'(]*[A-Z0-9]")
# A list item: its text is content, not a heading.
_BULLET = re.compile(r"^\s*(?:[-–•*·▪►]|\d{1,2}\))\s")
# The attribution line under an embedded post: "— Ada Lind (@adalind) May 3, 2024".
_ATTRIBUTION = re.compile(r"^\s*[—–-]\s*[A-Z].{0,80}(?:\(@\w+\)|\d{4})\s*$")
# A heading has at most this many words.
_HEADING_WORDS = 14


def heading_spans(
    text: str,
    *,
    noise: Sequence[Span] | None = None,
    lines: Sequence[Line] | None = None,
    posts: Sequence[Post] | None = None,
) -> list[Span]:
    """The spans of headlines and section headings: short lines that are not sentences.

    `noise` defaults to `noise_spans(text)`; noise lines are never headings. `lines` and `posts`
    are the text's `split_lines` and `find_posts`, found here when not given.
    """
    lines = split_lines(text) if lines is None else lines
    noise_set = set(noise_spans(text, lines=lines) if noise is None else noise)
    posts_at = [post.span for post in (find_posts(text) if posts is None else posts)]
    headings = []
    for i, line in enumerate(lines):
        in_post = bool(posts_at) and any(post.overlaps(line.span) for post in posts_at)
        if line.span in noise_set or in_post or not _heading_shaped(text, line):
            continue
        before = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if _stands_apart(text, before, line, after, noise_set):
            headings.append(line.span)
    return headings


def _heading_shaped(text: str, line: Line) -> bool:
    raw = line.span.of(text)
    return (
        0 < line.words <= _HEADING_WORDS
        and len(line.text) <= 120
        and bool(_HEADING_START.match(line.text))
        and line.text.rstrip(_CLOSING_MARKS)[-1:] not in _UNFINISHED_MARKS
        and line.text.rsplit(None, 1)[-1].casefold() not in _UNFINISHED_WORDS
        and not _BULLET.match(raw)
        and not _ATTRIBUTION.match(line.text)
    )


def _stands_apart(
    text: str, before: Line | None, line: Line, after: Line | None, noise: set[Span]
) -> bool:
    """A heading is set off from its neighbours: not a piece of a hard-wrapped paragraph."""
    # No neighbour, or a blank line between, sets the line off on that side.
    closed_before = (
        before is None
        or "\n\n" in text[before.span.end : line.span.start + 1]
        or before.span in noise
        or bool(_ATTRIBUTION.match(before.text))
        or _ends_sentence(before.text)
        or before.text.endswith(":")
        or _heading_shaped(text, before)
    )
    opens_after = (
        after is None
        or "\n\n" in text[line.span.end - 1 : after.span.start]
        or bool(_PARAGRAPH_START.match(after.text))
    )
    return closed_before and opens_after
