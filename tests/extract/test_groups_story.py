"""Groups of a story: the people an event is about, named by a plural noun of what they do
("firefighters", "protesters", "strikers"), with or without a qualifier, in one document and
across the documents of a corpus."""

import pytest

from extract.actor_merge import merge_actors
from extract.actors import find_actors
from extract.model import Actor, ActorKind, Span
from extract.segments import blocks

G, C = ActorKind.GROUP, ActorKind.COUNTRY


def _groups(text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in find_actors(text, blocks(text)) if a.kind is ActorKind.GROUP}


@pytest.mark.parametrize(
    "text, groups",
    [
        (  # a bare collective of the story is the one qualified group of its kind
            "Portuguese firefighters fought the blaze near the dunes overnight. By dawn "
            "firefighters had contained it, the mayor said.",
            {"Portuguese firefighters": ("Portuguese firefighters", "firefighters")},
        ),
        (  # at the start of a sentence too, and two nouns of one kind
            "Chilean protesters marched on the ministry. Demonstrators later blocked the "
            "ring road.",
            {"Chilean protesters": ("Chilean protesters", "Demonstrators")},
        ),
        (  # alone, it is a group of its own
            "Strikers gathered at the plant gates before the shift began.",
            {"Strikers": ("Strikers",)},
        ),
        (  # two qualified groups of one kind: a bare one may be either, and stays apart
            "Dutch investigators and Belgian investigators worked apart. Investigators "
            "later found the drive.",
            {
                "Dutch investigators": ("Dutch investigators",),
                "Belgian investigators": ("Belgian investigators",),
                "Investigators": ("Investigators",),
            },
        ),
        (  # a letter that lower-cases to two characters moves no offset
            "İzmir police said rescuers had reached the quarry. Rescuers found two men.",
            {"rescuers": ("rescuers", "Rescuers")},
        ),
        (  # collectives that are no party to the event name other people each time
            "Analysts expect a rate cut. Officials declined to comment and experts disagreed.",
            {},
        ),
        (  # a capitalised noun inside a sentence is a name (a team), no collective
            "The Strikers won at home on Sunday.",
            {},
        ),
    ],
)
def test_story_groups_in_a_document(text, groups):
    assert _groups(text) == groups


def _actor(key: str, name: str, kind: ActorKind) -> Actor:
    return Actor(key, name, kind, (name,), (), (Span(0, len(name)),))


def _clusters(per_document: list[list[Actor]]) -> list[set[str]]:
    corpus, maps, _ = merge_actors(per_document)
    by_id: dict[str, set[str]] = {a.id: set() for a in corpus}
    for actors, mapping in zip(per_document, maps, strict=True):
        for actor in actors:
            by_id[mapping[actor.key]].add(actor.name)
    return [names for names in by_id.values() if any(n[0].islower() for n in names)]


PORTUGAL = _actor("country:portugal", "Portugal", C)
SPAIN = _actor("country:spain", "Spain", C)
BARE = _actor("group::firefighters", "firefighters", G)
PORTUGUESE = _actor("group:Portugal:firefighters", "Portuguese firefighters", G)
SPANISH = _actor("group:Spain:firefighters", "Spanish firefighters", G)


@pytest.mark.parametrize(
    "per_document, expected",
    [
        (  # the one qualified group whose country the bare group's document names
            [[PORTUGAL, BARE], [PORTUGUESE]],
            [{"firefighters", "Portuguese firefighters"}],
        ),
        (  # a document that does not name the country speaks of other firefighters
            [[SPAIN, BARE], [PORTUGUESE]],
            [{"firefighters"}],
        ),
        (  # of two qualified groups, the one whose country the document names
            [[SPAIN, BARE], [PORTUGUESE], [SPANISH]],
            [{"firefighters", "Spanish firefighters"}],
        ),
        (  # bare groups of two documents are one only through the qualified group
            [[PORTUGAL, BARE], [PORTUGUESE], [SPAIN, BARE]],
            [{"firefighters", "Portuguese firefighters"}, {"firefighters"}],
        ),
        (  # a document naming both countries cannot choose
            [[SPAIN, PORTUGAL, BARE], [PORTUGUESE], [SPANISH]],
            [{"firefighters"}],
        ),
    ],
)
def test_story_groups_across_documents(per_document, expected):
    assert _clusters(per_document) == expected


def test_a_joined_story_group_goes_by_its_qualified_name():
    corpus, _, _ = merge_actors([[PORTUGAL, BARE], [PORTUGUESE], [PORTUGAL, BARE]])
    (group,) = [a for a in corpus if a.kind is G]
    assert group.name == "Portuguese firefighters"


def test_the_parties_of_a_trial_and_of_a_company_vote_are_story_groups():
    text = (
        "Prosecutors said the ferry operator ignored two warnings. Later prosecutors asked "
        "for a fine. Shareholders rejected the merger on Friday; shareholders had been split."
    )
    assert _groups(text) == {
        "Prosecutors": ("Prosecutors", "prosecutors"),
        "Shareholders": ("Shareholders", "shareholders"),
    }
