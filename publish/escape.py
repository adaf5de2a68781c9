"""One escaper per target syntax: untrusted text in, text that syntax reads as literal out.

Everything stored (article text, titles, outlets, URLs, file names) is untrusted. Each function
here is the only place its syntax is escaped, and each drops escape sequences and control
characters first (`printable`), so nothing written reaches a terminal or a spreadsheet live:

- Markdown: `markdown_text` (inline text), `markdown_url` (a link destination or autolink),
  `markdown_code` (a code span);
- CSV: `csv_cell`, and `csv_text` that writes every CSV chronicle writes;
- JSON: `json_text`, data for programs, every value exact and every control a `\\uXXXX` escape;
- HTML: `html_text`; iCalendar: `ics_text`; BibTeX/BibLaTeX: `bibtex_text`, `bibtex_url`;
  RIS: `ris_text`.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from extract.display import printable

__all__ = [
    "bibtex_text",
    "bibtex_url",
    "csv_cell",
    "csv_text",
    "folded",
    "html_text",
    "ics_text",
    "json_text",
    "markdown_code",
    "markdown_text",
    "markdown_url",
    "one_line",
    "ris_text",
]

# Line breaks inside one item, with the blanks around them: lists and cells are better without.
_BREAKS = re.compile(r"\s*\n\s*")


def one_line(text: str) -> str:
    """`text` printable, each line break (and the blanks around it) one space, stripped."""
    return _BREAKS.sub(" ", printable(text)).strip()


def folded(text: str) -> str:
    """`text` printable, every run of white space (line breaks included) one space, stripped."""
    return " ".join(printable(text).split())


# --- Markdown -------------------------------------------------------------------------------

# Characters with a meaning inside a line (CommonMark, and GitHub's tables and strikethrough):
# emphasis, code, links and images, raw HTML, entities, headings, table cells.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&!]")
# What opens a block when a line begins with it: a bullet (`-`, `+`, `*` is escaped above), a
# setext underline (`=`), or an ordered item (`1.`, `1)`), whose punctuation is escaped.
_MARKDOWN_BLOCK_START = re.compile(r"^(?:[-+=]|\d+[.)])")
# Characters that end or break a link destination, even between `<` and `>`.
_MARKDOWN_URL_UNSAFE = str.maketrans(
    {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"}
)


def markdown_text(text: str) -> str:
    """`text` as literal Markdown on one line, wherever the line places it (even first)."""
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), one_line(text))
    return _MARKDOWN_BLOCK_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)


def markdown_url(url: str) -> str:
    """`url` for `[label](<url>)` or `<url>`: backslash escapes do not work there, so what would
    end it is percent-encoded."""
    return one_line(url).translate(_MARKDOWN_URL_UNSAFE)


def markdown_code(text: str) -> str:
    """`text` as a code span: backticks, which would end it, are left out."""
    return f"`{one_line(text).replace('`', '')}`"


# --- CSV ------------------------------------------------------------------------------------

# What a CSV cell must not begin with, or a spreadsheet runs it as a formula (OWASP, "CSV
# Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file that is safe to open in a spreadsheet and to show on a terminal; every CSV
    chronicle writes is written here.

    Every cell is quoted and `printable`; a cell that begins like a formula (`=`, `+`, `-`, `@`,
    tab, carriage return) gets a leading `'`, as OWASP advises, so a spreadsheet shows it as text
    rather than running it, at the price of that quote mark on cells such as `-5`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(map(csv_cell, row) for row in rows)
    return out.getvalue()


def csv_cell(value: object) -> str:
    """One CSV cell: `value` printable, and a leading formula character neutralised with `'`."""
    text = printable("" if value is None else str(value))
    return f"'{text}" if text.startswith(_FORMULA_START) else text


# --- JSON -----------------------------------------------------------------------------------

# Characters that JSON writers leave as they are although `printable` drops them: DEL, the C1
# controls (8-bit CSI, OSC, ...) and the bidirectional overrides, all among DEL, C1 and the
# General Punctuation block. The writers escape the C0 controls themselves.
_JSON_UNSAFE = re.compile(
    "[{}]".format(
        "".join(
            char
            for char in map(chr, (*range(0x7F, 0xA0), *range(0x2000, 0x2070)))
            if not printable(char)
        )
    )
)


def json_text(data: Any, *, indent: bool = True) -> str:
    """`data` as JSON, every value exact and no control character raw: indented on its own
    lines (a file), or with `indent=False` on one line as `json.dumps` writes it (a snippet)."""
    if indent:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    else:
        text = json.dumps(data, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- HTML, iCalendar ------------------------------------------------------------------------


def html_text(text: str) -> str:
    """`text` as HTML character data or a quoted attribute value."""
    return html.escape(printable(text))


def ics_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    text = printable(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\n", "\\n").replace("\t", " ")


# --- BibTeX and BibLaTeX, RIS ---------------------------------------------------------------

# Characters special to BibTeX/LaTeX in a field value. Braces become commands rather than `\{`
# because BibTeX counts every brace, escaped or not, when it finds where a value ends.
_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# What a BibLaTeX `url` (a verbatim field) cannot hold as is: braces, backslashes, spaces.
_BIBTEX_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})


def bibtex_text(text: str) -> str:
    """`text` as a braced BibTeX/BibLaTeX field value, its braces balanced whatever it holds."""
    return _BIBTEX_SPECIAL.sub(
        lambda m: _BIBTEX_ESCAPES.get(m.group(), "\\" + m.group()), one_line(text)
    )


def bibtex_url(url: str) -> str:
    """`url` as a BibLaTeX `url` field, which is read verbatim."""
    return one_line(url).translate(_BIBTEX_URL_UNSAFE)


def ris_text(text: str) -> str:
    """`text` as the value of one RIS line: printable, every run of white space one space, so
    it cannot start a line, and with it a tag."""
    return folded(text)
