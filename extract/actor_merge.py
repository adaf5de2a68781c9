"""One corpus actor per real-world actor across documents.

Organisations, countries and role holders merge by their document keys (which already fold
"U.S." into "US" and capitals into countries). Groups merge by key too; a bare party to a story's
event ("firefighters") joins the one qualified group of its class in the corpus whose qualifiers
its own document names ("Portuguese firefighters" where Portugal is named), and goes by that
group's name; bare ones of two documents are not one by their key alone. Persons merge by
full name, by spelling variants of one full name (Zelensky / Zelenskyy, with the same given
name), and a surname alone ("Trump") joins the one full name that ends with it. Two people
with the same surname and different given names stay apart.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from extract.book import country_key, organisation_key
from extract.model import Actor, ActorKind, CorpusActor
from extract.names import STORY_GROUPS
from extract.vocabulary import fold

__all__ = [
    "Tally",
    "corpus_actor",
    "is_bare_story_group",
    "is_story_group",
    "merge_actors",
    "same_person",
    "same_surname",
    "similar_surnames",
    "tally",
    "tally_is_sound",
    "tally_keys",
]

_SPELLING = 88  # rapidfuzz ratio of two surnames that are one name spelt two ways

# How sure each kind of join is that two actors are one (an actor is as sure as its weakest
# join; bench/confidence.py prints how often actors of each level held one real actor).
SURE_SAME_KEY = 1.0  # one organisation, country or role key; one full name
SURE_STORY_GROUP = 0.8  # a bare "firefighters" joining the one qualified group its story names
SURE_SURNAME = 0.75  # a surname alone joining the one full name that ends with it
SURE_SPELLING = 0.7  # one full name spelt two ways, or with an initial
SURE_SURNAMES_ONLY = 0.5  # surnames alone, with no full name in the corpus to hold them

# The union-find over the corpus's (document, actor) items: join two items (how surely), find an
# item's root.
_Union = Callable[[int, int, float], None]
_Find = Callable[[int], int]


# What a corpus actor is made of, counted (`tally`): enough to make it again (`corpus_actor`)
# when members join or leave without reading their documents, and to find the actors a new
# member would join (`tally_keys`). Each field maps a value to how many members give it, in
# the order members first gave it: {"keys", "names", "bare_names", "kinds", "aliases", "roles"}.
Tally = dict[str, dict[str, int]]
_TALLY_FIELDS = ("keys", "names", "bare_names", "kinds", "aliases", "roles")


def merge_actors(
    per_document: Sequence[Sequence[Actor]],
) -> tuple[list[CorpusActor], list[dict[str, str]], list[Tally]]:
    """Corpus actors with ids a1, a2, ... in order of first mention, per document a map from
    local Actor.key to CorpusActor.id, and each corpus actor's `tally`."""
    items = [(d, a) for d, actors in enumerate(per_document) for a in actors]
    parent = list(range(len(items)))
    surety: dict[int, float] = {}  # root -> its weakest join

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, sure: float) -> None:
        a, b = find(i), find(j)
        if a != b:
            root, child = min(a, b), max(a, b)
            parent[child] = root
            surety[root] = min(surety.get(a, 1.0), surety.get(b, 1.0), sure)

    by_key: dict[str, int] = {}
    for i, (_, actor) in enumerate(items):
        if actor.kind is not ActorKind.PERSON and not is_bare_story_group(actor.key):
            union(i, by_key.setdefault(actor.key, i), SURE_SAME_KEY)
    _join_story_groups(items, union)
    _join_persons(items, union, find)

    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(find(i), []).append(i)
    ordered = sorted(clusters.values(), key=lambda members: _first(items, members))
    corpus: list[CorpusActor] = []
    maps: list[dict[str, str]] = [{} for _ in per_document]
    tallies: list[Tally] = []
    for number, members in enumerate(ordered, start=1):
        actor_id = f"a{number}"
        counted = tally(items[i][1] for i in members)
        tallies.append(counted)
        corpus.append(corpus_actor(actor_id, counted, surety.get(find(members[0]), 1.0)))
        for i in members:
            maps[items[i][0]][items[i][1].key] = actor_id
    return corpus, maps, tallies


