from datetime import date

import pytest

from extract.display import date_label, printable
from extract.model import DateInterval
from extract.model import Precision as P


@pytest.mark.parametrize(
    "first, last, precision, label",
    [
        (date(2025, 11, 23), date(2025, 11, 23), P.DAY, "23 Nov 2025"),
        (date(2025, 11, 21), date(2025, 11, 22), P.RANGE, "21–22 Nov 2025"),
        (date(2025, 10, 21), date(2025, 10, 31), P.PART_OF_MONTH, "late Oct 2025"),
        (date(2025, 3, 1), date(2025, 3, 10), P.PART_OF_MONTH, "early Mar 2025"),
        (date(2025, 3, 11), date(2025, 3, 20), P.PART_OF_MONTH, "mid Mar 2025"),
        (date(2025, 11, 1), date(2025, 11, 30), P.MONTH, "Nov 2025"),
        (date(2022, 1, 1), date(2022, 12, 31), P.YEAR, "2022"),
        (date(2025, 9, 1), date(2025, 12, 31), P.RANGE, "Sep–Dec 2025"),
        (date(2025, 11, 30), date(2025, 12, 2), P.RANGE, "30 Nov – 2 Dec 2025"),
        (date(2014, 1, 1), date(2025, 11, 24), P.RANGE, "1 Jan 2014 – 24 Nov 2025"),
    ],
)
def test_date_label_says_what_is_known(first, last, precision, label):
    assert date_label(DateInterval(first, last, precision)) == label


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("plain [bold red]text[/]", "plain [bold red]text[/]"),
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("x\x1b]52;c;aGVsbG8=\x07y", "xy"),
        ("x\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),
        ("bell\x07 nul\x00 del\x7f c1\x9b2J", "bell nul del c1"),
        ("rtl \u202eevil\u202c", "rtl evil"),
        ("line\nnext\ttab", "line\nnext\ttab"),
        ("Zelenskyy’s “quote” — ok", "Zelenskyy’s “quote” — ok"),
    ],
)
def test_printable_strips_control_sequences_only(raw, shown):
    assert printable(raw) == shown
