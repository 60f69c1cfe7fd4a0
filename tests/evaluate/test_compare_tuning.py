"""The confidence model's training: which flags weigh less, and how the family-grouped CV chooses."""

from __future__ import annotations

from newsynth.evaluate.compare import Flag, Outcomes, PlantOutcome, StoryOutcome
from newsynth.evaluate.compare.planting import Plant
from newsynth.evaluate.compare.tuning import (
    chosen_threshold,
    cross_validate,
    doubtful_negative,
    fit_model,
    out_of_fold,
    training_rows,
)


def test_close_numbers_of_one_counted_noun_may_be_an_unlabelled_disagreement():
    # "$273 million" and "$278 million" of one cost: 2% apart, the same noun counted
    assert doubtful_negative({"gap": 0.018, "head": 1.0, "near": 0.0})


def test_close_numbers_with_the_same_nearest_words_may_be_an_unlabelled_disagreement():
    assert doubtful_negative({"gap": 0.1, "head": 0.0, "near": 0.5})


def test_far_apart_or_unrelated_numbers_and_other_kinds_stay_plain_negatives():
    assert not doubtful_negative({"gap": 0.4, "head": 1.0, "near": 1.0})  # 60 votes vs 36
    assert not doubtful_negative({"gap": 0.05, "head": 0.0, "near": 0.0})  # no slot in common
    assert not doubtful_negative({"head": 1.0, "near": 1.0})  # a date or a name: no gap


def story(family: str, similarity: float, seed: int) -> StoryOutcome:
    """An unmodified story of ``family``: one false flag, and two plants found with some evidence."""

    def plant(k: int) -> PlantOutcome:
        planted = Plant("number", "a1", k, "It had 3 cranes.", "It had 5 cranes.", "3", "5")
        return PlantOutcome(planted, 0.5, {"head": 1.0, "similarity": similarity, "shared": 0.1 * k})

    false_flag = Flag(
        "number", "number of cranes: 3 in [1], 4 in [2]", 0.5, features={"head": float(seed % 2)}
    )
    return StoryOutcome(f"{family}-{seed}", family, [], [false_flag], [plant(1), plant(2)], 1.0, 4)


def outcomes() -> Outcomes:
    families = ("ferries", "cranes", "floods", "storms")
    return Outcomes([story(f, 0.2 * (i + 1), i + k) for i, f in enumerate(families) for k in range(3)])


def test_each_family_is_scored_out_of_fold_by_weights_fitted_without_it():
    scored = out_of_fold(outcomes(), {"ferries", "cranes", "floods"})
    assert {s.family for s in scored.stories} == {"ferries", "cranes", "floods"}
    model = fit_model(outcomes(), {"cranes", "floods"})
    ferry = next(s for s in scored.stories if s.family == "ferries")
    assert ferry.plants[0].confidence == model.probability(ferry.plants[0].features)


def test_held_aside_families_take_no_part_in_the_choices():
    result = cross_validate(outcomes(), held_aside=("storms",))
    assert result.held_aside_families == ["storms"] and "storms" not in result.folds
    assert set(result.folds) == set(result.tuning_families) == {"ferries", "cranes", "floods"}
    assert result.model == fit_model(outcomes(), {"ferries", "cranes", "floods"})
    assert result.final_threshold == chosen_threshold(outcomes(), {"ferries", "cranes", "floods"})
    assert result.pooled.stories == 9 and result.held_aside.stories == 3


def test_misses_of_held_aside_families_are_never_listed(capsys):
    from newsynth.cli.compare import print_misses
    from newsynth.evaluate.compare.tuning import HELD_ASIDE

    shown = Outcomes([story("ferries", 0.2, 1), story(HELD_ASIDE[0], 0.2, 2)])
    print_misses(shown, threshold=0.9)
    listed = capsys.readouterr().out
    assert "ferries-1" in listed and f"{HELD_ASIDE[0]}-2" not in listed
    assert "held-aside" in listed


def test_a_conflict_found_through_two_pairs_is_rescored_by_its_stronger_reading():
    weak, strong = {"head": 0.0, "similarity": 0.1}, {"head": 1.0, "similarity": 0.9}
    planted = Plant("number", "a1", 1, "It had 3 cranes.", "It had 5 cranes.", "3", "5")
    found = PlantOutcome(planted, 0.4, weak, [weak, strong])
    model = fit_model(outcomes(), {"cranes", "floods"})
    rescored = Outcomes([StoryOutcome("s", "cranes", [], [], [found], 1.0, 2)]).rescored(model)
    assert rescored.stories[0].plants[0].confidence == max(map(model.probability, (weak, strong)))


def test_without_a_model_every_reading_is_learnt_from_and_one_conflict_weighs_one():
    weak, strong = {"head": 0.0, "similarity": 0.1}, {"head": 1.0, "similarity": 0.9}
    flag = Flag(
        "number", "number of cranes: 3 in [1], 4 in [2]", 0.5, features=weak, alternatives=[weak, strong]
    )
    lone = Flag("number", "number of cranes: 3 in [1], 6 in [3]", 0.5, features=strong)
    rows, labels, weights = training_rows(
        Outcomes([StoryOutcome("s", "cranes", [], [flag, lone], [], 1.0, 2)]), {"cranes"}
    )
    assert rows == [weak, strong, strong] and labels == [0, 0, 0]
    assert weights[0] == weights[1] == weights[2] / 2
