"""Scoring a grouping: B-cubed precision, recall and F1 against gold story ids.

Three figures, from labelled piles of events grouped in *families* (events on one broad subject):
- the shipped model on the whole pile (``evaluate_grouping``);
- leave-one-family-out cross-validation (``cross_validate``): for each family, the link model is
  trained on the other families, the whole pile is grouped with it, and only the left-out family's
  articles are scored (each article's whole predicted story counts, so merges with the other
  families cost precision); a plain TF-IDF average-link clustering is scored the same way, its
  threshold chosen on the training families;
- families held aside (``evaluate_aside``): never trained or tuned on, scored once at the end.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsynth.group.features import ArticleFeatures
    from newsynth.group.index import GroupSettings
    from newsynth.group.link import LinkModel
    from newsynth.records import Article

NO_FAMILY = "(no family)"  # stories without a family form one fold together
BASELINE_THRESHOLDS = tuple(round(0.05 + 0.025 * step, 3) for step in range(23))  # cosine 0.05 ... 0.60


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class BCubedSums:
    """Per-item B-cubed precision and recall added up, so that scores of several folds combine."""

    precision: float = 0.0
    recall: float = 0.0
    items: int = 0

    def add(self, other: BCubedSums) -> None:
        self.precision += other.precision
        self.recall += other.recall
        self.items += other.items

    def score(self) -> BCubed:
        if not self.items:
            return BCubed(0.0, 0.0, 0.0)
        precision, recall = self.precision / self.items, self.recall / self.items
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return BCubed(precision, recall, f1)


def b_cubed_sums(
    predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable], items: Collection[str] | None = None
) -> BCubedSums:
    """B-cubed sums over ``items`` (default: every item both mappings label), each item's clusters
    taken whole over all the items both mappings label."""
    labelled = [item for item in gold if item in predicted]
    pair_sizes = Counter((predicted[item], gold[item]) for item in labelled)
    predicted_sizes = Counter(predicted[item] for item in labelled)
    gold_sizes = Counter(gold[item] for item in labelled)
    scored = labelled if items is None else [item for item in labelled if item in items]
    sums = BCubedSums(items=len(scored))
    for item in scored:
        shared = pair_sizes[predicted[item], gold[item]]
        sums.precision += shared / predicted_sizes[predicted[item]]
        sums.recall += shared / gold_sizes[gold[item]]
    return sums


def b_cubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed over the items both mappings label (item -> cluster id on each side)."""
    return b_cubed_sums(predicted, gold).score()


# --- labelled piles ----------------------------------------------------------------------------
def read_labelled_pile(records: list[dict]) -> tuple[list[Article], dict[str, str]]:
    """All documents of Multi-News style records as one pile, and article id -> gold story id."""
    from newsynth.ingest import articles_from_documents

    articles, gold = [], {}
    for number, record in enumerate(records, start=1):
        story = story_id_of(record, number)
        for article in articles_from_documents(record.get("documents") or [], story):
            articles.append(article)
            gold[article.id] = story
    return articles, gold


def story_id_of(record: dict, number: int) -> str:
    return str(record.get("id") or f"line-{number}")


def family_of(record: dict) -> str:
    return str(record.get("family") or NO_FAMILY)


def read_labelled_records(paths: Sequence[str]) -> list[dict]:
    """The records of several JSONL files (a bad line raises ValueError naming the file and line)."""
    from newsynth.summarize.batch import read_batch

    records = []
    for path in paths:
        found, problems = read_batch(path)
        if problems:
            raise ValueError(problems[0])
        records.extend(found)
    return records


def split_aside(records: list[dict], aside: Collection[str]) -> tuple[list[dict], list[dict]]:
    """The records to work with, and those of the families held aside."""
    kept = [record for record in records if family_of(record) not in aside]
    return kept, [record for record in records if family_of(record) in aside]


@dataclass
class LabelledPile:
    """Articles (cleaned), their features, and gold story and family labels."""

    articles: list[Article]
    features: list[ArticleFeatures]
    gold: dict[str, str]  # article id -> story id
    family: dict[str, str]  # story id -> family

    def family_of_article(self, article_id: str) -> str:
        return self.family[self.gold[article_id]]

    def ids_in(self, families: Collection[str]) -> set[str]:
        return {a.id for a in self.articles if self.family_of_article(a.id) in families}

    def subset(self, families: Collection[str]) -> LabelledPile:
        keep = self.ids_in(families)
        return LabelledPile(
            [a for a in self.articles if a.id in keep],
            [f for f in self.features if f.article_id in keep],
            {k: v for k, v in self.gold.items() if k in keep},
            self.family,
        )


def labelled_pile(records: list[dict]) -> LabelledPile:
    from newsynth.group.batch import prepare

    articles, gold = read_labelled_pile(records)
    features = [prepare(article) for article in articles]
    family = {story_id_of(record, n): family_of(record) for n, record in enumerate(records, start=1)}
    return LabelledPile(articles, features, gold, family)


def labelled_features(records: list[dict]) -> tuple[list[ArticleFeatures], dict[str, str], dict[str, str]]:
    pile = labelled_pile(records)
    return pile.features, pile.gold, pile.family


# --- the shipped model on a pile -----------------------------------------------------------------
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
        return {
            "documents": self.documents,
            "stories": self.stories,
            "found_stories": self.found_stories,
            **self.final.as_dict(),
            "online_orders": {str(seed): score.as_dict() for seed, score in self.online.items()},
            "order_robustness_f1": round(self.online_between_orders, 4),
            "final_order_robustness_f1": round(self.final_between_orders, 4),
        }


