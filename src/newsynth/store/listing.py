"""What a reader of the store needs beside the grouping: a story listing, full-text search, arrival
times and a cache of rendered briefs.

The listing and the search index are kept up to date by SQLite triggers on the store's own tables,
so every writer maintains them (``ingest``, ``watch`` and the web server alike) in the transaction
that adds the article, and a reader never sees a story without its listing row. A store made before
these tables existed is filled in once when it is next opened.

``story_listing.version`` grows by one whenever a story gains or loses an article: a cached brief is
valid while its version equals the story's.
"""

from __future__ import annotations

import sqlite3

# One story's listing row and outlet rows recomputed from its articles; :story is replaced by the
# trigger's NEW.story_id or OLD.story_id. Stories are small, so a full recount per change is cheap.
_RECOUNT = """
    INSERT INTO story_listing
        (story_id, title, lead, articles, outlets, first_day, last_day, first_seq, last_seq, version)
    SELECT :story,
        (SELECT a2.title FROM assignments s2 JOIN articles a2 ON a2.seq = s2.seq
         WHERE s2.story_id = :story AND a2.title IS NOT NULL ORDER BY s2.seq LIMIT 1),
        (SELECT substr(a3.raw_text, 1, 200) FROM assignments s3 JOIN articles a3 ON a3.seq = s3.seq
         WHERE s3.story_id = :story ORDER BY s3.seq LIMIT 1),
        COUNT(*), COUNT(DISTINCT a.outlet),
        MIN(COALESCE(a.date, substr(r.at, 1, 10))), MAX(COALESCE(a.date, substr(r.at, 1, 10))),
        MIN(s.seq), MAX(s.seq), 1
    FROM assignments s JOIN articles a ON a.seq = s.seq LEFT JOIN arrivals r ON r.seq = s.seq
    WHERE s.story_id = :story
    ON CONFLICT(story_id) DO UPDATE SET
        title = excluded.title, lead = excluded.lead,
        articles = excluded.articles, outlets = excluded.outlets,
        first_day = excluded.first_day, last_day = excluded.last_day,
        first_seq = excluded.first_seq, last_seq = excluded.last_seq,
        version = story_listing.version + 1;
    DELETE FROM story_listing WHERE story_id = :story AND articles = 0;
    DELETE FROM story_outlets WHERE story_id = :story;
    INSERT INTO story_outlets (story_id, outlet, articles)
    SELECT :story, a.outlet, COUNT(*) FROM assignments s JOIN articles a ON a.seq = s.seq
    WHERE s.story_id = :story AND a.outlet IS NOT NULL GROUP BY a.outlet;
"""


def _recount(story: str) -> str:
    return _RECOUNT.replace(":story", story)


# An article joins a story (the common change): the story's row is updated from that article alone.
# Articles join in arrival order, so the first title and text seen stay the story's.
_JOINED = """
    INSERT INTO story_outlets (story_id, outlet, articles)
    SELECT NEW.story_id, a.outlet, 1 FROM articles a WHERE a.seq = NEW.seq AND a.outlet IS NOT NULL
    ON CONFLICT(story_id, outlet) DO UPDATE SET articles = story_outlets.articles + 1;
    INSERT INTO story_listing
        (story_id, title, lead, articles, outlets, first_day, last_day, first_seq, last_seq, version)
    SELECT NEW.story_id, a.title, substr(a.raw_text, 1, 200), 1,
        (SELECT COUNT(*) FROM story_outlets o WHERE o.story_id = NEW.story_id),
        COALESCE(a.date, substr(r.at, 1, 10)), COALESCE(a.date, substr(r.at, 1, 10)), NEW.seq, NEW.seq, 1
    FROM articles a LEFT JOIN arrivals r ON r.seq = a.seq WHERE a.seq = NEW.seq
    ON CONFLICT(story_id) DO UPDATE SET
        title = COALESCE(story_listing.title, excluded.title),
        lead = COALESCE(story_listing.lead, excluded.lead),
        articles = story_listing.articles + 1, outlets = excluded.outlets,
        first_day = min(COALESCE(story_listing.first_day, excluded.first_day),
                        COALESCE(excluded.first_day, story_listing.first_day)),
        last_day = max(COALESCE(story_listing.last_day, excluded.last_day),
                       COALESCE(excluded.last_day, story_listing.last_day)),
        first_seq = min(story_listing.first_seq, excluded.first_seq),
        last_seq = max(story_listing.last_seq, excluded.last_seq),
        version = story_listing.version + 1;
"""


