"""The SQLite store: articles with their grouping features, stories and assignments.

Any number of processes may write to one store. Each article is assigned inside a write transaction
(``BEGIN IMMEDIATE``, so writers take turns) after the index has caught up with every article other
writers committed since: the stored assignments are then exactly those of one process that ingested the
articles in the order of their ``seq``, and a text is stored once however many writers bring it.

An arriving article may also move articles that came before it to another story (the index regroups
the few small stories it touches, see ``StoryIndex.plan_moves``): their ``assignments`` rows are
updated, and each move is logged in ``moves`` with the arrival that made it, so that a writer catching
up replays the arrivals with the stories they were first given and the moves in their turn.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newsynth.group.batch import prepare, story_id_for
from newsynth.group.features import ArticleFeatures, content_hash
from newsynth.group.index import GroupSettings, Move, StoryIndex
from newsynth.records import Article, Story
from newsynth.store.listing import ensure_listing

SCHEMA_VERSION = "1"
BUSY_TIMEOUT_S = 120.0  # how long a writer waits for the others' transactions before giving up
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,             -- arrival order; the index is replayed in this order
    content_hash TEXT NOT NULL UNIQUE,   -- the same text is one article however often it comes
    article_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    url TEXT, outlet TEXT, title TEXT, date TEXT, byline TEXT,
    raw_text TEXT NOT NULL,
    features BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, first_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS assignments (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    story_id TEXT NOT NULL REFERENCES stories(id),
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS assignments_by_story ON assignments(story_id);
CREATE TABLE IF NOT EXISTS moves (
    id INTEGER PRIMARY KEY,
    at_seq INTEGER NOT NULL REFERENCES articles(seq),  -- the arrival whose regrouping moved it
    seq INTEGER NOT NULL REFERENCES articles(seq),     -- the article moved
    from_story TEXT NOT NULL,
    to_story TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS moves_by_article ON moves(seq);
CREATE INDEX IF NOT EXISTS moves_by_arrival ON moves(at_seq);
"""


class StoreError(Exception):
    """A store file that cannot be used."""


@dataclass
class IngestCounts:
    added: int = 0
    duplicates: int = 0  # texts already in the store (or twice in the input)
    new_stories: int = 0


