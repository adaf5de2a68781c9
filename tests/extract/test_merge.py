"""Items reported by several documents become one item with one citation per document."""

from extract.pipeline import extract_text, merge

WIRE = (
    "Port strike ends\n"
    "March 14, 2024\n"
    "Dockworkers at the port of Antwerp ended their strike on March 12, 2024, after "
    "union leader Anna de Vries accepted a wage offer.\n"
    "“We got what we came for,” de Vries told reporters.\n"
    "Shipping companies expect a backlog until April 2024.\n"
)
BLOG = (
    "Antwerp dockers go back to work\n"
    "March 15, 2024\n"
    "On March 12, 2024, dockworkers in Antwerp ended their strike after union leader "
    "Anna de Vries accepted the wage offer.\n"
    "“We got what we came for!” said de Vries.\n"
    "A ferry line cancelled sailings on March 12, 2024, citing fog in the estuary.\n"
)


def test_the_same_event_and_quote_from_two_outlets_merge_with_a_citation_each():
    docs = [extract_text("wire.txt", WIRE), extract_text("blog.txt", BLOG)]
    corpus = merge(docs)
    texts = {d.id: d.document.text for d in corpus.documents}
    strike = [e for e in corpus.events if "strike" in e.summary]
    assert len(strike) == 1
    assert [c.document for c in strike[0].citations] == ["d1", "d2"]
    for item in (*corpus.events, *corpus.quotes):
        for citation in item.citations:
            assert citation.span.of(texts[citation.document]) == citation.text
    (quote,) = corpus.quotes
    assert [c.text for c in quote.citations] == [
        "We got what we came for,",
        "We got what we came for!",
    ]
    speaker = next(a for a in corpus.actors if a.id == quote.speaker)
    assert speaker.name == "Anna de Vries"


def test_different_statements_on_the_same_day_stay_apart():
    corpus = merge([extract_text("wire.txt", WIRE), extract_text("blog.txt", BLOG)])
    same_day = [e for e in corpus.events if e.date.first.isoformat() == "2024-03-12"]
    assert len(same_day) == 2
    assert sorted(len(e.citations) for e in same_day) == [1, 2]


def test_two_entries_of_one_document_never_merge():
    text = "- March 3, 2024: Talks open in Vienna.\n- March 3, 2024: Talks open in Vienna.\n"
    corpus = merge([extract_text("one.txt", text)])
    assert len(corpus.events) == 2
    assert all(len(e.citations) == 1 for e in corpus.events)


def test_documents_are_numbered_in_order_and_events_by_date():
    corpus = merge([extract_text("wire.txt", WIRE), extract_text("blog.txt", BLOG)])
    assert [d.id for d in corpus.documents] == ["d1", "d2"]
    firsts = [e.date.first for e in corpus.events]
    assert firsts == sorted(firsts)


def _ids(corpus) -> dict[str, str]:
    """Each event's and quote's id by its first citation's text."""
    return {item.citations[0].text: item.id for item in (*corpus.events, *corpus.quotes)}


def test_items_keep_their_ids_whatever_other_documents_come_and_go():
    wire, blog = extract_text("wire.txt", WIRE), extract_text("blog.txt", BLOG)
    alone = _ids(merge([wire]))
    with_blog = merge([wire, blog])
    assert _ids(with_blog).items() >= alone.items()  # the wire's items, merged or not
    edited = extract_text("blog.txt", BLOG.replace("fog", "thick fog"))
    assert _ids(merge([wire, edited])).items() >= alone.items()
    assert _ids(merge([extract_text("wire.txt", WIRE)])) == alone  # extracted again
    ids = [item.id for item in (*with_blog.events, *with_blog.quotes)]
    assert len(set(ids)) == len(ids)
    assert all(i[0] in "eq" and len(i) == 13 for i in ids)


def test_an_edit_changes_the_ids_of_the_items_whose_words_it_changes_only():
    before = _ids(merge([extract_text("wire.txt", WIRE)]))
    edited = WIRE.replace("port of Antwerp", "port of Ghent") + "Cranes stood idle.\n"
    after = _ids(merge([extract_text("wire.txt", edited)]))
    quote = "We got what we came for,"
    assert after[quote] == before[quote]
    strike = next(text for text in before if "Antwerp ended" in text)
    assert before[strike] not in after.values()
