"""Online story assignment: each arriving article joins its best candidate story or starts a new one.

Candidates come from a blocking index: every story is listed under its articles' most
distinctive terms and entities, and each such posting list keeps only the most recent
``posting_cap`` stories. An article looks up its own ``key_terms`` keys, so the work per
article is bounded by ``key_terms * posting_cap`` whatever the size of the pile, and never
compares all pairs.

The score of a candidate combines three signals, so that different events on one subject
stay apart: TF-IDF cosine with the story centroid, cosine of named-entity profiles, and a
penalty growing with the distance between the article's date and the story's dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import add, itemgetter, mul

import numpy as np

from newsynth.group.features import TERM_SPACE, ArticleFeatures


@dataclass(frozen=True)
class GroupSettings:
    """Knobs of the assignment; the defaults were chosen on the development set."""

    threshold: float = 0.30  # minimum combined score to join a story
    text_weight: float = 1.0
    entity_weight: float = 0.35
    date_weight: float = 0.5  # penalty at and beyond ``date_scale_days`` past the slack
    date_slack_days: int = 2  # articles about one event appear within a few days
    date_scale_days: int = 5
    vector_terms: int = 200  # an article is represented by its heaviest terms
    centroid_terms: int = 400  # a story keeps its heaviest centroid terms
    key_terms: int = 10  # blocking keys per article
    posting_cap: int = 24  # stories kept per blocking key, most recent first
    max_candidates: int = 8  # candidate stories scored per article
    settled_margin: float = 0.15  # the refine pass leaves articles this far above the threshold
    refine_rounds: int = 2  # reassignment passes after the online pass


@dataclass
class SparseProfile:
    """A centroid: term -> summed weight, with its squared norm kept up to date."""

    weights: dict[int, float] = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, terms: list[int], values: list[float], cap: int) -> None:
        weights = self.weights
        before = list(map(weights.get, terms, repeat(0.0)))
        dot = sum(map(mul, values, before))
        weights.update(zip(terms, map(add, before, values), strict=True))  # the terms are unique
        self.norm2 += 2 * dot + sum(map(mul, values, values))
        if len(weights) > cap * 1.5:
            kept = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:cap]
            self.weights = dict(kept)
            self.norm2 = sum(value * value for _, value in kept)

    def cosine(self, terms: list[int], values: list[float], *, member: bool = False) -> float:
        """Cosine with a unit vector; ``member`` leaves the vector's own contribution out."""
        dot = sum(map(mul, values, map(self.weights.get, terms, repeat(0.0))))
        norm2 = self.norm2
        if member:
            self_dot = sum(map(mul, values, values))
            dot, norm2 = dot - self_dot, norm2 - 2 * dot + self_dot
        return dot / norm2**0.5 if norm2 > 1e-9 else 0.0