class ArticleStore:
    def __init__(self, path: str | Path, settings: GroupSettings | None = None) -> None:
        self.path = Path(path)
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.connection.executescript(SCHEMA)  # idempotent: writers may open a new store together
            self._check_version()
            ensure_listing(self.connection)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a newsynth store ({error})") from error
        self.index = StoryIndex(settings)
        self.known_hashes: set[str] = set()
        self.last_seq = 0  # the newest article the index holds
        self._catch_up()

    def _check_version(self) -> None:
        self.connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        row = self.connection.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {row[0]}, this newsynth reads {SCHEMA_VERSION}")

    def _catch_up(self) -> None:
        """Add to the in-memory index the articles committed since it was last brought up to date
        (by this writer or any other), in arrival order, each with the story it was first given and
        followed by the moves its arrival made. On opening, that is every article."""
        rows = self.connection.execute(
            "SELECT a.seq, a.article_id, a.content_hash, a.features, COALESCE("
            "(SELECT m.from_story FROM moves m WHERE m.seq = a.seq ORDER BY m.id LIMIT 1), s.story_id) "
            "FROM articles a JOIN assignments s ON s.seq = a.seq WHERE a.seq > ? ORDER BY a.seq",
            (self.last_seq,),
        )
        moves: dict[int, list[Move]] = {}
        for at_seq, article_id, from_story, to_story in self.connection.execute(
            "SELECT m.at_seq, a.article_id, m.from_story, m.to_story FROM moves m "
            "JOIN articles a ON a.seq = m.seq WHERE m.at_seq > ? ORDER BY m.id",
            (self.last_seq,),
        ):
            moves.setdefault(at_seq, []).append(Move(article_id, from_story, to_story))
        for seq, article_id, digest, blob, story_id in rows:
            self.index.add(ArticleFeatures.from_bytes(article_id, digest, blob), story_id)
            self.index.apply(moves.get(seq, []))
            self.known_hashes.add(digest)
            self.last_seq = seq

    @property
    def article_count(self) -> int:
        return self.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    @property
    def story_count(self) -> int:
        """Online stories in the store, those other writers started included (a story whose articles
        all moved to others no longer counts)."""
        return self.connection.execute("SELECT COUNT(DISTINCT story_id) FROM assignments").fetchone()[0]

    def ingest(
        self, articles: Iterable[Article], on_article: Callable[[Article], None] | None = None
    ) -> IngestCounts:
        """Add articles in the given order; each one is stored and assigned in its own transaction.

        The costly part (cleaning and features) runs outside the transaction; inside it the index
        first takes in what other writers committed, so the article is assigned against all of them.
        """
        counts = IngestCounts()
        for article in articles:
            if content_hash(article) in self.known_hashes:
                counts.duplicates += 1
            else:
                features = prepare(article)
                with self._transaction() as cursor:
                    self._catch_up()
                    if features.content_hash in self.known_hashes:  # another writer stored it meanwhile
                        counts.duplicates += 1
                    else:
                        self._store(cursor, article, features, counts)
            if on_article is not None:
                on_article(article)
        return counts

    def _store(
        self, cursor: sqlite3.Cursor, article: Article, features: ArticleFeatures, counts: IngestCounts
    ) -> None:
        """Assign one new article, write it with its assignment, and record it in the index.

        The index is updated only once the rows are written: a failed insert leaves it as it was."""
        assignment = self.index.assign(features, story_id_for(features))
        seq = self._insert(
            cursor, article, features, assignment.story_id, assignment.score, assignment.new_story
        )
        self._move(cursor, seq, assignment.moves)
        self.index.add(features, assignment.story_id, assignment.vectors)
        self.index.apply(assignment.moves)
        self.known_hashes.add(features.content_hash)
        self.last_seq = seq
        counts.added += 1
        counts.new_stories += assignment.new_story

    def _insert(
        self,
        cursor: sqlite3.Cursor,
        article: Article,
        features: ArticleFeatures,
        story_id: str,
        score: float,
        new_story: bool,
    ) -> int:
        cursor.execute(
            "INSERT INTO articles (content_hash, article_id, origin, url, outlet, title, date, byline, "
            "raw_text, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                features.content_hash,
                article.id,
                article.origin,
                article.url,
                article.outlet,
                article.title,
                article.date,
                article.byline,
                article.raw_text,
                features.to_bytes(),
            ),
        )
        seq = cursor.lastrowid
        if new_story:
            cursor.execute("INSERT INTO stories (id, first_seq) VALUES (?, ?)", (story_id, seq))
        cursor.execute(
            "INSERT INTO assignments (seq, story_id, score) VALUES (?, ?, ?)", (seq, story_id, score)
        )
        return seq

    def _move(self, cursor: sqlite3.Cursor, at_seq: int, moves: list[Move]) -> None:
        """Update the assignments of the articles an arrival moved (the listing triggers follow) and
        log the moves for the other writers."""
        for move in moves:
            cursor.execute(
                "INSERT OR IGNORE INTO stories (id, first_seq) VALUES (?, ?)", (move.to_story, at_seq)
            )
            seq = cursor.execute(
                "SELECT s.seq FROM assignments s JOIN articles a ON a.seq = s.seq "
                "WHERE a.article_id = ? AND s.story_id = ?",
                (move.article_id, move.from_story),
            ).fetchone()[0]
            cursor.execute("UPDATE assignments SET story_id = ? WHERE seq = ?", (move.to_story, seq))
            cursor.execute(
                "INSERT INTO moves (at_seq, seq, from_story, to_story) VALUES (?, ?, ?, ?)",
                (at_seq, seq, move.from_story, move.to_story),
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection)

    def assignments(self) -> dict[str, str]:
        """Article id -> story id, as assigned online."""
        rows = self.connection.execute(
            "SELECT a.article_id, s.story_id FROM articles a "
            "JOIN assignments s ON s.seq = a.seq ORDER BY a.seq"
        )
        return dict(rows.fetchall())

    def features(self) -> list[ArticleFeatures]:
        """Every article's features, in arrival order."""
        rows = self.connection.execute("SELECT article_id, content_hash, features FROM articles ORDER BY seq")
        return [ArticleFeatures.from_bytes(article_id, digest, blob) for article_id, digest, blob in rows]

    def articles(self) -> list[Article]:
        rows = self.connection.execute(
            "SELECT article_id, origin, raw_text, url, outlet, title, date, byline FROM articles ORDER BY seq"
        )
        return [
            Article(id=i, origin=o, raw_text=t, url=u, outlet=out, title=ti, date=d, byline=b)
            for i, o, t, u, out, ti, d, b in rows
        ]

    def stories(self, story_of: dict[str, str] | None = None) -> list[Story]:
        """Stories as assigned online (or by ``story_of``), in order of their first article."""
        story_of = story_of if story_of is not None else self.assignments()
        members: dict[str, list[Article]] = {}
        for article in self.articles():
            members.setdefault(story_of[article.id], []).append(article)
        return [Story(id=story_id, articles=group) for story_id, group in members.items()]

    def final_stories(self) -> list[Story]:
        """The stories to render: the whole pile regrouped in canonical order (date, then content),
        so they do not depend on the order the articles arrived in."""
        from newsynth.group.batch import group_pile

        return self.stories(group_pile(self.features(), self.index.settings))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (an interrupt included)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Cursor:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection.cursor()

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
