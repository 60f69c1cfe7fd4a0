"""Normalising numbers and dates before they are compared."""

from __future__ import annotations

import datetime as dt

from newsynth.compare.values import extract_dates, extract_quantities, extract_times, quantities_conflict


def only_date(text: str, article_date: dt.date | None = None):
    dates = extract_dates(text, article_date)
    assert len(dates) == 1, dates
    return dates[0]


def only_quantity(text: str):
    quantities = extract_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def test_abbreviated_and_full_month_are_one_date():
    short = only_date("The ferry has not sailed since Sept. 3, the harbour office said.")
    full = only_date("The ferry has not sailed since September 3, the office said.")
    assert (short.month, short.day) == (full.month, full.day) == (9, 3)
    assert short.compatible(full)


def test_day_before_month_and_ordinal_suffix():
    assert only_date("The fair opens on 14th March in Tollbridge.").month == 3
    assert only_date("The fair opens on 14th March in Tollbridge.").day == 14


def test_weekday_resolved_against_the_article_date():
    thursday = dt.date(2023, 6, 8)
    tuesday = only_date("The council voted on Tuesday to close the quarry.", thursday)
    assert (tuesday.year, tuesday.month, tuesday.day) == (2023, 6, 6)
    assert tuesday.compatible(only_date("The council voted on June 6 to close the quarry."))
    assert not tuesday.compatible(only_date("The council voted on June 2 to close the quarry."))


def test_weekday_without_article_date_stays_a_weekday():
    value = only_date("The council voted on Tuesday to close the quarry.")
    assert value.weekday == 1 and value.month is None


def test_numeric_range_and_vague_plural_overlap():
    counted = only_quantity("Between 80,000 to 120,000 people marched through Tollbridge.")
    vague = only_quantity("Tens of thousands of people marched through Tollbridge.")
    assert (counted.low, counted.high) == (80_000, 120_000)
    assert (vague.low, vague.high) == (10_000, 99_999)
    assert counted.compatible(vague)
    assert not quantities_conflict(counted, vague)


def test_compound_adjective_number_keeps_its_noun():
    report = only_quantity("The inquiry published a 400-page report on the collapse.")
    assert report.low == 400 and "page" in report.slots


def test_scale_words_and_currency():
    money = only_quantity("The repairs will cost $2.5 million, the engineer said.")
    assert money.low == 2_500_000 and "dollar" in money.slots


def test_numbers_about_different_things_do_not_conflict():
    homes = only_quantity("The flood destroyed 120 homes.")
    bridges = only_quantity("The flood destroyed 3 bridges.")
    assert not quantities_conflict(homes, bridges)
    assert quantities_conflict(homes, only_quantity("The flood destroyed 45 homes."))


def test_clock_times_and_dates_are_not_counts():
    assert extract_quantities("The siren sounded at 10:30 on March 3.") == []


def test_rounding_decides_what_agrees():
    assert only_quantity("About 40 people were hurt.").compatible(only_quantity("41 people were hurt."))
    assert not only_quantity("72 days to go.").compatible(only_quantity("73 days to go."))
    assert not only_quantity("4,000 pounds of cargo").compatible(only_quantity("5,000 pounds of cargo"))
    assert only_quantity("It cost $194.8m.").compatible(only_quantity("It cost $195 million."))


def test_lower_bounds_are_tallies_not_ranges():
    earlier, later = (
        only_quantity("At least 82 people were killed."),
        only_quantity("At least 97 people died."),
    )
    assert earlier.bound == "lower" and not earlier.compatible(later)
    assert only_quantity("More than 30 million people voted.").compatible(
        only_quantity("30.2 million people")
    )


def test_measures_are_converted_before_comparing():
    miles, km = only_quantity("some 31 miles south of Brask"), only_quantity("60 km south of Brask")
    assert miles.unit == km.unit == "distance" and not miles.compatible(km)
    assert only_quantity("about 2 1/2 minutes into the flight").low == 150


def test_heads_of_peoples_totals_tallies_and_identifiers():
    assert [q.head for q in extract_quantities("They included 32 Velmorans and nine Ostlanders.")] == [
        "velmoran",
        "ostlander",
    ]
    assert only_quantity("a ferry carrying 300 passengers and crew").head == "passenger+crew"
    assert extract_quantities("The bill passed by 432 votes to 202.")[0].head == "vote tally"
    pad = only_quantity("It left from Launch Pad 40 at dawn.")
    assert pad.identifier and not pad.compatible(only_quantity("It left from Launch Pad 30 at dawn."))


