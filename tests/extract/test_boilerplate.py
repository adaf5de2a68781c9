"""Which lines of a page dump are page furniture, and which are headings."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from extract import boilerplate
from extract.boilerplate import (
    DateLine,
    date_line,
    heading_spans,
    noise_spans,
    published_on,
    split_lines,
)
from extract.dates import find_dates
from extract.model import Precision, Span
from tests.shared import shared

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data" / "reading"


def _noise_lines(text: str) -> list[str]:
    return [span.of(text) for span in noise_spans(text)]


def _heading_lines(text: str) -> list[str]:
    return [span.of(text) for span in heading_spans(text)]


@pytest.mark.parametrize(
    "line",
    [
        "About usContact usNewsletterPrivacy & User AgreementEthics & Editorial Standards",
        "Skip to main contentSkip to navigation",
        "CityWire logoCityWire",
        "The Daily Planet logo",
        "Share on XShare on FacebookShare on LinkedIn",
        "Share this article",
        "Tweet  Email  Print",
        "WhatsApp  Facebook  Email  X  Copy link",  # names with a capital inside
        "  • #ClimateTalks",
        "#Elections #Budget2024",
        "Related: Floods hit northern Italy",
        "Related Stories",
        "Read more: Why mortgage rates rose again",
        "More from Politics",
        "Further Reading",
        "Recommended",
        "You may also like",
        "Don’t miss",
        "Tags: energy, climate",
        "Copyright © 2024 Daily Planet. All rights reserved.",
        "© 2023 Example Media Group",
        "Copyright 2024 The Associated Press. All Rights Reserved.",
        "Sign up for our newsletter to get the day's top stories in your inbox.",
        "We use cookies to give you the best experience on our website.",
        "Source reference: https://example.com/world/story-123",
        "Originally published at https://example.com/story",
        "https://example.com/world/story-123",
        "Advertisement",
        "ADVERTISEMENT",
        "Photo: Jane Roe/Reuters",
        "Police officers at a parade in Nairobi. Photograph: Daniel Irungu/EPA",
        "(AP Photo/John Smith)",
        "Image source, Getty Images",
        "Image caption, The minister arrives for the summit",
        "By Jane Doe",
        "By Jane Doe and John Roe, Reuters",
        "*By Tomás Ferreira | Published: 12 January 2024*",
        "Reporting by Jane Doe in Oslo; Editing by John Roe",
        "Associated Press writer Jane Doe contributed to this report.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Home > World > Europe",
        "News | Politics | Business",
        "Music · Culture · Long Reads · Audio · Shop",
        "World • Business • Tech • Science",
        "5 min read",
        "Published 3 hours ago",
        "November 24, 2025",
        "Updated 10:31 AM EST, Tue March 5, 2024",
        "Published: 3 March 2024",
        "Fri 26 Jan 2024 13.04 GMT",
        "Skip to main content",
        "Link Copied!",
        "Solar Lantern – Light up any campsite — charges in six hours of sun.",
    ],
)
def test_noise_line(line: str) -> None:
    text = f"{line}\n"
    assert noise_spans(text) == [Span(0, len(line))]


@pytest.mark.parametrize(
    "line",
    [
        "“We will not back down,” the minister said.",
        'Officials called the deal "historic" on Friday.',
        "GENEVA — Negotiators met on Sunday to revise the plan, officials said.",
        "Maria Lopez – the city's mayor — said the bridge would reopen on Monday.",
        "By Christmas, all troops will be home, the minister said.",
        "By Monday the river had fallen by two metres.",
        "Background & Context",
        "Key Developments & Timeline",
        "- November 23, 2025: Talks in Geneva were hailed as the most productive so far.",
        "Related talks are expected next week in Vienna, diplomats said.",
        "Share prices fell 3% on Monday after the announcement.",
        "The company unveiled a new logo on Tuesday after a year of work.",
        "Copyright lawsuits against AI firms multiplied in 2024, lawyers said.",
        "Subscribers to the service rose by a fifth in March.",
        "Home Secretary Jane Roe said the plan would cut crime.",
        "Watch out for falling prices, analysts warned.",
        "The bill passed the Senate on January 22 after two years of talks.",
        "WhatsApp and LinkedIn outage hits YouTube users",
        "Ukraine – Russia talks – what we know so far",
        "Analysis · Why the central bank blinked on rates",
        "Salt · Fat · Acid · Heat: the cookbook that changed how a generation eats",
        "Rome · Paris · Berlin and the night trains that link them again",
        "Sign up rates for the scheme doubled in 2023, officials said on Monday after a review.",
    ],
)
def test_content_line_is_not_noise(line: str) -> None:
    assert noise_spans(f"Headline of the story\n{line}\n") == []


def test_product_ads_need_company() -> None:
    """The ad shape also fits a prose line with dashed asides; alone mid-article it is content."""
    ad = "Glow Rope – Stay seen — at night — with bright rope lights."
    prose = (
        "The council approved the plan after a long debate that ran well into the night, and"
        " members said the first works would start in the spring if the budget allowed it."
    )
    text = f"{prose}\n{ad}\n{prose}\n{prose}\n"
    assert noise_spans(text) == []
    text = f"{prose}\n{prose}\n{ad}\nRelated: Storm warning for the coast\n"
    assert _noise_lines(text) == [ad, "Related: Storm warning for the coast"]


def test_related_block_headlines_are_links() -> None:
    text = (
        "The court will rule on the appeal next month, the lawyers for both sides said on Friday.\n"
        "\n"
        "Most read\n"
        "\n"
        "Scientists map the oldest known forest\n"
        "Why the Moon is shrinking\n"
        "\n"
        "The ruling is expected to shape similar cases across the region for years to come.\n"
    )
    assert _noise_lines(text) == [
        "Most read",
        "Scientists map the oldest known forest",
        "Why the Moon is shrinking",
    ]


def test_menu_runs() -> None:
    text = "News\nOpinion\nSport\nUS news\nFlood barriers hold as the river peaks\nIt rained.\n"
    assert _noise_lines(text) == ["News", "Opinion", "Sport", "US news"]
    # three short lines are too few to call a menu
    assert noise_spans("News\nOpinion\nSport\nA longer headline that is not a menu\n") == []


def test_spans_are_whole_lines() -> None:
    text = "Body text of the story.\n  Advertisement  \nMore body text here.\n"
    assert noise_spans(text) == [Span(24, 41)]
    assert text[24:41] == "  Advertisement  "


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "wire_story.txt",
            [
                "Skip to main content",
                "By Hanna Lindqvist and Pierre Dubois",
                "March 4, 2024",
                "2 min read",
                "Reporting by Hanna Lindqvist in Brussels; additional reporting by Pierre Dubois"
                " in Paris; Editing by Mark Heller",
                "Our Standards: The Thomson Reuters Trust Principles.",
                "Advertisement",
                "Read more: Cold snap drives gas prices to two-year high",
            ],
        ),
        (
            "blog_post.md",
            [
                "*By Tomás Ferreira | Published: 12 January 2024*",
                "5 min read",
                "Share on Facebook  Share on X  Email",
                "Sign up for our weekly newsletter to get the latest shipping analysis in your"
                " inbox.",
                "Tags: shipping, freight, Red Sea",
                "You may also like",
                "Port strikes spread along the Baltic coast",
                "How insurers price war risk at sea",
                "© 2024 The Harbour Ledger. All rights reserved.",
            ],
        ),
        (
            "live_blog.txt",
            [
                "Menu",
                "Home > News > Science",
                "Updated 10:31 AM EST, Tue March 5, 2024",
                "Share this article",
                "Photograph: Joel Kowsky/NASA via Getty Images",
                "Most viewed",
                "Scientists map the oldest known forest",
                "Why the Moon is shrinking",
                "Reuse this content",
            ],
        ),
        (
            "broadcaster_page.txt",
            [
                "Northern Star News logo",
                "Home | World | Politics | Business | Sport",
                "Published 3 hours ago",
                "Image source, Getty Images",
                "Image caption, President Gabriel Boric signed the bill at the presidential palace",
                "Related Topics",
                "Chile",
                "Pensions",
                "More on this story",
                "Chile Senate approves pension overhaul",
                "Cookies on Northern Star News: we use cookies to give you the best online"
                " experience.",
            ],
        ),
        (
            "newspaper_page.txt",
            [
                "Skip to main contentSkip to navigation",
                "Print subscriptions",
                "Sign in",
                "Search jobs",
                "The Guardian - Back to homeThe Guardian",
                "News",
                "Opinion",
                "Sport",
                "World",
                "Europe",
                "US news",
                "Kenya",
                "Police officers at a passing-out parade in Nairobi. Photograph: Daniel Irungu/EPA",
                "Fri 26 Jan 2024 13.04 GMT",
                "Explore more on these topics",
                "Kenya",
                "Haiti",
                "Americas",
                "Africa",
                "news",
                "Share",
                "Reuse this content",
                "Most viewed",
            ],
        ),
        (
            "agency_page.txt",
            [
                "By Olena Harmash",
                "March 5, 2024 10:31 AM GMT+1Updated 2 hours ago",
                "A firefighter works at the site of a Russian drone strike in Odesa, Ukraine,"
                " March 2, 2024. REUTERS/Nina Liashonok Purchase Licensing Rights, opens new tab",
                "Sign up here.",
                "Reporting by Olena Harmash; Editing by Gareth Jones",
                "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
                "Suggested Topics:",
                "Europe",
                "Share",
                "X",
                "Facebook",
                "Linkedin",
                "Email",
                "Link",
                "Purchase Licensing Rights",
            ],
        ),
    ],
)
def test_fixture_noise(name: str, expected: list[str]) -> None:
    assert _noise_lines((DATA / name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "live_blog.txt",
            [
                "Live: Artemis crew returns to Earth after lunar flyby",
                "Key events",
                "11:45 GMT",
                "Splashdown confirmed off the coast of San Diego",
                "10:58 GMT",
                "Recovery ships in position",
                "09:15 GMT",
                "Re-entry begins",
            ],
        ),
        (
            "blog_post.md",
            [
                "The Harbour Ledger — Notes on shipping and trade",
                "# Why container rates doubled in a single month",
                "## What happens next",
            ],
        ),
        ("broadcaster_page.txt", ["Chile's president signs pension reform into law"]),
    ],
)
def test_fixture_headings(name: str, expected: list[str]) -> None:
    assert _heading_lines((DATA / name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hard-wrapped paragraph has no headings, even where a line starts with a capital
        (
            "The committee met on Tuesday to discuss the\n"
            "budget for next year. Members said the\n"
            "Proposal would need more work before it\n"
            "could be approved by the full council.\n",
            [],
        ),
        # the body of an embedded post is a quote, not headings
        (
            "The minister posted on Sunday evening after the vote in parliament had ended.\n"
            "We did it\n"
            "Thank you to everyone who voted https://t.co/abc123\n"
            "— Jane Roe (@janeroe) May 5, 2024\n"
            "What comes next\n"
            "The bill now goes to the upper house.\n",
            ["What comes next"],
        ),
        # a numbered question and a heading above a bullet list
        (
            "1. What did the court decide?\n"
            "The court upheld the ban on Friday.\n"
            "Timeline\n"
            "- March 3: the ban is announced\n",
            ["1. What did the court decide?", "Timeline"],
        ),
    ],
)
def test_headings(text: str, expected: list[str]) -> None:
    assert _heading_lines(text) == expected


# --- the seed articles ----------------------------------------------------------------------

SEED_NOISE = {
    "000_5ea0c093b7ec7c07.txt": [
        "Gorilla Tape – Stronger than regular duct tape — Gorilla Tape holds fast in the worst"
        " conditions.",
        "Signal Mirrors – Get found faster — include a signal mirror in your emergency pack.",
        "Related: China Warns UK on US-UK Trade Deal Impacts",
        "Related: Largest Russia-Ukraine Prisoner Exchange Amid Renewed Drone Attacks",
    ],
    "001_b9adb4e5be20f009.txt": [
        "Military Compass – Navigate without GPS — explore reliable compasses made for survival.",
        "Glow Sticks – Stay visible — or mark trails and gear — with long-lasting glow sticks.",
        "Related: Russia Escalates Drone Strikes as UN Reports Highest Civilian Casualties",
        "Related: Israel Implements New Permit Restrictions in West Bank",
    ],
    "002_7c8f5bb214c3a92b.txt": [
        "AskGeopolitics logoAskGeopolitics",
        "About usContact usNewsletterPrivacy & User AgreementAccessibility & CorrectionsEthics &"
        " Editorial StandardsLegal & TransparencySite Information",
        "Copyright © 2025 AskGeopolitics. All rights reserved.",
        "November 24, 2025",
    ],
    "003_4d7442e690f78b12.txt": [],
    "004_5b61c46d3dea0c33.txt": [
        "November 24, 2025",
        "  • #PeaceTalks",
        "  • #UkraineWar",
        "  • #Geneva",
        "  • #USForeignPolicy",
        "  • #Geopolitics",
        "Share on XShare on FacebookShare on LinkedIn",
        "Further Reading",
        "Source reference: https://www.bbc.com/news/articles/ce3zwy808dpo",
        "More from General",
    ],
}


@pytest.mark.parametrize("name, expected", sorted(SEED_NOISE.items()))
def test_seed_noise(name: str, expected: list[str]) -> None:
    assert _noise_lines((SEEDS / name).read_text(encoding="utf-8")) == expected


def test_seed_headings_of_an_article_with_an_embedded_post() -> None:
    text = (SEEDS / "003_4d7442e690f78b12.txt").read_text(encoding="utf-8")
    assert _heading_lines(text) == [
        "Kyiv pushes back as concerns of concessions linger",
        "Details of the controversial draft",
        "Deadline disputed",
    ]


def _gold_spans() -> list[tuple[str, Span]]:
    gold = json.loads(shared("eval/seeds/gold.json").read_text(encoding="utf-8"))
    result = []
    for item in [*gold["quotes"], *gold["events"]]:
        text = (SEEDS / item["file"]).read_text(encoding="utf-8")
        wanted = item.get("evidence") or item["text"]
        start = text.find(wanted)
        assert start >= 0, wanted
        result.append((item["file"], Span(start, start + len(wanted))))
    return result


def test_no_gold_quote_or_event_is_noise_or_heading() -> None:
    clashes = []
    for name, span in _gold_spans():
        text = (SEEDS / name).read_text(encoding="utf-8")
        for found in [*noise_spans(text), *heading_spans(text)]:
            if found.overlaps(span):
                clashes.append((name, found.of(text), span.of(text)))
    assert clashes == []


# --- dates on their own line ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("November 24, 2025", DateLine(datetime.date(2025, 11, 24))),
        ("Nov. 24, 2025", DateLine(datetime.date(2025, 11, 24))),
        ("24 November 2025", DateLine(datetime.date(2025, 11, 24))),
        ("2025-11-24", DateLine(datetime.date(2025, 11, 24))),
        ("Published: 3 March 2024", DateLine(datetime.date(2024, 3, 3))),
        ("Updated 10:31 AM EST, Tue March 5, 2024", DateLine(datetime.date(2024, 3, 5))),
        ("Fri 26 Jan 2024 13.04 GMT", DateLine(datetime.date(2024, 1, 26))),
        ("Monday, 4th of March, 2024 at 9:00 am", DateLine(datetime.date(2024, 3, 4))),
        ("First published on Tue 5 Mar 2024 06.00 GMT", DateLine(datetime.date(2024, 3, 5))),
        ("24.11.2025", DateLine(datetime.date(2025, 11, 24))),
        ("Posted 11/24/2025 at 9:15 p.m.", DateLine(datetime.date(2025, 11, 24))),
        ("24/11/2025", DateLine(datetime.date(2025, 11, 24))),
        ("5/3/2024", DateLine(datetime.date(2024, 5, 3))),  # month first, as extract.dates reads it
        ("March 5, 2024 10:31 AM GMT+1Updated 2 hours ago", DateLine(datetime.date(2024, 3, 5))),
        ("March 3", DateLine(None)),
        ("February 30, 2024", None),  # no day, for the events either
        ("On November 23, 2025, talks began.", None),
        ("Talks end March 3", None),
        ("Late October 2025", None),
        ("The meeting", None),
    ],
)
def test_date_line(line: str, expected: DateLine | None) -> None:
    assert date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Published: 5/3/2024",
        "Posted 11/24/2025 at 9:15 p.m.",
        "24.11.2025",
        "Updated 10:31 AM EST, Tue March 5, 2024",
        "Monday, 4th of March, 2024 at 9:00 am",
        "Fri 26 Jan 2024 13.04 GMT",
        "2025-11-24T10:00:00Z",
    ],
)
def test_a_date_line_reads_its_date_as_the_events_do(line: str) -> None:
    """One date grammar: a page's publication date is the day extract.dates reads in its line."""
    (day,) = [
        m.interval
        for m in find_dates(line)
        if m.interval.precision is Precision.DAY and not m.relative  # not a clock time
    ]
    assert published_on(line) == day.first == day.last


