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


# --- news-shaped text built from parts ------------------------------------------------------------

# Invented people: given names, surnames, titles and roles, places, organisations.
_GIVEN = ["Ilse", "Tomasz", "Amara", "Joon", "Bob", "Lindsey"]
_SURNAMES = ["Vark", "Okonkwo", "Delacroix-Ruiz", "Brandt", "O'Neill", "de Wit"]
_TITLES = ["Senator", "Gov.", "Pres.", "Dr.", "Mayor", "Judge", "Ms", "Chief Executive"]
_ROLES = ["the governor", "a spokeswoman", "the mayor", "the company's lawyer", "an aide"]
_PLACES = ["Ohio", "New Harbor", "Lagos", "the Nation", "Virginia"]
_ORGS = ["Acme Corp.", "the Tribune", "Harbor Workers' Union", "the ministry", "ESA"]
_VERBS = ["said", "told reporters", "added", "wrote", "claims", "insisted", "noted"]
_PRONOUNS = ["He", "She", "They", "It", "his", "her"]
_SAID = ["“We will not back down,”", '"It is over,"', "``Ready,''", "‘fine’", '"yes"']

_NAMES = st.builds(
    lambda given, surname, initial: f"{given} {initial}{surname}",
    st.sampled_from(_GIVEN),
    st.sampled_from(_SURNAMES),
    st.sampled_from(["", "J. ", "O. "]),
)
_NAMED = st.one_of(
    _NAMES,
    st.sampled_from(_SURNAMES),  # a surname repeated alone
    st.sampled_from(_GIVEN),  # a first name alone
    st.builds(lambda t, n: f"{t} {n}", st.sampled_from(_TITLES), _NAMES),  # "Senator X"
    st.sampled_from(_ROLES),  # "the governor"
    st.builds(  # an apposition: "X, the mayor of Y,"
        lambda n, r, p: f"{n}, {r} of {p},",
        _NAMES,
        st.sampled_from(_ROLES),
        st.sampled_from(_PLACES),
    ),
    st.builds(lambda n: f"{n}'s", _NAMES),  # a possessive
    st.builds(  # a list: "A, B and C"
        lambda a, b, c: f"{a}, {b} and {c}", _NAMES, st.sampled_from(_SURNAMES), _NAMES
    ),
    st.builds(lambda n, o: f"{n} of {o}", _NAMES, st.sampled_from(_ORGS)),
    st.sampled_from(_PRONOUNS),
    st.sampled_from(_ORGS),
    st.builds(
        lambda o, p, r: f"{o}’s {p} {r[4:] if r.startswith('the ') else r}",
        st.sampled_from(_ORGS),
        st.sampled_from(_PLACES),
        st.sampled_from(_ROLES),
    ),
)
_SENTENCE = st.one_of(
    st.builds(
        lambda q, v, n: f"{q} {v} {n}.", st.sampled_from(_SAID), st.sampled_from(_VERBS), _NAMED
    ),
    st.builds(
        lambda q, n, v: f"{q} {n} {v}.", st.sampled_from(_SAID), _NAMED, st.sampled_from(_VERBS)
    ),
    st.builds(
        lambda n, v, q: f"{n} {v}, {q}", _NAMED, st.sampled_from(_VERBS), st.sampled_from(_SAID)
    ),
    st.builds(
        lambda n, v, q: f"{n} {v} that the plan was {q}.",
        _NAMED,
        st.sampled_from(_VERBS),
        st.sampled_from(_SAID),
    ),
    st.sampled_from(_SAID),  # a quote with no attribution
    st.builds(lambda q: f"{q[:-1]}\n{q[-1]}", st.sampled_from(_SAID)),  # across a line break
    st.builds(
        lambda n, p: f"{n} met officials in {p} on Monday.", _NAMED, st.sampled_from(_PLACES)
    ),
    st.builds(lambda n: f"{n.upper()}: We are ready.", st.sampled_from(_SURNAMES)),  # transcript
)
ARTICLE_TEXTS = st.lists(
    st.tuples(_SENTENCE, st.sampled_from([" ", " ", "\n\n", "\n"])), min_size=1, max_size=14
).map(lambda parts: "".join(s + gap for s, gap in parts))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXTS)
def test_news_shaped_text_never_fails_and_cites_exactly(text):
    extraction = extract_text("shaped.txt", text)
    check(extraction)