def test_a_descending_pair_of_counts_is_a_tally_not_a_range():
    (tally,) = extract_quantities("The council threw out the plan by a 31-12 vote on Monday.")
    (margin,) = extract_quantities("It was the council's heaviest 19-vote defeat in years.")
    (span,) = extract_quantities("Between 12 and 31 ferries were idle.")
    assert tally.head == "vote tally" and margin.head == "vote"
    assert (span.low, span.high, span.head) == (12, 31, "ferry")  # counts that rise are a range
    assert only_quantity("Brask won 3-1 at home.").head == "tally"


def test_times_of_day_with_zones_and_approximations():
    (exact,) = extract_times("The storm made landfall at 7:15 am (1115 GMT) near Marlow.")
    (around,) = extract_times("The storm made landfall around 7:20 a.m. near Marlow.")
    (later,) = extract_times("The storm made landfall at 9:10 a.m. near Marlow.")
    assert exact.minutes == 435 and exact.compatible(around) and not exact.compatible(later)
    (local,) = extract_times("The ferry left Osswen at 13.15 local time.")
    (twelve,) = extract_times("The ferry left Osswen at 1:16 p.m.")
    assert local.comparable(twelve) and not local.compatible(twelve)
    (utc,) = extract_times("It sank at 1115 GMT.")
    assert not utc.comparable(twelve)
    assert extract_times("The index rose 13.15 points.") == []


def test_the_counted_noun_is_the_head_of_its_compound():
    assert only_quantity("The storm left three dock workers injured.").head == "worker"
    assert only_quantity("Four workers were taken to hospital.").head == "worker"
    assert only_quantity("The blast killed 12 people on the quay.").head == "person"
    assert only_quantity("Rescuers counted 12 persons on the quay.").head == "person"


def test_a_duration_told_in_several_units_is_one_value():
    marathon = only_quantity("She ran it in three hours, 35 minutes and 21 seconds, officials said.")
    assert marathon.unit == "duration" and marathon.low == 3 * 3600 + 35 * 60 + 21
    assert not marathon.compatible(only_quantity("She ran it in 3 hours 18 minutes and 50 seconds."))


def test_a_cue_word_is_found_past_was_and_were():
    assert only_quantity("Turnout in the Brask referendum was 71.8%").cue == "referendum"


def test_a_guessed_weekday_agrees_with_the_calendar_date_of_that_weekday():
    saturday = only_date("The launch was scheduled for Saturday.", dt.date(2016, 9, 1))
    assert saturday.compatible(only_date("The launch was scheduled for September 3."))
    assert not saturday.compatible(only_date("The launch was scheduled for September 4."))


def test_nearest_words_around_a_value_make_half_a_slot_each():
    from newsynth.compare.slots import near_score, nearest_words

    text_a = "The plane crashed Saturday morning near the coast."
    text_b = "Witnesses said the jet crashed on Monday morning."
    a = nearest_words(text_a, text_a.index("Saturday"), text_a.index("Saturday") + len("Saturday"))
    b = nearest_words(text_b, text_b.index("Monday"), text_b.index("Monday") + len("Monday"))
    assert a == ("crashed", "morning") and b == ("crashed", "morning")
    assert near_score(a, b) == 1.0
    assert near_score(("crashed", "morning"), ("landed", "morning")) == 0.5


def test_shared_words_leave_the_compared_values_out():
    from newsynth.compare.slots import shared_share

    first = frozenset({"marlow", "flood", "home", "destroyed"})
    second = frozenset({"tollbridge", "flood", "home", "destroyed"})
    assert shared_share(first, second, frozenset({"marlow", "tollbridge"})) == 1.0
    assert shared_share(first, second, frozenset()) == 3 / 5


