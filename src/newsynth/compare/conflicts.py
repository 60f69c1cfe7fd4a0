"""Disagreements between two aligned sentences of different sources: numbers, dates, names.

False conflicts are the main risk: two sentences about one fact often carry different numbers about
different things. So a number is compared only with a number in the same slot (the same unit and noun
after it, or the same word before it), a date only with a date sharing a component and cue, a name only
with a name in the same role (see ``_same_role``) that one of the sources never uses; and only for pairs
aligned strongly (``CONFLICT_THRESHOLD``). Both thresholds were chosen on dev with planted conflicts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import pairwise, product, zip_longest

from newsynth.compare.align import Unit
from newsynth.compare.names import (
    ROLE_NOUNS,
    TITLES,
    Mention,
    NameIndex,
    is_demonym,
    related_names,
    spelled_alike,
)
from newsynth.compare.quotes import FoundQuote
from newsynth.compare.slots import (
    Evidence,
    agree_elsewhere,
    content_context,
    context_words,
    elsewhen,
    hedged,
    near_score,
    nearest_words,
    note,
    number_label,
    odd_one_out,
    overlap_share,
    place_overlap,
    same_kind,
    shared_share,
    span_of,
    story_support,
    time_cue,
    time_label,
    written_alike,
)
from newsynth.compare.text import (
    STOP_WORDS,
    content_word_forms,
    content_words,
    normalize_punctuation,
    singular,
)
from newsynth.compare.values import (
    UNITS,
    ClockTime,
    DateValue,
    Quantity,
    date_spans,
    extract_dates,
    extract_quantities,
    extract_times,
    misdated,
)
from newsynth.records import Conflict

CONFLICT_THRESHOLD = 0.35  # cosine of the pair from which dates and names are compared
STRONG_THRESHOLD = 0.45  # near-identical wording: the values left unmatched are compared even without a slot
NAME_LABELS = ("person", "organization", "place")
NAME_TOKEN = "\x00name"
GENERIC_NOUNS = re.compile(r"\b[Tt]he ([a-z]+)\b")  # "the flight": a thing named by its common noun
DIGIT = re.compile(r"\d")
DIGITS = re.compile(r"\d+")
SLOT_MIN_WORDS = 4  # words lined up around two names before they count as filling one place
APPOSITION = re.compile(r",\s+([^,;:()\"]{3,60})(?:,|$)")  # ", the agency's director," after a name
HONORIFICS = {
    "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "saint", "st", "rev", "former", "foreign", "vice",
    "deputy", "prime",
}  # fmt: skip  # title words that name no role of their own
ROLE_WORDS = (ROLE_NOUNS | TITLES) - HONORIFICS
SLOT_CONTEXT_WORDS = 2  # context words two dates or names of unaligned sentences share to be compared
CLAUSE_BOUNDARY = re.compile(r",(?!\d)|[;()\"]|:\s|\s-{1,2}\s")  # not "100,000" or "3:22"
STEM_LETTERS = 5  # a crude stem: "launched", "launching" and "launch" share their first five letters
MIN_CLAUSE_WORDS = 3
EVENT_WORDS = 2  # the lower-case words nearest a date that tell what happened on it
IRREGULAR_PAST = frozenset({
    "began", "blew", "broke", "brought", "built", "came", "caught", "drove", "fell", "flew", "fought",
    "found", "froze", "gave", "got", "grew", "held", "hit", "kept", "led", "left", "lost", "made", "met",
    "paid", "ran", "rose", "sank", "sent", "set", "shot", "sold", "spoke", "stood", "struck", "swept",
    "took", "tore", "threw", "went", "won", "woke", "wrote",
})  # fmt: skip  # the past tense of common irregular verbs, which "-ed" misses
FACT_WORDS = 4  # content words two unaligned sentences share (and FACT_OVERLAP of their words) to be
FACT_OVERLAP = 0.2  # read as one fact: their dates are compared, and their names where they sit alike


@dataclass
class Facts:
    """What one sentence states that can be checked against another, each read on first use (most
    sentences are compared only for their numbers)."""

    text: str
    article_date: dt.date | None = None
    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def quantities(self) -> list[Quantity]:
        return extract_quantities(self.text)

    @cached_property
    def dates(self) -> list[DateValue]:
        return extract_dates(self.text, self.article_date)

    @cached_property
    def times(self) -> list[ClockTime]:
        return extract_times(self.text)


States = Callable[[str, Quantity], bool]  # (article id, value): does the article state it anywhere?
# a value's sentence, whether an article states it anywhere, how often the story tells it
Telling = tuple[Unit, Callable[[str], bool], Callable[[], int]]


@dataclass
class StoryValues:
    """Which independent sources of the story state a value anywhere, and how often the story tells it
    (``odd``), read only for candidates. Each kind has its own sense of "states the same value": a
    compatible number of the same kind (``states``), a date that states it, a mention of one entity."""

    sources: dict[str, str]  # article id -> its independent source
    states: States
    names: NameIndex
    dates_of: Callable[[str], list[DateValue]]  # article id -> the dates it states

    def numbers(self, first: Unit, second: Unit, mine: Quantity, theirs: Quantity) -> dict[str, float]:
        """No ``odd`` for numbers: measured, it moved the weight of ``agreed`` away from real
        disagreements that several sources each tell (three workers in three outlets, four in two)."""
        return story_support(
            self._stating(first, lambda article: self.states(article, mine)),
            self._stating(second, lambda article: self.states(article, theirs)),
        )

    def names_of(self, first: Unit, second: Unit, mine: Mention, theirs: Mention) -> dict[str, float]:
        def told(value: Mention) -> Callable[[], int]:
            return lambda: self.names.mentions_in_story(value)

        return self._support(
            (first, lambda article: self.names.article_mentions(article, mine.key), told(mine)),
            (second, lambda article: self.names.article_mentions(article, theirs.key), told(theirs)),
        )

    def dates(self, first: Unit, second: Unit, mine: DateValue, theirs: DateValue) -> dict[str, float]:
        def stating(value: DateValue) -> Callable[[str], bool]:
            return lambda article: any(value.stated_by(other) for other in self.dates_of(article))

        return self._support(
            (first, stating(mine), lambda: self._told(mine)),
            (second, stating(theirs), lambda: self._told(theirs)),
        )

    def _support(self, mine: Telling, theirs: Telling) -> dict[str, float]:
        """``story_support`` of the two values, and ``odd``: either is a lone dissenter against the other
        (``odd_one_out``). How often a value is told is counted only against a rival told by others."""
        mine_sources, theirs_sources = self._stating(*mine[:2]), self._stating(*theirs[:2])
        odd = max(_odd_one(mine[2], theirs_sources), _odd_one(theirs[2], mine_sources))
        return {**story_support(mine_sources, theirs_sources), "odd": odd}

    def _told(self, value: DateValue) -> int:
        """How many dates written in the story's sentences state ``value``."""
        return sum(value.stated_by(other) for article in self.sources for other in self.dates_of(article))

    def _stating(self, unit: Unit, states: Callable[[str], bool]) -> set[str]:
        return {unit.source} | {source for article, source in self.sources.items() if states(article)}


