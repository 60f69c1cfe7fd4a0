"""Online story assignment: each arriving article joins its best candidate story or starts a new one.

Candidates come from a blocking index: every story is listed under its articles' most
distinctive terms, names and figures, and each such posting list keeps only the most recent
``posting_cap`` stories. A story that has not grown for ``stale_articles`` arrivals goes stale: it
leaves every posting list but those of its few rarest keys, and its profiles shrink to small arrays
of their heaviest entries. So the work and the memory per article stay flat however large the pile
grows, while a late article that shares a rare name or figure with a stale story still finds it.
(Arrivals, not days: the final pass goes in date order, where the two agree, and in arrival order
a stray old or future date would make the wrong stories stale; how far apart the dates are is the
link model's business.)

The best candidate is joined when the link model (``newsynth.group.link``) gives it a probability
of at least the threshold: the model weighs the event evidence (names, figures, dates) against the
subject's vocabulary, as learned from families of same-subject events.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from operator import add, itemgetter, mul, sub

import numpy as np

from newsynth.group.features import DATELINE, TERM_SPACE, TEXT, ArticleFeatures
from newsynth.group.link import LinkModel, default_model

LOG_YEAR = math.log1p(365.0)
SAME_EVENT_DAYS = 2  # reports of one event come out within a couple of days: no distance below this
SWEEP_EVERY = 64  # articles between two sweeps for stale stories
STALE_KEYS = 6  # a stale story stays posted under this many of its rarest keys
STALE_TERMS = (100, 30, 10)  # terms, names and figures a stale story keeps
UNPACKED_CACHE = 2048  # stale stories kept unpacked for scoring


@dataclass(frozen=True)
class GroupSettings:
    """Knobs of the assignment; the join threshold comes with the link model unless set here."""

    threshold: float | None = None  # minimum link probability to join a story; None: the model's
    vector_terms: int = 200  # an article is represented by its heaviest terms
    centroid_terms: int = 400  # a story keeps its heaviest centroid terms
    key_terms: int = 10  # blocking keys per article (and half as many names, two figures)
    posting_cap: int = 24  # stories kept per blocking key, most recent first
    max_candidates: int = 8  # candidate stories scored per article
    stale_articles: int = 20_000  # a story not grown for this many arrivals leaves the index
    settled_margin: float = 0.25  # the refine pass leaves articles this far above the threshold
    refine_rounds: int = 1  # reassignment rounds (the first comes with the assignment, see refine)
    refine_lag_articles: int = 2_000  # the refine pass checks an article this many articles later
    recheck: bool = True  # after a join, members of nearby small stories that now fit it better move
    recheck_story_size: int = 8  # stories up to this size are re-checked
    recheck_floor: float = 0.5  # ... when the arriving article scored at least this share of the threshold


@dataclass
class SparseProfile:
    """A centroid: term -> summed weight, with its squared norm kept up to date."""

    weights: dict[int, float] = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, terms: list[int], values: list[float], cap: int, self_dot: float | None = None) -> None:
        """Add a vector (``self_dot``: its sum of squares, if known)."""
        weights = self.weights
        before = list(map(weights.get, terms, repeat(0.0)))
        dot = sum(map(mul, values, before))
        weights.update(zip(terms, map(add, before, values), strict=True))  # the terms are unique
        if self_dot is None:
            self_dot = sum(map(mul, values, values))
        self.norm2 += 2 * dot + self_dot
        if len(weights) > cap * 1.5:
            kept = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:cap]
            self.weights = dict(kept)
            self.norm2 = sum(value * value for _, value in kept)

    def cosine(self, terms: list[int], values: list[float], self_dot: float | None = None) -> float:
        """Cosine with a unit vector; with the vector's ``self_dot`` (its values' sum of squares),
        the vector's own contribution is left out (it is a member)."""
        dot = sum(map(mul, values, map(self.weights.get, terms, repeat(0.0))))
        norm2 = self.norm2
        if self_dot is not None:
            dot, norm2 = dot - self_dot, norm2 - 2 * dot + self_dot
        return dot / norm2**0.5 if norm2 > 1e-9 else 0.0


