"""Learning the link model from families of same-subject events.

    python -m newsynth.group.train ../shared/data/dev.jsonl ../shared/data/group-dev.jsonl \\
        --aside uk-politics-brexit-pm,north-korea

rebuilds ``link_model.json`` (the families named by ``--aside`` are left out of everything: they
are kept to score the model at the end). The examples are what the assignment meets: an article
against a story made of some of the articles of its own event (a positive) or of another event of
its family, or of a few other events (negatives). The logistic regression's regularization is
chosen by leave-one-family-out cross-validation; the join thresholds (online, and the final pass)
by the B-cubed F1 of the stories the model makes on its own training pile.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from newsynth.group.features import ArticleFeatures
from newsynth.group.index import GroupSettings, StoryIndex, StoryState
from newsynth.group.link import FEATURES, MODEL_PATH, LinkModel
from newsynth.group.refine import pile_idf

STORY_SIZES = (1, 2, 4)  # stories of this many other articles (and of all of them) are shown
OTHER_EVENTS = 6  # events of other families shown to each article as negatives
THRESHOLDS = (0.02, 0.03, 0.05, 0.07, *(round(0.1 + 0.05 * step, 2) for step in range(17)))  # ... 0.90
REGULARIZATIONS = (0.1, 1.0, 10.0)
DEFAULT_C = 1.0
PLACEHOLDER = LinkModel(tuple(0.0 for _ in FEATURES), 0.0, 0.5, 0.5)  # computes features, decides nothing


def training_examples(
    features: Sequence[ArticleFeatures],
    gold: Mapping[str, str],
    family: Mapping[str, str],
    settings: GroupSettings | None = None,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``FEATURES`` (article vs story) and whether the article belongs to the story's event."""
    settings = settings or GroupSettings()
    index = StoryIndex(settings, model=PLACEHOLDER, idf_table=pile_idf(features))
    vectors = [index.vectors(item) for item in features]
    members: dict[str, list[int]] = {}
    for position, item in enumerate(features):
        members.setdefault(gold[item.article_id], []).append(position)
    by_family: dict[str, list[str]] = {}
    for event in members:
        by_family.setdefault(family[event], []).append(event)
    rng = random.Random(seed)
    rows, labels = [], []
    for position, item in enumerate(features):
        own = gold[item.article_id]
        others = [event for event in members if family[event] != family[own]]
        shown = by_family[family[own]] + rng.sample(others, min(OTHER_EVENTS, len(others)))
        for event in shown:
            pool = [member for member in members[event] if member != position]
            rng.shuffle(pool)
            for size in sorted({size for size in STORY_SIZES if size < len(pool)} | {len(pool)} - {0}):
                story = StoryState(event)
                for member in pool[:size]:
                    story.take(features[member], vectors[member], settings.centroid_terms)
                rows.append(index.link_features(vectors[position], item, story))
                labels.append(event == own)
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=bool)


def fit(rows: np.ndarray, labels: np.ndarray, regularization: float = DEFAULT_C) -> LinkModel:
    """A logistic regression on standardized features, its weights mapped back to raw values."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0] = 1.0
    regression = LogisticRegression(C=regularization, max_iter=2000)
    regression.fit((rows - mean) / scale, labels)
    weights = regression.coef_[0] / scale
    bias = float(regression.intercept_[0] - np.dot(weights, mean))
    return LinkModel(tuple(float(w) for w in weights), bias, 0.5, 0.5)


def choose_threshold(
    model: LinkModel,
    features: Sequence[ArticleFeatures],
    gold: Mapping[str, str],
    settings: GroupSettings | None = None,
) -> float:
    """The join threshold whose final stories score best on the pile (B-cubed F1, averaged with its
    neighbours' so that a lucky spike does not decide; among equals, the one nearest 0.5).

    The online assignment uses it too: it regroups the stories an article touches as the final pass
    would (see ``StoryIndex.plan_moves``), and one threshold chosen on the final stories scored better
    in cross-validation than one chosen on shuffled arrivals (whose F1 barely depends on it)."""
    from newsynth.evaluate.group import b_cubed
    from newsynth.group.batch import group_pile

    scores = [
        b_cubed(group_pile(features, settings, model.with_thresholds(threshold, threshold)), gold).f1
        for threshold in THRESHOLDS
    ]
    return _best(scores)


def _best(scores: list[float]) -> float:
    """The threshold of ``THRESHOLDS`` whose score, averaged with its neighbours', is highest."""
    smoothed = [float(np.mean(scores[max(0, n - 1) : n + 2])) for n in range(len(scores))]
    ranked = zip(smoothed, THRESHOLDS, strict=True)
    return max(ranked, key=lambda pair: (round(pair[0], 6), -abs(pair[1] - 0.5)))[1]


def train(
    features: Sequence[ArticleFeatures],
    gold: Mapping[str, str],
    family: Mapping[str, str],
    regularization: float = DEFAULT_C,
    settings: GroupSettings | None = None,
) -> LinkModel:
    """Fit the weights on the pile's examples and choose the threshold on the pile's stories."""
    rows, labels = training_examples(features, gold, family, settings)
    weighted = fit(rows, labels, regularization)
    threshold = choose_threshold(weighted, features, gold, settings)
    return weighted.with_thresholds(threshold, threshold)


def main(argv: Sequence[str] | None = None) -> None:
    from newsynth.evaluate.group import cross_validate, labelled_pile, read_labelled_records, split_aside

    parser = argparse.ArgumentParser(description="Rebuild the link model of the group stage.")
    parser.add_argument("data", nargs="+", help="JSONL files of events with a 'family' (dev.jsonl style)")
    parser.add_argument("--aside", default="", help="Comma-separated families to leave out entirely.")
    parser.add_argument("-o", "--output", default=str(MODEL_PATH), help="Where to write the model JSON.")
    args = parser.parse_args(argv)
    aside = tuple(name.strip() for name in args.aside.split(",") if name.strip())
    kept, _ = split_aside(read_labelled_records(args.data), aside)
    pile = labelled_pile(kept)
    scores = {}
    for regularization in REGULARIZATIONS:
        result = cross_validate(kept, regularization, seeds=(1,), baseline=False, pile=pile)
        final, online = result.final.score().f1, result.online[1].score().f1
        scores[regularization] = (final + online) / 2
        print(f"C={regularization:g}: leave-one-family-out B-cubed F1 final {final:.4f}, online {online:.4f}")
    chosen = max(REGULARIZATIONS, key=lambda c: (scores[c], -abs(np.log10(c))))
    model = train(pile.features, pile.gold, pile.family, chosen)
    about = {
        "regularization": chosen,
        "cross_validated_mean_f1": {f"{c:g}": round(score, 4) for c, score in scores.items()},
        "trained_on_families": sorted(set(pile.family[story] for story in pile.gold.values())),
        "held_aside": list(aside),
        "articles": len(pile.features),
        "command": " ".join(
            ["python -m newsynth.group.train", *args.data, *(["--aside", args.aside] if aside else [])]
        ),
    }
    LinkModel(model.weights, model.bias, model.threshold, model.final_threshold, about).save(
        Path(args.output)
    )
    print(
        f"wrote {args.output}: C={chosen:g}, thresholds online {model.threshold:g}, "
        f"final {model.final_threshold:g}"
    )


if __name__ == "__main__":
    main()
