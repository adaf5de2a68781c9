"""Pure helpers for showing records to a person: safe text and honest date labels.

Article text is untrusted: `printable` is the one function every string passes before it
reaches a terminal or the clipboard.
"""

from __future__ import annotations

import calendar
import re

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


def date_label(interval: DateInterval, *, with_year: bool = True) -> str:
    """What the text said, no more precisely: "23 Nov 2025", "21–22 Nov 2025", "late Oct 2025"."""
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
    if first.year != last.year:
        return f"{first.day} {month} {first.year} – {last.day} {last_month}{year}"
    if first.month != last.month:
        return f"{first.day} {month} – {last.day} {last_month}{year}"
    return f"{first.day}–{last.day} {month}{year}"
