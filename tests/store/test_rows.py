"""The rows a merged corpus is stored as (`store.rows`), made faster: the same rows as the plain
forms they replace."""

import random

import pytest

from store.rows import WORD, pack, search_words

# Invented text: ASCII words, digits, underscores and punctuation, and a few characters beyond
# ASCII (accents, a curly apostrophe, a roman numeral, an Arabic-Indic digit).
ALPHABET = "abz AZ09_ -.,;:'\"!?()[]{}/\\\t\n\r\x0b\x0c\x1c\x1f\x7f@#$%^&*+=<>|~`" + "é’ßⅫ٣"


def test_every_ascii_character_is_a_word_character_or_a_space_as_the_regex_says() -> None:
    for code in range(128):
        text = f"ab{chr(code)}cd"
        assert search_words(text) == set(WORD.findall(text)), repr(chr(code))


@pytest.mark.parametrize("seed", range(5))
def test_search_words_are_the_regex_words(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choices(ALPHABET, k=rng.randint(0, 40)))
        assert search_words(text) == set(WORD.findall(text)), repr(text)


def test_pack_stores_each_record_without_its_search_text_in_its_order() -> None:
    rows = [
        {
            "id": "e1",
            "start": "2031-05-01",
            "end": "2031-05-01",
            "search": "kettle ferry",
            "citations": [["d2", 0, 5], ["d1", 3, 9], ["d2", 7, 9]],
            "confidence": 0.5,
        },
        {
            "id": "e2",
            "start": "2031-05-02",
            "end": "2031-05-03",
            "search": "ferry_line tram",
            "citations": [["d1", 1, 4]],
        },
    ]
    packed = pack(rows)
    assert list(packed["records"]) == [
        {k: v for k, v in row.items() if k != "search"} for row in rows
    ]
    assert [list(r) for r in packed["records"]] == [
        ["id", "start", "end", "citations", "confidence"],
        ["id", "start", "end", "citations"],
    ]
    assert packed["documents"] == {"d2": [0], "d1": [0, 1]}
    assert packed["words"].value == [["ferry", "ferry_line", "kettle", "tram"], [1, 1, 1, 1]]
    assert list(packed["postings"]) == [[0], [1], [0], [1]]
    assert rows[0]["search"] == "kettle ferry"  # the rows themselves are left whole
