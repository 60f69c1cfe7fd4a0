"""Score newsynth and the baselines on Multi-News style records under the shared protocol."""

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


def newsynth_system(record: dict, budget: int) -> list[str]:
    from newsynth.summarize.batch import summarize_record

    only_documents = {"id": record["id"], "documents": document_texts(record)}
    return [s["text"] for s in summarize_record(only_documents, budget)["sentences"]]


def baseline_system(name: str) -> System:
    baseline = BASELINES[name]
    return lambda record, budget: baseline(document_texts(record), budget)


def systems(names: Sequence[str]) -> dict[str, System]:
    table: dict[str, System] = {}
    for name in names:
        table[name] = newsynth_system if name == "newsynth" else baseline_system(name)
    return table


def evaluate(records: Sequence[dict], names: Sequence[str]) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 per system; each system sees only the documents, budget = reference words."""
    per_system: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    table = systems(names)
    work = tqdm(records, desc="stories", unit="story", disable=not sys.stderr.isatty())
    for record in work:
        reference = record["summary"]
        budget = word_count(reference)
        for name, system in table.items():
            summary = cut_to_budget(system(record, budget), budget)
            per_system[name].append(rouge_f1(summary, reference))
    return {
        name: {metric: round(statistics.fmean(s[metric] for s in scores), 2) for metric in METRICS}
        for name, scores in per_system.items()
    }
