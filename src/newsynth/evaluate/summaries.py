"""Score newsynth and the baselines on Multi-News style records under the shared protocol.

Every system gets the reference's word count as its budget and is cut to it. ``newsynth-strict`` is
what ``newsynth brief`` prints: whole sentences within the budget. ``newsynth`` is the same summary
topped up with one more sentence when words are left, so that it fills the budget the way the
baselines do (the scorer cuts that sentence).
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable, Sequence

from tqdm import tqdm

from newsynth.evaluate.rouge import METRICS, cut_to_budget, rouge_f1, word_count
from newsynth.summarize.baselines import BASELINES

System = Callable[[dict, int], list[str]]


def document_texts(record: dict) -> list[str]:
    return [d if isinstance(d, str) else str(d.get("text") or "") for d in record["documents"]]


def newsynth_system(fill: bool) -> System:
    def run(record: dict, budget: int) -> list[str]:
        from newsynth.summarize.batch import summarize_record

        only_documents = {"id": record["id"], "documents": document_texts(record)}
        return [s["text"] for s in summarize_record(only_documents, budget, fill=fill)["sentences"]]

    return run


def baseline_system(name: str) -> System:
    baseline = BASELINES[name]
    return lambda record, budget: baseline(document_texts(record), budget)


NEWSYNTH_SYSTEMS: dict[str, System] = {
    "newsynth": newsynth_system(fill=True),
    "newsynth-strict": newsynth_system(fill=False),
}


def systems(names: Sequence[str]) -> dict[str, System]:
    return {name: NEWSYNTH_SYSTEMS.get(name) or baseline_system(name) for name in names}


Scores = dict[str, dict[str, float]]  # system -> metric -> mean F1


def evaluate(records: Sequence[dict], names: Sequence[str], budget_scale: float = 1.0) -> Scores:
    """Mean ROUGE F1 per system; each system sees only the documents, budget = reference words
    (times ``budget_scale``, for a steadier comparison of settings over several budgets)."""
    per_system: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    table = systems(names)
    work = tqdm(records, desc="stories", unit="story", disable=not sys.stderr.isatty())
    for record in work:
        reference = record["summary"]
        budget = max(1, int(word_count(reference) * budget_scale))
        for name, system in table.items():
            summary = cut_to_budget(system(record, budget), budget)
            per_system[name].append(rouge_f1(summary, reference))
    return {
        name: {metric: round(statistics.fmean(s[metric] for s in scores), 2) for metric in METRICS}
        for name, scores in per_system.items()
    }


def mean_over_budgets(results: Sequence[Scores]) -> Scores:
    return {
        name: {metric: round(statistics.fmean(r[name][metric] for r in results), 2) for metric in METRICS}
        for name in results[0]
    }
