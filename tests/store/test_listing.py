"""The story listing, search index and brief cache the store keeps beside the grouping."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsynth.group.synthetic import synthetic_pile
from newsynth.store import ArticleStore
from newsynth.store.listing import BRIEF_FORMAT, LISTING_VERSION
from newsynth.store.reader import CachedBrief, StoreReader, StoryQuery, search_expression


def filled(path: Path, count: int = 60) -> Path:
    with ArticleStore(path) as store:
        store.ingest(article for article, _ in synthetic_pile(count, seed=7))
    return path


def listing(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT story_id, title, articles, outlets, first_day, last_day, first_seq, last_seq "
            "FROM story_listing ORDER BY story_id"
        ).fetchall()
        outlets = connection.execute("SELECT * FROM story_outlets ORDER BY story_id, outlet").fetchall()
    return rows + outlets


def test_the_listing_agrees_with_the_assignments(tmp_path: Path) -> None:
    path = filled(tmp_path / "s.sqlite")
    with ArticleStore(path) as store:
        sizes: dict[str, int] = {}
        for story_id in store.assignments().values():
            sizes[story_id] = sizes.get(story_id, 0) + 1
    reader = StoreReader(path)
    rows, total = reader.stories(StoryQuery(per_page=100, sort="biggest"))
    assert total == len(sizes) and {row.id: row.articles for row in rows} == sizes
    assert [row.articles for row in rows] == sorted(sizes.values(), reverse=True)


def test_a_store_made_before_the_listing_gets_it_filled_in_on_opening(tmp_path: Path) -> None:
    path = filled(tmp_path / "s.sqlite")
    expected = listing(path)
    with sqlite3.connect(path) as connection:  # as an older newsynth left it, or another listing version
        connection.execute("UPDATE meta SET value = 'older' WHERE key = 'listing'")
        connection.execute("DROP TABLE story_listing")
        connection.execute("DELETE FROM story_outlets")
    StoreReader(path).close()
    assert listing(path) == expected
    with sqlite3.connect(path) as connection:
        assert (
            connection.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()[0]
            == LISTING_VERSION
        )


def test_moving_an_article_recounts_both_stories_and_retires_their_briefs(tmp_path: Path) -> None:
    path = filled(tmp_path / "s.sqlite")
    reader = StoreReader(path)
    rows, _ = reader.stories(StoryQuery(sort="biggest", per_page=2))
    big, other = rows
    reader.put_brief(CachedBrief(big.id, big.version, 1, "{}", "<p>brief</p>"))
    assert reader.cached_brief(big.id, big.version) is not None
    with sqlite3.connect(path) as connection:  # what a regrouping of the store would do
        seq = connection.execute("SELECT MAX(seq) FROM assignments WHERE story_id = ?", (big.id,)).fetchone()[
            0
        ]
        connection.execute("UPDATE assignments SET story_id = ? WHERE seq = ?", (other.id, seq))
    moved_from, moved_to = reader.story(big.id), reader.story(other.id)
    assert (moved_from.articles, moved_to.articles) == (big.articles - 1, other.articles + 1)
    assert moved_from.version > big.version and moved_to.version > other.version
    assert reader.cached_brief(big.id, moved_from.version) is None  # rebuilt on next request


def test_search_words_are_quoted_so_no_query_syntax_gets_through() -> None:
    assert search_expression('crane AND (" NEAR* -quay') == '"crane" "AND" "NEAR" "quay"'
    assert search_expression("  ?! ") is None


def test_briefs_cached_in_another_format_are_forgotten_on_opening(tmp_path: Path) -> None:
    path = filled(tmp_path / "s.sqlite")
    reader = StoreReader(path)
    row = reader.stories(StoryQuery(per_page=1))[0][0]
    reader.put_brief(CachedBrief(row.id, row.version, 1, "{}", "<p>brief</p>"))
    reader.close()
    assert StoreReader(path).cached_brief(row.id, row.version) is not None  # same format: kept
    with sqlite3.connect(path) as connection:  # as a newsynth rendering briefs differently left it
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'brief_format'")
    assert StoreReader(path).cached_brief(row.id, row.version) is None
    with sqlite3.connect(path) as connection:
        assert (
            connection.execute("SELECT value FROM meta WHERE key = 'brief_format'").fetchone()[0]
            == BRIEF_FORMAT
        )
