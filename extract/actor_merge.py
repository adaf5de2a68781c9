"""One corpus actor per real-world actor across documents.

Organisations, countries and role holders merge by their document keys (which already fold
"U.S." into "US" and capitals into countries). Groups merge by key too; a bare story group
("negotiators") joins the one qualified group of its class in the corpus ("US and Ukrainian
negotiators"). Persons merge by full name, by spelling variants of one full name (Zelensky /
Zelenskyy, with the same given name), and a surname alone ("Trump") joins the one full name that
ends with it. Two people with the same surname and different given names stay apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from extract.model import Actor, ActorKind, CorpusActor
from extract.vocabulary import STORY_GROUP_CLASSES, fold

__all__ = ["merge_actors"]

_SPELLING = 88  # rapidfuzz ratio of two surnames that are one name spelt two ways


def merge_actors(
    per_document: Sequence[Sequence[Actor]],
) -> tuple[list[CorpusActor], list[dict[str, str]]]:
    """Corpus actors with ids a1, a2, ... in order of first mention, and per document a map
    from local Actor.key to CorpusActor.id."""
    items = [(d, a) for d, actors in enumerate(per_document) for a in actors]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_key: dict[str, int] = {}
    for i, (_, actor) in enumerate(items):
        if actor.kind is not ActorKind.PERSON:
            union(i, by_key.setdefault(actor.key, i))
    _join_story_groups(items, by_key, union)
    _join_persons(items, union, find)

    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(find(i), []).append(i)
    ordered = sorted(clusters.values(), key=lambda members: _first(items, members))
    corpus: list[CorpusActor] = []
    maps: list[dict[str, str]] = [{} for _ in per_document]
    for number, members in enumerate(ordered, start=1):
        actor_id = f"a{number}"
        actors = [items[i][1] for i in members]
        corpus.append(_corpus_actor(actor_id, actors))
        for i in members:
            maps[items[i][0]][items[i][1].key] = actor_id
    return corpus, maps


def _first(items: Sequence[tuple[int, Actor]], members: list[int]) -> tuple[int, int]:
    return min(
        (items[i][0], min((m.start for m in items[i][1].mentions), default=0)) for i in members
    )


def _join_story_groups(items, by_key: dict[str, int], union) -> None:
    """A bare "negotiators" joins the only qualified group of negotiators, if there is one."""
    for key, i in list(by_key.items()):
        if not key.startswith("group::"):
            continue
        noun_class = key.rsplit(":", 1)[-1]
        if noun_class not in STORY_GROUP_CLASSES:
            continue
        qualified = {
            k
            for k in by_key
            if k.startswith("group:") and k != key and k.endswith(":" + noun_class)
        }
        if len(qualified) == 1:
            union(i, by_key[qualified.pop()])


def _join_persons(items, union, find) -> None:
    persons = [i for i, (_, a) in enumerate(items) if a.kind is ActorKind.PERSON]
    full = [i for i in persons if len(_words(items[i][1].name)) > 1]
    single = [i for i in persons if len(_words(items[i][1].name)) == 1]
    by_name: dict[str, int] = {}
    for i in full:
        union(i, by_name.setdefault(" ".join(_words(items[i][1].name)), i))
    names = list(by_name.items())
    for x, (name_a, i) in enumerate(names):
        for name_b, j in names[x + 1 :]:
            if _same_person(name_a.split(), name_b.split()):
                union(i, j)
    for i in single:
        surname = _words(items[i][1].name)[0]
        roots = {find(j) for j in full if _same_surname(surname, _words(items[j][1].name)[-1])}
        if len(roots) == 1:
            union(i, roots.pop())
        elif not roots:
            for j in single:
                if j != i and _words(items[j][1].name)[0] == surname:
                    union(i, j)


def _words(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def _same_surname(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= _SPELLING)


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same given name (or initial), surnames spelt alike."""
    if not _same_surname(a[-1], b[-1]):
        return False
    given_a, given_b = a[0], b[0]
    if given_a == given_b:
        return True
    return (len(given_a) == 1 or len(given_b) == 1) and given_a[0] == given_b[0]


def _corpus_actor(actor_id: str, actors: list[Actor]) -> CorpusActor:
    kind = Counter(a.kind for a in actors).most_common(1)[0][0]
    names = Counter(a.name for a in actors)
    if kind is ActorKind.PERSON:
        name = max(names, key=lambda n: (len(n.split()), names[n]))
    else:
        name = names.most_common(1)[0][0]
    aliases = list(dict.fromkeys(alias for a in actors for alias in (a.name, *a.aliases)))
    roles = list(dict.fromkeys(role for a in actors for role in a.roles))
    return CorpusActor(actor_id, name, kind, tuple(aliases), tuple(roles))
