"""What the watcher remembers in the store: each feed's validators, and each page's fate.

A page is recorded the moment a feed lists it (``pending``); it becomes ``stored`` once its article is
in the store, or ``failed`` with the problem, an attempt count and the time of the next try. After
``MAX_ATTEMPTS`` it is given up. Nothing ``stored`` is fetched again.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from newsynth.store.sqlite import BUSY_TIMEOUT_S
from newsynth.watch.feeds import Entry

MAX_ATTEMPTS = 6
RETRY_FIRST_S = 15 * 60.0  # then doubling, up to a day
RETRY_LONGEST_S = 24 * 3600.0
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at REAL, problem TEXT
);
CREATE TABLE IF NOT EXISTS watch_pages (
    url TEXT PRIMARY KEY,
    feed TEXT, title TEXT, date TEXT, outlet TEXT,
    state TEXT NOT NULL,               -- pending, stored, failed, gave up
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,  -- seconds since the epoch
    problem TEXT,
    story_id TEXT
);
CREATE INDEX IF NOT EXISTS watch_pages_due ON watch_pages(state, next_try);
"""


@dataclass
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class WatchState:
    def __init__(self, store_path: Path, retry_first_s: float = RETRY_FIRST_S) -> None:
        self.connection = sqlite3.connect(store_path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.executescript(STATE_SCHEMA)
        self.retry_first_s = retry_first_s

    def validators(self, feed: str) -> Validators:
        row = self.connection.execute(
            "SELECT etag, last_modified FROM watch_feeds WHERE url = ?", (feed,)
        ).fetchone()
        return Validators(*row) if row else Validators()

    def feed_checked(self, feed: str, validators: Validators | None, problem: str | None = None) -> None:
        """Record a feed check; validators None keeps the ones known (a failed check)."""
        known = self.validators(feed)
        kept = validators or known
        self.connection.execute(
            "INSERT INTO watch_feeds (url, etag, last_modified, checked_at, problem) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at, problem = excluded.problem",
            (feed, kept.etag, kept.last_modified, time.time(), problem),
        )

    def add_entries(self, entries: list[Entry]) -> int:
        """Record pages not seen before; returns how many were new."""
        before = self.connection.total_changes
        self.connection.executemany(
            "INSERT OR IGNORE INTO watch_pages (url, feed, title, date, outlet, state) "
            "VALUES (?, ?, ?, ?, ?, 'pending')",
            [(e.url, e.feed, e.title, e.date, e.outlet) for e in entries],
        )
        return self.connection.total_changes - before

    def due(self, now: float | None = None) -> list[Entry]:
        """Pages to fetch now: new ones and failed ones whose next try has come, oldest first."""
        rows = self.connection.execute(
            "SELECT url, feed, title, date, outlet FROM watch_pages "
            "WHERE state IN ('pending', 'failed') AND next_try <= ? ORDER BY rowid",
            (time.time() if now is None else now,),
        )
        return [Entry(url=u, feed=f, title=t, date=d, outlet=o) for u, f, t, d, o in rows]

    def stored(self, url: str, story_id: str | None) -> None:
        self.connection.execute(
            "UPDATE watch_pages SET state = 'stored', problem = NULL, story_id = ? WHERE url = ?",
            (story_id, url),
        )

    def failed(self, url: str, problem: str) -> tuple[int, float | None]:
        """Record a failure; returns the attempt count and when it is tried again (None: given up)."""
        attempts = (
            self.connection.execute("SELECT attempts FROM watch_pages WHERE url = ?", (url,)).fetchone()[0]
            + 1
        )
        wait = min(self.retry_first_s * 2 ** (attempts - 1), RETRY_LONGEST_S)
        next_try = time.time() + wait if attempts < MAX_ATTEMPTS else None
        self.connection.execute(
            "UPDATE watch_pages SET state = ?, attempts = ?, next_try = ?, problem = ? WHERE url = ?",
            ("failed" if next_try else "gave up", attempts, next_try or 0, problem, url),
        )
        return attempts, next_try

    def pages(self) -> dict[str, tuple[str, int, str | None]]:
        """url -> (state, attempts, problem), for reports and tests."""
        rows = self.connection.execute("SELECT url, state, attempts, problem FROM watch_pages")
        return {url: (state, attempts, problem) for url, state, attempts, problem in rows}

    def close(self) -> None:
        self.connection.close()
