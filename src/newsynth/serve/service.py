"""What the routes share: the settings, the store reader, the brief cache and the writer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import HTTPException, Query, Request

from newsynth.defaults import DEFAULT_MAX_WORDS
from newsynth.records import Article
from newsynth.serve.briefs import BriefCache
from newsynth.serve.writer import StoreWriter
from newsynth.store.reader import SORTS, StoreReader, StoryQuery

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
MAX_PAGE = 10_000


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


class Service:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.reader = StoreReader(settings.store)
        self.briefs = BriefCache(self.reader, settings.max_words)
        self.writer = StoreWriter(settings.store, self.reader)

    def article_from_input(self, record: dict[str, object], position: int) -> Article:
        """An Article from a posted object, or a 422 naming the problem."""
        from newsynth.ingest.files import InputError
        from newsynth.ingest.readers import article_from_record

        origin = str(record.get("url") or "api")
        try:
            return article_from_record(record, origin)
        except InputError as error:
            where = f"article {position + 1}: " if position else ""
            raise HTTPException(422, f"{where}{error}") from error

    def close(self) -> None:
        self.writer.close()
        self.reader.close()


def service_of(request: Request) -> Service:
    return request.app.state.service


def iso_day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD, got {value[:40]!r}") from None


def story_query(
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
