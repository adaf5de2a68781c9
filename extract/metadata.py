"""A page dump's own metadata: its headline, its outlet, its date line and its address.

Each field comes from a line whose shape says what it is (a masthead, a headline above the first
paragraph, a "Copyright © 2025 X" line, a standalone date line, a "Source reference: URL" line)
and is None when the text shows none: a date inside the first sentence is what the article
reports, not when it was published.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from extract import lang
from extract.boilerplate import (
    Line,
    date_line,
    is_byline,
    logo_name,
    noise_spans,
    occasion_date,
    published_on,
    split_lines,
)
from extract.model import Span
from extract.vocabulary import list_alternation


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    publisher: str | None = None
    published: datetime.date | None = None
    url: str | None = None


# A paragraph of prose: enough words and a sentence end.
_PROSE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
# The headline and date line stand among the first lines of a page.
_TOP_LINES = 15
# A headline's length in words.
_TITLE_WORDS = (3, 25)
# A headline starts with a capital, a digit or an opening quotation mark.
_TITLE_START = re.compile(r"^[\"“‘'(]*[A-Z0-9]")
# A byline's start, which no headline has: "By Harbour staff", "Written by Ana Ruiz" (its
# openers as written, case and all).
_BYLINE_START = re.compile(rf"^(?:{list_alternation('byline_starts')})\s+[A-Z]")
# A headline does not end like a sentence or a clause (but "?" and "!" are fine).
_TITLE_END = re.compile(r"[.,;:–—-]$")
# A headline's one final full stop ("Keepers return to the island."), not an ellipsis's last dot.
_FULL_STOP = re.compile(r"(?<![.\s])\.$")
# A sentence ending inside a line: a lower-case word, its stop, a capital ("week. The"); "U.S.
# Senate" and "Mr. Smith" are not sentence ends.
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"”’')\]]*\s+[\"“‘(]*[A-Z]")
# A title line with the site's name after a bar: "Flood barriers hold | The Elbe Courier".
_TITLE_BAR = re.compile(r"^(?P<title>.+?)\s+\|\s+(?P<site>[A-Z][^|]{1,40})$")
# A standfirst under a headline has at least this many words.
_STANDFIRST_WORDS = 10
# A word, for counting.
_WORD = re.compile(r"[\w][\w'’.&-]*")

# A name as outlets spell theirs: capitalised words, "&", "of", "the" ("The Associated Press").
_NAME = (
    r"[A-Z0-9][\w.&'’+-]*(?:\s+(?:[A-Z0-9&][\w.&'’+-]*|"
    + "|".join(map(re.escape, lang.entries("outlet_name_joiners")))
    + "))*"
)
# The word of a copyright line, before or instead of its mark (copyright_words.txt).
_COPYRIGHT_WORD = list_alternation("copyright_words")
# A copyright line: "Copyright © 2025 AskGeopolitics. All rights reserved.", "© 2024 BBC".
_COPYRIGHT = re.compile(
    rf"^(?:(?:{_COPYRIGHT_WORD})\s*)?(?:©|\(c\)|{_COPYRIGHT_WORD})\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?,?\s*"
    rf"(?-i:(?P<name>{_NAME}))",
    re.IGNORECASE,
)
# Where a name run on into the next sentence ends: "The Associated Press. All Rights Reserved".
_NAME_END = re.compile(rf"\.\s|\s+(?:{list_alternation('name_end_words')})\b", re.IGNORECASE)
# Company suffixes left out of an outlet's name: "Valley Times Ltd", "The Undertow Media Group".
_COMPANY_SUFFIX = re.compile(
    r"[\s,]+(?:" + "|".join(map(re.escape, lang.entries("company_suffixes"))) + r")\.?$", re.I
)
# A masthead sits within the page's first lines and is short.
_MASTHEAD_LINES = 3
_MASTHEAD_WORDS = 5
# The words written in lower case between those of a masthead's name: "of", "the" ...
_MASTHEAD_JOINERS = "|".join(map(re.escape, lang.entries("name_joiners")))
# A masthead: the page's first line, above the headline, with the outlet's name alone or before a
# spaced separator and a tagline or section ("The Midland Chronicle", "RIVERSIDE GAZETTE —
# SPORT", "Deepfield | Astronomy for everyone"): one to seven capitalised words, "of", "the",
# "and" or "&" between them ("Proceedings of the Society of Hill Farmers"), maybe a subtitle
# after a colon ("Lives of the Painters: An Online Companion"), no digits, no sentence.
_MASTHEAD = re.compile(
    rf"^(?P<name>[A-Z][\w.'’+-]*(?:\s+(?:[A-Z][\w.'’+-]*|&|{_MASTHEAD_JOINERS})){{0,6}}"
    rf"(?::\s+[A-Z][\w.'’+-]*(?:\s+(?:[A-Z][\w.'’+-]*|&|{_MASTHEAD_JOINERS})){{0,4}})?)"
    r"(?:\s+[—–|·•›»]\s+\S.*)?$"
)
# An outlet's name has at most this many words.
_OUTLET_WORDS = 7
# A masthead line has at most this many words, its tagline or section included.
_MASTHEAD_LINE_WORDS = 8
# Words of section labels and kickers: a first line of nothing else names a section.
_SECTION_WORDS = lang.words("section_words")
# Words written in lower case inside a name ("The Bank of the North").
_NAME_JOINERS = lang.words("name_joiners")
# A wire dateline: "WASHINGTON, March 3 (Reuters) -", "KYIV, Ukraine (AP) —", "(CNN) —".
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][\w.'’ -]{1,40}?)(?:,\s*(?P<rest>[^()]{1,40}?))?\s+)?"
    r"\((?P<name>[A-Z][\w&.'’ -]{0,30})\)\s*(?:[-–—]{1,2}|:)\s"
)
# A byline that names the outlet after the author: "By Jane Doe, The Guardian", "By J. Doe | CNN".
_BYLINE_OUTLET = re.compile(
    r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|"
    + "|".join(map(re.escape, lang.entries("byline_outlet_joiners")))
    + r"))*\s*"
    rf"(?:,|\||–|—|\s-)\s*(?P<name>{_NAME})\s*(?:$|[|•·])"
)
# Words that make the part after a byline's comma a role, not an outlet.
_ROLE_WORDS = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(map(re.escape, role.split())) for role in lang.entries("byline_roles"))
    + r")\b",
    re.IGNORECASE,
)
# Separators between the items of a metadata line: "By Jane Doe | 3 March 2024 · 5 min read".
_ITEM_SEPARATOR = re.compile(r"\s+[|•·]\s+")
# An address after a source label: "Source reference: https://...", "Originally published at ...".
# (The labels of source_labels.txt; "read the original", maybe "article", maybe "at"; and inline,
# "originally published at" then up to four words before the address.)
_SOURCE_URL = re.compile(
    rf"^(?:{list_alternation('source_labels')}|(?:{list_alternation('read_source_openers')})"
    rf"(?:\s+(?:{list_alternation('read_source_nouns')}))?"
    rf"(?:\s+(?:{list_alternation('read_source_ends')}))?)\s*:?\s*(?P<url>https?://\S+)"
    rf"|\b(?:{list_alternation('inline_source_openers')})\s+(?:\S+\s+){{0,4}}?"
    r"(?P<inline>https?://\S+)",
    re.IGNORECASE,
)
# A line that is only an address.
_BARE_URL = re.compile(r"^(?P<url>https?://\S+)$")
# Link shorteners and embedded-post links, which are never the page's own address.
_SHORT_LINK = re.compile(r"^https?://(?:t\.co|bit\.ly|pic\.twitter\.com|ow\.ly|buff\.ly)/", re.I)
# Punctuation that ends a sentence, not an address.
_URL_TRAIL = ".,;:!?)]}>\"'”’"
# A full date in a web address's path: "/2016/09/12/", "/2016-09-12-slug" (years 1900-2099).
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>\d\d?)(?P=sep)(?P<d>\d\d?)(?!\d)"
)
# A full date in a file name: "outlet_2016-09-12_slug.txt", "2016-09-12-slug.md", "20160912.txt"
# (years 1900-2099; an eight-digit run counts only when no other digit touches it).
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?!\d)"
)


def find_metadata(
    text: str, *, noise: Sequence[Span] | None = None, lines: Sequence[Line] | None = None
) -> Metadata:
    """The title, publisher, publication date and address that a page dump shows, else None.

    `noise` and `lines` are the text's `noise_spans` and `split_lines`; found here when not
    given.
    """
    lines = split_lines(text) if lines is None else lines
    noise_set = set(noise_spans(text, lines=lines) if noise is None else noise)
    top = _top(lines, noise_set)
    # The line after each line of `top`, the first lines of `lines`.
    following = dict(
        (line.span, after) for line, after in itertools.pairwise(lines[: len(top) + 1])
    )
    title_line = _title_line(top, following, noise_set, text)
    return Metadata(
        title=_title_text(title_line),
        publisher=_publisher(lines, top, title_line, noise_set, following),
        published=_published(top),
        url=_url(lines),
    )


def _top(lines: Sequence[Line], noise: set[Span]) -> list[Line]:
    """The lines above the article's second paragraph of prose, at most `_TOP_LINES` of them
    not noise."""
    top: list[Line] = []
    paragraphs = kept = 0
    for line in lines:
        if line.span not in noise:
            paragraphs += _is_prose(line)
            kept += 1
        if paragraphs == 2 or kept > _TOP_LINES:
            break
        top.append(line)
    return top


def _is_prose(line: Line) -> bool:
    return line.words >= _PROSE_WORDS and bool(_SENTENCE_END.search(line.text))


# --- title ------------------------------------------------------------------------------------


def _title_line(
    top: Sequence[Line], following: dict[Span, Line], noise: set[Span], text: str
) -> Line | None:
    """The headline: the first headline-shaped line that a byline, a date line or a standfirst
    introduces, else the first long one, else the first one.

    A line's repeating says nothing: pages repeat their headline, but also a photo caption or a
    section name. Only lines above the first paragraph count: a page whose first line is prose
    has no title. The first line may end in a full stop when it stands alone
    (`_stopped_headline`). `following`: the line after each line of `top`.
    """
    candidates: list[Line] = []
    headwords: list[Line] = []
    first = True
    for line in top:
        if line.span in noise:
            continue  # furniture
        if _is_prose(line):
            break
        if _headline_shaped(line) or (
            first and _stopped_headline(line, following.get(line.span), text)
        ):
            candidates.append(line)
        elif not first and _headword(line, following.get(line.span)):
            headwords.append(line)
        first = False
    if (
        headwords
        and candidates in ([], [top[0]])
        and top[0].span not in noise
        and _masthead_name(top[0]) is not None
    ):
        return headwords[0]  # a reference page's entry under the site's name
    if not candidates:
        return None
    if (
        len(candidates) > 1
        and candidates[0] is top[0]
        and top[0].span not in noise
        and _masthead_shaped(top[0]) is not None
    ):
        candidates = candidates[1:]  # the outlet's name or a section above the headline
    elif len(candidates) > 1 and _outlet_below(candidates[0], candidates[1], following):
        return candidates[0]  # above the outlet's name, which a byline or a date line follows
    introduced = [line for line in candidates if _introduces(line, following.get(line.span))]
    long_ones = [line for line in candidates if line.words >= 5]
    return (introduced or long_ones or candidates)[0]


def _outlet_below(headline: Line, line: Line, following: dict[Span, Line]) -> bool:
    """Whether `line` is the outlet's name right below the headline, as many pages print it
    above the byline or the date line ("The Harrow Ledger" under the headline, then "By Ana
    Ruiz"): the headline is no name itself, the line is one, and a byline or a date follows."""
    after = following.get(line.span)
    return (
        following.get(headline.span) is line
        and _masthead_shaped(headline) is None
        and _masthead_name(line) is not None
        and after is not None
        and _dates_or_signs(after)
    )


def _dates_or_signs(line: Line) -> bool:
    """Whether a line is a byline, a date line or an occasion's dated line."""
    return (
        is_byline(line.text)
        or date_line(line.text) is not None
        or occasion_date(line.text) is not None
    )


def _introduces(line: Line, after: Line | None) -> bool:
    """Whether the line below a headline-shaped line shows it is the headline: a byline, a date
    line or a longer standfirst (a tagline under a logo is followed by a menu instead)."""
    return after is not None and (
        _dates_or_signs(after) or after.words >= max(_STANDFIRST_WORDS, line.words + 1)
    )


def _headword(line: Line, after: Line | None) -> bool:
    """Whether a line of one or two words is an entry's headword, as a reference page names
    its subject above the first paragraph ("Ada Lind", "Zinnia (painter)"): capitalised, no
    digits, no section label, prose right below it."""
    return (
        0 < line.words < _TITLE_WORDS[0]
        and after is not None
        and _is_prose(after)
        and bool(_TITLE_START.match(line.text))
        and not _TITLE_END.search(line.text)
        and not any(c.isdigit() for c in line.text)
        and not all(w.casefold() in _SECTION_WORDS for w in _WORD.findall(line.text))
    )


def _headline_shaped(line: Line) -> bool:
    low, high = _TITLE_WORDS
    return (
        low <= line.words <= high
        and len(line.text) <= 200
        and bool(_TITLE_START.match(line.text))
        and not _TITLE_END.search(line.text)
        and date_line(line.text) is None
        and not _BYLINE_START.match(line.text)
        and occasion_date(line.text) is None
    )


def _stopped_headline(line: Line, after: Line | None, text: str) -> bool:
    """Whether a first line ending in one full stop is the headline: headline-shaped without
    it, one sentence, and standing alone, with a blank line or a paragraph of prose below it.
    A first sentence of the body runs on into more short lines instead."""
    if after is None or not _FULL_STOP.search(line.text) or _INNER_SENTENCE_END.search(line.text):
        return False
    if not _headline_shaped(Line(line.span, line.text[:-1], line.words)):
        return False
    return text.count("\n", line.span.end, after.span.start) >= 2 or _is_prose(after)


def _title_text(line: Line | None) -> str | None:
    if line is None:
        return None
    bar = _TITLE_BAR.match(line.text)
    title = bar.group("title") if bar else line.text
    return title[:-1] if _FULL_STOP.search(title) else title


# --- publisher --------------------------------------------------------------------------------


def _publisher(
    lines: Sequence[Line],
    top: Sequence[Line],
    title: Line | None,
    noise: set[Span],
    following: dict[Span, Line],
) -> str | None:
    """The outlet: from a logo, a site line at the top, a copyright line, a wire dateline, a byline
    or the title's "| Site" suffix, in that order of trust."""
    for line in top:
        if name := logo_name(line.text):
            return _outlet(name)
    masthead = _first_line_masthead(top, title, noise, following)
    if masthead is not None and not masthead.isupper():
        return _outlet(masthead)
    for line in lines:
        if match := _COPYRIGHT.match(line.text):
            return _masthead(match.group("name"), lines) or _outlet(match.group("name"))
    if masthead is not None:  # in capitals, and no copyright line to spell it
        return _outlet(_capitalised(masthead))
    for line in top:
        if match := _DATELINE.match(line.text):
            return _outlet(match.group("name"))
    for line in top:
        match = _BYLINE_OUTLET.match(line.text)
        if match and not _ROLE_WORDS.search(match.group("name")):
            return _outlet(match.group("name"))
    if title is not None and (bar := _TITLE_BAR.match(title.text)):
        return _outlet(bar.group("site"))
    return None


def _first_line_masthead(
    top: Sequence[Line], title: Line | None, noise: set[Span], following: dict[Span, Line]
) -> str | None:
    """The outlet's name that the page's first line gives, when the headline stands below it and
    the line is no menu, control or breadcrumb (noise); else the name on the line right below
    the headline, above a byline or a date line."""
    if title is None or not top or top[0].span in noise:
        return None
    if top[0] is not title:
        return _masthead_name(top[0])
    below = following.get(title.span)
    if below is None or below.span in noise or not _outlet_below(title, below, following):
        return None
    return _masthead_name(below)


def _masthead_name(line: Line) -> str | None:
    """The outlet's name in a masthead line ("RIVERSIDE GAZETTE — SPORT" gives "RIVERSIDE
    GAZETTE"), else None: a section label ("Science | Space") names none."""
    name = _masthead_shaped(line)
    if name is None:
        return None
    words = [word.casefold() for word in name.split()]
    if all(word in _SECTION_WORDS or word in _NAME_JOINERS or word == "&" for word in words):
        return None
    return name


def _masthead_shaped(line: Line) -> str | None:
    """The name part of a line shaped as a masthead or a section label ("WORLD — EUROPE"), else
    None: a date line or a byline is neither."""
    if line.words > _MASTHEAD_LINE_WORDS or (match := _MASTHEAD.match(line.text)) is None:
        return None
    if _BYLINE_START.match(line.text) or date_line(line.text) is not None:
        return None
    return match.group("name")


def _capitalised(name: str) -> str:
    """A name written in capitals as a name is written: "THE BANK OF THE NORTH" gives "The Bank
    of the North"; a word of three letters or fewer stays in capitals ("BBC")."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        folded = word.casefold()
        if folded in _NAME_JOINERS:
            out.append(folded.capitalize() if i == 0 else folded)
        elif len(word) <= 3:
            out.append(word)
        else:
            out.append(word.capitalize())
    return " ".join(out)


def _masthead(owner: str, lines: Sequence[Line]) -> str | None:
    """The start of a copyright holder's name that a masthead line at the top spells out: "THE
    UNDERTOW" over "© 2025 The Undertow Media" names the outlet "The Undertow"."""
    words = owner.split()
    for line in lines[:_MASTHEAD_LINES]:
        size = len(line.text.split())
        if (
            size <= min(_MASTHEAD_WORDS, len(words))
            and " ".join(words[:size]).casefold() == " ".join(line.text.split()).casefold()
        ):
            return _outlet(" ".join(words[:size]))
    return None


def _outlet(name: str) -> str | None:
    name = _NAME_END.split(name.strip(), maxsplit=1)[0].rstrip(" .,")
    while _has_name(shorter := _COMPANY_SUFFIX.sub("", name).rstrip(" .,")) and shorter != name:
        name = shorter  # "Northern Post Media Ltd" -> "Northern Post Media" -> "Northern Post"
    return name if 0 < len(_WORD.findall(name)) <= _OUTLET_WORDS else None


def _has_name(name: str) -> bool:
    """Whether a name is more than "The" (so "The Media Group" keeps its last word)."""
    return any(word.casefold() != "the" for word in _WORD.findall(name))


# --- date -------------------------------------------------------------------------------------


def _published(top: Sequence[Line]) -> datetime.date | None:
    """The first dated date line at the top, or the date of a wire dateline that gives a year."""
    for line in top:
        items = _ITEM_SEPARATOR.split(line.text)  # the line alone when it has no separator
        for item in (line.text, *items) if len(items) > 1 else items:
            if found := published_on(item):
                return found
        dateline = _DATELINE.match(line.text)
        if dateline and dateline.group("rest"):  # "France, March 8, 2021": after the places
            parts = dateline.group("rest").split(",")
            for i in range(len(parts)):
                place_less = date_line(",".join(parts[i:]))
                if place_less is not None and place_less.date is not None:
                    return place_less.date
    return None


# --- address ----------------------------------------------------------------------------------


def _url(lines: Sequence[Line]) -> str | None:
    """The address a source line gives, else a bare address line among the first few lines."""
    for line in lines:
        if "://" in line.text and (match := _SOURCE_URL.search(line.text)):
            return (match.group("url") or match.group("inline")).rstrip(_URL_TRAIL)
    for line in lines[:5]:
        if (match := _BARE_URL.match(line.text)) and not _SHORT_LINK.match(line.text):
            return match.group("url").rstrip(_URL_TRAIL)
    return None


# --- a date outside the text ------------------------------------------------------------------


def date_in_url(url: str | None) -> datetime.date | None:
    """The full date in a web address's path ("https://example.org/2016/09/12/story"), else
    None."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]  # the host's digits are not a date
    return _first_date(_URL_DATE.finditer(path))


def date_in_file_name(path: str) -> datetime.date | None:
    """The full date in a file's name ("outlet_2016-09-12_slug.txt", "20160912-notes.md"), else
    None; the folders' names are not read."""
    return _first_date(_NAME_DATE.finditer(PurePath(path).name))


def _first_date(matches: Iterator[re.Match[str]]) -> datetime.date | None:
    for match in matches:
        try:
            return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:  # "2016-13-45"
            continue
    return None