def _odd_one(told: Callable[[], int], rivals: set[str]) -> float:
    return odd_one_out(told(), rivals) if len(rivals) > 1 else 0.0


@dataclass(frozen=True)
class Pair:
    """How two sentences of different sources relate."""

    similarity: float  # TF-IDF cosine
    aligned: bool  # one is the other's best match at ``align.ALIGN_THRESHOLD`` or more


def number_conflicts(
    first: Unit, second: Unit, a: Facts, b: Facts, pair: Pair, story: StoryValues
) -> list[Conflict]:
    """Numbers of the same kind (``slots.same_kind``) that cannot both be true, each value used once,
    the strongest evidence first; for near-identical sentences also the one number of each that the
    other does not state."""
    candidates = []
    for mine in a.quantities:
        if any(same_kind(mine, other) and mine.compatible(other) for other in b.quantities):
            continue  # the other sentence states this value
        for theirs in b.quantities:
            if mine.compatible(theirs) or any(
                same_kind(theirs, o) and theirs.compatible(o) for o in a.quantities
            ):
                continue
            if same_kind(mine, theirs):
                candidates.append(
                    (mine, theirs, _number_evidence(first, second, a, b, mine, theirs, pair, story))
                )
    if not candidates and pair.aligned and pair.similarity >= STRONG_THRESHOLD:
        candidates = _lone_numbers(first, second, a, b, pair, story)
    conflicts, used = [], set()
    for mine, theirs, evidence in sorted(candidates, key=lambda item: -item[2].confidence()):
        if id(mine) in used or id(theirs) in used:
            continue
        used.update((id(mine), id(theirs)))
        conflicts.append(
            _conflict(
                "number",
                number_label(mine, theirs, first.text),
                first,
                second,
                mine.text,
                theirs.text,
                evidence,
                note(first.text, second.text, mine, theirs),
            )
        )
    return conflicts


def _lone_numbers(
    first: Unit, second: Unit, a: Facts, b: Facts, pair: Pair, story: StoryValues
) -> list[tuple[Quantity, Quantity, Evidence]]:
    mine_left = [q for q in a.quantities if not any(q.compatible(other) for other in b.quantities)]
    theirs_left = [q for q in b.quantities if not any(q.compatible(other) for other in a.quantities)]
    if len(mine_left) != 1 or len(theirs_left) != 1:
        return []
    mine, theirs = mine_left[0], theirs_left[0]
    if (
        mine.unit != theirs.unit
        or mine.slots & UNITS != theirs.slots & UNITS
        or mine.identifier != theirs.identifier
    ):
        return []
    return [(mine, theirs, _number_evidence(first, second, a, b, mine, theirs, pair, story))]


def _number_evidence(
    first: Unit,
    second: Unit,
    a: Facts,
    b: Facts,
    mine: Quantity,
    theirs: Quantity,
    pair: Pair,
    story: StoryValues,
) -> Evidence:
    lone = (
        sum(1 for q in a.quantities if same_kind(q, mine))
        == 1
        == sum(1 for q in b.quantities if same_kind(q, theirs))
    )
    span_a, span_b = span_of(first.text, mine.text), span_of(second.text, theirs.text)
    return Evidence(
        head=float(bool(mine.head and mine.head == theirs.head) or mine.identifier),
        cue=float(bool(mine.cue and mine.cue == theirs.cue)),
        place=place_overlap(content_context(first.text, *span_a), content_context(second.text, *span_b)),
        similarity=pair.similarity,
        aligned=float(pair.aligned),
        lone=float(lone),
        repeated=float(story.states(second.article_id, mine) or story.states(first.article_id, theirs)),
        hedge=hedged(first.text, second.text),
        elsewhen=elsewhen((a.dates, a.article_date), (b.dates, b.article_date)),
        anchor=agree_elsewhere(a.quantities, b.quantities, mine, theirs),
        gap=_gap(mine, theirs),
        **_slip_and_fit(first, second, span_a, span_b, mine, theirs),
        **story.numbers(first, second, mine, theirs),
    )


def _slip_and_fit(
    first: Unit,
    second: Unit,
    span_a: tuple[int, int],
    span_b: tuple[int, int],
    mine: Quantity,
    theirs: Quantity,
) -> dict[str, float]:
    """``slot_fit``, and ``slip``: a slip of the keyboard (``written_alike``) as much as the sentences
    say alike (``overlap``): one fact told with a mistyped number, not two numbers alike by chance."""
    fit = slot_fit(first, second, span_a, span_b, mine.text, theirs.text)
    return {**fit, "slip": fit["overlap"] * written_alike(mine.text, theirs.text)}


