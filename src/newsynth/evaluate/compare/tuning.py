"""Fit the evidence weights and choose the display threshold by cross-validation grouped by family.

The weights are logistic, per kind of value (``fit_model``: conflicts matching a labelled real
disagreement and detected plants are positives, other conflicts of unmodified stories negatives).
The threshold maximises ``objective`` on *out-of-fold* confidences: each family scored by weights
fitted without it, which is how stories the weights never saw are scored (a family's own fit rates
its conflicts higher, and a threshold chosen on those comes out too low). The figure that counts nests
the whole procedure: each tuning family is left out in turn, the threshold is chosen on the other
families' out-of-fold confidences, and the family is scored by weights fitted on the others; the
folds' counts are pooled. The families in ``HELD_ASIDE`` take no part in any choice: they are scored
once, with the weights and threshold chosen on all tuning families, and reported apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsynth.compare.slots import BASE_FEATURES, KINDS, ConfidenceModel, kind_of
from newsynth.evaluate.compare import Figures, Outcomes
from newsynth.evaluate.compare.planting import METHODS

# kept aside before any tuning: one family of labelled real disagreements, one of the dev stories
HELD_ASIDE = ("hurricane-landfalls", "flint-water-crisis")
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))
MAX_FLAGS_PER_STORY = 0.3
CLOSE_GAP = 0.10  # numbers this close, in one slot, may be a real disagreement nobody labelled
DOUBTFUL_NEGATIVE = 0.25  # the weight of such a flag as a negative
REFITS = 2  # each on the readings the previous fit rates strongest
MODEL_C = 0.3  # inverse regularisation strength (of 0.3 and 1.0, the better CV objective)


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


def fit_model(outcomes: Outcomes, families: set[str]) -> ConfidenceModel:
    """A logistic model of each kind of value (``slots.ConfidenceModel``) from the families' conflicts.

    Positives: conflicts matching a labelled real disagreement, and the conflicts that found a plant of
    either method; negatives: every other conflict of the unmodified stories. The few real
    disagreements weigh as much in total as the many plants, which are made by program and sit in
    better-aligned sentences than real disagreements do; each planting method's plants weigh alike (the
    objective counts the weaker method); the negatives weigh as much as all positives.
    (Of five such weightings, this one scored best by the family-grouped CV objective.) A negative that
    may be a real disagreement nobody labelled (``doubtful_negative``: two numbers within ``CLOSE_GAP``
    of each other that count the same noun or have the same nearest words, such as "$273 million" and
    "$278 million" of one cost) weighs ``DOUBTFUL_NEGATIVE`` of another.

    The kinds are fitted together: every feature once for all kinds and once more for each kind but
    numbers (``kind_columns``), so that a kind's weights are the shared ones plus its own, and the
    regularisation keeps a kind with few examples (dates, times) close to the shared weights.

    A conflict found through several sentence pairs has one reading of the evidence per pair, and is as
    strong as its strongest. The first fit learns from all readings (each conflict weighing one in
    all); each of ``REFITS`` more learns from the readings the previous fit rates strongest. So the fit
    does not depend on the stored model, which chose the reading kept on merging."""
    from sklearn.linear_model import LogisticRegression

    fitted = None
    for _ in range(1 + REFITS):
        rows, labels, weights = training_rows(outcomes, families, fitted)
        model = LogisticRegression(C=MODEL_C, max_iter=5000)
        model.fit([kind_columns(row) for row in rows], labels, sample_weight=weights)
        fitted = model_of_kinds(model.coef_[0], float(model.intercept_[0]))
    return fitted


def training_rows(
    outcomes: Outcomes, families: set[str], model: ConfidenceModel | None = None
) -> tuple[list[dict[str, float]], list[int], list[float]]:
    """The evidence of the families' conflicts and found plants, labels (1: one fact told two ways) and
    sample weights (see ``fit_model``)."""
    rows, kinds, own = [], [], []
    for story in outcomes.stories:
        if story.family not in families:
            continue
        for flag in story.flags:
            readings = chosen(flag.evidence(), model)
            for evidence in readings:
                rows.append(evidence)
                kinds.append("real" if flag.matches else "negative")
                doubtful = not flag.matches and doubtful_negative(evidence)
                own.append((DOUBTFUL_NEGATIVE if doubtful else 1.0) / len(readings))
        for outcome in story.plants:
            readings = chosen(outcome.evidence(), model)
            for evidence in readings:
                rows.append(evidence)
                kinds.append(outcome.plant.method)
                own.append(1 / len(readings))
    counts = {
        kind: max(sum(w for k, w in zip(kinds, own, strict=True) if k == kind), 1.0)
        for kind in ("real", *METHODS, "negative")
    }
    positives = sum(count for kind, count in counts.items() if kind != "negative")
    share = {"real": 0.5, **{method: 0.5 / len(METHODS) for method in METHODS}, "negative": 1.0}
    weights = [share[kind] * positives / counts[kind] * w for kind, w in zip(kinds, own, strict=True)]
    return rows, [int(kind != "negative") for kind in kinds], weights


def chosen(evidence: list[dict[str, float]], model: ConfidenceModel | None) -> list[dict[str, float]]:
    """The readings of the evidence to learn from: the strongest by ``model``; without one, all."""
    return [max(evidence, key=model.probability)] if model and evidence else evidence


def kind_columns(features: dict[str, float]) -> list[float]:
    """The base features, then for each kind but numbers its indicator and the base features again
    where the conflict is of that kind (zeros elsewhere)."""
    base = [features.get(name, 0.0) for name in BASE_FEATURES]
    kind = kind_of(features)
    columns = list(base)
    for other in KINDS[1:]:
        columns += [1.0, *base] if other == kind else [0.0] * (1 + len(base))
    return columns


def model_of_kinds(coefficients: Sequence[float], intercept: float) -> ConfidenceModel:
    """Each kind's weights from ``kind_columns``'s coefficients: the shared part plus the kind's own."""
    size = len(BASE_FEATURES)
    shared = coefficients[:size]
    weights = {"number": tuple(round(float(w), 3) for w in shared)}
    intercepts = {"number": round(intercept, 3)}
    for position, kind in enumerate(KINDS[1:]):
        start = size + position * (size + 1)
        own = coefficients[start + 1 : start + 1 + size]
        weights[kind] = tuple(round(float(a + b), 3) for a, b in zip(shared, own, strict=True))
        intercepts[kind] = round(intercept + float(coefficients[start]), 3)
    return ConfidenceModel(weights, intercepts)


