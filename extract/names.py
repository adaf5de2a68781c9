"""Name vocabulary of the person finder (extract.actors) that is not general news vocabulary:
given names by their frequency, and the words around names that say "a person".

The words are data in extract/lang/en/ (see extract.lang): GIVEN_NAMES_CENSUS holds the first
names of the US Census Bureau's 1990 name files, less English words, places, frequent surnames
and the words of extract.vocabulary; given_names_census.txt says how they were chosen.
GIVEN_NAMES_WORLD adds the given names of many languages (given_names_world.txt says whence).
"""

from __future__ import annotations

from extract import lang

__all__ = [
    "GIVEN_NAMES_CENSUS",
    "GIVEN_NAMES_WORLD",
    "KIN_NOUNS",
    "KIN_NOUNS_PLURAL",
    "NAME_TITLES",
    "NOT_PERSON_WORDS",
    "OCCUPATIONS",
    "OCCUPATIONS_PLURAL",
    "PERSON_NOUNS",
    "PLACE_GIVEN_NAMES",
    "PLACE_OPENERS",
    "PLACE_TAILS",
    "STORY_GROUPS",
]

# US Census 1990 first names (see lang/en/given_names_census.txt), lower case.
GIVEN_NAMES_CENSUS = lang.words("given_names_census")
# Given names of many languages from the locales of the package Faker, less English words and
# common surnames (see lang/en/given_names_world.txt): "Jelle", "Agnieszka", "Kofi", "Tadhg".
GIVEN_NAMES_WORLD = lang.words("given_names_world")
# Places that are also given names ("Jordan", "Georgia"): a given name only before name words.
PLACE_GIVEN_NAMES = lang.words("place_given_names")

# Last words of place names that are no surnames: "Virginia Beach", "Grace Bay", "Lee County"
# name places even after a given name ("Hall", "Park", "Church", "Hill" are surnames too).
PLACE_TAILS = lang.words("place_tails")

# Words that make a capitalised phrase a thing named after a person, not the person: "Harlow
# Family Initiative", "Vera Lind Classic", "Ida Borg Memorial Award" (not the common
# surnames among such words: Hall, Park, Church, Law, Day).
NOT_PERSON_WORDS = PLACE_TAILS | lang.words("not_person_words")
# First words of place names: "Los Angeles", "St. Louis", "Fort Worth", "Great Falls".
PLACE_OPENERS = lang.words("place_openers")

# Plurals that the rule of _plural does not make: "businessman" -> "businessmen".
_PLURAL_EXCEPTIONS = lang.table("plurals")


def _plural(word: str) -> str:
    if word in _PLURAL_EXCEPTIONS:
        return _PLURAL_EXCEPTIONS[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# Lower-case nouns of occupations, kinship and standing that describe the person whose name
# follows: "musician Renzo Albani", "photographers Ilse Brandvold and Kasimir Oduya", "her
# husband Tom". Each singular with its plural.
# Kinship nouns, after which one word alone is a given name: "my sister, Oona", "his nephew
# Brannoc", "three sons, Ivo, Matz and Dario". Each singular with its plural.
KIN_NOUNS = lang.words("kin_nouns")
KIN_NOUNS_PLURAL = frozenset(_plural(word) for word in KIN_NOUNS)
OCCUPATION_WORDS = lang.words("occupations") | KIN_NOUNS
OCCUPATIONS_PLURAL = frozenset(_plural(word) for word in OCCUPATION_WORDS)
OCCUPATIONS = OCCUPATION_WORDS | OCCUPATIONS_PLURAL
# Nouns for a person that are no occupation: "a boy named Kelechi".
PERSON_NOUNS = lang.words("person_nouns")
# Capitalised titles before a name that extract.vocabulary does not hold: "Councillor Petra
# Lindqvist", "Assemblywoman Rosa Diaz".
NAME_TITLES = lang.words("name_titles")

# Plural nouns of the parties to the event a story reports, each with its class (nouns of one
# class name one group): "negotiators" at talks, "protesters" at a protest, "firefighters" at a
# fire. Bare, they stay one actor through a story, and are the story's one qualified group of
# their class ("Portuguese firefighters ... firefighters"); other bare plurals ("officials",
# "analysts", "experts") name different people each time.
STORY_GROUPS = lang.table("story_groups")
