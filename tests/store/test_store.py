"""The SQLite store: idempotent re-ingest, interruption safety, the same stories after a restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsynth.group.synthetic import synthetic_pile
from newsynth.records import Article
from newsynth.store import ArticleStore
from newsynth.store.sqlite import StoreError
from tests.group.fixtures import event_articles


class Interrupted(Exception):
    """Stands for a kill in the middle of an ingest."""


def pile() -> list[Article]:
    fixtures, _ = event_articles()
    return fixtures + [article for article, _ in synthetic_pile(120, seed=2)]


def ingest_all(path: Path) -> dict[str, str]:
    with ArticleStore(path) as store:
        store.ingest(pile())
        return store.assignments()


def test_reingesting_counts_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "pile.sqlite"
    articles = pile()
    with ArticleStore(path) as store:
        first = store.ingest(articles)
        again = store.ingest(articles)
        assert first.added == len(articles) and first.duplicates == 0
        assert again.added == 0 and again.duplicates == len(articles)
        assert store.article_count == len(articles)
    with ArticleStore(path) as reopened:
        later = reopened.ingest(articles[:5])
        assert later.added == 0 and reopened.article_count == len(articles)


def test_an_interrupted_ingest_loses_nothing_and_resumes_to_the_same_stories(tmp_path: Path) -> None:
    expected = ingest_all(tmp_path / "whole.sqlite")
    path = tmp_path / "interrupted.sqlite"
    seen = 0

    def stop_after_40(_article: Article) -> None:
        nonlocal seen
        seen += 1
        if seen == 40:
            raise Interrupted

    with ArticleStore(path) as store, pytest.raises(Interrupted):
        store.ingest(pile(), on_article=stop_after_40)
    with ArticleStore(path) as store:
        assert store.article_count == 40  # every article seen before the kill was committed
        counts = store.ingest(pile())
        assert counts.duplicates == 40 and counts.added == len(pile()) - 40
        assert store.assignments() == expected
    rows = (
        sqlite3.connect(path)
        .execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles")
        .fetchone()
    )
    assert rows[0] == rows[1] == len(pile())


def test_a_failure_inside_the_transaction_leaves_no_half_article(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    articles = pile()
    with ArticleStore(path) as store:
        store.ingest(articles[:3])
        store.connection.execute("DROP TABLE assignments")
        store.connection.execute("CREATE TABLE assignments (seq INTEGER PRIMARY KEY, story_id TEXT NOT NULL)")
        with pytest.raises(sqlite3.Error):
            store.ingest(articles[3:4])  # the insert into assignments fails after the article row
        assert store.article_count == 3


def test_the_store_uses_wal_and_reports_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "pile.sqlite"
    ArticleStore(path).close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("not a database at all, just text " * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="not a newsynth store"):
        ArticleStore(foreign)


def test_stories_from_the_store_group_the_same_subject_events_apart(tmp_path: Path) -> None:
    fixtures, gold = event_articles()
    with ArticleStore(tmp_path / "events.sqlite") as store:
        store.ingest(fixtures)
        stories = store.stories()
    assert len(stories) == 4
    for story in stories:
        assert len({gold[article.id] for article in story.articles}) == 1


def story_sets(stories: list) -> set[frozenset[str]]:
    return {frozenset(article.id for article in story.articles) for story in stories}


def test_final_stories_match_the_batch_path_whatever_the_arrival_order(tmp_path: Path) -> None:
    import random

    from newsynth.group import group_articles

    articles = pile()
    shuffled = list(articles)
    random.Random(11).shuffle(shuffled)
    finals = []
    for name, order in (("given", articles), ("shuffled", shuffled)):
        with ArticleStore(tmp_path / f"{name}.sqlite") as store:
            store.ingest(order)
            finals.append(store.final_stories())
    assert story_sets(finals[0]) == story_sets(finals[1]) == story_sets(group_articles(articles))
    assert {story.id for story in finals[0]} == {story.id for story in finals[1]}


def test_moves_made_by_later_arrivals_are_stored_and_replayed_by_a_writer_opening_the_store(
    tmp_path: Path,
) -> None:
    from newsynth.group.batch import assign_online, prepare

    articles = [article for article, _ in synthetic_pile(300, seed=4)]
    path = tmp_path / "moves.sqlite"
    with ArticleStore(path) as store:
        store.ingest(articles)
        online = store.assignments()
        moves = store.connection.execute("SELECT COUNT(*) FROM moves").fetchone()[0]
    assert moves > 0  # later articles regrouped some small stories
    assert online == assign_online([prepare(article) for article in articles]).story_of
    with ArticleStore(path) as reopened:
        assert reopened.index.story_of == online
        assert reopened.story_count == len(set(online.values()))
        listed = reopened.connection.execute("SELECT SUM(articles), COUNT(*) FROM story_listing").fetchone()
        assert listed == (len(articles), len(set(online.values())))
