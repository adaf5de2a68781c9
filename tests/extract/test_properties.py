"""Whatever the text, extraction returns, and every citation is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_document, extract_text, merge
from extract.reading import UnreadableText

# Text built from news-like pieces and hostile ones: quotes of every kind, dates, names,
# control characters, unbalanced and nested marks.
PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "—",
        " — ",
        "\n",
        "\n\n",
        "- ",
        "• ",
        " ",
        ". ",
        ", ",
        "said",
        " he added",
        "according to",
        "President",
        "Jane Okafor",
        "Okafor",
        "@handle",
        "(@jane_ok)",
        "November 23, 2025",
        "14-19 March 2024",
        "late 2025",
        "since 2014",
        "on Thursday",
        "last week",
        "2022",
        "Nov.",
        "U.S.",
        "Related:",
        "\x00",
        "\x1b[31m",
        "\u202e",
        "\ufeff",
        "\r\n",
        "\r",
        "😀",
        "ـ",
        "Ω",
        "<p>",
        "</div>",
        "&amp;",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=80).map("".join),
)


def check(extraction) -> None:
    text = extraction.document.text
    for event in extraction.events:
        assert event.span.of(text) == event.text
        assert event.date.span.of(text) == event.date.text
        assert event.date.interval.first <= event.date.interval.last
    for quote in extraction.quotes:
        assert quote.span.of(text) == quote.text
    keys = {a.key for a in extraction.actors}
    for actor in extraction.actors:
        for mention in actor.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
    assert {k for e in extraction.events for k in e.actors} <= keys
    assert {q.speaker for q in extraction.quotes} - {None} <= keys


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_yields_exact_citations(text):
    extraction = extract_text("generated.txt", text)
    check(extraction)
    corpus = merge([extraction, extract_text("again.txt", text)])
    for item in (*corpus.events, *corpus.quotes):
        for citation in item.citations:
            assert citation.span.of(text) == citation.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.md"]))
def test_any_bytes_are_read_or_refused_clearly(data, name):
    try:
        extraction = extract_document(name, data)
    except UnreadableText as error:
        assert str(error) and "\n" not in str(error)
    else:
        check(extraction)


def test_a_one_megabyte_line():
    line = "The minister said “we will rebuild” on March 3, 2024, and Okafor agreed. " * 14_000
    extraction = extract_text("long.txt", line[: 2**20])
    check(extraction)
    assert extraction.events and extraction.quotes