def _gap(mine: Quantity, theirs: Quantity) -> float:
    """How far apart two numbers are, as a share of the larger (their midpoints)."""
    a, b = (mine.low + mine.high) / 2, (theirs.low + theirs.high) / 2
    larger = max(abs(a), abs(b))
    return abs(a - b) / larger if larger else 0.0


def slot_fit(
    first: Unit, second: Unit, span_a: tuple[int, int], span_b: tuple[int, int], mine: str, theirs: str
) -> dict[str, float]:
    """The evidence that two values fill one slot that any kind of value has: the same nearest words
    around them (``near``), and how much the two sentences say alike besides them (``shared``, and
    ``overlap`` of the shorter)."""
    return {
        "near": near_score(nearest_words(first.text, *span_a), nearest_words(second.text, *span_b)),
        "shared": shared_share(first.words, second.words, content_words(mine) | content_words(theirs)),
        "overlap": overlap_share(first.words, second.words, content_words(mine) | content_words(theirs)),
    }


def time_conflicts(first: Unit, second: Unit, a: Facts, b: Facts, pair: Pair) -> list[Conflict]:
    """Times of day in one zone that differ, paired when each sentence holds one or when the same word
    comes before them ("landfall at", "departed at")."""
    conflicts = []
    lone = len(a.times) == 1 == len(b.times)
    for mine in a.times:
        if any(mine.comparable(other) and mine.compatible(other) for other in b.times):
            continue
        cue = time_cue(first.text, mine)
        for theirs in b.times:
            if not mine.comparable(theirs) or mine.compatible(theirs):
                continue
            if any(theirs.comparable(o) and theirs.compatible(o) for o in a.times):
                continue
            their_cue = time_cue(second.text, theirs)
            same_cue = bool(cue & their_cue)
            if not same_cue and ((cue and their_cue) or not lone):
                continue  # other words before them: two events ("took off at", "lost contact at")
            evidence = Evidence(
                head=1.0,
                cue=float(same_cue),
                place=place_overlap(
                    context_words(first.text, mine.start, mine.start + len(mine.text)),
                    context_words(second.text, theirs.start, theirs.start + len(theirs.text)),
                ),
                similarity=pair.similarity,
                aligned=float(pair.aligned),
                lone=float(lone),
                repeated=0.0,
                hedge=hedged(first.text, second.text),
                kind="time",
                **slot_fit(
                    first,
                    second,
                    (mine.start, mine.start + len(mine.text)),
                    (theirs.start, theirs.start + len(theirs.text)),
                    mine.text,
                    theirs.text,
                ),
            )
            label = time_label(cue & their_cue or cue)
            conflicts.append(_conflict("time", label, first, second, mine.text, theirs.text, evidence))
            break
    return conflicts


def _conflict(
    kind: str,
    label: str,
    first: Unit,
    second: Unit,
    mine: str,
    theirs: str,
    evidence: Evidence,
    explanation: str = "",
) -> Conflict:
    return Conflict(
        kind,  # type: ignore[arg-type]
        {first.number: mine, second.number: theirs},
        f"{label}: {mine} in [{first.number}], {theirs} in [{second.number}]",
        evidence.confidence(),
        explanation,
        evidence.features(),
    )


def date_conflicts(
    first: Unit,
    second: Unit,
    a: Facts,
    b: Facts,
    pair: Pair,
    story: StoryValues,
    slotted: set[tuple[int, int]] | None = None,
) -> list[Conflict]:
    """Dates that cannot both be true. For sentences that do not align, ``slotted`` gives the pairs of
    dates (positions in ``a.dates``, ``b.dates``) whose contexts share words: only those are compared."""
    conflicts = []
    together, theirs_together = written_together(first.text), written_together(second.text)
    compared: set[int] = set()  # dates of ``a`` already set against one of ``b``
    for position, mine in sorted(enumerate(a.dates), key=lambda item: item[1].resolved):  # guesses last
        if any((position, other) in together for other in compared):
            continue  # one date written in two parts ("Sunday, March 29"), one conflict
        if any(_agrees(mine, b.dates, other, theirs_together) for other in range(len(b.dates))):
            continue
        rivals = [theirs for theirs in b.dates if mine.comparable(theirs) and not mine.compatible(theirs)]
        own = [o for other, o in enumerate(a.dates) if (position, other) not in together]
        rivals = [
            theirs for theirs in rivals if not any(theirs.compatible(o) and theirs.comparable(o) for o in own)
        ]
        if slotted is not None:
            rivals = [t for other, t in enumerate(b.dates) if (position, other) in slotted and t in rivals]
        elif len(a.dates) > 1 or len(b.dates) > 1:  # several dates: match by cue, or first with first
            rivals = [t for t in rivals if t.cue == mine.cue or (mine is a.dates[0] and t is b.dates[0])]
        if rivals:
            theirs = rivals[0]
            span_a, span_b = span_of(first.text, mine.text), span_of(second.text, theirs.text)
            evidence = Evidence(
                head=float(_date_shape(mine) == _date_shape(theirs)),
                cue=float(bool(mine.cue) and mine.cue == theirs.cue),
                place=place_overlap(context_words(first.text, *span_a), context_words(second.text, *span_b)),
                similarity=pair.similarity,
                aligned=float(pair.aligned),
                lone=float(len(a.dates) == 1 == len(b.dates)),
                repeated=0.0,
                hedge=hedged(first.text, second.text),
                kind="date",
                clause=clause_overlap(first.text, span_a, second.text, span_b),
                event=event_overlap(first.text, span_a, second.text, span_b),
                tied=tied_words(first.text, span_a, second.text, span_b),
                slip=float(
                    misdated_in(a.dates, position, together, a.article_date or b.article_date)
                    or misdated_in(
                        b.dates, b.dates.index(theirs), theirs_together, b.article_date or a.article_date
                    )
                ),  # an undated article's year is near that of the other, which tells one event
                **slot_fit(first, second, span_a, span_b, mine.text, theirs.text),
                **story.dates(first, second, mine, theirs),
            )
            conflicts.append(_conflict("date", "date", first, second, mine.text, theirs.text, evidence))
            compared.add(position)
    return conflicts


