"""Briefs of stored stories, made once per story version and kept in the store's brief cache.

A story's brief is rebuilt only when the story changed (an article joined or left it): the cache row
carries the ``story_listing.version`` it was made from. Several requests for the same stale story wait
for one build. A ``Warmer`` thread rebuilds the briefs of changed stories in the background, newest
first, so story pages and the listing's independent-source counts are ready before anyone asks.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from newsynth.defaults import DEFAULT_MAX_WORDS
from newsynth.records import Brief, Story
from newsynth.store.reader import CachedBrief, StoredArticle, StoreReader, StoryRow

log = logging.getLogger("newsynth.serve")


@dataclass
class BuiltBrief:
    brief: Brief
    members: list[StoredArticle]
    row: StoryRow


def make_brief(row: StoryRow, members: list[StoredArticle], max_words: int) -> Brief:
    """The brief of a stored story: its articles cleaned together, summarized and compared."""
    from newsynth.clean import clean_articles
    from newsynth.pipeline import brief_for_story

    story = Story(id=row.id, articles=[member.article for member in members])
    clean_articles(story.articles)
    return brief_for_story(story, max_words)


def independent_sources(brief: Brief) -> int:
    """Independent sources among the usable articles (all articles when none is usable)."""
    from newsynth.render.view import independent_count

    numbers = [n for n, article in enumerate(brief.articles, start=1) if article.usable]
    return independent_count(brief, numbers or list(range(1, len(brief.articles) + 1)))


class BriefCache:
    def __init__(self, reader: StoreReader, max_words: int = DEFAULT_MAX_WORDS) -> None:
        self.reader = reader
        self.max_words = max_words
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def get(self, story_id: str) -> CachedBrief | None:
        """The brief of the story as it is now; None for an unknown story."""
        row = self.reader.story(story_id)
        if row is None:
            return None
        cached = self.reader.cached_brief(story_id, row.version)
        if cached is not None:
            return cached
        with self._lock_for(story_id):  # one build per story at a time; the others then find it cached
            row = self.reader.story(story_id)
            cached = self.reader.cached_brief(story_id, row.version) if row else None
            return cached or self.build(story_id)

    def build(self, story_id: str) -> CachedBrief | None:
        from newsynth.render.json import render_json
        from newsynth.serve.pages import story_body

        found = self.reader.story_with_articles(story_id)
        if found is None:
            return None
        row, members = found
        brief = make_brief(row, members, self.max_words)
        cached = CachedBrief(
            story_id=story_id,
            version=row.version,
            independent=independent_sources(brief),
            brief_json=render_json(brief),
            body_html=story_body(brief, members),
        )
        self.reader.put_brief(cached)
        return cached

    def _lock_for(self, story_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(story_id, threading.Lock())


class Warmer(threading.Thread):
    """Rebuilds the briefs of changed stories in the background until stopped."""

    def __init__(self, cache: BriefCache, pause_s: float = 2.0, batch: int = 20) -> None:
        super().__init__(name="newsynth-brief-warmer", daemon=True)
        self.cache = cache
        self.pause_s = pause_s
        self.batch = batch
        self.stopping = threading.Event()

    def run(self) -> None:
        failed: set[str] = set()  # not tried again by this thread (a request still tries)
        while not self.stopping.is_set():
            stale = self.cache.reader.stale_stories(self.batch + len(failed))
            todo = [story_id for story_id in stale if story_id not in failed][: self.batch]
            for story_id in todo:
                if self.stopping.is_set():
                    break
                try:
                    self.cache.get(story_id)
                except Exception as error:  # one story that cannot be briefed must not stop the others
                    failed.add(story_id)
                    log.warning("brief of story %s failed: %s: %s", story_id, type(error).__name__, error)
            if not todo:
                self.stopping.wait(self.pause_s)

    def stop(self) -> None:
        self.stopping.set()
