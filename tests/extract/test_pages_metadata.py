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
        # a section path is not the site
        ("Science | Space", None),
        # a site's name and the tagline that says what it publishes
        ("Orbit Weekly — Space news for everyone", "Orbit Weekly"),
        ("Skyline | Independent science journalism since 1998", "Skyline"),
    ],
)
def test_a_first_line_names_the_site_only_with_a_tagline(
    first_line: str, publisher: str | None
) -> None:
    below = _page("science_section").partition("\n")[2]
    assert find_metadata(f"{first_line}\n{below}") == Metadata(
        title=SCIENCE_TITLE, publisher=publisher, published=datetime.date(2024, 10, 9)
    )
