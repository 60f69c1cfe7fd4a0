"""compare_story on invented stories: claims, statuses, every conflict kind, copies, quotes, entities."""

from __future__ import annotations

import pytest

from newsynth.compare import compare_story
from newsynth.records import Claim, Comparison


def claim_with(comparison: Comparison, words: str) -> Claim:
    found = [claim for claim in comparison.claims if any(words in s.text for s in claim.sentences)]
    assert found, f"no claim mentions {words!r}"
    return found[0]


def conflicts_of(comparison: Comparison, kind: str):
    return [c for claim in comparison.claims for c in claim.conflicts if c.kind == kind]


def test_number_conflict_names_each_value(story_of):
    story = story_of(
        ["The flood on the Velt River destroyed 120 homes in Marlow on Sunday, officials said."],
        ["Officials said the Velt River flood destroyed 45 homes in Marlow on Sunday."],
    )
    comparison = compare_story(story)
    claim = claim_with(comparison, "homes")
    assert claim.status == "conflict"
    (conflict,) = conflicts_of(comparison, "number")
    assert conflict.values == {1: "120", 2: "45"}


def test_same_number_written_differently_is_no_conflict(story_of):
    story = story_of(
        ["Tens of thousands of people marched through Tollbridge on Saturday against the quarry plan."],
        ["Between 80,000 and 120,000 people marched through Tollbridge on Saturday against the quarry plan."],
    )
    claim = claim_with(compare_story(story), "marched")
    assert claim.status == "consensus" and claim.conflicts == []


def test_date_conflict(story_of):
    story = story_of(
        ["The mine at Orsk Hollow has been closed since March 4 after the tunnel collapse, the owner said."],
        ["The owner said the mine at Orsk Hollow has been closed since May 9 after the tunnel collapse."],
    )
    (conflict,) = conflicts_of(compare_story(story), "date")
    assert conflict.values == {1: "March 4", 2: "May 9"}


def test_abbreviated_month_is_no_conflict(story_of):
    story = story_of(
        ["The mine at Orsk Hollow has been closed since Sept. 3 after the tunnel collapse, the owner said."],
        ["The owner said the Orsk Hollow mine has been closed since September 3 after the tunnel collapse."],
    )
    claim = claim_with(compare_story(story), "mine")
    assert claim.status == "consensus" and claim.conflicts == []


def test_weekday_checked_against_a_calendar_date(story_of):
    agreeing = story_of(
        ["The Brask county council voted on Tuesday to close the old quarry road for good."],
        ["The Brask county council voted on June 6 to close the old quarry road for good."],
        dates=["2023-06-08", "2023-06-08"],
    )
    assert claim_with(compare_story(agreeing), "quarry").conflicts == []
    disagreeing = story_of(
        ["The Brask county council voted on Tuesday to close the old quarry road for good."],
        ["The Brask county council voted on June 2 to close the old quarry road for good."],
        dates=["2023-06-08", "2023-06-08"],
    )
    (conflict,) = conflicts_of(compare_story(disagreeing), "date")
    assert conflict.values == {1: "Tuesday", 2: "June 2"}


def test_name_conflict(story_of):
    story = story_of(
        ["Mayor Lena Brask opened the new footbridge over the Velt River on Friday, two years late."],
        ["Mayor Otto Vrell opened the new footbridge over the Velt River on Friday, two years late."],
    )
    (conflict,) = conflicts_of(compare_story(story), "name")
    assert conflict.values == {1: "Lena Brask", 2: "Otto Vrell"}


def test_a_name_written_once_where_its_source_names_the_other_elsewhere_is_a_slip(story_of):
    story = story_of(
        [
            "Mayor Lena Brask opened the new footbridge over the Velt River on Friday, two years late.",
            "Lena Brask said the bridge would carry a thousand walkers a day.",
        ],
        [
            "Mayor Otto Vrell opened the new footbridge over the Velt River on Friday, two years late.",
            "Lena Brask, the mayor, thanked the builders for their patience.",
        ],
    )
    (conflict,) = conflicts_of(compare_story(story), "name")
    assert conflict.evidence["odd"] == 0.5  # Lena Brask: two sources, one besides the rival sentence's