def test_a_bare_two_digit_number_is_exact_but_a_rounded_large_one_is_not():
    ten = only_quantity("The ferry carried 10 crew members.")
    assert not ten.compatible(only_quantity("The ferry carried eight crew members."))
    assert not only_quantity("in 10 years").compatible(only_quantity("in nine years"))
    assert only_quantity("about 40 days").compatible(only_quantity("41 days"))
    assert only_quantity("some 4,000 pounds of grain").compatible(only_quantity("4,100 pounds of grain"))
    assert only_quantity("30 million voters").compatible(only_quantity("31 million voters"))


def test_a_number_written_onto_letters_is_part_of_a_name():
    found = extract_quantities("The Skyliner A320 of flight OS-8813 carried 91 passengers.")
    assert [q.text for q in found] == ["91"]


def test_a_number_with_capitals_glued_after_it_is_part_of_a_name():
    found = extract_quantities("The Corvan 7XR rocket rose 9 ft off the pad with 12 satellites.")
    assert [q.text for q in found] == ["9 ft", "12"]
    assert only_quantity("a 9ft sea wall").unit == "distance"


def test_numbers_written_in_words_as_reporters_write_them():
    assert only_quantity("Eighty two people died in the Osswen blast.").low == 82
    assert only_quantity("Two dozen people were hurt.").low == 24
    assert only_quantity("A hundred and twenty people were evacuated.").low == 120
    assert only_quantity("One hundred and fifty-two voters came.").low == 152
    assert [q.low for q in extract_quantities("It has twenty five-year-olds.")] == [20, 5]


def test_a_letter_m_after_a_number_is_metres_unless_money_or_a_count():
    runway = only_quantity("The new runway at Orlen Field is 1360 m long.")
    assert runway.unit == "distance" and runway.low == 1.36  # km
    assert only_quantity("The bridge at Tarnby cost $1.36m to build.").low == 1_360_000
    assert only_quantity("Some 3m people watched the Kestle final.").low == 3_000_000
    assert only_quantity("The club paid a 5m pounds fee for the striker.").unit == ""  # money, not weight


def test_metres_and_feet_are_one_measure_with_kilometres():
    feet = only_quantity("The glider came down 4,460 feet from the Orlen runway.")
    metres = only_quantity("The glider came down 1360 metres from the Orlen runway.")
    assert feet.compatible(metres)
    assert not feet.compatible(only_quantity("The glider came down 3 km from the Orlen runway."))


def test_a_k_after_a_number_scales_money_only():
    assert only_quantity("Ada Brenn won the Tarnby 5k race on Sunday.").low == 5
    assert only_quantity("The Tarnby raffle raised $10k for the pool.").low == 10_000


def test_a_date_is_stated_by_another_only_as_precisely():
    day = only_date("The Orrin probe lifted off on May 30, 2020, from Kestle.")
    assert not day.stated_by(only_date("The Orrin programme began in 2020 at Kestle."))
    assert day.stated_by(only_date("Crowds at Kestle watched the launch on 30 May."))
    year = only_date("The Orrin programme began in 2020 at Kestle.")
    assert year.stated_by(day)


def test_a_guessed_weekday_states_no_calendar_day_weeks_away():
    sunday = only_date("The ferry sank on Sunday.", dt.date(2019, 6, 3))  # placed on June 2
    assert sunday.compatible(only_date("The ferry sank on June 2."))
    assert sunday.compatible(only_date("The ferry is to be raised on June 9."))  # the coming Sunday
    assert not sunday.compatible(only_date("The ferry sank on May 5."))  # a Sunday a month before


def test_a_weekday_that_its_own_calendar_date_did_not_fall_on_is_misdated():
    from newsynth.compare.values import misdated

    published = dt.date(2015, 4, 1)  # March 29, 2015 was a Sunday
    saturday, march_29 = extract_dates("Goats were taken on Saturday, March 29, from a farm.", published)
    sunday, same_day = extract_dates("Goats were taken on Sunday, March 29, from a farm.", published)
    assert misdated(saturday, march_29, published)
    assert not misdated(sunday, same_day, published)
    assert not misdated(saturday, march_29, None)  # no year to read the calendar in


def test_a_date_without_its_year_is_read_in_the_year_nearest_the_article():
    from newsynth.compare.values import misdated

    published = dt.date(2016, 1, 2)  # December 30, 2015 was a Wednesday; in 2016 a Friday
    wednesday, december_30 = extract_dates("The ferry sank on Wednesday, December 30, off Velt.", published)
    assert not misdated(wednesday, december_30, published)
