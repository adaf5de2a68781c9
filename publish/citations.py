"""One cited passage as text a person pastes: prose styles and the formats reference managers read.

A citation names the document (title, outlet, date, URL or file path) and the passage it cites
(the event's sentence, or a quote with its speaker) with the passage's character offsets. Every
field is untrusted article metadata: it is made printable and folded onto one line before it is
placed, so no field can add a line (a RIS tag), close a brace (BibLaTeX) or carry an escape code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from extract.display import printable
from extract.model import Citation, CorpusDocument, CorpusEvent, CorpusQuote, Span
from publish.escape import (
    bibtex_text,
    bibtex_url,
    folded,
    json_text,
    markdown_text,
    markdown_url,
    ris_text,
)

__all__ = ["CITATION_FORMATS", "format_citation"]

# The formats `format_citation` writes, in menu order, with their labels.
CITATION_FORMATS: dict[str, str] = {
    "plain": "Plain text",
    "markdown": "Markdown",
    "apa": "APA",
    "mla": "MLA",
    "chicago": "Chicago",
    "biblatex": "BibLaTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}

# A URL's scheme, which MLA leaves out.
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# A word for a citation key: ASCII letters and digits once accents are stripped.
_KEY_WORD = re.compile(r"[a-z0-9]+")
_KEY_SKIP = frozenset({"a", "an", "the"})
# Month names spelled out here: strftime's %B follows the process locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# MLA abbreviates months of five letters or more.
_MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Source:
    """What every format needs, each string already printable and on one line."""

    title: str
    publisher: str | None
    published: date | None
    url: str | None
    path: str
    passage: str  # `“words”`, or `Speaker: “words”` for a quote
    span: Span

    @property
    def location(self) -> str:
        return self.url or self.path

    @property
    def offsets(self) -> str:
        return f"characters {self.span.start}–{self.span.end}"


def format_citation(
    fmt: str,
    item: CorpusEvent | CorpusQuote,
    citation: Citation,
    document: CorpusDocument,
    *,
    speaker: str | None = None,
) -> str:
    """`citation` of `item` in `document` in format `fmt` (a key of CITATION_FORMATS).

    `speaker` is the display name of a quote's speaker; it is ignored for events.
    """
    if fmt not in _FORMATTERS:
        raise ValueError(f"unknown citation format {fmt!r}; known: {', '.join(CITATION_FORMATS)}")
    return printable(_FORMATTERS[fmt](_source(item, citation, document, speaker=speaker)))


def _source(
    item: CorpusEvent | CorpusQuote,
    citation: Citation,
    document: CorpusDocument,
    *,
    speaker: str | None,
) -> _Source:
    doc = document.document
    words = f"“{folded(citation.text)}”"
    said_by = folded(speaker or "") if isinstance(item, CorpusQuote) else None
    return _Source(
        title=folded(doc.title or "") or folded(PurePath(doc.path).name) or "untitled",
        publisher=folded(doc.publisher or "") or None,
        published=doc.published,
        url=folded(doc.url or "") or None,
        path=folded(doc.path),
        passage=f"{said_by}: {words}" if said_by else words,
        span=citation.span,
    )


def _ended(text: str) -> str:
    """`text` closed with a full stop unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


# --- prose ------------------------------------------------------------------------------


def _day_month_year(day: date | None, *, months: tuple[str, ...] = _MONTHS) -> str | None:
    return f"{day.day} {months[day.month - 1]} {day.year}" if day else None


def _plain(source: _Source) -> str:
    day = _day_month_year(source.published)
    parts = [f"“{source.title}”", source.publisher, day, source.location]
    return f"{source.passage}\n{', '.join(p for p in parts if p)} ({source.offsets})"


def _markdown(source: _Source) -> str:
    title = markdown_text(source.title)
    named = f"[{title}](<{markdown_url(source.url)}>)" if source.url else title
    day = _day_month_year(source.published)
    parts = [
        named,
        f"*{markdown_text(source.publisher)}*" if source.publisher else None,
        day,
        None if source.url else markdown_text(source.path),
    ]
    passage = markdown_text(source.passage)
    return f"> {passage}\n\n— {', '.join(p for p in parts if p)} ({source.offsets})"


