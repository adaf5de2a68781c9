"""Page dumps on other topics than the seeds: what the metadata of a page is, by its shape."""

from __future__ import annotations

import datetime
from pathlib import Path

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
