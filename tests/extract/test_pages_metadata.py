"""Page dumps on other topics than the seeds: what the metadata of a page is, by its shape."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from extract.metadata import Metadata, find_metadata

DATA = Path(__file__).parent / "data"


def _page(name: str) -> str:
    return (DATA / f"pages_{name}.txt").read_text(encoding="utf-8")


def test_a_repeated_photo_caption_is_not_the_title() -> None:
    """A caption shown above the headline and again over the story repeats; the headline is the
    line the byline and date introduce, whether or not it repeats."""
    assert find_metadata(_page("sport_caption")) == Metadata(
        title="Rovers clinch the title with a stoppage-time winner",
        publisher="Westbury Echo",
        published=datetime.date(2024, 5, 4),
    )


def test_a_headline_about_a_logo_is_the_title() -> None:
    assert find_metadata(_page("local_logo")) == Metadata(
        title="Harbour town unveils its new logo",
        publisher="The Lakeside Courier",
        published=datetime.date(2023, 3, 12),
    )


SCIENCE_TITLE = "Probe sends back first close-up images of a comet's icy core"


@pytest.mark.parametrize(
    "first_line, publisher",
    [
        # a section path or a section label is not the site
        ("Science | Space", None),
        ("Science", None),
        ("WORLD — EUROPE", None),
        # the site's name alone, or before its tagline or section, above the headline
        ("Orbit Weekly — Space news for everyone", "Orbit Weekly"),
        ("Skyline | Independent science journalism since 1998", "Skyline"),
        ("Deepfield", "Deepfield"),
        ("The Northern Almanac of Science", "The Northern Almanac of Science"),
        ("Deepfield — Astronomy", "Deepfield"),
        # in capitals, written as a name is written
        ("THE NORTHERN ALMANAC OF SCIENCE", "The Northern Almanac of Science"),
        ("RIVERSIDE GAZETTE — SCIENCE", "Riverside Gazette"),
        # a byline is not a masthead
        ("By Lena Fischer", None),
    ],
)
def test_the_first_line_above_the_headline_names_the_site(
    first_line: str, publisher: str | None
) -> None:
    below = _page("science_section").partition("\n")[2]
    assert find_metadata(f"{first_line}\n{below}") == Metadata(
        title=SCIENCE_TITLE, publisher=publisher, published=datetime.date(2024, 10, 9)
    )


def test_a_masthead_in_capitals_over_a_menu_and_a_staff_byline() -> None:
    """A regional paper's page dump: the masthead in capitals over its menu, a staff byline that
    is no headline, the date, then the headline."""
    assert find_metadata(_page("regional_masthead")) == Metadata(
        title="Sheep farmers count losses after snow cuts off upland roads for a week",
        publisher="The Fenwick Vale Gazette",
        published=datetime.date(2025, 2, 4),
    )


def test_a_masthead_in_capitals_is_spelt_as_the_copyright_line_spells_it() -> None:
    text = _page("regional_masthead").replace("FENWICK VALE", "FENWICK VALE NEWSBAG")
    text += "\n© 2025 Fenwick Vale NewsBag Ltd. All rights reserved.\n"
    assert find_metadata(text).publisher is not None
    text = _page("regional_masthead").replace("THE FENWICK", "FENWICK")
    text += "\n© 2025 FenWick Vale Gazette Ltd. All rights reserved.\n"
    assert find_metadata(text).publisher == "FenWick Vale Gazette"


def test_a_headline_in_title_case_alone_at_the_top_is_the_title_not_the_site() -> None:
    """With no other headline below it, a short first line in capitals is the headline."""
    text = (
        "Snow Closes Upland Roads\n"
        "Farmers in the upper valley said on Monday they had lost more than two hundred ewes"
        " after drifts closed the only road to the high pastures for seven days.\n"
    )
    assert find_metadata(text) == Metadata(title="Snow Closes Upland Roads")
