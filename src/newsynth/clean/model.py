"""The line model: gradient-boosted trees over ``features.py``, shipped as JSON and evaluated with numpy.

``line_model.json`` (beside this file) holds two tree ensembles, one for page text and one for HTML
pages (the same features plus the DOM's), and the probability thresholds chosen by site-grouped
cross-validation. ``newsynth train-clean`` rebuilds it (``train.py``). The trees are plain arrays, so
the file loads with any numpy and needs no scikit-learn at run time; it is read on first use.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("line_model.json")
LEAF = -1


@dataclass
class TreeEnsemble:
    """Regression trees whose summed leaf values (plus ``base``) are the log-odds of "content".

    Arrays are (trees, nodes): the feature and threshold of each split (go left when the value is
    <= threshold), the children, and each node's value (a leaf's share of the prediction; inner
    nodes hold the mean of their leaves, for explanations). Leaves point to themselves."""

    features: list[str]
    base: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int
    sizes: list[int]

    def log_odds(self, rows: np.ndarray) -> np.ndarray:
        return self.base + self.value[self._trees, self.leaves(rows)].sum(axis=1)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.log_odds(rows)))

    def leaves(self, rows: np.ndarray) -> np.ndarray:
        """The leaf each row reaches in each tree, (rows, trees)."""
        nodes = np.zeros((len(rows), len(self.value)), dtype=np.intp)
        samples = np.arange(len(rows))[:, None]
        for _ in range(self.depth):
            values = rows[samples, self.feature[self._trees, nodes]]
            nodes = np.where(
                values <= self.threshold[self._trees, nodes],
                self.left[self._trees, nodes],
                self.right[self._trees, nodes],
            )
        return nodes

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        """How much each feature moved each row's log-odds (the changes of node value along its paths,
        credited to the feature of each split), (rows, features)."""
        out = np.zeros((len(rows), len(self.features)))
        nodes = np.zeros((len(rows), len(self.value)), dtype=np.intp)
        samples = np.arange(len(rows))[:, None]
        sample_index = np.broadcast_to(samples, nodes.shape)
        for _ in range(self.depth):
            features = self.feature[self._trees, nodes]
            values = rows[samples, features]
            following = np.where(
                values <= self.threshold[self._trees, nodes],
                self.left[self._trees, nodes],
                self.right[self._trees, nodes],
            )
            change = self.value[self._trees, following] - self.value[self._trees, nodes]
            np.add.at(out, (sample_index, features), change)
            nodes = following
        return out

    @property
    def _trees(self) -> np.ndarray:
        return np.arange(len(self.value))[None, :]

    def as_dict(self) -> dict[str, Any]:
        return {
            "features": self.features,
            "base": self.base,
            "depth": self.depth,
            "trees": [
                {
                    "feature": self.feature[t, :size].tolist(),
                    "threshold": rounded(self.threshold[t, :size], 9),
                    "left": self.left[t, :size].tolist(),
                    "right": self.right[t, :size].tolist(),
                    "value": rounded(self.value[t, :size], 6),
                }
                for t, size in enumerate(self.sizes)
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeEnsemble:
        trees = data["trees"]
        width = max(len(tree["value"]) for tree in trees)
        arrays = {
            name: np.zeros((len(trees), width), dtype=np.intp if name != "threshold" else np.float64)
            for name in ("feature", "threshold", "left", "right")
        }
        value = np.zeros((len(trees), width))
        for t, tree in enumerate(trees):
            size = len(tree["value"])
            for name, array in arrays.items():
                array[t, :size] = tree[name]
            value[t, :size] = tree["value"]
        return cls(
            features=list(data["features"]),
            base=float(data["base"]),
            value=value,
            depth=int(data["depth"]),
            sizes=[len(tree["value"]) for tree in trees],
            **arrays,
        )


def rounded(values: np.ndarray, digits: int) -> list[float]:
    """Values to ``digits`` significant digits (9 keeps every float32 split point of scikit-learn's
    trees apart from the feature values around it; 6 is plenty for leaf values)."""
    return [float(f"{value:.{digits}g}") for value in values.tolist()]


@dataclass
class LineModel:
    """Both ensembles and the decision thresholds on P(content).

    Page text: a line is content when P >= ``threshold``. HTML: a block trafilatura kept stays unless
    P < ``html_drop``; a block it left out comes in only when P >= ``html_add``."""

    text: TreeEnsemble
    html: TreeEnsemble
    threshold: float = 0.5
    html_drop: float = 0.2
    html_add: float = 0.8
    about: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "threshold": self.threshold,
            "html_drop": self.html_drop,
            "html_add": self.html_add,
            "text": self.text.as_dict(),
            "html": self.html.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        return cls(
            text=TreeEnsemble.from_dict(data["text"]),
            html=TreeEnsemble.from_dict(data["html"]),
            threshold=float(data["threshold"]),
            html_drop=float(data["html_drop"]),
            html_add=float(data["html_add"]),
            about=dict(data.get("about") or {}),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), separators=(",", ":")) + "\n", encoding="utf-8")

    def content(self, probability: np.ndarray, kept: np.ndarray | None = None) -> np.ndarray:
        """Which lines are content, from P(content) and, for HTML, the share trafilatura kept."""
        if kept is None:
            return probability >= self.threshold
        return np.where(kept >= 0.5, probability >= self.html_drop, probability >= self.html_add)


@cache
def line_model(path: Path = MODEL_PATH) -> LineModel:
    """The packaged model, read once per process."""
    return LineModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def from_fitted_trees(
    features: Sequence[str], base: float, learning_rate: float, trees: Sequence[Any]
) -> TreeEnsemble:
    """An ensemble from fitted scikit-learn regression trees (``tree_`` of each estimator)."""
    width = max(tree.node_count for tree in trees)
    shape = (len(trees), width)
    feature = np.zeros(shape, dtype=np.intp)
    threshold = np.zeros(shape)
    left = np.zeros(shape, dtype=np.intp)
    right = np.zeros(shape, dtype=np.intp)
    value = np.zeros(shape)
    depth = 0
    for t, tree in enumerate(trees):
        size = tree.node_count
        own = np.arange(size)
        is_leaf = tree.children_left == LEAF
        feature[t, :size] = np.where(is_leaf, 0, tree.feature)
        threshold[t, :size] = np.where(is_leaf, 0.0, tree.threshold)
        left[t, :size] = np.where(is_leaf, own, tree.children_left)
        right[t, :size] = np.where(is_leaf, own, tree.children_right)
        value[t, :size] = inner_means(tree, learning_rate * tree.value[:, 0, 0])
        depth = max(depth, tree.max_depth)
    sizes = [tree.node_count for tree in trees]
    return TreeEnsemble(list(features), float(base), feature, threshold, left, right, value, depth, sizes)


def inner_means(tree: Any, leaf_values: np.ndarray) -> np.ndarray:
    """Leaf values kept, each inner node given the sample-weighted mean of its leaves (children come
    after their parent in scikit-learn's node order)."""
    values = leaf_values.copy()
    weights = tree.weighted_n_node_samples
    for node in range(tree.node_count - 1, -1, -1):
        low, high = tree.children_left[node], tree.children_right[node]
        if low != LEAF:
            values[node] = (weights[low] * values[low] + weights[high] * values[high]) / (
                weights[low] + weights[high]
            )
    return values