@pytest.mark.parametrize(
    ("more", "odd"),
    [
        ([], 0.5),  # the rival named by one source besides the rival sentence's own
        ([["Lena Brask cut the ribbon before a crowd of walkers."]], 1.0),  # by two: a lone dissenter
    ],
)
def test_a_name_written_once_where_other_articles_name_the_other_is_a_slip(story_of, more, odd):
    story = story_of(
        ["Mayor Lena Brask opened the new footbridge over the Velt River on Friday, two years late."],
        ["Mayor Otto Vrell opened the new footbridge over the Velt River on Friday, two years late."],
        ["The footbridge cost Lena Brask's council twice what it had planned."],
        *more,
    )
    conflicts = conflicts_of(compare_story(story), "name")
    assert [c.evidence["odd"] for c in conflicts if "Otto Vrell" in c.values.values()] == [odd]


def test_two_names_each_written_again_are_no_slip(story_of):
    story = story_of(
        [
            "Mayor Lena Brask opened the new footbridge over the Velt River on Friday, two years late.",
            "Lena Brask said the bridge would carry a thousand walkers a day.",
        ],
        [
            "Mayor Otto Vrell opened the new footbridge over the Velt River on Friday, two years late.",
            "Otto Vrell thanked the builders for their patience.",
        ],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "name")
    assert conflict.evidence["odd"] == 0.0


def test_quote_worded_differently_by_one_speaker(story_of):
    story = story_of(
        ['"We will rebuild every flooded home in Marlow before the winter comes," said Mayor Lena Brask.'],
        ['"We will rebuild every flooded school in Marlow before the spring comes," Lena Brask said.'],
    )
    comparison = compare_story(story)
    (conflict,) = conflicts_of(comparison, "quote")
    assert set(conflict.values) == {1, 2}
    quote = next(q for q in comparison.quotes if q.speaker == "Lena Brask")
    assert quote.articles == [1, 2]
    assert {tuple(v.articles) for v in quote.variants} == {(1,), (2,)}


def test_excerpt_of_a_quote_is_not_a_variant(story_of):
    story = story_of(
        ['"We will rebuild every flooded home in Marlow before the winter comes," said Mayor Lena Brask.'],
        ['Mayor Lena Brask promised that the town would "rebuild every flooded home in Marlow".'],
    )
    comparison = compare_story(story)
    assert conflicts_of(comparison, "quote") == []
    quote = next(q for q in comparison.quotes if q.speaker == "Lena Brask")
    assert quote.variants == [] and quote.articles == [1, 2]


def test_pronoun_speaker_resolved_to_the_last_named_person(story_of):
    story = story_of(
        [
            "Harbour master Ivo Tamsin inspected the damaged pier on Monday morning.",
            '"The pier will stay closed until the divers have checked every pile," he said.',
        ]
    )
    (quote,) = compare_story(story).quotes
    assert quote.speaker == "Ivo Tamsin"


def test_consensus_single_and_partial(story_of):
    shared = "The Marlow museum reopened its east wing after the roof repairs were finished."
    story = story_of(
        [shared, "A bakery in the square gave free bread to the first hundred visitors."],
        ["After the roof repairs were finished, the Marlow museum reopened its east wing."],
        ["Tickets for the Marlow summer concerts went on sale at the town hall this week."],
    )
    comparison = compare_story(story)
    assert claim_with(comparison, "east wing").status == "consensus"  # 2 of 3 sources
    assert claim_with(comparison, "bakery").status == "single"
    wide = story_of(
        [shared],
        ["After the roof repairs were finished, the Marlow museum reopened its east wing."],
        ["The Marlow fire brigade rescued a cat from the chapel tower."],
        ["The Tollbridge ferry timetable changes next month."],
        ["A new cycle lane links Marlow and Tollbridge."],
    )
    assert claim_with(compare_story(wide), "east wing").status == "partial"  # 2 of 5 sources


def test_wire_copy_counts_once(story_of):
    story = story_of(
        ["The Marlow museum reopened its east wing after the roof repairs were finished."],
        ["Tickets for the Marlow summer concerts went on sale at the town hall this week."],
        ["The Marlow museum reopened its east wing after the roof repairs were finished."],
    )
    story.articles[2].copy_of = story.articles[0].id
    claim = claim_with(compare_story(story), "east wing")
    assert claim.articles == [1, 3]
    assert claim.independent_sources == 1 and claim.status == "single"


def test_entities_with_mentions_per_source(story_of):
    story = story_of(
        ["Mayor Lena Brask visited Tollbridge on Monday.", "Brask met the Velt Water Board there."],
        ["Mayor Lena Brask toured the flooded streets with rescue crews on Monday."],
    )
    entities = {entity.name: entity for entity in compare_story(story).entities}
    assert entities["Lena Brask"].mentions == {1: 2, 2: 1}
    assert entities["Lena Brask"].label == "person"
    assert entities["Velt Water Board"].articles == [1]
    assert entities["Velt Water Board"].independent_sources == 1


