"""Numbers and times of day that fill the same slot in two sources' sentences, and how sure that is.

Two values are compared only when they say the same kind of thing: the same unit (percent, dollars, a
measure converted to one unit), and the same noun counted ("passengers", "Ethiopians"), or, for a number
without one, the same word before it; times of day in one zone. A pair that passes is a *candidate* when
the values cannot both be true (``Quantity.compatible``, ``ClockTime.compatible``). Its confidence sums
the evidence that the two values answer one question (``Evidence``): the same noun, the same word
before, the same words around them, how alike the two sentences are, whether each sentence holds only
this one value of its kind; and it drops for numbers far apart (``far``), when a source also states
the other's value elsewhere (then the two numbers are likely two facts, not one fact told two ways), and
when only one sentence names another year than its article's (``elsewhen``: a number of another event).
Dates and names also weigh a lone dissenter (``odd_one_out``): one value told once against a rival the
other sources tell.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

from newsynth.compare.text import STOP_WORDS, Caseless, normalize_punctuation, singular
from newsynth.compare.values import MEASURES, ClockTime, DateValue, Quantity

DateValues = tuple[list[DateValue], dt.date | None]  # a sentence's dates and its article's date
WINDOW = 4  # words either side of a value that make its context
LETTER_RUN = re.compile(r"([a-z]+)")  # captured, so that splitting on it keeps the runs
SPECULATION = re.compile(
    r"\b(?:could|might|would|expected|estimated?|projected|forecast|feared|likely|reportedly|up to)\b"
    # "may" in lower case only: "May" is the month or a name ("on May 30", "Mrs May")
    r"|\b(?-i:may)\b",
    re.IGNORECASE,
)
TALLY = re.compile(r"\b(?:at least|so far|confirmed|rose to|risen to|climbed to|as of)\b", re.IGNORECASE)
TIME_WORDS = {
    "around",
    "approximately",
    "shortly",
    "just",
    "local",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
}
TIME_CUE_WORDS = 3
STATES = {"dead", "aboard", "missing", "hurt", "killed", "injured", "left", "on"}
MEASURE_LABELS = {"distance": "distance", "duration": "duration", "mass": "weight", "speed": "speed"}


FEATURES = (
    "head", "cue", "place", "similarity", "aligned", "lone", "repeated", "hedge", "near", "shared",
    "exclusive", "agreed", "pairs", "far", "overlap", "slip", "clause", "event", "role", "odd", "tied",
    "elsewhen", "anchor", "time", "date", "name",
)  # fmt: skip
KIND_FEATURES = 3  # the last FEATURES are the kinds
BASE_FEATURES = FEATURES[:-KIND_FEATURES]
KINDS = ("number", *FEATURES[-KIND_FEATURES:])
MODEL_PATH = Path(__file__).with_name("conflict_model.json")


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights over ``BASE_FEATURES`` and an intercept for each kind of value: what makes two
    dates one fact is not what makes two names one (``tuning.fit_model`` fits the kinds together, each
    kind's weights a shared part plus its own, shrunk towards the shared part)."""

    weights: dict[str, tuple[float, ...]]  # kind -> one weight per BASE_FEATURES
    intercepts: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        """The probability that the two values are one fact told two ways."""
        kind = kind_of(features)
        score = self.intercepts[kind] + sum(
            weight * features.get(name, 0.0)
            for name, weight in zip(BASE_FEATURES, self.weights[kind], strict=True)
        )
        return round(1 / (1 + math.exp(-score)), 3)

    def to_dict(self) -> dict[str, object]:
        return {kind: {"intercept": self.intercepts[kind], **self.named_weights(kind)} for kind in KINDS}

    def named_weights(self, kind: str) -> dict[str, float]:
        return dict(zip(BASE_FEATURES, self.weights[kind], strict=True))

    @classmethod
    def from_dict(cls, data: dict) -> ConfidenceModel:
        for kind in KINDS:
            if set(data.get(kind, {})) != {"intercept", *BASE_FEATURES}:
                raise ValueError(
                    f"conflict model: the {kind} weights differ from this code's features; "
                    "refit it (newsynth eval-compare ... --cv --save-model)"
                )
        return cls(
            {kind: tuple(float(data[kind][name]) for name in BASE_FEATURES) for kind in KINDS},
            {kind: float(data[kind]["intercept"]) for kind in KINDS},
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def stored_model() -> ConfidenceModel:
    """The model shipped with the package, fitted by ``newsynth eval-compare ... --cv --save-model``."""
    return ConfidenceModel.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def kind_of(features: dict[str, float]) -> str:
    return next((kind for kind in KINDS[1:] if features.get(kind)), "number")


@dataclass
class Evidence:
    """What says two values fill one slot; each in [0, 1]."""

    head: float  # the same noun counted, or the same measure; for names the same known kind
    cue: float  # the same content word before; for names the same place in lined-up sentences
    place: float  # share of the content words around them that the two sentences share
    similarity: float  # cosine of the two sentences
    lone: float  # each sentence holds one value of this kind
    repeated: float  # a source states the other's value too (names: one may be the other's short form)
    aligned: float = 1.0  # the sentences align (each the other's best match); else only related
    hedge: float = 0.0  # one sentence hedges (could, may, expected, estimated), the other does not
    near: float = 0.0  # the nearest content word before, and after, each value is the same (half each)
    shared: float = 0.0  # Jaccard similarity of the two sentences' words, names included, values left out
    overlap: float = 0.0  # the share of the shorter sentence's words that the other has (values left out)
    exclusive: float = 1.0  # story-wide: share of the sources stating either value that state only one
    agreed: float = 0.0  # story-wide: other sources that state the more widely stated value (two count 1)
    pairs: float = 0.0  # set on merging: more sentence pairs of the claim that find it (two count 1)
    slip: float = 0.0  # numbers written alike but for one digit (291, 219), times ``overlap``
    clause: float = 0.0  # dates: the share of the words of the clause each date sits in that both share
    event: float = 0.0  # dates: each date's nearest verb is in the other's clause (half each)
    role: float = 0.0  # names: how surely the two names fill one role of the sentences (``place`` of names)
    odd: float = 0.0  # story-wide: a lone dissenter (``odd_one_out``), any kind of value
    tied: float = 0.0  # dates: each date's nearest words are in the other's clause (half each)
    elsewhen: float = 0.0  # numbers: one sentence names a year besides its article's that the other does not
    anchor: float = 0.0  # numbers: the sentences agree on another number of one kind (``agree_elsewhere``)
    kind: str = "number"
    gap: float | None = None  # numbers: their difference as a share of the larger (``far``; 0 for others)

    def features(self) -> dict[str, float]:
        values = {name: float(getattr(self, name, 0.0)) for name in FEATURES[:-KIND_FEATURES]}
        values["similarity"] = min(1.0, self.similarity / 0.5)
        values["far"] = round(self.gap or 0.0, 3)  # one fact is mostly told with close figures
        values.update({kind: float(self.kind == kind) for kind in FEATURES[-KIND_FEATURES:]})
        if self.gap is not None:
            values["gap"] = round(self.gap, 3)
        return values

    @cached_property
    def probability(self) -> float:
        """The stored model's probability that the two values are one fact told two ways."""
        return confidence_of(self.features())

    def confidence(self) -> float:
        return self.probability


def confidence_of(features: dict[str, float], model: ConfidenceModel | None = None) -> float:
    return (model or stored_model()).probability(features)


def story_support(mine: set[str], theirs: set[str]) -> dict[str, float]:
    """What the whole story says of two values, from the independent sources stating each anywhere:
    whether no source states both (two values of one fact, not two facts), and whether several sources
    agree on one of them against the other."""
    either = mine | theirs
    return {
        "exclusive": 1 - len(mine & theirs) / len(either) if either else 1.0,
        "agreed": min(1.0, (max(len(mine), len(theirs)) - 1) / 2),
    }


def odd_one_out(told: int, rivals: set[str]) -> float:
    """A lone dissenter: a value told once in the whole story (``told`` 1: this sentence only), set
    against a rival value that the story tells elsewhere, by sources besides the rival sentence's own
    (``rivals``, the sources stating it anywhere; two more count 1). One source's slip, rather than two
    facts each told again by their sources. What "states the same value" means is each kind's own: a
    compatible number of the same kind, a date stating it, a name of the same entity."""
    return min(1.0, (len(rivals) - 1) / 2) if told <= 1 else 0.0


def elsewhen(first: DateValues, second: DateValues) -> float:
    """1 when one sentence names a year, other than its article's, that the other does not name: a
    number of another event ("seven crew members" of a crash "in 2010", in an article of 2019)."""
    return float(_other_years(*first) != _other_years(*second))


def _other_years(dates: list[DateValue], article_date: dt.date | None) -> frozenset[int]:
    return frozenset(
        date.year
        for date in dates
        if date.year and not date.resolved and (article_date is None or date.year != article_date.year)
    )


def agree_elsewhere(first: list[Quantity], second: list[Quantity], mine: Quantity, theirs: Quantity) -> float:
    """1 when the two sentences state another number of one kind alike ("32 Kenyans" in both, beside
    "17 Ethiopians" / "nine Ethiopians"): they tell one set of figures, so the two that differ are one
    figure told two ways, not figures of two things. Identifiers ("Falcon 9") are left out: most
    sentences of a story name them alike."""
    return float(
        any(
            same_kind(one, other) and one.compatible(other)
            for one in first
            if one is not mine and not one.identifier
            for other in second
            if other is not theirs
        )
    )


def hedged(first_text: str, second_text: str) -> float:
    """1 when one sentence speaks of an estimate or expectation and the other does not."""
    return float(speculative(first_text) != speculative(second_text))


@lru_cache(maxsize=4096)
def speculative(text: str) -> bool:
    """Whether a sentence speaks of an estimate or expectation (could, may, expected, estimated)."""
    return SPECULATION.search(text) is not None


COUNTED = Caseless(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\s+(?:of\s+)?(?:[a-z]+\s+)?([a-z]+)"
    r"|\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\b|[ap]m)|\d:\d\d"
)


@lru_cache(maxsize=4096)
def counted_words(text: str) -> frozenset[str]:
    """A cheap look ahead of ``extract_quantities``: the words one or two after each number (what it may
    count), and "#time" when the text holds a time of day. Sentences sharing none need no comparing."""
    found = set()
    for match in COUNTED.finditer(text):
        word = match.group(1)
        if not word:
            found.add("#time")
            continue
        following = {word.lower(), match.group(0).split()[1].lower()}
        found.update(singular(each) for each in following)
        found.update("#" + MEASURES[each][0] for each in following if each in MEASURES)  # seconds ~ minutes
    return frozenset(found - STOP_WORDS)


def same_kind(first: Quantity, second: Quantity) -> bool:
    """The same unit and, where both have one, the same noun counted; identifiers with identifiers."""
    if first.identifier != second.identifier:
        return False
    if first.identifier:
        return bool(first.cue) and first.cue == second.cue
    if (
        first.slots & {"percent", "dollar"} != second.slots & {"percent", "dollar"}
        or first.unit != second.unit
    ):
        return False
    if first.head and second.head:
        return first.head == second.head
    return bool(first.cue) and first.cue == second.cue


def written_alike(first: str, second: str) -> bool:
    """Two numbers of two or more digits written alike but for one digit changed ("4,000" and "5,000")
    or two neighbouring digits swapped ("291" and "219"): perhaps a slip of the keyboard."""
    a, b = re.sub(r"\D", "", first), re.sub(r"\D", "", second)
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    changed = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(changed) == 1:
        return True
    swapped = len(changed) == 2 and changed[1] == changed[0] + 1
    return swapped and a[changed[0]] == b[changed[1]] and a[changed[1]] == b[changed[0]]


def context_words(text: str, start: int, end: int) -> set[str]:
    """Lower-case content words within ``WINDOW`` words (and 60 characters) either side of a value,
    singular."""
    starts, ends, forms = _word_offsets(text)
    before = bisect.bisect_right(ends, start)  # words that end before the value
    after = bisect.bisect_left(starts, end)
    around = [forms[k] for k in range(max(0, before - WINDOW), before) if starts[k] >= start - 60] + [
        forms[k] for k in range(after, min(len(forms), after + WINDOW)) if ends[k] <= end + 60
    ]
    return {form for form in around if form}


def content_context(text: str, start: int, end: int) -> set[str]:
    """The ``WINDOW`` nearest content words (singular) either side of a value, within 80 characters: stop
    words do not use up the window, so "some 31 miles south of Addis Ababa" and "62 kilometres southeast
    of the capital Addis Ababa" share "Addis Ababa"."""
    starts, ends, forms = _word_offsets(text)
    first = bisect.bisect_left(starts, start - 80)  # the words within reach
    last = bisect.bisect_right(ends, end + 80)
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(starts, end)
    earlier = [form for form in reversed(forms[first:before]) if form][:WINDOW]
    later = [form for form in forms[after:last] if form][:WINDOW]
    return set(earlier) | set(later)


@lru_cache(maxsize=4096)
def _word_offsets(text: str) -> tuple[list[int], list[int], list[str]]:
    """Where each lower-cased run of letters of a text starts and ends, and its singular form ("" for a
    stop word), read once per sentence."""
    pieces = LETTER_RUN.split(text.lower())  # gap, run, ..., run, gap (straightened quotes move no letter)
    bounds = list(accumulate(map(len, pieces)))  # where each piece ends
    return bounds[0:-1:2], bounds[1::2], list(map(_context_form, pieces[1::2]))


@lru_cache(maxsize=65536)
def _context_form(word: str) -> str:
    """A lower-case word's singular form, "" for a stop word."""
    return "" if word in STOP_WORDS else singular(word)


def nearest_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest content word before a value and after it (lower case, singular; "" at an edge)."""
    text = normalize_punctuation(text).lower()
    before = [w for w in re.findall(r"[a-z]+", text[max(0, start - 60) : start]) if w not in STOP_WORDS]
    after = [w for w in re.findall(r"[a-z]+", text[end : end + 60]) if w not in STOP_WORDS]
    return (singular(before[-1]) if before else "", singular(after[0]) if after else "")


def near_score(first: tuple[str, str], second: tuple[str, str]) -> float:
    """Half for the same nearest content word before both values, half for the same one after."""
    return 0.5 * sum(bool(a) and a == b for a, b in zip(first, second, strict=True))


def shared_share(first: frozenset[str], second: frozenset[str], values: frozenset[str]) -> float:
    """Jaccard similarity of two sentences' content words (names included), the values' words left out:
    how much the sentences say alike besides the values compared."""
    first, second = first - values, second - values
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def overlap_share(first: frozenset[str], second: frozenset[str], values: frozenset[str]) -> float:
    """The share of the shorter sentence's content words (names included, the values' words left out)
    that the other sentence has: a short sentence ("It broke up 2 minutes into the flight") told again
    inside a long one scores high here, low in ``shared_share``."""
    first, second = first - values, second - values
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0


def place_overlap(first: set[str], second: set[str]) -> float:
    """Shared context words as a share of the smaller context; 0.5 when one has none."""
    size = min(len(first), len(second))
    return min(1.0, len(first & second) / size) if size else 0.5


def span_of(text: str, written: str) -> tuple[int, int]:
    start = normalize_punctuation(text).find(normalize_punctuation(written))
    return (start, start + len(written)) if start >= 0 else (0, 0)


def number_label(first: Quantity, second: Quantity, text: str) -> str:
    """What the numbers count, in words: "number of passengers", "distance", "percentage"."""
    if first.unit:
        return MEASURE_LABELS.get(first.unit, first.unit)
    if "percent" in first.slots:
        return "percentage" + (f" ({first.cue})" if first.cue else "")
    if "dollar" in first.slots:
        return "amount in dollars" + (f" ({first.cue})" if first.cue else "")
    if first.identifier:
        return f"number of the {first.cue}"
    head = _written_head(first, text) or first.head
    if head:
        verb = _state_after(first, text) or (first.cue if first.cue.endswith("ed") else "")
        return f"number of {head}" + (f" {verb}" if verb else "")
    return f"number ({first.cue})" if first.cue else "number"


def _state_after(quantity: Quantity, text: str) -> str:
    """ "killed" of "12 people were killed", "aboard" of "99 passengers aboard": what befell those counted."""
    _, end = span_of(text, quantity.text)
    for word in re.findall(r"[A-Za-z]+", normalize_punctuation(text)[end : end + 50])[1:5]:
        if word.islower() and (word.endswith("ed") or word in STATES):
            return word
    return ""


def _written_head(quantity: Quantity, text: str) -> str:
    _, end = span_of(text, quantity.text)
    following = re.findall(r"[A-Za-z]+", normalize_punctuation(text)[end : end + 40])
    for word in following[:3]:
        if singular(word.lower()) == quantity.head:
            return word if not word[0].isupper() or word.endswith("s") else word.lower()
    return ""


def time_label(cue: set[str]) -> str:
    return f"time ({' '.join(sorted(cue))})" if cue else "time of day"


def time_cue(text: str, value: ClockTime) -> set[str]:
    """The last few lower-case content words within ten words before a time of day ("landfall",
    "departed"; "arrive" of "arrive at Baiyun International Airport, Guangzhou, at 15.07")."""
    before = normalize_punctuation(text)[max(0, value.start - 100) : value.start]
    words = [
        singular(word)
        for word in re.findall(r"[A-Za-z]+", before)[-10:]
        if word.islower() and word not in STOP_WORDS and word not in TIME_WORDS
    ]
    return set(words[-TIME_CUE_WORDS:])


def note(
    first_text: str, second_text: str, first: Quantity | None = None, second: Quantity | None = None
) -> str:
    """What may explain a disagreement: an estimate set against a reported figure, or tallies that may
    have been made at different times of the day."""
    if hedged(first_text, second_text):
        return "one source gives an estimate or expectation, the other a reported figure"
    bounds = {q.bound for q in (first, second) if q is not None}
    if "lower" in bounds or (TALLY.search(first_text) and TALLY.search(second_text)):
        return "running tallies: the figures may be of different times"
    return ""
