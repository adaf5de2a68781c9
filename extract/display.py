"""Pure helpers for showing records to a person: safe text, file names and honest date labels.

Article text is untrusted: `printable` is the one function every string passes before it
reaches a terminal or the clipboard. File names are untrusted too, and name the file a message is
about: `shown_path` escapes what `printable` would drop, so a name stays one line and readable.
"""

from __future__ import annotations

import calendar
import os
import re
import sys

from extract.model import DateInterval, Precision

# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), their 8-bit forms, and any other two-character ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)"
    r"|\x1b[ -~]?",
    re.DOTALL,
)
# Remaining C0 and C1 controls (tab and newline kept), DEL, and bidirectional overrides that
# can make text read differently from what it is.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without escape sequences or control characters; tabs and newlines kept."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


# What `shown_path` escapes: every C0 and C1 control (newline and tab too), DEL, bidirectional
# overrides and isolates, and the line and paragraph separators that split lines in some readers.
_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def path_text(path: str | os.PathLike[str]) -> str:
    """A file's path as valid Unicode text: bytes of its name that are not in the file system's
    encoding are written `\\xNN` (`caf\\xe9.txt`), the rest is kept as it is.

    The same path always gives the same text, and the text of a text is itself, so it can name a
    stored document and find it again."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no file system byte decodes to
        return os.fspath(path).encode("utf-8", "backslashreplace").decode()
    return raw.decode(sys.getfilesystemencoding(), "backslashreplace")


def shown_path(path: str | os.PathLike[str]) -> str:
    """`path_text` safe on one line of a terminal: controls (newline, escape, ...) and invisible
    direction changes are written as Python escapes (`two\\nlines.txt`, `\\x1b]0;...`)."""
    return _PATH_CONTROL.sub(_escape, path_text(path))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def date_label(interval: DateInterval, *, with_year: bool = True, width: int | None = None) -> str:
    """What the text said, no more precisely: "23 Nov 2025", "21–22 Nov 2025", "late Oct 2025".

    `width`: the most characters the label may take. A range longer than that loses its days,
    then its spaces, never its ends: "3 Mar – 20 Apr 2024" becomes "Mar – Apr 2024", and
    "1 Jan 1700 – 31 Dec 2016" becomes "1700 – 2016" (a range across years always names both).
    """
    label = _date_label(interval, with_year=with_year)
    if width is None or len(label) <= width:
        return label
    first, last = interval.first, interval.last
    year = f" {last.year}" if with_year else ""
    if first.year != last.year:
        shorter = [f"{first.year} – {last.year}", f"{first.year}–{last.year}"]
    elif first.month != last.month:
        months = f"{calendar.month_abbr[first.month]} – {calendar.month_abbr[last.month]}"
        shorter = [f"{months}{year}", months, months.replace(" – ", "–")]
    else:
        shorter = [f"{calendar.month_abbr[first.month]}{year}"]
    return next((s for s in shorter if len(s) <= width), shorter[-1])


def _date_label(interval: DateInterval, *, with_year: bool) -> str:
    first, last = interval.first, interval.last
    year = f" {last.year}" if with_year else ""
    month = calendar.month_abbr[first.month]
    if interval.precision is Precision.DAY or first == last:
        return f"{first.day} {month}{year}"
    if interval.precision is Precision.MONTH:
        return f"{month}{year}"
    if interval.precision is Precision.PART_OF_MONTH:
        part = (
            "early" if last.day <= 10 else "mid" if first.day >= 11 and last.day <= 20 else "late"
        )
        return f"{part} {month}{year}"
    if interval.precision is Precision.YEAR:
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    whole_months = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    last_month = calendar.month_abbr[last.month]
    if whole_months and first.year == last.year:
        return f"{month}–{last_month}{year}"
    if first.year != last.year:  # both years, even where the heading gives the first
        return f"{first.day} {month} {first.year} – {last.day} {last_month} {last.year}"
    if first.month != last.month:
        return f"{first.day} {month} – {last.day} {last_month}{year}"
    return f"{first.day}–{last.day} {month}{year}"