def test_split_lines_strips_markdown_and_skips_blank_lines() -> None:
    text = "## Heading\n\n   \n> A quoted line\n — \n*By Jane Doe*"
    assert [(line.span.of(text), line.text, line.words) for line in split_lines(text)] == [
        ("## Heading", "Heading", 1),
        ("> A quoted line", "A quoted line", 3),
        ("*By Jane Doe*", "By Jane Doe", 3),
    ]


@pytest.mark.parametrize(
    "path",
    sorted([*SEEDS.glob("*.txt"), *DATA.glob("*.txt"), *DATA.glob("*.md")]),
    ids=lambda path: path.name,
)
def test_noise_and_headings_are_disjoint_whole_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    noise, headings = noise_spans(text), heading_spans(text)
    lines = {Span(start, start + len(line)) for start, line in _line_starts(text)}
    assert set(noise) <= lines and set(headings) <= lines
    assert not set(noise) & set(headings)
    assert noise == sorted(noise) and headings == sorted(headings)


def _line_starts(text: str) -> list[tuple[int, str]]:
    result, start = [], 0
    for line in text.split("\n"):
        result.append((start, line))
        start += len(line) + 1
    return result


# Invented lines, some with the glued joints and marks the quick tests look for.
_PREFILTER_LINES = [
    "Weather desk",
    "About usContact usNewsletter",
    "abCdeFg",
    "Posted 10:31 AM BST+1Updated 3 hours ago",
    "2031-04-07T09:15Z",
    "Filed 7T12:",
    "Home › Gardens › Ponds",
    "Tallow – Candles that last.",
    "The quay reopens on 4 March 2031.",
    "eBay iPhone",
    "Sign up for the harbour briefing",
    "The tide newsletter lands in your inbox at six.",
    "Designers follow the plan closely.",
]