def doubtful_negative(features: dict[str, float]) -> bool:
    """A flag on an unmodified story that may be a real disagreement nobody labelled: two numbers within
    ``CLOSE_GAP`` of each other that count the same noun or have the same nearest words."""
    gap = features.get("gap")
    return (
        gap is not None
        and gap <= CLOSE_GAP
        and (features.get("head", 0.0) == 1.0 or features.get("near", 0.0) >= 0.5)
    )


def best_threshold(outcomes: Outcomes, families: set[str]) -> float:
    """The threshold of the highest objective on ``families``; on a tie the higher (precision first)."""
    return max(THRESHOLDS, key=lambda t: (round(objective(outcomes.figures(t, families)), 6), t))


def out_of_fold(outcomes: Outcomes, families: set[str]) -> Outcomes:
    """The families' stories, each family's confidences from weights fitted on the other families."""
    stories = []
    for family in sorted(families):
        own = outcomes.only({family}).rescored(fit_model(outcomes, families - {family}))
        stories += own.stories
    return Outcomes(stories)


def chosen_threshold(outcomes: Outcomes, families: set[str]) -> float:
    """The display threshold for weights fitted on ``families``: the best on their out-of-fold scores."""
    return best_threshold(out_of_fold(outcomes, families), families)


@dataclass
class CrossValidation:
    folds: dict[str, float]  # left-out family -> threshold chosen without it
    model: ConfidenceModel  # fitted on every tuning family
    pooled: Figures  # left-out families' figures at their fold's threshold
    final_threshold: float  # chosen on every tuning family's out-of-fold scores
    held_aside: Figures  # held-aside families at the final threshold
    tuning_families: list[str]
    held_aside_families: list[str]


def cross_validate(outcomes: Outcomes, held_aside: tuple[str, ...] = HELD_ASIDE) -> CrossValidation:
    tuning = [family for family in outcomes.families if family not in held_aside]
    folds = {}
    pooled = Figures()
    for left_out in tuning:
        training = set(tuning) - {left_out}
        folds[left_out] = chosen_threshold(outcomes, training)
        scored = outcomes.only({left_out}).rescored(fit_model(outcomes, training))
        pooled.add(scored.figures(folds[left_out], {left_out}))
    model = fit_model(outcomes, set(tuning))
    final = chosen_threshold(outcomes, set(tuning))
    aside = outcomes.only(set(held_aside))
    held = aside.rescored(model).figures(final, set(aside.families))
    return CrossValidation(folds, model, pooled, final, held, tuning, aside.families)
