"""Conflicts that several sentence pairs find on one slot become one entry listing every source."""

from __future__ import annotations

from newsynth.compare.merge import merged_conflicts
from newsynth.records import Conflict, Reading


def injured(first: tuple[int, str], second: tuple[int, str], label: str = "number of workers") -> Conflict:
    (a, mine), (b, theirs) = first, second
    return Conflict("number", {a: mine, b: theirs}, f"{label}: {mine} in [{a}], {theirs} in [{b}]", 0.8)


def test_one_figure_against_another_across_three_pairs_is_one_entry():
    found = [
        ({1: "courier", 2: "wire"}, [injured((1, "3"), (2, "four"))]),
        ({2: "wire", 3: "freight"}, [injured((2, "Four"), (3, "three"), "number of workers injured")]),
        ({1: "courier", 5: "daily"}, [injured((1, "three"), (5, "4"))]),
    ]
    [merged] = merged_conflicts(found)
    assert merged.readings == [Reading("three", [1, 3]), Reading("four", [2, 5])]  # words over digits
    assert merged.description == "number of workers injured: three in [1][3], four in [2][5]"
    assert merged.values == {1: "3", 2: "four", 3: "three", 5: "4"}


def test_other_slots_and_unrelated_values_stay_apart():
    found = [
        ({1: "courier", 2: "wire"}, [injured((1, "3"), (2, "4"))]),
        ({1: "courier", 2: "wire"}, [injured((1, "12"), (2, "15"), "number of cranes")]),
        ({3: "freight", 4: "daily"}, [injured((3, "7"), (4, "9"))]),
    ]
    assert len(merged_conflicts(found)) == 3


def test_a_conflict_without_readings_groups_its_values_as_written():
    conflict = Conflict("name", {1: "Vance", 2: "Vance", 3: "Vane"})
    assert conflict.value_readings() == [Reading("Vance", [1, 2]), Reading("Vane", [3])]


def test_a_conflict_that_several_pairs_find_is_surer_than_one_pair_alone():
    from newsynth.compare.slots import Evidence, confidence_of

    evidence = Evidence(head=1.0, cue=1.0, place=0.5, similarity=0.4, lone=1.0, repeated=0.0).features()
    alone = Conflict("number", {1: "3", 2: "4"}, "number of workers: 3 in [1], 4 in [2]", 0.5, "", evidence)
    again = Conflict("number", {1: "3", 3: "4"}, "number of workers: 3 in [1], 4 in [3]", 0.5, "", evidence)
    [merged] = merged_conflicts([({1: "a", 2: "b"}, [alone]), ({1: "a", 3: "c"}, [again])])
    assert merged.evidence["pairs"] == 0.5
    assert merged.confidence > confidence_of(evidence)  # what one pair alone gives


def test_a_merged_conflict_keeps_every_pairs_evidence_for_another_model_to_rate():
    from newsynth.compare.slots import Evidence

    close = Evidence(head=1.0, cue=1.0, place=0.5, similarity=0.4, lone=1.0, repeated=0.0).features()
    loose = Evidence(head=0.0, cue=0.0, place=0.1, similarity=0.2, lone=0.0, repeated=0.0).features()
    first = Conflict("number", {1: "3", 2: "4"}, "number of workers: 3 in [1], 4 in [2]", 0.8, "", close)
    second = Conflict("number", {1: "3", 3: "4"}, "number of workers: 3 in [1], 4 in [3]", 0.3, "", loose)
    [merged] = merged_conflicts([({1: "a", 2: "b"}, [first]), ({1: "a", 3: "c"}, [second])])
    assert merged.alternatives == [{**close, "pairs": 0.5}, {**loose, "pairs": 0.5}]


def named(first: tuple[int, str], second: tuple[int, str]) -> Conflict:
    (a, mine), (b, theirs) = first, second
    return Conflict("name", {a: mine, b: theirs}, f"person named: {mine} in [{a}], {theirs} in [{b}]", 0.7)


def test_two_rivals_of_one_name_in_one_article_stay_two_entries():
    # [4] names a harbour master Ilse Brandvold in one sentence and a TV station in another: merging
    # would keep one value for [4] and lose the other rival of Orrin Vale
    found = [
        ({1: "courier", 4: "daily"}, [named((1, "Orrin Vale"), (4, "Ilse Brandvold"))]),
        ({1: "courier", 4: "daily"}, [named((1, "Orrin Vale"), (4, "KVTR-TV"))]),
    ]
    merged = merged_conflicts(found)
    assert sorted(conflict.values[4] for conflict in merged) == ["Ilse Brandvold", "KVTR-TV"]


def test_an_article_giving_two_figures_keeps_both_in_two_entries():
    found = [  # the courier says "two" in one sentence and "3" in another: neither is dropped
        ({1: "courier", 3: "freight"}, [injured((1, "two"), (3, "five"))]),
        ({1: "courier", 3: "freight"}, [injured((1, "3"), (3, "five"))]),
    ]
    first, second = merged_conflicts(found)
    assert first.values == {1: "two", 3: "five"} and second.values == {1: "3", 3: "five"}