def _agrees(value: DateValue, dates: list[DateValue], position: int, together: set[tuple[int, int]]) -> bool:
    """Whether the date at ``position`` of ``dates`` states ``value``, and so do the dates written as one
    with it ("Saturday, March 29" does not state the Sunday that was March 29)."""
    if not value.comparable(dates[position]):
        return False
    told = [position] + [other for held, other in together if held == position]
    return all(value.compatible(dates[k]) for k in told if value.comparable(dates[k]))


def misdated_in(
    dates: list[DateValue], position: int, together: set[tuple[int, int]], article_date: dt.date | None
) -> bool:
    """Whether the date at ``position``, written as one with another ("Saturday, March 29"), names a
    weekday that its day of the month did not fall on (``misdated``)."""
    told = [position] + [other for held, other in together if held == position]
    return any(misdated(dates[one], dates[other], article_date) for one in told for other in told)


def written_together(text: str) -> set[tuple[int, int]]:
    """Pairs of positions of a sentence's dates written as one ("Sunday, March 29"): a weekday so
    written does not also state the other source's day through its calendar date."""
    spans = date_spans(text)
    together = set()
    for position, ((_, end, _), (start, _, _)) in enumerate(pairwise(spans)):
        if not text[end:start].strip(" ,"):
            together.update({(position, position + 1), (position + 1, position)})
    return together


def clause_overlap(first: str, span_a: tuple[int, int], second: str, span_b: tuple[int, int]) -> float:
    """The share of the smaller of the two dates' clauses' words (``clause_words``, stems) that the
    other shares: one event told twice keeps the words around its date ("crashed into a residential
    area ... on Friday" / "crashed at a residential area ... on Tuesday"), whatever else each says."""
    mine, theirs = stems(clause_words(first, *span_a)), stems(clause_words(second, *span_b))
    smaller = min(len(mine), len(theirs))
    return round(len(mine & theirs) / smaller, 3) if smaller else 0.0


def event_overlap(first: str, span_a: tuple[int, int], second: str, span_b: tuple[int, int]) -> float:
    """Half for each date whose event (``event_verb``: "crashed" of "crashed ... on Friday") the other
    date's clause names too ("crashes", "crash"): two dates of one event, not of two events told in
    alike sentences ("launched ... Monday" / "is to dock ... Wednesday")."""
    mine, theirs = clause_words(first, *span_a), clause_words(second, *span_b)
    verbs = (event_verb(mine), event_verb(theirs))
    return 0.5 * (bool(verbs[0]) and verbs[0] in stems(theirs)) + 0.5 * (
        bool(verbs[1]) and verbs[1] in stems(mine)
    )


def tied_words(first: str, span_a: tuple[int, int], second: str, span_b: tuple[int, int]) -> float:
    """Half for each date whose nearest lower-case words (``EVENT_WORDS`` of its clause: "crashed",
    "liftoff", "launch") the other date's clause names too (stems): what happened on that day, verb or
    noun, told around both dates."""
    mine, theirs = clause_words(first, *span_a), clause_words(second, *span_b)
    return 0.5 * bool(stems(_lower_case(mine)[:EVENT_WORDS]) & stems(theirs)) + 0.5 * bool(
        stems(_lower_case(theirs)[:EVENT_WORDS]) & stems(mine)
    )


def _lower_case(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word for word in words if word.islower())


@lru_cache(maxsize=4096)
def clause_words(text: str, start: int, end: int) -> tuple[str, ...]:
    """The content words of the clause around a value (between punctuation marks), nearest first (one
    before, one after, in turn), in lower case but for capitalised words (names, which are no verbs); a
    clause of fewer than ``MIN_CLAUSE_WORDS`` words ("on Saturday, May 30,") takes in its neighbours."""
    text = normalize_punctuation(text)
    bounds = [0] + [m.start() for m in CLAUSE_BOUNDARY.finditer(text)] + [len(text)]
    left = max(k for k, b in enumerate(bounds) if b <= start)
    right = min(k for k, b in enumerate(bounds) if b >= end)
    before, after = _words(text[bounds[left] : start]), _words(text[end : bounds[right]])
    if len(before) + len(after) < MIN_CLAUSE_WORDS:
        before = _words(text[bounds[max(0, left - 1)] : start])
        after = _words(text[end : bounds[min(len(bounds) - 1, right + 1)]])
    nearest = [word for pair in zip_longest(reversed(before), after) for word in pair if word]
    return tuple(nearest)


def event_verb(words: tuple[str, ...]) -> str:
    """The stem of the verb nearest a date among its clause's words: a lower-case regular past tense
    ("crashed") or a common irregular one ("broke"); "" when the clause has none."""
    for word in words:
        if word.islower() and ((len(word) > 4 and word.endswith("ed")) or word in IRREGULAR_PAST):
            return word[:STEM_LETTERS]
    return ""


def _words(text: str) -> list[str]:
    """Content words, lower-case ones as written and capitalised ones with a capital only."""
    return [
        written if written.islower() else lowered.title() for written, lowered, _ in content_word_forms(text)
    ]


def stems(words: tuple[str, ...]) -> frozenset[str]:
    """Crude stems of words: their first ``STEM_LETTERS`` letters, in lower case."""
    return frozenset(word.lower()[:STEM_LETTERS] for word in words)


