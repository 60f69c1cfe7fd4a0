"""Watch: follow RSS/Atom feeds and add each new entry's page to a store.

Interface:
    Watcher(store_path, WatchSettings(...))     # opens the store (and the watcher's state in it)
    watcher.round(feed_urls) -> RoundReport      # check every feed once, fetch the pages that are due
    watcher.close()

A round asks each feed with its last ETag / Last-Modified (a 304 costs nothing), records the entries
it has not seen, then fetches the pages due: new ones, and failed ones whose retry time has come. A
page is fetched only while it is not stored: not by this watcher, and not by any other writer (its URL
is looked up among the store's articles first). Each failure is one line through ``log``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsynth.group.features import content_hash
from newsynth.ingest.files import InputError
from newsynth.ingest.metadata import outlet_from_url
from newsynth.ingest.responses import article_from_response
from newsynth.records import Article
from newsynth.watch.feeds import Entry, FeedError, feed_urls, parse_feed
from newsynth.watch.fetch import Fetcher, FetchError, FetchSettings
from newsynth.watch.state import RETRY_FIRST_S, Validators, WatchState

__all__ = ["FetchSettings", "RoundReport", "WatchSettings", "Watcher", "feed_urls"]


@dataclass
class WatchSettings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    retry_first_s: float = RETRY_FIRST_S  # wait before a failed page is tried again (then doubled)


@dataclass
class RoundReport:
    feeds: int = 0
    unchanged: int = 0  # answered 304 Not Modified
    feed_failures: int = 0
    new_pages: int = 0  # entries not seen before
    stored: int = 0
    already_stored: int = 0  # found in the store under their URL, not fetched
    failed: int = 0

    def line(self) -> str:
        return (
            f"{self.feeds} feeds ({self.unchanged} unchanged, {self.feed_failures} failed), "
            f"{self.new_pages} new pages; stored {self.stored}, already stored {self.already_stored}, "
            f"failed {self.failed}"
        )


class Watcher:
    def __init__(
        self,
        store_path: str | Path,
        settings: WatchSettings | None = None,
        log: Callable[[str], None] = print,
    ) -> None:
        from newsynth.store import ArticleStore

        self.settings = settings or WatchSettings()
        self.log = log
        self.store = ArticleStore(store_path)
        self.state = WatchState(Path(store_path), self.settings.retry_first_s)
        self.fetcher = Fetcher(self.settings.fetch)

    def round(self, feeds: list[str]) -> RoundReport:
        report = RoundReport()
        for feed in feeds:
            self.check_feed(feed, report)
        for entry in self.state.due():
            self.fetch_page(entry, report)
        return report

    # --- feeds --------------------------------------------------------------------------------------
    def check_feed(self, feed: str, report: RoundReport) -> None:
        report.feeds += 1
        known = self.state.validators(feed)
        try:
            response = self.fetcher.get(feed, known.headers())
            if response.status == 304:
                report.unchanged += 1
                self.state.feed_checked(feed, known)
                return
            if response.status != 200:
                raise FetchError(f"HTTP {response.status}")
            parsed = parse_feed(response.body, feed)
        except (FetchError, FeedError) as error:
            report.feed_failures += 1
            self.state.feed_checked(feed, None, str(error))
            self.log(f"newsynth: watch: feed {feed}: {error}; tried again next round")
            return
        headers = response.headers
        self.state.feed_checked(feed, Validators(headers.get("etag"), headers.get("last-modified")))
        report.new_pages += self.state.add_entries(parsed.entries)

    # --- pages --------------------------------------------------------------------------------------
    def fetch_page(self, entry: Entry, report: RoundReport) -> None:
        stored_story = self._story_of_url(entry.url)
        if stored_story is not None:
            self.state.stored(entry.url, stored_story)
            report.already_stored += 1
            return
        try:
            article = self.read_page(entry)
        except (FetchError, InputError) as error:
            report.failed += 1
            attempts, next_try = self.state.failed(entry.url, str(error))
            later = "given up" if next_try is None else "tried again later"
            self.log(f"newsynth: watch: {entry.url}: {error} (attempt {attempts}; {later})")
            return
        self.store.ingest([article])
        self.state.stored(entry.url, self._story_of_text(article))
        report.stored += 1

    def read_page(self, entry: Entry) -> Article:
        response = self.fetcher.get(entry.url)
        if response.status != 200:
            raise FetchError(f"HTTP {response.status}")
        article = article_from_response(
            response.body,
            response.headers.get("content-type"),
            entry.url,
            title=entry.title,
            date=entry.date,
        )
        if entry.outlet and article.outlet in (None, outlet_from_url(entry.url)):
            article.outlet = entry.outlet  # the feed's name says more than the host name
        return article

    def _story_of_url(self, url: str) -> str | None:
        row = self.store.connection.execute(
            "SELECT s.story_id FROM articles a JOIN assignments s ON s.seq = a.seq WHERE a.url = ? LIMIT 1",
            (url,),
        ).fetchone()
        return row[0] if row else None

    def _story_of_text(self, article: Article) -> str | None:
        row = self.store.connection.execute(
            "SELECT s.story_id FROM articles a JOIN assignments s ON s.seq = a.seq WHERE a.content_hash = ?",
            (content_hash(article),),
        ).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.fetcher.close()
        self.state.close()
        self.store.close()
