"""Whether two names of two sources' sentences are given one role."""

from __future__ import annotations

from newsynth.compare.conflicts import same_role
from newsynth.compare.names import find_mentions


def role_of_both(first: str, first_name: str, second: str, second_name: str) -> bool:
    mine = next(m for m in find_mentions(first) if m.text == first_name)
    theirs = next(m for m in find_mentions(second) if m.text == second_name)
    return same_role(first, mine, second, theirs)


def test_the_same_title_before_both_names_is_one_role():
    assert role_of_both(
        "Marlow Mayor Lena Brask said the pier would stay shut.",
        "Lena Brask",
        "The pier will stay shut, said Marlow Mayor Otto Vrell on Friday.",
        "Otto Vrell",
    )


def test_a_role_in_an_aside_after_the_name_is_matched_with_one_before():
    assert role_of_both(
        "Lena Brask, the harbour board's director, said the pier would stay shut.",
        "Lena Brask",
        "Harbour board director Otto Vrell said the pier would stay shut.",
        "Otto Vrell",
    )


def test_an_honorific_is_no_role():
    assert not role_of_both(
        "Mrs Brask said the pier would stay shut.", "Brask", "Mrs Vrell opened the new pier.", "Vrell"
    )


def test_different_roles_are_not_one():
    assert not role_of_both(
        "Marlow Mayor Lena Brask said the pier would stay shut.",
        "Lena Brask",
        "Harbour pilot Otto Vrell said the pier would stay shut.",
        "Otto Vrell",
    )
