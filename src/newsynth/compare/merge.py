"""One disagreement, one entry: the conflicts that sentence pairs of a claim find on one slot are merged.

Each pair of sentences yields its own conflicts, so a figure that one outlet gives as three and three
others as four is found three times, once per pair. Conflicts of one kind and label ("number of workers
injured") join when they share a value of one source (the same value in one source's article, numbers
compared by what they are worth: "Four" = "4"); the entry lists each value with every article stating
it: "number of workers injured: three in [1], four in [2][3][5]". Labels join when one says more than
the other ("number of workers" / "number of workers injured"); the entry takes the longer. An article
that gives two values of one slot is in two entries, one per value, so that neither is dropped.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from newsynth.compare.slots import confidence_of
from newsynth.compare.text import fold
from newsynth.compare.values import extract_quantities
from newsynth.components import connected_groups
from newsynth.records import Conflict, Reading

Node = tuple[str, object]  # (independent source, value key)


def merged_conflicts(
    found: list[tuple[dict[int, str], list[Conflict]]],
) -> list[Conflict]:
    """The conflicts of a claim's sentence pairs merged per slot. ``found`` holds, per pair in order, the
    source of each of its two articles (citation number -> independent source) and its conflicts."""
    if sum(len(pair_conflicts) for _, pair_conflicts in found) < 2:
        return [conflict for _, pair_conflicts in found for conflict in pair_conflicts]
    conflicts: list[Conflict] = []
    nodes: list[set[Node]] = []
    for sources, pair_conflicts in found:
        for conflict in pair_conflicts:
            conflicts.append(conflict)
            nodes.append({(sources[n], value_key(conflict.kind, v)) for n, v in conflict.values.items()})
    links = [
        (first, second)
        for first in range(len(conflicts))
        for second in range(first + 1, len(conflicts))
        if _same_slot(conflicts[first], conflicts[second]) and nodes[first] & nodes[second]
    ]
    groups: list[list[int]] = []
    for group in connected_groups(len(conflicts), links):
        groups += _without_clashes(group, conflicts)
    return [_merged([conflicts[k] for k in group]) for group in sorted(groups)]


def _without_clashes(group: list[int], conflicts: list[Conflict]) -> list[list[int]]:
    """A group split so that no article has two values in one part: each conflict joins the first part
    it does not clash with ("two" and "3" killed in one article's two sentences stay two entries)."""
    parts: list[tuple[list[int], dict[int, object]]] = []
    for k in group:
        kind = conflicts[k].kind
        keys = {article: value_key(kind, value) for article, value in conflicts[k].values.items()}
        home = next(
            (part for part in parts if all(part[1].get(a, key) == key for a, key in keys.items())), None
        )
        if home is None:
            parts.append(([k], keys))
        else:
            home[0].append(k)
            home[1].update(keys)
    return [members for members, _ in parts]


@lru_cache(maxsize=4096)
def value_key(kind: str, value: str) -> object:
    """What a value is worth, whatever its writing: a number's interval, else its folded words."""
    if kind == "number":
        quantities = extract_quantities(value)
        if len(quantities) == 1:
            quantity = quantities[0]
            return (quantity.low, quantity.high, quantity.bound, quantity.unit)
    return fold(value)


def label_of(conflict: Conflict) -> str:
    return conflict.description.split(": ", 1)[0]


def _same_slot(first: Conflict, second: Conflict) -> bool:
    """One kind, and one label or one that says more ("number of workers" / "... workers injured")."""
    if first.kind != second.kind:
        return False
    shorter, longer = sorted((label_of(first), label_of(second)), key=len)
    return longer == shorter or longer.startswith(shorter + " ")


def _merged(conflicts: list[Conflict]) -> Conflict:
    if len(conflicts) == 1:
        return conflicts[0]
    strongest = max(conflicts, key=lambda conflict: conflict.confidence)
    values: dict[int, str] = {}
    for conflict in conflicts:
        for article, value in conflict.values.items():
            values.setdefault(article, value)
    kind = strongest.kind
    readings = readings_of(kind, values)
    evidence, confidence = strongest.evidence, strongest.confidence
    pairs = min(1.0, (len(conflicts) - 1) / 2)
    if evidence:  # the more pairs find it, the surer: re-read with that evidence
        evidence = {**evidence, "pairs": pairs}
        confidence = confidence_of(evidence)
    return Conflict(
        kind,
        dict(sorted(values.items())),
        describe(max((label_of(c) for c in conflicts), key=len), readings),
        confidence,
        strongest.note or next((c.note for c in conflicts if c.note), ""),
        evidence,
        readings,
        [
            {**member, "pairs": pairs}
            for c in conflicts
            for member in c.alternatives or [c.evidence]
            if member
        ],
    )


def readings_of(kind: str, values: dict[int, str]) -> list[Reading]:
    """Each value with the articles stating it, in the order of their first article; a value is written
    as most of its articles write it (the first of equals)."""
    grouped: dict[object, list[int]] = {}
    for article in sorted(values):
        grouped.setdefault(value_key(kind, values[article]), []).append(article)
    readings = []
    for articles in grouped.values():
        writings = Counter(values[article] for article in articles)
        readings.append(Reading(max(writings, key=lambda w: (writings[w], w.islower())), articles))
    return readings


def describe(label: str, readings: list[Reading]) -> str:
    """ "number of workers injured: three in [1], four in [2][3][5]"."""
    return f"{label}: " + ", ".join(
        f"{reading.value} in " + "".join(f"[{n}]" for n in reading.articles) for reading in readings
    )
