"""The link model: weights learned from labelled families, shipped as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsynth.group.batch import group_pile, prepare
from newsynth.group.link import FEATURES, LinkModel, default_model
from newsynth.group.train import fit, train, training_examples
from tests.group.fixtures import event_articles


def fixture_pile() -> tuple[list, dict[str, str], dict[str, str]]:
    articles, gold = event_articles()
    family = {event: event.split("-")[0] for event in set(gold.values())}
    return [prepare(article) for article in articles], gold, family


def test_the_shipped_model_reads_and_names_its_features() -> None:
    model = default_model()
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.final_threshold < 1.0
    assert "command" in model.about and model.about["held_aside"]


def test_a_model_survives_json_and_one_for_other_features_is_refused(tmp_path: Path) -> None:
    model = LinkModel(tuple(float(i) for i in range(len(FEATURES))), -1.5, 0.4, 0.3, {"note": "x"})
    path = tmp_path / "model.json"
    model.save(path)
    assert LinkModel.from_dict(json.loads(path.read_text())) == model
    stale = {**model.to_dict(), "features": ["text_cosine"]}
    with pytest.raises(ValueError, match="rebuild"):
        LinkModel.from_dict(stale)


def test_examples_pair_each_article_with_stories_of_its_own_and_other_events() -> None:
    features, gold, family = fixture_pile()
    rows, labels = training_examples(features, gold, family)
    assert rows.shape[1] == len(FEATURES) and len(rows) == len(labels)
    assert labels.any() and not labels.all()
    text = FEATURES.index("text_cosine")
    assert rows[labels, text].mean() > rows[~labels, text].mean()


def test_weights_are_learned_for_raw_feature_values() -> None:
    features, gold, family = fixture_pile()
    rows, labels = training_examples(features, gold, family)
    model = fit(rows, labels)
    probabilities = [model.probability(list(row)) for row in rows]
    positives = [p for p, label in zip(probabilities, labels, strict=True) if label]
    negatives = [p for p, label in zip(probabilities, labels, strict=True) if not label]
    assert min(positives) > max(negatives) - 0.5 and sum(positives) / len(positives) > 0.5
    assert model.weights[FEATURES.index("text_cosine")] > 0


def test_a_model_trained_on_one_family_separates_the_events_of_the_other() -> None:
    features, gold, family = fixture_pile()
    trial = [item for item in features if family[gold[item.article_id]] == "trial"]
    model = train(trial, gold, family)
    budget = [item for item in features if family[gold[item.article_id]] == "budget"]
    labels = group_pile(budget, model=model)
    assert len(set(labels.values())) == 2
    for event in ("budget-vote", "budget-walkout"):
        assert len({labels[i.article_id] for i in budget if gold[i.article_id] == event}) == 1