@dataclass
class StoryState:
    id: str
    text: SparseProfile = field(default_factory=SparseProfile)
    entities: SparseProfile = field(default_factory=SparseProfile)
    numbers: SparseProfile = field(default_factory=SparseProfile)
    days: list[int] = field(default_factory=list)  # the members' sure dates (metadata or dateline)
    weak_days: list[int] = field(default_factory=list)  # dates found further down a member's text
    size: int = 0
    keys: Counter[int] = field(default_factory=Counter)  # where it is posted, by how many members
    compact: CompactProfiles | None = None  # a stale story's profiles
    last_position: int = 0  # arrival number of its newest member
    retired: bool = False
    members: list[ArticleFeatures] | None = field(default_factory=list)  # None once it went stale

    def scored(self) -> StoryState:
        """The story as scoring reads it: a stale one with its compact profiles unpacked."""
        if self.compact is None:
            return self
        text, entities, numbers = self.compact.unpack()
        return replace(self, text=text, entities=entities, numbers=numbers)

    def take(self, features: ArticleFeatures, vectors: Vectors, cap: int) -> None:
        """Add an article to the profiles (``cap``: the heaviest terms a profile keeps)."""
        text_self, entity_self, number_self = vectors.self_dots
        self.text.add(vectors.term_list, vectors.value_list, cap, text_self)
        self.entities.add(vectors.entity_list, vectors.entity_value_list, cap, entity_self)
        self.numbers.add(vectors.number_list, vectors.number_value_list, cap, number_self)
        if features.day is not None:
            bisect.insort(self.days if features.day_confidence >= DATELINE else self.weak_days, features.day)
        self.size += 1

    def date(self, leave_out: tuple[int | None, int] | None = None) -> tuple[int | None, bool]:
        """The median date of the members and whether it is sure; ``leave_out`` is a member's (day,
        confidence) to leave out."""
        day, confidence = leave_out if leave_out is not None else (None, 0)
        sure = _median(self.days, day if confidence >= DATELINE else None)
        if sure is not None:
            return sure, True
        return _median(self.weak_days, day if confidence == TEXT else None), False


def _median(ordered: list[int], leave_out: int | None = None) -> int | None:
    """The median of sorted days (the upper one of an even count), ``leave_out`` left out once."""
    at = -1 if leave_out is None else bisect.bisect_left(ordered, leave_out)
    if at >= len(ordered) or (at >= 0 and ordered[at] != leave_out):
        at = -1
    count = len(ordered) - (at >= 0)
    if count == 0:
        return None
    middle = count // 2
    return ordered[middle + (0 <= at <= middle)]


@dataclass
class Vectors:
    """An article's weighted, normalized term, name and figure vectors under the current IDF."""

    terms: np.ndarray
    values: np.ndarray
    entities: np.ndarray
    entity_values: np.ndarray
    keys: list[int]
    term_list: list[int] = field(default_factory=list)  # the same as Python lists, for fast scoring
    value_list: list[float] = field(default_factory=list)
    entity_list: list[int] = field(default_factory=list)
    entity_value_list: list[float] = field(default_factory=list)
    number_list: list[int] = field(default_factory=list)
    number_value_list: list[float] = field(default_factory=list)
    _self_dots: tuple[float, float, float] | None = None

    @property
    def self_dots(self) -> tuple[float, float, float]:
        """Each vector's sum of squares as scoring a member computes it (kept: a member is scored often)."""
        if self._self_dots is None:
            self._self_dots = (
                sum(map(mul, self.value_list, self.value_list)),
                sum(map(mul, self.entity_value_list, self.entity_value_list)),
                sum(map(mul, self.number_value_list, self.number_value_list)),
            )
        return self._self_dots


@dataclass(frozen=True)
class Move:
    """An article leaving its story for another one (its own story may be left empty)."""

    article_id: str
    from_story: str
    to_story: str


