"""The eval command's systems, on an invented record (no ../shared needed)."""

from newsynth.cli.evaluate import SYSTEM_NAMES
from newsynth.evaluate.rouge import cut_to_budget
from newsynth.evaluate.summaries import evaluate, systems
from tests.summarize.conftest import CREEK_HERALD, NORTHERN_POST, VALLEY_GAZETTE

RECORD = {
    "id": "library-fire",
    "documents": ["\n\n".join(VALLEY_GAZETTE), "\n\n".join(NORTHERN_POST), "\n\n".join(CREEK_HERALD)],
    "summary": "A fire destroyed the Riverton public library on Sunday. About 40,000 books were lost.",
}


def test_every_system_the_command_offers_can_be_scored():
    assert set(systems(SYSTEM_NAMES)) == set(SYSTEM_NAMES)


def test_newsynth_fills_the_budget_and_strict_newsynth_stays_within_it():
    budget = 32
    filled = systems(["newsynth"])["newsynth"](RECORD, budget)
    strict = systems(["newsynth-strict"])["newsynth-strict"](RECORD, budget)
    assert sum(len(s.split()) for s in filled) > budget
    assert sum(len(s.split()) for s in strict) <= budget
    assert sum(len(s.split()) for s in cut_to_budget(filled, budget)) == budget


def test_evaluate_averages_rouge_per_system():
    scores = evaluate([RECORD], ["newsynth", "lead"])
    assert set(scores) == {"newsynth", "lead"}
    for figures in scores.values():
        assert 0 < figures["rouge1"] <= 100 and 0 <= figures["rouge2"] <= figures["rouge1"]