@dataclass
class StoryState:
    id: str
    text: SparseProfile = field(default_factory=SparseProfile)
    entities: SparseProfile = field(default_factory=SparseProfile)
    days: list[int] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def median_day(self, leave_out: int | None = None) -> int | None:
        ordered = sorted(self.days)
        if leave_out is not None and leave_out in ordered:
            ordered.remove(leave_out)
        return ordered[len(ordered) // 2] if ordered else None


@dataclass
class Vectors:
    """An article's weighted, normalized term and entity vectors under the current IDF."""

    terms: np.ndarray
    values: np.ndarray
    entities: np.ndarray
    entity_values: np.ndarray
    keys: list[int]
    term_list: list[int] = field(default_factory=list)  # the same as Python lists, for fast scoring
    value_list: list[float] = field(default_factory=list)
    entity_list: list[int] = field(default_factory=list)
    entity_value_list: list[float] = field(default_factory=list)


@dataclass
class Assignment:
    story_id: str
    score: float  # combined score with the story joined; 0 for a new story
    new_story: bool
    vectors: Vectors  # the article's vectors, reusable by ``add``


class StoryIndex:
    """The state of the online grouping: document frequencies, story profiles and blocking keys."""

    def __init__(
        self,
        settings: GroupSettings | None = None,
        *,
        document_frequency: np.ndarray | None = None,
        documents: int = 0,
    ) -> None:
        self.settings = settings or GroupSettings()
        if document_frequency is None:
            document_frequency = np.zeros(TERM_SPACE, dtype=np.int32)
        self.document_frequency = document_frequency
        self.documents = documents
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[int, dict[str, None]] = {}  # key -> story ids, oldest first
        self.story_of: dict[str, str] = {}

    # --- the public steps -------------------------------------------------------------------
    def assign(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """Choose the story of an article (without recording it; ``add`` does that)."""
        self._count(features)
        assignment = self._best_story(features, new_story_id)
        self._uncount(features)
        return assignment

    def add(self, features: ArticleFeatures, story_id: str, vectors: Vectors | None = None) -> Vectors:
        """Record an article in a story (new or existing) and update every profile and index.

        ``vectors`` from the ``assign`` just before (same frequencies) saves computing them again.
        """
        self._count(features)
        if vectors is None:
            vectors = self.vectors(features)
        self.record(features, story_id, vectors)
        return vectors

    def record(self, features: ArticleFeatures, story_id: str, vectors: Vectors) -> None:
        """Put an article's vectors into a story's profiles and the blocking index (no counting)."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryState(story_id)
        cap = self.settings.centroid_terms
        story.text.add(vectors.term_list, vectors.value_list, cap)
        story.entities.add(vectors.entity_list, vectors.entity_value_list, cap)
        if features.day is not None:
            story.days.append(features.day)
        story.article_ids.append(features.article_id)
        self.story_of[features.article_id] = story_id
        self.post(vectors.keys, story_id)

    def assign_and_add(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """``assign`` then ``add``, with the article counted in the frequencies once instead of thrice."""
        self._count(features)
        assignment = self._best_story(features, new_story_id)
        self.record(features, assignment.story_id, assignment.vectors)
        return assignment

    def _best_story(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """The candidate story the article fits best, or a new one (the article already counted)."""
        vectors = self.vectors(features)
        best_id, best_score = None, -1.0
        for story_id in self.candidates(vectors):
            score = self.score(vectors, features.day, self.stories[story_id])
            if score > best_score:
                best_id, best_score = story_id, score
        if best_id is not None and best_score >= self.settings.threshold:
            return Assignment(best_id, best_score, new_story=False, vectors=vectors)
        return Assignment(new_story_id, 0.0, new_story=True, vectors=vectors)

    # --- scoring ----------------------------------------------------------------------------
    def idf(self, terms: np.ndarray) -> np.ndarray:
        return self.idf_of(self.document_frequency[terms])

    def idf_of(self, document_frequency: np.ndarray) -> np.ndarray:
        """IDF under the current document count, elementwise (a whole table or an article's terms)."""
        return np.log((self.documents + 1.0) / (document_frequency.astype(np.float32) + 1.0)) + 1.0

    def idf_table(self) -> np.ndarray:
        """The IDF of every counted term (0 for others), for many articles under unchanging frequencies."""
        counted = np.flatnonzero(self.document_frequency)
        table = np.zeros(TERM_SPACE, dtype=np.float32)
        table[counted] = self.idf_of(self.document_frequency[counted])
        return table

    def vectors(self, features: ArticleFeatures, idf_table: np.ndarray | None = None) -> Vectors:
        """``idf_table`` (from ``idf_table()``, frequencies unchanged since) saves computing the IDF."""
        settings = self.settings
        # terms and entities in one array: a few numpy calls instead of twice as many on tiny arrays
        split = len(features.terms)
        ids = np.concatenate((features.terms, features.entities), dtype=np.intp)
        idf = self.idf(ids) if idf_table is None else idf_table[ids]
        weights = np.concatenate((features.term_weights, features.entity_weights))
        weights *= idf
        terms, values = _top_normalized(features.terms, weights[:split], settings.vector_terms)
        entities, entity_values = _top_normalized(features.entities, weights[split:], settings.vector_terms)
        term_list = terms.tolist()
        entity_list = entities.tolist()
        keys = term_list[: settings.key_terms] + entity_list[: settings.key_terms // 2]
        return Vectors(
            terms,
            values,
            entities,
            entity_values,
            keys,
            term_list,
            values.tolist(),
            entity_list,
            entity_values.tolist(),
        )

    def candidates(self, vectors: Vectors) -> list[str]:
        # one Counter over every posting's ids, and a sort: what most_common gives, with less overhead
        hits = Counter(chain.from_iterable(map(self.postings.get, vectors.keys, repeat(()))))
        ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
        return [story_id for story_id, _ in ranked[: self.settings.max_candidates]]

    def score(self, vectors: Vectors, day: int | None, story: StoryState, *, member: bool = False) -> float:
        """Combined score of an article for a story; ``member`` scores it against the rest of its own."""
        settings = self.settings
        text = story.text.cosine(vectors.term_list, vectors.value_list, member=member)
        entity = story.entities.cosine(vectors.entity_list, vectors.entity_value_list, member=member)
        penalty = self.date_penalty(day, story, member=member)
        return settings.text_weight * text + settings.entity_weight * entity - penalty

    def date_penalty(self, day: int | None, story: StoryState, *, member: bool = False) -> float:
        median = story.median_day(leave_out=day if member else None)
        if day is None or median is None:
            return 0.0
        settings = self.settings
        excess = abs(day - median) - settings.date_slack_days
        return settings.date_weight * min(1.0, max(0.0, excess / settings.date_scale_days))

    # --- bookkeeping ------------------------------------------------------------------------
    # intp indices: numpy converts uint32 ones on every indexing, which costs more than the update
    def _count(self, features: ArticleFeatures) -> None:
        self.documents += 1
        self.document_frequency[features.terms.astype(np.intp)] += 1
        self.document_frequency[features.entities.astype(np.intp)] += 1

    def _uncount(self, features: ArticleFeatures) -> None:
        self.documents -= 1
        self.document_frequency[features.terms.astype(np.intp)] -= 1
        self.document_frequency[features.entities.astype(np.intp)] -= 1

    def post(self, keys: list[int], story_id: str) -> None:
        """Move the story to the recent end of each key's posting list, dropping the oldest past the cap.

        A posting list is a dict used as an ordered set (oldest first), so re-posting costs O(1).
        """
        cap = self.settings.posting_cap
        postings = self.postings
        for key in keys:
            posting = postings.get(key)
            if posting is None:
                postings[key] = {story_id: None}
                continue
            posting.pop(story_id, None)
            posting[story_id] = None
            if len(posting) > cap:
                del posting[next(iter(posting))]


def _top_normalized(terms: np.ndarray, values: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``limit`` heaviest terms, heaviest first, scaled to unit length."""
    if len(terms) > limit:
        chosen = np.argpartition(values, -limit)[-limit:]
        terms, values = terms[chosen], values[chosen]
    # array methods: the np.* wrappers cost more than the work on a few dozen values
    order = (-values).argsort(kind="stable")
    terms, values = terms[order], values[order]
    norm = float(np.sqrt(values.dot(values)))
    return terms, (values / norm if norm > 0 else values)
