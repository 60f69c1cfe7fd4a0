"""Normalising numbers and dates before they are compared."""

from __future__ import annotations

import datetime as dt

from newsynth.compare.values import extract_dates, extract_quantities, quantities_conflict


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
