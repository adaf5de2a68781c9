"""The article's date: from its text, its markup, its address, its file name or the user, in that
order, with the source recorded; an article without one keeps its relative dates unresolved."""

from __future__ import annotations

import datetime
import time

import pytest

from extract.boilerplate import byline_date, date_line, noise_spans, published_on
from extract.metadata import date_in_file_name, date_in_url, find_metadata
from extract.pipeline import extract_document, extract_text
from extract.serialize import document_to_dict, extraction_from_dict, extraction_to_dict

D = datetime.date

# Two paragraphs of an invented local story, with a relative date ("on Tuesday") and an absolute
# one ("on 14 April 2021").
BODY = (
    "The orchard cooperative voted on Tuesday to replace its old cider press, after an "
    "inspection found cracks in the frame that held the screw and the basket together.\n\n"
    "The new press was first ordered on 14 April 2021, the treasurer said, and the members "
    "expect it to arrive before the apple harvest begins in the valley.\n"
)
HEADLINE = "Orchard cooperative replaces its cider press\n"


@pytest.mark.parametrize(
    "top, expected",
    [
        # A date label, the article's first words on the next line.
        ("Date: 2021-05-06\n", D(2021, 5, 6)),
        # A date label glued to the first words of the article on the same line.
        ("Date: 2021-05-06 ", D(2021, 5, 6)),
        ("Published on 6 May 2021The ", D(2021, 5, 6)),
        # A date followed by the section the article was filed in.
        ("March 3, 2011 in Farming\n\n", D(2011, 3, 3)),
        ("12 August 2019 in Local News\n\n", D(2019, 8, 12)),
        # A date and the outlet after a bar, with or without spaces.
        ("June 2, 1990|Valley Wire Service\n\n", D(1990, 6, 2)),
        ("June 2, 1990 · Valley Wire\n\n", D(1990, 6, 2)),
        # A byline whose names run into the date and time.
        ("By Valley Wire Mar 8, 2021 | 9:10 AM\n\n", D(2021, 3, 8)),
        ("By Ines Okafor and Tom Reyes, 8 March 2021\n\n", D(2021, 3, 8)),
        ("Written by Ines Okafor | Mar. 8, 2021, 9:10 a.m.\n\n", D(2021, 3, 8)),
        # A time glued to its am/pm, after a section label.
        ("Match report | March 8, 2025, 6:14pm\n\n", D(2025, 3, 8)),
        ("Updated March 8, 2025 6pm\n\n", D(2025, 3, 8)),
        # A wire dateline with a year.
        ("LYON, France, March 8, 2021 (Valley Wire) - ", D(2021, 3, 8)),
    ],
)
def test_date_lines_under_the_headline(top: str, expected: datetime.date) -> None:
    text = HEADLINE + top + BODY
    assert find_metadata(text).published == expected
    assert find_metadata(top + BODY).published == expected  # without the headline


@pytest.mark.parametrize(
    "top",
    [
        "By Ines Okafor\n\n",  # a byline without a date
        "March 3 in Farming\n\n",  # no year: nothing to anchor it
        "Inspectors visited on 3 May 2020 and found cracks in the frame.\n\n",  # a date in prose
        "By the end of 8 March 2021 the members had voted.\n\n",  # "By" opens a sentence
    ],
)
def test_lines_that_give_no_publication_date(top: str) -> None:
    assert find_metadata(HEADLINE + top + BODY).published is None


def test_glued_date_lines_are_page_furniture_and_not_headlines() -> None:
    for line in ("March 3, 2011 in Farming", "June 2, 1990|Valley Wire Service"):
        assert date_line(line) == date_line(line.split(" in ")[0].split("|")[0])
        assert find_metadata(line + "\n\n" + BODY).title is None
    byline = "By Valley Wire Mar 8, 2021 | 9:10 AM"
    assert byline_date(byline) is not None
    text = HEADLINE + byline + "\n\n" + BODY
    start = text.index(byline)
    assert [(s.start, s.end) for s in noise_spans(text)] == [(start, start + len(byline))]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated: 2020-11-03T10:00Z", D(2020, 11, 3)),
        ("Dated 4 February 2018 The ferry", D(2018, 2, 4)),
        ("Date line of the harbour 2021-05-06", None),  # "Date" as a word, not a label
        ("Posted by the editors", None),
    ],
)
def test_published_on(line: str, expected: datetime.date | None) -> None:
    assert published_on(line) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example.org/2016/09/12/harvest-festival", D(2016, 9, 12)),
        ("https://news.example.org/local/2016-09-12-harvest-festival.html", D(2016, 9, 12)),
        ("https://example.org/2016/9/2/harvest", D(2016, 9, 2)),
        ("https://2016-09-12.example.org/harvest", None),  # the host's digits
        ("https://example.org/items/20160912", None),  # a number, maybe an id
        ("https://example.org/2016/13/40/harvest", None),  # not a date
        ("https://example.org/1850/01/01/archive", None),  # outside 1900-2099
        (None, None),
    ],
)
def test_date_in_url(url: str | None, expected: datetime.date | None) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    "path, expected",
    [
        ("press/valleywire_2016-09-12_cider-press.txt", D(2016, 9, 12)),
        ("2016-09-12-cider-press.md", D(2016, 9, 12)),
        ("20160912.txt", D(2016, 9, 12)),
        ("notes_2016_09_12.txt", D(2016, 9, 12)),
        ("2015-01-01/cider-press.txt", None),  # a folder's name is not read
        ("scan-120160912.txt", None),  # nine digits: a number, not a date
        ("harvest_2016-13-12.txt", None),  # no thirteenth month
        ("almanac_1850-06-01.txt", None),  # outside 1900-2099
        ("cider-press-2016.txt", None),  # a year alone is not a full date
    ],
)
def test_date_in_file_name(path: str, expected: datetime.date | None) -> None:
    assert date_in_file_name(path) == expected