def tell_one_fact(shared: int, together: int) -> bool:
    """Whether two sentences sharing ``shared`` of their ``together`` content words tell one fact in
    other words: ``FACT_WORDS`` in common, and ``FACT_OVERLAP`` of all."""
    return shared >= FACT_WORDS and shared >= FACT_OVERLAP * together


def _date_shape(value: DateValue) -> tuple[bool, bool, bool, bool]:
    """The parts a date is written with: a weekday placed in a week of the calendar is still a weekday."""
    if value.resolved:
        return (False, False, False, True)
    return (value.year is not None, value.month is not None, value.day is not None, value.weekday is not None)


def name_conflicts(
    first: Unit,
    second: Unit,
    a: Facts,
    b: Facts,
    names: NameIndex,
    pair: Pair,
    story: StoryValues,
    slotted: set[tuple[int, int]] | None = None,
) -> list[Conflict]:
    """A name of one sentence that the other replaces by a name its source never uses, in the same place
    of the sentence (same neighbouring words), or as the only names left unmatched. For sentences that
    do not align, ``slotted`` gives the pairs of mentions (positions in ``a.mentions``, ``b.mentions``)
    whose contexts share words: only those are compared."""
    if slotted is not None:
        found = _slotted_names(first, second, a, b, pair, slotted, story)
        return _best_name_conflict(first, second, found, names)
    mine_left = _unmatched_names(a.mentions, b.mentions, names, second.text)
    theirs_left = _unmatched_names(b.mentions, a.mentions, names, first.text) if mine_left else []
    if not (mine_left and theirs_left):
        return []
    kinds_mine, kinds_theirs = _entities_of(mine_left, names), _entities_of(theirs_left, names)
    lone = Lone(single=kinds_mine == 1 or kinds_theirs == 1, pair=kinds_mine == kinds_theirs == 1)
    strong = pair.aligned and pair.similarity >= STRONG_THRESHOLD
    places = Lineup(first.text, a.mentions, second.text, b.mentions, lambda: mine_left, lambda: theirs_left)
    candidates = []
    for mine in mine_left:
        for theirs in theirs_left:
            if _known_to_both(mine, theirs, first, second, names) or mine.modifier != theirs.modifier:
                continue  # a name in an adjective compound ("Tarnco-led") rivals only another
            context = _context_score(first.text, mine, second.text, theirs)
            in_slot = places.in_slot(mine, theirs)
            if not (_kinds_may_rival(mine, theirs, names) or in_slot):
                continue  # a person is no rival of a place, unless the sentences line up around both
            if in_slot:
                context += 2
            same_place = _same_place(first.text, mine, second.text, theirs)
            swapped = _swapped(mine, theirs, first, second, names)
            if _same_role(context, lone, swapped=swapped, strong=strong, same_place=same_place):
                evidence = _name_evidence(
                    first, second, mine, theirs, names, pair, in_slot, context, lone.pair, story
                )
                candidates.append((evidence, mine, theirs))
    return _best_name_conflict(first, second, candidates, names)


def _slotted_names(
    first: Unit,
    second: Unit,
    a: Facts,
    b: Facts,
    pair: Pair,
    slotted: set[tuple[int, int]],
    story: StoryValues,
) -> list[tuple[Evidence, Mention, Mention]]:
    """The mention pairs that may fill one slot and are rivals (neither name stated by the other
    sentence): the given pairs, those given one role word (``same_role``), and, when the sentences tell
    one fact in other words (``FACT_WORDS`` content words in common, ``FACT_OVERLAP`` of their words),
    those that sit in one place of both (``placed_alike``). What the evidence needs of the whole
    sentences (the names left unmatched, the lined-up places) is read once some pair is a rival: most
    pairs are none."""
    names = story.names
    one_fact = tell_one_fact(len(first.words & second.words), len(first.words | second.words))
    given = None if one_fact else slotted | _role_pairs(first.text, a.mentions, second.text, b.mentions)
    asked = given if given is not None else set(product(range(len(a.mentions)), range(len(b.mentions))))
    mine_left = LeftNames(a.mentions, b.mentions, names, second.text)
    theirs_left = LeftNames(b.mentions, a.mentions, names, first.text)
    rivals = [
        (position_a, position_b)
        for position_a, position_b in sorted(asked)
        if _rival_names(a.mentions[position_a], b.mentions[position_b], first, second, names)
        and position_a in mine_left
        and position_b in theirs_left
    ]  # every candidate is one of these: a rival pair of names left unmatched
    if not rivals:
        return []
    if given is None:  # every pair was asked: the given ones are read for the rivals only
        given = slotted | _role_pairs(first.text, a.mentions, second.text, b.mentions)
    places = Lineup(first.text, a.mentions, second.text, b.mentions, mine_left.mentions, theirs_left.mentions)
    lone = None
    candidates = []
    for position_a, position_b in rivals:
        mine, theirs = a.mentions[position_a], b.mentions[position_b]
        if (position_a, position_b) not in given and not places.alike(mine, theirs):
            continue  # asked only as a pair of one fact: compared where the names sit alike
        if lone is None:
            lone = mine_left.entities() == 1 == theirs_left.entities()
        context = _context_score(first.text, mine, second.text, theirs)
        in_slot = places.in_slot(mine, theirs)
        context += 2 * in_slot
        evidence = _name_evidence(first, second, mine, theirs, names, pair, in_slot, context, lone, story)
        candidates.append((evidence, mine, theirs))
    return candidates


