"""Scoring a grouping: B-cubed precision, recall and F1 against gold story ids."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsynth.group.index import GroupSettings
    from newsynth.records import Article


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def b_cubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed over the items both mappings label (item -> cluster id on each side)."""
    items = [item for item in gold if item in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0.0)
    pair_sizes = Counter((predicted[item], gold[item]) for item in items)
    predicted_sizes = Counter(predicted[item] for item in items)
    gold_sizes = Counter(gold[item] for item in items)
    precision = recall = 0.0
    for item in items:
        shared = pair_sizes[predicted[item], gold[item]]
        precision += shared / predicted_sizes[predicted[item]]
        recall += shared / gold_sizes[gold[item]]
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)


@dataclass
class GroupingEvaluation:
    documents: int
    stories: int
    found_stories: int
    final: BCubed  # the stories `stories` writes (batch or store path), whatever the arrival order
    online: dict[int, BCubed]  # online assignment as `ingest` makes it, one shuffled arrival per seed
    online_between_orders: float  # B-cubed F1 between the online groupings of the first two seeds
    final_between_orders: float  # the same for the final stories

    def as_dict(self) -> dict[str, object]:
        def figures(score: BCubed) -> dict[str, float]:
            return {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "f1": round(score.f1, 4),
            }

        return {
            "documents": self.documents,
            "stories": self.stories,
            "found_stories": self.found_stories,
            **figures(self.final),
            "online_orders": {str(seed): figures(score) for seed, score in self.online.items()},
            "order_robustness_f1": round(self.online_between_orders, 4),
            "final_order_robustness_f1": round(self.final_between_orders, 4),
        }


def read_labelled_pile(records: list[dict]) -> tuple[list[Article], dict[str, str]]:
    """All documents of Multi-News style records as one pile, and article id -> gold story id."""
    from newsynth.ingest import articles_from_documents

    articles, gold = [], {}
    for number, record in enumerate(records, start=1):
        story = str(record.get("id") or f"line-{number}")
        for article in articles_from_documents(record.get("documents") or [], story):
            articles.append(article)
            gold[article.id] = story
    return articles, gold


def evaluate_grouping(
    records: list[dict], settings: GroupSettings | None = None, seeds: tuple[int, ...] = (1, 2)
) -> GroupingEvaluation:
    """Mix every document, group them, and score against the story ids (labels only score)."""
    import random

    from newsynth.group.batch import assign_online, group_pile, prepare

    articles, gold = read_labelled_pile(records)
    features = [prepare(article) for article in articles]
    final = group_pile(features, settings)
    online, online_labels, final_labels = {}, [], []
    for seed in seeds:
        shuffled = list(features)
        random.Random(seed).shuffle(shuffled)
        index = assign_online(shuffled, settings)
        online[seed] = b_cubed(index.story_of, gold)
        online_labels.append(index.story_of)
        final_labels.append(group_pile(shuffled, settings))
    return GroupingEvaluation(
        documents=len(articles),
        stories=len(set(gold.values())),
        found_stories=len(set(final.values())),
        final=b_cubed(final, gold),
        online=online,
        online_between_orders=_agreement(online_labels),
        final_between_orders=_agreement(final_labels),
    )


def _agreement(groupings: list[dict[str, str]]) -> float:
    return b_cubed(groupings[0], groupings[1]).f1 if len(groupings) > 1 else 1.0
