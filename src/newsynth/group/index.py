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
import math
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from operator import add, itemgetter, mul

import numpy as np

from newsynth.group.features import DATELINE, TERM_SPACE, TEXT, ArticleFeatures
from newsynth.group.link import LinkModel, default_model

LOG_YEAR = math.log1p(365.0)
SAME_EVENT_DAYS = 2  # reports of one event come out within a couple of days: no distance below this
SWEEP_EVERY = 64  # articles between two sweeps for stale stories
STALE_KEYS = 6  # a stale story stays posted under this many of its rarest keys
STALE_TERMS = (100, 30, 10)  # terms, names and figures a stale story keeps


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
class Part:
    """One of an article's weighted, normalized vectors (terms, names or figures), heaviest first: as
    arrays, and as lists (dict lookups over a list are faster than over an array)."""

    ids: np.ndarray  # uint32
    values: np.ndarray  # float32
    id_list: list[int]
    value_list: list[float]

    @classmethod
    def of(cls, ids: np.ndarray, values: np.ndarray) -> Part:
        return cls(ids, values, ids.tolist(), values.tolist())


@dataclass
class SparseProfile:
    """A live story's centroid: term -> summed weight, with its squared norm kept up to date."""

    weights: dict[int, float] = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, part: Part, cap: int) -> None:
        weights, terms, values = self.weights, part.id_list, part.value_list
        before = list(map(weights.get, terms, repeat(0.0)))
        dot = sum(map(mul, values, before))
        weights.update(zip(terms, map(add, before, values), strict=True))  # the terms are unique
        self.norm2 += 2 * dot + sum(map(mul, values, values))
        if len(weights) > cap * 1.5:
            kept = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:cap]
            self.weights = dict(kept)
            self.norm2 = sum(value * value for _, value in kept)

    def weight(self, key: int) -> float:
        return self.weights.get(key, 0.0)

    def __len__(self) -> int:
        return len(self.weights)

    def cosine(self, part: Part, *, member: bool = False) -> float:
        """Cosine with a unit vector; ``member`` leaves the vector's own contribution out."""
        values = part.value_list
        dot = sum(map(mul, values, map(self.weights.get, part.id_list, repeat(0.0))))
        return _cosine(dot, self.norm2, values, member)


def _cosine(dot: float, norm2: float, values: list[float], member: bool) -> float:
    if member:
        self_dot = sum(map(mul, values, values))
        dot, norm2 = dot - self_dot, norm2 - 2 * dot + self_dot
    return dot / norm2**0.5 if norm2 > 1e-9 else 0.0


@dataclass
class CompactProfile:
    """A stale story's centroid: its heaviest entries as two arrays sorted by id (a tenth of a dict's
    memory), scored where it lies."""

    ids: np.ndarray  # uint32, ascending
    values: np.ndarray  # float32, aligned with ids
    norm2: float

    @classmethod
    def of(cls, profile: SparseProfile, limit: int) -> CompactProfile:
        ids = np.fromiter(profile.weights, dtype=np.uint32, count=len(profile.weights))
        values = np.fromiter(profile.weights.values(), dtype=np.float32, count=len(ids))
        if len(ids) > limit:
            heaviest = np.argpartition(values, -limit)[-limit:]
            ids, values = ids[heaviest], values[heaviest]
        order = ids.argsort()
        ids, values = ids[order], values[order]
        return cls(ids, values, float(values.astype(np.float64) @ values))

    def weight(self, key: int) -> float:
        at = int(self.ids.searchsorted(key))
        return float(self.values[at]) if at < len(self.ids) and self.ids[at] == key else 0.0

    def __len__(self) -> int:
        return len(self.ids)

    def cosine(self, part: Part, *, member: bool = False) -> float:
        ids = self.ids
        if not len(ids) or not len(part.ids):
            return 0.0
        at = ids.searchsorted(part.ids)
        at[at == len(ids)] = 0
        found = ids[at] == part.ids
        dot = float(self.values[at[found]].astype(np.float64) @ part.values[found])
        return _cosine(dot, self.norm2, part.value_list, member)

    def unpack(self) -> SparseProfile:
        return SparseProfile(dict(zip(self.ids.tolist(), self.values.tolist(), strict=True)), self.norm2)


Profile = SparseProfile | CompactProfile


