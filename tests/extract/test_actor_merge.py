"""merge_actors: one corpus actor per real-world actor, ids in order of first mention."""

import pytest

from extract.actor_merge import merge_actors
from extract.model import Actor, ActorKind, Span

P, ORG, C, G = ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY, ActorKind.GROUP


def _actor(key: str, name: str, kind: ActorKind = P, *aliases: str, at: int = 0) -> Actor:
    return Actor(key, name, kind, (name, *aliases), (), (Span(at, at + len(name)),))


def _clusters(per_document) -> list[set[str]]:
    """Names of the document actors that share a corpus id, per corpus actor."""
    corpus, maps, _ = merge_actors(per_document)
    by_id: dict[str, set[str]] = {a.id: set() for a in corpus}
    for actors, mapping in zip(per_document, maps, strict=True):
        for actor in actors:
            by_id[mapping[actor.key]].add(actor.name)
    return list(by_id.values())


@pytest.mark.parametrize(
    "per_document, expected",
    [
        (  # spelling variants of one full name, and the surname alone
            [
                [_actor("p1", "Volodymyr Zelenskyy")],
                [_actor("p1", "Volodymyr Zelensky")],
                [_actor("p1", "Zelensky")],
            ],
            [{"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky"}],
        ),
        (  # two people with one surname stay apart; a bare surname cannot choose
            [
                [_actor("p1", "Anna Berg")],
                [_actor("p1", "Lars Berg")],
                [_actor("p1", "Berg")],
            ],
            [{"Anna Berg"}, {"Lars Berg"}, {"Berg"}],
        ),
        (  # an initial for a given name
            [[_actor("p1", "J. Smith")], [_actor("p1", "John Smith")]],
            [{"J. Smith", "John Smith"}],
        ),
        (  # different given names with similar surnames are two people
            [[_actor("p1", "Mark Jansen")], [_actor("p1", "Maria Janssen")]],
            [{"Mark Jansen"}, {"Maria Janssen"}],
        ),
        (  # countries and organisations by key
            [
                [_actor("country:united states", "United States", C, "US")],
                [_actor("country:united states", "United States", C, "Washington")],
            ],
            [{"United States"}],
        ),
        (  # East Asian names: one family name, given names that differ are two people
            [
                [_actor("p1", "Fong Tak-ming"), _actor("p2", "Fong Sai-mun")],
                [_actor("p1", "Ho Kin-wah")],
                [_actor("p1", "Ho Lai-wah")],
            ],
            [{"Fong Tak-ming"}, {"Fong Sai-mun"}, {"Ho Kin-wah"}, {"Ho Lai-wah"}],
        ),
        (  # a middle initial in one name only is no difference
            [[_actor("p1", "Mara B. Quist")], [_actor("p1", "Mara Quist")]],
            [{"Mara B. Quist", "Mara Quist"}],
        ),
        (  # a person and an organisation with one word in common stay apart
            [[_actor("person:ford", "Ford")], [_actor("org:ford", "Ford", ORG)]],
            [{"Ford"}, {"Ford"}],
        ),
    ],
)
def test_clusters(per_document, expected):
    assert _clusters(per_document) == expected


def test_ids_follow_first_mention_and_canonical_name_is_the_fullest():
    per_document = [
        [_actor("p2", "Trump", at=50), _actor("p1", "Rubio", at=10)],
        [_actor("p1", "Donald Trump", P, "President Trump", at=5)],
    ]
    corpus, maps, _ = merge_actors(per_document)
    assert [(a.id, a.name) for a in corpus] == [("a1", "Rubio"), ("a2", "Donald Trump")]
    assert maps == [{"p1": "a1", "p2": "a2"}, {"p1": "a2"}]
    assert set(corpus[1].aliases) == {"Trump", "Donald Trump", "President Trump"}


def test_actors_are_numbered_by_their_first_document_then_first_mention_there() -> None:
    # The harbour board is named late in document 0 and early in document 1; the ferry
    # company has a member without mentions in document 0, which counts as the start.
    per_document = [
        [
            _actor("o1", "Harbour Board", ORG, at=90),
            Actor("o2", "Ferry Company", ORG, ("Ferry Company",), (), ()),
            _actor("p1", "Ida Wren", at=40),
        ],
        [_actor("o1", "Harbour Board", ORG, at=1), _actor("o2", "Ferry Company", ORG, at=50)],
        [_actor("p1", "Ida Wren", at=0), _actor("p2", "Tove Lark", at=5)],
    ]
    corpus, maps, _ = merge_actors(per_document)
    assert [a.name for a in corpus] == ["Ferry Company", "Ida Wren", "Harbour Board", "Tove Lark"]
    assert maps[1] == {"o1": "a3", "o2": "a1"}