def _first(items: Sequence[tuple[int, Actor]], members: list[int]) -> tuple[int, int]:
    """Where a corpus actor is first named: its first document and its first mention there (0
    for a member without mentions). Members are in the order of `items`, by document: only
    those of the first member's document are read."""
    document = items[members[0]][0]
    return document, min(
        min((m.start for m in actor.mentions), default=0)
        for d, actor in map(items.__getitem__, members)
        if d == document
    )


_STORY_CLASSES = frozenset(STORY_GROUPS.values())


def is_bare_story_group(key: str) -> bool:
    """A party to a story's event named without a qualifier ("group::firefighters"): the
    firefighters of one story are not those of another."""
    return key.startswith("group::") and key[7:] in _STORY_CLASSES


def is_story_group(key: str) -> bool:
    """A party to a story's event, bare ("firefighters") or qualified ("Portuguese
    firefighters"): such groups join by what their documents name, not by key alone."""
    return key.startswith("group:") and key.rsplit(":", 1)[-1] in _STORY_CLASSES


def _join_story_groups(items: Sequence[tuple[int, Actor]], union: _Union) -> None:
    """A bare party to a story's event ("firefighters") joins the qualified group of its class
    whose qualifiers (countries, organisations) its own document names, when there is one
    such group: "Portuguese firefighters" where the document names Portugal."""
    qualified: dict[str, dict[str, int]] = {}  # class -> key -> an item of that group
    bare: list[tuple[int, int, str]] = []  # (item, document, class)
    for i, (document, actor) in enumerate(items):
        if actor.kind is not ActorKind.GROUP or not actor.key.startswith("group:"):
            continue
        names, noun_class = actor.key[6:].rsplit(":", 1)
        if noun_class not in _STORY_CLASSES:
            continue
        if names:
            qualified.setdefault(noun_class, {}).setdefault(actor.key, i)
        else:
            bare.append((i, document, noun_class))
    if not bare:
        return
    named: dict[int, set[str]] = {}
    for document, actor in items:
        named.setdefault(document, set()).add(actor.key)
    for i, document, noun_class in bare:
        keys = named[document]
        found = [
            j
            for key, j in qualified.get(noun_class, {}).items()
            if all(
                country_key(name) in keys or organisation_key(name) in keys
                for name in key[6:].rsplit(":", 1)[0].removeprefix("of ").split("+")
            )
        ]
        if len(found) == 1:
            union(i, found[0], SURE_STORY_GROUP)


def _join_persons(items: Sequence[tuple[int, Actor]], union: _Union, find: _Find) -> None:
    """Persons by full name, spelling variants and surnames, looked up in indexes (surname,
    initial) so that the work grows with the corpus, not with its square."""
    persons = [(i, _words(a.name)) for i, (_, a) in enumerate(items) if a.kind is ActorKind.PERSON]
    by_name: dict[tuple[str, ...], int] = {}
    for i, words in persons:
        if len(words) > 1:
            union(i, by_name.setdefault(words, i), SURE_SAME_KEY)
    # Distinct full names by surname and the first letter of the given name.
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    by_initial: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for name in by_name:
        by_surname.setdefault(name[-1], []).append(name)
        by_initial.setdefault((name[-1], name[0][0]), []).append(name)
    similar = similar_surnames(by_surname)
    for name, i in by_name.items():
        for surname in similar(name[-1]):
            for other in by_initial.get((surname, name[0][0]), ()):
                if other != name and same_person(list(name), list(other)):
                    union(i, by_name[other], SURE_SPELLING)
    singles: dict[str, list[int]] = {}
    for i, words in persons:
        if len(words) == 1:
            singles.setdefault(words[0], []).append(i)
    for surname, members in singles.items():
        roots = {find(by_name[n]) for s in similar(surname) for n in by_surname.get(s, ())}
        if len(roots) == 1:
            root = roots.pop()
            for i in members:
                union(i, root, SURE_SURNAME)
        elif not roots:
            for i in members:
                union(i, members[0], SURE_SURNAMES_ONLY)