def evaluate_grouping(
    records: list[dict],
    settings: GroupSettings | None = None,
    seeds: tuple[int, ...] = (1, 2),
    model: LinkModel | None = None,
    pile: LabelledPile | None = None,
) -> GroupingEvaluation:
    """Mix every document, group them, and score against the story ids (labels only score)."""
    from newsynth.group.batch import assign_online, group_pile

    pile = pile or labelled_pile(records)
    features, gold = pile.features, pile.gold
    final = group_pile(features, settings, model)
    online, online_labels, final_labels = {}, [], []
    for seed in seeds:
        shuffled = shuffled_copy(features, seed)
        index = assign_online(shuffled, settings, model=model)
        online[seed] = b_cubed(index.story_of, gold)
        online_labels.append(index.story_of)
        final_labels.append(group_pile(shuffled, settings, model))
    return GroupingEvaluation(
        documents=len(features),
        stories=len(set(gold.values())),
        found_stories=len(set(final.values())),
        final=b_cubed(final, gold),
        online=online,
        online_between_orders=_agreement(online_labels),
        final_between_orders=_agreement(final_labels),
    )


def shuffled_copy(items: Sequence, seed: int) -> list:
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def _agreement(groupings: list[dict[str, str]]) -> float:
    return b_cubed(groupings[0], groupings[1]).f1 if len(groupings) > 1 else 1.0


# --- cross-validation and families held aside ----------------------------------------------------
@dataclass
class HeldOutScores:
    """newsynth (final and online per seed) and the baseline, scored on articles none was trained on."""

    final: BCubedSums = field(default_factory=BCubedSums)
    online: dict[int, BCubedSums] = field(default_factory=dict)
    baseline: BCubedSums = field(default_factory=BCubedSums)
    folds: list[dict[str, object]] = field(default_factory=list)

    def add(self, other: HeldOutScores) -> None:
        self.final.add(other.final)
        self.baseline.add(other.baseline)
        for seed, sums in other.online.items():
            self.online.setdefault(seed, BCubedSums()).add(sums)
        self.folds.extend(other.folds)

    def as_dict(self) -> dict[str, object]:
        return {
            "newsynth": self.final.score().as_dict(),
            "newsynth_online": {str(seed): sums.score().as_dict() for seed, sums in self.online.items()},
            "tfidf_average_link": self.baseline.score().as_dict(),
            "articles": self.final.items,
            "folds": self.folds,
        }


def score_held_out(
    pile: LabelledPile,
    test_families: Collection[str],
    regularization: float | None = None,
    seeds: tuple[int, ...] = (1, 2),
    baseline: bool = True,
) -> HeldOutScores:
    """Train on every family of ``pile`` but ``test_families``, group the whole pile, score the test
    families' articles (newsynth final and online, and the TF-IDF average-link baseline)."""
    from newsynth.group.batch import assign_online, group_pile
    from newsynth.group.link import default_model
    from newsynth.group.train import train

    if regularization is None:
        regularization = float(default_model().about.get("regularization", 1.0))
    training = pile.subset(set(pile.family.values()) - set(test_families))
    test_ids = pile.ids_in(test_families)
    model = train(training.features, training.gold, training.family, regularization)
    scores = HeldOutScores()
    scores.final = b_cubed_sums(group_pile(pile.features, model=model), pile.gold, test_ids)
    for seed in seeds:
        online = assign_online(shuffled_copy(pile.features, seed), model=model).story_of
        scores.online[seed] = b_cubed_sums(online, pile.gold, test_ids)
    fold: dict[str, object] = {
        "families": sorted(test_families),
        "articles": len(test_ids),
        "thresholds": [model.threshold, model.final_threshold],
        "newsynth_f1": round(scores.final.score().f1, 4),
    }
    if baseline:
        threshold = best_baseline_threshold(training.articles, training.gold)
        predicted = tfidf_average_link(pile.articles, threshold)
        scores.baseline = b_cubed_sums(predicted, pile.gold, test_ids)
        fold.update(baseline_threshold=threshold, baseline_f1=round(scores.baseline.score().f1, 4))
    scores.folds.append(fold)
    return scores


def cross_validate(
    records: list[dict],
    regularization: float | None = None,
    seeds: tuple[int, ...] = (1, 2),
    baseline: bool = True,
    pile: LabelledPile | None = None,
) -> HeldOutScores:
    """Leave-one-family-out: every family is scored by a model trained on the others."""
    pile = pile or labelled_pile(records)
    families = sorted(set(pile.family[story] for story in pile.gold.values()))
    if len(families) < 2:
        raise ValueError("cross-validation needs events of at least two families")
    total = HeldOutScores()
    for family in families:
        total.add(score_held_out(pile, {family}, regularization, seeds, baseline))
    return total


def tfidf_average_link(articles: Sequence[Article], threshold: float) -> dict[str, int]:
    """The baseline: TF-IDF vectors of the texts, average-link clustering at a cosine ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) < 2:
        return {article.id: 0 for article in articles}
    texts = [article.clean_text or article.raw_text for article in articles]
    vectors = TfidfVectorizer(stop_words="english").fit_transform(texts).toarray()
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1.0 - threshold
    )
    labels = clustering.fit_predict(vectors)
    return {article.id: int(label) for article, label in zip(articles, labels, strict=True)}


def best_baseline_threshold(articles: Sequence[Article], gold: Mapping[str, str]) -> float:
    """The baseline's threshold with the best B-cubed F1 on a (training) pile."""
    scored = [(b_cubed(tfidf_average_link(articles, t), gold).f1, t) for t in BASELINE_THRESHOLDS]
    return max(scored)[1]
