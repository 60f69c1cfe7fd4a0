"""The server's one writer: articles posted to the API go into the store from a single thread.

The store's writer (``ArticleStore``) holds the grouping index in memory and an SQLite connection of
its own thread, so it lives in a one-thread executor; it takes turns with other processes writing to
the same store (``watch``, ``ingest``) exactly as they do with each other.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsynth.group.features import content_hash
from newsynth.records import Article
from newsynth.store.reader import StoreReader


@dataclass
class Posted:
    """Where one posted article ended up."""

    id: str  # the stored article's id (an earlier copy's, when the text was already there)
    story_id: str
    added: bool


class StoreWriter:
    def __init__(self, path: Path, reader: StoreReader) -> None:
        self.path = path
        self.reader = reader
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsynth-writer")
        self._store = None

    def open_soon(self) -> None:
        """Start loading the grouping index now, so the first post does not wait for it."""
        self._executor.submit(self._open)

    def _open(self):
        if self._store is None:
            from newsynth.store import ArticleStore

            self._store = ArticleStore(self.path)
        return self._store

    async def add(self, articles: list[Article]) -> list[Posted]:
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._add, articles)

    def _add(self, articles: list[Article]) -> list[Posted]:
        store = self._open()
        hashes = [content_hash(article) for article in articles]
        known = set(self.reader.article_story_ids(hashes))
        store.ingest(articles)
        stored = self.reader.article_story_ids(hashes)
        posted = []
        for digest in hashes:
            posted.append(Posted(*stored[digest], added=digest not in known))
            known.add(digest)  # the same text twice in one post is added once
        return posted

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()

        self._executor.submit(close_store)
        self._executor.shutdown(wait=True)
