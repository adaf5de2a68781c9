"""Dates typed by a person, for the `since` / `until` filters: "2025-11-20", "Nov 20",
"since Nov 20", "November 2025", "late November 2025", "last week of November 2025", "yesterday".

They are read by the grammar that reads the articles (`extract.dates.read_date`), so a date the
timeline shows can be typed back as it is written. A date names a span of days; `since` takes its
first day and `until` its last, so `--since "November 2025" --until "November 2025"` is the whole
month.
"""

from __future__ import annotations

import re
from datetime import date

# A leading word that says which bound is meant, which the --since/--until option already says.
_BOUND_WORD = re.compile(r"^\s*(?:since|from|after|before|until|till|to|on)\s+", re.I)


def parse_span(text: str, *, today: date | None = None) -> tuple[date, date]:
    """The first and last day that `text` names; raises ValueError if it names no date."""
    # Imported here: the grammar compiles many patterns, which every command that loads the
    # store (a `remove`, a `list` without dates) would pay for at start.
    from extract.dates import read_date

    cleaned = _BOUND_WORD.sub("", text).strip()
    try:
        interval = read_date(cleaned, today=today or date.today())
    except ValueError:
        raise ValueError(f"cannot read the date {text.strip()!r}") from None
    return interval.first, interval.last
