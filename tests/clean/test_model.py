"""The line model: trees exported from scikit-learn and evaluated with numpy, and the packaged file."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingClassifier

from newsynth.clean.features import FEATURES, HTML_FEATURES
from newsynth.clean.model import LineModel, TreeEnsemble, from_fitted_trees, line_model


@pytest.fixture(scope="module")
def fitted():
    generator = np.random.default_rng(7)
    rows = generator.normal(size=(400, 4))
    labels = (rows[:, 0] + 0.5 * rows[:, 1] * rows[:, 2] > 0).astype(int)
    classifier = GradientBoostingClassifier(n_estimators=30, max_depth=3, random_state=0).fit(rows, labels)
    prior = labels.mean()
    ensemble = from_fitted_trees(
        ["a", "b", "c", "d"],
        np.log(prior / (1 - prior)),
        classifier.learning_rate,
        [estimator.tree_ for estimator in classifier.estimators_[:, 0]],
    )
    return classifier, ensemble, generator.normal(size=(50, 4))


def test_exported_trees_predict_what_scikit_learn_predicts(fitted):
    classifier, ensemble, rows = fitted
    np.testing.assert_allclose(ensemble.probability(rows), classifier.predict_proba(rows)[:, 1], atol=1e-9)


def test_the_json_form_predicts_the_same(fitted):
    _, ensemble, rows = fitted
    again = TreeEnsemble.from_dict(ensemble.as_dict())
    np.testing.assert_array_equal(again.leaves(rows), ensemble.leaves(rows))
    np.testing.assert_allclose(again.probability(rows), ensemble.probability(rows), atol=1e-5)


def test_contributions_add_up_to_the_log_odds(fitted):
    _, ensemble, rows = fitted
    inner_root = ensemble.value[:, 0].sum()  # what every path starts from
    np.testing.assert_allclose(
        ensemble.contributions(rows).sum(axis=1) + ensemble.base + inner_root, ensemble.log_odds(rows)
    )


def test_html_pages_keep_what_trafilatura_kept_unless_the_model_is_confident(fitted):
    _, ensemble, _ = fitted
    model = LineModel(text=ensemble, html=ensemble, threshold=0.5, html_drop=0.2, html_add=0.8)
    probability = np.array([0.3, 0.3, 0.9, 0.1])
    kept = np.array([1.0, 0.0, 0.0, 1.0])
    assert model.content(probability, kept).tolist() == [True, False, True, False]
    assert model.content(probability).tolist() == [False, False, True, False]


def test_the_packaged_model_matches_the_features_of_this_code():
    model = line_model()
    assert model.text.features == FEATURES
    assert model.html.features == HTML_FEATURES
    assert 0 < model.threshold < 1 and 0 < model.html_drop <= model.html_add < 1
    assert model.about["cross_validated"]["benchmark_text"]["pages"] > 0