class LeftNames:
    """The mentions of one sentence that the other leaves unmatched (``_unmatched_names``), each tested
    when first asked for: most mentions are never asked."""

    def __init__(self, mentions: list[Mention], others: list[Mention], names: NameIndex, other_text: str):
        self.all = mentions
        self.others = [other for other in others if not other.dateline]
        self.names = names
        self.other_text = other_text
        self.known: dict[int, bool] = {}
        self.unnamed: dict[int, bool] = {}  # position -> named by none of ``others``

    def __contains__(self, position: int) -> bool:
        if position not in self.known:
            self.known[position] = self.named_by_none(position) and not (
                self.other_text and _named_generically(self.all[position], self.other_text)
            )
        return self.known[position]

    def named_by_none(self, position: int) -> bool:
        """Left unmatched by the other sentence's names, whatever its common nouns."""
        if position not in self.unnamed:
            self.unnamed[position] = _left_unmatched(self.all[position], self.others, self.names, "")
        return self.unnamed[position]

    def mentions(self) -> list[Mention]:
        return [mention for position, mention in enumerate(self.all) if position in self]

    def entities(self) -> int:
        """How many entities the mentions named by none of ``others`` name (``_entities_of``)."""
        unnamed = [mention for position, mention in enumerate(self.all) if self.named_by_none(position)]
        return _entities_of(unnamed, self.names)


class Lineup:
    """Whether two names fill one place of two sentences (``same_role``, ``same_slot_names``, or
    ``placed_alike`` of the names each leaves unmatched): each test of the whole sentences run when a
    pair first needs it, as a pair given one role word needs none."""

    def __init__(
        self,
        first_text: str,
        first_mentions: list[Mention],
        second_text: str,
        second_mentions: list[Mention],
        mine_left: Callable[[], list[Mention]],
        theirs_left: Callable[[], list[Mention]],
    ):
        self.texts = (first_text, second_text)
        self.mentions = (first_mentions, second_mentions)
        self.left = (mine_left, theirs_left)
        self.placed: set[tuple[int, int]] | None = None
        self.slotted: set[tuple[int, int]] | None = None

    def alike(self, mine: Mention, theirs: Mention) -> bool:
        """The two names sit in one place of the sentences (``placed_alike``)."""
        if self.placed is None:
            self.placed = placed_alike(self.texts[0], self.left[0](), self.texts[1], self.left[1]())
        return (id(mine), id(theirs)) in self.placed

    def in_slot(self, mine: Mention, theirs: Mention) -> bool:
        if same_role(self.texts[0], mine, self.texts[1], theirs) or self.alike(mine, theirs):
            return True
        if self.slotted is None:
            self.slotted = same_slot_names(self.texts[0], self.mentions[0], self.texts[1], self.mentions[1])
        return (id(mine), id(theirs)) in self.slotted


def _role_pairs(
    first_text: str, first_mentions: list[Mention], second_text: str, second_mentions: list[Mention]
) -> set[tuple[int, int]]:
    """The pairs of mentions (positions in the two lists) given one role word (``same_role``)."""
    their_roles = [_roles(second_text, theirs) for theirs in second_mentions]
    return {
        (position_a, position_b)
        for position_a, mine in enumerate(first_mentions)
        for roles in [_roles(first_text, mine)]
        if roles
        for position_b, their_role in enumerate(their_roles)
        if roles & their_role
    }


def speaker_conflicts(
    first: Unit,
    second: Unit,
    a: Facts,
    b: Facts,
    quotes: tuple[FoundQuote, FoundQuote],
    pair: Pair,
    story: StoryValues,
) -> list[Conflict]:
    """The speakers that two sources name for one quote (``quotes.same_words``), when they are rivals:
    neither sentence names the other's speaker, and not both sources know both (then each may have
    said it). What the two sentences say alike (``shared``) is read from the quotes."""
    names = story.names
    mine, theirs = quotes[0].named, quotes[1].named
    if mine is None or theirs is None:
        return []
    if not (_unmatched_names([mine], b.mentions, names) and _unmatched_names([theirs], a.mentions, names)):
        return []
    if not _rival_names(mine, theirs, first, second, names):
        return []
    lone = _one_unmatched_entity_each(a, b, names)
    context = _context_score(first.text, mine, second.text, theirs) + 2  # the one slot of the speaker
    evidence = _name_evidence(first, second, mine, theirs, names, pair, True, context, lone, story)
    evidence.shared = _quoted_alike(quotes[0].content, quotes[1].content)
    return [_conflict("name", "speaker of the same words", first, second, mine.text, theirs.text, evidence)]


def _one_unmatched_entity_each(a: Facts, b: Facts, names: NameIndex) -> bool:
    """Each sentence names exactly one entity that the other does not name."""
    mine_left = _unmatched_names(a.mentions, b.mentions, names)
    theirs_left = _unmatched_names(b.mentions, a.mentions, names)
    return _entities_of(mine_left, names) == 1 == _entities_of(theirs_left, names)


def _quoted_alike(first: set[str], second: set[str]) -> float:
    """The share of the shorter quote's content words that the other quote has (an excerpt of a longer
    quote says all it says)."""
    return len(first & second) / max(1, min(len(first), len(second)))


def _name_evidence(
    first: Unit,
    second: Unit,
    mine: Mention,
    theirs: Mention,
    names: NameIndex,
    pair: Pair,
    in_slot: bool,
    context: int,
    lone: bool,
    story: StoryValues,
) -> Evidence:
    return Evidence(
        head=float(names.label_of(mine) == names.label_of(theirs) != "other"),
        cue=float(in_slot),
        place=min(1.0, context / 4),
        role=min(1.0, context / 4),
        similarity=pair.similarity,
        aligned=float(pair.aligned),
        lone=float(lone),
        repeated=float(_doubtful_names(mine, theirs, names)),
        hedge=hedged(first.text, second.text),
        kind="name",
        **slot_fit(first, second, (mine.start, mine.end), (theirs.start, theirs.end), mine.text, theirs.text),
        **story.names_of(first, second, mine, theirs),
    )


def _best_name_conflict(
    first: Unit, second: Unit, candidates: list[tuple[Evidence, Mention, Mention]], names: NameIndex
) -> list[Conflict]:
    if not candidates:
        return []
    evidence, mine, theirs = max(candidates, key=lambda item: item[0].confidence())
    label = names.label_of(mine) if names.label_of(mine) != "other" else names.label_of(theirs)
    what = {"person": "person named", "place": "place named", "organization": "organisation named"}
    return [_conflict("name", what.get(label, "name"), first, second, mine.text, theirs.text, evidence)]


