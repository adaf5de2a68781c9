"""Turning an article file's bytes into the text that chronicle stores and cites.

Every citation offset points into the text these functions return, so they change nothing but the
encoding and the newlines: for a UTF-8 file the result equals `Path.read_text(encoding="utf-8")`
(less a byte-order mark).
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import trafilatura


class UnreadableText(ValueError):
    """Bytes that hold no article text; `str()` is a short message for "PATH: message"."""


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A Windows or old-Mac line end, which universal newlines turn into "\n".
_LINE_END = re.compile(r"\r\n?")
# Control characters that do not occur in text: C0 but tab, newline, vertical tab, form feed and
# carriage return; DEL; C1 (what latin-1 makes of bytes 0x80-0x9f).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The share of control characters above which a file is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
# A mostly-UTF-8 file (a stray byte, a cut-off last character) keeps UTF-8 when it has at least
# this many well-formed non-ASCII characters per malformed byte.
_UTF8_MAJORITY = 4
# The start of an HTML document: optional white space and comments, then a doctype or <html>.
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def decode(data: bytes) -> str:
    """The text of a file's bytes, with universal newlines; raises `UnreadableText`.

    UTF-8 (a byte-order mark is dropped), UTF-16 or UTF-32 with a byte-order mark, else
    Windows-1252, else latin-1.
    """
    if not data:
        raise UnreadableText("empty file")
    text = _LINE_END.sub("\n", _decode_bytes(data))
    if not text.strip():
        raise UnreadableText("no text (only white space)")
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableText("binary data, not text")
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableText(f"invalid {encoding.upper()[:6]} text") from error
    if b"\x00" in data:
        raise UnreadableText("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    malformed = lenient.count("\ufffd")
    well_formed = sum(1 for char in lenient if char > "\x7f") - malformed
    if well_formed >= _UTF8_MAJORITY * malformed:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252
        return data.decode("latin-1")


def looks_like_html(path_suffix: str, text: str) -> bool:
    """Whether a file is an HTML page: by its suffix, or by a doctype or <html> at its start."""
    return path_suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(text[:4096]))


# --- HTML ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The article of an HTML page: `text` is what chronicle stores and cites."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: datetime.date | None = None
    url: str | None = None


# A run of white space inside an HTML text node.
_WHITE_SPACE = re.compile(r"\s+")
# Spaces run together where text nodes meet.
_SPACES = re.compile(r" {2,}")
# The end of a page's <head>: the metadata stands above it.
_END_OF_HEAD = re.compile(r"</head\s*>", re.IGNORECASE)


def html_to_article(html: str) -> HtmlArticle:
    """The main text and metadata of an HTML page, without menus, ads and footers.

    Uses trafilatura; when it finds no text (an empty or broken page), falls back to all the
    visible text outside scripts, navigation, headers, footers and asides. Metadata that
    trafilatura misses comes from the page's <title>, <meta> and canonical <link>.
    """
    document = _trafilatura(html)
    text = _LINE_END.sub("\n", document.text or "").strip() if document else ""
    if text:
        end_of_head = _END_OF_HEAD.search(html)
        head = _HeadParser.parse(html[: end_of_head.end()] if end_of_head else html)
    else:
        head = _HeadParser.parse(html)
        text = head.body_text()
    # What trafilatura found, else nothing: the page's head supplies what is missing.
    title, sitename, published, url = (
        (document.title, document.sitename, document.date, document.url)
        if document is not None
        else (None, None, None, None)
    )
    return HtmlArticle(
        text=text,
        title=_clean(title) or head.headline,
        publisher=_clean(sitename) or head.publisher,
        published=_iso_date(published) or _iso_date(head.published),
        url=_clean(url) or head.url,
    )


@cache
def _date_params() -> Any:
    """htmldate's options without its "extensive" search, which takes any date of the body."""
    from trafilatura.settings import set_date_params

    return set_date_params(extensive=False)


def _trafilatura(html: str) -> trafilatura.settings.Document | None:
    # Imported on the first page of HTML: it costs a quarter of a second, and plain-text
    # articles (and every process that reads only them, each ingest worker) never need it.
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_date_params(),
        )
    # trafilatura and lxml raise many kinds of errors on broken or extreme pages (deep nesting
    # overflows the recursion limit); any of them means "use the fallback".
    except Exception:
        return None
    return document if isinstance(document, trafilatura.settings.Document) else None


def _iso_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


# Elements whose text is never article text.
_SKIPPED = frozenset(
    "script style noscript template svg nav header footer aside form button select "
    "iframe object canvas figure figcaption".split()
)
# Elements that start a new line in the fallback text.
_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li main ol p pre section "
    "table td th tr ul".split()
)
# <meta> names and properties, and the field each fills.
_META_FIELDS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "publisher",
    "application-name": "publisher",
    "article:published_time": "published",
    "datepublished": "published",
    "date": "published",
    "og:url": "url",
}


class _HeadParser(HTMLParser):
    """One pass over a page for its metadata and its visible text; never recursive."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.publisher: str | None = None
        self.published: str | None = None
        self.url: str | None = None
        self._title_tag: str | None = None  # <title>, often "Headline | Site": og:title first
        self._title_parts: list[str] | None = None
        self._skip_depth = 0
        self._chunks: list[str] = []

    @classmethod
    def parse(cls, html: str) -> _HeadParser:
        parser = cls()
        try:
            parser.feed(html)
            parser.close()
        except (AssertionError, ValueError):  # malformed markup the parser gives up on
            pass
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "title" and self._title_tag is None:
            self._title_parts = []
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            field = _META_FIELDS.get(key.lower())
            if field and getattr(self, field) is None:
                setattr(self, field, _clean(values.get("content")))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.url = _clean(values.get("href")) or self.url
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self._chunks.append("\n")
            if tag == "li":
                self._chunks.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self._title_tag = _clean("".join(self._title_parts))
            self._title_parts = None
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        elif not self._skip_depth:  # line ends in the source are spaces; blocks make lines
            self._chunks.append(_WHITE_SPACE.sub(" ", data))

    @property
    def headline(self) -> str | None:
        return self.title or self._title_tag

    def body_text(self) -> str:
        """The visible text, one block per line, spaces collapsed inside lines."""
        text = _SPACES.sub(" ", "".join(self._chunks))
        lines = (line.strip(" ") for line in text.split("\n"))
        return "\n".join(line for line in lines if line and line != "-")