def test_unusable_articles_are_left_out(story_of):
    story = story_of(
        ["The Marlow museum reopened its east wing after the roof repairs were finished."],
        ["Subscribe to our newsletter for the latest news from the region."],
    )
    story.articles[1].junk_reason = "not an article"
    comparison = compare_story(story)
    assert all(claim.articles == [1] for claim in comparison.claims)


def test_empty_story_gives_empty_comparison(story_of):
    assert compare_story(story_of()) == Comparison()


def test_conflict_seen_through_a_wire_copy_is_one_conflict_naming_every_copy(story_of):
    story = story_of(
        ["The flood on the Velt River destroyed 120 homes in Marlow on Sunday, officials said."],
        ["Officials said the Velt River flood destroyed 45 homes in Marlow on Sunday."],
        ["The flood on the Velt River destroyed 120 homes in Marlow on Sunday, officials said."],
    )
    story.articles[2].copy_of = story.articles[0].id
    (conflict,) = conflicts_of(compare_story(story), "number")
    assert conflict.values == {1: "120", 2: "45", 3: "120"}


def test_full_ner_mode_labels_every_name(story_of):
    story = story_of(
        ["Lena Brask visited Tollbridge on Monday with officials of the Velt Water Board."],
        ["Lena Brask toured Tollbridge on Monday."],
    )
    labels = {entity.name: entity.label for entity in compare_story(story, full_ner=True).entities}
    assert labels["Lena Brask"] == "person"
    assert labels["Velt Water Board"] == "organization"


def test_quotes_differing_only_in_small_words_are_no_conflict(story_of):
    story = story_of(
        ['"In the town and in the valley, every road will be open by Friday," said Mayor Lena Brask.'],
        ['"In the town and the valley, every road will be open by Friday," Lena Brask said.'],
    )
    assert conflicts_of(compare_story(story), "quote") == []


def test_conflict_says_what_differs_and_how_sure_it_is(story_of):
    story = story_of(
        ["At least 12 people were killed when the Velt River ferry capsized near Marlow on Sunday."],
        ["At least 19 people were killed when the Velt River ferry capsized near Marlow on Sunday."],
    )
    (conflict,) = conflicts_of(compare_story(story), "number")
    assert conflict.description == "number of people killed: 12 in [1], 19 in [2]"
    assert conflict.shown and 0.0 < conflict.confidence <= 1.0
    assert "tallies" in conflict.note


def test_times_of_day_of_one_event_conflict(story_of):
    story = story_of(
        ["The storm made landfall at 8:19 a.m. on Sunday over the Osswen islands, forecasters said."],
        ["Forecasters said the storm made landfall at 9:10 a.m. on Sunday over the Osswen islands."],
    )
    (conflict,) = conflicts_of(compare_story(story), "time")
    assert conflict.values == {1: "8:19 a.m.", 2: "9:10 a.m."}


def test_numbers_of_one_slot_in_sentences_that_do_not_align(story_of):
    story = story_of(
        ["The ferry was carrying 91 passengers when it left Tollbridge harbour in a storm."],
        ["Rescuers said there were 99 passengers aboard the Tollbridge ferry, most of them pilgrims."],
    )
    conflicts = conflicts_of(compare_story(story), "number")
    assert [set(c.values.values()) for c in conflicts] == [{"91", "99"}]


def test_abbreviated_place_is_no_shown_conflict(story_of):
    story = story_of(
        ["The quarry near Brask, Calif., was closed on Monday after the landslide, officials said."],
        ["The quarry near Brask, California, was closed on Monday after the landslide, officials said."],
    )
    assert not any(conflict.shown for claim in compare_story(story).claims for conflict in claim.conflicts)


