"""Whether two names of two sources' sentences are given one role, or sit in one place."""

from __future__ import annotations

import pytest

from newsynth.compare.conflicts import placed_alike, same_role, written_otherwise
from newsynth.compare.names import find_mentions


def role_of_both(first: str, first_name: str, second: str, second_name: str) -> bool:
    mine = next(m for m in find_mentions(first) if m.text == first_name)
    theirs = next(m for m in find_mentions(second) if m.text == second_name)
    return same_role(first, mine, second, theirs)


def test_the_same_title_before_both_names_is_one_role():
    assert role_of_both(
        "Marlow Mayor Lena Brask said the pier would stay shut.",
        "Lena Brask",
        "The pier will stay shut, said Marlow Mayor Otto Vrell on Friday.",
        "Otto Vrell",
    )


def test_a_role_in_an_aside_after_the_name_is_matched_with_one_before():
    assert role_of_both(
        "Lena Brask, the harbour board's director, said the pier would stay shut.",
        "Lena Brask",
        "Harbour board director Otto Vrell said the pier would stay shut.",
        "Otto Vrell",
    )


def test_an_honorific_is_no_role():
    assert not role_of_both(
        "Mrs Brask said the pier would stay shut.", "Brask", "Mrs Vrell opened the new pier.", "Vrell"
    )


def test_different_roles_are_not_one():
    assert not role_of_both(
        "Marlow Mayor Lena Brask said the pier would stay shut.",
        "Lena Brask",
        "Harbour pilot Otto Vrell said the pier would stay shut.",
        "Otto Vrell",
    )


def test_the_clause_around_a_date_and_its_nearest_verb():
    from newsynth.compare.conflicts import clause_words, event_verb

    text = "Rescuers said the Velt barge sank near Orsk on Friday, a day after the storm."
    start = text.index("Friday")
    words = clause_words(text, start, start + len("Friday"))
    assert words[:3] == ("Orsk", "near", "sank")  # nearest first; the aside after the comma left out
    assert "storm" not in words
    assert event_verb(words) == "sank"
    assert event_verb(("crashed", "plane")) == "crash"  # cut to a stem


def span(text: str, date: str) -> tuple[int, int]:
    """Where ``date`` is written in ``text``."""
    return text.index(date), text.index(date) + len(date)


def test_one_event_dated_twice_shares_its_verb_two_events_do_not():
    from newsynth.compare.conflicts import clause_overlap, event_overlap

    crashed = "A Corvel Air plane crashed into a field near Dunmere on Friday afternoon."
    crashes = "Rescuers reached the field near Dunmere where the Corvel Air plane crashed on Tuesday."
    docked = "The Corvel Air plane is to be repaired in a hangar near Dunmere on Tuesday."
    assert event_overlap(crashed, span(crashed, "Friday"), crashes, span(crashes, "Tuesday")) == 1.0
    assert event_overlap(crashed, span(crashed, "Friday"), docked, span(docked, "Tuesday")) == 0.0
    assert clause_overlap(crashed, span(crashed, "Friday"), crashes, span(crashes, "Tuesday")) > 0.5


def test_what_happened_on_each_date_told_around_the_other_ties_them():
    from newsynth.compare.conflicts import tied_words

    launched = "The Orsk Sounder satellite was launched Tuesday from the Velt coast."
    launch = "Minutes after the launch on Friday, the Orsk Sounder satellite fell into the sea."
    docked = "The Orsk Sounder is to reach its orbit on Friday, its makers said."
    assert tied_words(launched, span(launched, "Tuesday"), launch, span(launch, "Friday")) == 1.0
    assert tied_words(launched, span(launched, "Tuesday"), docked, span(docked, "Friday")) == 0.0


def test_a_date_only_one_sentence_states_against_the_date_other_sources_give_is_odd():
    from newsynth.compare.align import Unit
    from newsynth.compare.conflicts import StoryValues
    from newsynth.compare.values import extract_dates

    texts = {
        "a1": "The Velt ferry sank on Sunday near Orsk.",
        "a2": "The Velt ferry sank on Tuesday near Orsk.",
        "a3": "Divers reached the ferry that sank on Sunday.",
        "a4": "The ferry had left Orsk on Sunday morning.",
    }
    story = StoryValues(
        sources={article: f"outlet-{article}" for article in texts},
        states=lambda article, value: False,
        names=None,  # type: ignore[arg-type]
        dates_of=lambda article: extract_dates(texts[article]),
    )
    first, second = (
        Unit(texts[article], article, n, f"outlet-{article}", 0) for n, article in ((1, "a1"), (2, "a2"))
    )
    sunday, tuesday = extract_dates(texts["a1"])[0], extract_dates(texts["a2"])[0]
    assert (
        story.dates(first, second, sunday, tuesday)["odd"] == 1.0
    )  # Tuesday: one sentence, three outlets say Sunday


def test_a_weekday_written_with_its_calendar_date_is_one_date():
    from newsynth.compare.conflicts import written_together

    assert written_together("The dam was shut on Sunday, March 29, by the county.") == {(0, 1), (1, 0)}
    assert written_together("The dam was shut on Sunday and reopened on March 29.") == set()


def placed_pairs(first: str, second: str) -> set[tuple[str, str]]:
    mine, theirs = find_mentions(first), find_mentions(second)
    texts = {id(mention): mention.text for mention in mine + theirs}
    return {(texts[a], texts[b]) for a, b in placed_alike(first, mine, second, theirs)}


def test_names_between_the_same_words_of_reworded_sentences_sit_alike():
    assert ("Lena Brask", "Otto Vrell") in placed_pairs(
        "Lena Brask has announced that she will resign as harbour master on June 7.",
        "Otto Vrell has declared she will resign as harbour master on June 7.",
    )


def test_names_at_other_places_of_the_sentences_do_not_sit_alike():
    assert ("Lena Brask", "Orsk Hollow") not in placed_pairs(
        "Lena Brask will resign as harbour master of the port on June 7.",
        "The harbour master of the port will resign on June 7, the board of Orsk Hollow said.",
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("flight vk", "flight vk4410"),
        ("flight vk", "flight vk 4410"),
    ],
)
def test_one_name_written_two_ways(first: str, second: str):
    assert written_otherwise(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("north carvenia", "south carvenia"), ("lena brask", "otto brask"), ("lena brask", "lara brask")],
)
def test_two_names_are_not_one_name_written_two_ways(first: str, second: str):
    assert not written_otherwise(first, second)
