from __future__ import annotations

import random

import numpy as np

from newsynth.evaluate.group import b_cubed
from newsynth.group import group_articles, group_features
from newsynth.group.batch import group_features as group_in_order
from newsynth.group.batch import group_pile, prepare
from newsynth.group.index import STALE_KEYS, SWEEP_EVERY, GroupSettings, StoryIndex
from newsynth.group.refine import pile_idf
from newsynth.group.synthetic import synthetic_pile
from newsynth.records import Article, Story
from tests.group.fixtures import event_articles


def labels_of(stories: list[Story]) -> dict[str, str]:
    return {article.id: story.id for story in stories for article in story.articles}


def test_b_cubed_scores_known_groupings() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert b_cubed({"a": "x", "b": "x", "c": "y", "d": "y"}, gold).f1 == 1.0
    lumped = b_cubed(dict.fromkeys(gold, "x"), gold)
    assert lumped.recall == 1.0 and lumped.precision == 0.5
    split = b_cubed({"a": 1, "b": 2, "c": 3, "d": 4}, gold)
    assert split.precision == 1.0 and split.recall == 0.5


def test_different_events_on_one_subject_stay_apart() -> None:
    articles, gold = event_articles()
    stories = group_articles(articles)
    assert len(stories) == 4
    for story in stories:
        assert len({gold[article.id] for article in story.articles}) == 1


def test_grouping_does_not_depend_on_input_order() -> None:
    articles, _ = event_articles()
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    assert labels_of(group_articles(articles)) == labels_of(group_articles(shuffled))


def test_arrival_order_changes_online_stories_a_little_and_final_stories_not_at_all() -> None:
    pile = list(synthetic_pile(1200, seed=3))
    gold = {article.id: event for article, event in pile}
    features = [prepare(article) for article, _ in pile]
    online, final = [], []
    for seed in (1, 2):
        shuffled = list(features)
        random.Random(seed).shuffle(shuffled)
        online.append(group_in_order(shuffled, keep_order=True))
        final.append(group_pile(shuffled))
    assert final[0] == final[1]
    # the link model is learned from real news; templated synthetic text is harder for it (0.89 here)
    assert b_cubed(final[0], gold).f1 >= 0.85
    assert b_cubed(online[0], online[1]).f1 >= 0.7  # measured 0.75 with these seeds
    for grouping in online:
        assert b_cubed(grouping, gold).f1 >= 0.75  # the final stories are what users see


def test_canonical_grouping_scores_well_on_a_synthetic_pile() -> None:
    pile = list(synthetic_pile(1500, seed=5))
    gold = {article.id: event for article, event in pile}
    labels = group_features([prepare(article) for article, _ in pile])
    score = b_cubed(labels, gold)
    assert score.f1 >= 0.85, score  # measured 0.87 (see the test above)


def test_candidates_are_bounded_by_the_blocking_index() -> None:
    settings = GroupSettings(posting_cap=4, max_candidates=3)
    index = StoryIndex(settings)
    for article, _ in synthetic_pile(400, seed=9):
        features = prepare(article)
        index.assign_and_add(features, f"s-{features.content_hash[:8]}")
    assert all(len(posting) <= 4 for posting in index.postings.values())
    probe = prepare(next(iter(synthetic_pile(1, seed=10)))[0])
    index._count(probe)
    assert len(index.candidates(index.vectors(probe))) <= 3


def test_an_exact_repost_joins_the_story_of_its_original() -> None:
    articles, _ = event_articles()
    repost = Article(id="repost", origin="elsewhere.txt", raw_text=articles[0].raw_text)
    labels = labels_of(group_articles([*articles, repost]))
    assert labels["repost"] == labels[articles[0].id]
    assert labels_of(group_articles(articles)) == {k: v for k, v in labels.items() if k != "repost"}


def test_pile_idf_equals_counting_the_articles_one_by_one() -> None:
    features = [prepare(article) for article, _ in synthetic_pile(300, seed=3)]
    counted = StoryIndex(GroupSettings())
    for item in features:
        counted._count(item)
    table = pile_idf(features)
    for item in features[:20]:
        ids = item.terms.astype(np.intp)
        assert np.allclose(table[ids], counted.idf(ids))


def test_stale_stories_stay_posted_only_under_their_marking_keys_with_compact_profiles() -> None:
    settings = GroupSettings(stale_articles=200)
    index = StoryIndex(settings)
    for article, _ in synthetic_pile(1500, seed=2):
        features = prepare(article)
        index.assign_and_add(features, f"s-{features.content_hash[:8]}")
    stale = [story for story in index.stories.values() if story.retired]
    assert stale and index.live_stories < len(index.stories)
    for story in stale:
        assert len(story.keys) <= STALE_KEYS and story.compact is not None
        assert not story.text.weights  # the full profiles are gone
        posted_under = {key for key, posting in index.postings.items() if story.id in posting}
        assert posted_under <= set(story.keys)
    for story in index.stories.values():
        if not story.retired:
            assert story.last_position > index.position - 200 - SWEEP_EVERY


def test_a_late_article_finds_its_stale_story_by_a_rare_name_and_brings_it_back() -> None:
    articles, gold = event_articles()
    index = StoryIndex(GroupSettings(stale_articles=1))
    features = [prepare(article) for article in articles]
    verdict = [item for item in features if gold[item.article_id] == "trial-verdict"]
    for item in verdict[:2]:
        index.assign_and_add(item, "verdict")
    index.retire(index.stories["verdict"])
    unpacked = index.stories["verdict"].scored()
    assert unpacked.text.weights and unpacked.size == 2
    assignment = index.assign_and_add(verdict[2], "new")
    assert assignment.story_id == "verdict" and not index.stories["verdict"].retired
    assert index.stories["verdict"].compact is None and index.stories["verdict"].size == 3
