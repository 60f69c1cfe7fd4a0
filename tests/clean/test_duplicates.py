"""Exact and near-duplicate articles: wire copies count once, distinct articles are not flagged."""

from __future__ import annotations

from newsynth.clean import clean_articles
from newsynth.clean.duplicates import copy_pairs
from newsynth.ingest import article_from_text
from newsynth.records import Story

from .helpers import STORY, fixture_article, story_articles


def test_wire_copy_with_small_edits_is_a_copy_of_the_earlier_article():
    courier, bayline, wire = clean_articles(story_articles())
    assert wire.copy_of == bayline.id
    assert bayline.copy_of is None and courier.copy_of is None
    story = Story("ferry", [courier, bayline, wire])
    assert story.independent_source(wire.id) == bayline.id


def test_exact_copy_is_found():
    first = fixture_article(STORY / "bayline.txt", "https://baylinenews.example/a")
    second = fixture_article(STORY / "bayline.txt", "https://mirror.example/a")
    clean_articles([first, second])
    assert second.copy_of == first.id


def test_the_earliest_dated_article_is_the_original():
    later = fixture_article(STORY / "harbourwire.txt", date="2021-03-05")
    earlier = fixture_article(STORY / "bayline.txt", date="2021-03-03")
    clean_articles([later, earlier])
    assert later.copy_of == earlier.id and earlier.copy_of is None


def test_one_agency_story_carried_by_several_outlets_is_one_source():
    body = (STORY / "harbourwire.txt").read_text(encoding="utf-8")
    carriers = [
        article_from_text(body.replace("thick fog", "dense fog" if n % 2 else "thick fog"), f"outlet-{n}")
        for n in range(5)
    ]
    clean_articles(carriers)
    story = Story("ferry", carriers)
    assert {story.independent_source(article.id) for article in carriers} == {carriers[0].id}


def test_distinct_articles_about_the_same_event_are_not_copies():
    courier, bayline, _ = clean_articles(story_articles())
    assert courier.copy_of is None and bayline.copy_of is None
    assert copy_pairs([courier.clean_text, bayline.clean_text]) == []


def test_many_articles_go_through_lsh_and_still_pair_the_copies():
    texts = [
        f"Article {n} on its own topic: " + " ".join(f"w{n * 100 + i}" for i in range(40)) + "."
        for n in range(10)
    ]
    texts.append(texts[3] + " One extra closing sentence added by the republisher.")
    assert copy_pairs(texts) == [(3, 10)]