@dataclass
class StoryState:
    id: str
    text: Profile = field(default_factory=SparseProfile)  # compact once the story is stale
    entities: Profile = field(default_factory=SparseProfile)
    numbers: Profile = field(default_factory=SparseProfile)
    days: list[int] = field(default_factory=list)  # the members' sure dates (metadata or dateline)
    weak_days: list[int] = field(default_factory=list)  # dates found further down a member's text
    size: int = 0
    keys: Counter[int] = field(default_factory=Counter)  # where it is posted, by how many members
    last_position: int = 0  # arrival number of its newest member
    retired: bool = False
    members: list[ArticleFeatures] | None = field(default_factory=list)  # None once it went stale

    def take(self, features: ArticleFeatures, vectors: Vectors, cap: int) -> None:
        """Add an article to the (live) profiles (``cap``: the heaviest terms a profile keeps)."""
        for profile, part in zip(self.profiles(), vectors.parts(), strict=True):
            profile.add(part, cap)
        if features.day is not None:
            bisect.insort(self.days if features.day_confidence >= DATELINE else self.weak_days, features.day)
        self.size += 1

    def profiles(self) -> tuple[SparseProfile, SparseProfile, SparseProfile]:
        """The live profiles (a stale story's are unpacked first)."""
        if isinstance(self.text, CompactProfile):
            self.text, self.entities, self.numbers = (
                profile.unpack() for profile in (self.text, self.entities, self.numbers)
            )
        return self.text, self.entities, self.numbers  # type: ignore[return-value]

    def shrink(self) -> None:
        """Shrink the profiles to ``STALE_TERMS`` entries each, as arrays."""
        self.text, self.entities, self.numbers = (
            CompactProfile.of(profile, limit)
            for profile, limit in zip(self.profiles(), STALE_TERMS, strict=True)
        )

    def copy(self) -> StoryState:
        """A copy with its own live profiles and dates (members, keys and postings not copied)."""
        text, entities, numbers = (
            profile.unpack()
            if isinstance(profile, CompactProfile)
            else SparseProfile(dict(profile.weights), profile.norm2)
            for profile in (self.text, self.entities, self.numbers)
        )
        return StoryState(self.id, text, entities, numbers, list(self.days), list(self.weak_days), self.size)

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
    """An article's weighted, normalized term, name and figure vectors under the current IDF, and its
    blocking keys."""

    text: Part
    entities: Part
    numbers: Part
    keys: list[int]

    def parts(self) -> tuple[Part, Part, Part]:
        return self.text, self.entities, self.numbers


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
        elif story.retired:  # an article joining a stale story brings it back (``take`` unpacks it)
            story.retired = False
        story.take(features, vectors, self.settings.centroid_terms)
        if story.members is not None:
            story.members.append(features)
        self.story_of[features.article_id] = story_id
        self.post(vectors.keys, story)
        self._track(story)

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
        copy = story.copy()
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
            vectors = self.vectors(member)
            target.take(member, vectors, self.settings.centroid_terms)
            if target.members is not None:
                target.members.append(member)
            self.story_of[member.article_id] = target.id
            self.post(vectors.keys, target)
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
        text = Part.of(terms, values)
        names = Part.of(entities, entity_values)
        figures = Part.of(numbers, number_values)
        keys = (
            text.id_list[: settings.key_terms]
            + names.id_list[: settings.key_terms // 2]
            + figures.id_list[:2]
        )
        return Vectors(text, names, figures, list(dict.fromkeys(keys)))  # a figure is a term too

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
        return self.model.probability(self.link_features(vectors, features, story, member=member))

    @staticmethod
    def link_features(
        vectors: Vectors, features: ArticleFeatures, story: StoryState, *, member: bool = False
    ) -> list[float]:
        """The values of ``newsynth.group.link.FEATURES`` for an article and a story."""
        text = story.text.cosine(vectors.text, member=member)
        entity = story.entities.cosine(vectors.entities, member=member)
        number = story.numbers.cosine(vectors.numbers, member=member)
        figures = len(vectors.numbers.id_list)
        has_numbers = figures > 0 and len(story.numbers) > (figures if member else 0)
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
        self.documents += 1
        self.document_frequency[features.terms.astype(np.intp)] += 1
        self.document_frequency[features.entities.astype(np.intp)] += 1

    def _uncount(self, features: ArticleFeatures) -> None:
        if self.idf_fixed is not None:
            return
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
        story.shrink()
        story.members = None
        story.retired = True

    @property
    def live_stories(self) -> int:
        return sum(not story.retired for story in self.stories.values())


class LiveIdf:
    """The IDF of an index as it stands, read like a fixed table (for a grouping inside it)."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index

    def __getitem__(self, terms: np.ndarray) -> np.ndarray:
        return self.index.idf(terms)


def _names_found(vectors: Vectors, story: StoryState, member: bool) -> float:
    """Share of the article's three heaviest names that the story carries (besides the article)."""
    names = vectors.entities.id_list[:3]
    if not names:
        return 0.0
    weight = story.entities.weight
    own = vectors.entities.value_list[:3] if member else [0.0] * len(names)
    found = sum(weight(name) - value > 1e-6 for name, value in zip(names, own, strict=True))
    return found / len(names)


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