@dataclass
class Assignment:
    story_id: str
    score: float  # link probability of the story joined; 0 for a new story
    new_story: bool
    vectors: Vectors  # the article's vectors, reusable by ``add``
    scored: list[tuple[str, float]] = field(default_factory=list)  # the other candidates and their scores
    moves: list[Move] = field(default_factory=list)  # what the re-check moves once the article is added


class StoryIndex:
    """The state of the online grouping: document frequencies, live story profiles and blocking keys.

    With ``idf_table`` (the IDF of a whole pile, see ``newsynth.group.refine``) the frequencies are
    fixed and articles are not counted.
    """

    def __init__(
        self,
        settings: GroupSettings | None = None,
        *,
        model: LinkModel | None = None,
        document_frequency: np.ndarray | None = None,
        documents: int = 0,
        idf_table: np.ndarray | None = None,
    ) -> None:
        """``idf_table`` fixes the IDF (a whole pile's) for the final pass, which uses the model's
        final threshold."""
        self.settings = settings or GroupSettings()
        self.model = model or default_model()
        model_threshold = self.model.threshold if idf_table is None else self.model.final_threshold
        self.threshold = model_threshold if self.settings.threshold is None else self.settings.threshold
        self.idf_fixed = idf_table
        if document_frequency is None and idf_table is None:
            document_frequency = np.zeros(TERM_SPACE, dtype=np.int32)
        self.document_frequency = document_frequency
        self.documents = documents
        self.stories: dict[str, StoryState] = {}  # every story; retired ones keep no profiles
        self.postings: dict[int, dict[str, None]] = {}  # key -> live story ids, oldest first
        self.story_of: dict[str, str] = {}
        self.position = 0  # articles recorded
        self.by_position: deque[tuple[int, str]] = deque()  # (arrival, story); stale as stories grow
        self.unpacked: OrderedDict[str, StoryState] = OrderedDict()  # stale stories lately scored
        # vectors under the IDF as it stands (an arrival's regrouping needs its members' several
        # times); a grouping inside this index (LiveIdf) shares them, a fixed IDF needs none
        self.vectors_memo: dict[str, tuple[ArticleFeatures, Vectors]] | None = None
        if isinstance(idf_table, LiveIdf):
            self.vectors_memo = idf_table.index.vectors_memo
        elif idf_table is None:
            self.vectors_memo = {}

    # --- the public steps -------------------------------------------------------------------
    def assign(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """Choose the story of an article (without recording it; ``add`` does that)."""
        self._count(features)
        assignment = self._best_story(features, new_story_id)
        self.plan_moves(features, assignment, new_story_id)
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

    def assign_and_add(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """``assign`` then ``add``, with the article counted in the frequencies once instead of thrice."""
        self._count(features)
        assignment = self._best_story(features, new_story_id)
        self.plan_moves(features, assignment, new_story_id)
        self.record(features, assignment.story_id, assignment.vectors)
        self.apply(assignment.moves)
        return assignment

    def record(self, features: ArticleFeatures, story_id: str, vectors: Vectors) -> None:
        """Put an article's vectors into a story's profiles and the blocking index (no counting)."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryState(story_id)
        elif story.retired:  # an article joining a stale story brings it back
            story.retired = False
            if story.compact is not None:
                story.text, story.entities, story.numbers = story.compact.unpack()
                story.compact = None
                self.unpacked.pop(story_id, None)
        self._put(story, features, vectors)
        self._track(story)

    def _put(self, story: StoryState, features: ArticleFeatures, vectors: Vectors) -> None:
        """An article into a story: its profiles, its members and the blocking index."""
        story.take(features, vectors, self.settings.centroid_terms)
        if story.members is not None:
            story.members.append(features)
        self.story_of[features.article_id] = story.id
        self.post(vectors.keys, story)

    def _best_story(self, features: ArticleFeatures, new_story_id: str) -> Assignment:
        """The candidate story the article fits best, or a new one (the article already counted)."""
        vectors = self.vectors(features)
        scored = [
            (story_id, self.link(vectors, features, self.stories[story_id]))
            for story_id in self.candidates(vectors)
        ]
        best_id, best_score = None, -1.0
        for story_id, score in scored:
            if score > best_score:
                best_id, best_score = story_id, score
        if best_id is not None and best_score >= self.threshold:
            others = [pair for pair in scored if pair[0] != best_id]
            return Assignment(best_id, best_score, new_story=False, vectors=vectors, scored=others)
        return Assignment(new_story_id, 0.0, new_story=True, vectors=vectors, scored=scored)

    # --- the re-check -----------------------------------------------------------------------
    def plan_moves(self, features: ArticleFeatures, assignment: Assignment, new_story_id: str) -> None:
        """Reconsider the few small stories the article touched (the one it joins and those it came
        close to), as if the article were added: their members and the article are grouped again as
        the final pass would group them (date order, then one check each), so that a story does not
        depend on which of its articles came first. Sets the article's story and the moves of the
        others on ``assignment``; decided on the index as it is (the article counted, not added)."""
        settings = self.settings
        if not settings.recheck:
            return
        floor = settings.recheck_floor * self.threshold
        nearby = [self.stories[story_id] for story_id, score in assignment.scored if score >= floor]
        nearby = [story for story in nearby if self._reconsidered(story)]
        joined = None if assignment.new_story else self.stories[assignment.story_id]
        if joined is not None and not self._reconsidered(joined):
            assignment.moves = self._moves_into(joined, nearby, features, assignment.vectors)
            return
        touched = ([joined] if joined is not None else []) + nearby
        if touched:
            self._regroup(features, assignment, touched, new_story_id)

    def _reconsidered(self, story: StoryState) -> bool:
        return (
            story.members is not None and not story.retired and story.size <= self.settings.recheck_story_size
        )

    def _regroup(
        self, features: ArticleFeatures, assignment: Assignment, touched: list[StoryState], new_story_id: str
    ) -> None:
        from newsynth.group.refine import date_order, final_pass

        current = {member.article_id: story.id for story in touched for member in story.members}
        members = [member for story in touched for member in story.members] + [features]
        settings = replace(self.settings, recheck=False, refine_lag_articles=len(members) + 1)
        labels, _ = final_pass(date_order(members), settings, LiveIdf(self), self.model)
        clusters: dict[str, list[str]] = {}
        for member in members:
            clusters.setdefault(labels[member.article_id], []).append(member.article_id)
        taken: set[str] = set()
        story_of: dict[str, str] = {}
        for label, ids in sorted(clusters.items(), key=lambda item: (-len(item[1]), item[0])):
            counts = Counter(current[i] for i in ids if i in current)
            free = sorted((-count, story_id) for story_id, count in counts.items() if story_id not in taken)
            if free:
                chosen = free[0][1]
                taken.add(chosen)
            elif features.article_id in ids:
                chosen = new_story_id
            else:
                chosen = f"{label}-{self.position + 1}"
            story_of.update(dict.fromkeys(ids, chosen))
        chosen = story_of[features.article_id]
        if chosen != assignment.story_id:
            story = self.stories.get(chosen)
            assignment.story_id, assignment.new_story = chosen, story is None
            assignment.score = 0.0 if story is None else self.link(assignment.vectors, features, story)
        assignment.moves = [
            Move(article_id, story_id, story_of[article_id])
            for article_id, story_id in current.items()
            if story_of[article_id] != story_id
        ]

    def _moves_into(
        self, joined: StoryState, nearby: list[StoryState], features: ArticleFeatures, vectors: Vectors
    ) -> list[Move]:
        """The members of small stories near the article that fit the (large) story it joins better,
        once it has the article, than the rest of their own."""
        if not nearby:
            return []
        target = self._with_article(joined, features, vectors)
        moves = []
        for story in nearby:
            for member in story.members:
                member_vectors = self.vectors(member)
                own = self.link(member_vectors, member, story, member=True) if story.size > 1 else -1.0
                there = self.link(member_vectors, member, target)
                if there >= self.threshold and there > own:
                    moves.append(Move(member.article_id, story.id, target.id))
        return moves

    def _with_article(self, story: StoryState, features: ArticleFeatures, vectors: Vectors) -> StoryState:
        """A copy of a story's profiles with one more article (the story itself unchanged)."""
        story = self._scored(story)
        copy = StoryState(
            story.id,
            SparseProfile(dict(story.text.weights), story.text.norm2),
            SparseProfile(dict(story.entities.weights), story.entities.norm2),
            SparseProfile(dict(story.numbers.weights), story.numbers.norm2),
            list(story.days),
            list(story.weak_days),
            story.size,
        )
        copy.take(features, vectors, self.settings.centroid_terms)
        return copy

    def apply(self, moves: list[Move]) -> None:
        """Carry out moves (from ``plan_moves``): the stories left are rebuilt from their remaining
        members under the current IDF."""
        if not moves:
            return
        left: dict[str, StoryState] = {}
        for move in moves:
            source = self.stories[move.from_story]
            target = self.stories.get(move.to_story)
            if target is None:
                target = self.stories[move.to_story] = StoryState(move.to_story)
            target.last_position = self.position
            self.by_position.append((self.position, target.id))
            member = next(item for item in source.members if item.article_id == move.article_id)
            source.members.remove(member)
            left[source.id] = source
            self._put(target, member, self.vectors(member))
        for source in left.values():
            self._rebuild(source)

    def _rebuild(self, story: StoryState) -> None:
        """Profiles, dates and keys of a story made anew from its members (an empty one is dropped)."""
        members = story.members or []
        old_keys = story.keys
        fresh = StoryState(story.id, last_position=story.last_position)
        fresh.members = []
        for member in members:
            vectors = self.vectors(member)
            fresh.take(member, vectors, self.settings.centroid_terms)
            fresh.members.append(member)
            fresh.keys.update(vectors.keys)
        for key in old_keys.keys() - fresh.keys.keys():
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self.postings[key]
        if not members:
            del self.stories[story.id]
            self.unpacked.pop(story.id, None)
            return
        self.stories[story.id] = fresh
        gained = list(fresh.keys.keys() - old_keys.keys())
        if gained:
            keys, fresh.keys = fresh.keys, Counter()
            self.post(gained, fresh)
            fresh.keys = keys

    # --- scoring ----------------------------------------------------------------------------
    def idf(self, terms: np.ndarray) -> np.ndarray:
        if self.idf_fixed is not None:
            return self.idf_fixed[terms]
        return self.idf_of(self.document_frequency[terms])

    def idf_of(self, document_frequency: np.ndarray) -> np.ndarray:
        """IDF under the current document count, elementwise (a whole table or an article's terms)."""
        return np.log((self.documents + 1.0) / (document_frequency.astype(np.float32) + 1.0)) + 1.0

    def vectors(self, features: ArticleFeatures) -> Vectors:
        memo = self.vectors_memo
        if memo is None:
            return self._vectors(features)
        known = memo.get(features.article_id)
        if known is not None and known[0] is features:
            return known[1]
        vectors = self._vectors(features)
        memo[features.article_id] = (features, vectors)
        return vectors

    def _vectors(self, features: ArticleFeatures) -> Vectors:
        settings = self.settings
        # terms and entities in one array: a few numpy calls instead of twice as many on tiny arrays
        split = len(features.terms)
        ids = np.concatenate((features.terms, features.entities), dtype=np.intp)
        weights = np.concatenate((features.term_weights, features.entity_weights))
        weights *= self.idf(ids)
        term_weights = weights[:split]
        terms, values = _top_normalized(features.terms, term_weights, settings.vector_terms)
        entities, entity_values = _top_normalized(features.entities, weights[split:], settings.vector_terms)
        numbers, number_values = _top_normalized(
            features.numbers,
            term_weights[np.searchsorted(features.terms, features.numbers)],
            settings.vector_terms,
        )
        term_list = terms.tolist()
        entity_list = entities.tolist()
        number_list = numbers.tolist()
        keys = term_list[: settings.key_terms] + entity_list[: settings.key_terms // 2] + number_list[:2]
        return Vectors(
            terms,
            values,
            entities,
            entity_values,
            list(dict.fromkeys(keys)),  # a figure is a term too
            term_list,
            values.tolist(),
            entity_list,
            entity_values.tolist(),
            number_list,
            number_values.tolist(),
        )

    def candidates(self, vectors: Vectors) -> list[str]:
        # one Counter over every posting's ids, and a sort: what most_common gives, with less overhead
        hits = Counter(chain.from_iterable(map(self.postings.get, vectors.keys, repeat(()))))
        ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
        return [story_id for story_id, _ in ranked[: self.settings.max_candidates]]

    def link(
        self, vectors: Vectors, features: ArticleFeatures, story: StoryState, *, member: bool = False
    ) -> float:
        """The link probability of an article and a story; ``member`` scores it against the rest of
        its own story."""
        return self.model.probability(
            self.link_features(vectors, features, self._scored(story), member=member)
        )

    def _scored(self, story: StoryState) -> StoryState:
        """The story as scoring reads it; a stale one unpacked, kept in a small cache since the
        articles that find a stale story tend to come together."""
        if story.compact is None:
            return story
        unpacked = self.unpacked.get(story.id)
        if unpacked is None:
            unpacked = self.unpacked[story.id] = story.scored()
            if len(self.unpacked) > UNPACKED_CACHE:
                self.unpacked.popitem(last=False)
        else:
            self.unpacked.move_to_end(story.id)
        return unpacked

    @staticmethod
    def link_features(
        vectors: Vectors, features: ArticleFeatures, story: StoryState, *, member: bool = False
    ) -> list[float]:
        """The values of ``newsynth.group.link.FEATURES`` for an article and a story."""
        text_self, entity_self, number_self = vectors.self_dots if member else (None, None, None)
        text = story.text.cosine(vectors.term_list, vectors.value_list, text_self)
        entity = story.entities.cosine(vectors.entity_list, vectors.entity_value_list, entity_self)
        number = story.numbers.cosine(vectors.number_list, vectors.number_value_list, number_self)
        has_numbers = bool(vectors.number_list) and len(story.numbers.weights) > (
            len(vectors.number_list) if member else 0
        )
        top_names = _names_found(vectors, story, member)
        day, confidence = features.day, features.day_confidence
        story_day, story_sure = story.date((day, confidence) if member else None)
        sure = weak = 0.0
        if day is not None and story_day is not None:
            distance = math.log1p(max(0, abs(day - story_day) - SAME_EVENT_DAYS)) / LOG_YEAR
            if story_sure and confidence >= DATELINE:
                sure = distance
            else:
                weak = distance
        return [
            text,
            entity,
            number,
            float(has_numbers),
            top_names,
            sure,
            weak,
            text * sure,
            entity * sure,
            math.log1p(story.size - member),
        ]

    # --- bookkeeping ------------------------------------------------------------------------
    # intp indices: numpy converts uint32 ones on every indexing, which costs more than the update
    def _count(self, features: ArticleFeatures) -> None:
        if self.idf_fixed is not None:
            return
        self.vectors_memo.clear()
        self.documents += 1
        self.document_frequency[features.terms.astype(np.intp)] += 1
        self.document_frequency[features.entities.astype(np.intp)] += 1

    def _uncount(self, features: ArticleFeatures) -> None:
        if self.idf_fixed is not None:
            return
        self.vectors_memo.clear()
        self.documents -= 1
        self.document_frequency[features.terms.astype(np.intp)] -= 1
        self.document_frequency[features.entities.astype(np.intp)] -= 1

    def post(self, keys: list[int], story: StoryState) -> None:
        """Move the story to the recent end of each key's posting list, dropping the oldest past the cap.

        A posting list is a dict used as an ordered set (oldest first), so re-posting costs O(1).
        """
        cap = self.settings.posting_cap
        postings = self.postings
        story_id = story.id
        story.keys.update(keys)  # a Counter: members per key
        for key in keys:
            posting = postings.get(key)
            if posting is None:
                postings[key] = {story_id: None}
                continue
            posting.pop(story_id, None)
            posting[story_id] = None
            if len(posting) > cap:
                del posting[next(iter(posting))]

    def _track(self, story: StoryState) -> None:
        """Note when the story grew, and retire stale stories every ``SWEEP_EVERY`` articles."""
        self.position += 1
        story.last_position = self.position
        self.by_position.append((self.position, story.id))
        if self.position % SWEEP_EVERY == 0:
            self.retire_stale()

    def retire_stale(self) -> None:
        """Retire the stories that have not grown for ``stale_articles`` arrivals."""
        arrivals, stories = self.by_position, self.stories
        while arrivals and arrivals[0][0] <= self.position - self.settings.stale_articles:
            position, story_id = arrivals.popleft()
            story = stories.get(story_id)  # None: its articles all moved to other stories
            if story is not None and story.last_position == position and not story.retired:
                self.retire(story)

    def retire(self, story: StoryState) -> None:
        """Make a story stale: it stays posted only under the ``STALE_KEYS`` keys that mark it most
        (most of its members carry them, few other articles), with compact profiles (it keeps its id,
        size and dates)."""
        keys = np.fromiter(story.keys, dtype=np.intp, count=len(story.keys))
        members = np.fromiter(story.keys.values(), dtype=np.float32, count=len(story.keys))
        marking = np.argsort(-(members * self.idf(keys)), kind="stable")[:STALE_KEYS]
        kept = Counter({key: story.keys[key] for key in keys[marking].tolist()})
        postings = self.postings
        for key in story.keys.keys() - kept.keys():
            posting = postings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del postings[key]
        story.keys = kept
        story.compact = CompactProfiles.of(story)
        story.text = story.entities = story.numbers = STALE_PROFILE
        story.members = None
        story.retired = True

    @property
    def live_stories(self) -> int:
        return sum(not story.retired for story in self.stories.values())


STALE_PROFILE = SparseProfile()  # shared by every stale story: never added to


class LiveIdf:
    """The IDF of an index as it stands, read like a fixed table (for a grouping inside it)."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index

    def __getitem__(self, terms: np.ndarray) -> np.ndarray:
        return self.index.idf(terms)


@dataclass
class CompactProfiles:
    """A stale story's heaviest terms, names and figures as two arrays: a tenth of the dicts' memory."""

    ids: np.ndarray  # uint32: terms, then names, then figures
    values: np.ndarray  # float32, aligned with ids
    ends: tuple[int, int]  # where the terms and the names end

    @classmethod
    def of(cls, story: StoryState) -> CompactProfiles:
        parts = [
            sorted(profile.weights.items(), key=lambda item: item[1], reverse=True)[:limit]
            for profile, limit in zip((story.text, story.entities, story.numbers), STALE_TERMS, strict=True)
        ]
        items = [item for part in parts for item in part]
        ids = np.array([key for key, _ in items], dtype=np.uint32)
        values = np.array([value for _, value in items], dtype=np.float32)
        return cls(ids, values, (len(parts[0]), len(parts[0]) + len(parts[1])))

    def unpack(self) -> tuple[SparseProfile, SparseProfile, SparseProfile]:
        ids, values = self.ids.tolist(), self.values.tolist()
        bounds = (0, *self.ends, len(ids))
        profiles = []
        for start, end in itertools.pairwise(bounds):
            weights = dict(zip(ids[start:end], values[start:end], strict=True))
            profiles.append(SparseProfile(weights, sum(v * v for v in values[start:end])))
        return profiles[0], profiles[1], profiles[2]


def _names_found(vectors: Vectors, story: StoryState, member: bool) -> float:
    """Share of the article's three heaviest names that the story carries (besides the article)."""
    names = vectors.entity_list[:3]
    if not names:
        return 0.0
    carried = map(story.entities.weights.get, names, repeat(0.0))
    if member:
        carried = map(sub, carried, vectors.entity_value_list[:3])
    return sum(weight > 1e-6 for weight in carried) / len(names)


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