def _entities_of(mentions: list[Mention], names: NameIndex) -> int:
    return len({names.entity_of(mention) for mention in mentions})


def _doubtful_names(mine: Mention, theirs: Mention, names: NameIndex) -> bool:
    """Two names that may be one (an abbreviation, a plural or possessive form), or a name that only
    opens its sentence and that no other evidence makes a name ("Let", "Vindicate")."""
    if abbreviation_of(mine.key, theirs.key) or abbreviation_of(theirs.key, mine.key):
        return True
    return any(m.sentence_initial and names.label_of(m) == "other" for m in (mine, theirs))


def abbreviation_of(short: str, full: str) -> bool:
    """ "calif" of "california", "mass" of "massachusetts", "prizes" of "prize", "wangs" of "wang"."""
    if short[:1] != full[:1]:
        return False  # each test below keeps the first letter (``singular`` too)
    short_words, full_words = short.split(), full.split()
    if len(short_words) != len(full_words):
        return False
    return all(
        s == f
        or singular(s) == singular(f)
        or (len(s) >= 3 and f.startswith(s))
        or (len(f) >= 3 and s.startswith(f))
        for s, f in zip(short_words, full_words, strict=True)
    )


@dataclass(frozen=True)
class Lone:
    """How many names each sentence has left once the names both use are matched."""

    single: bool  # one sentence has exactly one
    pair: bool  # both have exactly one


def _swapped(mine: Mention, theirs: Mention, first: Unit, second: Unit, names: NameIndex) -> bool:
    """One source names the other's entity elsewhere, but here puts a name the other never uses."""
    first_knows_theirs = names.article_mentions(first.article_id, theirs.key)
    second_knows_mine = names.article_mentions(second.article_id, mine.key)
    return first_knows_theirs != second_knows_mine


def _same_role(context: int, lone: Lone, *, swapped: bool, strong: bool, same_place: bool) -> bool:
    """Whether two different names fill one role in two aligned sentences: enough shared neighbouring
    words (``context``); or some, when they are the only names left or one was swapped; or, without
    shared words, the same relative place when they are the only names left of near-identical
    sentences, or when one was swapped."""
    if context >= 2:
        return True
    if context >= 1 and (lone.pair or (lone.single and (swapped or strong))):
        return True
    return same_place and ((lone.pair and strong) or (lone.single and swapped))


def _unmatched_names(
    mentions: list[Mention], others: list[Mention], names: NameIndex, other_text: str = ""
) -> list[Mention]:
    """The mentions that none of ``others`` names, nor ``other_text`` by the name's common noun."""
    others = [other for other in others if not other.dateline]
    return [m for m in mentions if _left_unmatched(m, others, names, other_text)]


def _left_unmatched(mention: Mention, others: list[Mention], names: NameIndex, other_text: str) -> bool:
    """``_unmatched_names`` of one mention, ``others`` without their datelines."""
    if mention.dateline or is_demonym(mention.key.split()):
        return False
    known = names.memo  # ``_one_name``'s answers, looked up here first: most pairs were asked before
    for other in others:
        answer = known.get((mention.key, other.key))
        if answer or (answer is None and _one_name(mention, other, names)):
            return False
    return not (other_text and _named_generically(mention, other_text))


def _named_generically(mention: Mention, other_text: str) -> bool:
    """The other sentence speaks of the named thing by the common noun that opens or ends the name:
    "the flight" of "Flight PK8303", "the court" of "Supreme Court"."""
    words = mention.text.split()
    if len(words) < 2:
        return False
    nouns = {words[0].lower(), words[-1].lower()}
    return not nouns.isdisjoint(_generic_nouns(other_text))


@lru_cache(maxsize=4096)
def _generic_nouns(text: str) -> frozenset[str]:
    """The common nouns a sentence names things by ("the flight"): asked for each name of each pair."""
    return frozenset(GENERIC_NOUNS.findall(text))


def _one_name(first: Mention, second: Mention, names: NameIndex) -> bool:
    """One entity, one name inside the other, or an abbreviation: remembered per pair of keys, which
    is all it depends on. All of it but ``spelled_alike`` reads both names alike, so a pair found apart
    the other way round needs only that test."""
    pair = (first.key, second.key)
    answer = names.memo.get(pair)
    if answer is None:
        if names.memo.get((second.key, first.key)) is False:
            answer = spelled_alike(names, first, second)
        else:
            answer = (
                related_names(names, first, second)
                or abbreviation_of(first.key, second.key)
                or abbreviation_of(second.key, first.key)
                or written_otherwise(first.key, second.key)
            )
        names.memo[pair] = answer
    return answer


def written_otherwise(first: str, second: str) -> bool:
    """One name written with and without its number: "flight jt" of "Flight JT 610", "flight jt610"."""
    numbered = DIGIT.search(first) or DIGIT.search(second)
    return bool(numbered) and DIGITS.sub("", first).split() == DIGITS.sub("", second).split()


def _rival_names(mine: Mention, theirs: Mention, first: Unit, second: Unit, names: NameIndex) -> bool:
    """Names that may fill one role: one of them unknown to the other source, and not of two known,
    different kinds (a person is no rival of a place; a name labelled "other" may rival any)."""
    return not _known_to_both(mine, theirs, first, second, names) and _kinds_may_rival(mine, theirs, names)


def _known_to_both(mine: Mention, theirs: Mention, first: Unit, second: Unit, names: NameIndex) -> bool:
    """Both sources know both names: different roles, not a contradiction."""
    return names.article_mentions(second.article_id, mine.key) and names.article_mentions(
        first.article_id, theirs.key
    )


