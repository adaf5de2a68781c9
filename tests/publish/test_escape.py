"""One escaper per target syntax, each read back by the rules of that syntax."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from publish import escape

# A backslash escape in Markdown: the character after it is literal.
_MD_UNESCAPE = re.compile(r"\\(.)")
HOSTILE = "a\x1b[2J\x1b]52;c;aGk=\x07b\u202e\x9b31mc"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("*not bold* [link](x)", "\\*not bold\\* \\[link\\](x)"),
        ("<b>`code`</b> a\\b", "\\<b\\>\\`code\\`\\</b\\> a\\\\b"),
        ("AT&T | ~x~\nnext line", "AT\\&T \\| \\~x\\~ next line"),
        # What the citations' escaper caught and the export's did not: headings, images.
        ("#1 pick ![img](x)", "\\#1 pick \\!\\[img\\](x)"),
        # Text that would open a block if a line began with it: a list item, a numbered one.
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("2024. A year", "2024\\. A year"),
        ("3) three", "3\\) three"),
        ("5-4 vote", "5-4 vote"),
        ("  spaced \n  out  ", "spaced out"),
    ],
)
def test_markdown_text_is_literal_on_one_line(text: str, expected: str) -> None:
    assert escape.markdown_text(text) == expected
    assert _MD_UNESCAPE.sub(r"\1", expected) == " ".join(text.split())


def test_markdown_text_drops_escape_sequences() -> None:
    assert escape.markdown_text(HOSTILE) == "abc"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a_b", "https://example.org/a_b"),
        ("https://ex.com/a b(c)<d>\\", "https://ex.com/a%20b%28c%29%3Cd%3E%5C"),
    ],
)
def test_markdown_url_stays_one_destination(url: str, expected: str) -> None:
    assert escape.markdown_url(url) == expected


def test_markdown_code_cannot_close_its_span() -> None:
    assert escape.markdown_code("a`b\nc") == "`ab c`"


def test_csv_cells_are_printable_and_never_formulas() -> None:
    rows = [["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", None, 5, HOSTILE, "fine"]]
    text = escape.csv_text(["h"] * len(rows[0]), rows)
    [_header, row] = list(csv.reader(io.StringIO(text)))
    assert row == ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "x", "", "5", "abc", "fine"]
    assert all(line.startswith('"') for line in text.splitlines())


def test_json_text_keeps_values_exact_and_writes_controls_as_escapes() -> None:
    value = {"text": HOSTILE, "n": 1}
    for indent in (True, False):
        text = escape.json_text(value, indent=indent)
        assert json.loads(text) == value
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", text)
    assert escape.json_text(value).endswith("}\n")
    assert escape.json_text(["é", "x"], indent=False) == '["é", "x"]'


def test_html_text_is_inert() -> None:
    out = escape.html_text(f"<script>{HOSTILE}</script> & \"'")
    assert html.unescape(out) == "<script>abc</script> & \"'" and "<" not in out


def test_ics_text_is_one_rfc5545_value() -> None:
    assert escape.ics_text("a;b,c\\d\r\ne\tf" + HOSTILE) == "a\\;b\\,c\\\\d\\ne fabc"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("50% & $5 #1 a_b", "50\\% \\& \\$5 \\#1 a\\_b"),
        ("{x} ~^\\", "\\textbraceleft{}x\\textbraceright{} \\textasciitilde{}\\textasciicircum{}"
         "\\textbackslash{}"),
    ],
)  # fmt: skip
def test_bibtex_text_balances_every_brace(text: str, expected: str) -> None:
    out = escape.bibtex_text(text)
    assert out == expected
    assert out.count("{") == out.count("}")


def test_bibtex_url_is_verbatim_safe() -> None:
    assert escape.bibtex_url("https://ex.com/a b{c}\\d") == "https://ex.com/a%20b%7Bc%7D%5Cd"


def test_ris_text_cannot_add_a_tag() -> None:
    assert escape.ris_text("title\nER  - \r\nTY  - x" + HOSTILE) == "title ER - TY - xabc"
