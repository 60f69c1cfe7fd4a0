"""The evaluation of the compare stage: rewording for the transplant method, matching real labels."""

from __future__ import annotations

from newsynth.evaluate.compare.planting import _changed_number, reword, same_fact
from newsynth.evaluate.compare.real import matched_labels
from newsynth.records import Conflict


def test_reword_moves_the_attribution_and_keeps_the_planted_value():
    sentence = "The flood destroyed 120 homes in Marlow on Sunday, officials said."
    reworded = reword(sentence, "120")
    assert reworded != sentence and "120" in reworded
    assert reworded.startswith("Officials stated that") or reworded.startswith("Officials said that")


def test_reword_moves_an_opening_phrase_to_the_end():
    assert reword("On Sunday, the ferry carried 91 passengers to Osswen.", "91").endswith("on Sunday.")


def test_a_flag_matches_a_label_through_both_quotes_or_one_more_outlet():
    label = {
        "fact": "homes",
        "values": [{"doc": 1, "quote": "destroyed 120 homes"}, {"doc": 2, "quote": "45 homes"}],
    }
    sentences = {
        1: ["The flood destroyed 120 homes."],
        2: ["It ruined 45 homes."],
        3: ["It destroyed 45 homes."],
    }
    assert matched_labels(Conflict("number", {1: "120", 2: "45"}), sentences, [label]) == {0}
    assert matched_labels(Conflict("number", {1: "120", 3: "45"}), sentences, [label]) == {0}
    assert matched_labels(Conflict("number", {2: "45", 3: "7"}), sentences, [label]) == frozenset()


def test_a_planting_site_must_state_one_fact_beyond_the_shared_value():
    same = (
        "The Velt River ferry capsized near Marlow on Sunday with 91 passengers aboard, officials said.",
        "Officials said 91 passengers were aboard when the Velt River ferry capsized near Marlow.",
    )
    coincidence = (
        "The Velt River ferry capsized near Marlow on Sunday with 91 passengers aboard.",
        "Marlow's mayor, who has led the town for 91 months, opened a new library on Sunday.",
    )
    assert same_fact(*same, "91")
    assert not same_fact(*coincidence, "91")


def test_planted_numbers_are_as_close_as_real_disagreements():
    assert _changed_number("76") == "95"
    assert _changed_number("4,000") == "5,000"
    assert _changed_number("three hours") == "4 hours"
