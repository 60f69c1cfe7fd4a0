"""The server's one writer: articles posted to the API go into the store from a process of their own.

Adding an article (cleaning, features, assignment) is pure Python work; in the server's process it
would hold the interpreter lock for tens of milliseconds a time and stall every request meanwhile. So
the store's writer (``ArticleStore``, which holds the grouping index in memory) lives in a child
process; it takes turns with other processes writing to the same store (``watch``, ``ingest``)
exactly as they do with each other. The server reads the outcome back from the store.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsynth.group.features import content_hash
from newsynth.records import Article
from newsynth.store.reader import StoreReader

_store = None  # the writer process's store


@dataclass
class Posted:
    """Where one posted article ended up."""

    id: str  # the stored article's id (an earlier copy's, when the text was already there)
    story_id: str
    added: bool


def _open_store(path: str) -> None:
    global _store
    from newsynth.store import ArticleStore

    _store = ArticleStore(path)


def _ingest(articles: list[Article]) -> None:
    assert _store is not None, "the writer's store is opened when its executor starts"
    _store.ingest(articles)


def _ready() -> bool:
    return _store is not None


class StoreWriter:
    """``in_process`` puts the writer in a thread of this process instead (quicker to start: tests)."""

    def __init__(self, path: Path, reader: StoreReader, *, in_process: bool = False) -> None:
        self.path = path
        self.reader = reader
        self.in_process = in_process
        self._executor: Executor | None = None
        self._store: Any = None  # the in-process writer's store

    def open_soon(self) -> None:
        """Start the writer (it loads the grouping index), so that the first post does not wait."""
        if self._executor is not None:
            return
        if self.in_process:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsynth-writer")
            self._executor.submit(self._open_here)
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),  # never fork a threaded server
                initializer=_open_store,
                initargs=(str(self.path),),
            )
            self._executor.submit(_ready)

    def _open_here(self) -> Any:
        if self._store is None:
            from newsynth.store import ArticleStore

            self._store = ArticleStore(self.path)
        return self._store

    def _ingest_here(self, articles: list[Article]) -> None:
        self._open_here().ingest(articles)

    async def add(self, articles: list[Article]) -> list[Posted]:
        self.open_soon()
        loop = asyncio.get_running_loop()
        hashes = [content_hash(article) for article in articles]
        known = set(await loop.run_in_executor(None, self.reader.article_story_ids, hashes))
        await loop.run_in_executor(
            self._executor, self._ingest_here if self.in_process else _ingest, articles
        )
        stored = await loop.run_in_executor(None, self.reader.article_story_ids, hashes)
        posted = []
        for digest in hashes:
            posted.append(Posted(*stored[digest], added=digest not in known))
            known.add(digest)  # the same text twice in one post is added once
        return posted

    def close(self) -> None:
        if self._executor is None:
            return
        if self._store is not None:
            self._executor.submit(self._store.close)  # in the thread that opened it
        self._executor.shutdown(wait=True, cancel_futures=False)
        self._executor = None