def _apa(source: _Source) -> str:
    # No author: APA moves the title to the author's place.
    published = source.published
    day = (
        f"{published.year}, {_MONTHS[published.month - 1]} {published.day}" if published else "n.d."
    )
    parts = [
        _ended(source.title),
        f"({day}).",
        _ended(source.publisher) if source.publisher else "",
    ]
    reference = " ".join(p for p in [*parts, source.location] if p)
    return f"{reference}\n{source.passage} ({source.offsets})"


def _mla(source: _Source) -> str:
    day = _day_month_year(source.published, months=_MLA_MONTHS)
    location = _URL_SCHEME.sub("", source.url) if source.url else source.path
    rest = ", ".join(p for p in [source.publisher, day, location] if p)
    return f"“{_ended(source.title)}” {_ended(rest)}\n{source.passage} ({source.offsets})"


def _chicago(source: _Source) -> str:
    # An unsigned newspaper article is listed under the newspaper's name (CMOS 14.207).
    published = source.published
    day = f"{_MONTHS[published.month - 1]} {published.day}, {published.year}" if published else None
    lead = [_ended(source.publisher)] if source.publisher else []
    tail = [_ended(day)] if day else []
    reference = " ".join([*lead, f"“{_ended(source.title)}”", *tail, _ended(source.location)])
    return f"{reference}\n{source.passage} ({source.offsets})"


# --- reference managers -----------------------------------------------------------------


def _key(source: _Source) -> str:
    """A citation key from the outlet, the year and the title: `reuters2025rubio`."""

    def first_word(text: str | None) -> str:
        ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
        words = [w for w in _KEY_WORD.findall(ascii_text.lower()) if w not in _KEY_SKIP]
        return words[0] if words else ""

    year = str(source.published.year) if source.published else ""
    return f"{first_word(source.publisher)}{year}{first_word(source.title)}" or "chronicle"


def _biblatex(source: _Source) -> str:
    fields = {
        "entrysubtype": "newspaper",
        "title": bibtex_text(source.title),
        "journaltitle": bibtex_text(source.publisher) if source.publisher else None,
        "date": source.published.isoformat() if source.published else None,
        "url": bibtex_url(source.url) if source.url else None,
        "addendum": None if source.url else bibtex_text(source.path),
        "note": bibtex_text(f"{source.passage} ({source.offsets})").replace("–", "--"),
    }
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items() if value)
    return f"@article{{{_key(source)},\n{body}}}"


def _ris(source: _Source) -> str:
    published = source.published
    tags = [
        ("TY", "NEWS"),
        ("TI", source.title),
        ("T2", source.publisher),
        ("PY", str(published.year) if published else None),
        ("DA", f"{published:%Y/%m/%d}/" if published else None),
        ("UR", source.url),
        ("L1", None if source.url else source.path),
        ("N1", f"{source.passage} ({source.offsets})"),
    ]
    return "".join(f"{tag}  - {ris_text(value)}\n" for tag, value in tags if value) + "ER  - "


def _csl_json(source: _Source) -> str:
    published = source.published
    entry = {
        "id": _key(source),
        "type": "article-newspaper",
        "title": source.title,
        "container-title": source.publisher,
        "issued": {"date-parts": [[published.year, published.month, published.day]]}
        if published
        else None,
        "URL": source.url,
        "source": None if source.url else source.path,
        "note": f"{source.passage} ({source.offsets})",
    }
    return json_text([{k: v for k, v in entry.items() if v}], indent=False)


_FORMATTERS: dict[str, Callable[[_Source], str]] = {
    "plain": _plain,
    "markdown": _markdown,
    "apa": _apa,
    "mla": _mla,
    "chicago": _chicago,
    "biblatex": _biblatex,
    "ris": _ris,
    "csl-json": _csl_json,
}
