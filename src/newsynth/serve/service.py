"""What the routes share: the settings, the store reader, the brief cache and the writer."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from newsynth.defaults import DEFAULT_MAX_WORDS
from newsynth.records import Article
from newsynth.serve.briefs import BriefCache
from newsynth.serve.writer import StoreWriter
from newsynth.store.reader import SORTS, CachedBrief, StoreReader, StoryQuery, StoryRow

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
MAX_PAGE = 10_000
RENDERED_KEPT = 256  # listing pages kept rendered until the store changes


@dataclass
class ServeSettings:
    store: Path
    token: str | None = None  # required (as a Bearer token) on writes when set
    writes: bool = True  # off when serving beyond this machine without a token
    allowed_hosts: list[str] = field(default_factory=lambda: ["*"])  # Host headers answered
    max_body_bytes: int = 5_000_000
    body_timeout_s: float = 10.0
    max_articles_per_post: int = 100
    max_words: int = DEFAULT_MAX_WORDS
    warm: bool = True  # rebuild changed stories' briefs in the background
    events_seconds: float = 300.0  # an event stream ends after this; browsers reconnect by themselves
    events_poll_s: float = 1.0
    writer_process: bool = True  # posted articles are added by a child process (False: a thread)


class Service:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.reader = StoreReader(settings.store)
        self.briefs = BriefCache(self.reader, settings.max_words)
        self.writer = StoreWriter(settings.store, self.reader, in_process=not settings.writer_process)
        self.rendered = Rendered()

    def article_from_input(self, record: dict[str, object], where: str = "") -> Article:
        """An Article from a posted object, or a 422 naming the problem (and ``where``, in a list)."""
        from newsynth.ingest.files import InputError
        from newsynth.ingest.readers import article_from_record

        origin = str(record.get("url") or "api")
        try:
            return article_from_record(record, origin)
        except InputError as error:
            raise HTTPException(422, f"{where}{error}") from error

    async def listing(self, kind: str, query: StoryQuery, render: Callable[..., str]) -> str:
        """A rendered page of the listing (``render(rows, total, query, mark)``), kept until the store
        gains an article. Read in a worker thread: SQLite lets go of the GIL while it works, so the
        event loop goes on answering other requests meanwhile."""

        def make() -> str:
            mark = self.reader.listing_mark()
            key = (kind, astuple(query), mark)
            page = self.rendered.get(key)
            return page or self.rendered.put(key, render(*self.reader.stories(query), query, mark[0]))

        return await run_in_threadpool(make)

    def story_and_brief(self, story_id: str) -> tuple[int, StoryRow, CachedBrief] | None:
        """(change mark, listing row, brief) of a story as it is now; None for an unknown story."""
        mark = self.reader.change_mark()
        row = self.reader.story(story_id)
        cached = self.briefs.get(story_id) if row else None
        return (mark, row, cached) if row and cached else None

    def close(self) -> None:
        self.writer.close()
        self.reader.close()


class Rendered:
    """The last pages rendered, by key (which holds the store's change mark, so a change retires them)."""

    def __init__(self, size: int = RENDERED_KEPT) -> None:
        self.size = size
        self.pages: OrderedDict[tuple, str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> str | None:
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key: tuple, page: str) -> str:
        with self.lock:
            self.pages[key] = page
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)
        return page


def service_of(request: Request) -> Service:
    return request.app.state.service


async def current_service(request: Request) -> Service:
    """The service, as a dependency (async: FastAPI runs plain functions in a worker thread)."""
    return service_of(request)


def iso_day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD, got {value[:40]!r}") from None


async def story_query(
    q: Annotated[str, Query(max_length=500, description="Words every listed story contains.")] = "",
    outlet: Annotated[
        str | None, Query(max_length=300, description="Only stories this outlet covers.")
    ] = None,
    since: Annotated[
        str | None, Query(description="YYYY-MM-DD: stories with an article on or after.")
    ] = None,
    until: Annotated[
        str | None, Query(description="YYYY-MM-DD: stories with an article on or before.")
    ] = None,
    sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "newest",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 30,
) -> StoryQuery:
    return StoryQuery(
        text=q.strip(),
        outlet=outlet or None,
        since=iso_day(since, "since"),
        until=iso_day(until, "until"),
        sort=sort,
        page=page,
        per_page=per_page,
    )
