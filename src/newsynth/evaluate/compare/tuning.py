"""Choose the display threshold by cross-validation grouped by story family, some families kept aside.

Each fold leaves one tuning family out, chooses the threshold that maximises ``objective`` on the other
families, and scores the left-out family at it; the folds' counts are pooled into the CV figures. The
families in ``HELD_ASIDE`` take no part in any choice: they are scored once, at the final threshold
(chosen on all tuning families), and reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsynth.evaluate.compare import Figures, Outcomes
from newsynth.evaluate.compare.planting import METHODS

# kept aside before any tuning: one family of labelled real disagreements, one of the dev stories
HELD_ASIDE = ("hurricane-landfalls", "flint-water-crisis")
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))
MAX_FLAGS_PER_STORY = 0.3


def objective(figures: Figures) -> float:
    """Precision-weighted F (beta 0.5) on real disagreements, plus the weaker planting method's recall,
    less a penalty for false alarms beyond ``MAX_FLAGS_PER_STORY`` per unlabelled story."""
    score = 0.0
    if figures.labelled:
        precision, recall = figures.real_precision, figures.real_recall
        score += 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
    planted = [figures.recall(method) for method in METHODS if figures.planted.get(method)]
    if planted:
        score += min(planted)
    return score - 2 * max(0.0, figures.flags_per_story - MAX_FLAGS_PER_STORY)


def best_threshold(outcomes: Outcomes, families: set[str]) -> float:
    """The threshold of the highest objective on ``families``; on a tie the higher (precision first)."""
    return max(THRESHOLDS, key=lambda t: (round(objective(outcomes.figures(t, families)), 6), t))


@dataclass
class CrossValidation:
    folds: dict[str, float]  # left-out family -> threshold chosen without it
    pooled: Figures  # left-out families' figures at their fold's threshold
    final_threshold: float  # chosen on every tuning family
    held_aside: Figures  # held-aside families at the final threshold
    tuning_families: list[str]
    held_aside_families: list[str]


def cross_validate(outcomes: Outcomes, held_aside: tuple[str, ...] = HELD_ASIDE) -> CrossValidation:
    tuning = [family for family in outcomes.families if family not in held_aside]
    folds = {}
    pooled = Figures()
    for left_out in tuning:
        threshold = best_threshold(outcomes, set(tuning) - {left_out})
        folds[left_out] = threshold
        pooled.add(outcomes.figures(threshold, {left_out}))
    final = best_threshold(outcomes, set(tuning))
    aside = [family for family in outcomes.families if family in held_aside]
    return CrossValidation(folds, pooled, final, outcomes.figures(final, set(aside)), tuning, aside)
