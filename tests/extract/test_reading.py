"""Decoding article bytes and reading HTML pages into citable text."""

from __future__ import annotations

import codecs
import datetime
import random
from pathlib import Path

import pytest
import trafilatura

from extract.reading import HtmlArticle, UnreadableText, decode, html_to_article, looks_like_html

DATA = Path(__file__).parent / "data" / "reading"

QUOTED = "“Talks resume,” she said — at 10:00."


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"plain ASCII text", "plain ASCII text"),
        (QUOTED.encode("utf-8"), QUOTED),
        (codecs.BOM_UTF8 + QUOTED.encode("utf-8"), QUOTED),
        (codecs.BOM_UTF16_LE + QUOTED.encode("utf-16-le"), QUOTED),
        (codecs.BOM_UTF16_BE + QUOTED.encode("utf-16-be"), QUOTED),
        (QUOTED.encode("utf-16"), QUOTED),  # the platform's order, with its BOM
        (codecs.BOM_UTF32_LE + QUOTED.encode("utf-32-le"), QUOTED),
        # Windows-1252 smart quotes and dash: bytes 0x93, 0x94, 0x97
        (b"\x93Talks resume,\x94 she said \x97 at 10:00.", QUOTED),
        (b"caf\xe9 cr\xe8me", "café crème"),
        # latin-1: byte 0x81 is undefined in cp1252
        (
            b"Ni\xf1o report \x81 ends here, with more words around it",
            "Niño report \x81 ends here, with more words around it",
        ),
        # universal newlines: CRLF and lone CR become LF, nothing else changes
        (b"one\r\ntwo\rthree\n\nfour\r\n", "one\ntwo\nthree\n\nfour\n"),
        (b"a\r\r\nb", "a\n\nb"),
        (codecs.BOM_UTF16_LE + "x\r\ny".encode("utf-16-le"), "x\ny"),
        # white space, tabs, NBSP and combining marks are kept as they are
        (
            "  lead\tand trail  \n\u00a0Zoe\u0301\n".encode(),
            "  lead\tand trail  \n\u00a0Zoe\u0301\n",
        ),
        # a mostly-UTF-8 file with a stray byte stays UTF-8
        (
            "Kyiv’s “plan” – Zelenskyy’s team".encode() + b"\xff",
            "Kyiv’s “plan” – Zelenskyy’s team\ufffd",
        ),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Headline\r\nBody “quoted” text\r\n",
        "\ufeffWith a BOM\rand a lone CR",
        "Tabs\tand\u2028line separator\x0cform feed\n",
    ],
)
def test_decode_agrees_with_read_text(tmp_path: Path, text: str) -> None:
    """Offsets must match what the evaluation reads with `read_text(encoding="utf-8")`."""
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    assert decode(path.read_bytes()) == path.read_text(encoding="utf-8").removeprefix("\ufeff")


def _random_bytes(size: int, *, without_nul: bool = False) -> bytes:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(size))
    return data.replace(b"\x00", b"\x01") if without_nul else data


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "no text (only white space)"),
        (codecs.BOM_UTF8 + b"\n", "no text (only white space)"),
        (b"text\x00with a NUL", "binary data, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text"),
        (_random_bytes(2000), "binary data, not text"),
        (_random_bytes(2000, without_nul=True), "binary data, not text"),
        (b"\x01\x02\x03\x04 some \x05\x06\x07\x08 words", "binary data, not text"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "invalid UTF-16 text"),
    ],
)
def test_decode_rejects(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableText) as raised:
        decode(data)
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    "suffix, text, expected",
    [
        (".html", "just text", True),
        (".HTM", "", True),
        (".txt", "<!DOCTYPE html><html><body>x</body></html>", True),
        (".txt", "\n  <!-- saved page -->\n<html lang='en'>", True),
        (".md", "<HTML>\n<body>", True),
        (".txt", "Headline\nThe <b>bold</b> claim", False),
        (".txt", "<htmlish> is not a tag", False),
        (".md", "", False),
    ],
)
def test_looks_like_html(suffix: str, text: str, expected: bool) -> None:
    assert looks_like_html(suffix, text) is expected


def test_html_page_loses_menus_ads_and_footer() -> None:
    article = html_to_article((DATA / "news_page.html").read_text(encoding="utf-8"))
    assert article == HtmlArticle(
        text=(
            "Drought forces Panama Canal to cut daily crossings\n"
            "PANAMA CITY — The Panama Canal Authority said on Wednesday it would cut daily ship"
            " crossings to 25 from November 7, as the worst drought in decades left Gatun Lake at"
            " record lows.\n"
            "“We have no choice but to ration the water we have,” the authority’s administrator,"
            " Ricaurte Vásquez, told reporters — adding that further cuts were possible in"
            " December.\n"
            "Shipping lines reroute\n"
            "Several carriers have already diverted vessels to the Suez Canal, and freight brokers"
            " said waiting times had climbed to more than two weeks."
        ),
        title="Drought forces Panama Canal to cut daily crossings",
        publisher="Isthmus Daily",
        published=datetime.date(2023, 11, 2),
        url="https://isthmusdaily.example/economy/2023/11/02/canal-crossings",
    )


def test_html_date_comes_from_metadata_not_from_the_body() -> None:
    html = (
        "<html><head><title>Talks advance</title></head><body><article><h1>Talks advance</h1>"
        "<p>On November 23, 2025, negotiators in Geneva agreed on a framework after a long day"
        " of talks, officials from both delegations said late on Sunday evening.</p>"
        "<p>More meetings are planned for next week, according to a joint statement released"
        " by the two delegations after the talks.</p></article></body></html>"
    )
    article = html_to_article(html)
    assert article.published is None
    assert article.title == "Talks advance"
    assert "On November 23, 2025, negotiators" in article.text


@pytest.mark.parametrize("failure", [None, ValueError("broken tree"), RecursionError()])
def test_html_fallback_when_trafilatura_fails(
    monkeypatch: pytest.MonkeyPatch, failure: Exception | None
) -> None:
    def bare_extraction(*args: object, **kwargs: object) -> None:
        if failure is not None:
            raise failure

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    html = (
        "<html><head><title>Brief | The Post</title>"
        '<meta property="og:site_name" content="The Post">'
        '<meta property="article:published_time" content="2024-02-29T07:00:00Z">'
        '<link rel="canonical" href="https://post.example/brief"></head>'
        "<body><nav>Home News Sport</nav><script>var x = '<p>no</p>';</script>"
        "<h1>Brief</h1><p>Rain &amp;   wind\nin the  north.</p><ul><li>Roads shut</li></ul>"
        "<footer>© The Post</footer></body></html>"
    )
    assert html_to_article(html) == HtmlArticle(
        text="Brief\nRain & wind in the north.\n- Roads shut",
        title="Brief | The Post",
        publisher="The Post",
        published=datetime.date(2024, 2, 29),
        url="https://post.example/brief",
    )


@pytest.mark.parametrize(
    "html, expected_text",
    [
        ("", ""),
        ("<p>Unclosed <b>bold <i>and <div>mixed</p></span></b>", "Unclosed bold and\nmixed"),
        ("<div>" * 50_000 + "<p>Deep inside.</p>", "Deep inside."),
        ("<ul><li>One</li><li>Two", "- One\n- Two"),
    ],
)
def test_html_never_crashes(html: str, expected_text: str) -> None:
    article = html_to_article(html)
    assert article.text == expected_text
    assert "\r" not in article.text
