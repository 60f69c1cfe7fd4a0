"""The link model: how likely an article is to be about the same event as a story.

A logistic regression over a few pair signals (see ``FEATURES``), learned from labelled families
of same-subject events by ``python -m newsynth.group.train`` and shipped as JSON beside this
module: plain numbers, readable by any version of the code, rebuilt by one command.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from operator import mul
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("link_model.json")

# The pair signals, in the order of the model's weights (computed by ``StoryIndex.link_features``).
# Dates only ever count against a link (how far apart, never how close): in a real feed many events
# share a day, so closeness proves little, while months apart is strong evidence of another event.
FEATURES = (
    "text_cosine",  # TF-IDF cosine of the article with the story's centroid
    "entity_cosine",  # the same over capitalized names
    "number_cosine",  # the same over figures and codes (tolls, flight numbers, vote counts)
    "both_have_numbers",
    "top_names_found",  # share of the article's three most distinctive names found in the story
    "sure_distance",  # log of the days beyond two between article and story, both dates sure, 0..1 a year
    "weak_distance",  # the same when a date was only found in the body of a text
    "text_cosine_x_distance",  # event evidence must be stronger the farther apart sure dates are
    "entity_cosine_x_distance",
    "story_size",  # log of the number of articles in the story
)


@dataclass(frozen=True)
class LinkModel:
    """Weights over ``FEATURES`` for raw (unscaled) feature values, and the join thresholds."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # online: join a story when the probability reaches this
    final_threshold: float  # the same in the final pass over a whole pile (its IDF is the pile's)
    about: dict = field(default_factory=dict, compare=False)  # how it was trained and scored

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES):
            raise ValueError(f"link model has {len(self.weights)} weights for {len(FEATURES)} features")

    def with_thresholds(self, online: float, final: float) -> LinkModel:
        return LinkModel(self.weights, self.bias, online, final, self.about)

    def probability(self, values: list[float]) -> float:
        # fsum is exact: the same sum in any order, and map is cheaper than a generator
        margin = self.bias + math.fsum(map(mul, self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, margin))))

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES),
            "weights": [round(w, 8) for w in self.weights],
            "bias": round(self.bias, 8),
            "threshold": self.threshold,
            "final_threshold": self.final_threshold,
            **self.about,
        }

    @classmethod
    def from_dict(cls, data: dict) -> LinkModel:
        if list(data.get("features", [])) != list(FEATURES):
            raise ValueError("link model features differ from this code's; rebuild it")
        fields = ("features", "weights", "bias", "threshold", "final_threshold")
        about = {k: v for k, v in data.items() if k not in fields}
        threshold = float(data["threshold"])
        final = float(data.get("final_threshold", threshold))
        return cls(tuple(data["weights"]), float(data["bias"]), threshold, final, about)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def default_model() -> LinkModel:
    """The model shipped with the package."""
    return LinkModel.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
