"""Page dumps on other topics than the seeds: which lines are page furniture, by their shape."""

from __future__ import annotations

from pathlib import Path

from extract.boilerplate import noise_spans

DATA = Path(__file__).parent / "data"


def _page(name: str) -> str:
    return (DATA / f"pages_{name}.txt").read_text(encoding="utf-8")


def _noise_lines(text: str) -> list[str]:
    return [span.of(text) for span in noise_spans(text)]


def test_a_logo_is_a_name_and_the_word_logo_not_a_headline_about_one() -> None:
    """A logo's text is the outlet's name and "logo" (maybe run into the next link), or "Logo"
    and the name; a headline about a logo has other words."""
    assert _noise_lines(_page("local_logo")) == [
        "The Lakeside Courier logoThe Lakeside Courier",
        "Home | News | Business | Sport | Weather",
        "By Priya Nair",
        "12 March 2023",
        "Logo of the Lakeside Courier",
        "© 2023 The Lakeside Courier",
    ]


def test_teaser_ads_below_the_article_are_furniture() -> None:
    """Below the article's last paragraph, a product's name, a dash and its pitch is an ad, with
    one dash or two; the article's short closing line stays content, and so do lines of the same
    shape between its paragraphs."""
    assert _noise_lines(_page("business_ads")) == [
        "Beanbox Grinder – Barista-grade coffee at home for under fifty pounds.",
        "Ledgerly – Invoicing and payroll for small shops. Try it free for thirty days.",
        "Related: Rents in city centres rise for a third year",
        "Related: Bakery chain expands into railway stations",
    ]


def test_teasers_below_a_match_report_are_furniture_and_a_list_of_the_same_shape_is_not() -> None:
    """A sports page: two teasers for the club's shop between the report's last line and the
    page's footer are furniture; the dashed list of earlier rounds between its paragraphs, of the
    same shape, is the report's content."""
    assert _noise_lines(_page("sport_teasers")) == [
        "By Owen Hartley",
        "Saturday 12 October 2024",
        "Season Tickets – Every home league game for the price of twelve.",
        "Club Shop – New away shirts in stock now, order online.",
        "More from Sport",
        "Copyright © 2024 The Vale Sports Desk",
    ]


def test_a_timeline_of_dates_alone_on_their_lines_is_content() -> None:
    """A page has one date line of its own; the bare dates below it head the entries of a
    timeline, however short its paragraphs."""
    assert _noise_lines(_page("local_timeline")) == ["Published 2 June 2019"]
