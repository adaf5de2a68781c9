"""The actor book: one structure for a document's actors, and articles that once broke it.

Each article below has the shape of one that failed with KeyError: a speaker only an attribution
names came into the quote reader's actor list but not into its separate table of roles, and the
next "the <role> said" read that table for it. Every shape is written here on another topic.
"""

import pytest

from extract.book import ActorBook, organisation_key, person_key, role_key
from extract.model import Actor, ActorKind, Span
from extract.pipeline import extract_text


def _check(text: str) -> dict[str, str | None]:
    """Extraction of `text` with exact citations; quoted words -> speaker's name."""
    extraction = extract_text("article.txt", text)
    names = {a.key: a.name for a in extraction.actors}
    for quote in extraction.quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
        assert quote.speaker is None or quote.speaker in names
    for actor in extraction.actors:
        for mention in actor.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
    return {q.text: names.get(q.speaker) if q.speaker else None for q in extraction.quotes}


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (  # a surname named only by attributions, split around its verb, then a role
            "The hearing ran late into the evening.\n\n"
            "“Your honour,” Okonkwo said, “we object to this witness.” The court adjourned.\n\n"
            "“We will appeal the ruling,” the defence lawyer said.",
            "We will appeal the ruling,",
            "defence lawyer",
        ),
        (  # a given name, a middle initial and a surname after the verb, then the role alone
            '"The bridge is safe for lorries," said Marta J. Kowalczyk, the city engineer.\n\n'
            '"We checked every cable twice," the engineer said.',
            "We checked every cable twice,",
            None,  # the engineer is Kowalczyk or a role of its own: not asserted
        ),
        (  # a capitalised adjective before a reporting noun, then a spokesman
            "Critics rejected Liberal claims of “major savings” in the health budget.\n\n"
            "“It is fiction,” a party spokesman said on Tuesday.",
            "It is fiction,",
            "party spokesman",
        ),
        (  # a writer "of" a publication, then a mayor
            "Anna Berg of The Tribune wrote, “This is the end of the tram line.”\n\n"
            "“We disagree with every word,” the mayor said.",
            "We disagree with every word,",
            "mayor",
        ),
        (  # an abbreviated title the finder does not read, then a spokesman
            "In the spring issue of a trade magazine, Pres. Halvorsen admits the merger failed.\n\n"
            "“It was a mistake,” a ministry spokesman said.",
            "It was a mistake,",
            "ministry spokesman",
        ),
        (  # a possessive, a place and a role apposed to a name, then the role again
            "In early October, Acme’s Ohio sales director, Dana Pruitt, told staff that the plant "
            "was “finished for good.”\n\n“Nothing has changed,” the sales director said.",
            "Nothing has changed,",
            None,  # Pruitt, or the role of its own: not asserted
        ),
    ],
)
def test_a_speaker_named_only_by_an_attribution_never_breaks_the_article(text, words, speaker):
    found = _check(text)
    assert words in found
    if speaker is not None:
        assert found[words] == speaker


def test_the_book_answers_for_an_actor_added_late():
    book = ActorBook(
        [Actor("person:ada lind", "Ada Lind", ActorKind.PERSON, mentions=(Span(0, 8),))]
    )
    key = book.person("Brafstad", Span(40, 48))
    assert key == person_key("Brafstad")
    assert book.role_words(key) == []
    assert book.name(key) == "Brafstad"
    assert [m.key for m in book.mentions_in(0, 100)] == ["person:ada lind", key]
    role = book.add(role_key("the chief judge"[4:]), "chief judge", ActorKind.GROUP, Span(60, 71))
    assert role == "role:chief judge"
    assert book.role_words(role) == [["chief", "judge"]]
    assert [a.key for a in book.actors()] == ["person:ada lind", key, role]


def test_a_surname_alone_is_the_person_last_named_with_it():
    actors = [
        Actor("person:ada lind", "Ada Lind", ActorKind.PERSON, mentions=(Span(0, 8),)),
        Actor("person:per lind", "Per Lind", ActorKind.PERSON, mentions=(Span(20, 28),)),
    ]
    book = ActorBook(actors)
    assert book.person("Lind", Span(40, 44)) == "person:per lind"
    assert book.person("Lind", Span(10, 14)) == "person:ada lind"
    assert book.person("Ada Lind", Span(50, 58)) == "person:ada lind"
    assert book.spans("person:per lind") == [Span(20, 28), Span(40, 44)]


def test_keys_are_built_in_one_place():
    assert person_key("Zoe Ng") == person_key("zoe ng") == "person:zoe ng"
    assert organisation_key("The Acme Corp.") != organisation_key("Acme Corp.")
    assert role_key("Chief  Judge") == "role:chief judge"