def _kinds_may_rival(mine: Mention, theirs: Mention, names: NameIndex) -> bool:
    """Not of two known, different kinds, and both or neither in an adjective compound ("Tarnco-led
    board" describes the board: its rival is another compound, not the board's own name)."""
    if mine.modifier != theirs.modifier:
        return False
    labels = {names.label_of(mine), names.label_of(theirs)}
    return len(labels) == 1 or "other" in labels


def same_slot_names(
    first_text: str, first_mentions: list[Mention], second_text: str, second_mentions: list[Mention]
) -> set[tuple[int, int]]:
    """Pairs of mentions (by id) that fill the same place in the two sentences: with every name masked,
    the word sequences line up around them (difflib), over at least ``SLOT_MIN_WORDS`` words."""
    tokens_a, names_a = _masked_tokens(first_text, first_mentions)
    tokens_b, names_b = _masked_tokens(second_text, second_mentions)
    pairs = set()
    matcher = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    for start_a, start_b, size in matcher.get_matching_blocks():
        block = tokens_a[start_a : start_a + size]
        if size < SLOT_MIN_WORDS or not any(
            token != NAME_TOKEN and token not in STOP_WORDS for token in block
        ):
            continue
        for offset in range(size):
            if block[offset] == NAME_TOKEN:
                pairs.add((id(names_a[start_a + offset]), id(names_b[start_b + offset])))
    return pairs


def placed_alike(
    first_text: str, mine: list[Mention], second_text: str, theirs: list[Mention]
) -> set[tuple[int, int]]:
    """Pairs of mentions (by id) of ``mine`` and ``theirs`` (the names each sentence has left) that sit
    in one place of the two sentences: with those names masked, the word sequences line up (difflib) on
    anchors, runs of shared words holding a content word; two names line up inside an anchor, or each
    is the only name left between the same two anchors (or an anchor and the sentence's edge)."""
    tokens_a, names_a = _masked_tokens(first_text, mine)
    tokens_b, names_b = _masked_tokens(second_text, theirs)
    matcher = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    pairs = set()
    after_a = after_b = 0  # where the last anchor ends
    for start_a, start_b, size in matcher.get_matching_blocks():
        block = tokens_a[start_a : start_a + size]
        if size and not any(token != NAME_TOKEN and token not in STOP_WORDS for token in block):
            continue  # "of the": no anchor
        gap_a = [names_a[k] for k in range(after_a, start_a) if k in names_a]
        gap_b = [names_b[k] for k in range(after_b, start_b) if k in names_b]
        if len(gap_a) == 1 == len(gap_b):
            pairs.add((id(gap_a[0]), id(gap_b[0])))
        for offset in range(size):
            if block[offset] == NAME_TOKEN:
                pairs.add((id(names_a[start_a + offset]), id(names_b[start_b + offset])))
        after_a, after_b = start_a + size, start_b + size
    return pairs


def _masked_tokens(text: str, mentions: list[Mention]) -> tuple[list[str], dict[int, Mention]]:
    """Lower-case words with each name replaced by one placeholder; placeholder position -> mention."""
    text = normalize_punctuation(text)
    tokens: list[str] = []
    where: dict[int, Mention] = {}
    position = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        tokens += re.findall(r"[a-z0-9]+", text[position : mention.start].lower())
        where[len(tokens)] = mention
        tokens.append(NAME_TOKEN)
        position = mention.end
    tokens += re.findall(r"[a-z0-9]+", text[position:].lower())
    return tokens, where


def same_role(first_text: str, mine: Mention, second_text: str, theirs: Mention) -> bool:
    """Two names given one role: the same role word right before both ("Port Town Mayor Jane Roe",
    "its leader Jane Roe") or in an aside right after both ("Jane Roe, the agency's director,")."""
    return bool(_roles(first_text, mine) & _roles(second_text, theirs))


def _roles(text: str, mention: Mention) -> frozenset[str]:
    """The role words of a name: the word before it, and those of an aside opening right after it."""
    return _roles_at(text, mention.start, mention.end + 2 * mention.possessive)


@lru_cache(maxsize=8192)
def _roles_at(text: str, start: int, end: int) -> frozenset[str]:
    text = normalize_punctuation(text)
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30) : start])
    roles = {before[-1].lower()} if before else set()
    aside = APPOSITION.match(text, end)
    if aside:
        roles.update(word.lower() for word in re.findall(r"[A-Za-z]+", aside.group(1)))
    return frozenset(roles & ROLE_WORDS)


def _same_place(first_text: str, mine: Mention, second_text: str, theirs: Mention) -> bool:
    """Both names sit at about the same relative place of their sentences."""
    return abs(mine.start / max(len(first_text), 1) - theirs.start / max(len(second_text), 1)) <= 0.3


def _context_score(first_text: str, mine: Mention, second_text: str, theirs: Mention) -> int:
    """How many neighbouring words two names share: the next word on each side counts 1, or 2 when it
    is a content word; the word after it counts 1 more."""
    before_a, after_a = _neighbours(first_text, mine)
    before_b, after_b = _neighbours(second_text, theirs)
    opening = 2 * int(not before_a and not before_b)  # both open their sentence: its subject
    return opening + _side_score(before_a[::-1], before_b[::-1]) + _side_score(after_a, after_b)


def _side_score(first: list[str], second: list[str]) -> int:
    score = 0
    for position, (word_a, word_b) in enumerate(zip(first, second, strict=False)):
        if word_a != word_b:
            break
        score += 1 if word_a in STOP_WORDS or position > 0 else 2
    return score


def _neighbours(text: str, mention: Mention) -> tuple[list[str], list[str]]:
    text = normalize_punctuation(text)
    before = re.findall(r"[A-Za-z]+", text[: mention.start].lower())
    after = re.findall(r"[A-Za-z]+", text[mention.end :].lower())
    return before[-2:], after[:2]
