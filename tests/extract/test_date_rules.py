"""Every rule of the date grammar reads its own examples (issue 9, point 1: rules as data with
examples run as tests): the bracketed words are the expression, read against
EXAMPLE_REFERENCE, and they name the days given."""

from datetime import date

import pytest

from extract.dates import EXAMPLE_REFERENCE, RULES, DateRule, find_dates


def _cases() -> list[tuple[str, str, str]]:
    return [(rule.name, example, days) for rule in RULES for example, days in rule.examples]


@pytest.mark.parametrize("rule, example, days", _cases(), ids=lambda v: str(v))
def test_a_rule_reads_its_examples(rule: str, example: str, days: str) -> None:
    start, end = example.index("["), example.index("]") - 1
    text = example.replace("[", "").replace("]", "")
    first, _, last = days.partition("/")
    found = [
        (m.span.start, m.span.end, m.interval.first, m.interval.last)
        for m in find_dates(text, reference=EXAMPLE_REFERENCE)
    ]
    expected = date.fromisoformat(first), date.fromisoformat(last or first)
    assert found == [(start, end, *expected)], rule


def test_every_rule_has_a_name_and_an_example() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(isinstance(rule, DateRule) and rule.examples for rule in RULES)