def test_paraphrased_sentences_that_do_not_align_still_compare_their_counts(story_of):
    story = story_of(
        ["A crane fell at the port of Brask early on Tuesday, injuring four workers and shutting the quay."],
        ["Three dock workers were injured when the crane toppled onto the Brask quay in the storm."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "number")
    assert set(conflict.values.values()) == {"four", "Three"}
    assert conflict.evidence["aligned"] == 0.0 and conflict.evidence["head"] == 1.0


def test_dates_of_paraphrased_sentences_that_do_not_align_are_compared_by_their_context(story_of):
    story = story_of(
        ["A Corvel Air flight carrying 57 people crashed Saturday morning shortly after leaving Dunmere."],
        ["Investigators are still searching the hills where the Corvel Air plane crashed on Monday morning."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert conflict.values == {1: "Saturday", 2: "Monday"}
    assert conflict.evidence["aligned"] == 0.0 and conflict.evidence["near"] == 1.0


def test_one_day_of_the_month_told_with_two_years_is_compared(story_of):
    story = story_of(
        ["The Orrin probe lifted off from the Kestle pad on Saturday, May 30, 2020, with two pilots."],
        ["Crowds along the beach watched a rocket climb into clear skies on Saturday, May 30, 3030."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert set(conflict.values.values()) == {"May 30, 2020", "May 30, 3030"}


def test_dates_of_one_event_told_in_other_words_are_compared_by_their_clause(story_of):
    story = story_of(
        ["The Orrin rocket explodes about 2 minutes after liftoff from the Kestle pad on June 28, 2031."],
        ["The Orrin rocket exploded 2 minutes after launching from the Kestle pad on May 31, 2031."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert set(conflict.values.values()) == {"June 28, 2031", "May 31, 2031"}
    assert conflict.evidence["event"] > 0 and conflict.evidence["clause"] > 0


def test_a_weekday_told_with_the_same_calendar_date_is_still_compared(story_of):
    story = story_of(
        ["Officials on Sunday, March 29 removed 300 goats from a farm near Orsk Hollow."],
        ["The 300 goats were seized on Saturday, March 29, by deputies from a farm outside Orsk Hollow."],
        dates=["2026-03-30", "2026-03-30"],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert conflict.values == {1: "March 29", 2: "Saturday"}  # the written date before the guessed one


def test_a_weekday_that_its_calendar_date_did_not_fall_on_is_read_as_a_slip(story_of):
    story = story_of(
        ["Officials on Sunday, March 29 removed 300 goats from a farm near Orsk Hollow."],
        ["Officials on Saturday, March 29 removed 300 goats from a farm near Orsk Hollow."],
        ["Officials on Sunday, March 22 removed 300 goats from a farm near Orsk Hollow."],
        dates=["2026-03-30", "2026-03-30", "2026-03-30"],
    )  # March 29, 2026 was a Sunday, and so was March 22
    conflicts = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    slips = {frozenset(c.values.values()): c.evidence["slip"] for c in conflicts}
    assert slips[frozenset({"Sunday", "Saturday"})] == 1.0
    assert slips[frozenset({"March 29", "March 22"})] == 0.0


def test_an_undated_article_is_read_in_the_year_of_the_article_it_is_compared_with(story_of):
    story = story_of(
        ["Officials on Saturday, March 29 removed 300 goats from a farm near Orsk Hollow."],
        ["Officials on Sunday, March 29 removed 300 goats from a farm near Orsk Hollow."],
        dates=[None, "2026-03-30"],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert conflict.evidence["slip"] == 1.0


def test_names_filling_one_slot_of_sentences_that_do_not_align_are_compared(story_of):
    story = story_of(
        ["The capsule lifted off from Kestle Point carrying Tarn Space pilots Ilse Varga and Oren Malik."],
        ["A bright trail crossed the sky as Tarn Space pilots Oren Malik and Joss Pellow headed to orbit."],
    )
    conflicts = conflicts_of(compare_story(story, join_confidence=0.0), "name")
    assert any(set(c.values.values()) == {"Ilse Varga", "Joss Pellow"} for c in conflicts)


def test_one_quote_given_to_two_speakers_is_a_name_conflict(story_of):
    story = story_of(
        [
            "The harbour vote went against the council on Tuesday night.",
            "After the count, Lena Brask said: \u201cThe harbour board has spoken and we will listen.\u201d",
        ],
        [
            "Councillors rejected the dredging plan by 31 votes to 9.",
            "After the defeat, Otto Vrell told them: \u2018The harbour board has spoken and we will listen.",
        ],
    )
    conflict = next(
        c
        for c in conflicts_of(compare_story(story, join_confidence=0.0), "name")
        if "speaker" in c.description
    )
    assert conflict.values == {1: "Lena Brask", 2: "Otto Vrell"}


def test_two_speakers_of_different_words_are_no_conflict(story_of):
    story = story_of(
        ['After the count, Lena Brask said: "The harbour board has spoken and this council will listen."'],
        ['After the count, Otto Vrell said: "The dredging plan was never going to win over the traders."'],
    )
    assert not any(
        "speaker" in c.description for c in conflicts_of(compare_story(story, join_confidence=0.0), "name")
    )


def test_names_of_two_kinds_in_one_lined_up_place_are_rivals(story_of):
    # the name index reads "Carvenia" as an organisation and "Ostrava Vell" as a person; the sentences
    # line up around both, so one of the labels is wrong, not the slot
    story = story_of(
        [
            "Carvenia's top court says it has suspended its work indefinitely to protest political "
            "pressures.",
            "The judges met in the capital on Monday night.",
        ],
        [
            "Ostrava Vell's top court said it has suspended all its work indefinitely to protest political "
            "pressures on its judges.",
            "Protesters gathered outside the court building on Monday.",
        ],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "name")
    assert conflict.values == {1: "Carvenia", 2: "Ostrava Vell"}


def test_a_name_told_by_its_common_noun_is_no_rival(story_of):
    # "the flight" of the first sentence is Flight VK4410 of the second: the aviation board is the
    # first sentence's source, not a rival of the flight
    story = story_of(
        ["According to the Aviation Board, the flight from Tollbridge crashed near Orsk Hollow."],
        ["Flight VK4410 from Tollbridge crashed near Orsk Hollow."],
    )
    assert conflicts_of(compare_story(story, join_confidence=0.0), "name") == []


def test_a_name_whose_common_noun_the_other_sentence_lacks_is_still_a_rival(story_of):
    story = story_of(
        ["According to the Aviation Board, the plane from Tollbridge crashed near Orsk Hollow."],
        ["According to Flight VK4410, the plane from Tollbridge crashed near Orsk Hollow."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "name")
    assert conflict.values == {1: "Aviation Board", 2: "Flight VK4410"}


def test_a_number_with_two_digits_swapped_is_read_as_a_slip(story_of):
    story = story_of(
        ["The Corvel Air jet carried 291 passengers when it landed short of the runway at Orlen Field."],
        ["The Corvel Air jet carried 219 passengers when it landed short of the runway at Orlen Field."],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "number")
    assert conflict.evidence["slip"] == conflict.evidence["overlap"] > 0


def test_a_weekday_is_written_alike_whether_or_not_its_article_is_dated(story_of):
    story = story_of(
        ["The Corvel Air jet landed short of the runway at Orlen Field on Friday, officials said."],
        ["The Corvel Air jet landed short of the runway at Orlen Field on Thursday, officials said."],
        dates=["2021-03-06", None],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "date")
    assert conflict.evidence["head"] == 1.0  # both written as a weekday


def test_names_placed_alike_in_reworded_sentences_of_one_fact_are_compared(story_of):
    # the two sentences do not align (one is padded with an aside and a cause), but they tell one fact
    # in other words, and the two names sit in one place: both open the sentence before "has ... she
    # will resign as harbour master"
    story = story_of(
        [
            "Lena Brask, who ran the port for nine years, has announced that she will resign as harbour "
            "master on June 7, the board said.",
            "The ferry will keep sailing.",
        ],
        [
            "Otto Vrell has declared she will resign as harbour master on 7 June after a long dispute with "
            "the traders over the dredging plan.",
            "Traders welcomed the news.",
        ],
    )
    (conflict,) = conflicts_of(compare_story(story, join_confidence=0.0), "name")
    assert conflict.values == {1: "Lena Brask", 2: "Otto Vrell"}


def test_one_flight_written_with_and_without_its_number_is_no_name_conflict(story_of):
    story = story_of(
        ["Flight VK 4410 from Tollbridge crashed near Orsk Hollow on Friday."],
        ["Flight VK-4410 from Tollbridge crashed near Orsk Hollow on Friday."],
    )
    assert conflicts_of(compare_story(story, join_confidence=0.0), "name") == []


def test_a_name_in_an_adjective_compound_rivals_only_another_compound(story_of):
    story = story_of(
        ["In June the court dissolved the Tarnco-led lower house of Marlow parliament, judges said."],
        ["In June the court dissolved the Harbour Assembly, lower house of Marlow parliament, judges said."],
        ["In June the court dissolved the Brackwater-led lower house of Marlow parliament, judges said."],
    )
    values = [sorted(c.values.values()) for c in conflicts_of(compare_story(story), "name")]
    assert ["Brackwater", "Tarnco"] in values
    assert not any("Harbour Assembly" in pair for pair in values)
