"""Reading a store while writers add to it: the story listing, search, one story's articles, cached briefs.

A ``StoreReader`` keeps one SQLite connection per thread (WAL readers never block the writers) and never
touches the grouping index, so opening it is instant however large the store is.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from newsynth.records import Article
from newsynth.render.view import shorten
from newsynth.store.listing import ensure_listing
from newsynth.store.sqlite import BUSY_TIMEOUT_S, SCHEMA, StoreError

SORTS = ("newest", "biggest")
ORDER_BY = {
    "newest": "l.last_day DESC, l.articles DESC, l.story_id",
    "biggest": "l.articles DESC, l.last_day DESC, l.story_id",
}
SEARCH_WORD = re.compile(r"\w+")
MAX_SEARCH_WORDS = 12
SEARCHES_KEPT = 64  # searches whose ordered story ids are kept until the store changes


@dataclass
class StoryQuery:
    """Which stories to list: a search, filters, an order and a page (1-based)."""

    text: str = ""
    outlet: str | None = None
    since: str | None = None  # YYYY-MM-DD: stories with an article on or after this day
    until: str | None = None  # YYYY-MM-DD: stories with an article on or before this day
    sort: str = "newest"
    page: int = 1
    per_page: int = 30


@dataclass
class StoryRow:
    """One story as the listing shows it."""

    id: str
    title: str
    articles: int
    outlets: int
    independent: int | None  # known once its brief is built (wire copies counted once)
    first_day: str | None
    last_day: str | None
    version: int
    outlet_names: list[str] = field(default_factory=list)

    @property
    def date_span(self) -> str:
        if not self.first_day:
            return "date unknown"
        return self.first_day if self.first_day == self.last_day else f"{self.first_day} to {self.last_day}"


@dataclass
class StoredArticle:
    seq: int
    story_id: str
    arrived: str | None  # UTC timestamp of when the store got it
    article: Article


@dataclass
class CachedBrief:
    story_id: str
    version: int
    independent: int
    brief_json: str
    body_html: str


class StoreReader:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._searches: OrderedDict[tuple, list[str]] = OrderedDict()
        self._search_lock = threading.Lock()
        self._building: dict[tuple, threading.Lock] = {}
        self._outlets: tuple[tuple[int, int], list[tuple[str, int]]] | None = None
        connection = self._connect()  # creates the store if needed, with the listing tables
        try:
            connection.executescript(SCHEMA)
            ensure_listing(connection)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a newsynth store ({error})") from error

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
        )
        connection.execute("PRAGMA journal_mode=WAL")
        self._local.connection = connection
        return connection

    @property
    def connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        return connection if connection is not None else self._connect()

    # --- listing --------------------------------------------------------------------------------
    def stories(self, query: StoryQuery) -> tuple[list[StoryRow], int]:
        """One page of stories matching the query, and how many match in all.

        The page's ids come from the listing's index alone (deep pages skip index entries, not
        rows); the rows of those ids are read after."""
        start = (query.page - 1) * query.per_page
        if search_expression(query.text):
            ids = self._matching_ids(query)
            return self._rows(ids[start : start + query.per_page]), len(ids)
        where, parameters = _filters(query)
        total = self.connection.execute(
            f"SELECT COUNT(*) FROM story_listing l WHERE {where}", parameters
        ).fetchone()[0]
        page_ids = self.connection.execute(
            f"SELECT l.story_id FROM story_listing l WHERE {where} ORDER BY {ORDER_BY[query.sort]} "
            "LIMIT ? OFFSET ?",
            [*parameters, query.per_page, start],
        ).fetchall()
        return self._rows([row[0] for row in page_ids]), total

    def _rows(self, story_ids: list[str]) -> list[StoryRow]:
        """The listing rows of these stories, in the given order."""
        marks = ",".join("?" * len(story_ids))
        found = self.connection.execute(f"{_STORY_COLUMNS} WHERE l.story_id IN ({marks})", story_ids)
        by_id = {row[0]: _story_row(row) for row in found}
        return self._with_outlets([by_id[i] for i in story_ids if i in by_id])

    def _matching_ids(self, query: StoryQuery) -> list[str]:
        """A search can match many articles, so its ordered story ids are kept until the store
        changes: the next page, or the same search again, then costs one page of rows. Requests for
        the same search at the same time wait for one of them to find the ids."""
        key = (query.text, query.outlet, query.since, query.until, query.sort, self.change_mark())
        with self._search_lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            with self._search_lock:
                if key in self._searches:
                    self._searches.move_to_end(key)
                    return self._searches[key]
            where, parameters = _filters(query)
            rows = self.connection.execute(
                f"SELECT l.story_id FROM story_listing l WHERE {where} ORDER BY {ORDER_BY[query.sort]}",
                parameters,
            )
            ids = [row[0] for row in rows]
            with self._search_lock:
                self._searches[key] = ids
                self._building.pop(key, None)
                while len(self._searches) > SEARCHES_KEPT:
                    self._searches.popitem(last=False)
        return ids

    def story(self, story_id: str) -> StoryRow | None:
        row = self.connection.execute(f"{_STORY_COLUMNS} WHERE l.story_id = ?", (story_id,)).fetchone()
        return self._with_outlets([_story_row(row)])[0] if row else None

    def _with_outlets(self, rows: list[StoryRow]) -> list[StoryRow]:
        if not rows:
            return rows
        by_id = {row.id: row for row in rows}
        marks = ",".join("?" * len(by_id))
        found = self.connection.execute(
            f"SELECT story_id, outlet FROM story_outlets WHERE story_id IN ({marks}) "
            "ORDER BY articles DESC, outlet",
            list(by_id),
        )
        for story_id, outlet in found:
            by_id[story_id].outlet_names.append(outlet)
        return rows

    def outlets(self, limit: int = 500) -> list[tuple[str, int]]:
        """Outlets by how many stories they cover, for the filter (counted again only after a change)."""
        mark = self.change_mark()
        if self._outlets is None or self._outlets[0] != (mark, limit):
            rows = self.connection.execute(
                "SELECT outlet, COUNT(*) AS n FROM story_outlets GROUP BY outlet ORDER BY n DESC, outlet "
                "LIMIT ?",
                (limit,),
            ).fetchall()
            self._outlets = ((mark, limit), rows)
        return self._outlets[1]

    def change_mark(self) -> int:
        """Grows whenever an article is added: pages compare it to know when to refresh."""
        return self.connection.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]

    def listing_mark(self) -> tuple[int, int]:
        """Grows whenever the listing may show something else: an article added, a brief stored (which
        brings a story's count of independent sources)."""
        return self.connection.execute(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), "
            "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'briefs_stored')"
        ).fetchone()

    def counts(self) -> tuple[int, int]:
        """(articles, stories)."""
        articles = self.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        stories = self.connection.execute("SELECT COUNT(*) FROM story_listing").fetchone()[0]
        return articles, stories

    # --- one story, one article -----------------------------------------------------------------
    def story_with_articles(self, story_id: str) -> tuple[StoryRow, list[StoredArticle]] | None:
        """A story's row and its articles in arrival order, read in one snapshot (so they agree)."""
        connection = self.connection
        connection.execute("BEGIN")
        try:
            row = self.story(story_id)
            members = self._articles("s.story_id = ?", (story_id,)) if row else []
        finally:
            connection.execute("COMMIT")
        return (row, members) if row else None

    def article(self, article_id: str) -> StoredArticle | None:
        found = self._articles("a.article_id = ?", (article_id,))
        return found[0] if found else None

    def article_story_ids(self, hashes: list[str]) -> dict[str, tuple[str, str]]:
        """content hash -> (article id, story id) of the stored articles with these texts."""
        found: dict[str, tuple[str, str]] = {}
        for digest in hashes:
            row = self.connection.execute(
                "SELECT a.article_id, s.story_id FROM articles a JOIN assignments s ON s.seq = a.seq "
                "WHERE a.content_hash = ?",
                (digest,),
            ).fetchone()
            if row:
                found[digest] = (row[0], row[1])
        return found

    def has_url(self, url: str) -> bool:
        return (
            self.connection.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone()
            is not None
        )

    def _articles(self, condition: str, parameters: tuple) -> list[StoredArticle]:
        rows = self.connection.execute(
            "SELECT a.seq, s.story_id, r.at, a.article_id, a.origin, a.raw_text, a.url, a.outlet, a.title, "
            "a.date, a.byline FROM articles a JOIN assignments s ON s.seq = a.seq "
            f"LEFT JOIN arrivals r ON r.seq = a.seq WHERE {condition} ORDER BY a.seq",
            parameters,
        )
        return [
            StoredArticle(
                seq=seq,
                story_id=story_id,
                arrived=arrived,
                article=Article(
                    id=article_id,
                    origin=origin,
                    raw_text=text,
                    url=url,
                    outlet=outlet,
                    title=title,
                    date=date,
                    byline=byline,
                ),
            )
            for seq, story_id, arrived, article_id, origin, text, url, outlet, title, date, byline in rows
        ]

    # --- brief cache ----------------------------------------------------------------------------
    def cached_brief(self, story_id: str, version: int) -> CachedBrief | None:
        row = self.connection.execute(
            "SELECT story_id, version, independent, brief_json, body_html FROM brief_cache "
            "WHERE story_id = ? AND version = ?",
            (story_id, version),
        ).fetchone()
        return CachedBrief(*row) if row else None

    def put_brief(self, brief: CachedBrief) -> None:
        """Keep a brief unless a newer version of the story's brief is already there."""
        self.connection.execute(
            "INSERT INTO brief_cache (story_id, version, independent, brief_json, body_html) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, "
            "independent = excluded.independent, brief_json = excluded.brief_json, "
            "body_html = excluded.body_html WHERE excluded.version >= brief_cache.version",
            (brief.story_id, brief.version, brief.independent, brief.brief_json, brief.body_html),
        )

    def stale_stories(self, limit: int) -> list[str]:
        """Stories whose brief is missing or older than the story, most recently changed first."""
        rows = self.connection.execute(
            "SELECT l.story_id FROM story_listing l LEFT JOIN brief_cache c ON c.story_id = l.story_id "
            "WHERE c.version IS NULL OR c.version <> l.version ORDER BY l.last_seq DESC LIMIT ?",
            (limit,),
        )
        return [row[0] for row in rows]

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


