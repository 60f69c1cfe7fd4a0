"""Measure the compare stage: planted contradictions (two methods), false alarms, real disagreements.

For each story: ``compare_story`` on the story as it is (its conflicts are false alarms, or, where the
record has ``conflicts`` labels, checked against them: ``real``), then on copies with one planted
contradiction each (``planting``: ``twin`` and ``transplant``). A plant is recalled when a conflict
names the planted value for the planted article. Every candidate conflict is kept with its confidence
and evidence (``compare_story(join_confidence=0)``), so that
the figures can be read at any display threshold (``Outcomes.figures``) and the threshold chosen by
cross-validation grouped by story family (``tuning``). A fixed seed makes every run pick the same plants.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from dataclasses import dataclass, field, replace

from tqdm import tqdm

from newsynth.clean import clean_articles
from newsynth.compare import SHOW_CONFIDENCE, clear_caches, compare_story
from newsynth.compare.slots import ConfidenceModel
from newsynth.evaluate.compare.planting import (
    KINDS,
    METHODS,
    Plant,
    donor_values,
    planted_story,
    transplant_plants,
    twin_plants,
)
from newsynth.evaluate.compare.real import flag_sentences, matched_labels
from newsynth.group import single_story
from newsynth.ingest import articles_from_documents
from newsynth.records import Comparison, Story

__all__ = ["KINDS", "METHODS", "PLANTS_PER_KIND", "SEED", "Outcomes", "evaluate_records", "story_from_record"]

PLANTS_PER_KIND = 3  # per story and method
SEED = 20141007
TIMING_REPEATS = 3


class Readings:
    """Something found with ``features`` (the evidence kept) and ``alternatives`` (every reading)."""

    features: dict[str, float]
    alternatives: list[dict[str, float]]

    def evidence(self) -> list[dict[str, float]]:
        return evidence_of(self.features, self.alternatives)


@dataclass
class Flag(Readings):
    kind: str
    description: str
    confidence: float
    matches: frozenset[int] = frozenset()  # labelled conflicts it matches
    features: dict[str, float] = field(default_factory=dict)
    alternatives: list[dict[str, float]] = field(default_factory=list)  # see ``evidence``


@dataclass
class PlantOutcome(Readings):
    plant: Plant
    confidence: float | None  # of the strongest conflict naming the planted value; None: not flagged
    features: dict[str, float] = field(default_factory=dict)  # that conflict's evidence
    alternatives: list[dict[str, float]] = field(default_factory=list)  # see ``evidence``


def evidence_of(features: dict[str, float], alternatives: list[dict[str, float]]) -> list[dict[str, float]]:
    """Every reading of the evidence another model may rate highest: each sentence pair's that found
    the conflict (or, for a plant, any conflict naming the planted value); else the one kept."""
    return alternatives or ([features] if features else [])


@dataclass
class StoryOutcome:
    id: str
    family: str
    labels: list[str]  # facts of the labelled conflicts; empty when the record has none
    flags: list[Flag]
    plants: list[PlantOutcome]
    ms: float
    articles: int


@dataclass
class Figures:
    stories: int = 0
    planted: dict[str, int] = field(default_factory=dict)  # "method" and "method/kind" -> count
    recalled: dict[str, int] = field(default_factory=dict)
    flags: int = 0  # shown conflicts on stories without labels
    unlabelled_stories: int = 0
    labelled: int = 0
    found: int = 0
    labelled_flags: int = 0  # shown conflicts on labelled stories
    matching_flags: int = 0

    def recall(self, key: str) -> float:
        return self.recalled.get(key, 0) / self.planted[key] if self.planted.get(key) else 0.0

    @property
    def flags_per_story(self) -> float:
        return self.flags / self.unlabelled_stories if self.unlabelled_stories else 0.0

    @property
    def real_recall(self) -> float:
        return self.found / self.labelled if self.labelled else 0.0

    @property
    def real_precision(self) -> float:
        return self.matching_flags / self.labelled_flags if self.labelled_flags else 0.0

    def add(self, other: Figures) -> None:
        for name in ("stories", "flags", "unlabelled_stories", "labelled", "found", "labelled_flags"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.matching_flags += other.matching_flags
        for key, count in other.planted.items():
            self.planted[key] = self.planted.get(key, 0) + count
        for key, count in other.recalled.items():
            self.recalled[key] = self.recalled.get(key, 0) + count

    def summary(self) -> dict[str, object]:
        figures: dict[str, object] = {"stories": self.stories}
        for method in METHODS:
            figures[f"{method}_planted"] = self.planted.get(method, 0)
            figures[f"{method}_recall"] = round(self.recall(method), 3)
            for kind in KINDS:
                figures[f"{method}_recall_{kind}"] = round(self.recall(f"{method}/{kind}"), 3)
        if self.unlabelled_stories:
            figures["flagged_per_unmodified_story"] = round(self.flags_per_story, 3)
        if self.labelled:
            figures.update(
                real_labelled=self.labelled,
                real_found=self.found,
                real_recall=round(self.real_recall, 3),
                real_flags=self.labelled_flags,
                real_precision=round(self.real_precision, 3),
                flagged_per_labelled_story=round(
                    self.labelled_flags / (self.stories - self.unlabelled_stories), 3
                ),
            )
        return figures


@dataclass
class Outcomes:
    stories: list[StoryOutcome] = field(default_factory=list)

    def figures(self, threshold: float = SHOW_CONFIDENCE, families: set[str] | None = None) -> Figures:
        """The figures when conflicts from ``threshold`` on are shown, over ``families`` (default all)."""
        total = Figures()
        for story in self.stories:
            if families is None or story.family in families:
                total.add(story_figures(story, threshold))
        return total

    def rescored(self, model: ConfidenceModel) -> Outcomes:
        """The same outcomes with every confidence recomputed from its evidence by another model: the
        highest over the evidence of the sentence pairs that found it, as merging keeps the strongest.
        So the stored model, which chose what was kept on merging, does not decide the figures."""

        def score(evidence: list[dict[str, float]], old: float | None) -> float | None:
            return max(model.probability(e) for e in evidence) if evidence and old is not None else old

        stories = [
            replace(
                story,
                flags=[
                    replace(flag, confidence=score(flag.evidence(), flag.confidence)) for flag in story.flags
                ],
                plants=[replace(p, confidence=score(p.evidence(), p.confidence)) for p in story.plants],
            )
            for story in self.stories
        ]
        return Outcomes(stories)

    def only(self, families: set[str]) -> Outcomes:
        """The outcomes of the stories of ``families``."""
        return Outcomes([story for story in self.stories if story.family in families])

    @property
    def families(self) -> list[str]:
        return sorted({story.family for story in self.stories})

    def timings(self) -> dict[str, float | None]:
        all_ms = [story.ms for story in self.stories]
        four = [story.ms for story in self.stories if story.articles == 4]
        return {
            "median_ms": round(statistics.median(all_ms), 1) if all_ms else None,
            "median_ms_four_articles": round(statistics.median(four), 1) if four else None,
        }


def story_figures(story: StoryOutcome, threshold: float) -> Figures:
    figures = Figures(stories=1)
    shown = [flag for flag in story.flags if flag.confidence >= threshold]
    if story.labels:
        figures.labelled = len(story.labels)
        figures.found = len(set().union(*(flag.matches for flag in shown))) if shown else 0
        figures.labelled_flags = len(shown)
        figures.matching_flags = sum(1 for flag in shown if flag.matches)
    else:
        figures.unlabelled_stories = 1
        figures.flags = len(shown)
    for outcome in story.plants:
        recalled = int(outcome.confidence is not None and outcome.confidence >= threshold)
        for key in (outcome.plant.method, f"{outcome.plant.method}/{outcome.plant.kind}"):
            figures.planted[key] = figures.planted.get(key, 0) + 1
            figures.recalled[key] = figures.recalled.get(key, 0) + recalled
    return figures


def family_of(record: dict) -> str:
    """The record's story family; a record without one is a family of its own."""
    return str(record.get("family") or record["id"])


