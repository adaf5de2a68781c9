import pytest

from extract import segments
from extract.model import Span
from extract.segments import BlockKind, blocks, find_posts, sentences


def _texts(text: str, spans) -> list[str]:
    return [s.of(text) for s in spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        (
            "Mr. Smith met Dr. Jones in St. Louis. They talked.",
            ["Mr. Smith met Dr. Jones in St. Louis.", "They talked."],
        ),
        (
            "U.S. senators criticize the plan. It failed.",
            ["U.S. senators criticize the plan.", "It failed."],
        ),
        (
            "It was authored by the U.S. The talks went on.",
            ["It was authored by the U.S.", "The talks went on."],
        ),
        (
            "Troops left on Nov. 23 and returned. Then peace.",
            ["Troops left on Nov. 23 and returned.", "Then peace."],
        ),
        ("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
        ("“We won,” she said. “Again.”", ["“We won,” she said.", "“Again.”"]),
        ("Growth hit 3.5 percent. Markets rose.", ["Growth hit 3.5 percent.", "Markets rose."]),
        ("Is it over? No! Not yet.", ["Is it over?", "No!", "Not yet."]),
        ("no capital. after it", ["no capital. after it"]),
    ],
)
def test_sentences(text, expected):
    assert _texts(text, sentences(text, Span(0, len(text)))) == expected


def test_blocks_are_lines_with_bullets_stripped():
    text = (
        "Headline\n\n- March 2023: Bids open. Rivals balk.\n"
        "• 5 Jan. 2024 — Deal signed.\n  Body text here.\n"
    )
    found = blocks(text)
    assert [(b.kind, b.span.of(text)) for b in found] == [
        (BlockKind.PROSE, "Headline"),
        (BlockKind.BULLET, "March 2023: Bids open. Rivals balk."),
        (BlockKind.BULLET, "5 Jan. 2024 — Deal signed."),
        (BlockKind.PROSE, "Body text here."),
    ]
    assert _texts(text, found[1].sentences) == ["March 2023: Bids open.", "Rivals balk."]


def test_blocks_skip_boilerplate_lines():
    text = "Related: Other story\nReal content.\n"
    assert [b.span.of(text) for b in blocks(text, skip=[Span(0, 20)])] == ["Real content."]


POST = (
    "Officials met on Monday and talked at length about the budget, the schools, the roads and"
    " the pensions, before the mayor posted a short message on social media:\n"
    "Our budget is balanced\n"
    "and fair to all. https://t.co/abc123\n"
    "— Jane Doe (@janedoe) March 3, 2024\n"
    "Later, talks resumed.\n"
)


def test_embedded_post_is_one_block_with_body_and_author():
    (post,) = find_posts(POST)
    assert post.body.of(POST) == "Our budget is balanced\nand fair to all."
    assert post.author.of(POST) == "Jane Doe"
    assert post.handle.of(POST) == "@janedoe"
    assert post.span.of(POST).endswith("March 3, 2024")
    kinds = [(b.kind, b.span.of(POST)[:12]) for b in blocks(POST)]
    assert kinds == [
        (BlockKind.PROSE, "Officials me"),
        (BlockKind.POST, "Our budget i"),
        (BlockKind.PROSE, "Later, talks"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- 12 November 2025: Officials report fighting in the region.",
        "— a note without a name",
        "– Smith",
    ],
)
def test_dash_lines_that_are_not_post_attributions(line):
    assert find_posts(f"Some text before.\n{line}\n") == []


def test_a_hard_wrapped_bullet_is_one_block():
    text = (
        "- Oct. 3 - The council votes to sell the old\n"
        "  velodrome site.\n"
        "- Dec. 12 - Residents appeal against the\n"
        "sale.\n"
        "- A ruling is due.\n"
        "  Indented prose after a finished bullet.\n"
    )
    assert [(b.kind, b.span.of(text)) for b in blocks(text)] == [
        (BlockKind.BULLET, "Oct. 3 - The council votes to sell the old\n  velodrome site."),
        (BlockKind.BULLET, "Dec. 12 - Residents appeal against the\nsale."),
        (BlockKind.BULLET, "A ruling is due."),
        (BlockKind.PROSE, "Indented prose after a finished bullet."),
    ]


# Invented lines of every kind the quick tests of find_posts and blocks must let through.
_OPENINGS_TEXT = (
    "— Ada Lind (@adalind) May 3, 2024\n"
    "The ferry to Holm ran late.\n"
    "  \t– Bo Ek 3 May 2024\n"
    "- Cai Vos (@caivos)\n"
    "\t• Nets mended\n"
    "12) Gulls counted\n"
    "٣. An eastern digit\n"
    "* * *\n"
    "\n"
    "Plain closing line.\n"
)


def _line_starts(text: str) -> list[int]:
    """Where each line of `text` starts."""
    return [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]


def test_posts_are_looked_for_at_every_line_an_attribution_may_open():
    starts = list(_line_starts(_OPENINGS_TEXT))
    dash_lines = list(segments._dash_line_starts(_OPENINGS_TEXT))
    attributions = [s for s in starts if segments._ATTRIBUTION.match(_OPENINGS_TEXT, s)]
    assert attributions and set(attributions) <= set(dash_lines) <= set(starts)


def test_every_line_a_bullet_opens_passes_the_quick_test():
    text = _OPENINGS_TEXT
    for start in _line_starts(text):
        if start < len(text) and segments._BULLET.match(text, start, text.find("\n", start)):
            assert text[start] in segments._BULLET_OPENERS or text[start].isdigit()
