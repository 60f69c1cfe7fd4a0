"""The training labels of the confidence model: which flags on unmodified stories weigh less."""

from __future__ import annotations

from newsynth.evaluate.compare.tuning import doubtful_negative


def test_close_numbers_of_one_counted_noun_may_be_an_unlabelled_disagreement():
    # "$273 million" and "$278 million" of one cost: 2% apart, the same noun counted
    assert doubtful_negative({"gap": 0.018, "head": 1.0, "near": 0.0})


def test_close_numbers_with_the_same_nearest_words_may_be_an_unlabelled_disagreement():
    assert doubtful_negative({"gap": 0.1, "head": 0.0, "near": 0.5})


def test_far_apart_or_unrelated_numbers_and_other_kinds_stay_plain_negatives():
    assert not doubtful_negative({"gap": 0.4, "head": 1.0, "near": 1.0})  # 60 votes vs 36
    assert not doubtful_negative({"gap": 0.05, "head": 0.0, "near": 0.0})  # no slot in common
    assert not doubtful_negative({"head": 1.0, "near": 1.0})  # a date or a name: no gap
