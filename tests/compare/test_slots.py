"""How sure a candidate conflict is, from its evidence."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsynth.compare.slots import (
    BASE_FEATURES,
    KINDS,
    ConfidenceModel,
    Evidence,
    agree_elsewhere,
    content_context,
    elsewhen,
    odd_one_out,
    overlap_share,
    shared_share,
    span_of,
    speculative,
    stored_model,
    written_alike,
)
from newsynth.compare.values import extract_dates, extract_quantities


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


def test_a_short_sentence_told_again_inside_a_long_one_overlaps_fully():
    short = frozenset({"ferry", "sank", "minute", "departure"})
    long = short | {"osswen", "harbour", "officials", "said", "wednesday", "storm", "crew", "rescued"}
    assert overlap_share(short, long, frozenset()) == 1.0
    assert shared_share(short, long, frozenset()) == 4 / 12
    assert overlap_share(short, long, frozenset({"minute"})) == 1.0  # the values' own words left out


def test_numbers_written_alike_but_for_one_digit_may_be_a_slip():
    assert written_alike("291", "219")  # two neighbouring digits swapped
    assert written_alike("4,000 pounds", "5,000 pounds")  # one digit changed
    assert not written_alike("100,000", "125,000")  # two digits changed
    assert not written_alike("8", "7")  # a single digit is no slip
    assert not written_alike("nine", "10")  # words


def test_a_value_told_once_against_one_other_sources_tell_is_a_lone_dissenter():
    assert odd_one_out(1, {"harbour-post", "coast-radio", "ferry-wire"}) == 1.0  # two other sources
    assert odd_one_out(1, {"harbour-post", "coast-radio"}) == 0.5
    assert odd_one_out(1, {"harbour-post"}) == 0.0  # only the other sentence's own source
    assert odd_one_out(2, {"harbour-post", "coast-radio", "ferry-wire"}) == 0.0  # told twice: a fact


def test_each_kind_of_value_is_weighed_by_its_own_weights():
    model = ConfidenceModel(
        {kind: tuple(0.0 for _ in BASE_FEATURES) for kind in KINDS},
        {"number": 0.0, "time": 0.0, "date": 2.0, "name": -2.0},
    )
    assert model.probability({"head": 1.0}) == 0.5  # no kind flag: a number
    assert model.probability({"head": 1.0, "date": 1.0}) == 0.881
    assert model.probability({"head": 1.0, "name": 1.0}) == 0.119


def test_the_stored_model_reads_back_as_it_was_saved(tmp_path):
    path = tmp_path / "model.json"
    stored_model().save(path)
    assert ConfidenceModel.from_dict(json.loads(path.read_text())) == stored_model()


def test_a_model_fitted_on_other_features_is_refused_with_a_hint_to_refit():
    data = stored_model().to_dict()
    del data["date"]["slip"]
    with pytest.raises(ValueError, match="refit"):
        ConfidenceModel.from_dict(data)


def test_stop_words_do_not_use_up_the_words_around_a_number():
    first = "The barge sank near Tolvik, or Old Harbour, some 12 miles east of the port of Marrow."
    second = "The barge went down off Tolvik, 20 kilometres east of the capital's port of Marrow, police say."
    around_first = content_context(first, *span_of(first, "12 miles"))
    around_second = content_context(second, *span_of(second, "20 kilometres"))
    assert {"east", "port", "marrow"} <= around_first & around_second
    assert "sank" not in around_first  # only the four nearest content words either side


def test_a_number_told_of_another_year_is_likely_another_event():
    published = dt.date(2024, 5, 3)
    today = "The ferry carried eight crew members when it sank on Friday."
    back_then = "Its sister ship sank in 2011 with seven crew members aboard."
    this_year = "The ferry, built in 2024, carried seven crew members."

    def dated(text: str) -> tuple[list, dt.date]:
        return extract_dates(text, published), published

    assert elsewhen(dated(today), dated(back_then)) == 1.0
    assert elsewhen(dated(today), dated(this_year)) == 0.0  # the article's own year tells no other time
    assert elsewhen(dated(back_then), dated(back_then)) == 0.0


def test_sentences_agreeing_on_another_figure_tell_one_set_of_figures():
    def numbers(text: str) -> list:
        return extract_quantities(text)

    first = numbers("The dead included 21 Velmorans and 14 Ostlanders, the ferry line said.")
    second = numbers("Among the dead were 21 Velmorans and six Ostlanders.")
    other = numbers("The dead included 30 Velmorans and six Ostlanders.")
    assert agree_elsewhere(first, second, first[1], second[1]) == 1.0  # 21 Velmorans in both
    assert agree_elsewhere(first, other, first[1], other[1]) == 0.0  # 21 and 30 Velmorans differ too
    named = numbers("The Velmor 7 ferry carried 40 cars.")
    renamed = numbers("The Velmor 7 ferry carried 55 cars.")
    assert agree_elsewhere(named, renamed, named[1], renamed[1]) == 0.0  # a name's number anchors nothing


@pytest.mark.parametrize(
    ("sentence", "is_speculative"),
    [
        ("The ferry may carry up to 300 passengers, officials said.", True),
        ("The toll is expected to rise.", True),
        ("The bridge reopened on May 30 after repairs.", False),
        ("Mrs May told the council the plan had passed.", False),
    ],
)
def test_may_speculates_only_in_lower_case(sentence: str, is_speculative: bool) -> None:
    assert speculative(sentence) is is_speculative