LISTING_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS arrivals (seq INTEGER PRIMARY KEY, at TEXT);  -- UTC; NULL for older rows
CREATE TABLE IF NOT EXISTS story_listing (
    story_id TEXT PRIMARY KEY,
    title TEXT,
    lead TEXT,  -- the start of the first article's text, for stories without a title
    articles INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    first_day TEXT, last_day TEXT,  -- publication dates (arrival day when unknown), YYYY-MM-DD
    first_seq INTEGER, last_seq INTEGER,
    version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_listing_newest ON story_listing(last_day DESC, articles DESC, story_id);
CREATE INDEX IF NOT EXISTS story_listing_biggest ON story_listing(articles DESC, last_day DESC, story_id);
CREATE TABLE IF NOT EXISTS story_outlets (
    story_id TEXT NOT NULL, outlet TEXT NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (story_id, outlet)
);
CREATE INDEX IF NOT EXISTS story_outlets_by_outlet ON story_outlets(outlet COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS articles_by_article_id ON articles(article_id);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url);
-- detail=none: which articles hold a word, no positions; searches are words, never phrases
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, raw_text, content='articles', content_rowid='seq', detail=none,
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS brief_cache (
    story_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,     -- the story_listing.version the brief was made from
    independent INTEGER NOT NULL, -- independent sources (wire copies counted once)
    brief_json TEXT NOT NULL,
    body_html TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('briefs_stored', '0');
CREATE TRIGGER IF NOT EXISTS brief_added AFTER INSERT ON brief_cache BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'briefs_stored';
END;
CREATE TRIGGER IF NOT EXISTS brief_replaced AFTER UPDATE ON brief_cache BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'briefs_stored';
END;
CREATE TRIGGER IF NOT EXISTS articles_arrive AFTER INSERT ON articles BEGIN
    INSERT INTO arrivals (seq, at) VALUES (NEW.seq, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
    INSERT INTO articles_fts (rowid, title, raw_text) VALUES (NEW.seq, NEW.title, NEW.raw_text);
END;
CREATE TRIGGER IF NOT EXISTS assignments_added AFTER INSERT ON assignments BEGIN
    {_JOINED}
END;
CREATE TRIGGER IF NOT EXISTS assignments_moved AFTER UPDATE OF story_id ON assignments BEGIN
    {_recount("OLD.story_id")}
    {_recount("NEW.story_id")}
END;
CREATE TRIGGER IF NOT EXISTS assignments_removed AFTER DELETE ON assignments BEGIN
    {_recount("OLD.story_id")}
END;
"""

_BACKFILL = """
INSERT OR IGNORE INTO arrivals (seq, at) SELECT seq, NULL FROM articles;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
DELETE FROM story_listing;
DELETE FROM story_outlets;
"""


LISTING_VERSION = "2"  # a store whose listing tables were made by another version gets them anew
# Raise it whenever what a cached brief holds changes (JSON fields, HTML markup): a store whose briefs
# were rendered for another format forgets them, and they are made again on request or by the warmer.
BRIEF_FORMAT = "2"  # 2: summary sentences carry the conflicts they take a side in ("disputes")
LISTING_OBJECTS = [
    ("TRIGGER", "articles_arrive"),
    ("TRIGGER", "assignments_added"),
    ("TRIGGER", "assignments_moved"),
    ("TRIGGER", "assignments_removed"),
    ("TRIGGER", "brief_added"),
    ("TRIGGER", "brief_replaced"),
    ("TABLE", "articles_fts"),
    ("TABLE", "story_listing"),
    ("TABLE", "story_outlets"),
    ("TABLE", "brief_cache"),  # its versions count from the listing's: they go together
]


def ensure_listing(connection: sqlite3.Connection) -> None:
    """Create the listing tables and triggers, and fill them in for a store that predates them.

    Runs in one write transaction, so processes opening a store together do it once."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        _drop_older_listing(connection)
        for statement in statements(LISTING_SCHEMA):  # not executescript: it would commit first
            connection.execute(statement)
        if _listing_behind(connection):
            _backfill(connection)
        _forget_briefs_of_another_format(connection)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (LISTING_VERSION,))
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def statements(script: str) -> list[str]:
    """The SQL statements of a script, trigger bodies kept whole."""
    found, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    return [statement for statement in found if statement.strip(" ;\n")]


def _drop_older_listing(connection: sqlite3.Connection) -> None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
    if row is not None and row[0] == LISTING_VERSION:
        return
    for kind, name in LISTING_OBJECTS:
        connection.execute(f"DROP {kind} IF EXISTS {name}")


def _forget_briefs_of_another_format(connection: sqlite3.Connection) -> None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'brief_format'").fetchone()
    if row is None or row[0] != BRIEF_FORMAT:
        connection.execute("DELETE FROM brief_cache")
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('brief_format', ?)", (BRIEF_FORMAT,))


def _listing_behind(connection: sqlite3.Connection) -> bool:
    listed = connection.execute("SELECT COALESCE(SUM(articles), 0) FROM story_listing").fetchone()[0]
    assigned = connection.execute("SELECT COUNT(*) FROM assignments").fetchone()[0]
    return listed != assigned


def _backfill(connection: sqlite3.Connection) -> None:
    for statement in statements(_BACKFILL):
        connection.execute(statement)
    story_ids = [row[0] for row in connection.execute("SELECT DISTINCT story_id FROM assignments")]
    recount = statements(_RECOUNT)
    for story_id in story_ids:
        for statement in recount:
            connection.execute(statement, {"story": story_id})