def similar_surnames(surnames: Collection[str]) -> Callable[[str], list[str]]:
    """surname -> the `surnames` (those of full names) that `same_surname` accepts, memoised."""
    candidates = [s for s in surnames if len(s) >= 5]
    memo: dict[str, list[str]] = {}

    def similar(surname: str) -> list[str]:
        found = memo.get(surname)
        if found is None:
            found = [surname] if surname in surnames else []
            if len(surname) >= 5:
                found += [
                    s
                    for s, _, _ in process.extract(
                        surname,
                        candidates,
                        scorer=fuzz.ratio,
                        processor=None,
                        score_cutoff=_SPELLING,
                        limit=None,
                    )
                    if s != surname
                ]
            memo[surname] = found
        return found

    return similar


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    """A person's name as the joins compare it; cached: a corpus names each person in many
    documents, and the joins and the tally each read every member's name."""
    return tuple(fold(name).replace("-", " ").split())


def same_surname(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= _SPELLING)


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same given name (or initial), surnames spelt alike, and
    where both have middle words, the same ones: "Fong Tak-ming" (fong tak ming) is not
    "Fong Sai-mun", nor "Ho Kin-wah" "Ho Lai-wah"; "Mara B. Quist" is "Mara Quist"."""
    if not same_surname(a[-1], b[-1]) or not _same_given(a[0], b[0]):
        return False
    if len(a) == len(b) > 2:
        return all(_same_given(x, y) for x, y in zip(a[1:-1], b[1:-1], strict=True))
    return True


def _same_given(a: str, b: str) -> bool:
    """One given name, or its initial."""
    return a == b or ((len(a) == 1 or len(b) == 1) and a[0] == b[0])


def tally_keys(actor: Actor) -> list[str]:
    """What a member brings to the joins: its key (organisations, countries, groups, role
    holders), or for a person its full name ("name:mara b quist") or its lone surname
    ("single:quist")."""
    if actor.kind is not ActorKind.PERSON:
        return [actor.key]
    words = _words(actor.name)
    return [("name:" if len(words) > 1 else "single:") + " ".join(words)]


def tally(actors: Iterable[Actor], into: Tally | None = None, *, sign: int = 1) -> Tally:
    """`into` (or a new tally) with `actors` counted in (or, with sign -1, out: a value no
    member gives any more is dropped)."""
    counted: Tally = into if into is not None else {field: {} for field in _TALLY_FIELDS}
    for actor in actors:
        names = "bare_names" if is_bare_story_group(actor.key) else "names"
        for field, values in (
            ("keys", tally_keys(actor)),
            (names, (actor.name,)),
            ("kinds", (str(actor.kind),)),
            ("aliases", dict.fromkeys((actor.name, *actor.aliases))),
            ("roles", dict.fromkeys(actor.roles)),
        ):
            counts = counted[field]
            for value in values:
                left = counts.get(value, 0) + sign
                if left > 0:
                    counts[value] = left
                else:
                    counts.pop(value, None)
    return counted


def corpus_actor(actor_id: str, counted: Tally, confidence: float) -> CorpusActor:
    """The corpus actor its members' `tally` makes: the kind most of them have, the name most
    of them use (a person: the one with most words; a bare "firefighters" goes by a qualified
    group's name), every name and role they give."""
    kinds = counted["kinds"]
    kind = ActorKind(max(kinds, key=kinds.__getitem__))
    names = counted["names"] or counted["bare_names"]
    if kind is ActorKind.PERSON:
        name = max(names, key=lambda n: (len(n.split()), names[n]))
    else:
        name = max(names, key=names.__getitem__)
    return CorpusActor(
        actor_id, name, kind, tuple(counted["aliases"]), tuple(counted["roles"]), confidence
    )


def tally_is_sound(value: Any) -> bool:
    """Whether a stored value is a tally as `tally` makes them."""
    return (
        type(value) is dict
        and value.keys() == set(_TALLY_FIELDS)
        and all(
            type(counts) is dict and all(type(n) is int and n > 0 for n in counts.values())
            for counts in value.values()
        )
        and bool(value["kinds"])
        and bool(value["names"] or value["bare_names"])
    )