_STORY_COLUMNS = (
    "SELECT l.story_id, COALESCE(l.title, l.lead), l.articles, l.outlets, c.independent, "
    "l.first_day, l.last_day, l.version "
    "FROM story_listing l LEFT JOIN brief_cache c ON c.story_id = l.story_id AND c.version = l.version"
)


def _story_row(row: tuple) -> StoryRow:
    story_id, title, articles, outlets, independent, first_day, last_day, version = row
    if independent is None and articles == 1:
        independent = 1
    return StoryRow(
        id=story_id,
        title=shorten(title) if title else "Untitled story",
        articles=articles,
        outlets=outlets,
        independent=independent,
        first_day=first_day,
        last_day=last_day,
        version=version,
    )


def search_expression(text: str) -> str | None:
    """An FTS5 query matching every word of ``text`` (each quoted: no FTS syntax gets through)."""
    words = SEARCH_WORD.findall(text)[:MAX_SEARCH_WORDS]
    return " ".join(f'"{word}"' for word in words) or None


def _filters(query: StoryQuery) -> tuple[str, list[object]]:
    conditions, parameters = ["1"], []
    expression = search_expression(query.text)
    if expression:
        conditions.append(
            "l.story_id IN (SELECT s.story_id FROM articles_fts f JOIN assignments s ON s.seq = f.rowid "
            "WHERE articles_fts MATCH ?)"
        )
        parameters.append(expression)
    if query.outlet:
        conditions.append(
            "l.story_id IN (SELECT story_id FROM story_outlets WHERE outlet = ? COLLATE NOCASE)"
        )
        parameters.append(query.outlet)
    if query.since:
        conditions.append("l.last_day >= ?")
        parameters.append(query.since)
    if query.until:
        conditions.append("l.first_day <= ?")
        parameters.append(query.until)
    return " AND ".join(conditions), parameters
