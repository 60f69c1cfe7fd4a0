"""How sure a candidate conflict is, from its evidence."""

from __future__ import annotations

from newsynth.compare.slots import Evidence


def close_and_far() -> tuple[Evidence, Evidence]:
    common = dict(head=1.0, cue=0.0, place=0.5, similarity=0.3, lone=1.0, repeated=0.0)
    return Evidence(**common, gap=0.05), Evidence(**common, gap=0.9)  # type: ignore[arg-type]


def test_figures_far_apart_are_less_likely_one_fact_told_two_ways():
    close, far = close_and_far()  # "76 dead" / "82 dead" against "2 dead" / "181 injured"
    assert close.features()["far"] == 0.05 and far.features()["far"] == 0.9
    assert far.confidence() < close.confidence()


def test_values_without_a_size_are_not_far():
    date = Evidence(head=1.0, cue=1.0, place=0.5, similarity=0.3, lone=1.0, repeated=0.0, kind="date")
    assert date.features()["far"] == 0.0