def _published(path: str, text: str, default: datetime.date | None = None) -> tuple[str, str]:
    found = extract_document(path, text.encode(), default_date=default).document
    return str(found.published), str(found.published_from)


def test_sources_in_order() -> None:
    dated = "Date: 2021-05-06\n" + BODY
    assert _published("coop_2016-09-12_press.txt", dated) == ("2021-05-06", "text")
    assert _published("coop_2016-09-12_press.txt", BODY) == ("2016-09-12", "file name")
    with_url = BODY + "\nSource: https://example.org/2019/04/02/cider-press\n"
    assert _published("coop_2016-09-12_press.txt", with_url) == ("2019-04-02", "url")
    assert _published("press.txt", BODY, D(2022, 1, 5)) == ("2022-01-05", "user")
    assert _published("press.txt", BODY) == ("None", "None")


def test_a_user_date_never_overrides_a_found_one() -> None:
    assert _published("coop_2016-09-12_press.txt", BODY, D(2022, 1, 5))[1] == "file name"
    assert _published("press.txt", "Date: 2021-05-06\n" + BODY, D(2022, 1, 5))[1] == "text"


def test_html_metadata_comes_after_the_text() -> None:
    page = (
        "<html><head><title>Cider press</title>"
        '<meta property="article:published_time" content="2020-10-01T08:00:00Z"></head>'
        "<body><article><h1>Orchard cooperative replaces its cider press</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>"
    )
    assert _published("coop_2016-09-12_press.html", page) == ("2020-10-01", "html")
    dated = page.replace("<h1>", "<p>Date: 2021-05-06</p><h1>")
    assert _published("coop_2016-09-12_press.html", dated) == ("2021-05-06", "text")


def _event_dates(path: str, default: datetime.date | None = None) -> list[str]:
    extraction = extract_text(path, BODY, default_date=default)
    return sorted(e.date.interval.first.isoformat() for e in extraction.events)


def test_relative_dates_stay_unresolved_without_an_article_date() -> None:
    assert _event_dates("press.txt") == ["2021-04-14"]  # "on Tuesday" is not guessed


def test_relative_dates_are_read_against_the_date_found_or_given() -> None:
    # 12 September 2016 is a Monday: "on Tuesday", in the past tense, is 6 September.
    assert _event_dates("coop_2016-09-12_press.txt") == ["2016-09-06", "2021-04-14"]
    assert _event_dates("press.txt", D(2016, 9, 12)) == ["2016-09-06", "2021-04-14"]


def test_the_source_round_trips_and_is_in_the_json() -> None:
    extraction = extract_text("coop_2016-09-12_press.txt", BODY)
    assert document_to_dict(extraction.document)["published_from"] == "file name"
    assert extraction_from_dict(extraction_to_dict(extraction)) == extraction
    undated = extract_text("press.txt", BODY).document
    assert document_to_dict(undated)["published_from"] is None


@pytest.mark.parametrize(
    "line",
    [
        "By " + "A" * 100 + "! 8 March 2021",  # one long capitalised word, then not a name
        "By " + "Ab-" * 33 + "! 8 March 2021",  # hyphens that could join or split words
        "By " + "Ab, " * 34 + "8 March 2021 x",  # many names, then not a date line
        "Date: " + "2021-05-06 " * 12,
        "March 3, 2011" + " in Farming" * 8,
    ],
)
def test_publication_lines_are_read_in_linear_time(line: str) -> None:
    """Backtracking that grows exponentially takes hours on these lines; linear reading takes
    a few milliseconds for all 200. The bound is far from both, so a loaded machine cannot
    fail it."""
    started = time.perf_counter()
    for _ in range(200):
        published_on(line)
        byline_date(line)
    assert time.perf_counter() - started < 5.0