@pytest.mark.parametrize("line", _PREFILTER_LINES)
def test_quick_tests_find_every_line_their_patterns_match(line: str) -> None:
    """Each substring test or hint pattern that spares a slow pattern on most lines finds
    every line that pattern matches."""
    assert bool(boilerplate._GLUE_HINT.search(line)) == bool(boilerplate._DATE_GLUE.search(line))
    assert bool(boilerplate._MENU_HINT.search(line)) == bool(boilerplate._MENU_JOINT.search(line))
    if boilerplate._BREADCRUMB.match(line):
        assert any(mark in line for mark in boilerplate._PATH_MARKS)
    if boilerplate._PRODUCT_AD.match(line):
        assert any(dash in line for dash in boilerplate._AD_DASHES)
    if boilerplate._SIGN_UP.search(line):
        assert boilerplate._SIGN_UP_OPENER.match(line) or boilerplate._NEWSLETTER_WORD.search(line)


def test_every_noise_hint_holds_one_of_the_hints_tested_first() -> None:
    hints = (
        *boilerplate._COPYRIGHT_HINTS,
        *boilerplate._SIGN_UP_HINTS,
        *boilerplate._CREDIT_HINTS,
        "cookie",
    )
    assert all(any(kept in hint for kept in boilerplate._ANY_HINT) for hint in hints)
    assert len(boilerplate._ANY_HINT) < len(set(hints))
