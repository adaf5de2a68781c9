"""A page dump's title, publisher, publication date and address."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from extract.boilerplate import noise_spans
from extract.metadata import Metadata, find_metadata
from extract.reading import html_to_article
from tests.shared import shared

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data" / "reading"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_metadata_matches_gold(seed: Path) -> None:
    documents = json.loads(shared("eval/seeds/gold.json").read_text(encoding="utf-8"))["documents"]
    gold = next(document for document in documents if document["file"] == seed.name)
    text = seed.read_text(encoding="utf-8")
    published = gold["published"] and datetime.date.fromisoformat(gold["published"])
    assert find_metadata(text) == Metadata(
        title=gold["title"], publisher=gold["publisher"], published=published, url=gold["url"]
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "wire_story.txt",
            Metadata(
                title="Europe's grid operators agree emergency power-sharing deal after cold snap",
                publisher="Reuters",
                published=datetime.date(2024, 3, 4),
                url=None,
            ),
        ),
        (
            "blog_post.md",
            Metadata(
                title="Why container rates doubled in a single month",
                publisher="The Harbour Ledger",
                published=datetime.date(2024, 1, 12),
                url=None,
            ),
        ),
        (
            "live_blog.txt",
            Metadata(
                title="Live: Artemis crew returns to Earth after lunar flyby",
                publisher=None,
                published=datetime.date(2024, 3, 5),
                url=None,
            ),
        ),
        (
            "broadcaster_page.txt",
            Metadata(
                title="Chile's president signs pension reform into law",
                publisher="Northern Star News",
                published=None,  # "Published 3 hours ago": no date to resolve it against
                url=None,
            ),
        ),
        (
            "newspaper_page.txt",
            Metadata(
                title="Kenyan court blocks deployment of police officers to Haiti",
                publisher=None,  # only in the menu line "The Guardian - Back to homeThe Guardian"
                published=datetime.date(2024, 1, 26),
                url=None,
            ),
        ),
        (
            "agency_page.txt",
            Metadata(
                title="Ukraine says it shot down 30 drones overnight",
                publisher="Reuters",  # from the dateline "KYIV, March 5 (Reuters) -"
                published=datetime.date(2024, 3, 5),
                url=None,
            ),
        ),
    ],
)
def test_fixture_metadata(name: str, expected: Metadata) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert find_metadata(text) == expected
    assert find_metadata(text, noise=noise_spans(text)) == expected


def test_html_page_text_and_metadata_agree() -> None:
    article = html_to_article((DATA / "news_page.html").read_text(encoding="utf-8"))
    found = find_metadata(article.text)
    assert found.title == article.title == "Drought forces Panama Canal to cut daily crossings"
    assert noise_spans(article.text) == []  # trafilatura left no furniture behind


BODY = (
    "The regional parliament voted by a large majority to approve the new budget on Tuesday,"
    " ending weeks of talks between the governing parties and the opposition.\n"
    "Critics said the spending cuts would fall hardest on rural districts and small towns.\n"
)


@pytest.mark.parametrize(
    "head, expected",
    [
        # the first line is prose: no title, and its date is not a publication date
        (
            "On March 3, 2024, the regional parliament met in an emergency session that lasted"
            " late into the night to discuss the budget crisis.\n",
            Metadata(),
        ),
        (
            "Geneva: The foreign minister has announced that the talks made progress on the"
            " plan, which aims to end the border dispute.\n",
            Metadata(),
        ),
        # a kicker above the headline is skipped for the longer line
        (
            "Politics\nBudget passes after weeks of late-night talks\n",
            Metadata(title="Budget passes after weeks of late-night talks"),
        ),
        # "Headline | Site", as saved from a page's title bar
        (
            "Budget passes after weeks of talks | The Valley Times\n",
            Metadata(title="Budget passes after weeks of talks", publisher="The Valley Times"),
        ),
        # a byline naming the outlet, a date line with a label
        (
            "Budget passes after weeks of talks\nBy Ana Ruiz, The Valley Times\n"
            "Published: 5 March 2024, 10:31 GMT\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="The Valley Times",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        # a byline with a role is not an outlet; a date among byline items
        (
            "Budget passes after weeks of talks\n"
            "By Ana Ruiz, Political Correspondent | 5 Mar 2024 · 4 min read\n",
            Metadata(
                title="Budget passes after weeks of talks", published=datetime.date(2024, 3, 5)
            ),
        ),
        # a wire dateline names the agency, and dates the story when it gives the year
        (
            "Budget passes after weeks of talks\nMADRID, March 5, 2024 (Reuters) - The regional"
            " parliament approved the budget on Tuesday after weeks of talks, officials said.\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="Reuters",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        (
            "Budget passes after weeks of talks\nMADRID, March 5 (AP) — The regional parliament"
            " approved the budget on Tuesday after weeks of talks, officials said on Tuesday.\n",
            Metadata(title="Budget passes after weeks of talks", publisher="AP"),
        ),
        # a site line with a tagline above the headline
        (
            "Valleywire — Local news that matters\n\nBudget passes after weeks of talks\n",
            Metadata(title="Budget passes after weeks of talks", publisher="Valleywire"),
        ),
        # a date line below the standfirst
        (
            "Budget passes after weeks of talks\n"
            "The vote ends a long stand-off between the parties, but the opposition says the"
            " cuts go too far.\n"
            "2024-03-05\n",
            Metadata(
                title="Budget passes after weeks of talks", published=datetime.date(2024, 3, 5)
            ),
        ),
        # the outlet's name on its own line between the headline and the byline
        (
            "Budget passes after weeks of talks\n\nThe Harrow Ledger\nBy Ana Ruiz\n"
            "Tuesday, March 5, 2024\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="The Harrow Ledger",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        (
            "Budget passes after weeks of talks\nHarrow Ledger\n5 March 2024\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="Harrow Ledger",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        # a live page: the first entry's heading below is no headline
        (
            "LIVE: Budget passes after weeks of talks\nHarrow Ledger Online\n"
            "Live updates, Tuesday, March 5, 2024\n\n10:05 a.m.\n"
            "Opposition walks out before the final vote\n",
            Metadata(
                title="LIVE: Budget passes after weeks of talks",
                publisher="Harrow Ledger Online",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        # a byline led by the author's beat, or by the kind of piece
        (
            "Budget passes after weeks of talks\nThe Harrow Ledger\nCourt reporter: Ana Ruiz\n"
            "March 5, 2024\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="The Harrow Ledger",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        (
            "Budget passes after weeks of talks\nThe Harrow Ledger\nAnalysis by Ana Ruiz\n"
            "March 5, 2024\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="The Harrow Ledger",
                published=datetime.date(2024, 3, 5),
            ),
        ),
        # a date after "published" on a line that names the piece
        (
            "Budget passes after weeks of talks\nHarrow Radio — Morning Briefing, episode 12\n"
            "Transcript, published March 5, 2024\n",
            Metadata(
                title="Budget passes after weeks of talks",
                publisher="Harrow Radio",
                published=datetime.date(2024, 3, 5),
            ),
        ),
    ],
)
def test_metadata_from_the_top(head: str, expected: Metadata) -> None:
    assert find_metadata(head + BODY) == expected


@pytest.mark.parametrize(
    "tail, expected",
    [
        (
            "Source reference: https://news.example/budget-passes.",
            "https://news.example/budget-passes",
        ),
        ("Source: https://news.example/a?id=3", "https://news.example/a?id=3"),
        ("Originally published at https://blog.example/post-1", "https://blog.example/post-1"),
        (
            "This article was originally published on https://blog.example/post-2.",
            "https://blog.example/post-2",
        ),
        ("Canonical URL: https://news.example/c", "https://news.example/c"),
        # links inside embedded posts are not the page's address
        ("Thank you all https://t.co/AbC123\n— Ana Ruiz (@anaruiz) March 5, 2024", None),
        ("Read the minister's statement at https://gov.example/statement", None),
    ],
)
def test_url(tail: str, expected: str | None) -> None:
    assert find_metadata(f"Budget passes\n{BODY}{tail}\n").url == expected


def test_copyright_names_the_publisher_even_at_the_bottom() -> None:
    text = f"Budget passes after weeks of talks\n{BODY}Copyright © 2024 Valley Times Ltd.\n"
    assert find_metadata(text).publisher == "Valley Times"


STANDFIRST = (
    "The vote ends a long stand-off between the parties, but the opposition says the cuts go"
    " too far.\n"
)


@pytest.mark.parametrize(
    "head, foot, expected",
    [
        # a masthead, a menu between dots, a kicker; the copyright holder adds a company word
        (
            "THE VALLEY TIMES\nNews · Opinion · Long Reads · Podcasts\n\nANALYSIS\n\n"
            f"Budget passes after weeks of talks\n\n{STANDFIRST}",
            "© 2024 The Valley Times Media Group. All rights reserved.",
            Metadata(title="Budget passes after weeks of talks", publisher="The Valley Times"),
        ),
        # a site tagline under "Skip to main content" and above a menu is not the headline
        (
            "Skip to main content\nIndependent journalism for the valley since 1887\nHome\nNews\n"
            "Sport\nOpinion\nPolitics\nBudget passes after weeks of talks\nBy Ana Ruiz\n",
            "",
            Metadata(title="Budget passes after weeks of talks"),
        ),
        (
            "Exclusive news and analysis for energy traders\nHome | Markets | Power | Oil\n"
            "Budget passes after weeks of talks\n5 March 2024 10:00 GMT\n",
            "",
            Metadata(
                title="Budget passes after weeks of talks", published=datetime.date(2024, 3, 5)
            ),
        ),
        # company words come off a copyright holder's name, one after another
        (
            "Budget passes after weeks of talks\n",
            "© 2024 Valley Times Holdings Ltd",
            Metadata(title="Budget passes after weeks of talks", publisher="Valley Times"),
        ),
        # the masthead line names the outlet the copyright holder's name starts with
        (
            "Valley Times\nBudget passes after weeks of talks\n",
            "© 2024 Valley Times Media Ltd",
            Metadata(title="Budget passes after weeks of talks", publisher="Valley Times"),
        ),
        (
            "Budget passes after weeks of talks\n",
            "Copyright © 2024 Harbour Media Group plc. All rights reserved.",
            Metadata(title="Budget passes after weeks of talks", publisher="Harbour"),
        ),
    ],
)
def test_metadata_of_a_page(head: str, foot: str, expected: Metadata) -> None:
    text = f"{head}{BODY}{foot}\n"
    assert find_metadata(text) == expected


KEEPERS = (
    "The trust that owns the station said on Monday that two keepers would live there again from"
    " the spring, the first since the light was automated in 1985.\n"
    "Local fishermen welcomed the news.\n"
)


@pytest.mark.parametrize(
    "head, title",
    [
        # a headline is a headline whether or not it ends in a full stop
        (
            "Lighthouse keepers return to Skerry Point after forty years.\n\n",
            "Lighthouse keepers return to Skerry Point after forty years",
        ),
        (
            "Lighthouse keepers return to Skerry Point after forty years.\n",
            "Lighthouse keepers return to Skerry Point after forty years",
        ),
        ("U.S. trust buys Skerry Point light.\n\n", "U.S. trust buys Skerry Point light"),
        ("Keepers return to Skerry Point\n\n", "Keepers return to Skerry Point"),
        # the first line is a sentence of the body: it runs on into more short lines
        (
            "The ferry to Skerry Point was cancelled again on Monday.\nHarbour staff blamed the"
            " wind.\n",
            None,
        ),
        # two sentences, or an ellipsis, are not a headline
        ("Ferries stopped for a week. The island waits for calm seas.\n\n", None),
        ("And then the light went out again...\n\n", None),
    ],
)
def test_a_first_line_ending_in_a_full_stop(head: str, title: str | None) -> None:
    assert find_metadata(head + KEEPERS).title == title