def story_from_record(record: dict) -> Story:
    articles = clean_articles(articles_from_documents(record["documents"], str(record["id"])))
    return single_story(articles, str(record["id"]))


def evaluate_records(
    records: list[dict], seed: int = SEED, per_kind: int = PLANTS_PER_KIND, strict_sites: bool = True
) -> Outcomes:
    stories = [story_from_record(record) for record in records]
    donors = donor_values(stories)
    outcomes = Outcomes()
    compare_story(stories[0])  # load the NER model before timing anything
    progress = tqdm(
        list(zip(records, stories, strict=True)),
        desc="stories",
        unit="story",
        disable=not sys.stderr.isatty(),
    )
    for record, story in progress:
        rng = random.Random(f"{seed}:{record['id']}")  # each story's plants do not depend on the others
        comparison, elapsed = timed_comparison(story)
        labels = record.get("conflicts") or []
        plants = twin_plants(story, rng, per_kind, strict_sites) + transplant_plants(
            story, rng, per_kind, donors, strict_sites
        )
        outcomes.stories.append(
            StoryOutcome(
                id=str(record["id"]),
                family=family_of(record),
                labels=[str(label.get("fact", "")) for label in labels],
                flags=[
                    Flag(
                        c.kind,
                        c.description,
                        c.confidence,
                        matched_labels(c, sentences, labels),
                        c.evidence,
                        c.alternatives,
                    )
                    for c, sentences in flag_sentences(comparison)
                ],
                plants=[plant_outcome(story, plant) for plant in plants],
                ms=elapsed,
                articles=len(story.usable_articles),
            )
        )
    return outcomes


def timed_comparison(story: Story, repeats: int = TIMING_REPEATS) -> tuple[Comparison, float]:
    """Compare a story from cold (caches cleared) ``repeats`` times; the fastest run's ms resists the
    noise of other processes on a shared machine."""
    fastest = float("inf")
    comparison = Comparison()
    for _ in range(repeats):
        clear_caches()
        started = time.perf_counter()
        comparison = compare_story(story, join_confidence=0.0)
        fastest = min(fastest, (time.perf_counter() - started) * 1000)
    return comparison, fastest


def plant_outcome(story: Story, plant: Plant) -> PlantOutcome:
    """The strongest conflict that names the planted value for the planted article, if any."""
    number = story.number(plant.article_id)
    comparison = compare_story(planted_story(story, plant), join_confidence=0.0)
    naming = [
        conflict
        for claim in comparison.claims
        for conflict in claim.conflicts
        if _names_value(conflict.values.get(number, ""), plant)
    ]
    if not naming:
        return PlantOutcome(plant, None)
    strongest = max(naming, key=lambda conflict: conflict.confidence)
    alternatives = [e for conflict in naming for e in evidence_of(conflict.evidence, conflict.alternatives)]
    return PlantOutcome(plant, strongest.confidence, strongest.evidence, alternatives)


def _names_value(value: str, plant: Plant) -> bool:
    changed = _changed_part(plant.old_value, plant.new_value)
    return bool(value) and (changed in value or value == plant.new_value)


def _changed_part(old: str, new: str) -> str:
    """The words of ``new`` that differ from ``old`` ("April" of "April 3" planted over "March 3")."""
    old_words = set(old.split())
    return " ".join(word for word in new.split() if word not in old_words) or new
