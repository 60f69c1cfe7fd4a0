"""The eval command's systems, on an invented record (no ../shared needed)."""

import json

from click.testing import CliRunner

from newsynth.cli import main
from newsynth.cli.evaluate import SYSTEM_NAMES
from newsynth.evaluate.rouge import cut_to_budget
from newsynth.evaluate.summaries import evaluate, mean_over_budgets, systems
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


def test_a_smaller_budget_scale_scores_a_shorter_summary():
    full = evaluate([RECORD], ["lead"])["lead"]
    half = evaluate([RECORD], ["lead"], budget_scale=0.5)["lead"]
    assert half["rouge1"] < full["rouge1"]


def test_the_mean_over_budgets_averages_each_system_and_metric():
    low = {"lead": {"rouge1": 40.0, "rouge2": 10.0, "rougeLsum": 30.0}}
    high = {"lead": {"rouge1": 50.0, "rouge2": 14.0, "rougeLsum": 40.0}}
    assert mean_over_budgets([low, high]) == {"lead": {"rouge1": 45.0, "rouge2": 12.0, "rougeLsum": 35.0}}


def test_eval_prints_one_table_per_budget_scale_then_their_mean(tmp_path):
    data = tmp_path / "stories.jsonl"
    data.write_text(json.dumps(RECORD) + "\n")
    result = CliRunner().invoke(main, ["eval", str(data), "--systems", "lead", "--budget-scales", "0.5,1"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert set(last["rouge_f1_by_budget_scale"]) == {"0.5", "1"}
    assert last["rouge_f1_mean"] == mean_over_budgets(list(last["rouge_f1_by_budget_scale"].values()))


def test_eval_rejects_a_budget_scale_that_is_not_a_positive_number(tmp_path):
    data = tmp_path / "stories.jsonl"
    data.write_text(json.dumps(RECORD) + "\n")
    for scales in ("half", "0,1"):
        result = CliRunner().invoke(main, ["eval", str(data), "--budget-scales", scales])
        assert result.exit_code == 1
        assert "--budget-scales" in result.output
