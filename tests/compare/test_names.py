"""Names found in a sentence: a month word is a surname after a first name or a title, else a date."""

from __future__ import annotations

import pytest

from newsynth.compare.names import find_mentions


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Premier Odile May said on Friday the ferry would stay.", ["Odile May"]),
        ("Mrs May told councillors the plan was dead.", ["May"]),
        ("The Tollbridge award went to Ines April.", ["Tollbridge", "Ines April"]),
    ],
)
def test_a_month_word_ends_a_persons_name(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    "sentence",
    ["The vote in Marlow is on Monday, May 5.", "They met in May and again in June.", "Last May was wet."],
)
def test_a_month_word_in_a_date_is_no_name(sentence: str) -> None:
    assert [m.text for m in find_mentions(sentence) if m.key in ("may", "june")] == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("She spoke for the Dockworkers' Federation at the quay.", ["Dockworkers' Federation"]),
        ("Two were taken to Wexmoor's Hospital with cuts.", ["Wexmoor's Hospital"]),
        ("Tollbridge's council met on Monday.", ["Tollbridge"]),
    ],
)
def test_a_possessive_inside_a_name_keeps_it_whole(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names
