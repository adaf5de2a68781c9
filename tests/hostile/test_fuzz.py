"""Fuzzing, bounded in time: the extractor, the date filters, the citation formats and the
sanitiser on generated and mutated inputs (see tests/hostile/fuzz.py for the invariants)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.hostile.fuzz import (
    ARTICLES,
    DATE_WORDS,
    check_dates,
    check_extraction,
    check_printable,
    mutated_seed,
)

BOUNDED = settings(
    deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@settings(BOUNDED, max_examples=400)
@given(text=ARTICLES, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_generated_articles(text: str, suffix: str) -> None:
    check_extraction(f"generated{suffix}", text.encode("utf-8", "surrogatepass"))


@settings(BOUNDED, max_examples=200)
@given(data=mutated_seed())
def test_mutated_seed_articles(data: bytes) -> None:
    check_extraction("mutated.txt", data)


@settings(BOUNDED, max_examples=1000)
@given(text=st.one_of(DATE_WORDS, st.text(max_size=30)))
@example(text="nov until 1")  # found by this test: a range that ends before it starts
@example(text="9999 until nov")
def test_date_filters(text: str) -> None:
    check_dates(text)


@settings(BOUNDED, max_examples=2000)
@given(text=st.text(alphabet=st.characters(codec=None), max_size=60))
def test_printable(text: str) -> None:
    check_printable(text)
