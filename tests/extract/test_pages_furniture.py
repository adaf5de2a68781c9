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
